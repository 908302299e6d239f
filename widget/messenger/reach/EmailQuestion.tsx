import { useSignal } from '@preact/signals';
import type { TargetedSubmitEvent } from 'preact';
import type { cardsEn } from '../../i18n/cards';
import type { Texts } from '../../i18n/i18n';
import type { ReachModel } from './reach-model';

/**
 * After a handoff, when no email is known: asks for one, optional, saying plainly what it is for. The address
 * gets a confirmation first; nothing else is mailed to it until the visitor confirms.
 */
export function EmailQuestion({ model, texts }: { model: ReachModel; texts: Texts<typeof cardsEn> }) {
  const email = useSignal('');
  const submit = (event: TargetedSubmitEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (email.value.trim()) void model.giveEmail(email.value.trim());
  };
  return (
    <form class="fd-card fd-reach" aria-labelledby="fd-reach-title" onSubmit={submit}>
      <p class="fd-card__title" id="fd-reach-title">
        {texts.t('emailTitle')}
      </p>
      <p class="fd-card__note">{texts.t('emailWhy')}</p>
      <label class="fd-reach__label" for="fd-reach-email">
        {texts.t('emailLabel')}
      </label>
      <input id="fd-reach-email" class="fd-reach__input" type="email" autocomplete="email" required value={email.value} onInput={(e) => (email.value = e.currentTarget.value)} />
      <div class="fd-reach__actions">
        <button type="submit" class="fd-reach__button" disabled={model.busy.value}>
          {texts.t('emailMe')}
        </button>
        <button type="button" class="fd-link-button" onClick={() => (model.declined.value = true)}>
          {texts.t('noThanks')}
        </button>
      </div>
    </form>
  );
}

/** The address is given, not yet confirmed. */
export function EmailPending({ email, texts }: { email: string; texts: Texts<typeof cardsEn> }) {
  return (
    <p class="fd-card fd-reach" role="status">
      {texts.t('emailPending', { email })}
    </p>
  );
}
