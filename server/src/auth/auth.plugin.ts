import fp from 'fastify-plugin';
import cookie from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AgentRow } from '../db/schema';
import type { Db } from '../db/database';
import { AppError } from '../errors';
import { findAgentByApiToken, findAgentBySession } from './agent.repository';

export const SESSION_COOKIE = 'fd_session';

declare module 'fastify' {
  interface FastifyRequest {
    agent: AgentRow | null;
  }
  interface FastifyInstance {
    /** preHandler for agent-only routes: 401 without a valid session cookie or API token. */
    requireAgent: (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
  }
}

/** Finds the agent behind a session cookie value or a `Bearer` API token. */
export async function authenticate(db: Db, creds: { sessionToken?: string | undefined; bearer?: string | undefined }, now: Date): Promise<AgentRow | null> {
  if (creds.bearer) return (await findAgentByApiToken(db, creds.bearer, now)) ?? null;
  if (creds.sessionToken) return (await findAgentBySession(db, creds.sessionToken, now)) ?? null;
  return null;
}

export function bearerOf(header: string | undefined): string | undefined {
  const m = header?.match(/^Bearer\s+(\S+)$/i);
  return m?.[1];
}

export const authPlugin = fp(
  async (app) => {
    await app.register(cookie);
    app.decorateRequest('agent', null);
    app.decorate('requireAgent', async (request: FastifyRequest) => {
      const agent = await authenticate(
        app.db,
        { sessionToken: request.cookies[SESSION_COOKIE], bearer: bearerOf(request.headers.authorization) },
        new Date(),
      );
      if (!agent) throw new AppError('unauthorized', 'Sign in as an agent first');
      request.agent = agent;
    });
  },
  { name: 'auth', dependencies: ['db'] },
);

export function setSessionCookie(reply: FastifyReply, token: string, secure: boolean): void {
  void reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', path: '/', secure, maxAge: 7 * 86400 });
}
