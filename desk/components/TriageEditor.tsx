import { useState } from 'preact/hooks';
import { LEVELS, priorityOf, type Level } from '../../shared/priority';
import { levelLabel } from '../format';
import { PriorityBadge } from './PriorityBadge';
import { useDeskT } from '../i18n/i18n';

export interface TriageEditorProps {
  urgency: Level;
  impact: Level;
  saving: boolean;
  /** Resolves true when the server accepted the change. */
  onSave: (change: { urgency: Level; impact: Level; reason: string }) => Promise<boolean>;
}

/** Override urgency and impact (priority is their product, never set directly); audited with a reason. */
export function TriageEditor({ urgency, impact, saving, onSave }: TriageEditorProps) {
  const t = useDeskT();
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
      <summary>{t.t('changePriority')}</summary>
      <form class="triage__form" onSubmit={onSubmit}>
        <label for="triage-urgency">{t.t('urgency')}</label>
        <select id="triage-urgency" value={u} onChange={(e) => setU(e.currentTarget.value as Level)}>
          {LEVELS.map((l) => (
            <option key={l} value={l}>
              {levelLabel(l, t)}
            </option>
          ))}
        </select>
        <label for="triage-impact">{t.t('impact')}</label>
        <select id="triage-impact" value={i} onChange={(e) => setI(e.currentTarget.value as Level)}>
          {LEVELS.map((l) => (
            <option key={l} value={l}>
              {levelLabel(l, t)}
            </option>
          ))}
        </select>
        <label for="triage-reason">{t.t('reason')}</label>
        <input id="triage-reason" type="text" maxLength={500} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
        <span class="triage__result">
          {t.t('priorityBecomes')} <PriorityBadge level={priorityOf(u, i)} />
        </span>
        <button type="submit" class="btn" disabled={!changed || saving}>
          {t.t('savePriority')}
        </button>
      </form>
    </details>
  );
}
