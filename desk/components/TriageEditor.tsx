import { useState } from 'preact/hooks';
import { LEVELS, priorityOf, type Level } from '../../shared/priority';
import { LEVEL_LABELS } from '../format';
import { PriorityBadge } from './PriorityBadge';

export interface TriageEditorProps {
  urgency: Level;
  impact: Level;
  saving: boolean;
  /** Resolves true when the server accepted the change. */
  onSave: (change: { urgency: Level; impact: Level; reason: string }) => Promise<boolean>;
}

/** Override urgency and impact (priority is their product, never set directly); audited with a reason. */
export function TriageEditor({ urgency, impact, saving, onSave }: TriageEditorProps) {
  const [u, setU] = useState<Level>(urgency);
  const [i, setI] = useState<Level>(impact);
  const [reason, setReason] = useState('');
  const changed = u !== urgency || i !== impact;

  const onSubmit = async (e: Event) => {
    e.preventDefault();
    if (!changed || saving) return;
    if (await onSave({ urgency: u, impact: i, reason })) setReason('');
  };
  // Safe casts below: each select's options are exactly LEVELS.
  return (
    <details class="triage">
      <summary>Change priority</summary>
      <form class="triage__form" onSubmit={onSubmit}>
        <label for="triage-urgency">Urgency</label>
        <select id="triage-urgency" value={u} onChange={(e) => setU(e.currentTarget.value as Level)}>
          {LEVELS.map((l) => (
            <option key={l} value={l}>
              {LEVEL_LABELS[l]}
            </option>
          ))}
        </select>
        <label for="triage-impact">Impact</label>
        <select id="triage-impact" value={i} onChange={(e) => setI(e.currentTarget.value as Level)}>
          {LEVELS.map((l) => (
            <option key={l} value={l}>
              {LEVEL_LABELS[l]}
            </option>
          ))}
        </select>
        <label for="triage-reason">Reason</label>
        <input id="triage-reason" type="text" maxLength={500} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
        <span class="triage__result">
          Priority becomes <PriorityBadge level={priorityOf(u, i)} />
        </span>
        <button type="submit" class="btn" disabled={!changed || saving}>
          Save priority
        </button>
      </form>
    </details>
  );
}
