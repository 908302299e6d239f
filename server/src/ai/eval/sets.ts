/** The labelled evaluation sets shipped beside this file, read and shape-checked. */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { LEVELS } from '../../../../shared/priority';
import type { AnswerItem, TriageItem } from './evaluate';

const level = z.enum(LEVELS);
const split = z.enum(['dev', 'test']);

const triageSchema = z.array(
  z.strictObject({ id: z.string().min(1), text: z.string().min(1), urgency: level, impact: level, priority: level, note: z.string().optional(), split }),
);
const answerSchema = z.array(
  z.strictObject({ id: z.string().min(1), question: z.string().min(1), article: z.string().min(1).nullable(), split, incident: z.literal(true).optional() }),
);

const read = (name: string): unknown => JSON.parse(readFileSync(new URL(`./${name}`, import.meta.url), 'utf8'));

export function loadTriageSet(): TriageItem[] {
  return triageSchema.parse(read('triage-set.json'));
}

export function loadAnswerSet(): AnswerItem[] {
  return answerSchema.parse(read('answer-set.json'));
}
