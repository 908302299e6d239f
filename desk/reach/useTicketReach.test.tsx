import { type Signal, signal } from '@preact/signals';
import { act, cleanup, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { TicketReach, TicketReachChange } from '../../shared/reach';
import { asFetch, json } from '../test/fixtures';
import { useTicketReach } from './useTicketReach';

afterEach(cleanup);

const READ: TicketReach = { deliveries: { r1: { state: 'waiting', at: '2026-01-13T10:05:00Z' } }, csat: { askedAt: null, answer: null } };

function Probe({ ticketId, pushed, fetchFn }: { ticketId: string; pushed: Signal<TicketReachChange | null>; fetchFn: typeof fetch }) {
  const reach = useTicketReach(ticketId, pushed, fetchFn);
  return <pre data-testid="reach">{JSON.stringify(reach)}</pre>;
}

const shown = () => JSON.parse(screen.getByTestId('reach').textContent ?? 'null') as TicketReach | null;

describe('useTicketReach', () => {
  it('reads once when the ticket opens, then follows what the desk socket pushes, without polling', async () => {
    const reads: string[] = [];
    const fetchFn = asFetch(async (path) => {
      reads.push(path);
      return json(200, READ);
    });
    const pushed = signal<TicketReachChange | null>(null);
    render(<Probe ticketId="t1" pushed={pushed} fetchFn={fetchFn} />);
    await waitFor(() => expect(shown()).toEqual(READ));

    act(() => {
      pushed.value = { ticketId: 't1', deliveries: { r1: { state: 'seen', at: '2026-01-13T10:01:00Z' } } };
    });
    expect(shown()?.deliveries['r1']).toEqual({ state: 'seen', at: '2026-01-13T10:01:00Z' });
    act(() => {
      pushed.value = { ticketId: 't1', deliveries: { r2: { state: 'sending', at: '2026-01-13T10:02:00Z' } }, csat: { askedAt: '2026-01-13T10:03:00Z', answer: null } };
    });
    expect(shown()).toEqual({
      deliveries: { r1: { state: 'seen', at: '2026-01-13T10:01:00Z' }, r2: { state: 'sending', at: '2026-01-13T10:02:00Z' } },
      csat: { askedAt: '2026-01-13T10:03:00Z', answer: null },
    });
    // Another ticket's change is not this one's.
    act(() => {
      pushed.value = { ticketId: 't2', deliveries: { x: { state: 'seen', at: '2026-01-13T10:04:00Z' } } };
    });
    expect(shown()?.deliveries['x']).toBeUndefined();
    expect(reads).toEqual(['/api/tickets/t1/reach']);
  });

  it('keeps what was pushed while the first read was on its way', async () => {
    let answer: (r: Response) => void = () => undefined;
    const fetchFn = asFetch(() => new Promise<Response>((resolve) => (answer = resolve)));
    const pushed = signal<TicketReachChange | null>(null);
    render(<Probe ticketId="t1" pushed={pushed} fetchFn={fetchFn} />);
    act(() => {
      pushed.value = { ticketId: 't1', deliveries: { r1: { state: 'seen', at: '2026-01-13T10:06:00Z' } } };
    });
    await act(async () => answer(new Response(JSON.stringify(READ), { status: 200, headers: { 'content-type': 'application/json' } })));
    await waitFor(() => expect(shown()?.csat).toEqual(READ.csat));
    expect(shown()?.deliveries['r1']).toEqual({ state: 'seen', at: '2026-01-13T10:06:00Z' });
  });
});
