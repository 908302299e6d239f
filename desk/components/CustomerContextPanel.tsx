import { Fragment } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { CustomerContext } from '../../shared/team';
import { safeHref } from '../../shared/safe-text';
import { STATUS_LABELS } from '../format';

export interface CustomerContextPanelProps {
  ticketId: string;
  /** Reloaded when the ticket changes (a merge, a new request). */
  version: string;
  load: (ticketId: string) => Promise<CustomerContext>;
  /** Merges this ticket into another of the same customer's; resolves with an error text or null. */
  onMerge: (intoId: string) => Promise<string | null>;
}

const IDENTITY_TEXT: Record<CustomerContext['identity'], string> = {
  verified: 'Verified by the site',
  claimed: 'Not verified',
  anonymous: 'Anonymous visitor',
};

/** The requester's context: identity, page and browser, the site's attributes, and their other requests (to merge). */
export function CustomerContextPanel({ ticketId, version, load, onMerge }: CustomerContextPanelProps) {
  const [context, setContext] = useState<CustomerContext | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    load(ticketId).then((c) => live && setContext(c), () => live && setContext(null));
    return () => {
      live = false;
    };
  }, [ticketId, version, load]);
  if (!context) return null;
  const v = context.visitor;
  const merge = async (intoId: string) => setError(await onMerge(intoId));
  return (
    <section class="context" aria-label="Customer context">
      <h3 class="section-title">Customer context</h3>
      <dl class="requester__facts">
        <dt>Identity</dt>
        <dd>{IDENTITY_TEXT[context.identity]}</dd>
        {v?.pageUrl && (
          <>
            <dt>Page</dt>
            <dd>
              {safeHref(v.pageUrl) ? (
                <a href={safeHref(v.pageUrl) ?? undefined} target="_blank" rel="noopener noreferrer">
                  {v.pageTitle || v.pageUrl}
                </a>
              ) : (
                v.pageTitle || v.pageUrl
              )}
            </dd>
          </>
        )}
        {v?.referrer && (
          <>
            <dt>Referrer</dt>
            <dd>{v.referrer}</dd>
          </>
        )}
        {(v?.browser || v?.os) && (
          <>
            <dt>Browser</dt>
            <dd>{[v.browser, v.os].filter(Boolean).join(' on ')}</dd>
          </>
        )}
        {v?.attributes.map((a) => (
          <Fragment key={a.key}>
            <dt>{a.key}</dt>
            <dd>
              {a.value} <span class="muted">(unverified)</span>
            </dd>
          </Fragment>
        ))}
      </dl>
      <h4 class="section-title">Past requests</h4>
      {context.pastRequests.length === 0 ? (
        <p class="muted">No other requests.</p>
      ) : (
        <ul class="context__requests">
          {context.pastRequests.map((r) => (
            <li key={r.id}>
              <a href={`#/tickets/${r.id}`}>
                #{r.number} {r.subject}
              </a>{' '}
              <span class="muted">{STATUS_LABELS[r.status]}</span>
              {r.status !== 'closed' && (
                <button type="button" class="btn btn--link" onClick={() => void merge(r.id)}>
                  Merge into #{r.number}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
