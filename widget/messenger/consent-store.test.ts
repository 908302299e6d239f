import { describe, expect, it } from 'vitest';
import { ConsentStore } from './consent-store';
import { memoryStore } from './storage';

describe('ConsentStore', () => {
  it('keeps writes in memory until consent, then writes them through', () => {
    const real = memoryStore({ old: 'kept', gone: 'x' });
    const store = new ConsentStore(real);
    store.set('token', 't1');
    store.remove('gone');
    expect(store.get('token')).toBe('t1');
    expect(store.get('gone')).toBeNull();
    expect(store.get('old')).toBe('kept');
    expect([...real.data.keys()].sort()).toEqual(['gone', 'old']); // nothing written yet

    store.grant();
    expect(Object.fromEntries(real.data)).toEqual({ old: 'kept', token: 't1' });
    store.set('outbox', '[]');
    expect(real.data.get('outbox')).toBe('[]');
  });

  it('writes straight through when consent was never withheld', () => {
    const real = memoryStore();
    new ConsentStore(real, true).set('token', 't');
    expect(real.data.get('token')).toBe('t');
  });
});
