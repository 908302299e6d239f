import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { acceptLinkSchema } from '../../../shared/admin';
import { apiTokenSchema, apiTokenWithSecretSchema, changePasswordSchema, createApiTokenSchema, loginSchema } from '../../../shared/api';
import { agentProfileSchema } from '../../../shared/resources';
import { actorOf } from '../audit/audit-actor';
import { recordAudit } from '../audit/audit-log';
import { acceptAgentLink } from '../auth/agent-links';
import {
  createApiToken,
  createSession,
  deleteApiToken,
  deleteSession,
  findAgent,
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
import { pathParams, routeDocs } from './route-docs';
import { parse } from './validate';

const doc = routeDocs('Auth', 'agent');
const DOCS = {
  login: doc({ summary: 'Agent sign-in; sets the HTTP-only session cookie', audience: 'public', body: loginSchema, response: { 200: agentProfileSchema } }),
  logout: doc({ summary: 'Sign out (ends this session and its desk sockets)', audience: 'public', response: { 204: 'Signed out' } }),
  me: doc({ summary: 'The signed-in agent', response: { 200: agentProfileSchema } }),
  password: doc({ summary: "Change the signed-in agent's own password (ends their other sessions)", body: changePasswordSchema, response: { 204: 'Changed' } }),
  tokens: doc({ summary: "The agent's API tokens (never the tokens themselves)", response: { 200: z.object({ tokens: z.array(apiTokenSchema) }) } }),
  createToken: doc({ summary: 'Create an API token (shown once)', body: createApiTokenSchema, response: { 201: apiTokenWithSecretSchema } }),
  deleteToken: doc({ summary: 'Revoke an API token (its desk sockets end at once)', params: pathParams('id'), response: { 204: 'Revoked' } }),
  accept: doc({ summary: 'Set a password with the token of an invitation or reset link (works once)', audience: 'public', body: acceptLinkSchema, response: { 204: 'Password set' } }),
};

// A fixed hash to verify against when the email is unknown, so both failures take the same time.
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$4tY3Dk1wq9nfRpmR9zuG3Ud0ZfS1qPpVn3A2Kq6G3xI';

/** Failed sign-ins per account, whatever the client address: guessing is slow even from many addresses. */
export const LOGIN_FAILURES_PER_ACCOUNT = { points: 10, duration: 15 * 60 };

export const authRoutes: FastifyPluginAsync<{ secureCookies: boolean }> = async (app, opts) => {
  // Counted across the deployment's nodes (Redis when REDIS_URL is set), so another node is no way around it.
  const failures = app.frontdesk.cluster.limiter(LOGIN_FAILURES_PER_ACCOUNT.points, LOGIN_FAILURES_PER_ACCOUNT.duration, 'login-failures');

  app.post(
    '/api/auth/login',
    { config: { rateLimit: { max: 20, timeWindow: '1 minute' } }, ...DOCS.login },
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
        // The address tried, never the password; an unknown address is logged as typed (bounded by the schema).
        await recordAudit(app.db, { id: null, label: account, ip: request.ip }, { action: 'auth.login_failed', target: { type: 'auth', id: agent?.id ?? null } });
        throw new AppError('unauthorized', 'Wrong email or password');
      }
      await failures.delete(account);
      const session = await app.db.transaction().execute(async (tx) => {
        const token = await createSession(tx, agent.id, new Date());
        await recordAudit(tx, actorOf(request, agent), { action: 'auth.login', target: { type: 'auth', id: agent.id } });
        return token;
      });
      setSessionCookie(reply, session, opts.secureCookies);
      return toAgentProfile(agent);
    },
  );

  app.post('/api/auth/logout', DOCS.logout, async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      await deleteSession(app.db, token);
      endDeskSockets(app.io, { credentialHash: sha256(token) });
    }
    void reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send();
  });

  app.get('/api/auth/me', { preHandler: app.requireAgent, ...DOCS.me }, async (request) => toAgentProfile(request.agent!));

  app.post(
    '/api/auth/password',
    { preHandler: app.requireAgent, config: { rateLimit: { max: 10, timeWindow: '1 minute' } }, ...DOCS.password },
    async (request, reply) => {
      const { current, next } = parse(changePasswordSchema, request.body);
      const agent = request.agent!;
      if (!(await verifyPassword(agent.password_hash, current))) throw new AppError('forbidden', 'The current password is wrong');
      if (current === next) throw new AppError('validation_failed', 'next: choose a password different from the current one');
      // A new password ends every other session of the agent (someone may have known the old one).
      const keep = sha256(request.cookies[SESSION_COOKIE] ?? '');
      await app.db.transaction().execute(async (tx) => {
        await setAgentPassword(tx, agent.id, next, { keepSession: keep });
        await recordAudit(tx, actorOf(request), { action: 'auth.password_changed', target: { type: 'agent', id: agent.id } });
      });
      endDeskSockets(app.io, { agentId: agent.id, exceptCredentialHash: keep });
      return reply.status(204).send();
    },
  );

  app.get('/api/auth/tokens', { preHandler: app.requireAgent, ...DOCS.tokens }, async (request) => ({ tokens: await listApiTokens(app.db, request.agent!.id) }));

  app.post('/api/auth/tokens', { preHandler: app.requireAgent, ...DOCS.createToken }, async (request, reply) => {
    const { name, expiresAt } = parse(createApiTokenSchema, request.body);
    const now = new Date();
    if (expiresAt && new Date(expiresAt) <= now) throw new AppError('validation_failed', 'expiresAt: must be in the future');
    const { token, info } = await app.db.transaction().execute(async (tx) => {
      const created = await createApiToken(tx, { agentId: request.agent!.id, name, expiresAt: expiresAt ? new Date(expiresAt).toISOString() : null, now });
      await recordAudit(tx, actorOf(request), {
        action: 'token.created',
        target: { type: 'token', id: created.info.id },
        changes: { name: { from: null, to: name }, expiresAt: { from: null, to: created.info.expiresAt } },
      }, now);
      return created;
    });
    return reply.status(201).send({ ...info, token });
  });

  app.delete<{ Params: { id: string } }>('/api/auth/tokens/:id', { preHandler: app.requireAgent, ...DOCS.deleteToken }, async (request, reply) => {
    const hash = await app.db.transaction().execute(async (tx) => {
      const deleted = await deleteApiToken(tx, request.agent!.id, request.params.id);
      if (deleted) await recordAudit(tx, actorOf(request), { action: 'token.revoked', target: { type: 'token', id: request.params.id } });
      return deleted;
    });
    if (!hash) throw new AppError('not_found', 'No such token');
    endDeskSockets(app.io, { credentialHash: hash });
    return reply.status(204).send();
  });

  // An invitation or reset link: the token from the mail sets the password once; then the agent signs in.
  app.post('/api/auth/links/accept', { config: { rateLimit: { max: 10, timeWindow: '1 minute' } }, ...DOCS.accept }, async (request, reply) => {
    const { token, password } = parse(acceptLinkSchema, request.body);
    const now = new Date();
    const agentId = await app.db.transaction().execute(async (tx) => {
      const accepted = await acceptAgentLink(tx, token, password, now);
      const agent = (await findAgent(tx, accepted.agentId))!;
      await recordAudit(tx, actorOf(request, agent), {
        action: accepted.purpose === 'invite' ? 'agent.invitation_accepted' : 'auth.password_reset',
        target: { type: 'agent', id: agent.id },
      }, now);
      return agent.id;
    });
    endDeskSockets(app.io, { agentId });
    return reply.status(204).send();
  });
};
