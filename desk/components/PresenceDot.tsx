import type { PresenceStatus } from '../../shared/team';

const LABELS: Record<PresenceStatus, string> = { online: 'Online', away: 'Away', offline: 'Offline' };

export interface PresenceDotProps {
  status: PresenceStatus;
}

/** A coloured dot with its status as text for screen readers (colour is never the only sign). */
export function PresenceDot({ status }: PresenceDotProps) {
  return (
    <span class={`presence-dot presence-dot--${status}`} title={LABELS[status]}>
      <span class="sr-only">{LABELS[status]}</span>
    </span>
  );
}

export const PRESENCE_LABELS = LABELS;
