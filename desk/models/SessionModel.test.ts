import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api';
import { SessionModel } from './SessionModel';

const agent = { id: 'a1', email: 'grace@example.com', name: 'Grace', role: 'agent' as const };
const unauthorized = () => new ApiError(401, 'unauthorized', 'Invalid credentials');

function apiStub() {
  return { me: vi.fn(async () => agent), login: vi.fn(async () => agent), logout: vi.fn(async () => undefined) };
}

describe('SessionModel', () => {
  it('is signed in when /api/auth/me answers', async () => {
    const session = new SessionModel(apiStub());
    expect(session.status.value).toBe('checking');
    await session.check();
    expect(session.status.value).toBe('signed_in');
    expect(session.agent.value?.name).toBe('Grace');
  });

  it('shows the form without an error when /api/auth/me says 401', async () => {
    const api = apiStub();
    api.me.mockRejectedValue(unauthorized());
    const session = new SessionModel(api);
    await session.check();
    expect(session.status.value).toBe('signed_out');
    expect(session.error.value).toBeNull();
  });

  it('says "Wrong email or password" on a failed sign-in', async () => {
    const api = apiStub();
    api.login.mockRejectedValue(unauthorized());
    const session = new SessionModel(api);
    await expect(session.login('grace@example.com', 'nope')).resolves.toBe(false);
    expect(session.error.value).toBe('Wrong email or password.');
    expect(session.status.value).not.toBe('signed_in');
  });

  it('shows the server message for other failures', async () => {
    const api = apiStub();
    api.login.mockRejectedValue(new ApiError(429, 'rate_limited', 'Too many attempts, wait a minute'));
    const session = new SessionModel(api);
    await session.login('grace@example.com', 'pw');
    expect(session.error.value).toBe('Too many attempts, wait a minute');
  });

  it('stays signed in through a network blip, and signs out on a 401', async () => {
    const api = apiStub();
    const session = new SessionModel(api);
    await session.check();
    api.me.mockRejectedValueOnce(new ApiError(0, 'network_error', 'offline'));
    await session.check();
    expect(session.status.value).toBe('signed_in');
    api.me.mockRejectedValueOnce(unauthorized());
    await session.check();
    expect(session.status.value).toBe('signed_out');
  });

  it('signs out even if the server call fails', async () => {
    const api = apiStub();
    api.logout.mockRejectedValue(new Error('boom'));
    const session = new SessionModel(api);
    await session.check();
    await session.logout();
    expect(session.agent.value).toBeNull();
    expect(session.status.value).toBe('signed_out');
  });
});
