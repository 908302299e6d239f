import type { ReadonlySignal } from '@preact/signals';
import type { SlaAlert, TicketSummary } from '../../shared/protocol';
import { formatDateTime } from '../format';
import { CLOCK_LABELS, runningDeadline, SLA_LEVEL_LABELS, slaLevel } from '../sla';
import { DueTime } from './DueTime';

export interface SlaDeadlineProps {
  ticket: TicketSummary;
  now: ReadonlySignal<number>;
}

/**
 * The deadline that runs now, named: "First response due in 42 min", then "Next response …" or
 * "Resolution …" once answered; "SLA paused" while the ticket waits on the customer; nothing once solved.
 */
export function SlaDeadline({ ticket, now }: SlaDeadlineProps) {
  const deadline = runningDeadline(ticket);
  if (deadline.kind === 'paused') {
    return (
      <span class="due due--paused" title={`SLA clocks paused since ${formatDateTime(deadline.since)}`}>
        SLA paused
      </span>
    );
  }
  if (deadline.kind === 'none') {
    return ticket.status === 'solved' || ticket.status === 'closed' ? null : <span class="due due--none">no deadline</span>;
  }
  return (
    <span class="sla-deadline">
      <span class="sla-deadline__clock">{CLOCK_LABELS[deadline.clock]}</span> <DueTime dueAt={deadline.dueAt} now={now} />
    </span>
  );
}

export interface SlaBadgeProps {
  ticket: TicketSummary;
  /** The server's latest `ticket:sla` alert for this ticket, if any. */
  alert: SlaAlert | null;
  /** The ticking clock; only the badge re-renders when it ticks. */
  now: ReadonlySignal<number>;
}

/** "Due soon" or "Breached" for the running deadline, from the deadline itself and the server's alerts. */
export function SlaBadge({ ticket, alert, now }: SlaBadgeProps) {
  const level = slaLevel(ticket, now.value, alert);
  if (!level) return null;
  return (
    <span class={`badge sla-badge sla-badge--${level}`} title="SLA">
      {SLA_LEVEL_LABELS[level]}
    </span>
  );
}
