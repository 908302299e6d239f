import { useState } from 'preact/hooks';
import type { KaiPreview } from '../api';
import { KAI_ACTION_LABELS } from '../format';
import { SourceLink } from './SourceLink';

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
  const onSubmit = (e: Event) => {
    e.preventDefault();
    if (!asking) void onAsk(message);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) onSubmit(e);
  };
  return (
    <section class="try-kai" aria-label="Try Kai">
      <h2 class="try-kai__title">Try Kai</h2>
      <p class="muted try-kai__lead">What would Kai say to a visitor who wrote this? It answers from the articles as saved; nothing is sent to anyone.</p>
      <form class="try-kai__form" onSubmit={onSubmit}>
        <label class="field__label" for="try-kai-message">
          Visitor message
        </label>
        <textarea id="try-kai-message" rows={3} maxLength={5000} value={message} onInput={(e) => setMessage(e.currentTarget.value)} onKeyDown={onKeyDown} />
        <div>
          <button type="submit" class="btn btn--primary" disabled={asking}>
            Ask Kai
          </button>
          {asking && <span class="muted try-kai__asking"> Asking…</span>}
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
              <strong>{KAI_ACTION_LABELS[result.action] ?? result.action}</strong>
              {Number.isFinite(result.confidence) && <span class="muted"> · confidence {Math.round(result.confidence * 100)}%</span>}
            </p>
            <p class="msg__body try-kai__reply">{result.reply}</p>
            {result.sources.length > 0 ? (
              <ul class="msg__sources" aria-label="Sources">
                {result.sources.map((s) => (
                  <li key={s.id}>
                    <SourceLink source={s} />
                  </li>
                ))}
              </ul>
            ) : (
              <p class="muted">No article used.</p>
            )}
          </>
        )}
      </div>
    </section>
  );
}
