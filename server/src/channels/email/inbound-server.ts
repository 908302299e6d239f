/**
 * The built-in inbound SMTP server (smtp-server). It accepts mail for SUPPORT_EMAIL only, without
 * authentication (meant for loopback, or behind the organisation's own MX that relays to it), and holds every
 * client to limits: connections in total and per address, mails per sender and per address an hour, the size
 * (checked while the mail streams to a spool file on disk, never buffered in memory) and an idle timeout.
 * What the mail says is decided by `onMessage`; this file speaks SMTP.
 */
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import type { FastifyBaseLogger } from 'fastify';
import { RateLimiterMemory, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import { addressTag } from './mail-log';
import type { Envelope } from './receive-mail';

/** What one SMTP server allows its clients. */
export interface SmtpLimits {
  /** Open connections in total (smtp-server answers 421 past it). */
  maxClients: number;
  /** Open connections from one client address. */
  maxClientsPerIp: number;
  /** Mails one envelope sender may start in an hour. */
  mailsPerSenderPerHour: number;
  /** Mails one client address may start in an hour. */
  mailsPerIpPerHour: number;
  /** A client silent for this long is disconnected. */
  socketTimeoutMs: number;
}

export const DEFAULT_SMTP_LIMITS: SmtpLimits = { maxClients: 50, maxClientsPerIp: 10, mailsPerSenderPerHour: 60, mailsPerIpPerHour: 300, socketTimeoutMs: 30_000 };

export interface InboundServerOptions {
  host: string;
  port: number;
  supportEmail: string;
  /** Largest mail accepted, in bytes (advertised with SIZE; 552 past it). */
  maxBytes: number;
  limits?: Partial<SmtpLimits>;
  /** Makes the per-sender and per-address limiters (the deployment's shared ones; in memory by default). */
  limiter?: (points: number, durationSeconds: number, name: string) => RateLimiterAbstract;
  /** A fresh path for the spool file of one mail. */
  spoolPath: () => string;
  log: FastifyBaseLogger;
  /**
   * Handles one accepted mail, spooled at the path given (it owns the file from then on); resolves with the
   * text of the 250 answer, rejects for a 451 "try again later".
   */
  onMessage: (spooled: string, envelope: Envelope) => Promise<string>;
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

/** Writes the DATA stream to `path`, keeping at most `maxBytes` (the rest is only counted); resolves with the bytes sent. */
function spool(stream: SMTPServerDataStream, path: string, maxBytes: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const file = createWriteStream(path, { flags: 'wx' });
    let bytes = 0;
    const fail = (err: Error) => {
      stream.unpipe();
      stream.resume();
      file.destroy();
      reject(err);
    };
    file.on('error', fail);
    stream.on('error', fail);
    stream.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > maxBytes) return;
      // Backpressure: the client waits while the disk catches up.
      if (!file.write(chunk)) {
        stream.pause();
        file.once('drain', () => stream.resume());
      }
    });
    stream.on('end', () => file.end(() => resolve(bytes)));
  });
}

/** Starts the inbound SMTP server; rejects with a line naming SMTP_INBOUND_PORT when it cannot listen. */
export async function startInboundServer(opts: InboundServerOptions): Promise<InboundServer> {
  const limits = { ...DEFAULT_SMTP_LIMITS, ...opts.limits };
  const inFlight = new Set<Promise<unknown>>();
  const perIp = new Map<string, number>();
  const counted = new Set<string>();
  // Per sender and per client address, across the deployment's nodes when a shared limiter is given.
  const limiter = opts.limiter ?? ((points: number, duration: number) => new RateLimiterMemory({ points, duration }));
  const bySender = limiter(limits.mailsPerSenderPerHour, 3600, 'smtp-sender');
  const byIp = limiter(limits.mailsPerIpPerHour, 3600, 'smtp-ip');
  const server = new SMTPServer({
    name: opts.supportEmail.split('@')[1] || 'frontdesk',
    banner: 'Frontdesk support mail',
    // No sign-in and no STARTTLS: meant for loopback or a trusted relay (see the README's Email section).
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    size: opts.maxBytes,
    disableReverseLookup: true,
    maxClients: limits.maxClients,
    socketTimeout: limits.socketTimeoutMs,
    closeTimeout: 3_000,
    logger: false,
    onConnect(session, callback) {
      const ip = session.remoteAddress;
      const open = perIp.get(ip) ?? 0;
      if (open >= limits.maxClientsPerIp) {
        opts.log.warn({ client: addressTag(ip), open }, 'SMTP connection refused: too many from one address');
        return callback(smtpError(421, '4.7.0 Too many connections from your address, try again later'));
      }
      perIp.set(ip, open + 1);
      counted.add(session.id);
      callback();
    },
    onClose(session) {
      if (!counted.delete(session.id)) return;
      const left = (perIp.get(session.remoteAddress) ?? 1) - 1;
      if (left > 0) perIp.set(session.remoteAddress, left);
      else perIp.delete(session.remoteAddress);
    },
    onMailFrom(address, session, callback) {
      const sender = address.address.toLowerCase().slice(0, 320) || '<>';
      Promise.all([bySender.consume(sender), byIp.consume(session.remoteAddress)]).then(
        () => callback(),
        () => {
          opts.log.warn({ sender: addressTag(sender), client: addressTag(session.remoteAddress) }, 'SMTP mail refused for now: too many this hour');
          callback(smtpError(450, '4.7.1 Too many messages, try again later'));
        },
      );
    },
    onRcptTo(address, _session, callback) {
      if (isSupportAddress(address.address, opts.supportEmail)) return callback();
      callback(smtpError(550, `5.1.1 <${address.address.slice(0, 320)}>: no such mailbox here; this server only accepts mail for ${opts.supportEmail}`));
    },
    onData(stream: SMTPServerDataStream, session: SMTPServerSession, callback) {
      const path = opts.spoolPath();
      const work = spool(stream, path, opts.maxBytes)
        .then(async (bytes) => {
          if (stream.sizeExceeded) {
            await rm(path, { force: true });
            opts.log.info({ bytes, limit: opts.maxBytes }, 'email refused: over the size limit');
            return callback(smtpError(552, `5.3.4 Message too big: the limit is ${Math.round(opts.maxBytes / (1024 * 1024))} MB`));
          }
          const mailFrom = session.envelope.mailFrom;
          const envelope: Envelope = {
            mailFrom: mailFrom ? mailFrom.address : null,
            rcptTo: session.envelope.rcptTo.map((r) => r.address),
            // SPF asks whether this address may send for the MAIL FROM (or HELO) domain.
            clientIp: session.remoteAddress,
            helo: session.hostNameAppearsAs?.slice(0, 255) || null,
          };
          callback(null, await opts.onMessage(path, envelope));
        })
        .catch(async (err: unknown) => {
          await rm(path, { force: true }).catch(() => undefined);
          opts.log.error({ err }, 'receiving an email failed; the sender is asked to try again later');
          callback(smtpError(451, '4.3.0 Temporary failure: please try again later'));
        });
      inFlight.add(work);
      void work.finally(() => inFlight.delete(work));
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
