import type { FastifyPluginAsync } from 'fastify';
import { reportQuerySchema, reportSchema } from '../../../shared/reports';
import type { ServerContext } from '../context';
import { routeDocs } from '../routes/route-docs';
import { parse } from '../routes/validate';
import { buildReport, reportCsv } from './reports';

const LIMIT = { config: { rateLimit: { max: 30, timeWindow: '1 minute' } } };
const doc = routeDocs('Reports', 'agent');
const DOCS = {
  json: doc({ summary: 'Report figures over UTC days `from`–`to` (both included), optionally per site, centre, channel, priority and agent', querystring: reportQuerySchema, response: { 200: reportSchema } }),
  csv: doc({ summary: 'The same figures as CSV (`section,item,measure,value`), as a download', querystring: reportQuerySchema, response: { 200: { description: 'One row per figure', mediaType: 'text/csv' } } }),
};

/**
 * `GET /api/reports` and `GET /api/reports.csv`, with `from`, `to` (UTC days, both included) and optional
 * `siteId`, `centre`, `channel`, `priority`, `agentId`. Every signed-in agent may read them (admins too): the
 * figures are the team's own work, and no customer's text is in them but CSAT comments agents see on tickets.
 */
export const reportRoutes: FastifyPluginAsync<{ ctx: ServerContext }> = async (app, { ctx }) => {
  app.addHook('preHandler', app.requireAgent);

  app.get('/api/reports', { ...LIMIT, ...DOCS.json }, async (request) => buildReport(ctx, parse(reportQuerySchema, request.query)));

  app.get('/api/reports.csv', { ...LIMIT, ...DOCS.csv }, async (request, reply) => {
    const query = parse(reportQuerySchema, request.query);
    const csv = reportCsv(await buildReport(ctx, query));
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="frontdesk-report-${query.from}-${query.to}.csv"`)
      .header('cache-control', 'private, no-store')
      .send(csv);
  });
};
