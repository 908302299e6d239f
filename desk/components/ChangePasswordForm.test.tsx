import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DeskApi } from '../api';
import { SessionModel } from '../models/SessionModel';
import { json } from '../test/fixtures';
import { ChangePasswordForm } from './ChangePasswordForm';

const agent = { id: 'a1', email: 'admin@example.com', name: 'Admin', role: 'admin' };

describe('ChangePasswordForm', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('after signing in with the generated password, the desk asks for a new one and then opens', async () => {
    let changed = false;
    const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
      if (url === '/api/auth/login') return json(200, { ...agent, mustChangePassword: true });
      if (url === '/api/auth/password') {
        expect(JSON.parse(String(init?.body))).toEqual({ current: 'generated-pass', next: 'my-own-password' });
        changed = true;
        return new Response(null, { status: 204 });
      }
      return json(200, { ...agent, mustChangePassword: !changed });
    });
    vi.stubGlobal('fetch', fetchMock);
    const session = new SessionModel(new DeskApi());
    await session.login('admin@example.com', 'generated-pass');
    expect(session.status.value).toBe('must_change_password');

    render(<ChangePasswordForm session={session} />);
    fireEvent.input(screen.getByLabelText('Current password'), { target: { value: 'generated-pass' } });
    fireEvent.input(screen.getByLabelText('New password'), { target: { value: 'my-own-password' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save new password' }));
    await vi.waitFor(() => expect(session.status.value).toBe('signed_in'));
  });

  it('shows the server’s refusal', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => json(403, { error: { code: 'forbidden', message: 'The current password is wrong' } })));
    const session = new SessionModel(new DeskApi());
    render(<ChangePasswordForm session={session} />);
    fireEvent.input(screen.getByLabelText('Current password'), { target: { value: 'nope' } });
    fireEvent.input(screen.getByLabelText('New password'), { target: { value: 'my-own-password' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save new password' }));
    expect((await screen.findByRole('alert')).textContent).toBe('The current password is wrong');
  });
});
