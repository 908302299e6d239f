import type { UpdateTicketBody } from '../../../shared/api';
import { priorityOf, type Level } from '../../../shared/priority';
import type { CoreContext } from '../context';
import type { TicketRow } from '../db/schema';
import { AppError, StaleWriteError } from '../errors';
import { findAgent } from '../auth/agent.repository';
import { announceTicketChange, transition } from './ticket-lifecycle';
import type { Work } from '../work';
import { deadlinesFor } from './sla-clock';
import { changeTags } from './ticket-tags';
import { toTicketSummary } from './ticket.presenter';
import { changedByOthersSince, findTicket, insertTicketEvent, updateTicket, type Actor } from './ticket.repository';

/**
 * An agent's change to a ticket: status through the state machine; urgency or impact (never priority
 * directly) with the priority and deadlines following; assignee, category and tags. Each change is audited.
 */
export async function changeTicket(ctx: CoreContext, work: Work, ticketId: string, changes: UpdateTicketBody, actor: Actor): Promise<TicketRow> {
  const now = ctx.now();
  const reason = changes.reason ?? null;
  const tx = work.tx;
  const before = await findTicket(tx, ticketId);
  if (!before) throw new AppError('not_found', 'No such ticket');
  // Only field changes by someone else count (a reply moves updated_at too, and must not block a status change).
  if (changes.ifUpdatedAt !== undefined && (await changedByOthersSince(tx, ticketId, new Date(changes.ifUpdatedAt).toISOString(), actor.id ?? null))) {
    throw new StaleWriteError('Someone else changed this ticket since you opened it; nothing was changed');
  }
  let ticket = before;
  const urgency: Level = changes.urgency ?? ticket.urgency;
  const impact: Level = changes.impact ?? ticket.impact;
  if (urgency !== ticket.urgency || impact !== ticket.impact) {
    const ops = ctx.operations.get();
    const priority = priorityOf(urgency, impact, ops.priorityMatrix);
    for (const [field, from, to] of [['urgency', ticket.urgency, urgency], ['impact', ticket.impact, impact]] as const) {
      if (from !== to) await insertTicketEvent(tx, { ticketId, type: `${field}_changed`, actor, from, to, reason, at: now });
    }
    if (priority !== ticket.priority) {
      await insertTicketEvent(tx, { ticketId, type: 'priority_changed', actor, from: ticket.priority, to: priority, reason: `urgency ${urgency} × impact ${impact}${reason ? `: ${reason}` : ''}`, at: now });
    }
    // Deadlines follow the new priority, from the same receipt and pauses.
    const deadlines = deadlinesFor(ops, { ...ticket, priority });
    ticket = await updateTicket(tx, ticketId, {
      urgency,
      impact,
      priority,
      urgency_reason: changes.urgency && changes.urgency !== ticket.urgency ? (reason ?? 'Changed by an agent') : ticket.urgency_reason,
      impact_reason: changes.impact && changes.impact !== ticket.impact ? (reason ?? 'Changed by an agent') : ticket.impact_reason,
      ...deadlines,
      updated_at: now.toISOString(),
    });
  }
  if (changes.assigneeId !== undefined && changes.assigneeId !== ticket.assignee_id) {
    if (changes.assigneeId !== null && !(await findAgent(tx, changes.assigneeId))) throw new AppError('validation_failed', 'assigneeId: no such agent');
    await insertTicketEvent(tx, { ticketId, type: 'assigned', actor, from: ticket.assignee_id, to: changes.assigneeId, reason, at: now });
    ticket = await updateTicket(tx, ticketId, { assignee_id: changes.assigneeId, updated_at: now.toISOString() });
  }
  if (changes.category !== undefined && changes.category !== ticket.category) {
    await insertTicketEvent(tx, { ticketId, type: 'category_changed', actor, from: ticket.category, to: changes.category, reason, at: now });
    ticket = await updateTicket(tx, ticketId, { category: changes.category, updated_at: now.toISOString() });
  }
  if (changes.addTags?.length || changes.removeTags?.length) {
    ticket = await changeTags(work, ticket, { add: changes.addTags, remove: changes.removeTags }, actor, now);
  }
  if (changes.status !== undefined && changes.status !== ticket.status) {
    ticket = await transition(ctx, work, ticket, { to: changes.status, actor, reason });
  }
  await announceTicketChange(ctx, work, before, ticket);
  if (ticket.assignee_id && ticket.assignee_id !== before.assignee_id && ticket.assignee_id !== actor.id) {
    work.raise('ticket.assigned', { ticket: toTicketSummary(ticket), assigneeId: ticket.assignee_id, by: actor.kind === 'agent' ? actor.name : null });
  }
  return ticket;
}
