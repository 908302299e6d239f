import type { TicketReach } from '../../shared/reach';
import { formatDateTime } from '../format';
import './reach.css';

const VIA = { chat: 'in the messenger', email: 'by email', portal: 'in the portal' } as const;

/** The customer's CSAT answer (or that they were asked), and the transcript: download as text, or print. */
export function TicketReachPanel({ ticketId, reach }: { ticketId: string; reach: TicketReach | null }) {
  const csat = reach?.csat;
  return (
    <section class="reach-panel" aria-label="Satisfaction and transcript">
      <h3 class="section-title">Satisfaction</h3>
      {csat?.answer ? (
        <p>
          <strong>Rated {csat.answer.rating} of 5</strong> {VIA[csat.answer.answeredVia]}, {formatDateTime(csat.answer.createdAt)}
          {csat.answer.comment && <q class="reach-panel__comment">{csat.answer.comment}</q>}
        </p>
      ) : (
        <p class="muted">{csat?.askedAt ? `Asked ${formatDateTime(csat.askedAt)}; no answer yet.` : 'Not asked yet (asked once, when the ticket is solved).'}</p>
      )}
      <div class="reach-panel__actions">
        <a class="btn btn--link" href={`/api/tickets/${encodeURIComponent(ticketId)}/transcript.txt`} download>
          Download transcript
        </a>
        <button type="button" class="btn btn--link" onClick={() => window.print()}>
          Print
        </button>
      </div>
    </section>
  );
}
