import type { TargetedKeyboardEvent, TargetedSubmitEvent } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { CustomerMessage } from '../../../shared/self-service';
import type { cardsEn } from '../../i18n/cards';
import { useT } from '../../i18n/context';
import type { Texts, Translator } from '../../i18n/i18n';
import type { RequestsModel } from '../RequestsModel';
import { CsatCard } from './CsatCard';

/** Same limit as MAX_MESSAGE_LENGTH in shared/protocol.ts (not imported: that module would bundle zod). */
const REPLY_MAX_LENGTH = 5000;

export interface RequestDetailProps {
  model: RequestsModel;
  /** The heading level of the request's subject (the page's own heading sits above). */
  headingLevel?: 2 | 3;
  texts: Texts<typeof cardsEn>;
}

const WHEN: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' };

/** "14 Jan, 10:05" in the customer's language and the browser's zone. */
function formatWhen(i18n: Translator, iso: string): string {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? '' : i18n.date(time, WHEN);
}

function authorLabel(i18n: Translator, m: CustomerMessage): string {
  return m.author.kind === 'customer' ? i18n.t('you') : m.author.name;
}

/**
 * One request: subject, status and promise, its messages (text only), the reply box, `Reopen request` when
 * solved, and `Delete request` with a confirm step.
 */
export function RequestDetail({ model, headingLevel = 2, texts }: RequestDetailProps) {
  const i18n = useT();
  const request = model.selected.value;
  const heading = useRef<HTMLHeadingElement>(null);
  const confirm = useRef<HTMLButtonElement>(null);
  const confirming = model.confirmingDelete.value;
  const busy = model.busy.value;
  const id = request?.id;

  useEffect(() => {
    heading.current?.focus();
  }, [id]);
  useEffect(() => {
    if (confirming) confirm.current?.focus();
  }, [confirming]);

  if (!request) return null;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';

  const onSubmit = (event: TargetedSubmitEvent<HTMLFormElement>): void => {
    event.preventDefault();
    void model.reply();
  };
  const onKeyDown = (event: TargetedKeyboardEvent<HTMLTextAreaElement>): void => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void model.reply();
    }
  };

  return (
    <article class="fd-req-detail" aria-labelledby="fd-req-title">
      <button type="button" class="fd-req-back" onClick={() => model.back()}>
        {texts.t('backToRequests')}
      </button>
      <Heading id="fd-req-title" class="fd-req-detail__title" tabIndex={-1} ref={heading}>
        <span class="fd-req-item__number">#{request.number}</span> {request.subject}
      </Heading>
      <p class="fd-req-detail__status">
        <span class={`fd-req-status fd-req-status--${request.status}`}>{texts.t(`status_${request.status}`)}</span>
      </p>
      <p class="fd-req-detail__promise">{request.promise}</p>
      <ol class="fd-req-messages" aria-label={texts.t('messages')}>
        {request.messages.map((m) => (
          <li key={m.id} class={`fd-req-msg fd-req-msg--${m.author.kind}`}>
            <p class="fd-req-msg__meta">
              <span class="fd-req-msg__author">{authorLabel(i18n, m)}</span> <time dateTime={m.createdAt}>{formatWhen(i18n, m.createdAt)}</time>
            </p>
            <p class="fd-req-msg__body">{m.body}</p>
          </li>
        ))}
      </ol>
      {request.status === 'solved' && model.csat.value?.askedAt && (
        <CsatCard answer={model.csat.value.answer} busy={busy} onRate={(rating, comment) => void model.rate(rating, comment)} />
      )}
      <form class="fd-req-reply" onSubmit={onSubmit}>
        <label for="fd-req-reply-input">{texts.t('replyLabel')}</label>
        <textarea
          id="fd-req-reply-input"
          class="fd-req-reply__input"
          rows={3}
          maxLength={REPLY_MAX_LENGTH}
          value={model.draft.value}
          onInput={(event) => (model.draft.value = event.currentTarget.value)}
          onKeyDown={onKeyDown}
        />
        <button type="submit" class="fd-req-button fd-req-button--primary" disabled={busy || model.draft.value.trim() === ''}>
          {texts.t('sendReply')}
        </button>
      </form>
      {model.actionError.value && (
        <p class="fd-req-error" role="alert">
          {texts.say(model.actionError.value)}
        </p>
      )}
      <div class="fd-req-actions">
        {request.canReopen && (
          <button type="button" class="fd-req-button" onClick={() => void model.reopen()} disabled={busy}>
            {texts.t('reopen')}
          </button>
        )}
        {!confirming && (
          <button type="button" class="fd-req-button fd-req-button--danger" onClick={() => model.askDelete()} disabled={busy}>
            {texts.t('deleteRequest')}
          </button>
        )}
      </div>
      {confirming && (
        <div class="fd-req-confirm" role="group" aria-labelledby="fd-req-confirm-text">
          <p id="fd-req-confirm-text">{texts.t('deleteQuestion')}</p>
          <button type="button" class="fd-req-button fd-req-button--danger" ref={confirm} onClick={() => void model.confirmDelete()} disabled={busy}>
            {texts.t('confirmDelete')}
          </button>
          <button type="button" class="fd-req-button" onClick={() => model.cancelDelete()} disabled={busy}>
            {texts.t('cancel')}
          </button>
        </div>
      )}
    </article>
  );
}
