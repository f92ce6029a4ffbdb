import type { TriageResult } from '../domain/triage';
import type { PostRecord } from './post-registry';
import type { MentionEntry } from './view-model';

/**
 * The sidebar's entry for each mention; the same object while its post, match and triage are
 * the same, so publishing a page of thousands allocates only for what changed and the
 * sidebar's memoised rows see unchanged entries as unchanged.
 */
export class MentionEntries {
  private readonly entries = new WeakMap<PostRecord, MentionEntry>();

  of(record: PostRecord, triage: TriageResult | undefined): MentionEntry {
    const { post, match } = record;
    const known = this.entries.get(record);
    if (known?.post === post && known.brandIds === match.brandIds && known.byBrand === match.byBrand && known.triage === triage) {
      return known;
    }
    const entry: MentionEntry = {
      postKey: record.postKey,
      post,
      brandIds: match.brandIds,
      byBrand: match.byBrand,
      ...(triage ? { triage } : {}),
    };
    this.entries.set(record, entry);
    return entry;
  }
}
