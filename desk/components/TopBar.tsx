import type { ComponentChildren } from 'preact';
import type { AgentProfile } from '../../shared/protocol';
import type { ConnectionStatus } from '../models/DeskConnectionModel';
import { KB_HREF, QUEUE_HREF, REPORTS_HREF, SETTINGS_HREF, type DeskPage } from '../models/HashRouteModel';
import { useDeskT } from '../i18n/i18n';
import { LanguagePicker } from '../i18n/LanguagePicker';

export interface TopBarProps {
  agent: AgentProfile;
  connection: ConnectionStatus;
  /** The page shown, marked as current in the navigation. */
  page: DeskPage;
  onSignOut: () => void;
  /** The team's presence (status menu and dots). */
  children?: ComponentChildren;
}

/** Product name, the pages (queue, knowledge base, settings), live-connection state, who is signed in, and sign-out. */
export function TopBar({ agent, connection, page, onSignOut, children }: TopBarProps) {
  const t = useDeskT();
  return (
    <header class="topbar">
      <span class="topbar__brand">Frontdesk</span>
      <nav class="topbar__nav" aria-label={t.t('deskPages')}>
        <a class="topbar__link" href={QUEUE_HREF} aria-current={page === 'queue' ? 'page' : undefined}>
          {t.t('navQueue')}
        </a>
        <a class="topbar__link" href={KB_HREF} aria-current={page === 'kb' ? 'page' : undefined}>
          {t.t('navKb')}
        </a>
        <a class="topbar__link" href={REPORTS_HREF} aria-current={page === 'reports' ? 'page' : undefined}>
          {t.t('navReports')}
        </a>
        <a class="topbar__link" href="/api/docs" target="_blank" rel="noopener">
          {t.t('navApi')}
        </a>
        <a class="topbar__link" href={SETTINGS_HREF} aria-current={page === 'settings' ? 'page' : undefined}>
          {t.t('navSettings')}
        </a>
      </nav>
      <span class={`topbar__conn topbar__conn--${connection}`} role="status">
        {t.t(`conn_${connection}`)}
      </span>
      {children}
      <LanguagePicker />
      <span class="topbar__agent" title={agent.email}>
        {agent.name}
      </span>
      <button type="button" class="btn btn--ghost" onClick={onSignOut}>
        {t.t('signOut')}
      </button>
    </header>
  );
}
