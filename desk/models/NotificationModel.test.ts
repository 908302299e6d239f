import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_NOTIFICATION_PREFERENCES } from '../../shared/team';
import { NotificationModel, type NotificationHost } from './NotificationModel';

function host(attending = false): NotificationHost & { titles: string[]; beeps: number; shown: string[] } {
  const h = {
    baseTitle: 'Frontdesk',
    titles: [] as string[],
    beeps: 0,
    shown: [] as string[],
    setTitle: (t: string) => void h.titles.push(t),
    isAttending: () => attending,
    beep: () => void h.beeps++,
    showDesktop: (text: string) => void h.shown.push(text),
    permission: () => 'granted' as const,
    requestPermission: async () => 'granted' as const,
  };
  return h;
}

const api = { load: async () => DEFAULT_NOTIFICATION_PREFERENCES, save: async (p: typeof DEFAULT_NOTIFICATION_PREFERENCES) => p };

describe('NotificationModel', () => {
  it('counts notices in the title, beeps and shows them on the desktop while the agent looks elsewhere', () => {
    const h = host();
    const model = new NotificationModel(h, api, vi.fn());
    model.notify({ kind: 'assigned', ticketId: 't1', text: '#1042 was assigned to you' });
    model.notify({ kind: 'handoff', ticketId: 't2', text: 'New chat #1043' });
    expect(h.titles).toEqual(['(1) Frontdesk', '(2) Frontdesk']);
    expect(h.beeps).toBe(2);
    expect(h.shown).toEqual(['#1042 was assigned to you', 'New chat #1043']);
    model.seen();
    expect(h.titles.at(-1)).toBe('Frontdesk');
    expect(model.unseen.value).toBe(0);
  });

  it('follows the preferences and stays quiet while the agent is on the desk', async () => {
    const h = host();
    const saved = vi.fn(async (p: typeof DEFAULT_NOTIFICATION_PREFERENCES) => p);
    const model = new NotificationModel(h, { ...api, save: saved }, vi.fn());
    await model.setPreference('handoffs', false);
    await model.setPreference('sound', false);
    expect(saved).toHaveBeenLastCalledWith(expect.objectContaining({ handoffs: false, sound: false }));
    model.notify({ kind: 'handoff', ticketId: 't2', text: 'New chat' });
    model.notify({ kind: 'reply', ticketId: 't3', text: 'Ada replied' });
    expect(h.shown).toEqual(['Ada replied']);
    expect(h.beeps).toBe(0);
    const attending = host(true);
    new NotificationModel(attending, api, vi.fn()).notify({ kind: 'sla', ticketId: 't', text: 'x' });
    expect(attending.titles).toEqual([]);
  });
});
