/**
 * The portal's language, by the messenger's rule (`shared/language.ts`): `?lang=`, else the browser's first
 * language that Frontdesk has, else the site's default (`GET /api/widget/sites/{key}`); English otherwise. The
 * page draws once its texts (the chosen language's `cards` and `portal` parts) are loaded.
 */
import { pickLanguage } from '../../shared/language';
import type { PublicSiteSettings } from '../../shared/protocol';
import { requestJson } from '../../shared/http-client';
import { cards } from '../i18n/cards';
import { createTranslator, type Translator } from '../i18n/i18n';
import { loadPart } from '../i18n/parts';
import { portal } from '../i18n/portal';

export interface PortalLanguageOptions {
  fetch: typeof fetch;
  /** The site key (`?site=`); `demo` when absent, as on the server. */
  site: string | undefined;
  /** `?lang=`: a BCP 47 tag the link or the site chose. */
  requested: string | null;
  /** `navigator.languages`. */
  browser: readonly string[];
}

/** The translator for the portal, with the parts the page shows loaded. */
export async function portalTranslator(options: PortalLanguageOptions): Promise<Translator> {
  const ours = pickLanguage(options.requested, options.browser);
  // Only when neither the link nor the browser names a language we have does the site's default decide.
  const needsSite = ours === 'en' && ![options.requested, ...options.browser].some((tag) => pickLanguage(tag) === 'en' && /^en\b/i.test(tag ?? ''));
  const siteDefault = needsSite
    ? await requestJson<PublicSiteSettings>(options.fetch, 'GET', `/api/widget/sites/${encodeURIComponent(options.site ?? 'demo')}`).then((s) => s.language, () => undefined)
    : undefined;
  const i18n = await createTranslator(pickLanguage(options.requested, options.browser, siteDefault));
  await Promise.all([loadPart(i18n, cards), loadPart(i18n, portal)]);
  return i18n;
}
