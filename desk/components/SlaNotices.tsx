import type { SlaNotice } from '../models/QueueModel';

export interface SlaNoticesProps {
  notices: readonly SlaNotice[];
}

/**
 * SLA notifications ("#1042 breached its first-response deadline"), read out politely. The region is always
 * there (a live region must exist before its text changes); each notice goes away by itself.
 */
export function SlaNotices({ notices }: SlaNoticesProps) {
  return (
    <div class="sla-notices" role="status">
      {notices.map((n) => (
        <p key={n.id} class={`sla-notice sla-notice--${n.kind}`}>
          {n.text}
        </p>
      ))}
    </div>
  );
}
