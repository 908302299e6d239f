import type { FastifyRequest } from 'fastify';
import type { AgentRow } from '../db/schema';
import type { AuditActor } from './audit-log';

/** The signed-in agent behind a request, with the address they came from (TRUST_PROXY decides `request.ip`). */
export function actorOf(request: FastifyRequest, agent: Pick<AgentRow, 'id' | 'name' | 'email'> = request.agent!): AuditActor {
  return { id: agent.id, label: `${agent.name} <${agent.email}>`, ip: request.ip };
}
