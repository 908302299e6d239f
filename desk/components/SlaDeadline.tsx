import type { ReadonlySignal } from '@preact/signals';
import type { SlaAlert, TicketSummary } from '../../shared/protocol';
import { formatDateTime } from '../format';
import { clockLabel, runningDeadline, slaLevel, slaLevelLabel } from '../sla';
import { DueTime } from './DueTime';
import { useDeskT } from '../i18n/i18n';

export interface SlaDeadlineProps {
  ticket: TicketSummary;
  now: ReadonlySignal<number>;
}

/**
 * The deadline that runs now, named: "First response due in 42 min", then "Next response …" or
 * "Resolution …" once answered; "SLA paused" while the ticket waits on the customer; nothing once solved.
 */
export function SlaDeadline({ ticket, now }: SlaDeadlineProps) {
  const t = useDeskT();
  const deadline = runningDeadline(ticket);
  if (deadline.kind === 'paused') {
    return (
      <span class="due due--paused" title={t.t('slaPausedSince', { time: formatDateTime(deadline.since, t) })}>
        {t.t('slaPaused')}
      </span>
    );
  }
  if (deadline.kind === 'none') {
    return ticket.status === 'solved' || ticket.status === 'closed' ? null : <span class="due due--none">{t.t('noDeadline')}</span>;
  }
  return (
    <span class="sla-deadline">
      <span class="sla-deadline__clock">{clockLabel(deadline.clock, t)}</span> <DueTime dueAt={deadline.dueAt} now={now} />
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
  const t = useDeskT();
  const level = slaLevel(ticket, now.value, alert);
  if (!level) return null;
  return (
    <span class={`badge sla-badge sla-badge--${level}`} title="SLA">
      {slaLevelLabel(level, t)}
    </span>
  );
}
