import { useSignal } from '@preact/signals';
import type { TargetedSubmitEvent } from 'preact';
import type { CsatAnswer } from '../../../shared/reach';
import { cards } from '../../i18n/cards';
import { useTexts } from '../../i18n/parts';

const SCALE = [1, 2, 3, 4, 5];

export interface CsatCardProps {
  answer: CsatAnswer | null | undefined;
  busy: boolean;
  onRate: (rating: number, comment: string) => void;
}

/** "How did we do?" on a solved request: 1 to 5 and an optional comment, once (messenger and portal). */
export function CsatCard({ answer, busy, onRate }: CsatCardProps) {
  const rating = useSignal(0);
  const comment = useSignal('');
  const texts = useTexts(cards);
  if (!texts) return null;
  if (answer) {
    return (
      <p class="fd-card fd-reach" role="status">
        {texts.t('csatThanks', { rating: texts.number(answer.rating), max: texts.number(SCALE.length) })}
      </p>
    );
  }
  const label = (n: number): string =>
    n === 1 ? texts.t('csatPoor', { n: texts.number(n) }) : n === SCALE.length ? texts.t('csatGreat', { n: texts.number(n) }) : texts.number(n);
  const submit = (event: TargetedSubmitEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (rating.value) onRate(rating.value, comment.value);
  };
  return (
    <form class="fd-card fd-reach" aria-labelledby="fd-csat-title" onSubmit={submit}>
      <fieldset class="fd-reach__scale">
        <legend class="fd-card__title" id="fd-csat-title">
          {texts.t('csatTitle')}
        </legend>
        {SCALE.map((n) => (
          <label key={n} class="fd-reach__choice">
            <input type="radio" name="fd-csat" value={n} checked={rating.value === n} onChange={() => (rating.value = n)} />
            {label(n)}
          </label>
        ))}
      </fieldset>
      <label class="fd-reach__label" for="fd-csat-comment">
        {texts.t('csatComment')}
      </label>
      <textarea id="fd-csat-comment" class="fd-reach__input" rows={2} maxLength={2000} value={comment.value} onInput={(e) => (comment.value = e.currentTarget.value)} />
      <button type="submit" class="fd-reach__button" disabled={busy || rating.value === 0}>
        {texts.t('csatSend')}
      </button>
    </form>
  );
}
