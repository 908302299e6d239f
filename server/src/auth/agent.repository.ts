import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { ApiTokenInfo } from '../../../shared/api';
import type { AgentProfile } from '../../../shared/protocol';
import type { DbOrTx } from '../db/database';
import type { AgentRow } from '../db/schema';
import { hashPassword } from './password';

export const SESSION_DAYS = 7;

export function toAgentProfile(row: AgentRow): AgentProfile {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role === 'admin' ? 'admin' : 'agent',
    active: Boolean(row.active),
    mustChangePassword: Boolean(row.must_change_password),
    centres: centresOf(row),
  };
}

/** The operations centres an agent works in; empty: every centre. */
export function centresOf(row: Pick<AgentRow, 'centres'>): string[] {
  try {
    const value: unknown = JSON.parse(row.centres);
    return Array.isArray(value) ? value.filter((c): c is string => typeof c === 'string') : [];
  } catch {
    return [];
  }
}

export async function findAgentByEmail(db: DbOrTx, email: string): Promise<AgentRow | undefined> {
  return db.selectFrom('agents').selectAll().where('email', '=', email.trim().toLowerCase()).executeTakeFirst();
}

/** Every agent, by name. */
export async function listAgents(db: DbOrTx): Promise<AgentRow[]> {
  return db.selectFrom('agents').selectAll().orderBy('name').execute();
}

/** Agents invited and not yet signed up: their invitation link is unused. */
export async function agentsInvitedNotJoined(db: DbOrTx): Promise<Set<string>> {
  const pending = await db.selectFrom('agent_links').select('agent_id').where('purpose', '=', 'invite').where('used_at', 'is', null).execute();
  return new Set(pending.map((p) => p.agent_id));
}

export async function findAgent(db: DbOrTx, id: string): Promise<AgentRow | undefined> {
  return db.selectFrom('agents').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function countAgents(db: DbOrTx): Promise<number> {
  const row = await db.selectFrom('agents').select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function createAgent(
  db: DbOrTx,
  props: { email: string; name: string; password: string; role: 'admin' | 'agent'; now: Date; mustChangePassword?: boolean; centres?: string[] },
): Promise<AgentRow> {
  const row: AgentRow = {
    id: randomUUID(),
    email: props.email.trim().toLowerCase(),
    name: props.name,
    password_hash: await hashPassword(props.password),
    role: props.role,
    active: 1,
    must_change_password: props.mustChangePassword ? 1 : 0,
    created_at: props.now.toISOString(),
    centres: JSON.stringify(props.centres ?? []),
  };
  await db.insertInto('agents').values(row).execute();
  return row;
}

/** How credentials are stored, and the name of the room their desk sockets join. */
export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** Starts a session; returns the cookie token (only its hash is stored). */
export async function createSession(db: DbOrTx, agentId: string, now: Date): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db
    .insertInto('sessions')
    .values({
      id: sha256(token),
      agent_id: agentId,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + SESSION_DAYS * 86_400_000).toISOString(),
    })
    .execute();
  return token;
}

export async function findAgentBySession(db: DbOrTx, token: string, now: Date): Promise<AgentRow | undefined> {
  return db
    .selectFrom('sessions')
    .innerJoin('agents', 'agents.id', 'sessions.agent_id')
    .selectAll('agents')
    .where('sessions.id', '=', sha256(token))
    .where('sessions.expires_at', '>', now.toISOString())
    .where('agents.active', '=', 1)
    .executeTakeFirst();
}

/** Sets a new password (the agent no longer has to change it) and ends their other sessions. */
export async function setAgentPassword(db: DbOrTx, agentId: string, password: string, opts: { keepSession: string }): Promise<void> {
  await db.updateTable('agents').set({ password_hash: await hashPassword(password), must_change_password: 0 }).where('id', '=', agentId).execute();
  await db.deleteFrom('sessions').where('agent_id', '=', agentId).where('id', '!=', opts.keepSession).execute();
}

/** Changes an agent's name, role, centres or whether they are active. */
export async function updateAgent(
  db: DbOrTx,
  id: string,
  changes: { name?: string | undefined; role?: 'admin' | 'agent' | undefined; active?: boolean | undefined; centres?: string[] | undefined },
): Promise<void> {
  const set = {
    ...(changes.centres !== undefined ? { centres: JSON.stringify(changes.centres) } : {}),
    ...(changes.name !== undefined ? { name: changes.name } : {}),
    ...(changes.role !== undefined ? { role: changes.role } : {}),
    ...(changes.active !== undefined ? { active: changes.active ? 1 : 0 } : {}),
  };
  if (Object.keys(set).length) await db.updateTable('agents').set(set).where('id', '=', id).execute();
}

/** Ends every session and API token of an agent (deactivation). */
export async function revokeAgentCredentials(db: DbOrTx, agentId: string): Promise<void> {
  await db.deleteFrom('sessions').where('agent_id', '=', agentId).execute();
  await db.deleteFrom('api_tokens').where('agent_id', '=', agentId).execute();
}

export async function deleteSession(db: DbOrTx, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sha256(token)).execute();
}

/** What an agent sees of their API tokens (never the token itself); its schema is in shared/api.ts. */
export type { ApiTokenInfo };

/** API tokens for integrations: `fd_<random>`, shown once, stored hashed. */
export async function createApiToken(
  db: DbOrTx,
  props: { agentId: string; name: string; expiresAt: string | null; now: Date },
): Promise<{ token: string; info: ApiTokenInfo }> {
  const token = `fd_${randomBytes(24).toString('base64url')}`;
  const info: ApiTokenInfo = { id: randomUUID(), name: props.name, createdAt: props.now.toISOString(), lastUsedAt: null, expiresAt: props.expiresAt };
  await db
    .insertInto('api_tokens')
    .values({ id: info.id, agent_id: props.agentId, name: info.name, token_hash: sha256(token), created_at: info.createdAt, last_used_at: null, expires_at: info.expiresAt })
    .execute();
  return { token, info };
}

export async function listApiTokens(db: DbOrTx, agentId: string): Promise<ApiTokenInfo[]> {
  const rows = await db.selectFrom('api_tokens').selectAll().where('agent_id', '=', agentId).orderBy('created_at', 'desc').orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, name: r.name, createdAt: r.created_at, lastUsedAt: r.last_used_at, expiresAt: r.expires_at }));
}

/** Deletes one of the agent's tokens; returns its stored hash, or null when the agent has no such token. */
export async function deleteApiToken(db: DbOrTx, agentId: string, id: string): Promise<string | null> {
  const row = await db.deleteFrom('api_tokens').where('agent_id', '=', agentId).where('id', '=', id).returning('token_hash').executeTakeFirst();
  return row?.token_hash ?? null;
}

/** The agent behind an unexpired token of an active agent; records when it was last used. */
export async function findAgentByApiToken(db: DbOrTx, token: string, now: Date): Promise<AgentRow | undefined> {
  const hash = sha256(token);
  const at = now.toISOString();
  const agent = await db
    .selectFrom('api_tokens')
    .innerJoin('agents', 'agents.id', 'api_tokens.agent_id')
    .selectAll('agents')
    .where('api_tokens.token_hash', '=', hash)
    .where((eb) => eb.or([eb('api_tokens.expires_at', 'is', null), eb('api_tokens.expires_at', '>', at)]))
    .where('agents.active', '=', 1)
    .executeTakeFirst();
  if (agent) await db.updateTable('api_tokens').set({ last_used_at: at }).where('token_hash', '=', hash).execute();
  return agent;
}
