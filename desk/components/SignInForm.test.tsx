import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DeskApi } from '../api';
import { SessionModel } from '../models/SessionModel';
import { json } from '../test/fixtures';
import { SignInForm } from './SignInForm';

function fill(email: string, password: string) {
  fireEvent.input(screen.getByLabelText('Email'), { target: { value: email } });
  fireEvent.input(screen.getByLabelText('Password'), { target: { value: password } });
  fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
}

describe('SignInForm', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('shows the error when the server answers 401', async () => {
    const fetchMock = vi.fn(async () => json(401, { error: { code: 'unauthorized', message: 'Invalid credentials' } }));
    vi.stubGlobal('fetch', fetchMock);
    const session = new SessionModel(new DeskApi());
    render(<SignInForm session={session} />);
    fill('grace@example.com', 'wrong');
    expect((await screen.findByRole('alert')).textContent).toBe('Wrong email or password.');
    expect(fetchMock).toHaveBeenCalledWith('/api/auth/login', expect.objectContaining({ method: 'POST', credentials: 'same-origin' }));
    expect((screen.getByLabelText('Password') as HTMLInputElement).value).toBe('');
  });

  it('signs in with the typed credentials', async () => {
    const fetchMock = vi.fn(async () => json(200, { id: 'a1', email: 'grace@example.com', name: 'Grace', role: 'agent' }));
    vi.stubGlobal('fetch', fetchMock);
    const session = new SessionModel(new DeskApi());
    render(<SignInForm session={session} />);
    fill(' grace@example.com ', 'secret');
    await vi.waitFor(() => expect(session.status.value).toBe('signed_in'));
    const init = (fetchMock.mock.calls[0] as unknown[] | undefined)?.[1] as RequestInit;
    expect(JSON.parse(String(init.body))).toEqual({ email: 'grace@example.com', password: 'secret' });
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
