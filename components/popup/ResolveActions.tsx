import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { Case } from '../../lib/domain/case';
import { sendMessage } from '../../lib/messaging/client';
import { caseKeys } from '../../lib/queries/cases';
import { resolutionLabel, RESOLUTIONS, UNDO_RESOLVE_MS, type Resolution, type ResolveUndo } from '../../lib/workflow/resolve';
import { t } from '../../lib/i18n/t';

/** A resolve that can still be undone: shown for UNDO_RESOLVE_MS, then the offer goes away. */
export interface UndoOffer {
  ref: string;
  resolution: Resolution;
  undo: ResolveUndo;
}

/** The undo offer lives above the case lists, which lose the resolved case's row at once. */
export function useUndoOffer(): [UndoOffer | null, (offer: UndoOffer | null) => void] {
  const [offer, setOffer] = useState<UndoOffer | null>(null);
  useEffect(() => {
    if (!offer) return undefined;
    const timer = setTimeout(() => setOffer(null), UNDO_RESOLVE_MS);
    return () => clearTimeout(timer);
  }, [offer]);
  return [offer, setOffer];
}

/** "CS-7F3K resolved as Spam. Undo" while the resolve can still be taken back. */
export function UndoResolveBanner({ offer, onDone }: { offer: UndoOffer | null; onDone: () => void }) {
  const queryClient = useQueryClient();
  const undo = useMutation({
    mutationFn: (what: ResolveUndo) => sendMessage('cases/undoResolve', { undo: what }),
    onSuccess: () => {
      onDone();
      return queryClient.invalidateQueries({ queryKey: caseKeys.all });
    },
  });
  return (
    <div role="status" className="popup-undo-region">
      {offer && (
        <p className="popup-undo" data-testid="popup-undo">
          <span>
            {t(offer.resolution === 'responded' || offer.resolution === 'handed_off' ? 'popup.resolvedAs' : 'popup.closedAs', {
              ref: offer.ref,
              resolution: resolutionLabel(offer.resolution),
            })}
          </span>{' '}
          <button type="button" data-testid="popup-undo-button" disabled={undo.isPending} onClick={() => undo.mutate(offer.undo)}>
            {undo.isPending ? t('popup.undoing') : t('popup.undo')}
          </button>
        </p>
      )}
      {undo.isError && (
        <p role="alert" className="popup-action-error">
          {undo.error.message}
        </p>
      )}
    </div>
  );
}

/** Open the post, or resolve the case after saying how it ended (responded, handed off, not actionable, spam). */
export function CaseActions({ item, onResolved }: { item: Case; onResolved: (offer: UndoOffer) => void }) {
  const queryClient = useQueryClient();
  const [choosing, setChoosing] = useState(false);
  const firstChoice = useRef<HTMLButtonElement>(null);
  const resolveButton = useRef<HTMLButtonElement>(null);
  const resolve = useMutation({
    mutationFn: (resolution: Resolution) => sendMessage('cases/resolve', { caseId: item.id, resolution }),
    onSuccess: (answer, resolution) => {
      onResolved({ ref: item.ref, resolution, undo: answer.undo });
      return queryClient.invalidateQueries({ queryKey: caseKeys.all });
    },
  });
  useEffect(() => {
    if (choosing) firstChoice.current?.focus();
  }, [choosing]);
  const cancel = () => {
    setChoosing(false);
    resolveButton.current?.focus();
  };

  return (
    <div className="popup-actions-block">
      <p className="popup-actions">
        <a href={item.post.url} target="_blank" rel="noopener noreferrer" data-testid={`popup-open-post-${item.ref}`}>
          {t('popup.openPost')}
          <span className="visually-hidden">{t('popup.newTab')}</span>
        </a>
        <button
          type="button"
          ref={resolveButton}
          data-testid={`popup-resolve-${item.ref}`}
          aria-expanded={choosing}
          disabled={resolve.isPending}
          onClick={() => setChoosing((open) => !open)}
        >
          {resolve.isPending ? t('popup.resolving') : t('popup.resolve')}
        </button>
      </p>
      {choosing && (
        <div
          role="group"
          aria-label={t('popup.howDidCaseEnd', { ref: item.ref })}
          className="popup-resolve-choices"
          data-testid={`popup-resolve-choices-${item.ref}`}
          onKeyDown={(event) => {
            if (event.key === 'Escape') cancel();
          }}
        >
          <span className="popup-muted">{t('popup.howDidItEnd')}</span>
          {RESOLUTIONS.map((resolution, index) => (
            <button
              key={resolution}
              type="button"
              ref={index === 0 ? firstChoice : undefined}
              data-testid={`popup-resolve-${item.ref}-${resolution}`}
              disabled={resolve.isPending}
              onClick={() => resolve.mutate(resolution)}
            >
              {resolutionLabel(resolution)}
            </button>
          ))}
          <button type="button" className="popup-link-button" onClick={cancel}>
            {t('popup.cancel')}
          </button>
        </div>
      )}
      {resolve.isError && (
        <p role="alert" className="popup-action-error">
          {resolve.error.message}
        </p>
      )}
    </div>
  );
}
