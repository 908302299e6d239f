import type { ComponentChildren } from 'preact';
import { FormError } from '../common';
import type { SectionSave } from './use-section-save';
import { useDeskT } from '../../i18n/i18n';

export interface SectionFormProps {
  /** The form's heading and accessible name ("Attachments"). */
  title: string;
  /** What the section does, in a sentence. */
  intro: string;
  submitLabel: string;
  save: SectionSave;
  /** Reads the fields into the section and hands it to `save.save`. */
  onSubmit: () => void;
  children: ComponentChildren;
}

/** One site section's own form: heading, what it does, its fields, what no field owns, "Saved" and its button. */
export function SectionForm({ title, intro, submitLabel, save, onSubmit, children }: SectionFormProps) {
  const t = useDeskT();
  return (
    <form
      class="settings__form site-section"
      aria-label={title}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      <h4 class="section-title">{title}</h4>
      <p class="muted">{intro}</p>
      {children}
      <FormError message={save.errors.rest} />
      <div class="settings__actions">
        <button type="submit" class="btn btn--primary" disabled={save.busy}>
          {submitLabel}
        </button>
        <p class="settings__saved" role="status">
          {save.saved ? t.t('sectionSaved', { title }) : ''}
        </p>
      </div>
    </form>
  );
}

/** A number field's text as a number: empty is NaN (refused as "not a number"), never 0. */
export const numberOf = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));
