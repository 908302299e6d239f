import type { MessageCard } from '../../shared/protocol';
import { formatDateTime } from '../format';
import { useDeskT } from '../i18n/i18n';

export interface SessionCardProps {
  card: MessageCard;
}

/** A remote-session invitation as the customer sees it: tool, start (in the agent's time here), note, Join link. */
export function SessionCard({ card }: SessionCardProps) {
  // Only https links are ever stored; checked again here because the card is data.
  const t = useDeskT();
  const href = /^https:/i.test(card.url) ? card.url : undefined;
  return (
    <div class="session-card" role="group" aria-label={t.t('invitation', { tool: card.toolName })}>
      <span class="session-card__tool">{card.toolName}</span>
      <span class="session-card__when">
        {card.startsAt ? (
          <time dateTime={card.startsAt}>{t.t('startsAt', { time: formatDateTime(card.startsAt, t) })}</time>
        ) : (
          t.t('startsNow')
        )}
      </span>
      {card.note && <span class="session-card__note">{card.note}</span>}
      {href ? (
        <a class="session-card__join" href={href} target="_blank" rel="noopener noreferrer">
          {t.t('join')}
        </a>
      ) : (
        <span class="session-card__note">{card.url}</span>
      )}
    </div>
  );
}
