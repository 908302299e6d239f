import { useEffect, useState } from 'preact/hooks';
import { FormError, SitePicker, formatWhen } from './common';
import { CopyBlock } from './CopyBlock';
import { SPA_USAGE, signingExamples, snippetFor, strictCspFor } from './install-snippets';
import type { SettingsPageProps } from './pages';
import { useLoad } from './use-load';

/** How often "last seen" is refreshed while the page is open. */
const SEEN_REFRESH_MS = 10_000;

/** Install: the snippet for the chosen site, signed users, a strict CSP, SPA usage, and where the tag was last seen. */
export function InstallPage({ api }: SettingsPageProps) {
  const sites = useLoad(() => api.listSites(), [api]);
  const [key, setKey] = useState<string | null>(null);
  const site = sites.value?.find((s) => s.key === key) ?? sites.value?.[0] ?? null;
  const identity = useLoad(async () => (site ? api.identity(site.key) : null), [api, site?.key]);
  useEffect(() => {
    const timer = setInterval(() => void sites.reload(), SEEN_REFRESH_MS);
    return () => clearInterval(timer);
  }, [sites.reload]);
  const origin = window.location.origin;
  const kid = identity.value?.secrets.find((s) => s.kind === 'jwt')?.id ?? '<secret id from the Identity page>';
  const csp = site ? strictCspFor(origin, site.key) : null;
  return (
    <section class="settings__page" aria-labelledby="install-title">
      <h2 id="install-title">Install</h2>
      <FormError message={sites.error} />
      {sites.value && site && csp && (
        <>
          <SitePicker sites={sites.value} value={site.key} onChange={setKey} />
          <h3 class="section-title">1. Paste before &lt;/body&gt;</h3>
          <CopyBlock label="snippet" text={snippetFor(origin, site.key)} />
          <p class="muted">The page's origin must be one of the site's allowed origins: {site.allowedOrigins.join(', ') || 'none yet (add one on the Sites page)'}.</p>
          <h3 class="section-title">Is it working?</h3>
          <ul aria-label="Where the messenger was seen" aria-live="polite">
            {site.seen.length === 0 && <li class="muted">Not seen on any page yet.</li>}
            {site.seen.map((s) => (
              <li key={s.origin}>
                Last seen on {s.origin} at <time dateTime={s.lastSeenAt}>{formatWhen(s.lastSeenAt)}</time>
              </li>
            ))}
          </ul>
          <h3 class="section-title">2. Signed-in users (optional)</h3>
          <p>Sign a JWT on your server with an identity secret (HS256, its id as <code>kid</code>) and pass it to boot:</p>
          {signingExamples(kid).map((ex) => (
            <CopyBlock key={ex.language} label={`${ex.language} example`} text={ex.code} />
          ))}
          <h3 class="section-title">3. Single-page apps</h3>
          <CopyBlock label="SPA usage" text={SPA_USAGE} />
          <h3 class="section-title">4. A host page with a strict Content Security Policy</h3>
          <CopyBlock label="CSP header" text={csp.header} />
          <CopyBlock label="snippet with nonce" text={csp.html} />
        </>
      )}
    </section>
  );
}
