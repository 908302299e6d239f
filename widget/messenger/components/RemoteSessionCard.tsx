import type { MessageCard } from '../../../shared/protocol';
import { useT } from '../../i18n/context';
import type { Translator } from '../../i18n/i18n';

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
function StartsAt({ i18n, iso, text }: { i18n: Translator; iso: string; text: string }) {
  const [before, after] = i18n.t('startsAt', { when: '\u0000' }).split('\u0000');
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
  const href = joinHref(card.url);
  const start = formatStart(i18n, card.startsAt, timeZone);
  return (
    <div class="fd-card" role="group" aria-label={i18n.t('invitation', { tool: card.toolName })}>
      <p class="fd-card__title">{card.toolName}</p>
      <p class="fd-card__when">
        {card.startsAt && start ? <StartsAt i18n={i18n} iso={card.startsAt} text={start} /> : i18n.t('startsNow')}
      </p>
      {card.note && <p class="fd-card__note">{card.note}</p>}
      {href ? (
        <a class="fd-card__join" href={href} target="_blank" rel="noopener noreferrer">
          {i18n.t('join')}
        </a>
      ) : (
        <p class="fd-card__note">{i18n.t('linkBlocked')}</p>
      )}
    </div>
  );
}
