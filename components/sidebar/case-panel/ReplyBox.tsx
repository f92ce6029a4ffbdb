import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { replaceSlashQuery, searchSavedReplies, slashQueryAt, type SavedReply, type SlashQuery } from '../../../lib/replies/saved-replies';
import { t } from '../../../lib/i18n/t';
import { formatNumber } from '../../../lib/i18n/format';

export interface ReplyBoxProps {
  value: string;
  onChange: (text: string) => void;
  /** The brand's saved replies, variables already filled in. */
  savedReplies: readonly SavedReply[];
}

/**
 * The reply editor. Typing "/" (at the start or after a space) opens the brand's saved replies,
 * filtered by what follows; arrows move, Enter inserts in place of the "/search", Esc closes.
 * The list is a listbox the textarea points to (aria-activedescendant), so focus stays in the text.
 */
export function ReplyBox({ value, onChange, savedReplies }: ReplyBoxProps) {
  const listId = useId();
  const box = useRef<HTMLTextAreaElement>(null);
  const list = useRef<HTMLDivElement>(null);
  const [slash, setSlash] = useState<SlashQuery | undefined>(undefined);
  const [active, setActive] = useState(0);
  const matches = slash ? searchSavedReplies(savedReplies, slash.query) : [];
  const activeIndex = Math.min(active, matches.length - 1);
  const listed = slash !== undefined && matches.length > 0;

  const track = (text: string, caret: number) => {
    const next = slashQueryAt(text, caret);
    if (next?.start !== slash?.start || next?.query !== slash?.query) setActive(0);
    // The box is often at the bottom of the sidebar: bring the list that just opened into sight.
    if (next !== undefined && slash === undefined) requestAnimationFrame(() => list.current?.scrollIntoView({ block: 'nearest' }));
    setSlash(next);
  };

  const insert = (reply: SavedReply) => {
    if (!slash) return;
    const next = replaceSlashQuery(value, slash, reply.body);
    onChange(next.text);
    setSlash(undefined);
    // After React has written the new value: the caret goes right after the inserted text.
    requestAnimationFrame(() => {
      box.current?.focus();
      box.current?.setSelectionRange(next.caret, next.caret);
    });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (slash === undefined) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      setSlash(undefined);
      return;
    }
    if (matches.length === 0) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((activeIndex + step + matches.length) % matches.length);
    } else if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      const reply = matches[activeIndex];
      if (reply) insert(reply);
    }
  };

  return (
    <div className="cs-cp-replybox">
      <textarea
        ref={box}
        id="careside-reply-text"
        className="cs-cp-text"
        data-testid="careside-reply-text"
        dir="auto"
        rows={6}
        value={value}
        placeholder={t('casePanel.placeholder')}
        aria-autocomplete="list"
        data-popup-open={slash !== undefined}
        aria-controls={listed ? listId : undefined}
        aria-activedescendant={listed ? `${listId}-${activeIndex}` : undefined}
        aria-describedby={`${listId}-hint`}
        onChange={(event) => {
          onChange(event.target.value);
          track(event.target.value, event.target.selectionStart);
        }}
        onSelect={(event) => track(event.currentTarget.value, event.currentTarget.selectionStart)}
        onKeyDown={onKeyDown}
        onBlur={() => setSlash(undefined)}
      />
      <p id={`${listId}-hint`} className="cs-cp-note">
        {t('casePanel.savedHint', {
          which:
            savedReplies.length > 0
              ? t('casePanel.savedHintBrand', savedReplies.length, { count: formatNumber(savedReplies.length) })
              : t('casePanel.savedHintAll'),
        })}
      </p>
      {slash !== undefined ? (
        <div ref={list} className="cs-cp-saved" data-testid="careside-saved-replies">
          {listed ? (
            <ul id={listId} role="listbox" aria-label={t('casePanel.savedReplies')} className="cs-cp-saved-list">
              {matches.map((reply, index) => (
                <li
                  key={reply.id}
                  id={`${listId}-${index}`}
                  role="option"
                  aria-selected={index === activeIndex}
                  className="cs-cp-saved-item"
                  data-testid="careside-saved-reply"
                  data-saved-reply-id={reply.id}
                  // Keep the caret in the text: a click must not blur it first.
                  onMouseDown={(event) => event.preventDefault()}
                  onClick={() => insert(reply)}
                >
                  <span className="cs-cp-saved-title">{reply.title}</span>
                  <span className="cs-cp-saved-body">{reply.body}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="cs-cp-empty" role="status">
              {savedReplies.length === 0 ? t('casePanel.noSaved') : t('casePanel.noSavedMatch', { query: slash.query })}
            </p>
          )}
        </div>
      ) : null}
    </div>
  );
}
