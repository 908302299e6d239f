import { useState } from 'preact/hooks';
import type { SitePatch, SiteView } from '../../../shared/admin';
import { Field, fieldDescription, linesOf } from '../common';
import { HandoffRulesForm } from './HandoffRulesForm';
import { numberOf, SectionForm } from './SectionForm';
import { useSectionSave } from './use-section-save';

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
  return (
    <section class="site-options" aria-labelledby={`site-${site.key}-options`}>
      <h3 class="section-title" id={`site-${site.key}-options`}>
        Options of {site.name}
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
  const [auto, setAuto] = useState(site.assignment.auto);
  const [maxChats, setMaxChats] = useState(String(site.assignment.maxOpenChats));
  const save = useSectionSave('assignment', ['auto', 'maxOpenChats'], onSave);
  const id = `site-${site.key}-max-chats`;
  const error = save.errors.fields['maxOpenChats'];
  return (
    <SectionForm
      title="Automatic assignment"
      intro="When on, a chat handed to a person goes to an online agent of the centre covering it, taking turns (the agent given a chat longest ago first), skipping agents who already hold the limit below."
      submitLabel="Save assignment"
      save={save}
      onSubmit={() => void save.save({ auto, maxOpenChats: numberOf(maxChats) })}
    >
      <label class="settings__check">
        <input type="checkbox" checked={auto} onChange={(e) => setAuto(e.currentTarget.checked)} /> Assign chats automatically
      </label>
      <Field id={id} label="Open chats per agent" hint="1 to 50" error={error}>
        <input id={id} type="number" min={1} max={50} value={maxChats} {...fieldDescription(id, { hint: true, error })} onInput={(e) => setMaxChats(e.currentTarget.value)} />
      </Field>
    </SectionForm>
  );
}

function FollowUpForm({ site, onSave }: SectionProps) {
  const [askForEmail, setAskForEmail] = useState(site.reach.askForEmail);
  const [minutes, setMinutes] = useState(String(site.reach.mailUnseenAfterMinutes));
  const save = useSectionSave('reach', ['askForEmail', 'mailUnseenAfterMinutes'], onSave);
  const id = `site-${site.key}-mail-after`;
  const error = save.errors.fields['mailUnseenAfterMinutes'];
  return (
    <SectionForm
      title="Follow-up by email"
      intro="A reply the visitor has not seen in the messenger within these minutes is mailed to them, when their email is known."
      submitLabel="Save follow-up"
      save={save}
      onSubmit={() => void save.save({ askForEmail, mailUnseenAfterMinutes: numberOf(minutes) })}
    >
      <label class="settings__check">
        <input type="checkbox" checked={askForEmail} onChange={(e) => setAskForEmail(e.currentTarget.checked)} /> Ask visitors for their email
      </label>
      <Field id={id} label="Mail unseen replies after (minutes)" hint="1 to 1440 (a day)" error={error}>
        <input id={id} type="number" min={1} max={1440} value={minutes} {...fieldDescription(id, { hint: true, error })} onInput={(e) => setMinutes(e.currentTarget.value)} />
      </Field>
    </SectionForm>
  );
}

function CsatForm({ site, onSave }: SectionProps) {
  const [enabled, setEnabled] = useState(site.csat.enabled);
  const save = useSectionSave('csat', ['enabled'], onSave);
  return (
    <SectionForm
      title="Satisfaction survey"
      intro="When on, a customer whose request is solved is asked to rate it from 1 to 5, in the messenger or by email."
      submitLabel="Save satisfaction survey"
      save={save}
      onSubmit={() => void save.save({ enabled })}
    >
      <label class="settings__check">
        <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.currentTarget.checked)} /> Ask for a satisfaction rating
      </label>
    </SectionForm>
  );
}

function AttachmentsForm({ site, onSave }: SectionProps) {
  const [maxMb, setMaxMb] = useState(String(Math.round((site.attachments.maxBytes / MB) * 1000) / 1000));
  const [types, setTypes] = useState(site.attachments.types.join(', '));
  const save = useSectionSave('attachments', ['maxBytes', 'types'], onSave);
  const sizeId = `site-${site.key}-max-mb`;
  const typesId = `site-${site.key}-types`;
  const sizeError = save.errors.fields['maxBytes'];
  const typesError = save.errors.fields['types'];
  return (
    <SectionForm
      title="Attachments"
      intro="What visitors and agents may attach to a conversation; larger files and other types are refused."
      submitLabel="Save attachments"
      save={save}
      onSubmit={() => void save.save({ maxBytes: Math.round(numberOf(maxMb) * MB), types: linesOf(types) })}
    >
      <Field id={sizeId} label="Largest file (MB)" hint="From 0.001 (1 KB) to 50" error={sizeError}>
        <input id={sizeId} type="number" min={0.001} max={50} step="any" value={maxMb} {...fieldDescription(sizeId, { hint: true, error: sizeError })} onInput={(e) => setMaxMb(e.currentTarget.value)} />
      </Field>
      <Field id={typesId} label="Allowed types" hint="Comma-separated media types, e.g. image/png, application/pdf; image/* allows every image" error={typesError}>
        <input id={typesId} value={types} {...fieldDescription(typesId, { hint: true, error: typesError })} onInput={(e) => setTypes(e.currentTarget.value)} />
      </Field>
    </SectionForm>
  );
}
