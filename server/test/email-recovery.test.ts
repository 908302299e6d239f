/**
 * An agent's reply on an email ticket is mailed exactly once, even when the process dies between saving the
 * reply and queueing its mail: the recovery pass finds replies without mail.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TicketDetail } from '../../shared/protocol';
import { mailAgentReply, queueMissedReplies } from '../src/channels/email/outgoing-mail';
import { appendMessage } from '../src/messages/message.repository';
import { api, signIn, startServer, type TestServer } from './harness';

let server: TestServer;
let cookie: string;
beforeEach(async () => {
  server = await startServer({ sweepIntervalMs: 0 });
  cookie = await signIn(server);
});
afterEach(async () => server.close());

const outboxFor = (messageId: string) => server.app.db.selectFrom('email_outbox').selectAll().where('source_message_id', '=', messageId).execute();

describe('reply mail recovery', () => {
  it('queues the mail of a reply that was saved without it, once', async () => {
    const ticket = (await api<TicketDetail>(server, 'POST', '/api/tickets', { cookie, body: { subject: 'Export fails', description: 'The export fails', channel: 'email', requester: { email: 'kim@example.org' } } })).body;
    // The reply is saved as the desk would save it, but the process "dies" before the live listener runs.
    const { message } = await server.app.db.transaction().execute((tx) =>
      appendMessage(tx, { conversationId: ticket.conversationId!, author: { kind: 'agent', name: 'Alex Admin' }, body: 'Fixed on our side.', now: new Date() }),
    );
    const ctx = { ...server.app.frontdesk, supportEmail: 'support@localhost' };
    expect(await outboxFor(message.id)).toHaveLength(0);
    expect(await queueMissedReplies(ctx)).toBe(1);
    const [mail] = await outboxFor(message.id);
    expect(mail).toMatchObject({ to_address: 'kim@example.org', kind: 'reply', status: 'queued' });
    expect(mail!.text_body).toContain('Fixed on our side.');
    expect(await queueMissedReplies(ctx)).toBe(0);
    expect(await mailAgentReply(ctx, ticket.id, message)).toBe(false);
    expect(await outboxFor(message.id)).toHaveLength(1);
  });

  it('never mails internal notes, even in recovery', async () => {
    const ticket = (await api<TicketDetail>(server, 'POST', '/api/tickets', { cookie, body: { subject: 'S', description: 'D', channel: 'email', requester: { email: 'kim@example.org' } } })).body;
    const { message } = await server.app.db.transaction().execute((tx) =>
      appendMessage(tx, { conversationId: ticket.conversationId!, author: { kind: 'agent', name: 'Alex Admin' }, body: 'Note', internal: true, now: new Date() }),
    );
    expect(await queueMissedReplies({ ...server.app.frontdesk, supportEmail: 'support@localhost' })).toBe(0);
    expect(await outboxFor(message.id)).toHaveLength(0);
  });
});
