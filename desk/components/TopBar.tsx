import type { AgentProfile } from '../../shared/protocol';
import type { ConnectionStatus } from '../models/DeskConnectionModel';
import { KB_HREF, QUEUE_HREF, REPORTS_HREF, SETTINGS_HREF, type DeskPage } from '../models/HashRouteModel';

export interface TopBarProps {
  agent: AgentProfile;
  connection: ConnectionStatus;
  /** The page shown, marked as current in the navigation. */
  page: DeskPage;
  onSignOut: () => void;
}

const CONNECTION_TEXT: Record<ConnectionStatus, string> = {
  idle: 'Not connected',
  connecting: 'Connecting…',
  online: 'Live',
  offline: 'Reconnecting…',
};

/** Product name, the pages (queue, knowledge base, settings), live-connection state, who is signed in, and sign-out. */
export function TopBar({ agent, connection, page, onSignOut }: TopBarProps) {
  return (
    <header class="topbar">
      <span class="topbar__brand">Frontdesk</span>
      <nav class="topbar__nav" aria-label="Desk pages">
        <a class="topbar__link" href={QUEUE_HREF} aria-current={page === 'queue' ? 'page' : undefined}>
          Queue
        </a>
        <a class="topbar__link" href={KB_HREF} aria-current={page === 'kb' ? 'page' : undefined}>
          Knowledge base
        </a>
        <a class="topbar__link" href={REPORTS_HREF} aria-current={page === 'reports' ? 'page' : undefined}>
          Reports
        </a>
        <a class="topbar__link" href={SETTINGS_HREF} aria-current={page === 'settings' ? 'page' : undefined}>
          Settings
        </a>
      </nav>
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
