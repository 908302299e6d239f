import { describe, expect, it } from 'vitest';
import { aligned, boundedResolver, parseAuthenticationResults, trustedResults } from './sender-auth';
import { headerList } from './mail-text';

const ar = (...values: string[]) => headerList(values.map((v) => ({ key: 'Authentication-Results', line: `Authentication-Results: ${v}` })));

describe('aligned', () => {
  it('is the same domain or one a subdomain of the other, never a look-alike', () => {
    expect(aligned('fabrikam.example', 'fabrikam.example')).toBe(true);
    expect(aligned('fabrikam.example', 'mail.fabrikam.example')).toBe(true);
    expect(aligned('eu.fabrikam.example', 'fabrikam.example.')).toBe(true);
    expect(aligned('fabrikam.example', 'evilfabrikam.example')).toBe(false);
    expect(aligned('fabrikam.example', 'fabrikam.example.evil.test')).toBe(false);
    expect(aligned('fabrikam.example', null)).toBe(false);
  });
});

describe('Authentication-Results', () => {
  it('parses the authserv-id and each result, comments removed', () => {
    const parsed = parseAuthenticationResults('MX.Example.COM 1; dkim=pass (good (nested) signature) header.d=Fabrikam.example header.s=s1; spf=fail smtp.mailfrom=x@evil.example; dmarc=pass header.from="fabrikam.example"');
    expect(parsed.authservId).toBe('mx.example.com');
    expect(parsed.results.map((r) => [r.method, r.result])).toEqual([['dkim', 'pass'], ['spf', 'fail'], ['dmarc', 'pass']]);
    expect(parsed.results[0]!.props.get('header.d')).toBe('fabrikam.example');
    expect(parsed.results[2]!.props.get('header.from')).toBe('fabrikam.example');
  });

  it('trusts only the topmost header of the trusted authserv-id, and a DMARC pass only for this From domain', () => {
    expect(trustedResults(ar('mx.test; dmarc=pass header.from=fabrikam.example'), 'mx.test', 'ada@fabrikam.example')).toMatchObject({ verified: true, by: 'dmarc', source: 'mx' });
    expect(trustedResults(ar('mx.test; dmarc=fail header.from=fabrikam.example', 'mx.test; dmarc=pass header.from=fabrikam.example'), 'mx.test', 'ada@fabrikam.example').verified).toBe(false);
    expect(trustedResults(ar('mx.evil; dmarc=pass header.from=fabrikam.example'), 'mx.test', 'ada@fabrikam.example')).toMatchObject({ verified: false, reason: 'no Authentication-Results from the trusted authserv-id' });
    expect(trustedResults(ar('mx.test; dmarc=pass header.from=evil.example'), 'mx.test', 'ada@fabrikam.example').verified).toBe(false);
    // Without DMARC, an aligned DKIM or SPF pass vouches; an unaligned one does not.
    expect(trustedResults(ar('mx.test; dkim=pass header.d=mail.fabrikam.example; dmarc=none'), 'mx.test', 'ada@fabrikam.example')).toMatchObject({ verified: true, by: 'dkim' });
    expect(trustedResults(ar('mx.test; spf=pass smtp.mailfrom=bounce@fabrikam.example'), 'mx.test', 'ada@fabrikam.example')).toMatchObject({ verified: true, by: 'spf' });
    expect(trustedResults(ar('mx.test; dkim=pass header.d=evil.example; spf=pass smtp.mailfrom=m@evil.example'), 'mx.test', 'ada@fabrikam.example').verified).toBe(false);
    // A DMARC fail stands, whatever else passed.
    expect(trustedResults(ar('mx.test; dkim=pass header.d=fabrikam.example; dmarc=fail'), 'mx.test', 'ada@fabrikam.example').verified).toBe(false);
  });
});

describe('boundedResolver', () => {
  it('gives up at the deadline and starts nothing after it', async () => {
    const never = () => new Promise<string[]>(() => undefined);
    const started = Date.now();
    await expect(boundedResolver(never, started + 50)('x.example', 'TXT')).rejects.toMatchObject({ code: 'ETIMEOUT' });
    expect(Date.now() - started).toBeLessThan(1_000);
    let asked = 0;
    const counting = async () => {
      asked++;
      return [['v=spf1 -all']];
    };
    await expect(boundedResolver(counting, Date.now() - 1)('x.example', 'TXT')).rejects.toMatchObject({ code: 'ETIMEOUT' });
    expect(asked).toBe(0);
  });
});
