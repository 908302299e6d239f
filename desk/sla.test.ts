import { describe, expect, it } from 'vitest';
import type { SlaAlert } from '../shared/protocol';
import { queueDueTime, runningDeadline, slaLevel, slaNoticeText } from './sla';
import { summary } from './test/fixtures';

const NOW = Date.parse('2025-03-03T12:00:00Z');
const at = (minutes: number) => new Date(NOW + minutes * 60_000).toISOString();

describe('runningDeadline', () => {
  it('is the first response until it is answered', () => {
    const t = summary({ firstResponseDueAt: at(42), resolutionDueAt: at(600) });
    expect(runningDeadline(t)).toEqual({ kind: 'running', clock: 'first_response', dueAt: at(42) });
  });

  it('is the next response or the resolution once answered, as nextDueAt says', () => {
    const answered = { firstResponseDueAt: at(-60), firstRespondedAt: at(-90), resolutionDueAt: at(600) };
    expect(runningDeadline(summary({ ...answered, nextDueAt: at(600) }))).toEqual({ kind: 'running', clock: 'resolution', dueAt: at(600) });
    expect(runningDeadline(summary({ ...answered, nextResponseDueAt: at(30), nextDueAt: at(30) }))).toEqual({ kind: 'running', clock: 'next_response', dueAt: at(30) });
    // Without nextDueAt (an older server): first response, then next response, then resolution.
    expect(runningDeadline(summary({ ...answered, nextResponseDueAt: at(30), nextDueAt: null }))).toMatchObject({ clock: 'next_response' });
    expect(runningDeadline(summary({ ...answered, nextDueAt: null }))).toMatchObject({ clock: 'resolution' });
  });

  it('compares instants, not strings (the server may write milliseconds)', () => {
    const t = summary({ firstResponseDueAt: '2025-03-03T12:42:00Z', firstRespondedAt: '2025-03-03T11:00:00Z', nextResponseDueAt: '2025-03-03T13:00:00Z', nextDueAt: '2025-03-03T13:00:00.000Z' });
    const running = runningDeadline(t);
    expect(running).toMatchObject({ clock: 'next_response' });
    expect(running.kind === 'running' && Date.parse(running.dueAt)).toBe(Date.parse('2025-03-03T13:00:00.000Z'));
  });

  it('is paused while slaPausedAt is set, and none once solved or closed', () => {
    expect(runningDeadline(summary({ status: 'pending', nextDueAt: null, slaPausedAt: at(-5) }))).toEqual({ kind: 'paused', since: at(-5) });
    expect(runningDeadline(summary({ status: 'solved', nextDueAt: null, slaPausedAt: at(-5) }))).toEqual({ kind: 'none' });
    expect(runningDeadline(summary({ status: 'closed', nextDueAt: null }))).toEqual({ kind: 'none' });
    expect(runningDeadline(summary({ firstResponseDueAt: null, resolutionDueAt: null, nextDueAt: null }))).toEqual({ kind: 'none' });
  });
});

describe('slaLevel', () => {
  it('is Breached once the running deadline passed and Due soon within 15 minutes', () => {
    expect(slaLevel(summary({ firstResponseDueAt: at(-1) }), NOW)).toBe('breached');
    expect(slaLevel(summary({ firstResponseDueAt: at(0) }), NOW)).toBe('breached');
    expect(slaLevel(summary({ firstResponseDueAt: at(15) }), NOW)).toBe('due_soon');
    expect(slaLevel(summary({ firstResponseDueAt: at(16) }), NOW)).toBeNull();
    // Answered: the passed first-response deadline no longer counts; the resolution is far.
    expect(slaLevel(summary({ firstResponseDueAt: at(-30), firstRespondedAt: at(-40), nextDueAt: at(600) }), NOW)).toBeNull();
    expect(slaLevel(summary({ status: 'pending', firstResponseDueAt: at(-30), nextDueAt: null, slaPausedAt: at(-60) }), NOW)).toBeNull();
  });

  it('follows the server’s alert for the same deadline (its clock decides), and ignores one for another', () => {
    const t = summary({ firstResponseDueAt: at(120) });
    const alert = (kind: SlaAlert['kind'], dueAt: string): SlaAlert => ({ ticketId: t.id, number: t.number, centre: t.centre, kind, clock: 'first_response', dueAt });
    expect(slaLevel(t, NOW, alert('warning', at(120)))).toBe('due_soon');
    expect(slaLevel(t, NOW, alert('breach', at(120)))).toBe('breached');
    expect(slaLevel(t, NOW, alert('breach', at(60)))).toBeNull();
    // A warning never hides what the deadline itself says.
    expect(slaLevel(summary({ firstResponseDueAt: at(-1) }), NOW, { ...alert('warning', at(-1)) })).toBe('breached');
  });
});

describe('queueDueTime and slaNoticeText', () => {
  it('orders by nextDueAt with nulls last', () => {
    expect(queueDueTime(summary({ nextDueAt: at(5) }))).toBe(NOW + 5 * 60_000);
    expect(queueDueTime(summary({ nextDueAt: null }))).toBe(Number.POSITIVE_INFINITY);
  });

  it('says which ticket and which deadline', () => {
    expect(slaNoticeText({ ticketId: 'a', number: 1, centre: 'uk', kind: 'breach', clock: 'first_response', dueAt: at(0) }, 1042)).toBe('#1042 breached its first-response deadline');
    expect(slaNoticeText({ ticketId: 'a', number: 1, centre: 'uk', kind: 'warning', clock: 'resolution', dueAt: at(0) }, 7)).toBe('#7 is near its resolution deadline');
    expect(slaNoticeText({ ticketId: 'a', number: 1, centre: 'uk', kind: 'breach', clock: 'next_response', dueAt: at(0) }, null)).toBe('A ticket breached its next-response deadline');
  });
});
