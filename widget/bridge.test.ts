import { describe, expect, it } from 'vitest';
import { envelope, parseLoaderMessage, parseMessengerMessage, readAttributes } from './bridge';
import { safeColor, textColorOn } from './color';

describe('bridge', () => {
  it('wraps messages with the frontdesk source', () => {
    expect(envelope({ type: 'open' })).toEqual({ source: 'frontdesk', type: 'open' });
  });

  it('reads well-formed loader messages and nothing else', () => {
    expect(parseLoaderMessage(envelope({ type: 'open' }))).toEqual({ type: 'open' });
    expect(parseLoaderMessage(envelope({ type: 'prefill', text: 'hi' }))).toEqual({ type: 'prefill', text: 'hi' });
    expect(parseLoaderMessage(envelope({ type: 'boot', user: { id: 'u1', name: 'Ada' }, timeZone: 'Europe/London' }))).toEqual({
      type: 'boot',
      user: { id: 'u1', name: 'Ada' },
      timeZone: 'Europe/London',
    });
    expect(parseLoaderMessage({ type: 'open' })).toBeNull(); // not ours
    expect(parseLoaderMessage({ source: 'other', type: 'open' })).toBeNull();
    expect(parseLoaderMessage(envelope({ type: 'prefill', text: 3 }))).toBeNull();
    expect(parseLoaderMessage(envelope({ type: 'boot', user: { id: 7 } }))).toBeNull();
    expect(parseLoaderMessage(envelope({ type: 'boot', user: { id: 'u', email: {} } }))).toBeNull();
    expect(parseLoaderMessage(envelope({ type: 'unread', count: 1 }))).toBeNull(); // wrong direction
    expect(parseLoaderMessage('frontdesk')).toBeNull();
    expect(parseLoaderMessage(null)).toBeNull();
  });

  it('reads well-formed messenger messages and nothing else', () => {
    expect(parseMessengerMessage(envelope({ type: 'ready' }))).toEqual({ type: 'ready' });
    expect(parseMessengerMessage(envelope({ type: 'unread', count: 2 }))).toEqual({ type: 'unread', count: 2 });
    expect(parseMessengerMessage(envelope({ type: 'unread', count: -1 }))).toBeNull();
    expect(parseMessengerMessage(envelope({ type: 'unread', count: '2' }))).toBeNull();
    expect(parseMessengerMessage(envelope({ type: 'ticket:created', ticket: null }))).toBeNull();
    expect(parseMessengerMessage(envelope({ type: 'boot' }))).toBeNull(); // wrong direction
  });
});

describe('boot attributes', () => {
  it('keep at most 30 plain values with short keys, and nothing else', () => {
    const many = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`k${i}`, i]));
    expect(Object.keys(readAttributes(many)!)).toHaveLength(30);
    expect(readAttributes({ plan: 'pro', seats: 3, trial: true, nan: Number.NaN, fn: () => 1, obj: {}, list: [1], long: 'x'.repeat(501), ['k'.repeat(61)]: 'v' })).toEqual({ plan: 'pro', seats: 3, trial: true });
    expect(readAttributes(['a'])).toBeUndefined();
    expect(readAttributes({ fn: () => 1 })).toBeUndefined();
    expect(readAttributes('plan=pro')).toBeUndefined();
  });

  it('travel with the page address, title and referrer in a boot message; over-long ones are left out', () => {
    const boot = parseLoaderMessage({ source: 'frontdesk', type: 'boot', url: 'https://shop.example/a', title: 'T'.repeat(301), referrer: 'https://www.google.com/', attributes: { plan: 'pro' } });
    expect(boot).toEqual({ type: 'boot', url: 'https://shop.example/a', referrer: 'https://www.google.com/', attributes: { plan: 'pro' } });
  });
});

describe('colour', () => {
  it('accepts plain hex colours only', () => {
    expect(safeColor('#0f766e')).toBe('#0f766e');
    expect(safeColor('#abc')).toBe('#abc');
    expect(safeColor('red')).toBe('#4f46e5');
    expect(safeColor('#fff;background:url(x)')).toBe('#4f46e5');
    expect(safeColor(undefined)).toBe('#4f46e5');
  });

  it('picks a readable text colour', () => {
    expect(textColorOn('#4f46e5')).toBe('#fff');
    expect(textColorOn('#ffcc00')).toBe('#000');
    expect(textColorOn('#fff')).toBe('#000');
    expect(textColorOn('#000')).toBe('#fff');
  });
});
