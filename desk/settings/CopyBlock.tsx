import { useState } from 'preact/hooks';

/** A block of code with a Copy button; the result is announced. */
export function CopyBlock({ label, text }: { label: string; text: string }) {
  const [status, setStatus] = useState('');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setStatus('Copied');
    } catch {
      setStatus('Copying failed: select the text and copy it');
    }
  };
  return (
    <div class="copy-block">
      <pre aria-label={label}>
        <code>{text}</code>
      </pre>
      <button type="button" class="btn" onClick={() => void copy()} aria-label={`Copy ${label}`}>
        Copy
      </button>
      <span role="status" class="muted">
        {status}
      </span>
    </div>
  );
}
