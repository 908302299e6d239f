/**
 * The team queue's shared vocabulary: tags, view filters, the built-in views, saved views and bulk actions. The
 * server validates with these schemas; the desk builds its requests and matches live updates with them.
 */
import { z } from 'zod';
import { LEVELS } from './priority';
import { CENTRES, CHANNELS, TICKET_STATUSES, type TicketStatus, type TicketSummary } from './protocol';
import { ticketSummarySchema } from './resources';

/** A tag: lower case letters, digits, `-` and `_`, at most 40 characters. */
export const tagSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, 'tag is empty')
  .max(40, 'tag: at most 40 characters')
  .regex(/^[\p{L}\p{N}_-]+$/u, 'tag: letters, digits, - and _ only');
export const MAX_TAGS_PER_TICKET = 20;

/** What a view selects. `assignee` is an agent id, `me` or `none`; `site` a site key. */
export const viewFiltersSchema = z
  .object({
    status: z.array(z.enum(TICKET_STATUSES)).max(TICKET_STATUSES.length),
    priority: z.array(z.enum(LEVELS)).max(LEVELS.length),
    channel: z.array(z.enum(CHANNELS)).max(CHANNELS.length),
    centre: z.array(z.enum(CENTRES)).max(CENTRES.length),
    assignee: z.string().min(1).max(64),
    tag: z.array(tagSchema).max(10),
    site: z.string().min(1).max(64),
    /** Tickets whose next deadline falls within this many minutes (or has passed). */
    dueWithinMinutes: z.number().int().min(1).max(7 * 24 * 60),
    /** Search words, as `GET /api/tickets?q=` reads them (a number, words of subjects and messages, a name, an email). */
    q: z.string().trim().min(1).max(200),
  })
  .partial()
  .strict();
export type ViewFilters = z.infer<typeof viewFiltersSchema>;

export const OPEN_STATUSES: TicketStatus[] = ['new', 'open', 'on_hold'];

export const builtInViewSchema = z.object({ id: z.string(), name: z.string(), filters: viewFiltersSchema });
export type BuiltInView = z.infer<typeof builtInViewSchema>;

/** The views every agent has. Their ids are stable: counts and the desk's URL use them. */
export const BUILT_IN_VIEWS: readonly BuiltInView[] = [
  { id: 'mine', name: 'Mine', filters: { status: [...OPEN_STATUSES, 'pending'], assignee: 'me' } },
  { id: 'unassigned', name: 'Unassigned', filters: { status: OPEN_STATUSES, assignee: 'none' } },
  { id: 'centre-uk', name: 'UK centre', filters: { status: OPEN_STATUSES, centre: ['uk'] } },
  { id: 'centre-us', name: 'US centre', filters: { status: OPEN_STATUSES, centre: ['us'] } },
  { id: 'breaching', name: 'Breaching within the hour', filters: { status: OPEN_STATUSES, dueWithinMinutes: 60 } },
  { id: 'open', name: 'All open', filters: { status: OPEN_STATUSES } },
  { id: 'pending', name: 'Pending', filters: { status: ['pending'] } },
  { id: 'solved', name: 'Solved', filters: { status: ['solved'] } },
];

/** `POST /api/views`: a saved view, personal unless `shared`. */
export const createViewSchema = z.object({
  name: z.string().trim().min(1, 'name is required').max(80),
  shared: z.boolean().default(false),
  filters: viewFiltersSchema,
});
/** `PATCH /api/views/:id`. */
export const updateViewSchema = z
  .object({ name: createViewSchema.shape.name, shared: z.boolean(), filters: viewFiltersSchema })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: 'Nothing to change' });

/** A saved view as the API returns it. */
export const savedViewSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    shared: z.boolean(),
    /** The agent whose personal view it is; null when shared. */
    ownerId: z.string().nullable(),
    filters: viewFiltersSchema,
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'View' });
export type SavedView = z.infer<typeof savedViewSchema>;

/** `GET /api/views`: the built-in views and the saved ones the agent can see, each with its count of tickets. */
export const viewsResponseSchema = z.object({
  builtIn: z.array(builtInViewSchema.extend({ count: z.number().int() })),
  saved: z.array(savedViewSchema.extend({ count: z.number().int() })),
});
export type ViewsResponse = z.infer<typeof viewsResponseSchema>;

