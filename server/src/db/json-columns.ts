/**
 * The JSON text columns, parsed and checked on read: a row written by an older version, by hand or by a bug never
 * becomes a malformed object in the API. Each column has a zod schema of what it holds and a fallback for what
 * fails it (logged once per read by the caller's logger when given).
 */
import type { z } from 'zod';
import type { Handoff, MessageAttachment, MessageCard, Source } from '../../../shared/protocol';
import { handoffSchema, messageAttachmentSchema, messageCardSchema, sourceSchema } from '../../../shared/resources';

// The columns hold what the API answers: the same schemas (shared/resources.ts).
export const sourcesColumn = sourceSchema.array();
export const cardColumn = messageCardSchema;
export const attachmentsColumn = messageAttachmentSchema.array();
export const handoffColumn = handoffSchema;

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
