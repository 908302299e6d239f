import { useState } from 'preact/hooks';
import type { Calendar, OpeningPeriod, Weekday } from '../../../shared/calendar';
import { useDeskT } from '../../i18n/i18n';
import { Field, FormError, fieldDescription, linesOf } from '../common';
import { sortIssues, type Issue } from '../field-errors';
import { HoursEditor } from './HoursEditor';
import type { SupportPlanSummary } from './operations-types';
import { PREVIEW_PLACES } from './OperationsPreview';

export interface PlanFormProps {
  /** The plan edited; null: a new plan. */
  plan: SupportPlanSummary | null;
  /** Saves the plan; answers the issues of this plan (paths from the plan), none when saved. */
  onSubmit: (plan: SupportPlanSummary) => Promise<readonly Issue[]>;
  onCancel: () => void;
}

const FIELDS = ['id', 'name', 'team', 'match.emails', 'match.domains', 'match.siteKeys', 'match', 'calendar'] as const;

const WEEKDAYS: readonly Weekday[] = [1, 2, 3, 4, 5];
const WEEKDAY_HOURS: OpeningPeriod[] = WEEKDAYS.map((weekday) => ({ weekday, open: '09:00', close: '17:00' }));

/** A plan's id from its name (`Acme 24/7` → `acme-24-7`), when the admin gives none. */
export const planIdOf = (name: string) =>
  name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64);

/** One support plan's form: name, team, who it covers (emails, domains, sites) and its own calendar. */
export function PlanForm({ plan, onSubmit, onCancel }: PlanFormProps) {
  const t = useDeskT();
  const [name, setName] = useState(plan?.name ?? '');
  const [id, setId] = useState(plan?.id ?? '');
  const [team, setTeam] = useState(plan?.team ?? '');
  const [emails, setEmails] = useState((plan?.match.emails ?? []).join('\n'));
  const [domains, setDomains] = useState((plan?.match.domains ?? []).join('\n'));
  const [siteKeys, setSiteKeys] = useState((plan?.match.siteKeys ?? []).join('\n'));
  const [calendar, setCalendar] = useState<Calendar>(plan?.calendar ?? { id: '', name: '', timeZone: 'Europe/London', periods: WEEKDAY_HOURS, holidays: null, closures: [] });
  const [issues, setIssues] = useState<readonly Issue[]>([]);
  const [busy, setBusy] = useState(false);
  const errors = sortIssues(issues, FIELDS);
  const err = (field: (typeof FIELDS)[number]) => errors.fields[field];
  const title = plan ? t.t('opsEditPlan', { name: plan.name }) : t.t('opsNewSupportPlan');
  const f = (field: string) => `plan-${field}`;

  const submit = async (e: Event) => {
    e.preventDefault();
    const planId = plan?.id ?? (id.trim() || planIdOf(name));
    const match = { emails: linesOf(emails), domains: linesOf(domains), siteKeys: linesOf(siteKeys) };
    const next: SupportPlanSummary = {
      id: planId,
      name: name.trim(),
      match: Object.fromEntries(Object.entries(match).filter(([, list]) => list.length)),
      calendar: { ...calendar, id: planId, name: name.trim() },
      ...(team.trim() ? { team: team.trim() } : {}),
    };
    setBusy(true);
    setIssues(await onSubmit(next));
    setBusy(false);
  };

  return (
    <form class="settings__form plan-form" aria-label={title} noValidate onSubmit={submit}>
      <h3 class="section-title">{title}</h3>
      <Field id={f('name')} label={t.t('opsPlanName')} error={err('name')}>
        <input id={f('name')} value={name} maxLength={200} {...fieldDescription(f('name'), { error: err('name') })} onInput={(e) => setName(e.currentTarget.value)} />
      </Field>
      {!plan && (
        <Field id={f('id')} label={t.t('opsPlanId')} hint={t.t('opsPlanIdHint')} error={err('id')}>
          <input id={f('id')} value={id} maxLength={64} {...fieldDescription(f('id'), { hint: true, error: err('id') })} onInput={(e) => setId(e.currentTarget.value)} />
        </Field>
      )}
      {plan && err('id') && <FormError message={err('id')!} />}
      <Field id={f('team')} label={t.t('opsPlanTeamLabel')} hint={t.t('opsPlanTeamHint')} error={err('team')}>
        <input id={f('team')} value={team} maxLength={200} {...fieldDescription(f('team'), { hint: true, error: err('team') })} onInput={(e) => setTeam(e.currentTarget.value)} />
      </Field>
      <fieldset class="settings__group" {...fieldDescription(f('match'), { error: err('match') })}>
        <legend>{t.t('opsPlanCoversLegend')}</legend>
        <Field id={f('emails')} label={t.t('opsRequesterEmails')} hint={t.t('onePerLine')} error={err('match.emails')}>
          <textarea id={f('emails')} rows={2} value={emails} {...fieldDescription(f('emails'), { hint: true, error: err('match.emails') })} onInput={(e) => setEmails(e.currentTarget.value)} />
        </Field>
        <Field id={f('domains')} label={t.t('opsEmailDomains')} hint={t.t('opsEmailDomainsHint')} error={err('match.domains')}>
          <textarea id={f('domains')} rows={2} value={domains} {...fieldDescription(f('domains'), { hint: true, error: err('match.domains') })} onInput={(e) => setDomains(e.currentTarget.value)} />
        </Field>
        <Field id={f('sites')} label={t.t('opsSiteKeys')} hint={t.t('opsSiteKeysHint')} error={err('match.siteKeys')}>
          <textarea id={f('sites')} rows={2} value={siteKeys} {...fieldDescription(f('sites'), { hint: true, error: err('match.siteKeys') })} onInput={(e) => setSiteKeys(e.currentTarget.value)} />
        </Field>
        {err('match') && (
          <p class="field__error" id={`${f('match')}-error`}>
            {err('match')}
          </p>
        )}
      </fieldset>
      <Field id={f('zone')} label={t.t('opsPlanZone')} hint={t.t('opsPlanZoneHint')} error={err('calendar')}>
        <input id={f('zone')} list={f('zones')} value={calendar.timeZone} {...fieldDescription(f('zone'), { hint: true, error: err('calendar') })} onInput={(e) => setCalendar({ ...calendar, timeZone: e.currentTarget.value.trim() })} />
        <datalist id={f('zones')}>
          {PREVIEW_PLACES.map((p) => (
            <option key={p.timeZone} value={p.timeZone} />
          ))}
        </datalist>
      </Field>
      <HoursEditor calendar={calendar} title={t.t('opsPlanHours', { name: name.trim() || t.t('opsNewPlan') })} onChange={setCalendar} />
      <FormError message={errors.rest} />
      <div class="settings__actions">
        <button type="submit" class="btn btn--primary" disabled={busy}>
          {t.t(plan ? 'opsSavePlan' : 'opsAddPlan')}
        </button>
        <button type="button" class="btn" onClick={onCancel} disabled={busy}>
          {t.t('cancel')}
        </button>
      </div>
    </form>
  );
}
