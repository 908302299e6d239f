import { useState } from 'preact/hooks';
import type { Issue } from '../field-errors';
import type { PlansSaved } from './OperationsModel';
import type { SupportPlanSummary } from './operations-types';
import { PlanForm } from './PlanForm';

export interface PlansEditorProps {
  plans: readonly SupportPlanSummary[];
  /** Saves the whole list of plans (the model's `savePlans`). */
  onSave: (plans: SupportPlanSummary[]) => Promise<PlansSaved>;
}

/** Who a plan covers, in words: "acme.example, ceo@acme.example, site shop". */
function coverage(p: SupportPlanSummary): string {
  const { emails = [], domains = [], siteKeys = [] } = p.match;
  return [...domains, ...emails, ...siteKeys.map((k) => `site ${k}`)].join(', ') || 'nobody';
}

/**
 * Support plans: the list, and adding, editing or removing one. Each change is saved at once (the list is sent
 * whole); the preview above asks the server, so it answers with the plans as saved.
 */
export function PlansEditor({ plans, onSave }: PlansEditorProps) {
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
      <h2 id="plans-title">Support plans</h2>
      <p class="muted">A plan gives the customers it covers its own hours for their SLA clocks, and optionally a dedicated team.</p>
      {plans.length === 0 ? (
        <p>No support plans.</p>
      ) : (
        <ul class="plans-editor__list">
          {plans.map((p, i) => (
            <li key={p.id}>
              <strong>{p.name}</strong>
              {p.team ? ` (${p.team})` : ''}: covers {coverage(p)}; hours in {p.calendar.timeZone}
              <div class="settings__actions">
                <button type="button" class="btn" onClick={() => setEditing(i)}>
                  Edit {p.name}
                </button>
                {removing === i ? (
                  <>
                    <button type="button" class="btn btn--danger" onClick={() => void saveList(plans.filter((_, j) => j !== i), i, `${p.name} removed.`)}>
                      Confirm removing {p.name}
                    </button>
                    <button type="button" class="btn" onClick={() => setRemoving(null)}>
                      Keep {p.name}
                    </button>
                  </>
                ) : (
                  <button type="button" class="btn btn--danger" onClick={() => setRemoving(i)}>
                    Remove {p.name}
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
          Add a support plan
        </button>
      ) : (
        <PlanForm
          key={String(editing)}
          plan={editing === 'new' ? null : plans[editing]!}
          onCancel={() => setEditing(null)}
          onSubmit={(plan) =>
            editing === 'new'
              ? saveList([...plans, plan], plans.length, `${plan.name} added.`)
              : saveList(plans.map((p, j) => (j === editing ? plan : p)), editing, `${plan.name} saved.`)
          }
        />
      )}
    </section>
  );
}
