import type { TicketViewer } from '../../shared/team';

export interface TicketViewersProps {
  viewers: readonly TicketViewer[];
}

/** Who else has this ticket open, and who of them is typing a reply: so two agents do not answer at once. */
export function TicketViewers({ viewers }: TicketViewersProps) {
  const typing = viewers.filter((v) => v.typing).map((v) => v.name);
  const viewing = viewers.filter((v) => !v.typing).map((v) => v.name);
  return (
    <p class="ticket__viewers" role="status">
      {typing.length > 0 && `${typing.join(', ')} ${typing.length === 1 ? 'is' : 'are'} typing a reply. `}
      {viewing.length > 0 && `${viewing.join(', ')} ${viewing.length === 1 ? 'is' : 'are'} also viewing this ticket.`}
    </p>
  );
}
