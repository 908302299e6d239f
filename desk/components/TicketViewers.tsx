import type { TicketViewer } from '../../shared/team';
import { listOf, useDeskT } from '../i18n/i18n';

export interface TicketViewersProps {
  viewers: readonly TicketViewer[];
}

/** Who else has this ticket open, and who of them is typing a reply: so two agents do not answer at once. */
export function TicketViewers({ viewers }: TicketViewersProps) {
  const t = useDeskT();
  const typing = viewers.filter((v) => v.typing).map((v) => v.name);
  const viewing = viewers.filter((v) => !v.typing).map((v) => v.name);
  return (
    <p class="ticket__viewers" role="status">
      {typing.length > 0 && `${t.t('typingReply', { count: typing.length, names: listOf(typing, t) })} `}
      {viewing.length > 0 && t.t('alsoViewing', { count: viewing.length, names: listOf(viewing, t) })}
    </p>
  );
}
