import { useState } from 'preact/hooks';
import { useDeskT } from '../i18n/i18n';

export interface QuotedTextProps {
  /** The quoted history of an email reply, shown as plain text. */
  text: string;
  /** Unique per message, so the toggle can name what it controls. */
  id: string;
}

/** An email reply's quoted history, folded by default behind a "Show quoted text" toggle. */
export function QuotedText({ text, id }: QuotedTextProps) {
  const [open, setOpen] = useState(false);
  const t = useDeskT();
  const regionId = `quoted-${id}`;
  return (
    <div class="msg__quoted">
      <button type="button" class="btn btn--link msg__quoted-toggle" aria-expanded={open ? 'true' : 'false'} aria-controls={regionId} onClick={() => setOpen(!open)}>
        {open ? t.t('hideQuoted') : t.t('showQuoted')}
      </button>
      {open && (
        <pre id={regionId} class="msg__quoted-text">
          {text}
        </pre>
      )}
    </div>
  );
}
