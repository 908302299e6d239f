import type { FastifyPluginAsync } from 'fastify';
import { isOpenAt, nextCloseAt, nextOpenAt, type Calendar } from '../../../shared/calendar';
import type { CoreContext } from '../context';

const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());

/** `GET /api/hours`: a list of each operations centre and the phone line (id `phone`), open now or when next. Public. */
export const hoursRoutes: FastifyPluginAsync<{ ctx: CoreContext }> = async (app, { ctx }) => {
  app.get('/api/hours', async () => {
    const now = ctx.now().getTime();
    const describe = (id: string, cal: Calendar) => ({
      id,
      name: cal.name,
      timeZone: cal.timeZone,
      openNow: isOpenAt(cal, now),
      nextOpenAt: iso(nextOpenAt(cal, now)),
      nextCloseAt: iso(nextCloseAt(cal, now)),
    });
    const ops = ctx.operations.get();
    return [...Object.entries(ops.centres).map(([id, cal]) => describe(id, cal)), describe('phone', ops.phoneLine)];
  });
};
