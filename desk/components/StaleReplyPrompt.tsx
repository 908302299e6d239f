import type { StaleReply } from '../models/TicketModel';

export interface StaleReplyPromptProps {
  stale: StaleReply;
  sending: boolean;
  onSendAnyway: () => void;
  onDismiss: () => void;
}

/** The server kept a reply back because someone else wrote first: what they wrote, then send anyway or rethink. */
export function StaleReplyPrompt({ stale, sending, onSendAnyway, onDismiss }: StaleReplyPromptProps) {
  return (
    <section class="stale-reply" role="alert" aria-label="New messages since you opened this ticket">
      <p>
        {stale.messages.length === 1 ? 'A new message was' : `${stale.messages.length} new messages were`} written since you opened this ticket. Your
        reply was not sent.
      </p>
      <ul>
        {stale.messages.map((m) => (
          <li key={m.id}>
            <strong>{m.author.name}</strong>: {m.body}
          </li>
        ))}
      </ul>
      <button type="button" class="btn btn--primary" disabled={sending} onClick={onSendAnyway}>
        Send anyway
      </button>{' '}
      <button type="button" class="btn btn--ghost" onClick={onDismiss}>
        Edit my reply
      </button>
    </section>
  );
}
