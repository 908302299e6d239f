import type { CustomerRequest } from '../../../shared/self-service';
import type { cardsEn } from '../../i18n/cards';
import { useT } from '../../i18n/context';
import type { Texts } from '../../i18n/i18n';
import { relativeTime } from '../../i18n/relative-time';

export interface RequestListProps {
  requests: CustomerRequest[];
  /** The id of a request being opened (its button shows busy). */
  opening: string | null;
  onOpen: (id: string) => void;
  texts: Texts<typeof cardsEn>;
}

/** How many, then the customer's requests: each with its number and subject (a button that opens it), status, when it last changed ("Updated 3 days ago") and promise. */
export function RequestList({ requests, opening, onOpen, texts }: RequestListProps) {
  const i18n = useT();
  if (requests.length === 0) return <p class="fd-req-empty">{texts.t('noRequests')}</p>;
  return (
    <>
      <p class="fd-req-count">{texts.t('requestCount', { count: requests.length })}</p>
      <ul class="fd-req-list" aria-label={i18n.t('yourRequests')}>
        {requests.map((r) => (
          <li key={r.id} class="fd-req-item" data-request-id={r.id}>
            <button type="button" class="fd-req-item__open" onClick={() => onOpen(r.id)} aria-busy={opening === r.id ? 'true' : undefined}>
              <span class="fd-req-item__number">#{r.number}</span> <span class="fd-req-item__subject">{r.subject}</span>
            </button>
            <p class="fd-req-item__status">
              <span class={`fd-req-status fd-req-status--${r.status}`}>{texts.t(`status_${r.status}`)}</span>{' '}
              <time class="fd-req-item__updated" dateTime={r.updatedAt}>
                {texts.t('updated', { when: relativeTime(i18n.language, r.updatedAt) })}
              </time>
            </p>
            <p class="fd-req-item__promise">{r.promise}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
