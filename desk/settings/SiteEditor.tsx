import { useState } from 'preact/hooks';
import type { SitePatch, SiteView } from '../../shared/admin';
import { Field, FormError, linesOf } from './common';
import { LastChange } from './LastChange';
import { SitePreview } from './SitePreview';
import { useAction } from './use-load';
import { useDeskT } from '../i18n/i18n';

export interface SiteEditorProps {
  site: SiteView;
  onSave: (patch: SitePatch) => Promise<unknown>;
  onDelete: () => Promise<unknown>;
}

/** One site's form: name, allowed origins, look (with a live preview) and language; its other options have their own forms (`site-options/`). */
export function SiteEditor({ site, onSave, onDelete }: SiteEditorProps) {
  const t = useDeskT();
  const [name, setName] = useState(site.name);
  const [origins, setOrigins] = useState(site.allowedOrigins.join('\n'));
  const [look, setLook] = useState(site.appearance);
  const [language, setLanguage] = useState(site.language);
  const action = useAction();
  const [saved, setSaved] = useState(false);
  const id = (field: string) => `site-${site.key}-${field}`;

  const save = async (e: Event) => {
    e.preventDefault();
    setSaved(false);
    const ok = await action.run(() =>
      onSave({
        name,
        allowedOrigins: linesOf(origins),
        language,
        appearance: look,
      }),
    );
    setSaved(ok);
  };
  const remove = () => {
    if (window.confirm(t.t('deleteSiteQuestion', { name: site.name }))) void action.run(onDelete);
  };

  return (
    <form class="settings__form" onSubmit={save} aria-label={t.t('editSite', { name: site.name })}>
      <h3 class="section-title">
        {site.name} <code>{site.key}</code>
      </h3>
      <LastChange entry={site.lastChange} />
      <Field id={id('name')} label={t.t('name')}>
        <input id={id('name')} value={name} required maxLength={100} onInput={(e) => setName(e.currentTarget.value)} />
      </Field>
      <Field id={id('origins')} label={t.t('allowedOrigins')} hint={t.t('originsHint')}>
        <textarea id={id('origins')} rows={3} value={origins} aria-describedby={`${id('origins')}-hint`} onInput={(e) => setOrigins(e.currentTarget.value)} />
      </Field>
      <fieldset class="settings__group">
        <legend>{t.t('look')}</legend>
        <div class="settings__look">
          <div>
            <Field id={id('color')} label={t.t('colour')}>
              <input id={id('color')} type="color" value={look.color} onInput={(e) => setLook({ ...look, color: e.currentTarget.value })} />
            </Field>
            <Field id={id('position')} label={t.t('position')}>
              <select id={id('position')} value={look.position} onChange={(e) => setLook({ ...look, position: e.currentTarget.value === 'left' ? 'left' : 'right' })}>
                <option value="right">{t.t('bottomRight')}</option>
                <option value="left">{t.t('bottomLeft')}</option>
              </select>
            </Field>
            <Field id={id('agent')} label={t.t('agentName')}>
              <input id={id('agent')} value={look.agentName} maxLength={40} onInput={(e) => setLook({ ...look, agentName: e.currentTarget.value })} />
            </Field>
            <Field id={id('greeting')} label={t.t('greeting')}>
              <textarea id={id('greeting')} rows={3} maxLength={500} value={look.greeting} onInput={(e) => setLook({ ...look, greeting: e.currentTarget.value })} />
            </Field>
            <Field id={id('language')} label={t.t('defaultLanguage')} hint={t.t('defaultLanguageHint')}>
              <input id={id('language')} value={language} onInput={(e) => setLanguage(e.currentTarget.value)} />
            </Field>
          </div>
          <SitePreview {...look} />
        </div>
      </fieldset>
      <FormError message={action.error} />
      {saved && (
        <p class="settings__saved" role="status">
          {t.t('siteSaved')}
        </p>
      )}
      <div class="settings__actions">
        <button type="submit" class="btn btn--primary" disabled={action.busy}>
          {t.t('saveSite')}
        </button>
        <button type="button" class="btn btn--danger" onClick={remove} disabled={action.busy}>
          {t.t('deleteSite')}
        </button>
      </div>
    </form>
  );
}
