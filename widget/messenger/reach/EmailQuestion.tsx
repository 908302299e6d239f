import { useSignal } from '@preact/signals';
import type { TargetedSubmitEvent } from 'preact';
import type { ReachModel } from './reach-model';

/**
 * After a handoff, when no email is known: asks for one, optional, saying plainly what it is for. The address
 * gets a confirmation first; nothing else is mailed to it until the visitor confirms.
 */
export function EmailQuestion({ model }: { model: ReachModel }) {
  const email = useSignal('');
  const submit = (event: TargetedSubmitEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (email.value.trim()) void model.giveEmail(email.value.trim());
  };
  return (
    <form class="fd-card fd-reach" aria-labelledby="fd-reach-title" onSubmit={submit}>
      <p class="fd-card__title" id="fd-reach-title">
        Get the reply by email
      </p>
      <p class="fd-card__note">If you leave before a person answers, we email you their reply. We use this address only for this request.</p>
      <label class="fd-reach__label" for="fd-reach-email">
        Email (optional)
      </label>
      <input id="fd-reach-email" class="fd-reach__input" type="email" autocomplete="email" required value={email.value} onInput={(e) => (email.value = e.currentTarget.value)} />
      <div class="fd-reach__actions">
        <button type="submit" class="fd-reach__button" disabled={model.busy.value}>
          Email me the reply
        </button>
        <button type="button" class="fd-link-button" onClick={() => (model.declined.value = true)}>
          No thanks
        </button>
      </div>
    </form>
  );
}

/** The address is given, not yet confirmed. */
export function EmailPending({ email }: { email: string }) {
  return (
    <p class="fd-card fd-reach" role="status">
      Check your inbox: confirm {email} to get the reply by email.
    </p>
  );
}
