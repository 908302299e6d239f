import fp from 'fastify-plugin';
import cookie from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AgentRow } from '../db/schema';
import type { Db } from '../db/database';
import { AppError } from '../errors';
import { findAgentByApiToken, findAgentBySession, sha256 } from './agent.repository';

export const SESSION_COOKIE = 'fd_session';

declare module 'fastify' {
  interface FastifyRequest {
    agent: AgentRow | null;
  }
  interface FastifyInstance {
    /** preHandler for agent-only routes: 401 without a valid session cookie or API token. */
    requireAgent: (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
    /** preHandler after `requireAgent` for the settings area: 403 for an agent who is not an admin. */
    requireAdmin: (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
  }
}

/** An agent and the credential that proved them (sha256 of the session or API token, as stored). */
export interface Authenticated {
  agent: AgentRow;
  credentialHash: string;
}

/** Finds the active agent behind a session cookie value or a `Bearer` API token. */
export async function authenticate(db: Db, creds: { sessionToken?: string | undefined; bearer?: string | undefined }, now: Date): Promise<Authenticated | null> {
  const token = creds.bearer ?? creds.sessionToken;
  if (!token || token.length > 200) return null;
  const agent = creds.bearer ? await findAgentByApiToken(db, token, now) : await findAgentBySession(db, token, now);
  return agent ? { agent, credentialHash: sha256(token) } : null;
}

export function bearerOf(header: string | undefined): string | undefined {
  const m = header?.match(/^Bearer\s+(\S+)$/i);
  return m?.[1];
}

/** What an agent whose password was generated at first run may do before choosing their own. */
const BEFORE_NEW_PASSWORD = new Set(['/api/auth/me', '/api/auth/password', '/api/auth/logout']);

export const authPlugin = fp(
  async (app) => {
    await app.register(cookie);
    app.decorateRequest('agent', null);
    app.decorate('requireAgent', async (request: FastifyRequest) => {
      const found = await authenticate(
        app.db,
        { sessionToken: request.cookies[SESSION_COOKIE], bearer: bearerOf(request.headers.authorization) },
        new Date(),
      );
      if (!found) throw new AppError('unauthorized', 'Sign in as an agent first');
      if (found.agent.must_change_password && !BEFORE_NEW_PASSWORD.has(request.routeOptions.url ?? '')) {
        throw new AppError('forbidden', 'Choose a new password first (POST /api/auth/password)');
      }
      request.agent = found.agent;
    });
    app.decorate('requireAdmin', async (request: FastifyRequest) => {
      if (request.agent?.role !== 'admin') throw new AppError('forbidden', 'Only an admin can do this');
    });
  },
  { name: 'auth', dependencies: ['db'] },
);

export function setSessionCookie(reply: FastifyReply, token: string, secure: boolean): void {
  void reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', path: '/', secure, maxAge: 7 * 86400 });
}
