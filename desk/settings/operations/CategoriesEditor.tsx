import { useDeskT } from '../../i18n/i18n';
import { Field, fieldDescription } from '../common';

export interface CategoriesEditorProps {
  categories: readonly string[];
  /** The refusal of the last save, shown with the field. */
  error: string | undefined;
  onChange: (next: string[]) => void;
}

/** The deployment's ticket categories: what triage and Kai's hand-off choose from, and sites' handoff rules pick. */
export function CategoriesEditor({ categories, error, onChange }: CategoriesEditorProps) {
  const t = useDeskT();
  const id = 'operations-categories';
  return (
    <Field id={id} label={t.t('opsCategories')} hint={t.t('opsCategoriesHint')} error={error}>
      <textarea
        id={id}
        rows={Math.min(10, categories.length + 1)}
        value={categories.join('\n')}
        {...fieldDescription(id, { hint: true, error })}
        // Blank lines are dropped, other lines kept as typed: the server's schema trims and checks them.
        onInput={(e) => onChange(e.currentTarget.value.split('\n').filter((l) => l.trim() !== ''))}
      />
    </Field>
  );
}
