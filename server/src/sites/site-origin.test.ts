import { describe, expect, it } from 'vitest';
import { originPatternProblem } from '../../../shared/admin';
import { isOriginAllowed } from './site.repository';

describe('isOriginAllowed', () => {
  it('matches exact origins only', () => {
    expect(isOriginAllowed(['https://shop.example.com'], 'https://shop.example.com')).toBe(true);
    expect(isOriginAllowed(['https://shop.example.com'], 'http://shop.example.com')).toBe(false);
    expect(isOriginAllowed(['https://shop.example.com'], 'https://shop.example.com:8443')).toBe(false);
    expect(isOriginAllowed(['https://shop.example.com'], 'https://evilshop.example.com')).toBe(false);
  });

  it('lets a one-level wildcard match one label, not the bare domain nor deeper names', () => {
    const patterns = ['https://*.example.com'];
    expect(isOriginAllowed(patterns, 'https://a.example.com')).toBe(true);
    expect(isOriginAllowed(patterns, 'https://example.com')).toBe(false);
    expect(isOriginAllowed(patterns, 'https://a.b.example.com')).toBe(false);
    expect(isOriginAllowed(patterns, 'https://aexample.com')).toBe(false);
    expect(isOriginAllowed(patterns, 'http://a.example.com')).toBe(false);
    expect(isOriginAllowed(patterns, 'https://a.example.com:8443')).toBe(false);
    expect(isOriginAllowed(patterns, 'https://a.example.com.evil.net')).toBe(false);
    expect(isOriginAllowed(['https://*.example.com:8443'], 'https://a.example.com:8443')).toBe(true);
  });

  it('keeps the any-port form for local development', () => {
    expect(isOriginAllowed(['http://localhost:*'], 'http://localhost:5173')).toBe(true);
    expect(isOriginAllowed(['http://localhost:*'], 'http://localhost')).toBe(true);
    expect(isOriginAllowed(['http://localhost:*'], 'http://localhost.evil.net:80')).toBe(false);
  });

  it('refuses what is not an origin', () => {
    expect(isOriginAllowed(['https://*.example.com'], 'https://a.example.com/path')).toBe(false);
    expect(isOriginAllowed(['https://*.example.com'], 'not a url')).toBe(false);
  });
});

describe('originPatternProblem', () => {
  it('accepts the three forms', () => {
    for (const p of ['https://shop.example.com', 'http://localhost:3000', 'http://localhost:*', 'https://*.example.com', 'http://127.0.0.1:*']) {
      expect(originPatternProblem(p), p).toBeNull();
    }
  });

  it('names what is wrong with the rest', () => {
    expect(originPatternProblem('shop.example.com')).toMatch(/not an origin/);
    expect(originPatternProblem('https://shop.example.com/path')).toMatch(/not an origin/);
    expect(originPatternProblem('https://*.com')).toMatch(/wildcard needs a domain/);
    expect(originPatternProblem('https://a.*.example.com')).toMatch(/not an origin/);
    expect(originPatternProblem('https://*')).toMatch(/not an origin|wildcard/);
    expect(originPatternProblem('https://shop.example.com:99999')).toMatch(/port/);
    expect(originPatternProblem("https://x.com 'unsafe-inline'")).toMatch(/not an origin/);
  });
});
