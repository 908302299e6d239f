import type { FastifyPluginAsync } from 'fastify';
import { changePasswordSchema, createApiTokenSchema, loginSchema } from '../../../shared/api';
import {
  createApiToken,
  createSession,
  deleteApiToken,
  deleteSession,
  findAgentByEmail,
  listApiTokens,
  setAgentPassword,
  sha256,
  toAgentProfile,
} from '../auth/agent.repository';
import { SESSION_COOKIE, setSessionCookie } from '../auth/auth.plugin';
import { endDeskSockets } from '../auth/desk-sockets';
import { verifyPassword } from '../auth/password';
import { AppError } from '../errors';
import { parse } from './validate';

// A fixed hash to verify against when the email is unknown, so both failures take the same time.
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$4tY3Dk1wq9nfRpmR9zuG3Ud0ZfS1qPpVn3A2Kq6G3xI';

/** Failed sign-ins per account, whatever the client address: guessing is slow even from many addresses. */
export const LOGIN_FAILURES_PER_ACCOUNT = { points: 10, duration: 15 * 60 };

export const authRoutes: FastifyPluginAsync<{ secureCookies: boolean }> = async (app, opts) => {
  // Counted across the deployment's nodes (Redis when REDIS_URL is set), so another node is no way around it.
  const failures = app.frontdesk.cluster.limiter(LOGIN_FAILURES_PER_ACCOUNT.points, LOGIN_FAILURES_PER_ACCOUNT.duration, 'login-failures');

  app.post(
    '/api/auth/login',
    { config: { rateLimit: { max: 20, timeWindow: '1 minute' } } },
    async (request, reply) => {
      const { email, password } = parse(loginSchema, request.body);
      const account = email.trim().toLowerCase();
      const seen = await failures.get(account);
      if (seen && seen.consumedPoints >= LOGIN_FAILURES_PER_ACCOUNT.points) {
        void reply.header('retry-after', String(Math.ceil(seen.msBeforeNext / 1000)));
        throw new AppError('rate_limited', 'Too many failed sign-ins for this account; try again later');
      }
      const agent = await findAgentByEmail(app.db, account);
      const ok = await verifyPassword(agent?.password_hash ?? DUMMY_HASH, password);
      if (!agent || !ok || !agent.active) {
        await failures.penalty(account, 1);
        throw new AppError('unauthorized', 'Wrong email or password');
      }
      await failures.delete(account);
      setSessionCookie(reply, await createSession(app.db, agent.id, new Date()), opts.secureCookies);
      return toAgentProfile(agent);
    },
  );

  app.post('/api/auth/logout', async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      await deleteSession(app.db, token);
      endDeskSockets(app.io, { credentialHash: sha256(token) });
    }
    void reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send();
  });

  app.get('/api/auth/me', { preHandler: app.requireAgent }, async (request) => toAgentProfile(request.agent!));

  app.post(
    '/api/auth/password',
    { preHandler: app.requireAgent, config: { rateLimit: { max: 10, timeWindow: '1 minute' } } },
    async (request, reply) => {
      const { current, next } = parse(changePasswordSchema, request.body);
      const agent = request.agent!;
      if (!(await verifyPassword(agent.password_hash, current))) throw new AppError('forbidden', 'The current password is wrong');
      if (current === next) throw new AppError('validation_failed', 'next: choose a password different from the current one');
      // A new password ends every other session of the agent (someone may have known the old one).
      const keep = sha256(request.cookies[SESSION_COOKIE] ?? '');
      await setAgentPassword(app.db, agent.id, next, { keepSession: keep });
      endDeskSockets(app.io, { agentId: agent.id, exceptCredentialHash: keep });
      return reply.status(204).send();
    },
  );

  app.get('/api/auth/tokens', { preHandler: app.requireAgent }, async (request) => ({ tokens: await listApiTokens(app.db, request.agent!.id) }));

  app.post('/api/auth/tokens', { preHandler: app.requireAgent }, async (request, reply) => {
    const { name, expiresAt } = parse(createApiTokenSchema, request.body);
    const now = new Date();
    if (expiresAt && new Date(expiresAt) <= now) throw new AppError('validation_failed', 'expiresAt: must be in the future');
    const { token, info } = await createApiToken(app.db, {
      agentId: request.agent!.id,
      name,
      expiresAt: expiresAt ? new Date(expiresAt).toISOString() : null,
      now,
    });
    return reply.status(201).send({ ...info, token });
  });

  app.delete<{ Params: { id: string } }>('/api/auth/tokens/:id', { preHandler: app.requireAgent }, async (request, reply) => {
    const hash = await deleteApiToken(app.db, request.agent!.id, request.params.id);
    if (!hash) throw new AppError('not_found', 'No such token');
    endDeskSockets(app.io, { credentialHash: hash });
    return reply.status(204).send();
  });
};
