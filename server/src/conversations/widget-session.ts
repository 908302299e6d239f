import type { CentreId } from '../../../shared/protocol';
import type { WidgetSession, WidgetSessionInput } from '../../../shared/protocol';
import type { CoreContext } from '../context';
import type { SiteRow, VisitorRow } from '../db/schema';
import { AppError } from '../errors';
import { allowedOrigins, findSiteByKey, isOriginAllowed, toPublicSettings } from '../sites/site.repository';
import { noteOriginSeen } from '../sites/site-admin';
import { verifyIdentity } from '../sites/identity';
import { listIdentitySecrets } from '../sites/identity-secret.repository';
import { describeAvailability } from '../tickets/promise';
import { createVisitor, findVisitor, setVisitorContext, setVisitorIdentity, signVisitorToken, touchVisitor, verifyVisitorToken } from '../sites/visitor.repository';

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
 * The visitor a token resumes, if it may: same site, and the same logged-in user (a token left in a browser by
 * one user never carries over to another user or to an anonymous visit, so nobody inherits another's chat).
 */
async function resumable(ctx: CoreContext & { secret: string }, site: SiteRow, input: WidgetSessionInput): Promise<VisitorRow | null> {
  const claim = input.token ? verifyVisitorToken(ctx.secret, input.token, ctx.now(), { allowLegacy: true }) : null;
  const visitor = claim ? await findVisitor(ctx.db, claim.visitorId) : undefined;
  if (!visitor || visitor.site_id !== site.id) return null;
  if (visitor.external_id !== null && visitor.external_id !== (input.user?.id ?? null)) return null;
  return visitor;
}

/**
 * Starts or resumes a visitor's messenger session. The host page's origin must be one of the site's allowed
 * origins; a token from an earlier session resumes the same visitor (so two tabs share one conversation), and a
 * fresh token is issued every time. Only what a valid signed identity carries is stored as verified; an email
 * passed beside it is kept as a claim (`claimed_email`), which never matches anyone's requests.
 */
export async function startWidgetSession(
  ctx: CoreContext & { secret: string; staffedCentres?: () => Promise<ReadonlySet<CentreId> | undefined> },
  input: WidgetSessionInput,
  userAgent: string | null = null,
): Promise<WidgetSession> {
  const site = await findSiteByKey(ctx.db, input.siteKey);
  if (!site) throw new AppError('not_found', `No site with key ${input.siteKey}`);
  if (input.origin && !isOriginAllowed(allowedOrigins(site), input.origin)) {
    throw new AppError('forbidden', `The origin ${input.origin} may not embed this messenger`);
  }
  const now = ctx.now();
  if (input.origin) await noteOriginSeen(ctx.db, site.id, input.origin.replace(/\/$/, '').toLowerCase(), now);
  const timeZone = validTimeZone(input.timeZone);
  const visitor = (await resumable(ctx, site, input)) ?? (await createVisitor(ctx.db, { siteId: site.id, timeZone, now }));
  await touchVisitor(ctx.db, visitor.id, {
    timeZone,
    language: input.language?.match(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/) ? input.language : null,
    now,
  });
  await setVisitorContext(ctx.db, visitor.id, { userAgent, page: input.page, attributes: input.attributes });
  if (input.user) {
    const identity = await verifyIdentity(await listIdentitySecrets(ctx.db, site.id), input.user, now);
    const claimed = input.user.email?.trim().toLowerCase() ?? null;
    await setVisitorIdentity(ctx.db, visitor.id, {
      externalId: input.user.id,
      name: identity?.name ?? input.user.name ?? null,
      email: identity?.email ?? null,
      claimedEmail: claimed && claimed !== identity?.email ? claimed : null,
      verified: identity !== null,
    });
  }
  const { token, expiresAt } = signVisitorToken(ctx.secret, visitor.id, now);
  return {
    token,
    tokenExpiresAt: expiresAt.toISOString(),
    visitorId: visitor.id,
    site: toPublicSettings(site),
    availability: describeAvailability(ctx.operations.get(), timeZone, now, ctx.staffedCentres ? await ctx.staffedCentres() : undefined),
  };
}
