import { useRef } from 'preact/hooks';
import type { TicketDetail } from '../../shared/protocol';
import { canHandBack, kaiAnswers } from '../models/TicketModel';
import { useDeskT, type DeskTexts } from '../i18n/i18n';

export interface KaiHandBackProps {
  ticket: TicketDetail;
  saving: boolean;
  /** Resolves true when the server gave the chat back to Kai. */
  onHandBack: () => Promise<boolean>;
}

function modeText(ticket: TicketDetail, t: DeskTexts): string {
  if (kaiAnswers(ticket)) return t.t('kaiAnswering');
  if (ticket.conversationMode === 'waiting') return t.t('customerWaiting');
  if (ticket.conversationMode === 'human') return t.t('personAnswering');
  return t.t('chatClosed');
}

/**
 * Who answers a chat ticket's customer now, and `Hand back to Kai` while the chat is with the team. The line is
 * a status, so "Kai is answering this chat" is announced when the handback goes through.
 */
export function KaiHandBack({ ticket, saving, onHandBack }: KaiHandBackProps) {
  const statusRef = useRef<HTMLParagraphElement>(null);
  const t = useDeskT();
  if (ticket.channel !== 'chat' || ticket.conversationMode === null) return null;
  const onClick = async () => {
    // The button goes away on success: keep the keyboard user's place on the line that replaced it.
    if (await onHandBack()) statusRef.current?.focus();
  };
  return (
    <div class={`kai-mode kai-mode--${ticket.conversationMode}`}>
      <p class="kai-mode__text" role="status" tabIndex={-1} ref={statusRef}>
        {modeText(ticket, t)}
      </p>
      {canHandBack(ticket) && (
        <button type="button" class="btn" disabled={saving} onClick={() => void onClick()}>
          {t.t('handBack')}
        </button>
      )}
    </div>
  );
}
