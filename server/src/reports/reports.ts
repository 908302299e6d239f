import { businessMinutesBetween } from '../../../shared/calendar';
import { LEVELS, type Level } from '../../../shared/priority';
import type { CentreId, Channel } from '../../../shared/protocol';
import { BACKLOG_AGES, type BacklogAge, type Durations, type Report, type ReportQuery } from '../../../shared/reports';
import type { CoreContext } from '../context';
import { readHandoff } from '../db/json-columns';
import { slaCalendars, type Operations } from '../operations/operations';
import * as sqlOf from './reports.repository';

const DAY_MS = 86_400_000;

/** The p-th percentile (0–100) by the nearest-rank method: the smallest value with p% of values at or below it. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

function durations(values: readonly number[]): Durations {
  return { count: values.length, median: percentile(values, 50), p90: percentile(values, 90) };
}

/** Business minutes between two instants on the calendars the ticket's SLA runs on (the shared SLA rule). */
function businessMinutes(ops: Operations, plan: string | null, from: string, to: string): number {
  return businessMinutesBetween(slaCalendars(ops, plan), Date.parse(from), Date.parse(to));
}

type Clocks = Awaited<ReturnType<typeof sqlOf.ticketClocks>>;

/** First response: received → first public reply. Resolution: received → solved, less the time paused on the customer. */
function responseTimes(ops: Operations, clocks: Clocks) {
  const first = clocks.flatMap((t) => (t.first_responded_at ? [{ agent: t.assignee_id, minutes: businessMinutes(ops, t.support_plan, t.received_at, t.first_responded_at) }] : []));
  const resolution = clocks.flatMap((t) =>
    t.solved_at && (t.status === 'solved' || t.status === 'closed')
      ? [Math.max(0, businessMinutes(ops, t.support_plan, t.received_at, t.solved_at) - (Number(t.sla_paused_minutes) || 0))]
      : [],
  );
  return { first, resolution };
}

function hourOfWeek(rows: Awaited<ReturnType<typeof sqlOf.receivedInstants>>): Report['volume']['byHourOfWeek'] {
  const cells = new Map<string, { weekday: number; hour: number; centre: CentreId; count: number }>();
  for (const row of rows) {
    const at = new Date(row.received_at);
    const key = `${at.getUTCDay()}-${at.getUTCHours()}-${row.centre}`;
    const cell = cells.get(key) ?? { weekday: at.getUTCDay(), hour: at.getUTCHours(), centre: row.centre, count: 0 };
    cell.count++;
    cells.set(key, cell);
  }
  return [...cells.values()].sort((a, b) => a.weekday - b.weekday || a.hour - b.hour || a.centre.localeCompare(b.centre));
}

function handoffReasons(rows: Awaited<ReturnType<typeof sqlOf.handoffSummaries>>): { reason: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const row of rows) {
    const reason = readHandoff(row.handoff)?.reason;
    if (reason) counts.set(reason, (counts.get(reason) ?? 0) + 1);
  }
  return [...counts].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason));
}

function backlogCells(rows: Awaited<ReturnType<typeof sqlOf.backlog>>): Report['backlog'] {
  const count = (age: BacklogAge, priority: Level) => Number(rows.find((r) => r.age === age && r.priority === priority)?.count ?? 0);
  return BACKLOG_AGES.flatMap((age) => LEVELS.map((priority) => ({ age, priority, count: count(age, priority) })));
}

async function kaiFigures(ctx: CoreContext, q: ReportQuery): Promise<Report['kai']> {
  const k = await sqlOf.kaiConversations(ctx.db, q);
  const conversations = Number(k.conversations);
  const handedOff = Number(k.handed_off ?? 0);
  return {
    conversations,
    answeredWithoutPerson: Number(k.without_person ?? 0),
    handedOff,
    handoffRate: conversations === 0 ? 0 : handedOff / conversations,
    handoffReasons: handoffReasons(await sqlOf.handoffSummaries(ctx.db, q)),
    answers: Number(k.answers),
    answersWithSources: Number(k.with_sources ?? 0),
  };
}

async function csatFigures(ctx: CoreContext, q: ReportQuery): Promise<Report['csat']> {
  const answers = await sqlOf.csatAnswers(ctx.db, q);
  const total = answers.reduce((sum, a) => sum + Number(a.rating), 0);
  return {
    responses: answers.length,
    average: answers.length === 0 ? null : Math.round((total / answers.length) * 100) / 100,
    distribution: [1, 2, 3, 4, 5].map((rating) => ({ rating, count: answers.filter((a) => Number(a.rating) === rating).length })),
    comments: answers.flatMap((a) => (a.comment ? [{ ticketNumber: Number(a.number), rating: Number(a.rating), comment: a.comment, createdAt: a.created_at }] : [])).slice(0, 50),
  };
}

