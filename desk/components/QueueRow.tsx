import type { ReadonlySignal } from '@preact/signals';
import type { SlaAlert, TicketSummary } from '../../shared/protocol';
import { centreLabel, channelLabel, statusLabel } from '../format';
import { ticketHref } from '../models/HashRouteModel';
import { Highlighted } from './Highlighted';
import { OutOfHoursBadge } from './OutOfHoursBadge';
import { PriorityBadge } from './PriorityBadge';
import { WithdrawnBadge } from './WithdrawnBadge';
import { SlaBadge, SlaDeadline } from './SlaDeadline';
import { useDeskT } from '../i18n/i18n';

export interface QueueRowProps {
  ticket: TicketSummary;
  now: ReadonlySignal<number>;
  /** This ticket is open in the right pane. */
  selected: boolean;
  /** Arrived live a moment ago: highlighted. */
  fresh: boolean;
  /** The server's latest SLA alert for this ticket (warning or breach), if any. */
  alert?: SlaAlert | null;
  /** The keyboard's row (j/k). */
  active?: boolean;
  /** Ticked for a bulk action; without onToggle there is no checkbox. */
  checked?: boolean;
  onToggle?: (id: string, range: boolean) => void;
  /** The search shown: its words are marked in the subject and requester. */
  search?: string;
  /** The excerpt of the message that matched the search. */
  match?: string;
  style?: Record<string, string>;
}

/** One ticket in the queue, a link to `#/tickets/:id`. */
export function QueueRow({ ticket, now, selected, fresh, alert = null, active = false, checked = false, onToggle, search = '', match, style }: QueueRowProps) {
  const t = useDeskT();
  const classes = ['queue-row'];
  if (selected) classes.push('queue-row--selected');
  if (fresh) classes.push('queue-row--fresh');
  if (ticket.status === 'new') classes.push('queue-row--unseen');
  if (active) classes.push('queue-row--active');
  const requester = ticket.requester.name || ticket.requester.email || t.t('unknownRequester');
  return (
    <li class={classes.join(' ')} data-ticket-id={ticket.id} style={style}>
      {onToggle && (
        <input
          type="checkbox"
          class="queue-row__check"
          aria-label={t.t('selectTicket', { number: ticket.number })}
          checked={checked}
          // Shift-click ticks the range from the last ticket clicked.
          onClick={(e) => {
            e.preventDefault();
            onToggle(ticket.id, e.shiftKey);
          }}
        />
      )}
      <a class="queue-row__link" href={ticketHref(ticket.id)} aria-current={selected ? 'page' : undefined}>
        <span class="queue-row__line">
          <span class="queue-row__number">#{ticket.number}</span>
          <span class="queue-row__subject">
            <Highlighted text={ticket.subject} query={search} />
          </span>
          <SlaBadge ticket={ticket} alert={alert} now={now} />
          <PriorityBadge level={ticket.priority} />
        </span>
        <span class="queue-row__line queue-row__meta">
          <span class="queue-row__requester">
            <Highlighted text={requester} query={search} />
          </span>
          {ticket.tags.map((tag) => (
            <span key={tag} class="tag">
              {tag}
            </span>
          ))}
          <span class={`status status--${ticket.status}`}>{statusLabel(ticket.status, t)}</span>
          <span class="queue-row__channel">{channelLabel(ticket.channel, t)}</span>
          <OutOfHoursBadge outOfHours={ticket.outOfHours} />
          <WithdrawnBadge withdrawnAt={ticket.withdrawnAt} />
          <span class="queue-row__centre" title={t.t('operationsCentre')}>
            {centreLabel(ticket.centre, t)}
          </span>
          <SlaDeadline ticket={ticket} now={now} />
        </span>
        {match && (
          <span class="queue-row__line queue-row__match">
            <Highlighted text={match} query={search} />
          </span>
        )}
      </a>
    </li>
  );
}
