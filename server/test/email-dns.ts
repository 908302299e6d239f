/**
 * DNS for the email tests, which have no internet: a resolver that answers from a fixed table of records (SPF,
 * DKIM keys, DMARC policies), and DKIM keys to sign test mail with, so mailauth's SPF, DKIM and DMARC checks run
 * for real against it.
 */
import { generateKeyPairSync } from 'node:crypto';
import { dkimSign } from 'mailauth/lib/dkim/sign';
import type { DnsResolver } from '../src/channels/email/sender-auth';

/** Records by name: TXT records as strings, A records as addresses; anything else does not exist. */
export type DnsTable = Record<string, { TXT?: string[]; A?: string[] }>;

function notFound(name: string): Error {
  return Object.assign(new Error(`queryTxt ENOTFOUND ${name}`), { code: 'ENOTFOUND' });
}

/** A resolver answering from `table` (names case-insensitively); anything else does not exist. Counts its look-ups. */
export function tableResolver(table: DnsTable): DnsResolver & { lookups: string[] } {
  const lookups: string[] = [];
  const byName = new Map(Object.entries(table).map(([k, v]) => [k.toLowerCase().replace(/\.$/, ''), v]));
  const resolve = async (name: string, rrtype: string) => {
    lookups.push(`${rrtype} ${name}`);
    const entry = byName.get(name.toLowerCase().replace(/\.$/, ''));
    if (rrtype === 'TXT' && entry?.TXT) return entry.TXT.map((t) => [t]);
    if (rrtype === 'A' && entry?.A) return entry.A;
    throw notFound(name);
  };
  return Object.assign(resolve, { lookups });
}

/** A resolver whose look-ups never answer: a box whose DNS server is gone. */
export const silentResolver: DnsResolver = () => new Promise(() => undefined);

/** A DKIM key pair: the private key to sign with and the TXT record that publishes the public one. */
export function dkimKey(): { privateKey: string; record: string } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const spki = publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
  return { privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), record: `v=DKIM1; k=rsa; p=${spki}` };
}

/** `raw` with a DKIM-Signature of `domain` (selector `selector`) prepended, as the sender's mail server adds it. */
export async function dkimSigned(raw: Buffer | string, key: { privateKey: string }, domain: string, selector = 'test'): Promise<Buffer> {
  // mailauth's code reads `signatureData` only; its types also require the flat form, which it ignores.
  const signature = { signingDomain: domain, selector, privateKey: key.privateKey };
  const signed = await dkimSign(raw, { ...signature, signatureData: [signature] });
  if (signed.errors.length) throw new Error(`DKIM signing failed: ${JSON.stringify(signed.errors)}`);
  return Buffer.concat([Buffer.from(signed.signatures), Buffer.from(raw)]);
}

/** The key gmail.com signs with in the default table (a real Gmail mail carries Gmail's DKIM signature). */
export const GMAIL_DKIM = dkimKey();

/**
 * What every email test server is told by default: Jane's company, contoso.example, sends its mail from the
 * test client's address (SPF), so her mail is authenticated as real mail from her domain would be; gmail.com
 * publishes a DKIM key (GMAIL_DKIM, selector `test`) and a DMARC policy, so a Gmail mail signed with it passes.
 * Other test domains publish nothing, so their senders are not verified.
 */
export const DEFAULT_TEST_DNS: DnsTable = {
  'contoso.example': { TXT: ['v=spf1 ip4:127.0.0.1 -all'] },
  'test._domainkey.gmail.com': { TXT: [GMAIL_DKIM.record] },
  '_dmarc.gmail.com': { TXT: ['v=DMARC1; p=none'] },
};
