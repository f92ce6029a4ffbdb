import type { CorrectionLabel } from '../../lib/domain/learning';
import { MentionRow, type MentionRowView } from './MentionRow';
import type { DueLabel } from './useDueLabels';
import type { ListHoldEvents } from './useHeldOrder';
import { OrderNotice } from './OrderNotice';
import { replyingLabel } from '../../lib/content/presence-watch';
import { t } from '../../lib/i18n/t';
import { formatNumber } from '../../lib/i18n/format';

/** Where the sidebar's one correction request stands. */
export interface CorrectionState {
  pendingKey?: string | undefined;
  error?: { postKey: string; message: string } | undefined;
}

export interface MentionListProps {
  mentions: MentionRowView[];
  /** First-response countdowns of logged rows still waiting for an answer. */
  dueLabels?: ReadonlyMap<string, DueLabel>;
  /** "backlog · posted 3 d ago" per row whose post is older than the backlog age. */
  backlogLabels?: ReadonlyMap<string, string>;
  /** Teammates replying to a row's post ("Priya is replying"), by post key. */
  replying?: ReadonlyMap<string, readonly string[]>;
  /** Takes a row off the list (remembered); rows show no Dismiss without it. */
  onDismiss?: (postKey: string) => void;
  onLog: (postKey: string) => void;
  /** Scroll the page to a row's post and outline it. */
  onShowPost?: (postKey: string) => void;
  /** Opens the case panel for a logged post. */
  onOpenCase?: (postKey: string) => void;
  /** The team's call on a row's verdict; rows show no correction control without it. */
  onCorrect?: (postKey: string, label: CorrectionLabel) => void;
  /** The row whose correction is on its way, and the last correction that failed. */
  correction?: CorrectionState;
  /** Listed rows not rendered yet (less urgent than those shown), and how to show more of them. */
  hiddenCount?: number;
  onShowMore?: () => void;
  /** Pointer and focus handlers of the list: while either is in it, the rows shown keep their order. */
  listEvents?: ListHoldEvents;
  /** The rows shown are not the current order (held), how many rows wait, and how to apply it. */
  orderStale?: boolean;
  heldBackCount?: number;
  /** Of the rows waiting, those not listed when the hold began (the notice says "N new mentions"). */
  newRowsCount?: number;
  onApplyOrder?: () => void;
}

/**
 * The mention rows, the notice of rows held back while the user is in the list, and "Show more".
 * One element holds them, so pointer and focus anywhere on them hold the order (useHeldOrder).
 */
export function MentionList(props: MentionListProps) {
  const { mentions, onLog, onOpenCase } = props;
  const hiddenCount = props.hiddenCount ?? 0;
  return (
    <div className="cs-list" {...props.listEvents}>
      {mentions.length > 0 ? (
        <ul className="cs-mentions">
          {mentions.map((mention) => (
            <MentionRow
              key={mention.postKey}
              mention={mention}
              due={props.dueLabels?.get(mention.postKey)}
              backlog={props.backlogLabels?.get(mention.postKey)}
              replying={replyingLabel(props.replying?.get(mention.postKey))}
              onLog={onLog}
              {...(onOpenCase ? { onOpenCase } : {})}
              {...(props.onShowPost ? { onShowPost: props.onShowPost } : {})}
              {...(props.onDismiss ? { onDismiss: props.onDismiss } : {})}
              {...(props.onCorrect ? { onCorrect: props.onCorrect } : {})}
              correcting={props.correction?.pendingKey === mention.postKey}
              correctionError={props.correction?.error?.postKey === mention.postKey ? props.correction.error.message : undefined}
            />
          ))}
        </ul>
      ) : null}
      {props.onApplyOrder ? (
        <OrderNotice stale={props.orderStale ?? false} newRows={props.newRowsCount ?? 0} onApply={props.onApplyOrder} />
      ) : null}
      {hiddenCount > 0 && props.onShowMore ? (
        <button type="button" className="cs-link cs-more" data-testid="careside-show-more" onClick={props.onShowMore}>
          {t('sidebar.showMore', hiddenCount, { count: formatNumber(hiddenCount) })}
        </button>
      ) : null}
    </div>
  );
}
