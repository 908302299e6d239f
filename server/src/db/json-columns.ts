/**
 * The JSON text columns, parsed and checked on read: a row written by an older version, by hand or by a bug never
 * becomes a malformed object in the API. Each column has a zod schema of what it holds and a fallback for what
 * fails it (logged once per read by the caller's logger when given).
 */
import { z } from 'zod';
import { CHANNELS, REMOTE_TOOLS, type Handoff, type MessageAttachment, type MessageCard, type Source } from '../../../shared/protocol';
import { LEVELS } from '../../../shared/priority';

const sourceSchema = z.object({ id: z.string(), title: z.string(), url: z.string() });

export const sourcesColumn = z.array(sourceSchema);

export const cardColumn = z.object({
  type: z.literal('remote_session'),
  tool: z.enum(REMOTE_TOOLS),
  toolName: z.string(),
  url: z.string(),
  startsAt: z.string().nullable(),
  note: z.string().nullable(),
});

export const attachmentsColumn = z.array(
  z.object({ id: z.string(), filename: z.string(), contentType: z.string(), size: z.number(), image: z.boolean() }),
);

const assessed = z.object({ level: z.enum(LEVELS), reason: z.string() });

export const handoffColumn = z.object({
  reason: z.enum(['visitor_request', 'button', 'no_answer', 'ai_unavailable', 'policy']),
  problem: z.string(),
  tried: z.array(z.string()),
  sources: z.array(sourceSchema),
  urgency: assessed,
  impact: assessed,
  evidence: z.array(z.string()),
  identity: z.enum(['verified', 'unverified', 'anonymous']),
  claimedEmail: z.string().optional(),
  channel: z.enum(CHANNELS),
  deadline: z.string().nullable(),
  policy: z.string().optional(),
});

/** Parses a JSON column with its schema; `fallback` for null, unparsable or mis-shaped text. */
export function readJson<T>(schema: z.ZodType<T>, text: string | null, fallback: T): T {
  if (text === null) return fallback;
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : fallback;
  } catch {
    return fallback;
  }
}

export const readSources = (text: string | null): Source[] => readJson(sourcesColumn, text, []);
export const readCard = (text: string | null): MessageCard | null => readJson<MessageCard | null>(cardColumn, text, null);
export const readHandoff = (text: string | null): Handoff | null => readJson<Handoff | null>(handoffColumn, text, null);
export const readAttachments = (text: string | null): MessageAttachment[] => readJson(attachmentsColumn, text, []);
