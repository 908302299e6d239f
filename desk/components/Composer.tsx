import type { TargetedEvent, TargetedInputEvent, TargetedKeyboardEvent } from 'preact';
import { useState } from 'preact/hooks';
import type { Macro, RenderedMacro } from '../../shared/team';
import type { DraftChanges } from '../models/TicketModel';
import { MacroList, macroOptionId, matchMacros } from './MacroList';
import type { MessageAttachment } from '../../shared/protocol';
import { AttachFiles } from './AttachFiles';
import { useDeskT } from '../i18n/i18n';
import { levelLabel, statusLabel } from '../format';

export interface ComposerProps {
  sending: boolean;
  /** Resolves true when the server accepted the message (then the box is cleared); `changes` come from a macro. */
  onSend: (body: string, internal: boolean, attachmentIds: string[], changes?: DraftChanges) => Promise<boolean>;
  /** The ticket files are uploaded to (the attach button shows when given). */
  ticketId?: string;
  /** Saved replies offered by typing `/`; without them `/` is just a character. */
  macros?: readonly Macro[] | undefined;
  /** A macro's text for this ticket (placeholders filled); null when it could not be had. */
  renderMacro?: ((macroId: string) => Promise<RenderedMacro | null>) | undefined;
  /** Called on keystrokes of a public reply (never for notes, which the customer must not sense). */
  onTyping: () => void;
  /** Called when typing a public reply stops (sent, switched to note). */
  onStopTyping: () => void;
}

function changesOf(m: RenderedMacro): DraftChanges | undefined {
  const changes: DraftChanges = {
    ...(m.setStatus ? { status: m.setStatus } : {}),
    ...(m.setUrgency ? { urgency: m.setUrgency } : {}),
    ...(m.setImpact ? { impact: m.setImpact } : {}),
    ...(m.tags.length ? { addTags: m.tags } : {}),
  };
  return Object.keys(changes).length ? changes : undefined;
}

/**
 * Reply box with the public-reply / internal-note switch. Ctrl+Enter (⌘+Enter) sends. Typing `/` at the start
 * opens the macros (arrow keys, Enter to insert, Escape to close); an inserted macro may also set the status or
 * priority, and add its tags, when the reply is sent.
 */
export function Composer({ sending, onSend, onTyping, onStopTyping, ticketId, macros, renderMacro }: ComposerProps) {
  const [body, setBody] = useState('');
  const t = useDeskT();
  const [internal, setInternal] = useState(false);
  const [files, setFiles] = useState<MessageAttachment[]>([]);
  const [changes, setChanges] = useState<DraftChanges | undefined>(undefined);
  const [active, setActive] = useState(0);
  const [menuClosed, setMenuClosed] = useState(false);
  const empty = body.trim() === '' && files.length === 0;
  const slash = macros && renderMacro && body.startsWith('/') && !body.includes('\n') && !menuClosed ? matchMacros(macros, body.slice(1)) : null;

  const send = async () => {
    if (empty || sending || slash) return;
    onStopTyping();
    if (await onSend(body, internal, files.map((f) => f.id), changes)) {
      setBody('');
      setFiles([]);
      setChanges(undefined);
    }
  };
  const pick = async (macro: Macro) => {
    const rendered = await renderMacro?.(macro.id);
    if (!rendered) return;
    setBody(rendered.body);
    setChanges(changesOf(rendered));
    setActive(0);
  };
  const onSubmit = (e: Event) => {
    e.preventDefault();
    void send();
  };
  const onKeyDown = (e: TargetedKeyboardEvent<HTMLTextAreaElement>) => {
    if (slash) {
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        const step = e.key === 'ArrowDown' ? 1 : -1;
        setActive((i) => (slash.length ? (i + step + slash.length) % slash.length : 0));
        return;
      }
      if (e.key === 'Enter' && slash[active]) {
        e.preventDefault();
        void pick(slash[active]);
        return;
      }
      if (e.key === 'Escape') {
        e.preventDefault();
        setMenuClosed(true);
        return;
      }
    }
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void send();
    }
  };
  const onInput = (e: TargetedInputEvent<HTMLTextAreaElement>) => {
    const value = e.currentTarget.value;
    setBody(value);
    setActive(0);
    if (!value.startsWith('/')) setMenuClosed(false);
    if (!internal) onTyping();
  };
  const onToggle = (e: TargetedEvent<HTMLInputElement>) => {
    const next = e.currentTarget.checked;
    setInternal(next);
    if (next) onStopTyping();
  };

  return (
    <form class={internal ? 'composer composer--internal' : 'composer'} onSubmit={onSubmit}>
      <label class="composer__label" for="composer-body">
        {t.t('reply')}
      </label>
      <textarea
        id="composer-body"
        class="composer__input"
        rows={3}
        value={body}
        onInput={onInput}
        onKeyDown={onKeyDown}
        placeholder={internal ? t.t('notePlaceholder') : macros ? t.t('replyPlaceholderMacros') : t.t('replyPlaceholder')}
        aria-controls={slash ? 'macro-list' : undefined}
        aria-activedescendant={slash?.[active] ? macroOptionId(slash[active].id) : undefined}
        aria-autocomplete={macros ? 'list' : undefined}
      />
      {slash && <MacroList macros={slash} activeIndex={active} onPick={(m) => void pick(m)} />}
      {changes && (
        <p class="composer__hint">
          {t.t('alsoSets', {
            changes: [
              changes.status && t.t('alsoSetsStatus', { value: statusLabel(changes.status, t) }),
              changes.urgency && t.t('alsoSetsUrgency', { value: levelLabel(changes.urgency, t) }),
              changes.impact && t.t('alsoSetsImpact', { value: levelLabel(changes.impact, t) }),
              changes.addTags && t.t('alsoSetsTags', { value: changes.addTags.join(', ') }),
            ]
              .filter(Boolean)
              .join(', '),
          })}
        </p>
      )}
      {ticketId && <AttachFiles ticketId={ticketId} files={files} onChange={setFiles} />}
      <div class="composer__bar">
        <span class="composer__toggle">
          <input id="composer-internal" type="checkbox" checked={internal} onChange={onToggle} />
          <label for="composer-internal">{t.t('internalNote')}</label>
        </span>
        <span class="composer__hint">{internal ? t.t('agentsOnly') : t.t('customerSees')}</span>
        <button type="submit" class={internal ? 'btn btn--note' : 'btn btn--primary'} disabled={empty || sending}>
          {internal ? t.t('addNote') : t.t('sendReply')}
        </button>
      </div>
    </form>
  );
}
