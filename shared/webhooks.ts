/**
 * Webhooks over REST: the event types an endpoint may subscribe to, the admin's payloads and what the API returns.
 * Shared by the server's routes, the OpenAPI document and the desk's settings page.
 */
import { z } from 'zod';
import { WEBHOOK_EVENT_TYPES } from './webhook-events';

export { WEBHOOK_EVENT_TYPES, type WebhookEventType } from './webhook-events';

/** Longest endpoint URL accepted. */
export const MAX_WEBHOOK_URL_LENGTH = 2000;

/** Why a webhook URL is refused, or null when it is an absolute http(s) URL without credentials. */
export function webhookUrlProblem(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'must be an absolute URL (https://…)';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'must start with https:// (or http://)';
  if (url.username || url.password) return 'must not carry a user name or password';
  return null;
}

const urlSchema = z
  .string()
  .trim()
  .max(MAX_WEBHOOK_URL_LENGTH)
  .refine((v) => webhookUrlProblem(v) === null, { error: (issue) => webhookUrlProblem(String(issue.input)) ?? 'invalid URL' });
const eventsSchema = z.array(z.enum(WEBHOOK_EVENT_TYPES)).min(1, 'choose at least one event').max(WEBHOOK_EVENT_TYPES.length);

/** `POST /api/webhooks` (admin). */
export const createWebhookSchema = z.strictObject({
  url: urlSchema,
  events: eventsSchema,
  description: z.string().trim().max(500).default(''),
});

/** `PATCH /api/webhooks/:id` (admin): any of url, events, description, enabled. */
export const updateWebhookSchema = z
  .strictObject({ url: urlSchema, events: eventsSchema, description: z.string().trim().max(500), enabled: z.boolean() })
  .partial();

/** A registered endpoint, as the API returns it (the secret only when created or rotated). */
export const webhookSchema = z
  .object({
    id: z.string(),
    url: z.string(),
    description: z.string(),
    events: z.array(z.enum(WEBHOOK_EVENT_TYPES)),
    enabled: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Webhook' });
export type Webhook = z.infer<typeof webhookSchema>;

/** `POST /api/webhooks` and `…/rotate-secret`: the endpoint with its signing secret, shown this once. */
export const webhookWithSecretSchema = webhookSchema.extend({ secret: z.string().describe('whsec_<base64>: verifies the webhook-signature header') }).meta({ id: 'WebhookWithSecret' });

/** One delivery of one fact to one endpoint; `id` is the `webhook-id` header of every attempt. */
export const webhookDeliverySchema = z
  .object({
    id: z.string(),
    type: z.enum(WEBHOOK_EVENT_TYPES),
    status: z.enum(['queued', 'delivered', 'failed']),
    attempts: z.number().int(),
    nextAttemptAt: z.string().nullable(),
    lastAttemptAt: z.string().nullable(),
    responseStatus: z.number().int().nullable().describe('HTTP status of the last attempt; null when there was no answer'),
    durationMs: z.number().int().nullable(),
    responseExcerpt: z.string().nullable().describe('The first characters of the answer, or why there was none'),
    createdAt: z.string(),
    deliveredAt: z.string().nullable(),
  })
  .meta({ id: 'WebhookDelivery' });
export type WebhookDelivery = z.infer<typeof webhookDeliverySchema>;

export const webhookListSchema = z.object({ webhooks: z.array(webhookSchema) });
export const webhookDeliveryListSchema = z.object({ deliveries: z.array(webhookDeliverySchema) });
