import type { ReadonlySignal } from '@preact/signals';
import type { TicketSummary } from '../../shared/protocol';
import { CENTRE_LABELS, CHANNEL_LABELS, STATUS_LABELS } from '../format';
import { ticketHref } from '../models/HashRouteModel';
import { DueTime } from './DueTime';
import { PriorityBadge } from './PriorityBadge';

export interface QueueRowProps {
  ticket: TicketSummary;
  now: ReadonlySignal<number>;
  /** This ticket is open in the right pane. */
  selected: boolean;
  /** Arrived live a moment ago: highlighted. */
  fresh: boolean;
}

/** One ticket in the queue, a link to `#/tickets/:id`. */
export function QueueRow({ ticket, now, selected, fresh }: QueueRowProps) {
  const classes = ['queue-row'];
  if (selected) classes.push('queue-row--selected');
  if (fresh) classes.push('queue-row--fresh');
  if (ticket.status === 'new') classes.push('queue-row--unseen');
  return (
    <li class={classes.join(' ')} data-ticket-id={ticket.id}>
      <a class="queue-row__link" href={ticketHref(ticket.id)} aria-current={selected ? 'page' : undefined}>
        <span class="queue-row__line">
          <span class="queue-row__number">#{ticket.number}</span>
          <span class="queue-row__subject">{ticket.subject}</span>
          <PriorityBadge level={ticket.priority} />
        </span>
        <span class="queue-row__line queue-row__meta">
          <span class="queue-row__requester">{ticket.requester.name || ticket.requester.email || 'Unknown requester'}</span>
          <span class={`status status--${ticket.status}`}>{STATUS_LABELS[ticket.status]}</span>
          <span class="queue-row__channel">{CHANNEL_LABELS[ticket.channel]}</span>
          <span class="queue-row__centre" title="Operations centre">
            {CENTRE_LABELS[ticket.centre]}
          </span>
          <DueTime dueAt={ticket.firstResponseDueAt} metAt={ticket.firstRespondedAt} now={now} />
        </span>
      </a>
    </li>
  );
}
