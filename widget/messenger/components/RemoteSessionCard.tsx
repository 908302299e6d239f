import type { MessageCard } from '../../../shared/protocol';

export interface RemoteSessionCardProps {
  card: MessageCard;
  /** The visitor's time zone; defaults to the browser's (tests pass one). */
  timeZone?: string;
}

/** The Join link's href: only an https link; anything else (javascript:, data:, http:) gets no link at all. */
export function joinHref(url: string): string | null {
  return /^https:/i.test(url) ? url : null;
}

/** "Wed, 14 Jan, 10:00 EST": the start in the visitor's own zone and locale, or "now" without one. */
export function formatStart(startsAt: string | null, timeZone?: string): string {
  if (!startsAt) return 'now';
  const t = Date.parse(startsAt);
  if (Number.isNaN(t)) return 'now';
  const options: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' };
  try {
    return new Intl.DateTimeFormat(undefined, timeZone ? { ...options, timeZone } : options).format(t);
  } catch {
    return new Intl.DateTimeFormat(undefined, options).format(t);
  }
}

/** A remote-session invitation: the tool, when, the agent's note, and a Join link. Every string is text. */
export function RemoteSessionCard({ card, timeZone }: RemoteSessionCardProps) {
  const href = joinHref(card.url);
  return (
    <div class="fd-card" role="group" aria-label={`${card.toolName} invitation`}>
      <p class="fd-card__title">{card.toolName}</p>
      <p class="fd-card__when">
        Starts {card.startsAt ? <time dateTime={card.startsAt}>{formatStart(card.startsAt, timeZone)}</time> : formatStart(null)}
      </p>
      {card.note && <p class="fd-card__note">{card.note}</p>}
      {href ? (
        <a class="fd-card__join" href={href} target="_blank" rel="noopener noreferrer">
          Join
        </a>
      ) : (
        <p class="fd-card__note">The meeting link can’t be opened from here.</p>
      )}
    </div>
  );
}
