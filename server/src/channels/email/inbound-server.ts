/**
 * The built-in inbound SMTP server (smtp-server). It accepts mail for SUPPORT_EMAIL only, without
 * authentication (meant for loopback, or behind the organisation's own MX that relays to it), and refuses mail
 * over the size limit. What the mail says is decided by `onMessage`; this file speaks SMTP.
 */
import type { AddressInfo } from 'node:net';
import type { FastifyBaseLogger } from 'fastify';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import type { Envelope } from './receive-mail';

export interface InboundServerOptions {
  host: string;
  port: number;
  supportEmail: string;
  /** Largest mail accepted, in bytes (advertised with SIZE; 552 past it). */
  maxBytes: number;
  log: FastifyBaseLogger;
  /** Handles one accepted mail; resolves with the text of the 250 answer, rejects for a 451 "try again later". */
  onMessage: (raw: Buffer, envelope: Envelope) => Promise<string>;
}

export interface InboundServer {
  /** The port it listens on (useful when started on port 0). */
  port: number;
  /** Stops accepting connections and waits (at most ~3 s) for the ones in progress. */
  close: () => Promise<void>;
}

/** An SMTP error with its reply code (smtp-server reads `responseCode`). */
function smtpError(code: number, message: string): Error & { responseCode: number } {
  return Object.assign(new Error(message), { responseCode: code });
}

/** `support@x` and its sub-addresses (`support+billing@x`), case-insensitively. */
export function isSupportAddress(address: string, supportEmail: string): boolean {
  const [local, domain] = supportEmail.toLowerCase().split('@') as [string, string];
  const [rLocal, rDomain] = address.toLowerCase().split('@');
  if (!rLocal || rDomain !== domain) return false;
  return rLocal === local || rLocal.startsWith(`${local}+`);
}

/** Starts the inbound SMTP server; rejects with a line naming SMTP_INBOUND_PORT when it cannot listen. */
export async function startInboundServer(opts: InboundServerOptions): Promise<InboundServer> {
  const inFlight = new Set<Promise<unknown>>();
  const server = new SMTPServer({
    name: opts.supportEmail.split('@')[1] || 'frontdesk',
    banner: 'Frontdesk support mail',
    // No sign-in and no STARTTLS: meant for loopback or a trusted relay (see the README's Email section).
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    size: opts.maxBytes,
    disableReverseLookup: true,
    maxClients: 50,
    socketTimeout: 60_000,
    closeTimeout: 3_000,
    logger: false,
    onRcptTo(address, _session, callback) {
      if (isSupportAddress(address.address, opts.supportEmail)) return callback();
      callback(smtpError(550, `5.1.1 <${address.address}>: no such mailbox here; this server only accepts mail for ${opts.supportEmail}`));
    },
    onData(stream: SMTPServerDataStream, session: SMTPServerSession, callback) {
      const chunks: Buffer[] = [];
      let bytes = 0;
      stream.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        // Past the limit the rest is only counted: smtp-server answers 552 at the end.
        if (bytes <= opts.maxBytes) chunks.push(chunk);
      });
      stream.on('error', (err) => callback(err));
      stream.on('end', () => {
        if (stream.sizeExceeded) {
          opts.log.info({ bytes, limit: opts.maxBytes }, 'email refused: over the size limit');
          return callback(smtpError(552, `5.3.4 Message too big: the limit is ${Math.round(opts.maxBytes / (1024 * 1024))} MB`));
        }
        const mailFrom = session.envelope.mailFrom;
        const envelope: Envelope = { mailFrom: mailFrom ? mailFrom.address : null, rcptTo: session.envelope.rcptTo.map((r) => r.address) };
        const work = opts.onMessage(Buffer.concat(chunks), envelope).then(
          (answer) => callback(null, answer),
          (err: unknown) => {
            opts.log.error({ err }, 'receiving an email failed; the sender is asked to try again later');
            callback(smtpError(451, '4.3.0 Temporary failure: please try again later'));
          },
        );
        inFlight.add(work);
        void work.finally(() => inFlight.delete(work));
      });
    },
  });
  server.on('error', (err) => opts.log.error({ err }, 'inbound SMTP server error'));

  await new Promise<void>((resolve, reject) => {
    const onError = (err: Error) => reject(new Error(`SMTP_INBOUND_PORT: cannot listen on ${opts.host}:${opts.port} (${err.message})`));
    server.server.once('error', onError);
    server.listen(opts.port, opts.host, () => {
      server.server.off('error', onError);
      resolve();
    });
  });
  const port = (server.server.address() as AddressInfo).port;
  opts.log.info({ host: opts.host, port }, `accepting email for ${opts.supportEmail} on ${opts.host}:${port}`);

  return {
    port,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      // Mails already received finish their work (bounded: each is one parse and a few queries).
      await Promise.race([Promise.allSettled([...inFlight]), new Promise((r) => setTimeout(r, 3_000).unref())]);
    },
  };
}
