import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import { isOpenAt } from '../../../shared/calendar';
import type { CentreId } from '../../../shared/protocol';
import { priorityOf, type Level } from '../../../shared/priority';
import { routeTicket } from '../../../shared/routing';
import type { CoreContext } from '../context';
import type { Database } from '../db/schema';
import { clockOf, deadlinesFor } from './sla-clock';
import { announceUpdated, transition } from './ticket-lifecycle';
import { findTicket, insertTicketEvent, updateTicket } from './ticket.repository';

const SYSTEM = { kind: 'system' as const, name: 'Frontdesk' };
const BATCH = 500;

export interface SweepResult {
  warnings: number;
  breaches: number;
  handedOver: number;
  autoClosed: number;
}

/**
 * One pass of the operations clock: SLA warnings shortly before a deadline and breaches at it (each once per
 * deadline, claimed with a conditional update so several server processes never double them), handover of
 * untaken tickets from a closed centre to the next centre that opens, and automatic close of old solved
 * tickets. Bounded per pass; the scheduler runs it every few seconds.
 */
export async function sweepOperations(ctx: CoreContext): Promise<SweepResult> {
  const now = ctx.now();
  const ops = ctx.operations.get();
  const nowIso = now.toISOString();
  const result: SweepResult = { warnings: 0, breaches: 0, handedOver: 0, autoClosed: 0 };

  // Breaches: the running deadline has passed. Warnings: it is within the warning window.
  result.breaches = await alertOnce(ctx, 'breach', (eb) => eb('next_due_at', '<=', nowIso));
  const soon = new Date(now.getTime() + ops.warningMinutes * 60_000).toISOString();
  result.warnings = await alertOnce(ctx, 'warning', (eb) => eb.and([eb('next_due_at', '>', nowIso), eb('next_due_at', '<=', soon)]));

  // Follow the sun: a closed centre's untaken open tickets go to the next centre that is open or opens first.
  for (const [centre, calendar] of Object.entries(ops.centres) as [CentreId, (typeof ops.centres)[CentreId]][]) {
    if (isOpenAt(calendar, now.getTime())) continue;
    const target = routeTicket(ops.centres, centre, now.getTime());
    if (target === centre) continue;
    const stranded = await ctx.db
      .selectFrom('tickets')
      .select('id')
      .where('centre', '=', centre)
      .where('status', 'in', ['new', 'open'])
      .where('assignee_id', 'is', null)
      .limit(BATCH)
      .execute();
    for (const { id } of stranded) {
      const moved = await ctx.db.transaction().execute(async (tx) => {
        const claimed = await tx
          .updateTable('tickets')
          .set({ centre: target, updated_at: nowIso })
          .where('id', '=', id)
          .where('centre', '=', centre)
          .where('assignee_id', 'is', null)
          .executeTakeFirst();
        if (Number(claimed.numUpdatedRows) === 0) return null;
        await insertTicketEvent(tx, { ticketId: id, type: 'centre_changed', actor: SYSTEM, from: centre, to: target, reason: `The ${centre.toUpperCase()} centre closed; follow the sun`, at: now });
        return findTicket(tx, id);
      });
      if (moved) {
        announceUpdated(ctx, moved);
        result.handedOver++;
      }
    }
  }

  // Solved tickets close by themselves after the configured days.
  const cutoff = new Date(now.getTime() - ops.autoCloseDays * 86_400_000).toISOString();
  const stale = await ctx.db.selectFrom('tickets').select('id').where('status', '=', 'solved').where('solved_at', '<=', cutoff).limit(BATCH).execute();
  for (const { id } of stale) {
    const closed = await ctx.db.transaction().execute((tx) =>
      transition(ctx, tx, { ticketId: id, to: 'closed', actor: SYSTEM, reason: `Solved for ${ops.autoCloseDays} days` }).catch(() => null),
    );
    if (closed) {
      announceUpdated(ctx, closed);
      result.autoClosed++;
    }
  }
  return result;
}

type DueFilter = (eb: ExpressionBuilder<Database, 'tickets'>) => Expression<SqlBool>;

/**
 * Sends one alert of a kind for each ticket whose running deadline matches `due`, once per deadline: the
 * deadline it was sent for is recorded with a conditional update, so a second pass or a second process skips it.
 */
async function alertOnce(ctx: CoreContext, kind: 'warning' | 'breach', due: DueFilter): Promise<number> {
  const mark = kind === 'breach' ? 'sla_breached_for' : 'sla_warned_for';
  const notYet: DueFilter = (eb) => eb.or([eb(mark, 'is', null), eb(mark, '!=', eb.ref('next_due_at'))]);
  const now = ctx.now();
  const tickets = await ctx.db
    .selectFrom('tickets')
    .selectAll()
    .where(due)
    .where(notYet)
    .orderBy('next_due_at')
    .limit(BATCH)
    .execute();
  let sent = 0;
  for (const t of tickets) {
    const claimed = await ctx.db
      .updateTable('tickets')
      .set({ [mark]: t.next_due_at })
      .where('id', '=', t.id)
      .where('next_due_at', '=', t.next_due_at)
      .where(notYet)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) === 0) continue;
    const clock = clockOf(t, t.next_due_at!);
    const what = `The ${clock.replace('_', ' ')} deadline`;
    await insertTicketEvent(ctx.db, {
      ticketId: t.id,
      type: kind === 'breach' ? 'sla_breached' : 'sla_warning',
      actor: SYSTEM,
      to: clock,
      reason: kind === 'breach' ? `${what} ${t.next_due_at} passed` : `${what} is at ${t.next_due_at}`,
      at: now,
    });
    ctx.events.emit('ticket.sla', { ticketId: t.id, number: Number(t.number), centre: t.centre as CentreId, kind, clock, dueAt: t.next_due_at! });
    sent++;
  }
  return sent;
}

/**
 * After the calendars, targets or priority matrix changed: every open ticket's priority (the matrix of its
 * urgency and impact, audited when it moves) and deadlines are computed again.
 */
export async function recomputeOpenTickets(ctx: CoreContext): Promise<number> {
  const ops = ctx.operations.get();
  const now = ctx.now();
  const open = await ctx.db.selectFrom('tickets').selectAll().where('status', 'not in', ['solved', 'closed']).execute();
  for (const t of open) {
    const priority = priorityOf(t.urgency as Level, t.impact as Level, ops.priorityMatrix);
    const updated = await ctx.db.transaction().execute(async (tx) => {
      if (priority !== t.priority) {
        await insertTicketEvent(tx, { ticketId: t.id, type: 'priority_changed', actor: SYSTEM, from: t.priority, to: priority, reason: 'The priority matrix changed', at: now });
      }
      return updateTicket(tx, t.id, { priority, ...deadlinesFor(ops, { ...t, priority }) });
    });
    announceUpdated(ctx, updated);
  }
  return open.length;
}

/** Runs the sweep every `intervalMs` until stopped; a failed pass is logged and the next one runs. */
export function startOperationsClock(ctx: CoreContext, intervalMs: number): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    // One node at a time runs the clock (the cluster's lock); the others skip the tick.
    running = running.then(() => ctx.cluster.exclusive('operations-clock', () => sweepOperations(ctx))).catch((err: unknown) => ctx.log.error({ err }, 'operations sweep failed'));
  }, intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
