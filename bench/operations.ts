/**
 * Operations budgets: SLA deadline computation per ticket (< 50 µs on average) and the desk queue query over
 * 100,000 tickets on SQLite (< 20 ms).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { randomUUID } from 'node:crypto';
import { migrateToLatest, openDatabase, optimize } from '../server/src/db/database';
import type { TicketRow } from '../server/src/db/schema';
import type { TicketStatus } from '../shared/protocol';
import { DEFAULT_OPERATIONS } from '../server/src/operations/operations';
import { deadlinesFor, routeNewTicket } from '../server/src/tickets/sla-clock';
import { listTickets } from '../server/src/tickets/ticket.repository';
import { ensureDemoSite } from '../server/src/sites/site.repository';
import { LEVELS } from '../shared/priority';

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const START = Date.parse('2026-01-01T00:00:00Z');
const SPAN = 2 * 365 * 86_400_000;
const STATUSES: TicketStatus[] = ['new', 'open', 'open', 'pending', 'on_hold', 'solved', 'closed', 'closed'];
const ZONES = ['Europe/London', 'America/New_York', 'America/Chicago', 'Asia/Tokyo', null];

function ticketAt(i: number, siteId: string): TicketRow {
  const received = new Date(START + ((i * 7919) % 1000) * (SPAN / 1000) + i * 13_000);
  const urgency = LEVELS[i % 3]!;
  const impact = LEVELS[(i >> 2) % 3]!;
  const timeZone = ZONES[i % ZONES.length]!;
  const { priority, centre, homeCentre } = routeNewTicket(DEFAULT_OPERATIONS, { urgency, impact, receivedAt: received, timeZone });
  const row: TicketRow = {
    id: randomUUID(), number: 1001 + i, site_id: siteId, conversation_id: null, subject: `Ticket ${i}`, description: 'Bench ticket', tags: '[]',
    status: STATUSES[i % STATUSES.length]!, urgency, impact, priority, urgency_reason: null, impact_reason: null, category: 'technical',
    channel: 'email', requester_name: `Customer ${i}`, requester_email: `c${i}@example.com`, requester_time_zone: timeZone, visitor_id: null,
    centre, assignee_id: null, received_at: received.toISOString(), created_at: received.toISOString(), updated_at: received.toISOString(),
    first_response_due_at: null, resolution_due_at: null, next_due_at: null, first_responded_at: null, solved_at: null, handoff: null,
    next_response_due_at: null, next_response_started_at: null, sla_paused_at: null, sla_paused_minutes: 0, sla_warned_for: null,
    sla_breached_for: null, follow_up_of: null, support_plan: null, home_centre: homeCentre, withdrawn_at: null, out_of_hours: 0, merged_into_id: null, sender_verified: null, language: null,
  };
  return Object.assign(row, deadlinesFor(DEFAULT_OPERATIONS, row));
}

export async function benchDeadlines(): Promise<void> {
  console.log('\n## SLA deadline computation (route + first-response and resolution deadlines, both centres)');
  const n = 50_000;
  const rows: TicketRow[] = [];
  for (let i = 0; i < 2000; i++) rows.push(ticketAt(i, 'warm'));
  const t0 = performance.now();
  for (let i = 0; i < n; i++) ticketAt(i, 'bench');
  const perTicket = ((performance.now() - t0) * 1000) / n;
  console.log(`  ${perTicket.toFixed(1)} µs per ticket on average over ${n} tickets received across 2026–2027 (budget < 50 µs)`);
}

export async function benchQueue(): Promise<void> {
  console.log('\n## Desk queue query over 100,000 tickets (SQLite file, indexes from the migrations)');
  const dir = mkdtempSync(join(tmpdir(), 'frontdesk-bench-'));
  const db = openDatabase(`sqlite:${join(dir, 'bench.db')}`);
  try {
    await migrateToLatest(db);
    const site = await ensureDemoSite(db, 'http://127.0.0.1:3000', new Date());
    const total = 100_000;
    const batch = 500;
    const t0 = performance.now();
    for (let i = 0; i < total; i += batch) {
      const rows = Array.from({ length: batch }, (_, k) => ticketAt(i + k, site.id));
      await db.transaction().execute((tx) => tx.insertInto('tickets').values(rows).execute());
    }
    console.log(`  inserted ${total} tickets in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    // What the server does at start: refresh the planner's statistics.
    await optimize(db, 'sqlite:');
    const cases: [string, Parameters<typeof listTickets>[1]][] = [
      ['whole queue, first 50', { limit: 50 }],
      ['whole queue, first 200', { limit: 200 }],
      ['status=new, first 50', { status: ['new'], limit: 50 }],
      ['open statuses (new, open, pending, on_hold), first 50', { status: ['new', 'open', 'pending', 'on_hold'], limit: 50 }],
      ['centre=us & priority=high, first 50', { centre: ['us'], priority: ['high'], limit: 50 }],
    ];
    for (const [label, filters] of cases) {
      for (let i = 0; i < 5; i++) await listTickets(db, filters);
      const samples: number[] = [];
      for (let i = 0; i < 50; i++) {
        const s = performance.now();
        await listTickets(db, filters);
        samples.push(performance.now() - s);
      }
      samples.sort((a, b) => a - b);
      console.log(`  ${label}: p50 ${percentile(samples, 50).toFixed(2)} ms, p99 ${percentile(samples, 99).toFixed(2)} ms (budget < 20 ms)`);
    }
  } finally {
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await benchDeadlines();
  await benchQueue();
}
