import { useState } from 'preact/hooks';
import { listOf, useDeskT, type DeskTexts } from '../../i18n/i18n';
import type { Issue } from '../field-errors';
import type { PlansSaved } from './OperationsModel';
import type { SupportPlanSummary } from './operations-types';
import { PlanForm } from './PlanForm';

export interface PlansEditorProps {
  plans: readonly SupportPlanSummary[];
  /** Saves the whole list of plans (the model's `savePlans`). */
  onSave: (plans: SupportPlanSummary[]) => Promise<PlansSaved>;
}

/** Who a plan covers, in words: "acme.example, ceo@acme.example and site shop". */
function coverage(p: SupportPlanSummary, t: DeskTexts): string {
  const { emails = [], domains = [], siteKeys = [] } = p.match;
  const covered = [...domains, ...emails, ...siteKeys.map((key) => t.t('opsPlanSite', { key }))];
  return covered.length ? listOf(covered, t) : t.t('opsNobody');
}

/**
 * Support plans: the list, and adding, editing or removing one. Each change is saved at once (the list is sent
 * whole); the preview above asks the server, so it answers with the plans as saved.
 */
export function PlansEditor({ plans, onSave }: PlansEditorProps) {
  const t = useDeskT();
  // The plan in the form: its index, 'new', or none.
  const [editing, setEditing] = useState<number | 'new' | null>(null);
  const [removing, setRemoving] = useState<number | null>(null);
  const [notice, setNotice] = useState('');
  const [error, setError] = useState<string | null>(null);

  const saveList = async (next: SupportPlanSummary[], index: number, done: string): Promise<readonly Issue[]> => {
    setNotice('');
    setError(null);
    const result = await onSave(next);
    if (result.ok) {
      setEditing(null);
      setRemoving(null);
      setNotice(done);
      return [];
    }
    // Issues of other plans (a stored plan the server now refuses) cannot be fixed in this form: shown above it.
    const own = result.issues.filter((i) => i.path[0] === index).map((i) => ({ path: i.path.slice(1), message: i.message }));
    const others = result.issues.filter((i) => i.path[0] !== index);
    if (others.length) setError(others.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; '));
    return own;
  };

  return (
    <section class="plans-editor" aria-labelledby="plans-title">
      <h2 id="plans-title">{t.t('opsPlans')}</h2>
      <p class="muted">{t.t('opsPlansIntro')}</p>
      {plans.length === 0 ? (
        <p>{t.t('opsNoPlans')}</p>
      ) : (
        <ul class="plans-editor__list">
          {plans.map((p, i) => (
            <li key={p.id}>
              <strong>{p.name}</strong>
              {p.team ? ` (${p.team})` : ''}
              {t.t('opsPlanCovers', { coverage: coverage(p, t), zone: p.calendar.timeZone })}
              <div class="settings__actions">
                <button type="button" class="btn" onClick={() => setEditing(i)}>
                  {t.t('opsEditPlanButton', { name: p.name })}
                </button>
                {removing === i ? (
                  <>
                    <button type="button" class="btn btn--danger" onClick={() => void saveList(plans.filter((_, j) => j !== i), i, t.t('opsPlanRemoved', { name: p.name }))}>
                      {t.t('opsConfirmRemovePlan', { name: p.name })}
                    </button>
                    <button type="button" class="btn" onClick={() => setRemoving(null)}>
                      {t.t('opsKeepPlan', { name: p.name })}
                    </button>
                  </>
                ) : (
                  <button type="button" class="btn btn--danger" onClick={() => setRemoving(i)}>
                    {t.t('opsRemovePlan', { name: p.name })}
                  </button>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      <p role="status" class="settings__saved">
        {notice}
      </p>
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      {editing === null ? (
        <button type="button" class="btn" onClick={() => setEditing('new')}>
          {t.t('opsAddSupportPlan')}
        </button>
      ) : (
        <PlanForm
          key={String(editing)}
          plan={editing === 'new' ? null : plans[editing]!}
          onCancel={() => setEditing(null)}
          onSubmit={(plan) =>
            editing === 'new'
              ? saveList([...plans, plan], plans.length, t.t('opsPlanAdded', { name: plan.name }))
              : saveList(plans.map((p, j) => (j === editing ? plan : p)), editing, t.t('opsPlanSaved', { name: plan.name }))
          }
        />
      )}
    </section>
  );
}
