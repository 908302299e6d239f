import type { PresenceStatus } from '../../shared/team';
import { useDeskT } from '../i18n/i18n';

export interface PresenceDotProps {
  status: PresenceStatus;
}

/** A coloured dot with its status as text for screen readers (colour is never the only sign). */
export function PresenceDot({ status }: PresenceDotProps) {
  const t = useDeskT();
  const label = t.t(`presence_${status}`);
  return (
    <span class={`presence-dot presence-dot--${status}`} title={label}>
      <span class="sr-only">{label}</span>
    </span>
  );
}
