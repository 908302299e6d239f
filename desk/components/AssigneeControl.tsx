import type { TargetedEvent } from 'preact';
import type { TeamModel } from '../models/TeamModel';
import { PRESENCE_LABELS } from './PresenceDot';

export interface AssigneeControlProps {
  assigneeId: string | null;
  selfId: string;
  team: TeamModel;
  saving: boolean;
  onAssign: (agentId: string | null) => Promise<boolean>;
}

/** Who has the ticket: a select of the team (with each one's status) and `Assign to me`. */
export function AssigneeControl({ assigneeId, selfId, team, saving, onAssign }: AssigneeControlProps) {
  const onChange = async (e: TargetedEvent<HTMLSelectElement>) => {
    const select = e.currentTarget;
    const ok = await onAssign(select.value || null);
    if (!ok) select.value = assigneeId ?? ''; // refused (someone else changed it meanwhile): show what stands
  };
  return (
    <span class="ticket__assignee">
      <label for="ticket-assignee">Assignee</label>
      <select id="ticket-assignee" value={assigneeId ?? ''} onChange={onChange} disabled={saving}>
        <option value="">Unassigned</option>
        {team.members.value.map((m) => (
          <option key={m.id} value={m.id}>
            {m.name} ({PRESENCE_LABELS[m.status]})
          </option>
        ))}
      </select>
      {assigneeId !== selfId && (
        <button type="button" class="btn btn--ghost" disabled={saving} onClick={() => void onAssign(selfId)}>
          Assign to me
        </button>
      )}
    </span>
  );
}
