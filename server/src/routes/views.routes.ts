import type { FastifyPluginAsync } from 'fastify';
import { BUILT_IN_VIEWS, createViewSchema, savedViewSchema, updateViewSchema, viewsResponseSchema, type ViewsResponse } from '../../../shared/queue';
import type { CoreContext } from '../context';
import type { ViewRow } from '../db/schema';
import { AppError } from '../errors';
import { countView } from '../views/view-query';
import { deleteView, findView, insertView, listViewsFor, toSavedView, updateView } from '../views/view.repository';
import { pathParams, routeDocs } from './route-docs';
import { parse } from './validate';

const doc = routeDocs('Views', 'agent');
const DOCS = {
  list: doc({ summary: 'Built-in and saved queue views with their counts', response: { 200: viewsResponseSchema } }),
  create: doc({ summary: 'Save a view (personal, or shared with `shared: true`)', body: createViewSchema, response: { 201: savedViewSchema } }),
  update: doc({ summary: 'Change a saved view (its owner; a shared one: its maker or an admin)', params: pathParams('id'), body: updateViewSchema, response: { 200: savedViewSchema } }),
  remove: doc({ summary: 'Delete a saved view', params: pathParams('id'), response: { 204: 'Deleted' } }),
};

interface Viewer {
  id: string;
  role: string;
}

/** A personal view is its owner's alone; a shared one may be changed by whoever made it, or an admin. */
function mayChange(view: ViewRow, agent: Viewer): boolean {
  if (view.owner_id !== null) return view.owner_id === agent.id;
  return view.created_by === agent.id || agent.role === 'admin';
}

/** `GET/POST/PATCH/DELETE /api/views`: the queue's built-in views and the team's saved ones. */
export const viewRoutes: FastifyPluginAsync<{ ctx: CoreContext }> = async (app, { ctx }) => {
  app.addHook('preHandler', app.requireAgent);

  const visibleView = async (id: string, agent: Viewer) => {
    const view = await findView(ctx.db, id);
    // Another agent's personal view is not there at all, for this agent.
    if (!view || (view.owner_id !== null && view.owner_id !== agent.id)) throw new AppError('not_found', 'No such view');
    return view;
  };

  app.get('/api/views', DOCS.list, async (request): Promise<ViewsResponse> => {
    const agent = request.agent!;
    const now = ctx.now();
    // The counts at once: on PostgreSQL each is a round trip the pool can run beside the others.
    const savedViews = (await listViewsFor(ctx.db, agent.id)).map(toSavedView);
    const [builtIn, saved] = await Promise.all([
      Promise.all(BUILT_IN_VIEWS.map(async (view) => ({ ...view, count: await countView(ctx.db, view.filters, agent.id, now) }))),
      Promise.all(savedViews.map(async (view) => ({ ...view, count: await countView(ctx.db, view.filters, agent.id, now) }))),
    ]);
    return { builtIn, saved };
  });

  app.post('/api/views', DOCS.create, async (request, reply) => {
    const body = parse(createViewSchema, request.body);
    const agent = request.agent!;
    const row = await insertView(ctx.db, { name: body.name, ownerId: body.shared ? null : agent.id, filters: body.filters, createdBy: agent.id, at: ctx.now().toISOString() });
    return reply.status(201).send(toSavedView(row));
  });

  app.patch<{ Params: { id: string } }>('/api/views/:id', DOCS.update, async (request) => {
    const body = parse(updateViewSchema, request.body);
    const agent = request.agent!;
    const view = await visibleView(request.params.id, agent);
    if (!mayChange(view, agent)) throw new AppError('forbidden', 'Only the agent who made a shared view, or an admin, may change it');
    const ownerId = body.shared === undefined ? undefined : body.shared ? null : agent.id;
    const row = await updateView(ctx.db, view.id, { name: body.name, filters: body.filters, ownerId, at: ctx.now().toISOString() });
    return toSavedView(row);
  });

  app.delete<{ Params: { id: string } }>('/api/views/:id', DOCS.remove, async (request, reply) => {
    const agent = request.agent!;
    const view = await visibleView(request.params.id, agent);
    if (!mayChange(view, agent)) throw new AppError('forbidden', 'Only the agent who made a shared view, or an admin, may delete it');
    await deleteView(ctx.db, view.id);
    return reply.status(204).send();
  });
};
