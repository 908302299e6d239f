import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { AgentProfile } from '../../../shared/protocol';
import type { DbOrTx } from '../db/database';
import type { AgentRow } from '../db/schema';
import { hashPassword } from './password';

export const SESSION_DAYS = 7;

export function toAgentProfile(row: AgentRow): AgentProfile {
  return { id: row.id, email: row.email, name: row.name, role: row.role === 'admin' ? 'admin' : 'agent' };
}

export async function findAgentByEmail(db: DbOrTx, email: string): Promise<AgentRow | undefined> {
  return db.selectFrom('agents').selectAll().where('email', '=', email.trim().toLowerCase()).executeTakeFirst();
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
  props: { email: string; name: string; password: string; role: 'admin' | 'agent'; now: Date },
): Promise<AgentRow> {
  const row: AgentRow = {
    id: randomUUID(),
    email: props.email.trim().toLowerCase(),
    name: props.name,
    password_hash: await hashPassword(props.password),
    role: props.role,
    created_at: props.now.toISOString(),
  };
  await db.insertInto('agents').values(row).execute();
  return row;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

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
    .executeTakeFirst();
}

export async function deleteSession(db: DbOrTx, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sha256(token)).execute();
}

/** API tokens for integrations: `fd_<random>`, shown once, stored hashed. */
export async function createApiToken(db: DbOrTx, agentId: string, name: string, now: Date): Promise<string> {
  const token = `fd_${randomBytes(24).toString('base64url')}`;
  await db
    .insertInto('api_tokens')
    .values({ id: randomUUID(), agent_id: agentId, name, token_hash: sha256(token), created_at: now.toISOString(), last_used_at: null })
    .execute();
  return token;
}

export async function findAgentByApiToken(db: DbOrTx, token: string, now: Date): Promise<AgentRow | undefined> {
  const hash = sha256(token);
  const agent = await db
    .selectFrom('api_tokens')
    .innerJoin('agents', 'agents.id', 'api_tokens.agent_id')
    .selectAll('agents')
    .where('api_tokens.token_hash', '=', hash)
    .executeTakeFirst();
  if (agent) await db.updateTable('api_tokens').set({ last_used_at: now.toISOString() }).where('token_hash', '=', hash).execute();
  return agent;
}
