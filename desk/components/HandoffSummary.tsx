import type { ReadonlySignal } from '@preact/signals';
import type { Handoff } from '../../shared/protocol';
import { CHANNEL_LABELS, IDENTITY_LABELS, handoffReasonText } from '../format';
import { DueTime } from './DueTime';
import { PriorityBadge } from './PriorityBadge';
import { SourceLink } from './SourceLink';

export interface HandoffSummaryProps {
  handoff: Handoff;
  /** The AI agent's display name (Kai by default). */
  aiName: string;
  now: ReadonlySignal<number>;
}

/** Kai's structured handoff packet, shown first so the agent starts from the summary, not the transcript. */
export function HandoffSummary({ handoff, aiName, now }: HandoffSummaryProps) {
  return (
    <section class="handoff" aria-label="Handoff summary">
      <h3 class="handoff__title">Handoff summary</h3>
      <p class="handoff__reason">{handoffReasonText(handoff.reason, aiName)}</p>
      <dl class="handoff__facts">
        <dt>Problem</dt>
        <dd class="handoff__problem">{handoff.problem}</dd>

        <dt>What {aiName} tried</dt>
        <dd>
          {handoff.tried.length ? (
            <ul class="handoff__list">
              {handoff.tried.map((step, i) => (
                <li key={i}>{step}</li>
              ))}
            </ul>
          ) : (
            <span class="muted">Nothing yet</span>
          )}
        </dd>

        <dt>Sources</dt>
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
            <span class="muted">None</span>
          )}
        </dd>

        <dt>Urgency</dt>
        <dd>
          <PriorityBadge level={handoff.urgency.level} title="Urgency" /> <span>{handoff.urgency.reason}</span>
        </dd>

        <dt>Impact</dt>
        <dd>
          <PriorityBadge level={handoff.impact.level} title="Impact" /> <span>{handoff.impact.reason}</span>
        </dd>

        {handoff.evidence.length > 0 && (
          <>
            <dt>Evidence</dt>
            <dd>
              {handoff.evidence.map((quote, i) => (
                <blockquote key={i} class="handoff__quote">
                  {quote}
                </blockquote>
              ))}
            </dd>
          </>
        )}

        <dt>Identity</dt>
        <dd class={`identity identity--${handoff.identity}`}>{IDENTITY_LABELS[handoff.identity]}</dd>

        <dt>Channel</dt>
        <dd>{CHANNEL_LABELS[handoff.channel]}</dd>

        <dt>Deadline</dt>
        <dd>
          <DueTime dueAt={handoff.deadline} now={now} />
        </dd>
      </dl>
    </section>
  );
}
