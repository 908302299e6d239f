import type { TargetedEvent } from 'preact';
import type { TeamModel } from '../models/TeamModel';
import { useDeskT } from '../i18n/i18n';

export interface AssigneeControlProps {
  assigneeId: string | null;
  selfId: string;
  team: TeamModel;
  saving: boolean;
  onAssign: (agentId: string | null) => Promise<boolean>;
}

/** Who has the ticket: a select of the team (with each one's status) and `Assign to me`. */
export function AssigneeControl({ assigneeId, selfId, team, saving, onAssign }: AssigneeControlProps) {
  const t = useDeskT();
  const onChange = async (e: TargetedEvent<HTMLSelectElement>) => {
    const select = e.currentTarget;
    const ok = await onAssign(select.value || null);
    if (!ok) select.value = assigneeId ?? ''; // refused (someone else changed it meanwhile): show what stands
  };
  return (
    <span class="ticket__assignee">
      <label for="ticket-assignee">{t.t('assignee')}</label>
      <select id="ticket-assignee" value={assigneeId ?? ''} onChange={onChange} disabled={saving}>
        <option value="">{t.t('unassigned')}</option>
        {team.members.value.map((m) => (
          <option key={m.id} value={m.id}>
            {m.name} ({t.t(`presence_${m.status}`)})
          </option>
        ))}
      </select>
      {assigneeId !== selfId && (
        <button type="button" class="btn btn--ghost" disabled={saving} onClick={() => void onAssign(selfId)}>
          {t.t('assignToMe')}
        </button>
      )}
    </span>
  );
}
