import { recordAudit, type AuditActor } from '../audit/audit-log';
import type { CoreContext } from '../context';
import type { TicketRow } from '../db/schema';
import { AppError } from '../errors';
import { announceTicketChange, transition } from '../tickets/ticket-lifecycle';
import { findTicket, insertTicketEvent, setTicketFields, type Actor } from '../tickets/ticket.repository';
import type { Work } from '../work';
import { moveThread } from './merge.repository';
import { sameRequester } from './requester';

/**
 * Merges ticket `fromId` into `intoId`, one customer's two requests (a chat and an email, say): the survivor shows
 * both histories by time (the merged ticket's messages are linked, not copied), the email thread and files move
 * to it so replies to either land there, and the merged ticket is closed with a note naming the survivor. Audited
 * in both tickets' trails and the audit log.
 */
export async function mergeTickets(ctx: CoreContext, work: Work, props: { fromId: string; intoId: string; actor: Actor; audit: AuditActor }): Promise<TicketRow> {
  const { tx } = work;
  if (props.fromId === props.intoId) throw new AppError('validation_failed', 'intoId: a ticket cannot be merged into itself');
  const from = await findTicket(tx, props.fromId);
  const into = await findTicket(tx, props.intoId);
  if (!from || !into) throw new AppError('not_found', 'No such ticket');
  if (from.merged_into_id) throw new AppError('conflict', 'This ticket was already merged');
  if (into.merged_into_id || into.status === 'closed') throw new AppError('conflict', `#${into.number} is closed; merge into an open ticket`);
  if (from.status === 'closed') throw new AppError('conflict', 'A closed ticket cannot be merged');
  if (from.withdrawn_at || into.withdrawn_at) throw new AppError('conflict', 'A withdrawn request cannot be merged');
  if (!(await sameRequester(tx, from, into))) throw new AppError('conflict', 'These tickets belong to different requesters; only one customer’s tickets can be merged');

  const now = ctx.now();
  const at = now.toISOString();
  await moveThread(tx, from.id, into.id);
  await setTicketFields(tx, from.id, { merged_into_id: into.id, updated_at: at });
  const reason = `Merged into #${into.number}`;
  await insertTicketEvent(tx, { ticketId: from.id, type: 'merged', actor: props.actor, from: null, to: `#${into.number}`, reason, at: now });
  await insertTicketEvent(tx, { ticketId: into.id, type: 'merged_in', actor: props.actor, from: `#${from.number}`, to: null, reason: `#${from.number} merged into this ticket`, at: now });
  // Closed through the state machine (solved first where the table asks for it), each step audited.
  let closed: TicketRow = { ...from, merged_into_id: into.id, updated_at: at };
  if (closed.status !== 'solved') closed = await transition(ctx, work, closed, { to: 'solved', actor: props.actor, reason });
  closed = await transition(ctx, work, closed, { to: 'closed', actor: props.actor, reason });
  await announceTicketChange(ctx, work, from, closed);
  await recordAudit(tx, props.audit, { action: 'ticket.merged', target: { type: 'ticket', id: from.id }, siteId: from.site_id, changes: { mergedInto: { from: null, to: into.id } } }, now);
  return into;
}
