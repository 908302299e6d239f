import type { ComponentChildren } from 'preact';
import { cards } from '../../i18n/cards';
import { useT } from '../../i18n/context';
import { useTexts } from '../../i18n/parts';
import type { RequestsModel } from '../RequestsModel';
import { RequestDetail } from './RequestDetail';
import { RequestList } from './RequestList';

export interface RequestsViewProps {
  model: RequestsModel;
  /** Shown above the list (the portal's `New request` button). */
  listActions?: ComponentChildren;
  headingLevel?: 2 | 3;
}

/** The list of the customer's requests, or the one being read; outcomes are announced in one status line. */
export function RequestsView({ model, listActions, headingLevel = 2 }: RequestsViewProps) {
  const i18n = useT();
  const texts = useTexts(cards);
  if (!texts) return null;
  const selected = model.selected.value;
  const status = model.status.value;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section class="fd-req" aria-label={i18n.t('yourRequests')}>
      <p class="fd-req-notice" role="status">
        {model.notice.value ? texts.say(model.notice.value) : ''}
      </p>
      {selected ? (
        <RequestDetail model={model} headingLevel={headingLevel} texts={texts} />
      ) : (
        <div class="fd-req-overview">
          <Heading class="fd-req-heading">{i18n.t('yourRequests')}</Heading>
          {listActions}
          {status === 'loading' && model.requests.value.length === 0 && <p class="fd-req-loading">{i18n.t('loadingRequests')}</p>}
          {status === 'error' && (
            <p class="fd-req-error" role="alert">
              {model.error.value && texts.say(model.error.value)}{' '}
              <button type="button" class="fd-req-link" onClick={() => void model.load()}>
                {texts.t('tryAgain')}
              </button>
            </p>
          )}
          {status === 'ready' || model.requests.value.length > 0 ? (
            <RequestList requests={model.requests.value} opening={model.opening.value} onOpen={(id) => void model.open(id)} texts={texts} />
          ) : null}
          {model.actionError.value && (
            <p class="fd-req-error" role="alert">
              {texts.say(model.actionError.value)}
            </p>
          )}
        </div>
      )}
    </section>
  );
}
