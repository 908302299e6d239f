/**
 * Entry of the customers' self-service portal at `/portal` (`?site=<key>`, default `demo`; `?lang=<tag>`): sign
 * in with an emailed one-time link, then read, reply to, reopen, delete and create requests, in the customer's
 * language (`language.ts`), Arabic right to left.
 */
import { render } from 'preact';
import { I18nContext } from '../i18n/context';
import { partTexts } from '../i18n/parts';
import { portal } from '../i18n/portal';
import { PortalApp } from './components/PortalApp';
import { portalTranslator } from './language';
import { PortalModel } from './PortalModel';
import '../requests/requests.css';
import './portal.css';

function timeZone(): string | undefined {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

async function start(root: HTMLElement): Promise<void> {
  const params = new URLSearchParams(location.search);
  const site = params.get('site') ?? undefined;
  const fetchFn = window.fetch.bind(window);
  let language: string | undefined;
  const model = new PortalModel({ fetch: fetchFn, site, timeZone: timeZone(), language: () => language });
  void model.check();
  const i18n = await portalTranslator({ fetch: fetchFn, site, requested: params.get('lang'), browser: navigator.languages });
  language = i18n.language;
  const page = document.documentElement;
  page.lang = i18n.language;
  page.dir = i18n.dir;
  document.title = partTexts(i18n, portal)?.t('pageTitle') ?? document.title;
  render(
    <I18nContext.Provider value={i18n}>
      <PortalApp model={model} />
    </I18nContext.Provider>,
    root,
  );
}

const root = document.getElementById('app');
if (root) void start(root);
