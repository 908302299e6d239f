import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SitePatch } from '../../../shared/admin';
import { siteSectionSchemas, SITE_SECTIONS } from '../../../shared/site-settings';
import { DeskApi } from '../../api';
import { asFetch, json } from '../../test/fixtures';
import type { SettingsPageProps } from '../pages';
import { SettingsApi } from '../settings-api';
import { SitesPage } from '../SitesPage';
import { siteView } from '../test-fixtures';

const admin = { id: 'a1', email: 'admin@example.com', name: 'Alex', role: 'admin' as const };


/**
 * The sites routes behind `fetch`, merging a PATCH's sections into the stored site and checking them with the
 * schema the real server applies, answering its `path: message` refusals. One rule the browser cannot know
 * stands in for the server's own checks: it never allows executables.
 */
function fakeServer() {
  let site = siteView();
  const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
    const method = init?.method ?? 'GET';
    if (url === '/api/sites' && method === 'GET') return json(200, { sites: [site] });
    if (url === '/api/operations') return json(200, { categories: ['security', 'billing', 'how_to'] });
    if (url === '/api/sites/shop' && method === 'PATCH') {
      const patch = JSON.parse(String(init!.body)) as SitePatch;
      const next = { ...site };
      for (const section of SITE_SECTIONS) {
        if (!patch[section]) continue;
        const checked = siteSectionSchemas[section].safeParse({ ...site[section], ...patch[section] });
        if (!checked.success) return json(400, { error: { code: 'validation_failed', message: checked.error.issues.map((i) => `${[section, ...i.path].join('.')}: ${i.message}`).join('; ') } });
        Object.assign(next, { [section]: checked.data });
      }
      if (patch.attachments?.['types'] && (patch.attachments['types'] as string[]).includes('application/x-msdownload')) {
        return json(400, { error: { code: 'validation_failed', message: 'attachments.types.1: executables are never allowed' } });
      }
      site = next;
      return json(200, site);
    }
    return json(404, { error: { code: 'not_found', message: 'Not found' } });
  });
  return { fetchMock, site: () => site, patches: () => fetchMock.mock.calls.filter(([, i]) => i?.method === 'PATCH').map(([, i]) => JSON.parse(String(i!.body)) as SitePatch) };
}

function renderSites(server: ReturnType<typeof fakeServer>) {
  const desk = new DeskApi({ fetch: asFetch(server.fetchMock) });
  const props: SettingsPageProps = { api: new SettingsApi(desk), caller: desk, agent: admin };
  render(<SitesPage {...props} />);
}

afterEach(cleanup);

