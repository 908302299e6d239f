import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { isOpenAt, nextCloseAt, nextOpenAt, type Calendar } from '../../../shared/calendar';
import type { CoreContext } from '../context';
import { describeRoute } from './route-docs';

/** One calendar's state now, as `GET /api/hours` lists it. */
const hoursEntrySchema = z
  .object({
    id: z.string().describe('`uk`, `us` or `phone`'),
    name: z.string(),
    timeZone: z.string(),
    openNow: z.boolean(),
    nextOpenAt: z.string().nullable().describe('The start of its next period (while open: the one after the current one)'),
    nextCloseAt: z.string().nullable(),
  })
  .meta({ id: 'Hours' });
const schema = describeRoute({ summary: 'Operations centres and the phone line: open now, next open and close', tag: 'Operations', audience: 'public', response: { 200: z.array(hoursEntrySchema) } });

const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());

/**
 * `GET /api/hours`: a list of each operations centre and the phone line (id `phone`), open now or when next. Public.
 * While a calendar is open, `nextOpenAt` is the start of its next period after the current one (never "now").
 */
export const hoursRoutes: FastifyPluginAsync<{ ctx: CoreContext }> = async (app, { ctx }) => {
  app.get('/api/hours', { schema }, async () => {
    const now = ctx.now().getTime();
    const describe = (id: string, cal: Calendar) => {
      const openNow = isOpenAt(cal, now);
      const closes = nextCloseAt(cal, now);
      const opens = openNow ? (closes === null ? null : nextOpenAt(cal, closes)) : nextOpenAt(cal, now);
      return { id, name: cal.name, timeZone: cal.timeZone, openNow, nextOpenAt: iso(opens), nextCloseAt: iso(closes) };
    };
    const ops = ctx.operations.get();
    return [...Object.entries(ops.centres).map(([id, cal]) => describe(id, cal)), describe('phone', ops.phoneLine)];
  });
};
