import { signal } from '@preact/signals';
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { summary } from '../test/fixtures';
import { QueueRow } from './QueueRow';

afterEach(cleanup);

describe('a withdrawn ticket in the queue', () => {
  it('is marked Withdrawn; a standing one is not', () => {
    const now = signal(Date.parse('2025-03-03T10:00:00Z'));
    render(
      <ul>
        <QueueRow ticket={summary({ id: 'w1', subject: 'Withdrawn request', status: 'closed', requester: { name: null, email: null, timeZone: null }, withdrawnAt: '2025-03-03T09:30:00.000Z' })} now={now} selected={false} fresh={false} />
        <QueueRow ticket={summary({ id: 's1', subject: 'Printer' })} now={now} selected={false} fresh={false} />
      </ul>,
    );
    const [withdrawn, standing] = screen.getAllByRole('listitem');
    expect(withdrawn!.textContent).toContain('Withdrawn request');
    expect(withdrawn!.querySelector('.badge--withdrawn')?.textContent).toBe('Withdrawn');
    expect(standing!.querySelector('.badge--withdrawn')).toBeNull();
  });
});
