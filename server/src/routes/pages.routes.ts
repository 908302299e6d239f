import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import fastifyStatic from '@fastify/static';
import { Marked } from 'marked';
import type { CoreContext } from '../context';
import { AppError } from '../errors';
import { findArticleBySlug } from '../kb/kb.repository';
import { escapeHtml, safeHref } from '../../../shared/safe-text';
import { allowedOrigins, findSiteByKey } from '../sites/site.repository';

export const DIST_DIR = fileURLToPath(new URL('../../../dist/public/', import.meta.url));
export const PUBLIC_DIR = fileURLToPath(new URL('../../public/', import.meta.url));


/** Markdown for help pages: raw HTML in an article is shown as text, and only safe link schemes survive. */
const markdown = new Marked({
  renderer: {
    html: ({ text }) => escapeHtml(text),
    link({ href, text }) {
      return `<a href="${escapeHtml(safeHref(href, { mail: true, fragment: true }) ?? '#')}">${escapeHtml(text)}</a>`;
    },
    image: ({ text }) => escapeHtml(text),
  },
});

function readPage(file: string): string | null {
  return existsSync(file) ? readFileSync(file, 'utf8') : null;
}

/**
 * A strict policy for our own pages: only same-origin scripts (and, on the help pages, the one inline queue stub
 * carrying this response's nonce), styles and connections; the messenger iframe from our own origin. The messenger
 * also shows `blob:` images: thumbnails of checked image files, fetched with the visitor token (an `<img src>`
 * to the route could not send it).
 */
function appCsp(frameAncestors: string, nonce?: string, images = "img-src 'self' data:"): string {
  return [
    "default-src 'self'",
    nonce ? `script-src 'self' 'nonce-${nonce}'` : "script-src 'self'",
    "frame-src 'self'",
    "style-src 'self'",
    images,
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    "object-src 'none'",
    `frame-ancestors ${frameAncestors}`,
  ].join('; ');
}

/** Sends one of our pages with its CSP (the baseline headers come from the web-security plugin). */
function sendHtml(reply: FastifyReply, html: string | null, csp: string): FastifyReply {
  // The policy goes on the 503 too: who may frame the page does not depend on whether it is built yet.
  void reply.header('content-security-policy', csp);
  if (html === null) {
    return reply.status(503).type('text/plain').send('The browser bundles are not built yet: run `npm run build` (npm start does it for you).');
  }
  return reply.type('text/html; charset=utf-8').send(html);
}

/** A page with inline scripts (the queue stub): each inline `<script>` gets this response's nonce. */
function withNonce(html: string | null): { html: string | null; nonce: string } {
  const nonce = randomBytes(16).toString('base64');
  return { html: html?.replace(/<script>/g, `<script nonce="${nonce}">`) ?? null, nonce };
}

/** The demo page, the loader script, the messenger and desk pages, help articles, and built assets. */
export const pageRoutes: FastifyPluginAsync<{ ctx: CoreContext }> = async (app, { ctx }) => {
  const hidden = new Set(['widget/messenger/index.html', 'desk/index.html', 'widget/portal/index.html']);
  await app.register(fastifyStatic, {
    root: [DIST_DIR, PUBLIC_DIR].filter((d) => existsSync(d)),
    prefix: '/',
    index: false,
    wildcard: true,
    // The app pages are served below with their security headers, not as plain files.
    allowedPath: (pathName) => !hidden.has(pathName.replace(/^\/+/, '')),
    setHeaders: (res, path) => {
      if (path.endsWith('widget.js')) void res.header('cache-control', 'public, max-age=300');
      if (path.includes('/assets/')) void res.header('cache-control', 'public, max-age=31536000, immutable');
    },
  });

  app.get('/', async (_request, reply) => {
    const { html, nonce } = withNonce(readPage(`${PUBLIC_DIR}index.html`));
    return sendHtml(reply, html, appCsp("'none'", nonce));
  });

  app.get<{ Querystring: { site?: string } }>('/messenger', async (request, reply) => {
    const site = await findSiteByKey(ctx.db, request.query.site ?? '');
    if (!site) throw new AppError('not_found', 'No such site');
    // CSP frame-ancestors takes the same `scheme://host:*` patterns we store.
    const ancestors = allowedOrigins(site).join(' ') || "'none'";
    // Framed by the site's pages: frame-ancestors says by whom, so the blanket X-Frame-Options must go.
    void reply.removeHeader('x-frame-options');
    return sendHtml(reply, readPage(`${DIST_DIR}widget/messenger/index.html`), appCsp(ancestors, undefined, "img-src 'self' data: blob:"));
  });

  app.get('/desk', async (_request, reply) => sendHtml(reply, readPage(`${DIST_DIR}desk/index.html`), appCsp("'none'")));

  // The customers' self-service portal (sign-in by emailed link, their requests); the same strict policy as the desk.
  app.get('/portal', async (_request, reply) => sendHtml(reply, readPage(`${DIST_DIR}widget/portal/index.html`), appCsp("'none'")));

  app.get<{ Params: { slug: string } }>('/help/:slug', async (request, reply) => {
    const site = await findSiteByKey(ctx.db, 'demo');
    const article = site && (await findArticleBySlug(ctx.db, site.id, request.params.slug));
    if (!article) throw new AppError('not_found', 'No such article');
    const body = await markdown.parse(article.body);
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(article.title)} · Help centre</title><link rel="stylesheet" href="/demo.css"><link rel="stylesheet" href="/article.css"></head>
<body><main class="article"><p><a href="/">← Help centre</a></p><h1>${escapeHtml(article.title)}</h1>${body}</main>
<script>window.Frontdesk=window.Frontdesk||function(){(Frontdesk.q=Frontdesk.q||[]).push(arguments)};</script>
<script async src="/widget.js" data-site="demo"></script></body></html>`;
    const page = withNonce(html);
    return sendHtml(reply, page.html, appCsp("'none'", page.nonce));
  });
};
