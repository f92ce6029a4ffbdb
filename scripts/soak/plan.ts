/**
 * One round's plan, decided before any tab acts: each tab's new posts (plus posts shown again
 * after a restart), which of them it logs (cases in step with posts), and now and then one post
 * shown in two tabs to be logged from both at once. Pure, so it is tested alone.
 */
import type { XPostSpec } from '../../demo/x/markup';
import { keyOfPost, mentionsBrand, soakPost } from './posts';

export interface TabPlan {
  tab: number;
  posts: XPostSpec[];
  toLog: XPostSpec[];
}

export interface RoundPlan {
  tabs: TabPlan[];
  /** A brand mention shown in two tabs, both to click at once. */
  duplicate?: { post: XPostSpec; tabs: [number, number] };
}

/** The run's posts in order; `next` hands out the next new one. */
export class PostStream {
  private index = 0;
  constructor(readonly total: number) {}
  get issued(): number {
    return this.index;
  }
  get done(): boolean {
    return this.index >= this.total;
  }
  next(): XPostSpec {
    return soakPost(this.index++);
  }
}

export interface RoundInput {
  round: number;
  /** New posts per tab this round. */
  batches: number[];
  cases: number;
  duplicateEvery: number;
  /** Cases logged in earlier rounds. */
  loggedSoFar: number;
  /** Keys of posts already logged. */
  logged: ReadonlySet<string> | ReadonlyMap<string, unknown>;
  /** Posts to show again (taken from, 3 per tab). */
  shownAgain: XPostSpec[];
}

export function planRound(input: RoundInput, stream: PostStream): RoundPlan {
  const plans: TabPlan[] = input.batches.map((batch, tab) => {
    const posts: XPostSpec[] = [];
    for (let i = 0; i < batch && !stream.done; i++) posts.push(stream.next());
    posts.push(...input.shownAgain.splice(0, 3));
    return { tab, posts, toLog: [] };
  });
  let toLog = Math.round((input.cases * stream.issued) / stream.total) - input.loggedSoFar;
  let duplicate: RoundPlan['duplicate'];
  const tabCount = plans.length;
  if (input.round % input.duplicateEvery === 0 && toLog > 0 && tabCount >= 2 && !stream.done) {
    const post = stream.next();
    const pair: [number, number] = [input.round % tabCount, (input.round + 1) % tabCount];
    for (const tab of pair) plans[tab]?.posts.push(post);
    if (mentionsBrand(post)) {
      duplicate = { post, tabs: pair };
      toLog--;
    }
  }
  const loggable = (plan: TabPlan) => (post: XPostSpec) =>
    mentionsBrand(post) && !input.logged.has(keyOfPost(post)) && !plan.toLog.includes(post) && post !== duplicate?.post;
  // Spread the logs over the tabs, taking fresh brand mentions from each tab's batch.
  for (let i = 0; toLog > 0; i++) {
    const plan = plans[i % tabCount] as TabPlan;
    const candidate = plan.posts.find(loggable(plan));
    if (candidate) {
      plan.toLog.push(candidate);
      toLog--;
    } else if (plans.every((each) => !each.posts.some(loggable(each)))) break;
  }
  return { tabs: plans, duplicate };
}
