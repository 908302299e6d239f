import { isOpenAt } from '../../../shared/calendar';
import type { CentreId } from '../../../shared/protocol';
import { priorityOf } from '../../../shared/priority';
import { routeTicket } from '../../../shared/routing';
import type { CoreContext } from '../context';
import { clockOf, deadlinesFor } from './sla-clock';
import { announceTicketChange, transition } from './ticket-lifecycle';
import { claimSlaAlert, findTicket, insertTicketEvent, listDueForAlert, listOpenTickets, listSolvedBefore, listUntakenTicketIds, moveUntakenTicket, updateTicket } from './ticket.repository';
import { inTransaction } from '../work';

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
  result.breaches = await alertOnce(ctx, 'breach', { after: null, until: nowIso });
  const soon = new Date(now.getTime() + ops.warningMinutes * 60_000).toISOString();
  result.warnings = await alertOnce(ctx, 'warning', { after: nowIso, until: soon });

  // Follow the sun: a closed centre's untaken open tickets go to the next centre that is open or opens first.
  for (const [centre, calendar] of Object.entries(ops.centres) as [CentreId, (typeof ops.centres)[CentreId]][]) {
    if (isOpenAt(calendar, now.getTime())) continue;
    const target = routeTicket(ops.centres, centre, now.getTime());
    if (target === centre) continue;
    const stranded = await listUntakenTicketIds(ctx.db, centre, BATCH);
    for (const { id } of stranded) {
      const moved = await inTransaction(ctx, async (work) => {
        const before = await findTicket(work.tx, id);
        // The conditional update is the claim: another process, or an agent taking it, wins and we skip it.
        const after = before && (await moveUntakenTicket(work.tx, id, { from: centre, to: target, at: nowIso }));
        if (!before || !after) return false;
        await insertTicketEvent(work.tx, { ticketId: id, type: 'centre_changed', actor: SYSTEM, from: centre, to: target, reason: `The ${centre.toUpperCase()} centre closed; follow the sun`, at: now });
        await announceTicketChange(ctx, work, before, after);
        return true;
      });
      if (moved) result.handedOver++;
    }
  }

  // Solved tickets close by themselves after the configured days.
  const cutoff = new Date(now.getTime() - ops.autoCloseDays * 86_400_000).toISOString();
  const stale = await listSolvedBefore(ctx.db, cutoff, BATCH);
  for (const { id } of stale) {
    const closed = await inTransaction(ctx, async (work) => {
      const before = await findTicket(work.tx, id);
      // Another process closed it, or the customer reopened it, since the list was read.
      if (!before || before.status !== 'solved') return false;
      const after = await transition(ctx, work, before, { to: 'closed', actor: SYSTEM, reason: `Solved for ${ops.autoCloseDays} days` });
      await announceTicketChange(ctx, work, before, after);
      return true;
    });
    if (closed) result.autoClosed++;
  }
  return result;
}

/**
 * Sends one alert of a kind for each ticket whose running deadline is past (breach) or near (warning), once per
 * deadline: the deadline it was sent for is recorded with a conditional update, so a second pass or a second
 * process skips it.
 */
async function alertOnce(ctx: CoreContext, kind: 'warning' | 'breach', window: { after: string | null; until: string }): Promise<number> {
  const now = ctx.now();
  const tickets = await listDueForAlert(ctx.db, kind, window, BATCH);
  let sent = 0;
  for (const t of tickets) {
    // The claim, the ticket's audit line and the alert commit together: the alert's webhook deliveries are
    // written in this transaction, so a breach is never claimed without being told.
    const claimed = await inTransaction(ctx, async (work) => {
      if (!(await claimSlaAlert(work.tx, kind, t))) return false;
      const clock = clockOf(t);
      const what = `The ${clock.replace('_', ' ')} deadline`;
      await insertTicketEvent(work.tx, {
        ticketId: t.id,
        type: kind === 'breach' ? 'sla_breached' : 'sla_warning',
        actor: SYSTEM,
        to: clock,
        reason: kind === 'breach' ? `${what} ${t.next_due_at} passed` : `${what} is at ${t.next_due_at}`,
        at: now,
      });
      work.raise('ticket.sla', { ticketId: t.id, number: Number(t.number), centre: t.centre, kind, clock, dueAt: t.next_due_at! });
      return true;
    });
    if (claimed) sent++;
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
  const open = await listOpenTickets(ctx.db);
  for (const t of open) {
    const priority = priorityOf(t.urgency, t.impact, ops.priorityMatrix);
    await inTransaction(ctx, async (work) => {
      if (priority !== t.priority) {
        await insertTicketEvent(work.tx, { ticketId: t.id, type: 'priority_changed', actor: SYSTEM, from: t.priority, to: priority, reason: 'The priority matrix changed', at: now });
      }
      const updated = await updateTicket(work.tx, t.id, { priority, ...deadlinesFor(ops, { ...t, priority }) });
      await announceTicketChange(ctx, work, t, updated);
    });
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
