import type { WidgetSession, WidgetSessionInput } from '../../../shared/protocol';
import type { CoreContext } from '../context';
import { AppError } from '../errors';
import { allowedOrigins, findSiteByKey, isOriginAllowed, siteSettings, toPublicSettings } from '../sites/site.repository';
import { verifyIdentity } from '../sites/identity';
import { describeAvailability } from '../tickets/promise';
import { createVisitor, findVisitor, signVisitorToken, touchVisitor, verifyVisitorToken } from '../sites/visitor.repository';

function validTimeZone(tz: string | undefined): string | null {
  if (!tz) return null;
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: tz });
    return tz;
  } catch {
    return null;
  }
}

/**
 * Starts or resumes a visitor's messenger session. The host page's origin must be one of the site's allowed
 * origins; a token from an earlier session resumes the same visitor (so two tabs share one conversation).
 */
export async function startWidgetSession(ctx: CoreContext & { secret: string }, input: WidgetSessionInput): Promise<WidgetSession> {
  const site = await findSiteByKey(ctx.db, input.siteKey);
  if (!site) throw new AppError('not_found', `No site with key ${input.siteKey}`);
  if (input.origin && !isOriginAllowed(allowedOrigins(site), input.origin)) {
    throw new AppError('forbidden', `The origin ${input.origin} may not embed this messenger`);
  }
  const now = ctx.now();
  const timeZone = validTimeZone(input.timeZone);
  let visitorId = input.token ? verifyVisitorToken(ctx.secret, input.token) : null;
  const existing = visitorId ? await findVisitor(ctx.db, visitorId) : undefined;
  if (!existing || existing.site_id !== site.id) visitorId = (await createVisitor(ctx.db, { siteId: site.id, timeZone, now })).id;
  const verified = input.user ? await verifyIdentity(siteSettings(site).identitySecret, input.user.id, input.user.token, now) : undefined;
  await touchVisitor(ctx.db, visitorId!, {
    timeZone,
    language: input.language?.match(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/) ? input.language : null,
    name: input.user?.name ?? null,
    email: input.user?.email ?? null,
    externalId: input.user?.id ?? null,
    ...(verified !== undefined ? { verified } : {}),
    now,
  });
  return {
    token: signVisitorToken(ctx.secret, visitorId!),
    visitorId: visitorId!,
    site: toPublicSettings(site),
    availability: describeAvailability(ctx.operations.get(), timeZone, now),
  };
}
