import { describe, expect, it } from 'vitest';
import type { PostKey } from '../domain/post';
import type { BrandMatch } from '../match/brand-matcher';
import type { InlineView } from './inline-control';
import { INLINE_TAG, POST_KEY_ATTRIBUTE } from './inline-control';
import type { PostReading } from './page-index';
import { PostControls } from './post-controls';
import type { PostRecord } from './post-registry';

const MENTION: BrandMatch = { brandIds: ['acme'], hits: [], byBrand: false };
const NO_MENTION: BrandMatch = { brandIds: [], hits: [], byBrand: false };

/** Post elements on the page, each with an action bar the control goes after. */
function postElement(): HTMLElement {
  const element = document.createElement('article');
  element.append(document.createElement('footer'));
  document.body.append(element);
  return element;
}

const record = (postKey: PostKey, match: BrandMatch, ...elements: Element[]) =>
  ({ postKey, match, elements: new Set(elements) }) as unknown as PostRecord;
const reading = (rec: PostRecord): PostReading => ({
  record: rec,
  changed: true,
  wantsControl: rec.match.brandIds.length > 0 && !rec.match.byBrand,
});
const controlsIn = (element: Element) => [...element.querySelectorAll(INLINE_TAG)].map((host) => host.getAttribute(POST_KEY_ATTRIBUTE));

/** Controls over the given records; the case view and triage line are the test's. */
function setUp(records: PostRecord[]) {
  const caseViews = new Map<PostKey, InlineView>();
  const triageLines = new Map<PostKey, InlineView['triage']>();
  const viewsAsked: PostKey[] = [];
  const controls = new PostControls({
    doc: document,
    adapter: { anchorFor: (element) => ({ element: element.lastElementChild ?? element, position: 'afterend' }) },
    index: {
      records: () => records,
      get: (postKey) => records.find((candidate) => candidate.postKey === postKey),
      triageViewOf: (postKey) => triageLines.get(postKey),
    },
    caseViewOf: (postKey) => {
      viewsAsked.push(postKey);
      return caseViews.get(postKey) ?? { kind: 'log' };
    },
    onLog: () => undefined,
  });
  return { controls, caseViews, triageLines, viewsAsked };
}

describe('PostControls', () => {
  it('gives a just-read element a control only if its post mentions a brand, and takes it away when it no longer does', () => {
    document.body.replaceChildren();
    const element = postElement();
    const { controls } = setUp([]);
    controls.show(element, reading(record('x:1', MENTION, element)));
    expect(controlsIn(element)).toEqual(['x:1']);
    controls.show(element, reading(record('x:2', NO_MENTION, element)));
    expect(controlsIn(element)).toEqual([]);
    controls.show(element, reading(record('x:1', MENTION, element)));
    controls.show(element, undefined);
    expect(controlsIn(element)).toEqual([]);
  });

  it('combines the case view with the triage line', () => {
    const { controls, caseViews, triageLines } = setUp([]);
    caseViews.set('x:1', { kind: 'case', ref: 'CS-7F3K', statusLabel: 'New' });
    const triage = { label: 'P2 · Lost / damaged', explain: () => 'P2: complaint' };
    triageLines.set('x:1', triage);
    expect(controls.viewFor('x:1')).toEqual({ kind: 'case', ref: 'CS-7F3K', statusLabel: 'New', triage });
    expect(controls.viewFor('x:2')).toEqual({ kind: 'log' });
  });

  it('after a triage answer re-renders the controls of those posts on the page, and after new brands every post element', () => {
    document.body.replaceChildren();
    const [first, second, gone] = [postElement(), postElement(), postElement()];
    gone.remove();
    const mention = record('x:1', MENTION, first, gone);
    const other = record('x:2', NO_MENTION, second);
    const { controls, viewsAsked } = setUp([mention, other]);
    controls.showTriaged(['x:1', 'x:2', 'x:404']);
    expect(controlsIn(document.body)).toEqual(['x:1']);
    expect(viewsAsked).toEqual(['x:1']);

    mention.match = NO_MENTION;
    other.match = MENTION;
    controls.showAll();
    expect(controlsIn(document.body)).toEqual(['x:2']);
  });

  it('forgets the controls of elements that left the page, and removes them all when asked', () => {
    document.body.replaceChildren();
    const [first, second] = [postElement(), postElement()];
    const { controls, caseViews, viewsAsked } = setUp([]);
    controls.show(first, reading(record('x:1', MENTION, first)));
    controls.show(second, reading(record('x:2', MENTION, second)));
    first.remove();
    controls.prune();
    viewsAsked.length = 0;
    caseViews.set('x:2', { kind: 'pending' });
    controls.refresh();
    expect(viewsAsked).toEqual(['x:2']);
    controls.removeAll();
    expect(controlsIn(document.body)).toEqual([]);
  });
});
