import { useState } from 'preact/hooks';
import type { SitePatch, SiteView } from '../../../shared/admin';
import { Field, fieldDescription, linesOf } from '../common';
import { HandoffRulesForm } from './HandoffRulesForm';
import { numberOf, SectionForm } from './SectionForm';
import { useSectionSave } from './use-section-save';
import { useDeskT } from '../../i18n/i18n';

export interface SiteOptionsProps {
  site: SiteView;
  /** The deployment's ticket categories (Settings → Operations), offered as handoff categories. */
  categories: readonly string[];
  onSave: (patch: SitePatch) => Promise<unknown>;
}

interface SectionProps {
  site: SiteView;
  onSave: (patch: SitePatch) => Promise<unknown>;
}

const MB = 1024 * 1024;

/** A site's options, one form per section, each saved on its own: handoff, assignment, follow-up, CSAT, attachments. */
export function SiteOptions({ site, categories, onSave }: SiteOptionsProps) {
  const t = useDeskT();
  return (
    <section class="site-options" aria-labelledby={`site-${site.key}-options`}>
      <h3 class="section-title" id={`site-${site.key}-options`}>
        {t.t('optionsOf', { name: site.name })}
      </h3>
      <HandoffRulesForm site={site} categories={categories} onSave={onSave} />
      <AssignmentForm site={site} onSave={onSave} />
      <FollowUpForm site={site} onSave={onSave} />
      <CsatForm site={site} onSave={onSave} />
      <AttachmentsForm site={site} onSave={onSave} />
    </section>
  );
}

function AssignmentForm({ site, onSave }: SectionProps) {
  const t = useDeskT();
  const [auto, setAuto] = useState(site.assignment.auto);
  const [maxChats, setMaxChats] = useState(String(site.assignment.maxOpenChats));
  const save = useSectionSave('assignment', ['auto', 'maxOpenChats'], onSave);
  const id = `site-${site.key}-max-chats`;
  const error = save.errors.fields['maxOpenChats'];
  return (
    <SectionForm
      title={t.t('assignmentTitle')}
      intro={t.t('assignmentIntro')}
      submitLabel={t.t('saveAssignment')}
      save={save}
      onSubmit={() => void save.save({ auto, maxOpenChats: numberOf(maxChats) })}
    >
      <label class="settings__check">
        <input type="checkbox" checked={auto} onChange={(e) => setAuto(e.currentTarget.checked)} /> {t.t('assignAutomatically')}
      </label>
      <Field id={id} label={t.t('openChatsPerAgent')} hint={t.t('oneTo50')} error={error}>
        <input id={id} type="number" min={1} max={50} value={maxChats} {...fieldDescription(id, { hint: true, error })} onInput={(e) => setMaxChats(e.currentTarget.value)} />
      </Field>
    </SectionForm>
  );
}

function FollowUpForm({ site, onSave }: SectionProps) {
  const t = useDeskT();
  const [askForEmail, setAskForEmail] = useState(site.reach.askForEmail);
  const [minutes, setMinutes] = useState(String(site.reach.mailUnseenAfterMinutes));
  const save = useSectionSave('reach', ['askForEmail', 'mailUnseenAfterMinutes'], onSave);
  const id = `site-${site.key}-mail-after`;
  const error = save.errors.fields['mailUnseenAfterMinutes'];
  return (
    <SectionForm
      title={t.t('followUpTitle')}
      intro={t.t('followUpIntro')}
      submitLabel={t.t('saveFollowUp')}
      save={save}
      onSubmit={() => void save.save({ askForEmail, mailUnseenAfterMinutes: numberOf(minutes) })}
    >
      <label class="settings__check">
        <input type="checkbox" checked={askForEmail} onChange={(e) => setAskForEmail(e.currentTarget.checked)} /> {t.t('askForEmail')}
      </label>
      <Field id={id} label={t.t('mailUnseenAfter')} hint={t.t('oneTo1440')} error={error}>
        <input id={id} type="number" min={1} max={1440} value={minutes} {...fieldDescription(id, { hint: true, error })} onInput={(e) => setMinutes(e.currentTarget.value)} />
      </Field>
    </SectionForm>
  );
}

function CsatForm({ site, onSave }: SectionProps) {
  const t = useDeskT();
  const [enabled, setEnabled] = useState(site.csat.enabled);
  const save = useSectionSave('csat', ['enabled'], onSave);
  return (
    <SectionForm
      title={t.t('csatTitle')}
      intro={t.t('csatIntro')}
      submitLabel={t.t('saveCsat')}
      save={save}
      onSubmit={() => void save.save({ enabled })}
    >
      <label class="settings__check">
        <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.currentTarget.checked)} /> {t.t('askForRating')}
      </label>
    </SectionForm>
  );
}

function AttachmentsForm({ site, onSave }: SectionProps) {
  const t = useDeskT();
  const [maxMb, setMaxMb] = useState(String(Math.round((site.attachments.maxBytes / MB) * 1000) / 1000));
  const [types, setTypes] = useState(site.attachments.types.join(', '));
  const save = useSectionSave('attachments', ['maxBytes', 'types'], onSave);
  const sizeId = `site-${site.key}-max-mb`;
  const typesId = `site-${site.key}-types`;
  const sizeError = save.errors.fields['maxBytes'];
  const typesError = save.errors.fields['types'];
  return (
    <SectionForm
      title={t.t('attachments')}
      intro={t.t('attachmentsIntro')}
      submitLabel={t.t('saveAttachments')}
      save={save}
      onSubmit={() => void save.save({ maxBytes: Math.round(numberOf(maxMb) * MB), types: linesOf(types) })}
    >
      <Field id={sizeId} label={t.t('largestFile')} hint={t.t('largestFileHint')} error={sizeError}>
        <input id={sizeId} type="number" min={0.001} max={50} step="any" value={maxMb} {...fieldDescription(sizeId, { hint: true, error: sizeError })} onInput={(e) => setMaxMb(e.currentTarget.value)} />
      </Field>
      <Field id={typesId} label={t.t('allowedTypes')} hint={t.t('allowedTypesHint')} error={typesError}>
        <input id={typesId} value={types} {...fieldDescription(typesId, { hint: true, error: typesError })} onInput={(e) => setTypes(e.currentTarget.value)} />
      </Field>
    </SectionForm>
  );
}
