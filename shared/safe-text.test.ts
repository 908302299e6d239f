import { describe, expect, it } from 'vitest';
import { escapeHtml, safeHref } from './safe-text';

describe('safeHref', () => {
  it('keeps http(s) URLs and site-relative paths', () => {
    expect(safeHref('https://example.com/a?b=1#c')).toBe('https://example.com/a?b=1#c');
    expect(safeHref('HTTP://Example.com')).toBe('http://example.com/');
    expect(safeHref('/help/reset-password')).toBe('/help/reset-password');
    expect(safeHref('  /help  ')).toBe('/help');
  });

  it('gives no link for scripts, data, other schemes, protocol-relative and malformed URLs', () => {
    for (const url of [
      'javascript:alert(1)',
      ' JaVaScRiPt:alert(1)',
      'java\tscript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      'file:///etc/passwd',
      '//evil.example/x',
      'mailto:a@example.com',
      '#top',
      'not a url',
      '',
      null,
      undefined,
    ]) {
      expect(safeHref(url), String(url)).toBeNull();
    }
  });

  it('accepts mailto: and #fragments only when asked', () => {
    expect(safeHref('mailto:help@example.com', { mail: true })).toBe('mailto:help@example.com');
    expect(safeHref('#steps', { fragment: true })).toBe('#steps');
    expect(safeHref('javascript:alert(1)', { mail: true, fragment: true })).toBeNull();
  });
});

describe('escapeHtml', () => {
  it('escapes the five characters that matter in content and quoted attributes', () => {
    expect(escapeHtml(`<img src=x onerror="alert('1')">&`)).toBe('&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt;&amp;');
    expect(escapeHtml('plain text')).toBe('plain text');
  });
});
