import type { TicketDetail } from '../../shared/protocol';
import { useDeskT } from '../i18n/i18n';

/**
 * On an email ticket whose From address could not be authenticated (no DMARC pass, no aligned DKIM or SPF pass):
 * anyone can write a From line, so the agent confirms who wrote before sharing anything of the account.
 */
export function UnverifiedSender({ ticket }: { ticket: Pick<TicketDetail, 'senderVerified'> }) {
  const t = useDeskT();
  if (ticket.senderVerified !== false) return null;
  return (
    <p class="ticket__unverified" role="note">
      <strong>{t.t('unverifiedSender')}</strong> {t.t('unverifiedSenderText')}
    </p>
  );
}
