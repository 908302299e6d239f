import type { ConversationState } from '../../../shared/protocol';

export interface HandoffBannerProps {
  state: ConversationState;
}

/** After a handoff: the ticket number and the honest promise of when a person answers. */
export function HandoffBanner({ state }: HandoffBannerProps) {
  const { ticket, mode } = state;
  if (!ticket && mode === 'ai') return null;
  return (
    <div class="fd-banner">
      {ticket && <p class="fd-banner__ticket">Ticket #{ticket.number}</p>}
      {ticket && <p class="fd-banner__promise">{ticket.promise}</p>}
      {!ticket && mode === 'waiting' && <p>Finding a person to help you…</p>}
      {mode === 'closed' && <p>This conversation is closed. Write again to start a new one.</p>}
    </div>
  );
}
