import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getByRole } from '@testing-library/dom';
import { startLoader } from './core';
import { installFrontdesk, type FrontdeskFunction } from './loader';

const CONFIG = { siteKey: 'demo', publicOrigin: 'https://frontdesk.example' };

function shadow(): HTMLElement {
  const root = document.querySelector('[data-frontdesk]')?.shadowRoot;
  if (!root) throw new Error('launcher not drawn');
  return root as unknown as HTMLElement; // testing-library only needs querySelectorAll
}

beforeEach(() => {
  // Let happy-dom create the iframe's (blank) window without fetching the messenger page from the network.
  const { settings } = (window as unknown as { happyDOM: { settings: { enableIframePageLoading: boolean; navigation: { disableChildFrameNavigation: boolean } } } }).happyDOM;
  settings.enableIframePageLoading = true;
  settings.navigation.disableChildFrameNavigation = true;
});

afterEach(() => {
  document.body.replaceChildren();
  delete window.Frontdesk;
  vi.restoreAllMocks();
});

describe("the loader's first part (widget.js)", () => {
  it('keeps queueing calls, draws the button, and hands an early click to the rest', async () => {
    window.fetch = vi.fn(async () => ({ ok: true, json: async () => ({ color: '#ffcc00' }) }) as Response);
    const snippet: FrontdeskFunction = (...args: unknown[]) => {
      (snippet.q = snippet.q || []).push(args);
    };
    window.Frontdesk = snippet;
    window.Frontdesk('on', 'ready', () => {});
    const loadRest = vi.fn();
    startLoader(window, CONFIG, loadRest);
    window.Frontdesk('on', 'open', () => {});
    expect(window.Frontdesk.q).toHaveLength(2);

    const button = await vi.waitFor(() => getByRole(shadow(), 'button', { name: 'Open messenger' }));
    // A light site colour gets dark text: the button's label keeps its contrast.
    expect(document.querySelector<HTMLElement>('[data-frontdesk]')?.style.getPropertyValue('--t')).toBe('#000');
    button.click();
    expect(loadRest).toHaveBeenCalledTimes(1);
    expect(shadow().querySelector('iframe')).toBeNull();

    // The rest arrives: it takes over the same button and opens, since the visitor already clicked.
    const core = window.Frontdesk.core;
    if (!core) throw new Error('no handoff');
    const opened = vi.fn();
    window.Frontdesk('on', 'open', opened);
    installFrontdesk(window, core.config, core);
    expect(getByRole(shadow(), 'button', { name: 'Close messenger' })).toBe(button);
    expect(shadow().querySelector('iframe')?.title).toBe('Messenger');
    expect(opened).toHaveBeenCalledTimes(1);
    expect(document.querySelectorAll('[data-frontdesk]')).toHaveLength(1);
  });

  it('fetches the rest once, on idle, even without a click', async () => {
    window.fetch = vi.fn(async () => ({ ok: true, json: async () => ({}) }) as Response);
    const loadRest = vi.fn();
    startLoader(window, CONFIG, loadRest);
    await vi.waitFor(() => expect(loadRest).toHaveBeenCalledTimes(1));
    (await vi.waitFor(() => getByRole(shadow(), 'button', { name: 'Open messenger' }))).click();
    expect(loadRest).toHaveBeenCalledTimes(1);
  });
});