describe('Sites page: the option forms', () => {
  it('refuses a bad attachment limit next to its field without sending it, then saves a good one', async () => {
    const server = fakeServer();
    renderSites(server);
    const form = await screen.findByRole('form', { name: 'Attachments' });
    const size = within(form).getByLabelText('Largest file (MB)');
    fireEvent.input(size, { target: { value: '80' } });
    fireEvent.input(within(form).getByLabelText('Allowed types'), { target: { value: 'image/png, pictures' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save attachments' }));
    await waitFor(() => expect(size.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById(size.getAttribute('aria-describedby')!.split(' ')[1]!)?.textContent).toBe('the largest file is at most 50 MB');
    expect(within(form).getByText('Item 2: each type is a media type such as image/png or image/*')).toBeTruthy();
    expect(server.patches()).toEqual([]);

    fireEvent.input(size, { target: { value: '2' } });
    fireEvent.input(within(form).getByLabelText('Allowed types'), { target: { value: 'image/*, Application/PDF' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save attachments' }));
    await within(form).findByText('Attachments saved.');
    expect(server.patches()).toEqual([{ attachments: { maxBytes: 2 * 1024 * 1024, types: ['image/*', 'application/pdf'] } }]);
    expect(server.site().attachments).toEqual({ maxBytes: 2 * 1024 * 1024, types: ['image/*', 'application/pdf'] });
    expect(size.getAttribute('aria-invalid')).toBeNull();
  });

  it('shows what the server refuses next to the field it names', async () => {
    const server = fakeServer();
    renderSites(server);
    const form = await screen.findByRole('form', { name: 'Attachments' });
    const types = within(form).getByLabelText('Allowed types');
    fireEvent.input(types, { target: { value: 'image/png, application/x-msdownload' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save attachments' }));
    await waitFor(() => expect(types.getAttribute('aria-invalid')).toBe('true'));
    expect(within(form).getByText('Item 2: executables are never allowed')).toBeTruthy();
    expect(within(form).queryByRole('alert')).toBeNull();
    expect(server.site().attachments.types).toEqual(['image/png']);
  });

  it('turns the satisfaction survey off, and assignment on with its limit, each section alone', async () => {
    const server = fakeServer();
    renderSites(server);
    const csat = await screen.findByRole('form', { name: 'Satisfaction survey' });
    const ask = within(csat).getByRole('checkbox', { name: 'Ask for a satisfaction rating' }) as HTMLInputElement;
    expect(ask.checked).toBe(true);
    fireEvent.click(ask);
    fireEvent.click(within(csat).getByRole('button', { name: 'Save satisfaction survey' }));
    await within(csat).findByText('Satisfaction survey saved.');
    expect(server.site().csat).toEqual({ enabled: false });

    const assignment = screen.getByRole('form', { name: 'Automatic assignment' });
    fireEvent.click(within(assignment).getByRole('checkbox', { name: 'Assign chats automatically' }));
    const limit = within(assignment).getByLabelText('Open chats per agent');
    fireEvent.input(limit, { target: { value: '' } });
    fireEvent.click(within(assignment).getByRole('button', { name: 'Save assignment' }));
    expect(await within(assignment).findByText('open chats per agent is a whole number from 1 to 50')).toBeTruthy();
    fireEvent.input(limit, { target: { value: '5' } });
    fireEvent.click(within(assignment).getByRole('button', { name: 'Save assignment' }));
    await within(assignment).findByText('Automatic assignment saved.');
    expect(server.patches()).toEqual([{ csat: { enabled: false } }, { assignment: { auto: true, maxOpenChats: 5 } }]);
  });

  it('sets the minutes before an unseen reply is mailed, refusing more than a day', async () => {
    const server = fakeServer();
    renderSites(server);
    const form = await screen.findByRole('form', { name: 'Follow-up by email' });
    const minutes = within(form).getByLabelText('Mail unseen replies after (minutes)');
    fireEvent.input(minutes, { target: { value: '2000' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save follow-up' }));
    expect(await within(form).findByText('at most 1440 minutes (a day)')).toBeTruthy();
    fireEvent.input(minutes, { target: { value: '30' } });
    fireEvent.click(within(form).getByRole('checkbox', { name: 'Ask visitors for their email' }));
    fireEvent.click(within(form).getByRole('button', { name: 'Save follow-up' }));
    await within(form).findByText('Follow-up by email saved.');
    expect(server.site().reach).toEqual({ askForEmail: false, mailUnseenAfterMinutes: 30 });
  });

  it('offers the deployment’s categories as handoff rules and checks VIP emails', async () => {
    const server = fakeServer();
    renderSites(server);
    const form = await screen.findByRole('form', { name: 'Handoff rules' });
    const group = await within(form).findByRole('group', { name: 'Categories that always go to a person' });
    await waitFor(() => expect(within(group).getAllByRole('checkbox').map((c) => c.parentElement!.textContent!.trim())).toEqual(['security', 'billing', 'how to']));
    expect((within(group).getByRole('checkbox', { name: 'security' }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(within(group).getByRole('checkbox', { name: 'billing' }));
    const emails = within(form).getByLabelText('VIP customers (verified emails)');
    fireEvent.input(emails, { target: { value: 'ceo@acme.test\nnot an email' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save handoff rules' }));
    expect(await within(form).findByText('Item 2: each VIP is an email address such as ada@example.com')).toBeTruthy();
    expect(server.patches()).toEqual([]);
    fireEvent.input(emails, { target: { value: 'CEO@acme.test' } });
    fireEvent.input(within(form).getByLabelText('VIP customers (user ids from your signed boot)'), { target: { value: 'u-42' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save handoff rules' }));
    await within(form).findByText('Handoff rules saved.');
    expect(server.site().handoffRules).toEqual({ categories: ['security', 'billing'], vipEmails: ['ceo@acme.test'], vipUserIds: ['u-42'] });
  });
});
