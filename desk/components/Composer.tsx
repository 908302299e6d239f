import type { TargetedEvent, TargetedInputEvent, TargetedKeyboardEvent } from 'preact';
import { useState } from 'preact/hooks';
import type { MessageAttachment } from '../../shared/protocol';
import { AttachFiles } from './AttachFiles';

export interface ComposerProps {
  sending: boolean;
  /** Resolves true when the server accepted the message (then the box is cleared). */
  onSend: (body: string, internal: boolean, attachmentIds: string[]) => Promise<boolean>;
  /** The ticket files are uploaded to (the attach button shows when given). */
  ticketId?: string;
  /** Called on keystrokes of a public reply (never for notes, which the customer must not sense). */
  onTyping: () => void;
  /** Called when typing a public reply stops (sent, switched to note). */
  onStopTyping: () => void;
}

/** Reply box with the public-reply / internal-note switch. Ctrl+Enter (⌘+Enter) sends. */
export function Composer({ sending, onSend, onTyping, onStopTyping, ticketId }: ComposerProps) {
  const [body, setBody] = useState('');
  const [internal, setInternal] = useState(false);
  const [files, setFiles] = useState<MessageAttachment[]>([]);
  const empty = body.trim() === '' && files.length === 0;

  const send = async () => {
    if (empty || sending) return;
    onStopTyping();
    if (await onSend(body, internal, files.map((f) => f.id))) {
      setBody('');
      setFiles([]);
    }
  };
  const onSubmit = (e: Event) => {
    e.preventDefault();
    void send();
  };
  const onKeyDown = (e: TargetedKeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void send();
    }
  };
  const onInput = (e: TargetedInputEvent<HTMLTextAreaElement>) => {
    setBody(e.currentTarget.value);
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
        Reply
      </label>
      <textarea
        id="composer-body"
        class="composer__input"
        rows={3}
        value={body}
        onInput={onInput}
        onKeyDown={onKeyDown}
        placeholder={internal ? 'Only agents see internal notes' : 'Write to the customer…'}
      />
      {ticketId && <AttachFiles ticketId={ticketId} files={files} onChange={setFiles} />}
      <div class="composer__bar">
        <span class="composer__toggle">
          <input id="composer-internal" type="checkbox" checked={internal} onChange={onToggle} />
          <label for="composer-internal">Internal note</label>
        </span>
        <span class="composer__hint">{internal ? 'Visible to agents only' : 'The customer sees this reply'}</span>
        <button type="submit" class={internal ? 'btn btn--note' : 'btn btn--primary'} disabled={empty || sending}>
          {internal ? 'Add note' : 'Send reply'}
        </button>
      </div>
    </form>
  );
}
