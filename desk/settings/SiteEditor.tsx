import { useState } from 'preact/hooks';
import type { SitePatch, SiteView } from '../../shared/admin';
import { Field, FormError, linesOf } from './common';
import { LastChange } from './LastChange';
import { SitePreview } from './SitePreview';
import { useAction } from './use-load';

export interface SiteEditorProps {
  site: SiteView;
  onSave: (patch: SitePatch) => Promise<unknown>;
  onDelete: () => Promise<unknown>;
}

/** One site's form: name, allowed origins, look (with a live preview) and language; its other options have their own forms (`site-options/`). */
export function SiteEditor({ site, onSave, onDelete }: SiteEditorProps) {
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
    if (window.confirm(`Delete the site ${site.name}? A site with tickets or chats cannot be deleted; its tickets stay.`)) void action.run(onDelete);
  };

  return (
    <form class="settings__form" onSubmit={save} aria-label={`Edit site ${site.name}`}>
      <h3 class="section-title">
        {site.name} <code>{site.key}</code>
      </h3>
      <LastChange entry={site.lastChange} />
      <Field id={id('name')} label="Name">
        <input id={id('name')} value={name} required maxLength={100} onInput={(e) => setName(e.currentTarget.value)} />
      </Field>
      <Field id={id('origins')} label="Allowed origins" hint="One per line: https://shop.example.com, https://*.example.com (one level of subdomain), http://localhost:*">
        <textarea id={id('origins')} rows={3} value={origins} aria-describedby={`${id('origins')}-hint`} onInput={(e) => setOrigins(e.currentTarget.value)} />
      </Field>
      <fieldset class="settings__group">
        <legend>Look</legend>
        <div class="settings__look">
          <div>
            <Field id={id('color')} label="Colour">
              <input id={id('color')} type="color" value={look.color} onInput={(e) => setLook({ ...look, color: e.currentTarget.value })} />
            </Field>
            <Field id={id('position')} label="Position">
              <select id={id('position')} value={look.position} onChange={(e) => setLook({ ...look, position: e.currentTarget.value === 'left' ? 'left' : 'right' })}>
                <option value="right">Bottom right</option>
                <option value="left">Bottom left</option>
              </select>
            </Field>
            <Field id={id('agent')} label="Agent name">
              <input id={id('agent')} value={look.agentName} maxLength={40} onInput={(e) => setLook({ ...look, agentName: e.currentTarget.value })} />
            </Field>
            <Field id={id('greeting')} label="Greeting">
              <textarea id={id('greeting')} rows={3} maxLength={500} value={look.greeting} onInput={(e) => setLook({ ...look, greeting: e.currentTarget.value })} />
            </Field>
            <Field id={id('language')} label="Default language" hint="BCP 47, e.g. en, de, fr-CA">
              <input id={id('language')} value={language} onInput={(e) => setLanguage(e.currentTarget.value)} />
            </Field>
          </div>
          <SitePreview {...look} />
        </div>
      </fieldset>
      <FormError message={action.error} />
      {saved && (
        <p class="settings__saved" role="status">
          Saved. Pages pick up the change on their next load.
        </p>
      )}
      <div class="settings__actions">
        <button type="submit" class="btn btn--primary" disabled={action.busy}>
          Save site
        </button>
        <button type="button" class="btn btn--danger" onClick={remove} disabled={action.busy}>
          Delete site
        </button>
      </div>
    </form>
  );
}
