import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DeskApi } from '../api';
import { parseLinkToken, parsePageHash, parseSettingsHash, settingsQuery } from '../models/HashRouteModel';
import { json } from '../test/fixtures';
import { pagesFor } from './pages';
import { SettingsArea } from './SettingsArea';
import { SiteEditor } from './SiteEditor';
import { SettingsApi } from './settings-api';
import { siteView } from './test-fixtures';
import { englishTexts } from '../i18n/i18n';

const admin = { id: 'a1', email: 'admin@example.com', name: 'Alex', role: 'admin' as const };
const agent = { id: 'a2', email: 'sam@example.com', name: 'Sam', role: 'agent' as const };

const site = siteView({
  lastChange: { id: 'l1', at: '2026-12-01T10:00:00Z', actor: { id: 'a1', label: 'Alex <admin@example.com>' }, ip: '127.0.0.1', action: 'site.created', target: { type: 'site', id: 's1' }, siteId: 's1', changes: {} },
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('settings routes', () => {
  it('reads the page and an invitation token from the hash', () => {
    expect(parsePageHash('#/settings')).toBe('settings');
    expect(parsePageHash('#/settings/sites')).toBe('settings');
    expect(parseSettingsHash('#/settings/sites')).toBe('sites');
    expect(parseSettingsHash('#/settings')).toBeNull();
    // A page's "last change" link opens the audit log filtered.
    expect(parsePageHash('#/settings/audit?target=s1')).toBe('settings');
    expect(parseSettingsHash('#/settings/audit?target=s1')).toBe('audit');
    expect(settingsQuery('#/settings/audit?target=s1&action=site.').get('action')).toBe('site.');
    expect(settingsQuery('#/kb?target=s1').get('target')).toBeNull();
    expect(parsePageHash('#/set-password?token=abc')).toBe('set-password');
    expect(parseLinkToken('#/set-password?token=abc_-1')).toBe('abc_-1');
    expect(parseLinkToken('#/kb')).toBeNull();
  });
});

describe('SettingsArea', () => {
  it('shows an agent only their tokens and profile, an admin every page', () => {
    expect(pagesFor(agent).map((p) => englishTexts.t(p.titleKey))).toEqual(['API tokens', 'Profile']);
    expect(pagesFor(admin).map((p) => englishTexts.t(p.titleKey))).toEqual(['Sites', 'Install', 'Identity', 'Agents', 'Operations', 'API tokens', 'Webhooks', 'Audit log', 'Profile']);
  });

  it('opens an agent on their first allowed page even when the hash names an admin page', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => json(200, { tokens: [] })));
    const desk = new DeskApi();
    render(<SettingsArea api={new SettingsApi(desk)} caller={desk} agent={agent} pageId="sites" />);
    expect(screen.getByRole('heading', { name: 'API tokens' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Sites' })).toBeNull();
    expect(screen.getByRole('link', { name: 'API tokens' }).getAttribute('aria-current')).toBe('page');
  });
});

describe('SiteEditor', () => {
  it('previews the colour live, sends the patch, and shows the server’s message for bad input', async () => {
    const onSave = vi.fn(async () => {
      throw new Error('allowedOrigins.0: shop.example.com is not an origin');
    });
    render(<SiteEditor site={site} onSave={onSave} onDelete={async () => undefined} />);
    const preview = screen.getByRole('figure', { name: 'Preview of the messenger' });
    fireEvent.input(screen.getByLabelText('Colour'), { target: { value: '#ff5500' } });
    await waitFor(() => expect(preview.style.getPropertyValue('--preview-color')).toBe('#ff5500'));
    fireEvent.change(screen.getByLabelText('Position'), { target: { value: 'left' } });
    expect(preview.className).toContain('site-preview--left');
    fireEvent.input(screen.getByLabelText('Allowed origins'), { target: { value: 'shop.example.com\n\n' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save site' }));
    await screen.findByRole('alert');
    expect(screen.getByRole('alert').textContent).toContain('is not an origin');
    expect(onSave).toHaveBeenCalledWith(expect.objectContaining({ allowedOrigins: ['shop.example.com'], appearance: expect.objectContaining({ color: '#ff5500', position: 'left' }) }));
    expect(screen.getByText(/Last change: site\.created by Alex/)).toBeTruthy();
  });

  it('renders a greeting with markup as text', () => {
    render(<SiteEditor site={{ ...site, appearance: { ...site.appearance, greeting: '<img src=x onerror=alert(1)>' } }} onSave={async () => undefined} onDelete={async () => undefined} />);
    const preview = screen.getByRole('figure', { name: 'Preview of the messenger' });
    expect(preview.querySelector('img')).toBeNull();
    expect(preview.textContent).toContain('<img src=x onerror=alert(1)>');
  });
});
