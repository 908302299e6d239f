import { describe, expect, it } from 'vitest';
import { envelope, parseLoaderMessage, parseMessengerMessage } from './bridge';
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
