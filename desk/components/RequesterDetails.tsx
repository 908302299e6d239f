import type { ReadonlySignal } from '@preact/signals';
import type { TicketDetail } from '../../shared/protocol';
import { CENTRE_LABELS, CHANNEL_LABELS, formatDateTime, localTimeIn } from '../format';
import { DueTime } from './DueTime';
import { PriorityBadge } from './PriorityBadge';

export interface RequesterDetailsProps {
  ticket: TicketDetail;
  now: ReadonlySignal<number>;
}

/** Who asked, from where, and the ticket's triage and deadlines. */
export function RequesterDetails({ ticket, now }: RequesterDetailsProps) {
  const { requester } = ticket;
  const localTime = requester.timeZone ? localTimeIn(requester.timeZone, now.value) : null;
  return (
    <section class="details" aria-label="Requester details">
      <h3 class="section-title">Requester</h3>
      <dl class="details__grid">
        <dt>Name</dt>
        <dd>{requester.name || <span class="muted">Not given</span>}</dd>
        <dt>Email</dt>
        <dd>{requester.email || <span class="muted">Not given</span>}</dd>
        <dt>Time zone</dt>
        <dd>
          {requester.timeZone ? (
            <>
              {requester.timeZone}
              {localTime && <span class="muted"> ({localTime} there)</span>}
            </>
          ) : (
            <span class="muted">Unknown</span>
          )}
        </dd>
        <dt>Channel</dt>
        <dd>{CHANNEL_LABELS[ticket.channel]}</dd>
        <dt>Centre</dt>
        <dd>{CENTRE_LABELS[ticket.centre]}</dd>
        <dt>Received</dt>
        <dd>{formatDateTime(ticket.receivedAt)}</dd>
        <dt>Category</dt>
        <dd>{ticket.category || <span class="muted">None</span>}</dd>
        <dt>Priority</dt>
        <dd>
          <PriorityBadge level={ticket.priority} />
        </dd>
        <dt>Urgency</dt>
        <dd>
          <PriorityBadge level={ticket.urgency} title="Urgency" />
          {ticket.urgencyReason && <span class="details__reason"> {ticket.urgencyReason}</span>}
        </dd>
        <dt>Impact</dt>
        <dd>
          <PriorityBadge level={ticket.impact} title="Impact" />
          {ticket.impactReason && <span class="details__reason"> {ticket.impactReason}</span>}
        </dd>
        <dt>First response</dt>
        <dd>
          <DueTime dueAt={ticket.firstResponseDueAt} metAt={ticket.firstRespondedAt} now={now} />
        </dd>
        <dt>Resolution</dt>
        <dd>
          <DueTime dueAt={ticket.resolutionDueAt} now={now} />
        </dd>
      </dl>
    </section>
  );
}
