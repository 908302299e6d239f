import type { ComponentChildren, TargetedEvent } from 'preact';
import type { TicketDetail, TicketStatus } from '../../shared/protocol';
import { centreLabel, channelLabel, statusLabel, STATUS_ORDER } from '../format';
import { OutOfHoursBadge } from './OutOfHoursBadge';
import { PriorityBadge } from './PriorityBadge';
import { AssigneeControl } from './AssigneeControl';
import type { TeamModel } from '../models/TeamModel';
import { useDeskT } from '../i18n/i18n';

export interface TicketHeaderProps {
  ticket: TicketDetail;
  saving: boolean;
  onStatus: (status: TicketStatus) => Promise<boolean>;
  onClose: () => void;
  /** More controls in the header (the tag editor). */
  children?: ComponentChildren;
  /** Assigning: the team and the signed-in agent; without them no assignee control is shown. */
  assign?: { team: TeamModel; selfId: string; onAssign: (agentId: string | null) => Promise<boolean> } | undefined;
}

/** `#number subject`, priority, and the status controls. */
export function TicketHeader({ ticket, saving, onStatus, onClose, children, assign }: TicketHeaderProps) {
  const t = useDeskT();
  const done = ticket.status === 'solved' || ticket.status === 'closed';
  const onChange = async (e: TargetedEvent<HTMLSelectElement>) => {
    const select = e.currentTarget;
    // Safe: the select's options are exactly STATUS_ORDER, so its value is a TicketStatus.
    const ok = await onStatus(select.value as TicketStatus);
    if (!ok) select.value = ticket.status; // a refused change (e.g. invalid transition) snaps back
  };
  return (
    <header class="ticket__header">
      <div class="ticket__titlebar">
        <h2 class="ticket__title">
          <span class="ticket__number">#{ticket.number}</span> <span class="ticket__subject">{ticket.subject}</span>
        </h2>
        <button type="button" class="btn btn--ghost ticket__close" onClick={onClose} aria-label={t.t('closeTicket')}>
          ×
        </button>
      </div>
      <div class="ticket__controls">
        <PriorityBadge level={ticket.priority} />
        <span class="muted">
          {channelLabel(ticket.channel, t)} · {centreLabel(ticket.centre, t)}
        </span>
        <OutOfHoursBadge outOfHours={ticket.outOfHours} />
        <span class="ticket__status">
          <label for="ticket-status">{t.t('status')}</label>
          <select id="ticket-status" value={ticket.status} onChange={onChange} disabled={saving}>
            {STATUS_ORDER.map((s) => (
              <option key={s} value={s}>
                {statusLabel(s, t)}
              </option>
            ))}
          </select>
        </span>
        <button type="button" class="btn btn--solve" disabled={saving || done} onClick={() => void onStatus('solved')}>
          {t.t('markSolved')}
        </button>
        {assign && <AssigneeControl assigneeId={ticket.assigneeId} selfId={assign.selfId} team={assign.team} saving={saving} onAssign={assign.onAssign} />}
      </div>
      {children}
    </header>
  );
}
