/** The facts a webhook can be told of (no zod here: the desk bundle imports it). */
export const WEBHOOK_EVENT_TYPES = ['ticket.created', 'ticket.updated', 'message.created', 'ticket.sla_breached', 'csat.submitted'] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];
