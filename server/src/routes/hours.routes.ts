import type { FastifyPluginAsync } from 'fastify';
import { isOpenAt, nextCloseAt, nextOpenAt, type Calendar } from '../../../shared/calendar';
import type { CoreContext } from '../context';

const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());

/**
 * `GET /api/hours`: a list of each operations centre and the phone line (id `phone`), open now or when next. Public.
 * While a calendar is open, `nextOpenAt` is the start of its next period after the current one (never "now").
 */
export const hoursRoutes: FastifyPluginAsync<{ ctx: CoreContext }> = async (app, { ctx }) => {
  app.get('/api/hours', async () => {
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
