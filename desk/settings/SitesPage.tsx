import { useState } from 'preact/hooks';
import { Field, FormError, linesOf } from './common';
import type { SitePatch } from '../../shared/admin';
import type { SettingsPageProps } from './pages';
import { SiteEditor } from './SiteEditor';
import { SiteOptions } from './site-options/SiteOptions';
import { useAction, useLoad } from './use-load';
import { useDeskT } from '../i18n/i18n';

/** Sites: the list, a new site, and the chosen site's editor and option forms. */
export function SitesPage({ api }: SettingsPageProps) {
  const t = useDeskT();
  const sites = useLoad(() => api.listSites(), [api]);
  const categories = useLoad(() => api.ticketCategories(), [api]);
  const [selected, setSelected] = useState<string | null>(null);
  const current = sites.value?.find((s) => s.key === selected) ?? sites.value?.[0] ?? null;
  const save = async (patch: SitePatch) => {
    if (!current) return;
    await api.updateSite(current.key, patch);
    await sites.reload();
  };
  return (
    <section class="settings__page" aria-labelledby="sites-title">
      <h2 id="sites-title">{t.t('sites')}</h2>
      <FormError message={sites.error} />
      <ul class="settings__list" aria-label={t.t('sites')}>
        {sites.value?.map((s) => (
          <li key={s.key}>
            <button type="button" class="btn btn--link" aria-current={s.key === current?.key ? 'true' : undefined} onClick={() => setSelected(s.key)}>
              {s.name} ({s.key})
            </button>
          </li>
        ))}
      </ul>
      <NewSiteForm
        onCreate={async (input) => {
          const site = await api.createSite(input);
          await sites.reload();
          setSelected(site.key);
        }}
      />
      {current && (
        <>
          <SiteEditor
            key={current.key}
            site={current}
            onSave={save}
            onDelete={async () => {
              await api.deleteSite(current.key);
              setSelected(null);
              await sites.reload();
            }}
          />
          <FormError message={categories.error} />
          <SiteOptions key={`${current.key}-options`} site={current} categories={categories.value ?? []} onSave={save} />
        </>
      )}
    </section>
  );
}

function NewSiteForm({ onCreate }: { onCreate: (input: { key?: string; name: string; allowedOrigins: string[] }) => Promise<void> }) {
  const t = useDeskT();
  const [name, setName] = useState('');
  const [key, setKey] = useState('');
  const [origins, setOrigins] = useState('');
  const action = useAction();
  const submit = async (e: Event) => {
    e.preventDefault();
    const ok = await action.run(() => onCreate({ name, ...(key.trim() ? { key: key.trim() } : {}), allowedOrigins: linesOf(origins) }));
    if (ok) {
      setName('');
      setKey('');
      setOrigins('');
    }
  };
  return (
    <form class="settings__form settings__form--inline" onSubmit={submit} aria-label={t.t('newSite')}>
      <h3 class="section-title">{t.t('newSite')}</h3>
      <Field id="new-site-name" label={t.t('siteName')}>
        <input id="new-site-name" value={name} required maxLength={100} onInput={(e) => setName(e.currentTarget.value)} />
      </Field>
      <Field id="new-site-key" label={t.t('keyOptional')} hint={t.t('keyHint')}>
        <input id="new-site-key" value={key} onInput={(e) => setKey(e.currentTarget.value)} />
      </Field>
      <Field id="new-site-origins" label={t.t('originsForNewSite')} hint={t.t('originsNewHint')}>
        <textarea id="new-site-origins" rows={2} value={origins} onInput={(e) => setOrigins(e.currentTarget.value)} />
      </Field>
      <FormError message={action.error} />
      <button type="submit" class="btn btn--primary" disabled={action.busy}>
        {t.t('createSite')}
      </button>
    </form>
  );
}
