import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { TicketReachPanel } from './TicketReachPanel';
import { ReplyDeliveryBadge, deliveryText } from './ReplyDeliveryBadge';

afterEach(cleanup);

describe('how replies reached the customer', () => {
  it('names each state', () => {
    expect(deliveryText({ state: 'seen', at: '2026-01-13T10:00:00Z' })).toBe('Seen live');
    expect(deliveryText({ state: 'mailed', at: null })).toBe('Mailed');
    expect(deliveryText({ state: 'sending', at: '2026-01-13T10:00:00Z' })).toBe('Mailing…');
    expect(deliveryText({ state: 'failed', at: '2026-01-13T10:00:00Z', error: 'ECONNREFUSED' })).toBe('Mail failed, retrying');
    expect(deliveryText({ state: 'waiting', at: null })).toBe('Waiting to be seen');
    expect(deliveryText({ state: 'unreachable', at: '2026-01-13T10:00:00Z' })).toBe('Not seen; no confirmed email');
    render(<ReplyDeliveryBadge delivery={{ state: 'failed', at: '2026-01-13T10:00:00Z', error: 'ECONNREFUSED' }} />);
    expect(screen.getByText('Mail failed, retrying').getAttribute('title')).toBe('ECONNREFUSED');
  });
});

describe('TicketReachPanel', () => {
  it('shows the CSAT answer as text, and the transcript download and print', () => {
    render(<TicketReachPanel ticketId="t 1" reach={{ deliveries: {}, csat: { askedAt: '2026-01-13T10:00:00Z', answer: { rating: 4, comment: '<img src=x onerror=alert(1)>', answeredVia: 'email', createdAt: '2026-01-13T11:00:00Z' } } }} />);
    const panel = screen.getByRole('region', { name: 'Satisfaction and transcript' });
    expect(panel.textContent).toContain('Rated 4 of 5');
    expect(panel.textContent).toContain('by email');
    expect(screen.getByText('<img src=x onerror=alert(1)>')).toBeTruthy();
    expect(panel.querySelector('img')).toBeNull();
    expect(screen.getByRole('link', { name: 'Download transcript' }).getAttribute('href')).toBe('/api/tickets/t%201/transcript.txt');
    expect(screen.getByRole('button', { name: 'Print' })).toBeTruthy();
  });

  it('says when the customer was asked and has not answered', () => {
    render(<TicketReachPanel ticketId="t1" reach={{ deliveries: {}, csat: { askedAt: '2026-01-13T10:00:00Z', answer: null } }} />);
    expect(screen.getByText(/no answer yet/)).toBeTruthy();
  });
});
