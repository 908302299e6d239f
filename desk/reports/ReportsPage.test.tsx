import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import type { ChartConfiguration } from 'chart.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Report, ReportQuery } from '../../shared/reports';
import { ReportsPage } from './ReportsPage';

afterEach(cleanup);

const HOSTILE = '<img src=x onerror=alert(1)>';

function report(query: ReportQuery): Report {
  return {
    query,
    volume: { total: 4, byChannel: [{ channel: 'chat', count: 3 }, { channel: 'email', count: 1 }], byHourOfWeek: [{ weekday: 2, hour: 10, centre: 'uk', count: 2 }, { weekday: 2, hour: 20, centre: 'us', count: 1 }] },
    firstResponse: { count: 3, median: 30, p90: 120 },
    resolution: { count: 2, median: 120, p90: 210 },
    sla: { attainment: [{ priority: 'high', centre: 'uk', firstResponseMet: 1, firstResponseMissed: 1, resolutionMet: 2, resolutionMissed: 0 }], breachesByDay: [{ day: '2026-01-13', count: 1 }] },
    backlog: [{ age: 'under_1d', priority: 'high', count: 2 }],
    kai: { conversations: 5, answeredWithoutPerson: 2, handedOff: 2, handoffRate: 0.4, handoffReasons: [{ reason: 'button', count: 2 }], answers: 5, answersWithSources: 2 },
    csat: { responses: 1, average: 5, distribution: [1, 2, 3, 4, 5].map((rating) => ({ rating, count: rating === 5 ? 1 : 0 })), comments: [{ ticketNumber: 1001, rating: 5, comment: HOSTILE, createdAt: '2026-01-13T13:00:00Z' }] },
    agents: [{ agentId: 'a1', name: 'Alex', replies: 3, solves: 1, medianFirstResponse: 30 }],
  };
}

function setUp() {
  const load = vi.fn(async (q: ReportQuery) => report(q));
  const drawn: { label: string | null; config: ChartConfiguration }[] = [];
  const destroyed = vi.fn();
  const draw = vi.fn(async (canvas: HTMLCanvasElement, config: ChartConfiguration) => {
    drawn.push({ label: canvas.getAttribute('aria-label'), config });
    return { destroy: destroyed };
  });
  render(<ReportsPage load={load} draw={draw} now={Date.parse('2026-01-16T12:00:00Z')} />);
  return { load, drawn, destroyed };
}

describe('the reports page', () => {
  it('loads the last 30 days and mounts a chart for each figure, with its numbers in tables', async () => {
    const { load, drawn } = setUp();
    await screen.findByText('4 tickets received.');
    expect(load).toHaveBeenCalledWith({ from: '2025-12-18', to: '2026-01-16' });
    await waitFor(() => expect(drawn).toHaveLength(8));
    expect(drawn.map((d) => d.label)).toContain('Tickets by channel');
    expect(drawn.find((d) => d.label === 'Tickets by channel')?.config.data.datasets[0]?.data).toEqual([3, 1]);
    expect(screen.getAllByRole('img')).toHaveLength(8);
    const times = screen.getByRole('table', { name: 'Business minutes' });
    expect(within(times).getByText('120 min', { selector: 'td:nth-child(4)' })).toBeTruthy();
    expect(screen.getByRole('table', { name: /hour of the week/ })).toBeTruthy();
    expect(screen.getByText('50%')).toBeTruthy();
  });

  it('offers the same figures as CSV, for the range and filters shown', async () => {
    const { load } = setUp();
    await screen.findByText('4 tickets received.');
    fireEvent.change(screen.getByLabelText('Channel'), { target: { value: 'email' } });
    await waitFor(() => expect(load).toHaveBeenLastCalledWith({ from: '2025-12-18', to: '2026-01-16', channel: 'email' }));
    expect(screen.getByRole('link', { name: 'Download CSV' }).getAttribute('href')).toBe('/api/reports.csv?from=2025-12-18&to=2026-01-16&channel=email');
  });

  it('shows comments as text, never HTML', async () => {
    setUp();
    await screen.findByText(HOSTILE);
    expect(document.querySelector('img[src="x"]')).toBeNull();
  });

  it('says why when the figures cannot be loaded', async () => {
    render(<ReportsPage load={async () => Promise.reject(new Error('`from` must not be after `to`'))} draw={vi.fn()} />);
    expect((await screen.findByRole('alert')).textContent).toBe('`from` must not be after `to`');
  });
});
