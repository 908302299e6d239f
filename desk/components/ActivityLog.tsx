import type { TicketEvent } from '../../shared/protocol';
import { formatDateTime } from '../format';

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
  return (
    <details class="activity">
      <summary>Activity ({events.length})</summary>
      {events.length === 0 ? (
        <p class="muted">No activity yet.</p>
      ) : (
        <ol class="activity__list">
          {events.map((e) => (
            <li key={e.id} class="activity__item">
              <time dateTime={e.createdAt}>{formatDateTime(e.createdAt)}</time>
              <span class="activity__what">
                {eventLabel(e.type)}
                {(e.from || e.to) && (
                  <>
                    {': '}
                    {e.from ?? '—'} → {e.to ?? '—'}
                  </>
                )}
              </span>
              <span class="activity__who">by {e.actor.name || e.actor.kind}</span>
              {e.reason && <span class="activity__reason">“{e.reason}”</span>}
            </li>
          ))}
        </ol>
      )}
    </details>
  );
}
