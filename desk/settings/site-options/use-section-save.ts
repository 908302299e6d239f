import { useEffect, useState } from 'preact/hooks';
import type { SitePatch } from '../../../shared/admin';
import type { SiteSection } from '../../../shared/site-settings';
import { issuesOfMessage, sortIssues, type FieldErrors } from '../field-errors';
import { messageOf } from '../use-load';

const NONE: FieldErrors = { fields: {}, rest: null };

const loadSchemas = () => import('../../../shared/site-settings');

/** One section form's save: its errors by field, a busy flag, whether the last save went through. */
export interface SectionSave {
  errors: FieldErrors;
  busy: boolean;
  saved: boolean;
  /** Checks the section with the server's own schema, then sends it alone (`PATCH { [section]: … }`). */
  save: (value: Record<string, unknown>) => Promise<void>;
}

/**
 * Saving one section of a site. The section is checked first with the schema the server applies
 * (shared/site-settings.ts, loaded on the first save so zod stays out of the desk's first bundle); what the
 * server still refuses comes back in the same `path: message` shape and is placed next to its field too.
 */
export function useSectionSave(section: SiteSection, fields: readonly string[], onSave: (patch: SitePatch) => Promise<unknown>): SectionSave {
  const [errors, setErrors] = useState<FieldErrors>(NONE);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  // Fetched while the form shows, so the first save does not wait for it.
  useEffect(() => void loadSchemas(), []);
  const save = async (value: Record<string, unknown>) => {
    setSaved(false);
    setBusy(true);
    try {
      const { siteSectionSchemas } = await loadSchemas();
      const checked = siteSectionSchemas[section].safeParse(value);
      if (!checked.success) {
        setErrors(sortIssues(checked.error.issues, fields));
        return;
      }
      setErrors(NONE);
      await onSave({ [section]: checked.data });
      setSaved(true);
    } catch (err) {
      setErrors(sortIssues(issuesOfMessage(messageOf(err), [section]), fields));
    } finally {
      setBusy(false);
    }
  };
  return { errors, busy, saved, save };
}
