import type { TicketReach } from '../../shared/reach';
import { formatDateTime } from '../format';
import './reach.css';
import { useDeskT } from '../i18n/i18n';

/** The customer's CSAT answer (or that they were asked), and the transcript: download as text, or print. */
export function TicketReachPanel({ ticketId, reach }: { ticketId: string; reach: TicketReach | null }) {
  const t = useDeskT();
  const csat = reach?.csat;
  return (
    <section class="reach-panel" aria-label={t.t('satisfactionAndTranscript')}>
      <h3 class="section-title">{t.t('satisfaction')}</h3>
      {csat?.answer ? (
        <p>
          <strong>{t.t('ratedOf', { rating: t.number(csat.answer.rating) })}</strong> {t.t(`via_${csat.answer.answeredVia}`)}, {formatDateTime(csat.answer.createdAt, t)}
          {csat.answer.comment && <q class="reach-panel__comment">{csat.answer.comment}</q>}
        </p>
      ) : (
        <p class="muted">{csat?.askedAt ? t.t('askedNoAnswer', { time: formatDateTime(csat.askedAt, t) }) : t.t('notAskedYet')}</p>
      )}
      <div class="reach-panel__actions">
        <a class="btn btn--link" href={`/api/tickets/${encodeURIComponent(ticketId)}/transcript.txt`} download>
          {t.t('downloadTranscript')}
        </a>
        <button type="button" class="btn btn--link" onClick={() => window.print()}>
          {t.t('print')}
        </button>
      </div>
    </section>
  );
}
