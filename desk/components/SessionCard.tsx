import type { MessageCard } from '../../shared/protocol';
import { formatDateTime } from '../format';

export interface SessionCardProps {
  card: MessageCard;
}

/** A remote-session invitation as the customer sees it: tool, start (in the agent's time here), note, Join link. */
export function SessionCard({ card }: SessionCardProps) {
  // Only https links are ever stored; checked again here because the card is data.
  const href = /^https:/i.test(card.url) ? card.url : undefined;
  return (
    <div class="session-card" role="group" aria-label={`${card.toolName} invitation`}>
      <span class="session-card__tool">{card.toolName}</span>
      <span class="session-card__when">
        {card.startsAt ? (
          <>
            Starts <time dateTime={card.startsAt}>{formatDateTime(card.startsAt)}</time> (your time)
          </>
        ) : (
          'Starts now'
        )}
      </span>
      {card.note && <span class="session-card__note">{card.note}</span>}
      {href ? (
        <a class="session-card__join" href={href} target="_blank" rel="noopener noreferrer">
          Join
        </a>
      ) : (
        <span class="session-card__note">{card.url}</span>
      )}
    </div>
  );
}
