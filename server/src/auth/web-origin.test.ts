import { describe, expect, it } from 'vitest';
import { bearerOf } from './auth.plugin';
import { handshakeAllowed, hostnameOf, isLoopbackHostname, webOriginPolicy } from './web-origin';

describe('the Host allowlist', () => {
  const loopback = webOriginPolicy('http://127.0.0.1:3000', [], () => undefined);
  const pub = webOriginPolicy('https://support.example.com', ['frontdesk.internal'], () => undefined);

  it('a loopback install answers loopback names on any port, and nothing else', () => {
    for (const host of ['127.0.0.1:3000', 'localhost:3000', 'LOCALHOST', '[::1]:3000', '127.1.2.3']) expect(loopback.hostAllowed(host), host).toBe(true);
    for (const host of ['attacker.example:3000', 'localhost.attacker.example', '127.0.0.1.nip.io', '0.0.0.0:3000', '', undefined, 'a b', 'localhost:3000/x']) {
      expect(loopback.hostAllowed(host), String(host)).toBe(false);
    }
  });

  it('a public install answers its own name and ALLOWED_HOSTS only', () => {
    expect(pub.hostAllowed('support.example.com')).toBe(true);
    expect(pub.hostAllowed('Support.Example.com:443')).toBe(true);
    expect(pub.hostAllowed('frontdesk.internal:8080')).toBe(true);
    expect(pub.hostAllowed('127.0.0.1:3000')).toBe(false);
    expect(pub.hostAllowed('evil.support.example.com')).toBe(false);
  });
});

describe('our own origins', () => {
  it('PUBLIC_URL’s origin, and on loopback its other loopback names on the same port and scheme', () => {
    const p = webOriginPolicy('http://127.0.0.1:3000', [], () => undefined);
    expect(p.originAllowed('http://127.0.0.1:3000')).toBe(true);
    expect(p.originAllowed('http://localhost:3000')).toBe(true);
    expect(p.originAllowed('http://localhost:3001')).toBe(false);
    expect(p.originAllowed('https://localhost:3000')).toBe(false);
    expect(p.originAllowed('null')).toBe(false);
    expect(p.originAllowed('http://127.0.0.1:3000/')).toBe(false);
  });

  it('uses the listening port when PUBLIC_URL names port 0 (tests)', () => {
    const p = webOriginPolicy('http://127.0.0.1:0', [], () => 45_123);
    expect(p.publicOrigin()).toBe('http://127.0.0.1:45123');
    expect(p.originAllowed('http://localhost:45123')).toBe(true);
  });

  it('a public install takes exactly its origin; sockets without Origin (not browsers) pass the Origin check', () => {
    const p = webOriginPolicy('https://support.example.com', [], () => undefined);
    expect(p.originAllowed('https://support.example.com')).toBe(true);
    expect(p.originAllowed('https://shop.example.com')).toBe(false);
    expect(p.originAllowed('http://support.example.com')).toBe(false);
    expect(handshakeAllowed(p, { host: 'support.example.com' })).toBe(true);
    expect(handshakeAllowed(p, { host: 'support.example.com', origin: 'https://shop.example.com' })).toBe(false);
    expect(handshakeAllowed(p, { host: 'other.example.com' })).toBe(false);
  });

  it('knows loopback names', () => {
    expect(['localhost', '127.0.0.1', '127.255.0.9', '[::1]'].every(isLoopbackHostname)).toBe(true);
    expect(['localhost.example', '128.0.0.1', '::2', '127.0.0'].some(isLoopbackHostname)).toBe(false);
  });
});

describe('the header regexes on adversarial input', () => {
  // Each runs on text an attacker writes; a backtracking pattern would take seconds on these.
  const adversarial = [' '.repeat(100_000), `Bearer ${'\t '.repeat(50_000)}x y`, `[${':'.repeat(100_000)}`, `${'a.'.repeat(50_000)}:99999x`, `Visitor ${' '.repeat(100_000)}`];
  it('answer in linear time (a quadratic pattern would take seconds on 100,000 characters)', () => {
    for (const text of adversarial) {
      const started = performance.now();
      hostnameOf(text);
      bearerOf(text);
      /^Visitor\s+(\S+)$/i.exec(text);
      expect(performance.now() - started, text.slice(0, 20)).toBeLessThan(500);
    }
  });
});
