import type { HandoffTarget } from '../../../lib/handoff/build';
import { t } from '../../../lib/i18n/t';

export interface HandoffListProps {
  targets: readonly HandoffTarget[];
  /** The channel opened last in this panel, if any. */
  openedChannel?: string | undefined;
  onOpen: (channel: HandoffTarget['channel']) => void;
}

/** One button per private channel; each opens its link in a new tab. */
export function HandoffList({ targets, openedChannel, onOpen }: HandoffListProps) {
  if (targets.length === 0) {
    return (
      <p className="cs-cp-empty" data-testid="careside-no-handoff">
        {t('casePanel.noHandoff')}
      </p>
    );
  }
  return (
    <ul className="cs-cp-handoffs">
      {targets.map((target) => (
        <li key={target.channel} className="cs-cp-handoff-item">
          <button
            type="button"
            className="cs-cp-handoff"
            data-testid="careside-handoff"
            data-channel={target.channel}
            data-opened={openedChannel === target.channel}
            title={target.url}
            onClick={() => onOpen(target.channel)}
          >
            {target.label}
          </button>
          {target.note ? <p className="cs-cp-note">{target.note}</p> : null}
        </li>
      ))}
    </ul>
  );
}
