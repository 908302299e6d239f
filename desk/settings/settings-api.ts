/**
 * The settings area's REST calls (sites, install, identity, agents, tokens, audit log), on the desk's one HTTP
 * client, so a 401 ends the session the same way everywhere.
 */
import type { AuditEntryView, SitePatch, SiteView } from '../../shared/admin';
import type { AgentProfile } from '../../shared/protocol';

/** What the desk's `DeskApi` offers this client. */
export interface SettingsCaller {
  call<T>(method: string, path: string, body?: unknown, opts?: { quietUnauthorized?: boolean }): Promise<T>;
}

export interface TeamMember extends AgentProfile {
  /** Invited and not signed up yet. */
  invited?: boolean;
}

export interface IdentitySecretInfo {
  id: string;
  kind: 'jwt' | 'user_hash';
  createdAt: string;
}

export interface IdentitySummary {
  secrets: IdentitySecretInfo[];
  verifiedLastDay: number;
  lastChange: AuditEntryView | null;
}

export interface ApiTokenInfo {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
}

export interface AuditQuery {
  action?: string;
  actor?: string;
  target?: string;
  from?: string;
  to?: string;
  /** At most this many entries (1 to 500; the server's default is 100). */
  limit?: number;
}

const site = (key: string) => `/api/sites/${encodeURIComponent(key)}`;

export class SettingsApi {
  constructor(private readonly api: SettingsCaller) {}

  async listSites(): Promise<SiteView[]> {
    return (await this.api.call<{ sites: SiteView[] }>('GET', '/api/sites')).sites;
  }
  getSite(key: string): Promise<SiteView> {
    return this.api.call('GET', site(key));
  }
  createSite(input: { key?: string; name: string; allowedOrigins: string[] }): Promise<SiteView> {
    return this.api.call('POST', '/api/sites', input);
  }
  updateSite(key: string, patch: SitePatch): Promise<SiteView> {
    return this.api.call('PATCH', site(key), patch);
  }
  async deleteSite(key: string): Promise<void> {
    await this.api.call('DELETE', site(key));
  }

  /** The deployment's ticket categories (Settings → Operations), which a site's handoff rules choose from. */
  async ticketCategories(): Promise<string[]> {
    return (await this.api.call<{ categories: string[] }>('GET', '/api/operations')).categories;
  }

  identity(key: string): Promise<IdentitySummary> {
    return this.api.call('GET', `${site(key)}/identity-secrets`);
  }
  createSecret(key: string, kind: 'jwt' | 'user_hash'): Promise<IdentitySecretInfo & { secret: string }> {
    return this.api.call('POST', `${site(key)}/identity-secrets`, { kind });
  }
  async revokeSecret(key: string, id: string): Promise<void> {
    await this.api.call('DELETE', `${site(key)}/identity-secrets/${encodeURIComponent(id)}`);
  }

  async listAgents(): Promise<TeamMember[]> {
    return (await this.api.call<{ agents: TeamMember[] }>('GET', '/api/agents')).agents;
  }
  inviteAgent(input: { email: string; name: string; role: 'admin' | 'agent'; centres: string[] }): Promise<TeamMember> {
    return this.api.call('POST', '/api/agents', input);
  }
  updateAgent(id: string, patch: { name?: string; role?: 'admin' | 'agent'; active?: boolean; centres?: string[] }): Promise<TeamMember> {
    return this.api.call('PATCH', `/api/agents/${encodeURIComponent(id)}`, patch);
  }
  async sendPasswordReset(id: string): Promise<void> {
    await this.api.call('POST', `/api/agents/${encodeURIComponent(id)}/password-reset`);
  }

  async listTokens(): Promise<ApiTokenInfo[]> {
    return (await this.api.call<{ tokens: ApiTokenInfo[] }>('GET', '/api/auth/tokens')).tokens;
  }
  createToken(input: { name: string; expiresAt?: string }): Promise<ApiTokenInfo & { token: string }> {
    return this.api.call('POST', '/api/auth/tokens', input);
  }
  async revokeToken(id: string): Promise<void> {
    await this.api.call('DELETE', `/api/auth/tokens/${encodeURIComponent(id)}`);
  }

  async audit(query: AuditQuery): Promise<AuditEntryView[]> {
    const params = new URLSearchParams(Object.entries(query).flatMap(([k, v]) => (v ? [[k, String(v)]] : [])));
    const qs = params.toString();
    return (await this.api.call<{ entries: AuditEntryView[] }>('GET', `/api/audit${qs ? `?${qs}` : ''}`)).entries;
  }

  async changePassword(current: string, next: string): Promise<void> {
    await this.api.call('POST', '/api/auth/password', { current, next });
  }
  /** The page of an invitation or reset link: no session needed. */
  async acceptLink(token: string, password: string): Promise<void> {
    await this.api.call('POST', '/api/auth/links/accept', { token, password }, { quietUnauthorized: true });
  }
}
