import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AuditEntryView } from '../../shared/admin';
import { DeskApi } from '../api';
import { asFetch, json } from '../test/fixtures';
import { AgentsPage } from './AgentsPage';
import { AuditPage } from './AuditPage';
import { SettingsApi } from './settings-api';
import { TokensPage } from './TokensPage';

const admin = { id: 'a1', email: 'admin@example.com', name: 'Alex', role: 'admin' as const };
const agent = { id: 'a2', email: 'sam@example.com', name: 'Sam', role: 'agent' as const };

const entry = (over: Partial<AuditEntryView> = {}): AuditEntryView => ({
  id: 'l1',
  at: '2026-12-01T10:00:00Z',
  actor: { id: 'a1', label: 'Alex <admin@example.com>' },
  ip: '127.0.0.1',
  action: 'agent.updated',
  target: { type: 'agent', id: 'a2' },
  siteId: null,
  changes: { role: { from: 'agent', to: 'admin' }, centres: { from: [], to: ['uk'] } },
  ...over,
});

function fakeServer() {
  const fetchMock = vi.fn(async (url: string) => {
    if (url === '/api/agents') return json(200, { agents: [{ ...admin, active: true, centres: [] }, { ...agent, active: true, centres: ['uk'] }] });
    if (url === '/api/auth/tokens') return json(200, { tokens: [] });
    if (url.startsWith('/api/audit')) return json(200, { entries: [entry({ action: url.includes('target=s1') ? 'site.updated' : 'agent.updated' })] });
    return json(404, { error: { code: 'not_found', message: 'Not found' } });
  });
  const desk = new DeskApi({ fetch: asFetch(fetchMock) });
  return { fetchMock, desk, api: new SettingsApi(desk), urls: () => fetchMock.mock.calls.map(([u]) => u) };
}

afterEach(() => {
  cleanup();
  window.location.hash = '';
});

describe('who changed what, on each page', () => {
  it('shows the page’s last change with its fields and a link to the audit log filtered to it', async () => {
    const server = fakeServer();
    render(<AgentsPage api={server.api} caller={server.desk} agent={admin} />);
    const line = await screen.findByText(/Last change: agent\.updated by Alex <admin@example\.com> at/);
    expect(line.textContent).toContain('(changed role, centres)');
    const link = screen.getByRole('link', { name: 'All changes in the audit log' });
    expect(link.getAttribute('href')).toBe('#/settings/audit?target=agent');
    expect(server.urls()).toContain('/api/audit?target=agent&limit=1');
    // The team table is the shared one: caption and scoped headers.
    expect(screen.getByRole('table', { name: 'Agents' })).toBeTruthy();
    expect(screen.getAllByRole('rowheader').map((h) => h.textContent)).toEqual(['Alexadmin@example.com', 'Samsam@example.com']);
  });

  it('asks an agent’s pages nothing of the audit log (it is the admins’)', async () => {
    const server = fakeServer();
    render(<TokensPage api={server.api} caller={server.desk} agent={agent} />);
    await waitFor(() => expect(server.urls()).toContain('/api/auth/tokens'));
    expect(server.urls().some((u) => u.startsWith('/api/audit'))).toBe(false);
    expect(screen.queryByText(/Last change/)).toBeNull();
  });

  it('opens the audit log filtered by the link’s target', async () => {
    const server = fakeServer();
    window.location.hash = '#/settings/audit?target=s1';
    render(<AuditPage api={server.api} caller={server.desk} agent={admin} />);
    expect(await screen.findByText('site.updated')).toBeTruthy();
    expect(server.urls()).toEqual(['/api/audit?target=s1']);
    expect((screen.getByLabelText('Target') as HTMLInputElement).value).toBe('s1');
    expect(screen.getByRole('table', { name: 'Audit log entries, newest first' })).toBeTruthy();
  });
});
