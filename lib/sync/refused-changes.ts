import type { PostKey } from '../domain/post';
import { REFUSED_KINDS, type RefusedChange } from '../domain/team-connection';
import { DOC_PREFIX, postKeyOfDocId } from './docs';

/** What kind of team document this id names (its prefix). */
export function refusedKind(id: string): RefusedChange['kind'] {
  const kind = REFUSED_KINDS.find((name) => name !== 'other' && id.startsWith(DOC_PREFIX[name]));
  return kind ?? 'other';
}

/** Refused documents as the views list them: kind, the ref of the case they belong to (when held here), the reason. */
export function describeRefusals(refusals: readonly { id: string; reason: string }[], refs: ReadonlyMap<PostKey, string>): RefusedChange[] {
  return refusals.map(({ id, reason }) => {
    const postKey = postKeyOfDocId(id);
    const ref = postKey === undefined ? undefined : refs.get(postKey);
    return { id, kind: refusedKind(id), ...(ref ? { ref } : {}), reason };
  });
}