async function agentFigures(ctx: CoreContext, q: ReportQuery, first: { agent: string | null; minutes: number }[]): Promise<Report['agents']> {
  const [replies, solves, names] = await Promise.all([sqlOf.repliesByAgent(ctx.db, q), sqlOf.solvesByAgent(ctx.db, q), sqlOf.agentNames(ctx.db)]);
  const ids = new Set([...replies, ...solves].map((r) => r.agent_id).filter((id): id is string => id !== null));
  for (const f of first) if (f.agent && (!q.agentId || f.agent === q.agentId)) ids.add(f.agent);
  return [...ids]
    .map((agentId) => ({
      agentId,
      name: names.find((n) => n.id === agentId)?.name ?? 'Former agent',
      replies: Number(replies.find((r) => r.agent_id === agentId)?.count ?? 0),
      solves: Number(solves.find((r) => r.agent_id === agentId)?.count ?? 0),
      // Of the tickets assigned to the agent.
      medianFirstResponse: percentile(first.filter((f) => f.agent === agentId).map((f) => f.minutes), 50),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Every figure of the reports page for a query. Counts and SLA attainment are SQL (`reports.repository.ts`);
 * business minutes use the shared calendar rules, and medians and 90th percentiles are taken here from the
 * selected instants (SQLite has no percentile function).
 */
export async function buildReport(ctx: CoreContext, q: ReportQuery): Promise<Report> {
  const now = ctx.now().getTime();
  const ops = ctx.operations.get();
  const ago = (days: number) => new Date(now - days * DAY_MS).toISOString();
  const [byChannel, instants, clocks, attainment, breaches, open] = await Promise.all([
    sqlOf.volumeByChannel(ctx.db, q),
    sqlOf.receivedInstants(ctx.db, q),
    sqlOf.ticketClocks(ctx.db, q),
    sqlOf.slaAttainment(ctx.db, q, new Date(now).toISOString()),
    sqlOf.breachesByDay(ctx.db, q),
    sqlOf.backlog(ctx.db, q, { d1: ago(1), d3: ago(3), d7: ago(7) }),
  ]);
  const times = responseTimes(ops, clocks);
  return {
    query: q,
    volume: {
      total: instants.length,
      byChannel: byChannel.map((r) => ({ channel: r.channel as Channel, count: Number(r.count) })),
      byHourOfWeek: hourOfWeek(instants),
    },
    firstResponse: durations(times.first.map((f) => f.minutes)),
    resolution: durations(times.resolution),
    sla: {
      attainment: attainment.map((r) => ({
        priority: r.priority,
        centre: r.centre,
        firstResponseMet: Number(r.first_met ?? 0),
        firstResponseMissed: Number(r.first_missed ?? 0),
        resolutionMet: Number(r.resolution_met ?? 0),
        resolutionMissed: Number(r.resolution_missed ?? 0),
      })),
      breachesByDay: breaches.map((r) => ({ day: r.day, count: Number(r.count) })),
    },
    backlog: backlogCells(open),
    kai: await kaiFigures(ctx, q),
    csat: await csatFigures(ctx, q),
    agents: await agentFigures(ctx, q, times.first),
  };
}

/** A CSV field: quoted when needed, and never read as a formula by a spreadsheet. */
function csvField(value: string | number | null): string {
  let text = value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The report as CSV: one row per figure, `section,item,measure,value`. */
export function reportCsv(r: Report): string {
  const rows: (string | number | null)[][] = [['section', 'item', 'measure', 'value']];
  const add = (section: string, item: string, measure: string, value: string | number | null) => rows.push([section, item, measure, value]);
  add('volume', 'all', 'tickets', r.volume.total);
  for (const c of r.volume.byChannel) add('volume_by_channel', c.channel, 'tickets', c.count);
  for (const c of r.volume.byHourOfWeek) add('volume_by_hour_of_week', `${c.weekday}-${String(c.hour).padStart(2, '0')}-${c.centre}`, 'tickets', c.count);
  for (const [name, d] of [['first_response', r.firstResponse], ['resolution', r.resolution]] as const) {
    add(name, 'all', 'count', d.count);
    add(name, 'all', 'median_business_minutes', d.median);
    add(name, 'all', 'p90_business_minutes', d.p90);
  }
  for (const a of r.sla.attainment) {
    const item = `${a.priority}-${a.centre}`;
    add('sla_attainment', item, 'first_response_met', a.firstResponseMet);
    add('sla_attainment', item, 'first_response_missed', a.firstResponseMissed);
    add('sla_attainment', item, 'resolution_met', a.resolutionMet);
    add('sla_attainment', item, 'resolution_missed', a.resolutionMissed);
  }
  for (const b of r.sla.breachesByDay) add('sla_breaches', b.day, 'breaches', b.count);
  for (const b of r.backlog) add('backlog', `${b.priority}-${b.age}`, 'open_tickets', b.count);
  for (const [measure, value] of Object.entries(r.kai)) if (typeof value === 'number') add('kai', 'all', measure, value);
  for (const h of r.kai.handoffReasons) add('kai_handoff_reasons', h.reason, 'tickets', h.count);
  add('csat', 'all', 'responses', r.csat.responses);
  add('csat', 'all', 'average', r.csat.average);
  for (const d of r.csat.distribution) add('csat_distribution', String(d.rating), 'responses', d.count);
  for (const c of r.csat.comments) add('csat_comment', `#${c.ticketNumber}`, `rating_${c.rating}`, c.comment);
  for (const a of r.agents) {
    add('agent', a.name, 'replies', a.replies);
    add('agent', a.name, 'solves', a.solves);
    add('agent', a.name, 'median_first_response_business_minutes', a.medianFirstResponse);
  }
  return `${rows.map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}
