import type { Calendar } from '../../../shared/calendar';
import { DEFAULT_OPERATIONS } from '../../../shared/operations';
import type { DbOrTx } from '../db/database';
import { readSetting, writeSetting } from '../db/settings.repository';

export { operationsPatchSchema } from '../../../shared/operations-schema';

import type { Operations, SupportPlan } from '../../../shared/operations';

export type { Operations, SupportPlan };

export { DEFAULT_OPERATIONS };

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
    const value = await readSetting(db, KEY);
    if (value !== undefined) this.#current = { ...DEFAULT_OPERATIONS, ...(JSON.parse(value) as Partial<Operations>) };
  }

  async update(db: DbOrTx, patch: Partial<Operations>): Promise<Operations> {
    const next = { ...this.#current, ...patch };
    const value = JSON.stringify(next);
    await writeSetting(db, KEY, value);
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