/**
 * `queue:counts` on the desk socket: what each view holds now, pushed (coalesced) after ticket changes. `mine`
 * differs per agent, so it comes as counts per assignee.
 */
export interface QueueCounts {
  builtIn: Record<string, number>;
  /** Open and pending tickets per assignee id (Mine of each agent). */
  byAssignee: Record<string, number>;
  saved: Record<string, number>;
}

/** What a bulk action (or one ticket's tag change) may change. */
export const ticketChangesSchema = z.object({
  status: z.enum(TICKET_STATUSES).optional(),
  assigneeId: z.string().max(64).nullable().optional(),
  addTags: z.array(tagSchema).max(MAX_TAGS_PER_TICKET).optional(),
  removeTags: z.array(tagSchema).max(MAX_TAGS_PER_TICKET).optional(),
});

/** `POST /api/tickets/bulk`: one change to up to 200 tickets; each is changed as it would be alone. */
export const bulkChangeSchema = z.object({
  ticketIds: z.array(z.string().min(1).max(64)).min(1, 'ticketIds is empty').max(200, 'ticketIds: at most 200'),
  changes: ticketChangesSchema.refine((c) => Object.values(c).some((v) => v !== undefined), { message: 'Nothing to change' }),
});
export type BulkChangeBody = z.infer<typeof bulkChangeSchema>;

/** `POST /api/tickets/bulk`'s answer: which tickets changed and which did not, with why. */
export const bulkChangeResultSchema = z.object({
  changed: z.array(ticketSummarySchema),
  failed: z.array(z.object({ ticketId: z.string(), code: z.string(), message: z.string() })),
});
export type BulkChangeResult = z.infer<typeof bulkChangeResultSchema>;

/** `POST /api/tickets/:id/tags`. */
export const addTagSchema = z.object({ tag: tagSchema });

/**
 * Whether a ticket belongs in a view, for live updates in the desk (the server's query is the authority for
 * pages; this keeps a page right between them). `me` is the agent's id; `siteIdOf` maps a site key to its id.
 * Search words (`q`) are not checked here: only the server can match text, so the desk keeps such a view to the
 * tickets the server found.
 */
export function matchesView(t: TicketSummary, f: ViewFilters, me: string, now: number, siteIdOf?: (key: string) => string | undefined): boolean {
  if (f.status && !f.status.includes(t.status)) return false;
  if (f.priority && !f.priority.includes(t.priority)) return false;
  if (f.channel && !f.channel.includes(t.channel)) return false;
  if (f.centre && !f.centre.includes(t.centre)) return false;
  if (f.assignee !== undefined) {
    const want = f.assignee === 'me' ? me : f.assignee === 'none' ? null : f.assignee;
    if (t.assigneeId !== want) return false;
  }
  if (f.tag?.length && !f.tag.every((tag) => t.tags.includes(tag))) return false;
  if (f.site && siteIdOf && t.siteId !== siteIdOf(f.site)) return false;
  if (f.dueWithinMinutes !== undefined && (!t.nextDueAt || Date.parse(t.nextDueAt) > now + f.dueWithinMinutes * 60_000)) return false;
  return true;
}

/** Splits `text` into runs that match one of the search's words (case-insensitive) and runs that do not. */
export function highlightRuns(text: string, query: string): { text: string; match: boolean }[] {
  const words = searchWords(query).map((w) => w.replace(/^#/, '')).filter(Boolean);
  if (!words.length || !text) return [{ text, match: false }];
  const pattern = new RegExp(`(${words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`, 'giu');
  return text
    .split(pattern)
    .filter((part) => part !== '')
    .map((part) => ({ text: part, match: words.some((w) => w.toLowerCase() === part.toLowerCase()) }));
}

/** The words of a search, as the server reads them: split on spaces, at most 8, each at most 64 characters. */
export function searchWords(query: string): string[] {
  return query
    .split(/\s+/u)
    .map((w) => w.slice(0, 64))
    .filter(Boolean)
    .slice(0, 8);
}
