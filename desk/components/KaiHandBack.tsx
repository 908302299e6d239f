import { useRef } from 'preact/hooks';
import type { TicketDetail } from '../../shared/protocol';
import { canHandBack, kaiAnswers } from '../models/TicketModel';

export interface KaiHandBackProps {
  ticket: TicketDetail;
  saving: boolean;
  /** Resolves true when the server gave the chat back to Kai. */
  onHandBack: () => Promise<boolean>;
}

function modeText(ticket: TicketDetail): string {
  if (kaiAnswers(ticket)) return 'Kai is answering this chat';
  if (ticket.conversationMode === 'waiting') return 'The customer is waiting for a person.';
  if (ticket.conversationMode === 'human') return 'A person is answering this chat.';
  return 'This chat is closed.';
}

/**
 * Who answers a chat ticket's customer now, and `Hand back to Kai` while the chat is with the team. The line is
 * a status, so "Kai is answering this chat" is announced when the handback goes through.
 */
export function KaiHandBack({ ticket, saving, onHandBack }: KaiHandBackProps) {
  const statusRef = useRef<HTMLParagraphElement>(null);
  if (ticket.channel !== 'chat' || ticket.conversationMode === null) return null;
  const onClick = async () => {
    // The button goes away on success: keep the keyboard user's place on the line that replaced it.
    if (await onHandBack()) statusRef.current?.focus();
  };
  return (
    <div class={`kai-mode kai-mode--${ticket.conversationMode}`}>
      <p class="kai-mode__text" role="status" tabIndex={-1} ref={statusRef}>
        {modeText(ticket)}
      </p>
      {canHandBack(ticket) && (
        <button type="button" class="btn" disabled={saving} onClick={() => void onClick()}>
          Hand back to Kai
        </button>
      )}
    </div>
  );
}
