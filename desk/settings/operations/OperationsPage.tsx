import { useEffect } from 'preact/hooks';
import { HoursEditor } from './HoursEditor';
import type { OperationsModel } from './OperationsModel';
import { OperationsPreview } from './OperationsPreview';
import { TargetsEditor } from './TargetsEditor';

export interface OperationsPageProps {
  model: OperationsModel;
}

/**
 * Settings → Operations (admins): each centre's hours, holidays and closures, the phone line, SLA targets, the
 * priority matrix and auto-close, with a preview of a ticket under the unsaved changes. Saving recomputes open
 * tickets' deadlines on every node.
 */
export function OperationsPage({ model }: OperationsPageProps) {
  useEffect(() => void model.load(), [model]);
  const ops = model.draft.value;
  const error = model.error.value;
  return (
    <div class="settings-operations">
      <h1>Operations</h1>
      {ops && (
        <form
          aria-label="Support operations"
          onSubmit={(e) => {
            e.preventDefault();
            void model.save();
          }}
        >
          <HoursEditor calendar={ops.centres.uk} onChange={(uk) => model.edit({ ...ops, centres: { ...ops.centres, uk } })} />
          <HoursEditor calendar={ops.centres.us} onChange={(us) => model.edit({ ...ops, centres: { ...ops.centres, us } })} />
          <HoursEditor calendar={ops.phoneLine} onChange={(phoneLine) => model.edit({ ...ops, phoneLine })} />
          <TargetsEditor ops={ops} onChange={(next) => model.edit(next)} />
          <section aria-label="Support plans">
            <h2>Support plans</h2>
            {ops.plans.length === 0 ? <p>No support plans.</p> : <ul>{ops.plans.map((p) => <li key={p.id}>{p.team ? `${p.name} (${p.team})` : p.name}</li>)}</ul>}
          </section>
          <button type="submit" disabled={!model.dirty.value || model.saving.value}>
            Save
          </button>
          <button type="button" disabled={!model.dirty.value} onClick={() => model.discard()}>
            Discard changes
          </button>
        </form>
      )}
      <OperationsPreview preview={model.preview.value} error={model.previewError.value} onPreview={(priority, zone) => void model.previewTicket(priority, zone)} />
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      <p role="status">{model.notice.value}</p>
    </div>
  );
}
