import type { ConversationState } from '../../../shared/protocol';
import { useT } from '../../i18n/context';

export interface HandoffBannerProps {
  state: ConversationState;
}

/** After a handoff: the ticket number and the honest promise of when a person answers. */
export function HandoffBanner({ state }: HandoffBannerProps) {
  const i18n = useT();
  const { ticket, mode } = state;
  if (!ticket && mode === 'ai') return null;
  return (
    <div class="fd-banner">
      {ticket && <p class="fd-banner__ticket">{i18n.t('ticket', { number: ticket.number })}</p>}
      {ticket && <p class="fd-banner__promise">{ticket.promise}</p>}
      {!ticket && mode === 'waiting' && <p>{i18n.t('findingPerson')}</p>}
      {mode === 'closed' && <p>{i18n.t('closedNotice')}</p>}
    </div>
  );
}
