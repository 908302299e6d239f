/**
 * No personal data in the log at info and warn, read where pino writes it: a day of mail whose outgoing side
 * fails (a server that refuses the recipient, naming the address in its answer, and a transport that is down)
 * and whose incoming side refuses a forged ticket number leaves no address, name or subject in the log.
 */
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { api, signIn } from './harness';
import { EMAIL_TEST_START, freePort, sendMail, startEmailServer, type EmailServer } from './email-helpers';
import { addressTag } from '../src/channels/email/mail-log';

let server: EmailServer | null = null;
let refusing: SMTPServer | null = null;
afterEach(async () => {
  await server?.close();
  await new Promise<void>((resolve) => (refusing ? refusing.close(() => resolve()) : resolve()));
  server = null;
  refusing = null;
});

/** An SMTP server that refuses every recipient, repeating the address in its answer as real servers do. */
async function refusingServer(): Promise<string> {
  refusing = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    disableReverseLookup: true,
    logger: false,
    onRcptTo(address, _session, callback) {
      callback(Object.assign(new Error(`5.1.1 <${address.address}>: Recipient address rejected: User unknown in virtual mailbox table`), { responseCode: 550 }));
    },
  });
  await new Promise<void>((resolve) => refusing!.listen(0, '127.0.0.1', resolve));
  return `smtp://127.0.0.1:${(refusing.server.address() as AddressInfo).port}`;
}

async function run(smtpUrl: string): Promise<string> {
  let logs = '';
  const stream = new PassThrough();
  stream.on('data', (c: Buffer) => (logs += c.toString()));
  const clock = { now: new Date(EMAIL_TEST_START) };
  server = await startEmailServer({ now: () => clock.now, smtpUrl, logStream: stream, env: { LOG_LEVEL: 'info' } });
  const cookie = await signIn(server);
  await sendMail(server.smtpPort, { from: 'Private Person <private.person@contoso.example>', subject: 'Secret merger plans', text: 'Secret words.' });
  // A forged From of the same person, with the ticket's number: refused, and the refusal is logged.
  await sendMail(server.smtpPort, { from: 'private.person@contoso.example', envelope: { from: 'forger@northwind.example', to: 'support@frontdesk.test' }, subject: 'Re: [#1001] Secret merger plans', text: 'More secret words.' });
  const { body } = await api<{ tickets: { id: string }[] }>(server, 'GET', '/api/tickets', { cookie });
  await api(server, 'POST', `/api/tickets/${body.tickets.at(-1)!.id}/messages`, { cookie, body: { body: 'We are on it.' } });
  // The acknowledgements and the reply fail to send.
  await server.deliver();
  return logs;
}

describe('mail logs at info and warn', () => {
  it('name no address when the receiving server refuses the recipient, naming it', async () => {
    const logs = await run(await refusingServer());
    expect(logs).toContain('sending mail failed; will retry');
    expect(logs).toContain('Recipient address rejected');
    expect(logs).toContain(addressTag('private.person@contoso.example')!);
    expect(logs).toContain('the sender is not authenticated');
    expect(logs).not.toMatch(/private\.person|Private Person|Secret|forger|northwind/i);
  });

  it('name no address when the transport is down', async () => {
    const logs = await run(`smtp://127.0.0.1:${await freePort()}`);
    expect(logs).toContain('sending mail failed; will retry');
    expect(logs).toContain('ECONNREFUSED');
    expect(logs).not.toMatch(/private\.person|Private Person|Secret|forger|northwind/i);
  });
});
