/**
 * Domain events → webhook deliveries, written in the transaction that raises the fact (a transactional outbox):
 * the fact and its deliveries commit together, so a restart between the two loses nothing. The sender
 * (`webhook-sender.ts`) posts them later.
 */
import type { Message } from '../../../shared/protocol';
import type { WebhookEventType } from '../../../shared/webhooks';
import type { CoreContext } from '../context';
import type { Tx } from '../db/database';
import { insertDelivery } from './webhook.repository';
import type { WebhookSubscribers } from './webhook-subscribers';

/** What one fact becomes on the wire: its type, the public `data`, and the ticket it is about. */
interface WebhookFact {
  type: WebhookEventType;
  ticketId: string | null;
  data: unknown;
}

/** The public shape of a message: no streaming or quoted-history internals. */
function publicMessage(message: Message, ticketId: string | null) {
  return { id: message.id, ticketId, conversationId: message.conversationId, author: message.author, body: message.body, sources: message.sources, createdAt: message.createdAt };
}

/** Writes one delivery per subscribed endpoint; the body is fixed now, so every attempt signs the same bytes. */
async function enqueueFact(ctx: Pick<CoreContext, 'now'>, subscribers: WebhookSubscribers, tx: Tx, fact: WebhookFact): Promise<void> {
  const endpoints = await subscribers.of(tx, fact.type);
  if (!endpoints.length) return;
  const now = ctx.now();
  const payload = JSON.stringify({ type: fact.type, timestamp: now.toISOString(), data: fact.data });
  for (const webhookId of endpoints) await insertDelivery(tx, { webhookId, type: fact.type, ticketId: fact.ticketId, payload, now });
}

/** Registers the in-transaction handlers; returns the function that removes them. */
export function queueWebhookDeliveries(ctx: Pick<CoreContext, 'events' | 'now'>, subscribers: WebhookSubscribers): () => void {
  const { events } = ctx;
  const enqueue = (tx: Tx, fact: WebhookFact) => enqueueFact(ctx, subscribers, tx, fact);
  const stops = [
    events.withinTransaction('ticket.created', (tx, { ticket }) => enqueue(tx, { type: 'ticket.created', ticketId: ticket.id, data: ticket })),
    events.withinTransaction('ticket.updated', (tx, { ticket }) => enqueue(tx, { type: 'ticket.updated', ticketId: ticket.id, data: ticket })),
    events.withinTransaction('message.created', async (tx, { message, ticketId }) => {
      // Internal notes are for agents only: never sent anywhere.
      if (message.internal) return;
      await enqueue(tx, { type: 'message.created', ticketId, data: publicMessage(message, ticketId) });
    }),
    events.withinTransaction('ticket.sla', async (tx, alert) => {
      if (alert.kind !== 'breach') return;
      const { kind: _kind, ...data } = alert;
      await enqueue(tx, { type: 'ticket.sla_breached', ticketId: alert.ticketId, data });
    }),
    events.withinTransaction('csat.submitted', (tx, answer) => enqueue(tx, { type: 'csat.submitted', ticketId: answer.ticketId, data: answer })),
  ];
  return () => {
    for (const stop of stops) stop();
  };
}
