import { describe, expect, it, vi } from 'vitest';
import { ApiError, type KbArticleInput } from '../api';
import { article } from '../test/fixtures';
import { KbModel, articleInput, draftOf, matchesQuery, parseTags } from './KbModel';

function setup() {
  const reset = article({ id: 'a1', title: 'Reset your password', tags: ['account'], body: 'Open **Settings**.', url: '/help/reset' });
  const invoices = article({ id: 'a2', title: 'Invoices and tax', tags: ['billing'], body: 'Download invoices from Billing.', url: null });
  let n = 0;
  const api = {
    listArticles: vi.fn(async () => [reset, invoices]),
    createArticle: vi.fn(async (input: KbArticleInput) => article({ id: `new${++n}`, ...input, url: input.url ?? null, tags: input.tags ?? [] })),
    updateArticle: vi.fn(async (id: string, input: KbArticleInput) => article({ id, ...input, url: input.url ?? null, tags: input.tags ?? [] })),
    deleteArticle: vi.fn(async () => undefined),
  };
  return { api, model: new KbModel(api), reset, invoices };
}

const draft = (over: Partial<ReturnType<typeof draftOf>> = {}) => ({ title: 'Change your plan', url: '', tags: '', body: 'Go to Billing.', ...over });

describe('article form helpers', () => {
  it('splits tags on commas, trimmed and without repeats', () => {
    expect(parseTags(' billing, Invoices ,,billing, BILLING , tax ')).toEqual(['billing', 'Invoices', 'tax']);
    expect(parseTags('')).toEqual([]);
  });

  it('builds the API body, leaving out an empty URL', () => {
    expect(articleInput(draft({ title: '  Change your plan ', tags: 'plans, billing' }))).toEqual({
      ok: true,
      input: { title: 'Change your plan', body: 'Go to Billing.', tags: ['plans', 'billing'] },
    });
    expect(articleInput(draft({ url: ' /help/plan ' }))).toMatchObject({ ok: true, input: { url: '/help/plan' } });
    expect(articleInput(draft({ url: 'https://help.example/plan' }))).toMatchObject({ ok: true, input: { url: 'https://help.example/plan' } });
  });

  it('says what is wrong before asking the server', () => {
    expect(articleInput(draft({ title: '  ' }))).toEqual({ ok: false, error: 'Give the article a title.' });
    expect(articleInput(draft({ body: '\n ' }))).toEqual({ ok: false, error: 'Write the body of the article.' });
    expect(articleInput(draft({ url: 'javascript:alert(1)' }))).toEqual({ ok: false, error: 'The URL must start with http://, https:// or /.' });
    expect(articleInput(draft({ url: 'help/plan' }))).toMatchObject({ ok: false });
    expect(articleInput(draft({ tags: 'x'.repeat(41) }))).toMatchObject({ ok: false });
  });

  it('fills the editor from an article', () => {
    expect(draftOf(null)).toEqual({ title: '', url: '', tags: '', body: '' });
    expect(draftOf(article({ title: 'T', url: null, tags: ['a', 'b'], body: 'B' }))).toEqual({ title: 'T', url: '', tags: 'a, b', body: 'B' });
  });

  it('matches every word of the query in title, tags, URL or body', () => {
    const a = article({ title: 'Reset your password', tags: ['account'], body: 'Open Settings', url: '/help/reset' });
    expect(matchesQuery(a, '')).toBe(true);
    expect(matchesQuery(a, 'RESET settings')).toBe(true);
    expect(matchesQuery(a, 'account')).toBe(true);
    expect(matchesQuery(a, 'reset invoices')).toBe(false);
  });
});

describe('KbModel', () => {
  it('loads the articles by title and filters them by the search', async () => {
    const { model } = setup();
    await model.load();
    expect(model.articles.value.map((a) => a.title)).toEqual(['Invoices and tax', 'Reset your password']);
    model.setQuery('billing');
    expect(model.visible.value.map((a) => a.id)).toEqual(['a2']);
    model.setQuery('');
    expect(model.visible.value).toHaveLength(2);
  });

  it('creates an article (POST) and selects it', async () => {
    const { model, api } = setup();
    await model.load();
    expect(model.selected.value).toBeNull();
    expect(await model.save(draft({ tags: 'plans' }))).toBe(true);
    expect(api.createArticle).toHaveBeenCalledWith({ title: 'Change your plan', body: 'Go to Billing.', tags: ['plans'] });
    expect(model.articles.value.map((a) => a.title)).toEqual(['Change your plan', 'Invoices and tax', 'Reset your password']);
    expect(model.selected.value?.id).toBe('new1');
    expect(model.notice.value).toBe('Article created.');
  });

  it('replaces the selected article (PUT) in the list', async () => {
    const { model, api } = setup();
    await model.load();
    model.select('a1');
    expect(await model.save(draft({ title: 'Reset a password', url: '/help/reset', body: 'New steps.' }))).toBe(true);
    expect(api.updateArticle).toHaveBeenCalledWith('a1', { title: 'Reset a password', body: 'New steps.', tags: [], url: '/help/reset' });
    expect(api.createArticle).not.toHaveBeenCalled();
    expect(model.articles.value.map((a) => a.title)).toEqual(['Invoices and tax', 'Reset a password']);
    expect(model.selected.value?.body).toBe('New steps.');
    expect(model.notice.value).toBe('Article saved.');
  });

  it('deletes an article (DELETE), drops it from the list and empties the editor', async () => {
    const { model, api } = setup();
    await model.load();
    model.select('a2');
    expect(await model.remove('a2')).toBe(true);
    expect(api.deleteArticle).toHaveBeenCalledWith('a2');
    expect(model.articles.value.map((a) => a.id)).toEqual(['a1']);
    expect(model.selected.value).toBeNull();
    expect(model.notice.value).toBe('Article deleted.');
  });

  it('shows the server\'s validation message, and its own without calling the server', async () => {
    const { model, api } = setup();
    await model.load();
    api.createArticle.mockRejectedValueOnce(new ApiError(400, 'validation_failed', 'body: String must contain at least 1 character(s)'));
    expect(await model.save(draft())).toBe(false);
    expect(model.actionError.value).toBe('body: String must contain at least 1 character(s)');
    expect(model.articles.value).toHaveLength(2);
    expect(await model.save(draft({ title: '' }))).toBe(false);
    expect(api.createArticle).toHaveBeenCalledTimes(1);
    expect(model.actionError.value).toBe('Give the article a title.');
    model.startNew();
    expect(model.actionError.value).toBeNull();
  });

  it('keeps an article whose delete failed, with the reason', async () => {
    const { model, api } = setup();
    await model.load();
    api.deleteArticle.mockRejectedValueOnce(new ApiError(404, 'not_found', 'No such article'));
    expect(await model.remove('a1')).toBe(false);
    expect(model.actionError.value).toBe('No such article');
    expect(model.articles.value).toHaveLength(2);
  });

  it('reports a failed load, and starts a new article when the selected one is gone', async () => {
    const { model, api, invoices } = setup();
    await model.load();
    model.select('a1');
    api.listArticles.mockRejectedValueOnce(new ApiError(0, 'network_error', 'Cannot reach the server.'));
    await model.load();
    expect(model.loadError.value).toBe('Cannot reach the server.');
    expect(model.selected.value?.id).toBe('a1');
    api.listArticles.mockResolvedValueOnce([invoices]);
    await model.load();
    expect(model.loadError.value).toBeNull();
    expect(model.selectedId.value).toBeNull();
  });
});
