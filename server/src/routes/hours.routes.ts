import type { FastifyPluginAsync } from 'fastify';
import { isOpenAt, nextCloseAt, nextOpenAt, type Calendar } from '../../../shared/calendar';
import { DEFAULT_CENTRES, DEFAULT_PHONE_LINE } from '../../../shared/operations';
import type { CoreContext } from '../context';

const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());

/** `GET /api/hours`: each operations centre and the phone line, open now or when next. Public. */
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
    return {
      centres: Object.entries(DEFAULT_CENTRES).map(([id, cal]) => describe(id, cal)),
      phone: describe('phone', DEFAULT_PHONE_LINE),
    };
  });
};
