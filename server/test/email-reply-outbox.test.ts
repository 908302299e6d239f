/**
 * An agent's reply on an email ticket and its mail commit together (a transactional outbox): the mail is queued in
 * the reply's own transaction, so a stored reply always has exactly one mail, and a reply that rolls back has none.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Message, TicketDetail } from '../../shared/protocol';
import { addAgentMessage } from '../src/tickets/ticket-messages';
import { inTransaction } from '../src/work';
import { api, clientId, signIn, startServer, type TestServer } from './harness';

let server: TestServer;
let cookie: string;
beforeEach(async () => {
  server = await startServer({ sweepIntervalMs: 0 });
  cookie = await signIn(server);
});
afterEach(async () => server.close());

const outboxFor = (ticketId: string) => server.app.db.selectFrom('email_outbox').selectAll().where('ticket_id', '=', ticketId).where('kind', '=', 'reply').execute();
const emailTicket = async () =>
  (await api<TicketDetail>(server, 'POST', '/api/tickets', { cookie, body: { subject: 'Export fails', description: 'The export fails', channel: 'email', requester: { email: 'kim@example.org' } } })).body;

describe('reply mail', () => {
  it('is queued by the time the reply is answered, once, even when the reply is retried', async () => {
    const ticket = await emailTicket();
    const id = clientId();
    const first = await api<Message>(server, 'POST', `/api/tickets/${ticket.id}/messages`, { cookie, body: { body: 'Fixed on our side.', clientId: id } });
    expect(first.status).toBe(201);
    const mails = await outboxFor(ticket.id);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ to_address: 'kim@example.org', status: 'queued', source_message_id: first.body.id });
    expect(mails[0]!.text_body).toContain('Fixed on our side.');
    const retry = await api<Message>(server, 'POST', `/api/tickets/${ticket.id}/messages`, { cookie, body: { body: 'Fixed on our side.', clientId: id } });
    expect(retry.status).toBe(200);
    expect(await outboxFor(ticket.id)).toHaveLength(1);
  });

  it('is not queued when the reply rolls back', async () => {
    const ticket = await emailTicket();
    const ctx = server.app.frontdesk;
    const agent = { id: 'agent-x', name: 'Alex Admin' };
    await expect(
      inTransaction(ctx, async (work) => {
        await addAgentMessage(ctx, work, { ticketId: ticket.id, agent, body: 'This reply never commits.', internal: false });
        throw new Error('the command failed after the reply');
      }),
    ).rejects.toThrow('the command failed after the reply');
    expect(await outboxFor(ticket.id)).toHaveLength(0);
    const detail = await api<TicketDetail>(server, 'GET', `/api/tickets/${ticket.id}`, { cookie });
    expect(detail.body.messages.map((m) => m.body)).not.toContain('This reply never commits.');
  });

  it('is never queued for an internal note', async () => {
    const ticket = await emailTicket();
    expect((await api(server, 'POST', `/api/tickets/${ticket.id}/messages`, { cookie, body: { body: 'Note', internal: true } })).status).toBe(201);
    expect(await outboxFor(ticket.id)).toHaveLength(0);
  });
});
