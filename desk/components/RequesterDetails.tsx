import type { ReadonlySignal } from '@preact/signals';
import type { TicketDetail } from '../../shared/protocol';
import { centreLabel, channelLabel, formatDateTime, localTimeIn } from '../format';
import { DueTime } from './DueTime';
import { PriorityBadge } from './PriorityBadge';
import { useDeskT } from '../i18n/i18n';

export interface RequesterDetailsProps {
  ticket: TicketDetail;
  now: ReadonlySignal<number>;
}

/** Who asked, from where, and the ticket's triage and deadlines. */
export function RequesterDetails({ ticket, now }: RequesterDetailsProps) {
  const { requester } = ticket;
  const t = useDeskT();
  const localTime = requester.timeZone ? localTimeIn(requester.timeZone, now.value, t) : null;
  return (
    <section class="details" aria-label={t.t('requesterDetails')}>
      <h3 class="section-title">{t.t('requester')}</h3>
      <dl class="details__grid">
        <dt>{t.t('name')}</dt>
        <dd>{requester.name || <span class="muted">{t.t('notGiven')}</span>}</dd>
        <dt>{t.t('email')}</dt>
        <dd>{requester.email || <span class="muted">{t.t('notGiven')}</span>}</dd>
        <dt>{t.t('timeZone')}</dt>
        <dd>
          {requester.timeZone ? (
            <>
              {requester.timeZone}
              {localTime && <span class="muted"> {t.t('localTimeThere', { time: localTime })}</span>}
            </>
          ) : (
            <span class="muted">{t.t('unknown')}</span>
          )}
        </dd>
        <dt>{t.t('channel')}</dt>
        <dd>{channelLabel(ticket.channel, t)}</dd>
        <dt>{t.t('centre')}</dt>
        <dd>{centreLabel(ticket.centre, t)}</dd>
        <dt>{t.t('received')}</dt>
        <dd>{formatDateTime(ticket.receivedAt, t)}</dd>
        <dt>{t.t('category')}</dt>
        <dd>{ticket.category || <span class="muted">{t.t('none')}</span>}</dd>
        <dt>{t.t('priority')}</dt>
        <dd>
          <PriorityBadge level={ticket.priority} />
        </dd>
        <dt>{t.t('urgency')}</dt>
        <dd>
          <PriorityBadge level={ticket.urgency} title={t.t('urgency')} />
          {ticket.urgencyReason && <span class="details__reason"> {ticket.urgencyReason}</span>}
        </dd>
        <dt>{t.t('impact')}</dt>
        <dd>
          <PriorityBadge level={ticket.impact} title={t.t('impact')} />
          {ticket.impactReason && <span class="details__reason"> {ticket.impactReason}</span>}
        </dd>
        <dt>{t.t('firstResponse')}</dt>
        <dd>
          <DueTime dueAt={ticket.firstResponseDueAt} metAt={ticket.firstRespondedAt} now={now} />
        </dd>
        <dt>{t.t('resolution')}</dt>
        <dd>
          <DueTime dueAt={ticket.resolutionDueAt} now={now} />
        </dd>
      </dl>
    </section>
  );
}
