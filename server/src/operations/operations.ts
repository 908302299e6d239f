import { z } from 'zod';
import { calendarProblems, type Calendar } from '../../../shared/calendar';
import { DEFAULT_CENTRES, DEFAULT_PHONE_LINE, DEFAULT_SLA_TARGETS } from '../../../shared/operations';
import { DEFAULT_PRIORITY_MATRIX, LEVELS } from '../../../shared/priority';
import { slaTargetProblems, type SlaTargets } from '../../../shared/sla';
import type { DbOrTx } from '../db/database';

import type { Operations, SupportPlan } from '../../../shared/operations';

export type { Operations, SupportPlan };

export const DEFAULT_OPERATIONS: Operations = {
  centres: DEFAULT_CENTRES,
  phoneLine: DEFAULT_PHONE_LINE,
  priorityMatrix: DEFAULT_PRIORITY_MATRIX,
  sla: DEFAULT_SLA_TARGETS,
  nextResponse: { high: 60, medium: 240, low: 480 },
  warningMinutes: 15,
  autoCloseDays: 4,
  categories: ['security', 'outage', 'billing', 'account', 'technical', 'how_to', 'feedback', 'other'],
  plans: [],
};

const level = z.enum(LEVELS);
const calendarSchema = z.custom<Calendar>((c) => typeof c === 'object' && c !== null && calendarProblems(c as Calendar).length === 0, {
  error: (issue) => `invalid calendar: ${calendarProblems(issue.input as Calendar).join('; ')}`,
});

/** `PUT /api/operations`: every field optional; what is given replaces the current value. */
export const operationsPatchSchema = z
  .object({
    centres: z.object({ uk: calendarSchema, us: calendarSchema }),
    phoneLine: calendarSchema,
    priorityMatrix: z.record(level, z.record(level, level)),
    sla: z.custom<SlaTargets>((t) => slaTargetProblems(t as SlaTargets).length === 0, { error: 'sla: each priority needs whole positive firstResponse and resolution minutes' }),
    nextResponse: z.record(level, z.number().int().positive()),
    warningMinutes: z.number().int().min(0).max(24 * 60),
    autoCloseDays: z.number().int().min(1).max(365),
    categories: z.array(z.string().trim().min(1).max(64)).min(1).max(50),
    plans: z.array(
      z.object({
        id: z.string().trim().min(1).max(64),
        name: z.string().trim().min(1).max(200),
        match: z.object({ emails: z.array(z.email()).optional(), domains: z.array(z.string().max(253)).optional(), siteKeys: z.array(z.string().max(64)).optional() }),
        calendar: calendarSchema,
        team: z.string().max(200).optional(),
      }),
    ),
  })
  .partial();

const KEY = 'operations';

/**
 * The deployment's operations settings, kept in the settings table and cached in memory. A change is a new
 * object (calendars are compiled and cached by identity). `onUpdate` hears of every change this process
 * makes, so the other server processes can `load` again.
 */
export class OperationsStore {
  #current: Operations = DEFAULT_OPERATIONS;
  readonly #onUpdate: () => void;

  constructor(onUpdate: () => void = () => undefined) {
    this.#onUpdate = onUpdate;
  }

  get(): Operations {
    return this.#current;
  }

  async load(db: DbOrTx): Promise<void> {
    const row = await db.selectFrom('settings').select('value').where('key', '=', KEY).executeTakeFirst();
    if (row) this.#current = { ...DEFAULT_OPERATIONS, ...(JSON.parse(row.value) as Partial<Operations>) };
  }

  async update(db: DbOrTx, patch: Partial<Operations>): Promise<Operations> {
    const next = { ...this.#current, ...patch };
    const value = JSON.stringify(next);
    await db
      .insertInto('settings')
      .values({ key: KEY, value })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
      .execute();
    this.#current = next;
    this.#onUpdate();
    return next;
  }
}

/** The plan covering a requester, if any. */
export function planFor(ops: Operations, requester: { email: string | null; siteKey: string | null }): SupportPlan | null {
  const email = requester.email?.toLowerCase() ?? null;
  const domain = email?.split('@')[1] ?? null;
  return (
    ops.plans.find(
      (p) =>
        (email && p.match.emails?.some((e) => e.toLowerCase() === email)) ||
        (domain && p.match.domains?.some((d) => d.toLowerCase() === domain)) ||
        (requester.siteKey && p.match.siteKeys?.includes(requester.siteKey)),
    ) ?? null
  );
}

/** The calendars the SLA clocks of a ticket run on: its plan's, or the union of the centres. */
export function slaCalendars(ops: Operations, planId: string | null): Calendar[] {
  const plan = planId ? ops.plans.find((p) => p.id === planId) : undefined;
  return plan ? [plan.calendar] : Object.values(ops.centres);
}
