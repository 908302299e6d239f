import type { ReadonlySignal } from '@preact/signals';
import type { Handoff } from '../../shared/protocol';
import { channelLabel, identityLabel, handoffReasonText } from '../format';
import { DueTime } from './DueTime';
import { PriorityBadge } from './PriorityBadge';
import { SourceLink } from './SourceLink';
import { useDeskT } from '../i18n/i18n';

export interface HandoffSummaryProps {
  handoff: Handoff;
  /** The AI agent's display name (Kai by default). */
  aiName: string;
  now: ReadonlySignal<number>;
}

/** Kai's structured handoff packet, shown first so the agent starts from the summary, not the transcript. */
export function HandoffSummary({ handoff, aiName, now }: HandoffSummaryProps) {
  const t = useDeskT();
  return (
    <section class="handoff" aria-label={t.t('handoffSummary')}>
      <h3 class="handoff__title">{t.t('handoffSummary')}</h3>
      <p class="handoff__reason">{handoffReasonText(handoff.reason, aiName, t)}</p>
      <dl class="handoff__facts">
        <dt>{t.t('problem')}</dt>
        <dd class="handoff__problem">{handoff.problem}</dd>

        <dt>{t.t('whatAiTried', { ai: aiName })}</dt>
        <dd>
          {handoff.tried.length ? (
            <ul class="handoff__list">
              {handoff.tried.map((step, i) => (
                <li key={i}>{step}</li>
              ))}
            </ul>
          ) : (
            <span class="muted">{t.t('nothingYet')}</span>
          )}
        </dd>

        <dt>{t.t('sources')}</dt>
        <dd>
          {handoff.sources.length ? (
            <ul class="handoff__list">
              {handoff.sources.map((s) => (
                <li key={s.id}>
                  <SourceLink source={s} />
                </li>
              ))}
            </ul>
          ) : (
            <span class="muted">{t.t('none')}</span>
          )}
        </dd>

        <dt>{t.t('urgency')}</dt>
        <dd>
          <PriorityBadge level={handoff.urgency.level} title={t.t('urgency')} /> <span>{handoff.urgency.reason}</span>
        </dd>

        <dt>{t.t('impact')}</dt>
        <dd>
          <PriorityBadge level={handoff.impact.level} title={t.t('impact')} /> <span>{handoff.impact.reason}</span>
        </dd>

        {handoff.evidence.length > 0 && (
          <>
            <dt>{t.t('evidence')}</dt>
            <dd>
              {handoff.evidence.map((quote, i) => (
                <blockquote key={i} class="handoff__quote">
                  {quote}
                </blockquote>
              ))}
            </dd>
          </>
        )}

        <dt>{t.t('identity')}</dt>
        <dd class={`identity identity--${handoff.identity}`}>{identityLabel(handoff.identity, t)}</dd>

        <dt>{t.t('channel')}</dt>
        <dd>{channelLabel(handoff.channel, t)}</dd>

        <dt>{t.t('deadline')}</dt>
        <dd>
          <DueTime dueAt={handoff.deadline} now={now} />
        </dd>
      </dl>
    </section>
  );
}
