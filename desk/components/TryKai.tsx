import { useState } from 'preact/hooks';
import type { KaiPreview } from '../api';
import { kaiActionLabel } from '../format';
import { SourceLink } from './SourceLink';
import { useDeskT } from '../i18n/i18n';

export interface TryKaiProps {
  result: KaiPreview | null;
  asking: boolean;
  error: string | null;
  /** Resolves when Kai has answered (or failed to). */
  onAsk: (message: string) => Promise<boolean>;
}

/** "Try Kai": what Kai would answer to a visitor's first message, with its sources and what it would do. */
export function TryKai({ result, asking, error, onAsk }: TryKaiProps) {
  const [message, setMessage] = useState('');
  const t = useDeskT();
  const onSubmit = (e: Event) => {
    e.preventDefault();
    if (!asking) void onAsk(message);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) onSubmit(e);
  };
  return (
    <section class="try-kai" aria-label={t.t('tryKai')}>
      <h2 class="try-kai__title">{t.t('tryKai')}</h2>
      <p class="muted try-kai__lead">{t.t('tryKaiLead')}</p>
      <form class="try-kai__form" onSubmit={onSubmit}>
        <label class="field__label" for="try-kai-message">
          {t.t('visitorMessage')}
        </label>
        <textarea id="try-kai-message" rows={3} maxLength={5000} value={message} onInput={(e) => setMessage(e.currentTarget.value)} onKeyDown={onKeyDown} />
        <div>
          <button type="submit" class="btn btn--primary" disabled={asking}>
            {t.t('askKai')}
          </button>
          {asking && <span class="muted try-kai__asking"> {t.t('asking')}</span>}
        </div>
      </form>
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      <div class="try-kai__result" aria-live="polite">
        {result && (
          <>
            <p class={`try-kai__action try-kai__action--${result.action}`}>
              <strong>{kaiActionLabel(result.action, t)}</strong>
              {Number.isFinite(result.confidence) && <span class="muted">{t.t('confidence', { percent: new Intl.NumberFormat(t.language, { style: 'percent' }).format(result.confidence) })}</span>}
            </p>
            <p class="msg__body try-kai__reply">{result.reply}</p>
            {result.sources.length > 0 ? (
              <ul class="msg__sources" aria-label={t.t('sources')}>
                {result.sources.map((s) => (
                  <li key={s.id}>
                    <SourceLink source={s} />
                  </li>
                ))}
              </ul>
            ) : (
              <p class="muted">{t.t('noArticleUsed')}</p>
            )}
          </>
        )}
      </div>
    </section>
  );
}
