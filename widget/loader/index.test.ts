import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => {
  document.head.replaceChildren();
  document.body.replaceChildren();
  delete window.Frontdesk;
  vi.restoreAllMocks();
  vi.resetModules();
});

describe('loader entry', () => {
  it('finds its own script tag, reads data-site and the server origin', async () => {
    const fetch = vi.fn(async () => ({ ok: true, json: async () => ({}) }) as Response);
    window.fetch = fetch as unknown as typeof window.fetch;
    // A script element made by the parser, not inserted by script (happy-dom would try to load it).
    document.head.innerHTML = '<script type="text/plain" data-site="demo" src="https://frontdesk.example/widget.js"></script>';
    await import('./index');
    expect(typeof window.Frontdesk).toBe('function');
    await vi.waitFor(() => expect(fetch).toHaveBeenCalledWith('https://frontdesk.example/api/widget/sites/demo', expect.anything()));
  });

  it('warns and installs nothing without data-site', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await import('./index');
    expect(window.Frontdesk).toBeUndefined();
    expect(warn).toHaveBeenCalled();
  });
});
