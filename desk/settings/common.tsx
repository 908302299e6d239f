import type { ComponentChildren } from 'preact';
import type { SiteView } from '../../shared/admin';
import { englishTexts, useDeskT, type DeskTexts } from '../i18n/i18n';
import { formatDateTime } from '../format';

/** A settings page's date and time, in the agent's language (the desk's one date format). */
export const formatWhen = (iso: string, t: DeskTexts = englishTexts): string => formatDateTime(iso, t);

export function FormError({ message }: { message: string | null }) {
  return message ? (
    <p class="form-error" role="alert">
      {message}
    </p>
  ) : null;
}

/**
 * A labelled field with its hint and its error (`${id}-hint`, `${id}-error`: the control names them with
 * `fieldDescription`, so a screen reader reads the refusal with the field).
 */
export function Field({ id, label, hint, error, children }: { id: string; label: string; hint?: string; error?: string | undefined; children: ComponentChildren }) {
  return (
    <div class="field">
      <label class="field__label" for={id}>
        {label}
      </label>
      {children}
      {hint && (
        <p class="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p class="field__error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

/** The ARIA attributes of a `Field`'s control: its hint and error as its description, invalid while refused. */
export function fieldDescription(id: string, opts: { hint?: boolean; error?: string | undefined }): { 'aria-describedby'?: string; 'aria-invalid'?: 'true' } {
  const ids = [opts.hint ? `${id}-hint` : '', opts.error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return { ...(ids ? { 'aria-describedby': ids } : {}), ...(opts.error ? { 'aria-invalid': 'true' as const } : {}) };
}

/** The site a page works on (Install, Identity). */
export function SitePicker({ sites, value, onChange }: { sites: SiteView[]; value: string; onChange: (key: string) => void }) {
  const t = useDeskT();
  return (
    <Field id="site-picker" label={t.t('site')}>
      <select id="site-picker" value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        {sites.map((s) => (
          <option key={s.key} value={s.key}>
            {s.name} ({s.key})
          </option>
        ))}
      </select>
    </Field>
  );
}

/** Lines of a textarea as a list: trimmed, blanks dropped. */
export const linesOf = (text: string) =>
  text
    .split(/[\n,]/)
    .map((l) => l.trim())
    .filter(Boolean);
