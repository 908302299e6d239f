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
  title: string;
  /** Shown to admins only (the server refuses agents anyway). */
  adminOnly: boolean;
  Page: (props: SettingsPageProps) => JSX.Element;
}

export const SETTINGS_PAGES: SettingsPageEntry[] = [
  { id: 'sites', title: 'Sites', adminOnly: true, Page: SitesPage },
  { id: 'install', title: 'Install', adminOnly: true, Page: InstallPage },
  { id: 'identity', title: 'Identity', adminOnly: true, Page: IdentityPage },
  { id: 'agents', title: 'Agents', adminOnly: true, Page: AgentsPage },
  { id: 'tokens', title: 'API tokens', adminOnly: false, Page: TokensPage },
  { id: 'audit', title: 'Audit log', adminOnly: true, Page: AuditPage },
  { id: 'profile', title: 'Profile', adminOnly: false, Page: ProfilePage },
];

/** The pages an agent may open: every page for an admin; the others only what is not admin-only. */
export function pagesFor(agent: Pick<AgentProfile, 'role'>): SettingsPageEntry[] {
  return SETTINGS_PAGES.filter((p) => agent.role === 'admin' || !p.adminOnly);
}
