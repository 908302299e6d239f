import type { StaleReply } from '../models/TicketModel';
import { useDeskT } from '../i18n/i18n';

export interface StaleReplyPromptProps {
  stale: StaleReply;
  sending: boolean;
  onSendAnyway: () => void;
  onDismiss: () => void;
}

/** The server kept a reply back because someone else wrote first: what they wrote, then send anyway or rethink. */
export function StaleReplyPrompt({ stale, sending, onSendAnyway, onDismiss }: StaleReplyPromptProps) {
  const t = useDeskT();
  return (
    <section class="stale-reply" role="alert" aria-label={t.t('staleLabel')}>
      <p>{t.t('staleText', { count: stale.messages.length })}</p>
      <ul>
        {stale.messages.map((m) => (
          <li key={m.id}>
            <strong>{m.author.name}</strong>: {m.body}
          </li>
        ))}
      </ul>
      <button type="button" class="btn btn--primary" disabled={sending} onClick={onSendAnyway}>
        {t.t('sendAnyway')}
      </button>{' '}
      <button type="button" class="btn btn--ghost" onClick={onDismiss}>
        {t.t('editMyReply')}
      </button>
    </section>
  );
}
