/**
 * A real SMTP server that keeps what it receives, parsed (smtp-server + mailparser), for tests that start the
 * app with `SMTP_URL=smtp://127.0.0.1:<port>`. No TLS and no auth: loopback only.
 */
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface SmtpSink {
  port: number;
  /** `smtp://127.0.0.1:<port>` for SMTP_URL. */
  url: string;
  /** Every mail received so far, parsed, in order. */
  mails: ParsedMail[];
  /** Resolves with the first mail (received before or later) that satisfies `match`. */
  waitFor: (match: (mail: ParsedMail) => boolean, ms?: number) => Promise<ParsedMail>;
  close: () => Promise<void>;
}

/** The address a parsed mail was sent to (first recipient), lower-cased. */
export function recipientOf(mail: ParsedMail): string {
  const to = Array.isArray(mail.to) ? mail.to[0] : mail.to;
  return (to?.value[0]?.address ?? '').toLowerCase();
}

export async function startSmtpSink(port = 0): Promise<SmtpSink> {
  const mails: ParsedMail[] = [];
  const waiters = new Set<() => void>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (mail) => {
          mails.push(mail);
          for (const wake of waiters) wake();
          callback();
        },
        (err: Error) => callback(err),
      );
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const actualPort = (server.server.address() as AddressInfo).port; // listening on TCP, so an AddressInfo
  return {
    port: actualPort,
    url: `smtp://127.0.0.1:${actualPort}`,
    mails,
    waitFor: (match, ms = 10_000) =>
      new Promise<ParsedMail>((resolve, reject) => {
        const check = () => {
          const found = mails.find(match);
          if (!found) return false;
          clearTimeout(timer);
          waiters.delete(wake);
          resolve(found);
          return true;
        };
        const wake = () => void check();
        const timer = setTimeout(() => {
          waiters.delete(wake);
          reject(new Error(`no matching mail within ${ms} ms (got ${mails.length})`));
        }, ms);
        if (!check()) waiters.add(wake);
      }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
