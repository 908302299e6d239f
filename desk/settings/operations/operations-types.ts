/** What `GET /api/operations` answers (the server's `Operations`), as the settings page edits it. */
import type { Calendar } from '../../../shared/calendar';
import type { Level, PriorityMatrix } from '../../../shared/priority';
import type { CentreId } from '../../../shared/protocol';
import type { SlaTargets } from '../../../shared/sla';

/** A support plan, shown by name; its fields are kept as the server sent them. */
export interface SupportPlanSummary {
  id: string;
  name: string;
  team?: string;
  calendar: Calendar;
  match: { emails?: string[]; domains?: string[]; siteKeys?: string[] };
}

export interface OperationsSettings {
  centres: Record<CentreId, Calendar>;
  phoneLine: Calendar;
  priorityMatrix: PriorityMatrix;
  sla: SlaTargets;
  nextResponse: Record<Level, number>;
  warningMinutes: number;
  autoCloseDays: number;
  categories: string[];
  plans: SupportPlanSummary[];
}

/** `POST /api/operations/preview`. */
export interface TicketPreviewInput {
  priority: Level;
  timeZone: string;
  receivedAt?: string;
  email?: string;
  operations?: Partial<OperationsSettings>;
}

/** Its answer. */
export interface TicketPreview {
  priority: Level;
  homeCentre: CentreId;
  centre: CentreId;
  centreName: string;
  plan: { id: string; name: string } | null;
  firstResponseDueAt: string | null;
  resolutionDueAt: string | null;
}
