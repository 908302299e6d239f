import { useState } from 'preact/hooks';
import type { SitePatch, SiteView } from '../../../shared/admin';
import { Field, fieldDescription, linesOf } from '../common';
import { SectionForm } from './SectionForm';
import { useSectionSave } from './use-section-save';
import { useDeskT } from '../../i18n/i18n';

export interface HandoffRulesFormProps {
  site: SiteView;
  /** The deployment's ticket categories; a category the site names that is no longer one is still listed. */
  categories: readonly string[];
  onSave: (patch: SitePatch) => Promise<unknown>;
}

const categoryLabel = (c: string) => c.replace(/_/g, ' ');

/** The site's handoff rules: categories that always go to a person, and VIP customers by verified email or user id. */
export function HandoffRulesForm({ site, categories, onSave }: HandoffRulesFormProps) {
  const t = useDeskT();
  const rules = site.handoffRules;
  const [chosen, setChosen] = useState<string[]>(rules.categories);
  const [vipEmails, setVipEmails] = useState(rules.vipEmails.join('\n'));
  const [vipUserIds, setVipUserIds] = useState(rules.vipUserIds.join('\n'));
  const save = useSectionSave('handoffRules', ['categories', 'vipEmails', 'vipUserIds'], onSave);
  const id = (field: string) => `site-${site.key}-${field}`;
  const offered = [...new Set([...categories, ...rules.categories])];
  const { categories: categoriesError, vipEmails: emailsError, vipUserIds: idsError } = save.errors.fields;
  return (
    <SectionForm
      title={t.t('handoffRulesTitle')}
      intro={t.t('handoffRulesIntro')}
      submitLabel={t.t('saveHandoffRules')}
      save={save}
      onSubmit={() => void save.save({ categories: chosen, vipEmails: linesOf(vipEmails), vipUserIds: linesOf(vipUserIds) })}
    >
      <fieldset class="settings__group" {...fieldDescription(id('categories'), { error: categoriesError })}>
        <legend>{t.t('categoriesToPerson')}</legend>
        <div class="settings__choices">
          {offered.map((c) => (
            <label key={c} class="settings__check">
              <input type="checkbox" checked={chosen.includes(c)} onChange={(e) => setChosen(e.currentTarget.checked ? [...chosen, c] : chosen.filter((x) => x !== c))} /> {categoryLabel(c)}
            </label>
          ))}
        </div>
        {categoriesError && (
          <p class="field__error" id={`${id('categories')}-error`}>
            {categoriesError}
          </p>
        )}
      </fieldset>
      <Field id={id('vip-emails')} label={t.t('vipEmails')} hint={t.t('onePerLine')} error={emailsError}>
        <textarea id={id('vip-emails')} rows={2} value={vipEmails} {...fieldDescription(id('vip-emails'), { hint: true, error: emailsError })} onInput={(e) => setVipEmails(e.currentTarget.value)} />
      </Field>
      <Field id={id('vip-user-ids')} label={t.t('vipUserIds')} hint={t.t('vipUserIdsHint')} error={idsError}>
        <textarea id={id('vip-user-ids')} rows={2} value={vipUserIds} {...fieldDescription(id('vip-user-ids'), { hint: true, error: idsError })} onInput={(e) => setVipUserIds(e.currentTarget.value)} />
      </Field>
    </SectionForm>
  );
}
