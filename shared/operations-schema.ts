/**
 * `PUT /api/operations`, checked by the server and, before sending, by the desk's Operations page (which loads
 * this module lazily, so zod stays out of the desk's first bundle). One schema, one set of messages.
 */
import { z } from 'zod';
import { calendarProblems, type Calendar } from './calendar';
import { LEVELS } from './priority';
import { slaTargetProblems, type SlaTargets } from './sla';

const level = z.enum(LEVELS);
// Problems joined with commas: the message stays one `path: message` part of `describeIssues`' `; ` list.
const calendarSchema = z.custom<Calendar>((c) => typeof c === 'object' && c !== null && calendarProblems(c as Calendar).length === 0, {
  error: (issue) => `invalid calendar: ${calendarProblems(issue.input as Calendar).join(', ')}`,
});

/** A bespoke arrangement (shared/operations.ts `SupportPlan`): who it covers, its calendar, its team. */
export const supportPlanSchema = z.object({
  id: z.string().trim().min(1, 'a plan needs an id').max(64, 'a plan id has at most 64 characters'),
  name: z.string().trim().min(1, 'a plan needs a name').max(200, 'a plan name has at most 200 characters'),
  match: z
    .object({
      emails: z.array(z.email('each email is an address such as ada@example.com')).optional(),
      domains: z.array(z.string().trim().min(1).max(253).regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/i, 'each domain is a name such as example.com')).optional(),
      siteKeys: z.array(z.string().max(64)).optional(),
    })
    .refine((m) => Boolean(m.emails?.length || m.domains?.length || m.siteKeys?.length), 'say who the plan covers: emails, domains or sites'),
  calendar: calendarSchema,
  team: z.string().max(200, 'a team name has at most 200 characters').optional(),
});

/** `PUT /api/operations`: every field optional; what is given replaces the current value. */
export const operationsPatchSchema = z
  .object({
    centres: z.object({ uk: calendarSchema, us: calendarSchema }),
    phoneLine: calendarSchema,
    priorityMatrix: z.record(level, z.record(level, level)),
    sla: z.custom<SlaTargets>((t) => slaTargetProblems(t as SlaTargets).length === 0, { error: 'sla: each priority needs whole positive firstResponse and resolution minutes' }),
    nextResponse: z.record(level, z.number().int().positive()),
    warningMinutes: z.number().int().min(0).max(24 * 60),
    autoCloseDays: z.number({ error: 'days are a whole number from 1 to 365' }).int('days are a whole number from 1 to 365').min(1, 'at least 1 day').max(365, 'at most 365 days'),
    categories: z
      .array(z.string().trim().min(1, 'a category cannot be empty').max(64, 'a category has at most 64 characters'))
      .min(1, 'keep at least one category')
      .max(50, 'at most 50 categories')
      .refine((list) => new Set(list).size === list.length, 'each category once'),
    plans: z.array(supportPlanSchema).superRefine((plans, ctx) => {
      const seen = new Set<string>();
      plans.forEach((p, i) => {
        if (seen.has(p.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `another plan has the id ${p.id}` });
        seen.add(p.id);
      });
    }),
  })
  .partial();
