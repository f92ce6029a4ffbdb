/** The end of a run: every stored case read back, and what must hold between it and what the tabs showed. */
import type { Page } from 'playwright-core';
import type { ChromeGlobal } from '../browser/launch';
import { SoakFailure } from './soak-page';

export interface StoredCase {
  ref: string;
  postKey: string;
}

/** Every case, newest first, through the same cases/query paging the dashboard uses. */
export async function readAllCases(extensionPage: Page): Promise<{ total: number; cases: StoredCase[] }> {
  const cases: StoredCase[] = [];
  let total = 0;
  for (let offset = 0; ; offset += 1_000) {
    const answer = (await extensionPage.evaluate((message) => (globalThis as unknown as ChromeGlobal).chrome.runtime.sendMessage(message), {
      type: 'cases/query',
      payload: { filter: {}, offset, limit: 1_000 },
    })) as { ok: boolean; data?: { total: number; cases: StoredCase[] }; error?: { message: string } };
    if (!answer.ok || !answer.data) throw new SoakFailure(`cases/query failed: ${answer.error?.message ?? JSON.stringify(answer)}`);
    total = answer.data.total;
    cases.push(...answer.data.cases.map(({ ref, postKey }) => ({ ref, postKey })));
    if (answer.data.cases.length === 0 || cases.length >= total) break;
  }
  return { total, cases };
}

export interface ReadBack {
  /** postKey → the ref the UI showed for it. */
  shown: ReadonlyMap<string, string>;
  stored: { total: number; cases: StoredCase[] };
  popupTotal: number;
  badge: string;
}

export interface StoreCheck {
  failures: string[];
  lost: number;
  postsWithSeveralCases: number;
  duplicateRefs: number;
}

const firstFive = (items: string[]) => items.slice(0, 5).join(', ');

/** Nothing lost, nothing twice, every ref as shown, and the popup and badge agree with the store (all cases new). */
export function checkStore({ shown, stored, popupTotal, badge }: ReadBack): StoreCheck {
  const byPost = new Map<string, StoredCase[]>();
  const byRef = new Map<string, number>();
  for (const found of stored.cases) {
    byPost.set(found.postKey, [...(byPost.get(found.postKey) ?? []), found]);
    byRef.set(found.ref, (byRef.get(found.ref) ?? 0) + 1);
  }
  const lost = [...shown.keys()].filter((key) => !byPost.has(key));
  const twice = [...byPost].filter(([, cases]) => cases.length > 1);
  const duplicateRefs = [...byRef].filter(([, count]) => count > 1).map(([ref]) => ref);
  const mismatched = [...shown].filter(([key, ref]) => byPost.get(key)?.[0] && byPost.get(key)?.[0]?.ref !== ref).map(([key]) => key);
  const unexpected = [...byPost.keys()].filter((key) => !shown.has(key));
  const expectedBadge = stored.cases.length > 999 ? '999+' : String(stored.cases.length);
  const failures: string[] = [];
  if (lost.length > 0) failures.push(`${lost.length} logged post(s) have no case: ${firstFive(lost)}`);
  if (twice.length > 0)
    failures.push(
      `${twice.length} post(s) have more than one case: ${twice
        .slice(0, 5)
        .map(([key, cases]) => `${key} (${cases.map((each) => each.ref).join(', ')})`)
        .join('; ')}`,
    );
  if (duplicateRefs.length > 0) failures.push(`${duplicateRefs.length} ref(s) shared by several cases: ${firstFive(duplicateRefs)}`);
  if (mismatched.length > 0)
    failures.push(`${mismatched.length} case(s) stored with another ref than the UI showed: ${firstFive(mismatched)}`);
  if (unexpected.length > 0) failures.push(`${unexpected.length} case(s) for posts the soak never logged: ${firstFive(unexpected)}`);
  if (stored.total !== stored.cases.length)
    failures.push(`cases/query says total ${stored.total} but paging returned ${stored.cases.length}`);
  if (stored.cases.length !== shown.size)
    failures.push(`the store holds ${stored.cases.length} cases for ${shown.size} distinct posts logged`);
  if (popupTotal !== stored.cases.length)
    failures.push(`the popup shows ${popupTotal} open, the store holds ${stored.cases.length} (all new)`);
  if (badge !== expectedBadge)
    failures.push(`the badge says "${badge}", expected "${expectedBadge}" for ${stored.cases.length} open cases`);
  return { failures, lost: lost.length, postsWithSeveralCases: twice.length, duplicateRefs: duplicateRefs.length };
}
