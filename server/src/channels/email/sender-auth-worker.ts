/**
 * The sender check as the mail reader's worker threads run it (mail-worker.ts): mailauth's SPF, DKIM and DMARC
 * over the spooled mail, its look-ups through `resolver`. Apart from sender-auth.ts so that only the workers load
 * mailauth; the rule (what counts as authenticated) reads the same here as in `trustedResults`.
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { authenticate } from 'mailauth';
import { aligned, domainOf, unverified, type DnsResolver, type SenderCheck, type SenderJob } from './sender-auth';

/** Headers longer than this are not checked (a real header block is a few KB; mailauth reads it whole). */
const MAX_HEADER_BLOCK = 64 * 1024;

/** Whether the mail's header block ends within the first MAX_HEADER_BLOCK bytes (or the file is that small). */
async function headersAreBounded(path: string): Promise<boolean> {
  const file = await open(path, 'r');
  try {
    const buf = Buffer.alloc(MAX_HEADER_BLOCK);
    const { bytesRead } = await file.read(buf, 0, MAX_HEADER_BLOCK, 0);
    if (bytesRead < MAX_HEADER_BLOCK) return true;
    return buf.indexOf('\n\r\n') !== -1 || buf.indexOf('\n\n') !== -1;
  } finally {
    await file.close();
  }
}

/** The check itself, run in a worker thread (mail-worker.ts) with look-ups through `resolver`. */
export async function checkInWorker(job: SenderJob, resolver: DnsResolver): Promise<SenderCheck> {
  if (!(await headersAreBounded(job.path))) return unverified('headers too long to check');
  const ip = job.client.ip?.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '') ?? undefined;
  const result = await authenticate(createReadStream(job.path), {
    ip,
    helo: job.client.helo ?? undefined,
    sender: job.client.mailFrom ?? '',
    mta: job.mta,
    resolver,
    disableArc: true,
    disableBimi: true,
  });
  const headerFrom = result.dkim.headerFrom.map((a) => a.toLowerCase());
  // DMARC is about the From that mail programs show; it must be the one address our reader took as the sender.
  if (headerFrom.length !== 1 || headerFrom[0] !== job.fromAddress.toLowerCase()) return unverified('the From header is not one address');
  const fromDomain = domainOf(job.fromAddress);
  const dmarc = result.dmarc ? result.dmarc.status.result : 'none';
  const dkimPass = result.dkim.results.filter((r) => r.status.result === 'pass');
  const dkimAligned = dkimPass.some((r) => aligned(fromDomain, r.signingDomain));
  const spf = result.spf ? result.spf.status.result : 'none';
  const spfAligned = spf === 'pass' && aligned(fromDomain, result.spf ? result.spf.domain : null);
  const reason = `dmarc=${dmarc}, dkim=${dkimPass.length ? (dkimAligned ? 'pass' : 'pass (not aligned)') : (result.dkim.results[0]?.status.result ?? 'none')}, spf=${spf}${spf === 'pass' && !spfAligned ? ' (not aligned)' : ''}`;
  if (dmarc === 'pass') return { verified: true, by: 'dmarc', source: 'checked', reason };
  // A domain without a DMARC policy still vouches with an aligned DKIM signature or SPF pass; a failed or
  // unknown (temperror) DMARC result does not.
  if (dmarc === 'none' && dkimAligned) return { verified: true, by: 'dkim', source: 'checked', reason };
  if (dmarc === 'none' && spfAligned) return { verified: true, by: 'spf', source: 'checked', reason };
  return unverified(reason);
}
