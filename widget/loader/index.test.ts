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
    document.head.innerHTML =
      '<script type="text/plain" nonce="n0nce" data-site="demo" src="https://frontdesk.example/widget.js"></script>';
    // Browsers hide the nonce attribute once parsed and keep it as the `nonce` property; happy-dom has no such property.
    Object.defineProperty(document.head.firstElementChild as HTMLScriptElement, 'nonce', { value: 'n0nce' });
    // The second part is added as a script; happy-dom must not try to fetch it.
    const added: HTMLScriptElement[] = [];
    vi.spyOn(document.head, 'appendChild').mockImplementation(<T extends Node>(node: T): T => {
      added.push(node as unknown as HTMLScriptElement);
      return node;
    });
    await import('./index');
    expect(typeof window.Frontdesk).toBe('function');
    await vi.waitFor(() => expect(fetch).toHaveBeenCalledWith('https://frontdesk.example/api/widget/sites/demo', expect.anything()));
    // On idle, the rest comes from the same server, carrying the loader's nonce for hosts whose CSP uses one.
    await vi.waitFor(() => expect(added.map((s) => s.src)).toEqual(['https://frontdesk.example/widget-app.js']));
    expect(added[0]?.nonce).toBe('n0nce');
  });

  it('warns and installs nothing without data-site', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await import('./index');
    expect(window.Frontdesk).toBeUndefined();
    expect(warn).toHaveBeenCalled();
  });
});
