import { describe, expect, it } from 'vitest';
import { cards } from '../i18n/cards';
import { partTexts } from '../i18n/parts';
import { portal } from '../i18n/portal';
import { portalTranslator } from './language';

/** `GET /api/widget/sites/{key}` answering a site whose default language is `language`; records the calls. */
function siteServer(language: string) {
  const calls: string[] = [];
  const fetch = (async (path: string) => {
    calls.push(path);
    return new Response(JSON.stringify({ key: 'acme', name: 'Acme', language }), { headers: { 'content-type': 'application/json' } });
  }) as typeof globalThis.fetch;
  return { fetch, calls };
}

describe('the portal’s language', () => {
  it('takes ?lang= first, then the browser’s, without asking the site', async () => {
    const server = siteServer('fr');
    expect((await portalTranslator({ fetch: server.fetch, site: 'acme', requested: 'de-AT', browser: ['es-ES'] })).language).toBe('de');
    expect((await portalTranslator({ fetch: server.fetch, site: 'acme', requested: null, browser: ['ja', 'pt-BR'] })).language).toBe('pt');
    expect((await portalTranslator({ fetch: server.fetch, site: 'acme', requested: null, browser: ['en-US', 'fr'] })).language).toBe('en');
    expect(server.calls).toEqual([]);
  });

  it('takes the site’s default when neither names a language we have, and lays Arabic out right to left', async () => {
    const server = siteServer('ar');
    const i18n = await portalTranslator({ fetch: server.fetch, site: 'acme', requested: 'xx', browser: ['ja-JP'] });
    expect(server.calls).toEqual(['/api/widget/sites/acme']);
    expect([i18n.language, i18n.dir]).toEqual(['ar', 'rtl']);
    // Both parts the page shows are loaded before it draws.
    expect(partTexts(i18n, portal)?.t('signOut')).toBe('تسجيل الخروج');
    expect(partTexts(i18n, cards)?.t('cancel')).toBe('إلغاء');
  });

  it('is English when the site cannot be asked', async () => {
    const failing = (async () => Promise.reject(new TypeError('offline'))) as typeof fetch;
    expect((await portalTranslator({ fetch: failing, site: undefined, requested: null, browser: ['ja'] })).language).toBe('en');
  });
});
