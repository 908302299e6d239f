import type { ReadonlySignal } from '@preact/signals';
import type { SlaAlert, TicketSummary } from '../../shared/protocol';
import { CENTRE_LABELS, CHANNEL_LABELS, STATUS_LABELS } from '../format';
import { ticketHref } from '../models/HashRouteModel';
import { OutOfHoursBadge } from './OutOfHoursBadge';
import { PriorityBadge } from './PriorityBadge';
import { WithdrawnBadge } from './WithdrawnBadge';
import { SlaBadge, SlaDeadline } from './SlaDeadline';

export interface QueueRowProps {
  ticket: TicketSummary;
  now: ReadonlySignal<number>;
  /** This ticket is open in the right pane. */
  selected: boolean;
  /** Arrived live a moment ago: highlighted. */
  fresh: boolean;
  /** The server's latest SLA alert for this ticket (warning or breach), if any. */
  alert?: SlaAlert | null;
}

/** One ticket in the queue, a link to `#/tickets/:id`. */
export function QueueRow({ ticket, now, selected, fresh, alert = null }: QueueRowProps) {
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
          <SlaBadge ticket={ticket} alert={alert} now={now} />
          <PriorityBadge level={ticket.priority} />
        </span>
        <span class="queue-row__line queue-row__meta">
          <span class="queue-row__requester">{ticket.requester.name || ticket.requester.email || 'Unknown requester'}</span>
          <span class={`status status--${ticket.status}`}>{STATUS_LABELS[ticket.status]}</span>
          <span class="queue-row__channel">{CHANNEL_LABELS[ticket.channel]}</span>
          <OutOfHoursBadge outOfHours={ticket.outOfHours} />
          <WithdrawnBadge withdrawnAt={ticket.withdrawnAt} />
          <span class="queue-row__centre" title="Operations centre">
            {CENTRE_LABELS[ticket.centre]}
          </span>
          <SlaDeadline ticket={ticket} now={now} />
        </span>
      </a>
    </li>
  );
}
