/**
 * The business a Yelp page is about: Yelp's business id (meta[name="yelp-biz-id"] on www, the
 * /r2r/<bizId> path on biz.yelp.com), its public alias (/biz/<alias>) and its name (JSON-LD
 * LocalBusiness, else the page heading). Read once per document and URL.
 */
import { YELP_SELECTORS as S } from './selectors';

export interface Business {
  id?: string;
  alias?: string;
  name?: string;
}

const BIZ_ID = /^[A-Za-z0-9_-]{6,64}$/;
const cache = new WeakMap<Document, { href: string; business: Business }>();

function aliasFrom(href: string | null | undefined, base: string): string | undefined {
  if (!href) return undefined;
  try {
    const url = new URL(href, base);
    if (url.protocol !== 'https:' || url.hostname !== 'www.yelp.com') return undefined;
    const alias = /^\/biz\/([^/?#]+)\/?$/.exec(url.pathname)?.[1];
    return alias && /^[A-Za-z0-9%._~-]{1,200}$/.test(alias) ? alias : undefined;
  } catch {
    return undefined;
  }
}

function nameFromJsonLd(doc: Document): string | undefined {
  for (const script of doc.querySelectorAll(S.jsonLd)) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue;
    }
    for (const item of Array.isArray(data) ? (data as unknown[]) : [data]) {
      if (typeof item !== 'object' || item === null) continue;
      const { '@type': type, name, address } = item as Record<string, unknown>;
      // LocalBusiness and its subtypes (Restaurant, Dentist, ...) carry an address; breadcrumbs do not.
      if (typeof name === 'string' && type !== 'BreadcrumbList' && (type === 'LocalBusiness' || address)) return name;
    }
  }
  return undefined;
}

export function readBusiness(doc: Document, win: Window): Business {
  const href = win.location.href;
  const cached = cache.get(doc);
  if (cached?.href === href) return cached.business;

  let pageUrl: URL | undefined;
  try {
    pageUrl = new URL(href);
  } catch {
    pageUrl = undefined;
  }
  const metaId = doc.querySelector(S.bizIdMeta)?.getAttribute('content') ?? '';
  const pathId = pageUrl?.hostname === 'biz.yelp.com' ? /^\/r2r\/([^/]+)/.exec(pageUrl.pathname)?.[1] : undefined;
  const id = [metaId, pathId].find((candidate) => candidate !== undefined && BIZ_ID.test(candidate));
  const alias =
    aliasFrom(doc.querySelector(S.canonicalLink)?.getAttribute('href'), href) ??
    aliasFrom(href, href) ??
    aliasFrom(doc.querySelector(S.publicBizLink)?.getAttribute('href'), href);
  const name = nameFromJsonLd(doc) ?? (doc.querySelector(S.businessHeading)?.textContent?.trim() || undefined);

  const business: Business = { ...(id ? { id } : {}), ...(alias ? { alias } : {}), ...(name ? { name } : {}) };
  cache.set(doc, { href, business });
  return business;
}
