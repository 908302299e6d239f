import { useEffect, useState } from 'preact/hooks';
import { FormError, SitePicker, formatWhen } from './common';
import { CopyBlock } from './CopyBlock';
import { SPA_USAGE, signingExamples, snippetFor, strictCspFor } from './install-snippets';
import type { SettingsPageProps } from './pages';
import { useLoad } from './use-load';
import { useDeskT } from '../i18n/i18n';

/** How often "last seen" is refreshed while the page is open. */
const SEEN_REFRESH_MS = 10_000;

/** Install: the snippet for the chosen site, signed users, a strict CSP, SPA usage, and where the tag was last seen. */
export function InstallPage({ api }: SettingsPageProps) {
  const t = useDeskT();
  const sites = useLoad(() => api.listSites(), [api]);
  const [key, setKey] = useState<string | null>(null);
  const site = sites.value?.find((s) => s.key === key) ?? sites.value?.[0] ?? null;
  const identity = useLoad(async () => (site ? api.identity(site.key) : null), [api, site?.key]);
  useEffect(() => {
    const timer = setInterval(() => void sites.reload(), SEEN_REFRESH_MS);
    return () => clearInterval(timer);
  }, [sites.reload]);
  const origin = window.location.origin;
  const kid = identity.value?.secrets.find((s) => s.kind === 'jwt')?.id ?? t.t('secretIdPlaceholder');
  const csp = site ? strictCspFor(origin, site.key) : null;
  return (
    <section class="settings__page" aria-labelledby="install-title">
      <h2 id="install-title">{t.t('settings_install')}</h2>
      <FormError message={sites.error} />
      {sites.value && site && csp && (
        <>
          <SitePicker sites={sites.value} value={site.key} onChange={setKey} />
          <h3 class="section-title">{t.t('installStep1')}</h3>
          <CopyBlock label={t.t('snippet')} text={snippetFor(origin, site.key)} />
          <p class="muted">{t.t('originMustBe', { origins: site.allowedOrigins.join(', ') || t.t('noOriginsYet') })}</p>
          <h3 class="section-title">{t.t('isItWorking')}</h3>
          <ul aria-label={t.t('whereSeen')} aria-live="polite">
            {site.seen.length === 0 && <li class="muted">{t.t('notSeenYet')}</li>}
            {site.seen.map((s) => (
              <li key={s.origin}>
                {t.t('lastSeenOn', { origin: s.origin })} <time dateTime={s.lastSeenAt}>{formatWhen(s.lastSeenAt, t)}</time>
              </li>
            ))}
          </ul>
          <h3 class="section-title">{t.t('installStep2')}</h3>
          <p>{t.t('installStep2Text')}</p>
          {signingExamples(kid).map((ex) => (
            <CopyBlock key={ex.language} label={t.t('example', { language: ex.language })} text={ex.code} />
          ))}
          <h3 class="section-title">{t.t('installStep3')}</h3>
          <CopyBlock label={t.t('spaUsage')} text={SPA_USAGE} />
          <h3 class="section-title">{t.t('installStep4')}</h3>
          <CopyBlock label={t.t('cspHeader')} text={csp.header} />
          <CopyBlock label={t.t('snippetWithNonce')} text={csp.html} />
        </>
      )}
    </section>
  );
}
