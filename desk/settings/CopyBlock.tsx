import { useState } from 'preact/hooks';
import { useDeskT } from '../i18n/i18n';

/** A block of code with a Copy button; the result is announced. */
export function CopyBlock({ label, text }: { label: string; text: string }) {
  const [status, setStatus] = useState('');
  const t = useDeskT();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setStatus(t.t('copied'));
    } catch {
      setStatus(t.t('copyFailed'));
    }
  };
  return (
    <div class="copy-block">
      <pre aria-label={label}>
        <code>{text}</code>
      </pre>
      <button type="button" class="btn" onClick={() => void copy()} aria-label={t.t('copyLabel', { label })}>
        {t.t('copy')}
      </button>
      <span role="status" class="muted">
        {status}
      </span>
    </div>
  );
}
