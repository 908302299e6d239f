import type { ConnectionStatus } from '../models/connection';

export interface StatusLineProps {
  status: ConnectionStatus;
  /** The server's reason when the status is `failed`. */
  error: string | null;
}

const TEXT: Record<Exclude<ConnectionStatus, 'failed'>, string> = {
  idle: 'Connecting…',
  connecting: 'Connecting…',
  connected: '',
  reconnecting: 'Reconnecting…',
};

/** The connection state, announced politely; empty (but present) while connected. */
export function StatusLine({ status, error }: StatusLineProps) {
  const text = status === 'failed' ? (error ?? 'The messenger is not available right now.') : TEXT[status];
  return (
    // Always rendered: a live region must exist before its text changes for screen readers to announce it.
    <p role="status" class={`fd-status fd-status--${status}`}>
      {text}
    </p>
  );
}
