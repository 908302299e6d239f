/**
 * What a site owner sets for one site (shared: the desk's settings forms check a section with the same schema
 * before sending it, loading this module lazily so zod stays out of the desk's first bundle), stored as the JSON of `sites.settings` and checked by this schema on every
 * read: a key missing from an older row takes its default, and a mis-shaped value falls back to the default
 * instead of reaching the API. Each concern has its own section, so a new option is one field here.
 */
import { z } from 'zod';

/** Site rules that always hand off: categories (e.g. security) and VIP customers (verified identity only). */
const handoffRulesSchema = z.object({
  categories: z.array(z.string().trim().min(1).max(60, 'a category has at most 60 characters')).max(50, 'at most 50 categories').default(['security']),
  vipEmails: z
    .array(z.string().trim().toLowerCase().max(254).regex(/^[^\s@]+@[^\s@]+$/, 'each VIP is an email address such as ada@example.com'))
    .max(500, 'at most 500 VIP emails')
    .default([]),
  vipUserIds: z.array(z.string().trim().min(1).max(200, 'a user id has at most 200 characters')).max(500, 'at most 500 VIP user ids').default([]),
});

/** Automatic assignment of handed-off chats to agents who are online in the covering centre. */
const assignmentSchema = z.object({
  auto: z.boolean().default(false),
  /** Open chats one agent holds before the next is skipped. */
  maxOpenChats: z.number({ error: 'open chats per agent is a whole number from 1 to 50' }).int('open chats per agent is a whole number from 1 to 50').min(1, 'at least 1 open chat per agent').max(50, 'at most 50 open chats per agent').default(3),
});

/** Reaching a customer who left: their unseen replies are mailed after this many minutes. */
const reachSchema = z.object({
  askForEmail: z.boolean().default(true),
  mailUnseenAfterMinutes: z
    .number({ error: 'minutes are a whole number from 1 to 1440' })
    .int('minutes are a whole number from 1 to 1440')
    .min(1, 'at least 1 minute')
    .max(1440, 'at most 1440 minutes (a day)')
    .default(5),
});

const csatSchema = z.object({ enabled: z.boolean().default(true) });

/** What visitors and agents may attach: bytes per file and media types (`image/*` style wildcards allowed). */
const attachmentsSchema = z.object({
  maxBytes: z
    .number({ error: 'the largest file size is a number' })
    .int('the largest file size is a whole number of bytes')
    .min(1024, 'the largest file is at least 1 KB')
    .max(50 * 1024 * 1024, 'the largest file is at most 50 MB')
    .default(10 * 1024 * 1024),
  types: z
    .array(z.string().trim().toLowerCase().max(100).regex(/^[a-z0-9][a-z0-9!#$&^_.+-]*\/([a-z0-9][a-z0-9!#$&^_.+-]*|\*)$/, 'each type is a media type such as image/png or image/*'))
    .max(50, 'at most 50 types')
    .default(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'application/pdf', 'text/plain']),
});

/** `#rrggbb`, so a colour is never CSS text a page could be styled with. */
export const colorSchema = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour is #rrggbb');

export const siteSettingsSchema = z.object({
  agentName: z.string().trim().min(1).max(40).default('Kai'),
  color: colorSchema.default('#4f46e5'),
  greeting: z
    .string()
    .trim()
    .min(1)
    .max(500)
    .default("Hi! I'm Kai, the AI assistant. Ask me anything about Northwind Cloud, or ask for a person at any time."),
  position: z.enum(['right', 'left']).default('right'),
  language: z.string().trim().min(2).max(35).default('en'),
  handoffRules: handoffRulesSchema.default(() => handoffRulesSchema.parse({})),
  assignment: assignmentSchema.default(() => assignmentSchema.parse({})),
  reach: reachSchema.default(() => reachSchema.parse({})),
  csat: csatSchema.default(() => csatSchema.parse({})),
  attachments: attachmentsSchema.default(() => attachmentsSchema.parse({})),
});

export type SiteSettings = z.infer<typeof siteSettingsSchema>;

/** The sections a `PATCH /api/sites/:key` may change, each checked whole after it is merged into what is stored. */
export const SITE_SECTIONS = ['handoffRules', 'assignment', 'reach', 'csat', 'attachments'] as const;
export type SiteSection = (typeof SITE_SECTIONS)[number];

/** Each section's schema, for a form that checks its section before sending it. */
export const siteSectionSchemas = {
  handoffRules: handoffRulesSchema,
  assignment: assignmentSchema,
  reach: reachSchema,
  csat: csatSchema,
  attachments: attachmentsSchema,
} as const satisfies Record<SiteSection, z.ZodType>;
export type HandoffRules = SiteSettings['handoffRules'];

export const DEFAULT_SITE_SETTINGS: SiteSettings = siteSettingsSchema.parse({});
export const DEFAULT_HANDOFF_RULES: HandoffRules = DEFAULT_SITE_SETTINGS.handoffRules;

/**
 * The settings a row holds. Each top-level key is checked on its own, so one bad value costs only that key its
 * default, never the whole site's look.
 */
export function parseSiteSettings(text: string | null): SiteSettings {
  let raw: unknown;
  try {
    raw = text === null ? {} : JSON.parse(text);
  } catch {
    raw = {};
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return DEFAULT_SITE_SETTINGS;
  const settings: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(siteSettingsSchema.shape)) {
    const parsed = field.safeParse((raw as Record<string, unknown>)[key]);
    settings[key] = parsed.success ? parsed.data : DEFAULT_SITE_SETTINGS[key as keyof SiteSettings];
  }
  return settings as SiteSettings;
}
