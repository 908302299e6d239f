import type { TicketDetail } from '../../shared/protocol';

/**
 * On an email ticket whose From address could not be authenticated (no DMARC pass, no aligned DKIM or SPF pass):
 * anyone can write a From line, so the agent confirms who wrote before sharing anything of the account.
 */
export function UnverifiedSender({ ticket }: { ticket: Pick<TicketDetail, 'senderVerified'> }) {
  if (ticket.senderVerified !== false) return null;
  return (
    <p class="ticket__unverified" role="note">
      <strong>Unverified sender.</strong> This email’s From address could not be authenticated, so anyone could have written it. Confirm who
      you are talking to before you share account details.
    </p>
  );
}
