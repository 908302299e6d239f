import type { TicketEvent } from '../../shared/protocol';
import { formatDateTime } from '../format';
import { en } from '../i18n/en';
import { useDeskT, type DeskKey, type DeskTexts } from '../i18n/i18n';
import { authorKindLabel, levelLabel, STATUS_ORDER, statusLabel } from '../format';
import { LEVELS, type Level } from '../../shared/priority';
import type { TicketStatus } from '../../shared/protocol';

export interface ActivityLogProps {
  events: readonly TicketEvent[];
}

/** "status_changed" → "Status changed". */
/** The event's name in the agent's language; a type the desk does not know yet reads as its words. */
function eventLabel(type: string, t: DeskTexts): string {
  const key = `event_${type}`;
  if (key in en) return t.t(key as DeskKey);
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
                {eventLabel(e.type, t)}
                {(e.from || e.to) && (
                  <>
                    {': '}
                    {valueLabel(e.type, e.from, t)} → {valueLabel(e.type, e.to, t)}
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

/** A change's old or new value: statuses and levels in the agent's language, anything else as it came. */
function valueLabel(type: string, value: string | null | undefined, t: DeskTexts): string {
  if (!value) return '—';
  if (type === 'status_changed' || type === 'reopened') return (STATUS_ORDER as readonly string[]).includes(value) ? statusLabel(value as TicketStatus, t) : value;
  if (type === 'urgency_changed' || type === 'impact_changed' || type === 'priority_changed') return (LEVELS as readonly string[]).includes(value) ? levelLabel(value as Level, t) : value;
  return value;
}
