import type { AgentProfile } from '../../shared/protocol';
import type { ConnectionStatus } from '../models/DeskConnectionModel';

export interface TopBarProps {
  agent: AgentProfile;
  connection: ConnectionStatus;
  onSignOut: () => void;
}

const CONNECTION_TEXT: Record<ConnectionStatus, string> = {
  idle: 'Not connected',
  connecting: 'Connecting…',
  online: 'Live',
  offline: 'Reconnecting…',
};

/** Product name, live-connection state, who is signed in, and sign-out. */
export function TopBar({ agent, connection, onSignOut }: TopBarProps) {
  return (
    <header class="topbar">
      <span class="topbar__brand">Frontdesk</span>
      <span class={`topbar__conn topbar__conn--${connection}`} role="status">
        {CONNECTION_TEXT[connection]}
      </span>
      <span class="topbar__agent" title={agent.email}>
        {agent.name}
      </span>
      <button type="button" class="btn btn--ghost" onClick={onSignOut}>
        Sign out
      </button>
    </header>
  );
}
