import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { detail } from '../test/fixtures';
import { UnverifiedSender } from './UnverifiedSender';

afterEach(cleanup);

describe('an email ticket from an unauthenticated sender', () => {
  it('warns the agent; a verified sender and other channels show nothing', () => {
    const { unmount } = render(<UnverifiedSender ticket={detail({ channel: 'email', senderVerified: false })} />);
    expect(screen.getByRole('note').textContent).toContain('Unverified sender');
    unmount();
    for (const senderVerified of [true, null, undefined]) {
      const view = render(<UnverifiedSender ticket={detail({ channel: 'email', ...(senderVerified === undefined ? {} : { senderVerified }) })} />);
      expect(screen.queryByRole('note')).toBeNull();
      view.unmount();
    }
  });
});
