import type { Signal } from '@preact/signals';
import type { ComponentChildren, TargetedKeyboardEvent, TargetedSubmitEvent } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { useT } from '../../i18n/context';

/** Same limit as MAX_MESSAGE_LENGTH in shared/protocol.ts (not imported: that module would bundle zod). */
export const MESSAGE_MAX_LENGTH = 5000;

export interface ComposerProps {
  /** The text being written; the bridge's `prefill` writes here too. */
  draft: Signal<string>;
  /** Sends the text; returns false when there was nothing to send. */
  onSend: (text: string) => boolean;
  /** Called on each keystroke (the model tells others the visitor is typing). */
  onTyping?: () => void;
  onEscalate: () => void;
  /** Whether "Talk to a person" is offered (only while Kai answers). */
  canEscalate: boolean;
  /** An escalation is under way, or there is no connection to ask over. */
  escalateDisabled: boolean;
  /** Each change asks the textarea to take focus. */
  focusRequests: number;
  /** Shown beside Send: the attach button (a lazily loaded part, once a person has the conversation). */
  attach?: ComponentChildren;
}

/** The textarea (Enter sends, Shift+Enter is a new line), Send, and "Talk to a person". */
export function Composer({ draft, onSend, onTyping, onEscalate, canEscalate, escalateDisabled, focusRequests, attach }: ComposerProps) {
  const i18n = useT();
  const input = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (focusRequests > 0) input.current?.focus();
  }, [focusRequests]);

  const send = (): void => {
    if (onSend(draft.value)) draft.value = '';
    input.current?.focus();
  };
  const onSubmit = (event: TargetedSubmitEvent<HTMLFormElement>): void => {
    event.preventDefault();
    send();
  };
  const onKeyDown = (event: TargetedKeyboardEvent<HTMLTextAreaElement>): void => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      send();
    }
  };

  return (
    <form class="fd-composer" onSubmit={onSubmit}>
      {canEscalate && (
        <button type="button" class="fd-escalate" onClick={onEscalate} disabled={escalateDisabled}>
          {i18n.t('talkToPerson')}
        </button>
      )}
      <div class="fd-composer__row">
        <label class="fd-sr" for="fd-message">
          {i18n.t('message')}
        </label>
        <textarea
          id="fd-message"
          ref={input}
          class="fd-composer__input"
          rows={1}
          maxLength={MESSAGE_MAX_LENGTH}
          placeholder={i18n.t('placeholder')}
          value={draft.value}
          onInput={(event) => {
            draft.value = event.currentTarget.value;
            onTyping?.();
          }}
          onKeyDown={onKeyDown}
        />
        {attach}
        <button type="submit" class="fd-send" aria-label={i18n.t('send')}>
          <svg viewBox="0 0 24 24" aria-hidden="true">
            <path d="M3 20.5 21 12 3 3.5l.01 6.6L15 12 3.01 13.9z" />
          </svg>
        </button>
      </div>
    </form>
  );
}
