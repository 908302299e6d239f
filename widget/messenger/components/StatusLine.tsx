import type { ConnectionStatus } from '../models/connection';
import { useT } from '../../i18n/context';

export interface StatusLineProps {
  status: ConnectionStatus;
  /** The server's reason when the status is `failed`. */
  error: string | null;
}

const TEXT = { idle: 'connecting', connecting: 'connecting', reconnecting: 'reconnecting' } as const;

/** The connection state, announced politely; empty (but present) while connected. */
export function StatusLine({ status, error }: StatusLineProps) {
  const i18n = useT();
  const text =
    status === 'failed' ? (error ?? i18n.t('unavailable')) : status === 'connected' ? '' : i18n.t(TEXT[status]);
  return (
    // Always rendered: a live region must exist before its text changes for screen readers to announce it.
    <p role="status" class={`fd-status fd-status--${status}`}>
      {text}
    </p>
  );
}
