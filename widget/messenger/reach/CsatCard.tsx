import { useSignal } from '@preact/signals';
import type { TargetedSubmitEvent } from 'preact';
import type { ReachModel } from './reach-model';

const LABELS = ['1, poor', '2', '3', '4', '5, great'];

/** "How did we do?" on a solved request: 1 to 5 and an optional comment, once. */
export function CsatCard({ model, ticketId }: { model: ReachModel; ticketId: string }) {
  const rating = useSignal(0);
  const comment = useSignal('');
  const answer = model.csat.value?.answer;
  if (answer) {
    return (
      <p class="fd-card fd-reach" role="status">
        Thank you for your rating ({answer.rating} of 5).
      </p>
    );
  }
  const submit = (event: TargetedSubmitEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (rating.value) void model.rate(ticketId, rating.value, comment.value);
  };
  return (
    <form class="fd-card fd-reach" aria-labelledby="fd-csat-title" onSubmit={submit}>
      <fieldset class="fd-reach__scale">
        <legend class="fd-card__title" id="fd-csat-title">
          How did we do?
        </legend>
        {LABELS.map((label, i) => (
          <label key={label} class="fd-reach__choice">
            <input type="radio" name="fd-csat" value={i + 1} checked={rating.value === i + 1} onChange={() => (rating.value = i + 1)} />
            {label}
          </label>
        ))}
      </fieldset>
      <label class="fd-reach__label" for="fd-csat-comment">
        Comment (optional)
      </label>
      <textarea id="fd-csat-comment" class="fd-reach__input" rows={2} maxLength={2000} value={comment.value} onInput={(e) => (comment.value = e.currentTarget.value)} />
      <button type="submit" class="fd-reach__button" disabled={model.busy.value || rating.value === 0}>
        Send rating
      </button>
    </form>
  );
}
