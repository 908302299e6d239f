import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { loginSchema } from '../../../shared/api';
import { createApiToken, createSession, deleteSession, findAgentByEmail, toAgentProfile } from '../auth/agent.repository';
import { SESSION_COOKIE, setSessionCookie } from '../auth/auth.plugin';
import { verifyPassword } from '../auth/password';
import { AppError } from '../errors';
import { parse } from './validate';

// A fixed hash to verify against when the email is unknown, so both failures take the same time.
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$4tY3Dk1wq9nfRpmR9zuG3Ud0ZfS1qPpVn3A2Kq6G3xI';

export const authRoutes: FastifyPluginAsync<{ secureCookies: boolean }> = async (app, opts) => {
  app.post(
    '/api/auth/login',
    { config: { rateLimit: { max: 20, timeWindow: '1 minute' } } },
    async (request, reply) => {
      const { email, password } = parse(loginSchema, request.body);
      const agent = await findAgentByEmail(app.db, email);
      const ok = await verifyPassword(agent?.password_hash ?? DUMMY_HASH, password);
      if (!agent || !ok) throw new AppError('unauthorized', 'Wrong email or password');
      setSessionCookie(reply, await createSession(app.db, agent.id, new Date()), opts.secureCookies);
      return toAgentProfile(agent);
    },
  );

  app.post('/api/auth/logout', async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) await deleteSession(app.db, token);
    void reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send();
  });

  app.get('/api/auth/me', { preHandler: app.requireAgent }, async (request) => toAgentProfile(request.agent!));

  app.post('/api/auth/tokens', { preHandler: app.requireAgent }, async (request, reply) => {
    const { name } = parse(z.object({ name: z.string().trim().min(1).max(100).default('API token') }), request.body);
    const token = await createApiToken(app.db, request.agent!.id, name, new Date());
    return reply.status(201).send({ token, name });
  });
};
