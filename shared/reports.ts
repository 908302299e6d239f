/**
 * The reports page's API: `GET /api/reports` (JSON) and `GET /api/reports.csv` (the same figures, one row each),
 * over a date range and per site, centre, channel, priority and agent.
 */
import { z } from 'zod';
import { LEVELS, type Level } from './priority';
import { CENTRES, CHANNELS, type CentreId, type Channel } from './protocol';

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
export interface Durations {
  count: number;
  median: number | null;
  p90: number | null;
}

export interface Attainment {
  priority: Level;
  centre: CentreId;
  /** Tickets whose deadline has passed or was met: met + missed. */
  firstResponseMet: number;
  firstResponseMissed: number;
  resolutionMet: number;
  resolutionMissed: number;
}

export const BACKLOG_AGES = ['under_1d', '1_3d', '3_7d', 'over_7d'] as const;
export type BacklogAge = (typeof BACKLOG_AGES)[number];

export interface Report {
  query: ReportQuery;
  volume: {
    total: number;
    byChannel: { channel: Channel; count: number }[];
    /** Tickets received per UTC weekday (0 = Sunday) and hour, per centre: the follow-the-sun hand-over. */
    byHourOfWeek: { weekday: number; hour: number; centre: CentreId; count: number }[];
  };
  firstResponse: Durations;
  resolution: Durations;
  sla: { attainment: Attainment[]; breachesByDay: { day: string; count: number }[] };
  /** Open now (new, open, pending, on hold), by age since received and priority; not limited to the date range. */
  backlog: { age: BacklogAge; priority: Level; count: number }[];
  kai: {
    conversations: number;
    /** Conversations Kai answered that never reached a person. */
    answeredWithoutPerson: number;
    handedOff: number;
    /** handedOff / conversations (0 when there are none). */
    handoffRate: number;
    handoffReasons: { reason: string; count: number }[];
    answers: number;
    answersWithSources: number;
  };
  csat: {
    responses: number;
    average: number | null;
    distribution: { rating: number; count: number }[];
    comments: { ticketNumber: number; rating: number; comment: string; createdAt: string }[];
  };
  agents: { agentId: string; name: string; replies: number; solves: number; medianFirstResponse: number | null }[];
}
