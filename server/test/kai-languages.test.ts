/**
 * A visitor who speaks German gets Kai, the offer and the handoff notice (with its promise) in German, through
 * the real conversation path with the embedded offline engine.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message } from '../../shared/protocol';
import { clientId, connectVisitor, nextEvent, startServer, widgetSession, type TestServer } from './harness';

let server: TestServer;

beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

async function say(socket: Awaited<ReturnType<typeof connectVisitor>>, body: string): Promise<Message> {
  const reply = nextEvent<Message>(socket, 'message:created', (m) => m.author.kind === 'ai');
  await socket.timeout(5000).emitWithAck('message:send', { clientId: clientId(), body });
  return reply;
}

describe('Kai in the visitor language', () => {
  it('greets, hands off and promises in German', async () => {
    const session = await widgetSession(server, { language: 'de-DE' });
    const socket = await connectVisitor(server, session.token);
    expect((await say(socket, 'Hallo')).body).toMatch(/^Hallo! Ich bin Kai/);
    const notice = await say(socket, 'Ich möchte bitte mit einem Menschen sprechen');
    expect(notice.body).toMatch(/^Ich habe Ihr Anliegen an unser Support-Team weitergegeben, als Ticket #\d+ \((hohe|mittlere|niedrige) Priorität\)/);
    expect(notice.body).toMatch(/Unser (UK|US)-Team/);
    expect(notice.body).not.toMatch(/I've passed|our support team/);
    socket.disconnect();
  });

  it('speaks English to a visitor whose language it does not have', async () => {
    const session = await widgetSession(server, { language: 'ja' });
    const socket = await connectVisitor(server, session.token);
    expect((await say(socket, 'hello')).body).toMatch(/^Hi! I'm Kai/);
    socket.disconnect();
  });
});
