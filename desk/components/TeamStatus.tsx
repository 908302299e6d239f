import type { TargetedEvent } from 'preact';
import type { NotificationModel } from '../models/NotificationModel';
import type { TeamModel } from '../models/TeamModel';
import { PresenceDot } from './PresenceDot';
import { useDeskT } from '../i18n/i18n';

export interface TeamStatusProps {
  team: TeamModel;
  notifications?: NotificationModel | undefined;
}

/** The agent's own status menu, the team with dots by their names, and turning on desktop notifications. */
export function TeamStatus({ team, notifications }: TeamStatusProps) {
  const t = useDeskT();
  const onChange = (e: TargetedEvent<HTMLSelectElement>) => team.choose(e.currentTarget.value === 'away' ? 'away' : 'online');
  const permission = notifications?.permission.value;
  return (
    <div class="team-status">
      <label class="team-status__mine">
        <PresenceDot status={team.myStatus.value} />
        <span class="sr-only">{t.t('myStatus')}</span>
        <select aria-label={t.t('myStatus')} value={team.chosen.value} onChange={onChange}>
          <option value="online">{t.t('presence_online')}</option>
          <option value="away">{t.t('presence_away')}</option>
        </select>
      </label>
      <ul class="team-status__list" aria-label={t.t('team')}>
        {team.members.value.map((m) => (
          <li key={m.id} class="team-status__member">
            <PresenceDot status={m.status} /> {m.name}
          </li>
        ))}
      </ul>
      {notifications && permission === 'default' && (
        <button type="button" class="btn btn--ghost" onClick={() => void notifications.askPermission()}>
          {t.t('enableNotifications')}
        </button>
      )}
    </div>
  );
}
