/**
 * The reports page's API: `GET /api/reports` (JSON) and `GET /api/reports.csv` (the same figures, one row each),
 * over a date range and per site, centre, channel, priority and agent.
 */
import { z } from 'zod';
import { LEVELS } from './priority';
import { CENTRES, CHANNELS } from './protocol';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'dates are YYYY-MM-DD');

/** The query's fields (also the parameters the API document lists). */
export const reportQueryFields = {
  from: day,
  to: day,
  siteId: z.string().min(1).max(64).optional(),
  centre: z.enum(CENTRES).optional(),
  channel: z.enum(CHANNELS).optional(),
  priority: z.enum(LEVELS).optional(),
  agentId: z.string().min(1).max(64).optional(),
};

/** `from` and `to` are UTC days, both included; at most a year apart. */
export const reportQuerySchema = z
  .object(reportQueryFields)
  .refine((q) => q.from <= q.to, { message: '`from` must not be after `to`', path: ['from'] })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= 366 * 86_400_000, { message: 'A report covers at most a year', path: ['to'] });
export type ReportQuery = z.infer<typeof reportQuerySchema>;

/** Median and 90th percentile of business minutes, over `count` tickets (null when there are none). */
export const durationsSchema = z.object({ count: z.number().int(), median: z.number().nullable(), p90: z.number().nullable() });
export type Durations = z.infer<typeof durationsSchema>;

export const attainmentSchema = z.object({
  priority: z.enum(LEVELS),
  centre: z.enum(CENTRES),
  /** Tickets whose deadline has passed or was met: met + missed. */
  firstResponseMet: z.number().int(),
  firstResponseMissed: z.number().int(),
  resolutionMet: z.number().int(),
  resolutionMissed: z.number().int(),
});
export type Attainment = z.infer<typeof attainmentSchema>;

export const BACKLOG_AGES = ['under_1d', '1_3d', '3_7d', 'over_7d'] as const;
export type BacklogAge = (typeof BACKLOG_AGES)[number];

const count = z.number().int();
export const reportSchema = z
  .object({
    query: z.object(reportQueryFields),
    volume: z.object({
      total: count,
      byChannel: z.array(z.object({ channel: z.enum(CHANNELS), count })),
      /** Tickets received per UTC weekday (0 = Sunday) and hour, per centre: the follow-the-sun hand-over. */
      byHourOfWeek: z.array(z.object({ weekday: count, hour: count, centre: z.enum(CENTRES), count })),
    }),
    firstResponse: durationsSchema,
    resolution: durationsSchema,
    sla: z.object({ attainment: z.array(attainmentSchema), breachesByDay: z.array(z.object({ day: z.string(), count })) }),
    /** Open now (new, open, pending, on hold), by age since received and priority; not limited to the date range. */
    backlog: z.array(z.object({ age: z.enum(BACKLOG_AGES), priority: z.enum(LEVELS), count })),
    kai: z.object({
      conversations: count,
      /** Conversations Kai answered that never reached a person. */
      answeredWithoutPerson: count,
      handedOff: count,
      /** handedOff / conversations (0 when there are none). */
      handoffRate: z.number(),
      handoffReasons: z.array(z.object({ reason: z.string(), count })),
      answers: count,
      answersWithSources: count,
    }),
    csat: z.object({
      responses: count,
      average: z.number().nullable(),
      distribution: z.array(z.object({ rating: count, count })),
      comments: z.array(z.object({ ticketNumber: count, rating: count, comment: z.string(), createdAt: z.string() })),
    }),
    agents: z.array(z.object({ agentId: z.string(), name: z.string(), replies: count, solves: count, medianFirstResponse: z.number().nullable() })),
  })
  .meta({ id: 'Report', description: 'Volume, response times, SLA, backlog, Kai, CSAT and per-agent figures; durations in business minutes' });
export type Report = z.infer<typeof reportSchema>;
