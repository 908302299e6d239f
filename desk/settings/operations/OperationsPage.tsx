import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import { useDeskT } from '../../i18n/i18n';
import { CategoriesEditor } from './CategoriesEditor';
import { HoursEditor } from './HoursEditor';
import type { OperationsModel } from './OperationsModel';
import { OperationsPreview } from './OperationsPreview';
import { PlansEditor } from './PlansEditor';
import { TargetsEditor } from './TargetsEditor';

export interface OperationsPageProps {
  model: OperationsModel;
  /** The page's last change from the audit log, under its heading. */
  lastChange?: ComponentChildren;
}

/**
 * Settings → Operations (admins): each centre's hours, holidays and closures, the phone line, SLA targets, the
 * priority matrix, auto-close and ticket categories (one form, saved together), the support plans (each change
 * saved at once), and a preview of a ticket under the unsaved changes. Saving recomputes open tickets' deadlines
 * on every node.
 */
export function OperationsPage({ model, lastChange }: OperationsPageProps) {
  const t = useDeskT();
  useEffect(() => void model.load(), [model]);
  const ops = model.draft.value;
  const error = model.error.value;
  const fieldErrors = model.fieldErrors.value.fields;
  return (
    <div class="settings-operations">
      <h1>{t.t('settings_operations')}</h1>
      {lastChange}
      {ops && (
        <form
          aria-label={t.t('opsForm')}
          onSubmit={(e) => {
            e.preventDefault();
            void model.save();
          }}
        >
          <HoursEditor calendar={ops.centres.uk} title={t.t('centreUkLong')} error={fieldErrors['centres.uk']} onChange={(uk) => model.edit({ ...ops, centres: { ...ops.centres, uk } })} />
          <HoursEditor calendar={ops.centres.us} title={t.t('centreUsLong')} error={fieldErrors['centres.us']} onChange={(us) => model.edit({ ...ops, centres: { ...ops.centres, us } })} />
          <HoursEditor calendar={ops.phoneLine} title={t.t('opsPhoneLine')} error={fieldErrors['phoneLine']} onChange={(phoneLine) => model.edit({ ...ops, phoneLine })} />
          <TargetsEditor ops={ops} errors={fieldErrors} onChange={(next) => model.edit(next)} />
          <CategoriesEditor categories={ops.categories} error={fieldErrors['categories']} onChange={(categories) => model.edit({ ...ops, categories })} />
          <button type="submit" disabled={!model.dirty.value || model.saving.value}>
            {t.t('save')}
          </button>
          <button type="button" disabled={!model.dirty.value} onClick={() => model.discard()}>
            {t.t('opsDiscard')}
          </button>
        </form>
      )}
      {ops && <PlansEditor plans={ops.plans} onSave={(plans) => model.savePlans(plans)} />}
      <OperationsPreview preview={model.preview.value} error={model.previewError.value} onPreview={(priority, zone, email) => void model.previewTicket(priority, zone, email)} />
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      <p role="status">{model.notice.value}</p>
    </div>
  );
}
