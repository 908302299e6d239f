import { cleanup, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { MessageCard } from '../../../shared/protocol';
import { Translator } from '../../i18n/i18n';
import { message } from '../test-support/fake-socket';
import { MessageLog } from './MessageLog';
import { RemoteSessionCard, formatStart, joinHref } from './RemoteSessionCard';

const ZOOM: MessageCard = {
  type: 'remote_session',
  tool: 'zoom',
  toolName: 'Zoom',
  url: 'https://zoom.us/j/123456789',
  startsAt: '2026-01-14T15:00:00.000Z',
  note: 'Have the error message ready',
};

/** The log with one card message, once the card's chunk has loaded (it is imported on first use). */
async function renderLog(card: MessageCard, body = 'Alex invited you to a Zoom session: https://zoom.us/j/123456789 (Wed 14 Jan, 15:00 UTC)') {
  const rendered = render(
    <MessageLog
      messages={[message({ seq: 1, author: { kind: 'agent', name: 'Alex' }, body, card })]}
      outbox={[]}
      streams={[]}
      greeting={null}
      agentName="Kai"
      typing={[]}
      connected
      onEdit={() => {}}
    />,
  );
  if (card.type === 'remote_session') await screen.findByRole('group');
  return rendered;
}

afterEach(cleanup);

describe('remote-session card in the messenger', () => {
  it('shows the tool, the start in the browser zone, the note and a Join link that opens a new tab', async () => {
    const { container } = await renderLog(ZOOM);
    const card = screen.getByRole('group', { name: 'Zoom invitation' });
    expect(within(card).getByText('Zoom')).toBeTruthy();
    expect(within(card).getByText('Have the error message ready')).toBeTruthy();
    const time = card.querySelector('time');
    expect(time?.getAttribute('datetime')).toBe(ZOOM.startsAt);
    // The browser's own zone and locale (no zone given), with the zone's name.
    const expected = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' }).format(Date.parse(ZOOM.startsAt!));
    expect(time?.textContent).toBe(expected);
    const join = within(card).getByRole('link', { name: 'Join' });
    expect(join.getAttribute('href')).toBe('https://zoom.us/j/123456789');
    expect(join.getAttribute('target')).toBe('_blank');
    expect(join.getAttribute('rel')).toBe('noopener noreferrer');
    // The card stands in for the text body (which is for email and transcripts, in UTC).
    expect(container.textContent).not.toContain('15:00 UTC');
    expect(screen.getByRole('log').textContent).toContain('Alex');
  });

  it("formats the start in the visitor's own zone", () => {
    const text = formatStart(new Translator('en'), '2026-01-14T15:00:00.000Z', 'America/New_York');
    expect(text).toMatch(/10:00/);
    expect(text).toMatch(/EST|GMT-5/);
    expect(formatStart(new Translator('en'), '2026-07-14T15:00:00.000Z', 'America/New_York')).toMatch(/11:00/);
    render(<RemoteSessionCard card={ZOOM} timeZone="Asia/Tokyo" />);
    expect(screen.getByText(/00:00|12:00/).tagName).toBe('TIME');
  });

  it('says "now" when there is no start time', async () => {
    await renderLog({ ...ZOOM, startsAt: null, note: null });
    const card = screen.getByRole('group', { name: 'Zoom invitation' });
    expect(within(card).getByText('Starts now')).toBeTruthy();
    expect(card.querySelector('time')).toBeNull();
  });

  it.each(['javascript:alert(1)', ' javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html,<script>alert(1)</script>', 'http://zoom.us/j/1', '//evil.example/x'])(
    'gives a hostile or non-https link (%s) no href',
    async (url) => {
      const { container } = await renderLog({ ...ZOOM, url });
      expect(screen.queryByRole('link', { name: 'Join' })).toBeNull();
      expect(container.querySelector('a')).toBeNull();
      expect(container.querySelector('[href]')).toBeNull();
      expect(screen.getByText('The meeting link can’t be opened from here.')).toBeTruthy();
    },
  );

  it('renders hostile tool names and notes as text', async () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const { container } = await renderLog({ ...ZOOM, toolName: hostile, note: '<script>alert(1)</script>' });
    expect(container.querySelector('img, script')).toBeNull();
    expect(screen.getByText(hostile)).toBeTruthy();
    expect(screen.getByText('<script>alert(1)</script>')).toBeTruthy();
  });

  it('falls back to the text for a card kind it does not know', async () => {
    // Safe: a card from a newer server, typed loosely on purpose.
    const unknown = { ...ZOOM, type: 'poll' } as unknown as MessageCard;
    await renderLog(unknown, 'Please answer the poll');
    expect(screen.getByText('Please answer the poll')).toBeTruthy();
    expect(screen.queryByRole('group')).toBeNull();
  });

  it('joinHref accepts https only', () => {
    expect(joinHref('https://meet.google.com/abc')).toBe('https://meet.google.com/abc');
    expect(joinHref('javascript:alert(1)')).toBeNull();
    expect(joinHref('http://x.example')).toBeNull();
  });
});
