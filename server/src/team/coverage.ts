import { CENTRES, type CentreId } from '../../../shared/protocol';
import type { CoreContext } from '../context';
import type { AgentRow } from '../db/schema';
import { listActiveAgents } from './assignment.repository';
import type { TeamPresence } from './team-presence';

/** Whether an agent takes tickets of a centre: the centres an admin gave them (`[]`: every centre). */
export function coversCentre(agent: Pick<AgentRow, 'centres'>, centre: CentreId): boolean {
  try {
    const centres: unknown = JSON.parse(agent.centres);
    return !Array.isArray(centres) || centres.length === 0 || centres.includes(centre);
  } catch {
    return true;
  }
}

/**
 * The centres with at least one agent online (not away) right now: the messenger's "our team is online". Undefined
 * when presence cannot be read (Redis away on a deployment of several nodes): the calendars decide then, and the
 * messenger keeps working.
 */
export async function staffedCentres(ctx: Pick<CoreContext, 'db' | 'log'>, presence: TeamPresence): Promise<ReadonlySet<CentreId> | undefined> {
  let ids: string[];
  try {
    ids = [...(await presence.online())];
  } catch (err) {
    ctx.log.warn({ err }, 'presence unavailable: the calendars say whether the team is online');
    return undefined;
  }
  const online = await listActiveAgents(ctx.db, ids);
  return new Set(CENTRES.filter((centre) => online.some((agent) => coversCentre(agent, centre))));
}
