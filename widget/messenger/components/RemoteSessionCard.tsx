import type { MessageCard } from '../../../shared/protocol';
import { cards, type cardsEn } from '../../i18n/cards';
import { useT } from '../../i18n/context';
import type { Texts, Translator } from '../../i18n/i18n';
import { useTexts } from '../../i18n/parts';

export interface RemoteSessionCardProps {
  card: MessageCard;
  /** The visitor's time zone; defaults to the browser's (tests pass one). */
  timeZone?: string;
}

/** The Join link's href: only an https link; anything else (javascript:, data:, http:) gets no link at all. */
export function joinHref(url: string): string | null {
  return /^https:/i.test(url) ? url : null;
}

const START: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' };

/** "Wed, 14 Jan, 10:00 EST": the start in the visitor's own zone and language; null when there is none. */
export function formatStart(i18n: Translator, startsAt: string | null, timeZone?: string): string | null {
  const t = startsAt ? Date.parse(startsAt) : Number.NaN;
  return Number.isNaN(t) ? null : i18n.date(t, START, timeZone);
}

/** "Starts <time>…</time>", the words around the time in the language's own order. */
function StartsAt({ texts, iso, text }: { texts: Texts<typeof cardsEn>; iso: string; text: string }) {
  const [before, after] = texts.t('startsAt', { when: '\u0000' }).split('\u0000');
  return (
    <>
      {before}
      <time dateTime={iso}>{text}</time>
      {after}
    </>
  );
}

/** A remote-session invitation: the tool, when, the agent's note, and a Join link. Every string is text. */
export function RemoteSessionCard({ card, timeZone }: RemoteSessionCardProps) {
  const i18n = useT();
  const texts = useTexts(cards);
  const href = joinHref(card.url);
  const start = formatStart(i18n, card.startsAt, timeZone);
  if (!texts) return null;
  return (
    <div class="fd-card" role="group" aria-label={texts.t('invitation', { tool: card.toolName })}>
      <p class="fd-card__title">{card.toolName}</p>
      <p class="fd-card__when">
        {card.startsAt && start ? <StartsAt texts={texts} iso={card.startsAt} text={start} /> : texts.t('startsNow')}
      </p>
      {card.note && <p class="fd-card__note">{card.note}</p>}
      {href ? (
        <a class="fd-card__join" href={href} target="_blank" rel="noopener noreferrer">
          {texts.t('join')}
        </a>
      ) : (
        <p class="fd-card__note">{texts.t('linkBlocked')}</p>
      )}
    </div>
  );
}
