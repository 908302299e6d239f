import { Fragment } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { CustomerContext } from '../../shared/team';
import { safeHref } from '../../shared/safe-text';
import { statusLabel } from '../format';
import { useDeskT } from '../i18n/i18n';

export interface CustomerContextPanelProps {
  ticketId: string;
  /** Reloaded when the ticket changes (a merge, a new request). */
  version: string;
  load: (ticketId: string) => Promise<CustomerContext>;
  /** Merges this ticket into another of the same customer's; resolves with an error text or null. */
  onMerge: (intoId: string) => Promise<string | null>;
}

/** The requester's context: identity, page and browser, the site's attributes, and their other requests (to merge). */
export function CustomerContextPanel({ ticketId, version, load, onMerge }: CustomerContextPanelProps) {
  const t = useDeskT();
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
    <section class="context" aria-label={t.t('customerContext')}>
      <h3 class="section-title">{t.t('customerContext')}</h3>
      <dl class="requester__facts">
        <dt>{t.t('identity')}</dt>
        <dd>{t.t(`ctx_${context.identity}`)}</dd>
        {v?.pageUrl && (
          <>
            <dt>{t.t('page')}</dt>
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
            <dt>{t.t('referrer')}</dt>
            <dd>{v.referrer}</dd>
          </>
        )}
        {(v?.browser || v?.os) && (
          <>
            <dt>{t.t('browser')}</dt>
            <dd>{v.browser && v.os ? t.t('browserOn', { browser: v.browser, os: v.os }) : v.browser || v.os}</dd>
          </>
        )}
        {v?.attributes.map((a) => (
          <Fragment key={a.key}>
            <dt>{a.key}</dt>
            <dd>
              {a.value} <span class="muted">{t.t('unverifiedValue')}</span>
            </dd>
          </Fragment>
        ))}
      </dl>
      <h4 class="section-title">{t.t('pastRequests')}</h4>
      {context.pastRequests.length === 0 ? (
        <p class="muted">{t.t('noOtherRequests')}</p>
      ) : (
        <ul class="context__requests">
          {context.pastRequests.map((r) => (
            <li key={r.id}>
              <a href={`#/tickets/${r.id}`}>
                #{r.number} {r.subject}
              </a>{' '}
              <span class="muted">{statusLabel(r.status, t)}</span>
              {r.status !== 'closed' && (
                <button type="button" class="btn btn--link" onClick={() => void merge(r.id)}>
                  {t.t('mergeInto', { number: r.number })}
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
