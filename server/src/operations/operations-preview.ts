import type { Level } from '../../../shared/priority';
import { deadlinesFor, routeNewTicket } from '../tickets/sla-clock';
import { planFor, type Operations } from './operations';

import type { TicketPreview } from '../../../shared/operations';

export type { TicketPreview };

/**
 * "A High ticket received now from London would go to … and be due at …": the same routing (`routeNewTicket`)
 * and deadlines (`deadlinesFor`, over shared/sla.ts) a real ticket gets, for any operations (saved or a draft).
 */
export function previewTicket(ops: Operations, props: { priority: Level; timeZone: string; receivedAt: Date; email: string | null }): TicketPreview {
  // Routing depends on the time zone and the arrival time only; the priority is given, not triaged.
  const { centre, homeCentre } = routeNewTicket(ops, { urgency: props.priority, impact: props.priority, receivedAt: props.receivedAt, timeZone: props.timeZone });
  const plan = planFor(ops, { email: props.email, siteKey: null });
  const due = deadlinesFor(ops, {
    status: 'new',
    priority: props.priority,
    received_at: props.receivedAt.toISOString(),
    support_plan: plan?.id ?? null,
    sla_paused_at: null,
    sla_paused_minutes: 0,
    first_responded_at: null,
    next_response_started_at: null,
  });
  return {
    priority: props.priority,
    homeCentre,
    centre,
    centreName: ops.centres[centre].name,
    plan: plan ? { id: plan.id, name: plan.name } : null,
    firstResponseDueAt: due.first_response_due_at,
    resolutionDueAt: due.resolution_due_at,
  };
}
