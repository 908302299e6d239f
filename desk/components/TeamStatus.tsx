import type { TargetedEvent } from 'preact';
import type { NotificationModel } from '../models/NotificationModel';
import type { TeamModel } from '../models/TeamModel';
import { PresenceDot } from './PresenceDot';

export interface TeamStatusProps {
  team: TeamModel;
  notifications?: NotificationModel | undefined;
}

/** The agent's own status menu, the team with dots by their names, and turning on desktop notifications. */
export function TeamStatus({ team, notifications }: TeamStatusProps) {
  const onChange = (e: TargetedEvent<HTMLSelectElement>) => team.choose(e.currentTarget.value === 'away' ? 'away' : 'online');
  const permission = notifications?.permission.value;
  return (
    <div class="team-status">
      <label class="team-status__mine">
        <PresenceDot status={team.myStatus.value} />
        <span class="sr-only">My status</span>
        <select aria-label="My status" value={team.chosen.value} onChange={onChange}>
          <option value="online">Online</option>
          <option value="away">Away</option>
        </select>
      </label>
      <ul class="team-status__list" aria-label="Team">
        {team.members.value.map((m) => (
          <li key={m.id} class="team-status__member">
            <PresenceDot status={m.status} /> {m.name}
          </li>
        ))}
      </ul>
      {notifications && permission === 'default' && (
        <button type="button" class="btn btn--ghost" onClick={() => void notifications.askPermission()}>
          Enable desktop notifications
        </button>
      )}
    </div>
  );
}
