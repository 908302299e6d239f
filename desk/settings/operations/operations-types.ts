/**
 * What `GET /api/operations` answers, as the settings page edits it: the server's own types, defined once in
 * shared/operations.ts.
 */
import type { Operations } from '../../../shared/operations';
import type { Level } from '../../../shared/priority';

export type { Operations as OperationsSettings, SupportPlan as SupportPlanSummary, TicketPreview } from '../../../shared/operations';

/** `POST /api/operations/preview`. */
export interface TicketPreviewInput {
  priority: Level;
  timeZone: string;
  receivedAt?: string;
  email?: string;
  operations?: Partial<Operations>;
}
