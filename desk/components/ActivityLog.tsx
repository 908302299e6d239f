import type { TicketEvent } from '../../shared/protocol';
import { formatDateTime } from '../format';
import { useDeskT } from '../i18n/i18n';
import { authorKindLabel } from '../format';

export interface ActivityLogProps {
  events: readonly TicketEvent[];
}

/** "status_changed" → "Status changed". */
function eventLabel(type: string): string {
  const words = type.replace(/[_:.]+/g, ' ').trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : type;
}

/** The audit trail, collapsed by default. */
export function ActivityLog({ events }: ActivityLogProps) {
  const t = useDeskT();
  return (
    <details class="activity">
      <summary>{t.t('activity', { count: t.number(events.length) })}</summary>
      {events.length === 0 ? (
        <p class="muted">{t.t('noActivity')}</p>
      ) : (
        <ol class="activity__list">
          {events.map((e) => (
            <li key={e.id} class="activity__item">
              <time dateTime={e.createdAt}>{formatDateTime(e.createdAt, t)}</time>
              <span class="activity__what">
                {eventLabel(e.type)}
                {(e.from || e.to) && (
                  <>
                    {': '}
                    {e.from ?? '—'} → {e.to ?? '—'}
                  </>
                )}
              </span>
              <span class="activity__who">{t.t('byActor', { name: e.actor.name || authorKindLabel(e.actor.kind, t) })}</span>
              {e.reason && <span class="activity__reason">“{e.reason}”</span>}
            </li>
          ))}
        </ol>
      )}
    </details>
  );
}
