import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Messenger } from '../messenger';
import { ArticlesView } from './ArticlesView';
import { markdownBlocks } from './markdown-text';

afterEach(cleanup);

const HOSTILE = `# Reset <img src=x onerror=alert(1)>

Open **Settings** and [click here](javascript:alert(1)).

- Step <script>alert(2)</script>
`;

describe('markdownBlocks', () => {
  it('turns markdown into plain text blocks; links lose their target', () => {
    expect(markdownBlocks(HOSTILE)).toEqual([
      { kind: 'heading', text: 'Reset <img src=x onerror=alert(1)>' },
      { kind: 'paragraph', text: 'Open Settings and click here.' },
      { kind: 'item', text: 'Step <script>alert(2)</script>' },
    ]);
  });
});

describe('ArticlesView', () => {
  it('suggests for the page, opens an article as text, and "This didn’t help" goes back with a draft', async () => {
    const calls: string[] = [];
    const fetch = vi.fn(async (url: string, _init?: RequestInit) => {
      calls.push(url);
      const body = url.includes('/articles/a1')
        ? { id: 'a1', title: 'Reset your password', url: '/help/reset', body: HOSTILE, updatedAt: new Date().toISOString() }
        : { articles: [{ id: 'a1', title: 'Reset your password', url: '/help/reset', excerpt: 'Open Settings…' }], suggested: true };
      return new Response(JSON.stringify(body));
    });
    const messenger = { selfService: { fetch, token: () => 'tok' }, page: () => '/account/security' } as unknown as Messenger;
    const onDidntHelp = vi.fn();
    const { container } = render(<ArticlesView messenger={messenger} onDidntHelp={onDidntHelp} />);
    await screen.findByText('Suggested for this page');
    expect(calls[0]).toBe('/api/widget/articles?page=%2Faccount%2Fsecurity');
    expect(fetch.mock.calls[0]?.[1]).toMatchObject({ headers: { authorization: 'Visitor tok' } });
    fireEvent.click(await screen.findByRole('button', { name: /Reset your password/ }));
    await screen.findByRole('heading', { name: 'Reset your password' });
    // Everything the article says is text: no element was made from it.
    expect(container.querySelector('img, script, a[href^="javascript"]')).toBeNull();
    expect(screen.getByText('Reset <img src=x onerror=alert(1)>')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'This didn’t help' }));
    expect(onDidntHelp).toHaveBeenCalledWith('Reset your password: ');
  });

  it('searches as the visitor types', async () => {
    const fetch = vi.fn(async () => new Response(JSON.stringify({ articles: [], suggested: false })));
    const messenger = { selfService: { fetch, token: () => 'tok' }, page: () => '/' } as unknown as Messenger;
    render(<ArticlesView messenger={messenger} onDidntHelp={() => {}} />);
    fireEvent.input(screen.getByRole('searchbox', { name: 'Search help articles' }), { target: { value: 'invoice' } });
    await waitFor(() => expect(fetch).toHaveBeenCalledWith('/api/widget/articles?q=invoice', expect.anything()));
    await screen.findByText('No article matches.');
  });
});
