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
 * object (calendars are compiled and cached by identity). A change is two steps: `write` stores it in the
 * caller's transaction, and once that has committed, `adopt` puts it in force here and `onUpdate` tells the
 * other server processes, which `load` it. Announcing inside the transaction would let another node reload
 * before the commit, read the old row, and keep it.
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

  /** Stores the settings with `patch` applied and returns them; nothing is in force until `adopt`. */
  async write(db: DbOrTx, patch: Partial<Operations>): Promise<Operations> {
    const next = { ...this.#current, ...patch };
    const value = JSON.stringify(next);
    await writeSetting(db, KEY, value);
    return next;
  }

  /** After the commit of `write`: the new settings are in force on this process, and the others hear of them. */
  adopt(next: Operations): void {
    this.#current = next;
    this.#onUpdate();
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
