import { useSignal } from '@preact/signals';
import type { TargetedSubmitEvent } from 'preact';
import type { CsatAnswer } from '../../../shared/reach';

const LABELS = ['1, poor', '2', '3', '4', '5, great'];

export interface CsatCardProps {
  answer: CsatAnswer | null | undefined;
  busy: boolean;
  onRate: (rating: number, comment: string) => void;
}

/** "How did we do?" on a solved request: 1 to 5 and an optional comment, once (messenger and portal). */
export function CsatCard({ answer, busy, onRate }: CsatCardProps) {
  const rating = useSignal(0);
  const comment = useSignal('');
  if (answer) {
    return (
      <p class="fd-card fd-reach" role="status">
        Thank you for your rating ({answer.rating} of 5).
      </p>
    );
  }
  const submit = (event: TargetedSubmitEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (rating.value) onRate(rating.value, comment.value);
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
      <button type="submit" class="fd-reach__button" disabled={busy || rating.value === 0}>
        Send rating
      </button>
    </form>
  );
}
