/**
 * The settings area's pages, in the order of its navigation. A page is one entry: another page (Operations,
 * Webhooks…) is added here and appears in the navigation and at `#/settings/<id>`.
 */
import type { JSX } from 'preact';
import type { AgentProfile } from '../../shared/protocol';
import { AgentsPage } from './AgentsPage';
import { AuditPage } from './AuditPage';
import { IdentityPage } from './IdentityPage';
import { InstallPage } from './InstallPage';
import { ProfilePage } from './ProfilePage';
import type { SettingsApi, SettingsCaller } from './settings-api';
import { SitesPage } from './SitesPage';
import { TokensPage } from './TokensPage';
import { OperationsSettingsPage } from './operations/OperationsSettingsPage';
import { WebhooksSettingsPage } from './webhooks/WebhooksSettingsPage';
import type { DeskKey } from '../i18n/i18n';

export interface SettingsPageProps {
  api: SettingsApi;
  /** The desk's HTTP client, for pages with their own client. */
  caller: SettingsCaller;
  /** The signed-in agent. */
  agent: AgentProfile;
}

export interface SettingsPageEntry {
  /** The path segment: `#/settings/<id>`. */
  id: string;
  /** Its name in the navigation (a key of the desk's catalogue). */
  titleKey: DeskKey;
  /** Shown to admins only (the server refuses agents anyway). */
  adminOnly: boolean;
  Page: (props: SettingsPageProps) => JSX.Element;
}

export const SETTINGS_PAGES: SettingsPageEntry[] = [
  { id: 'sites', titleKey: 'settings_sites', adminOnly: true, Page: SitesPage },
  { id: 'install', titleKey: 'settings_install', adminOnly: true, Page: InstallPage },
  { id: 'identity', titleKey: 'settings_identity', adminOnly: true, Page: IdentityPage },
  { id: 'agents', titleKey: 'settings_agents', adminOnly: true, Page: AgentsPage },
  { id: 'operations', titleKey: 'settings_operations', adminOnly: true, Page: OperationsSettingsPage },
  { id: 'tokens', titleKey: 'settings_tokens', adminOnly: false, Page: TokensPage },
  { id: 'webhooks', titleKey: 'settings_webhooks', adminOnly: true, Page: WebhooksSettingsPage },
  { id: 'audit', titleKey: 'settings_audit', adminOnly: true, Page: AuditPage },
  { id: 'profile', titleKey: 'settings_profile', adminOnly: false, Page: ProfilePage },
];

/** The pages an agent may open: every page for an admin; the others only what is not admin-only. */
export function pagesFor(agent: Pick<AgentProfile, 'role'>): SettingsPageEntry[] {
  return SETTINGS_PAGES.filter((p) => agent.role === 'admin' || !p.adminOnly);
}
