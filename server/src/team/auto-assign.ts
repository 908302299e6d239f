import type { CoreContext } from '../context';
import type { AgentRow, TicketRow } from '../db/schema';
import { findSiteById, siteSettings } from '../sites/site.repository';
import { changeTicket } from '../tickets/change-ticket';
import { findTicket } from '../tickets/ticket.repository';
import { inTransaction } from '../work';
import { lastAssignedAt, listActiveAgents, listOpenChats, openChatCounts } from './assignment.repository';
import type { TeamPresence } from './team-presence';
import { coversCentre } from './coverage';

const SYSTEM = { kind: 'system' as const, name: 'Automatic assignment' };
/** How long an assignee may be gone (every desk tab closed) before their waiting chats go to someone online. */
export const OFFLINE_GRACE_MS = 2 * 60_000;


/**
 * The next agent for a ticket, taking turns: online (not away) agents of the covering centre below the site's
 * limit of open chats, the one given a ticket longest ago first (never given one: first of all).
 */
export async function pickAssignee(ctx: CoreContext, presence: TeamPresence, ticket: TicketRow, maxOpenChats: number): Promise<AgentRow | null> {
  const online = await listActiveAgents(ctx.db, [...(await presence.online())]);
  const covering = online.filter((a) => coversCentre(a, ticket.centre));
  const ids = covering.map((a) => a.id);
  const counts = await openChatCounts(ctx.db, ids);
  const last = await lastAssignedAt(ctx.db, ids);
  const free = covering.filter((a) => (counts.get(a.id) ?? 0) < maxOpenChats);
  free.sort((a, b) => (last.get(a.id) ?? '').localeCompare(last.get(b.id) ?? '') || a.name.localeCompare(b.name));
  return free[0] ?? null;
}

/** Gives an unassigned open chat of a site with automatic assignment to the next agent; false when nobody can take it. */
export async function autoAssign(ctx: CoreContext, presence: TeamPresence, ticketId: string): Promise<boolean> {
  let assigned = false;
  // One assignment at a time across the nodes, so two chats never both count an agent's last free place.
  await ctx.cluster.serialize('auto-assign', async () => {
    const ticket = await findTicket(ctx.db, ticketId);
    if (!ticket || ticket.channel !== 'chat' || ticket.assignee_id || ['solved', 'closed'].includes(ticket.status)) return;
    const site = await findSiteById(ctx.db, ticket.site_id);
    const settings = site ? siteSettings(site).assignment : null;
    if (!settings?.auto) return;
    const agent = await pickAssignee(ctx, presence, ticket, settings.maxOpenChats);
    if (!agent) return;
    await inTransaction(ctx, (work) => changeTicket(ctx, work, ticket.id, { assigneeId: agent.id, reason: 'Assigned automatically (online, taking turns)' }, SYSTEM));
    assigned = true;
  });
  return assigned;
}

/**
 * One pass: chats whose assignee has been gone longer than the grace are unassigned and given to someone online,
 * and waiting unassigned chats get an agent who came online or freed a place.
 */
export async function reassignWaitingChats(ctx: CoreContext, presence: TeamPresence, graceMs = OFFLINE_GRACE_MS): Promise<number> {
  const now = ctx.now().getTime();
  const gone = await presence.goneSince();
  const longGone = [...gone].filter(([, at]) => now - Date.parse(at) >= graceMs).map(([id]) => id);
  let moved = 0;
  for (const ticket of await listOpenChats(ctx.db, { assignedTo: longGone, limit: 100 })) {
    await inTransaction(ctx, (work) => changeTicket(ctx, work, ticket.id, { assigneeId: null, reason: 'The assignee went offline' }, SYSTEM));
    if (await autoAssign(ctx, presence, ticket.id)) moved++;
  }
  for (const ticket of await listOpenChats(ctx.db, { assignedTo: 'nobody', limit: 100 })) {
    if (!(await autoAssign(ctx, presence, ticket.id))) break;
    moved++;
  }
  return moved;
}

/** Assigns new chats as they are created, and runs the reassignment pass on one node at a time. */
export function startAutoAssignment(ctx: CoreContext, presence: TeamPresence, intervalMs: number): () => Promise<void> {
  const fail = (err: unknown) => ctx.log.error({ err }, 'automatic assignment failed');
  const off = ctx.events.on('ticket.created', ({ ticket }) => {
    if (ticket.channel === 'chat') autoAssign(ctx, presence, ticket.id).catch(fail);
  });
  let running: Promise<unknown> = Promise.resolve();
  const timer =
    intervalMs > 0
      ? setInterval(() => {
          running = running.then(() => ctx.cluster.exclusive('reassign-chats', () => reassignWaitingChats(ctx, presence))).catch(fail);
        }, intervalMs)
      : null;
  timer?.unref();
  return async () => {
    off();
    if (timer) clearInterval(timer);
    await running;
  };
}
