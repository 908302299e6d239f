/**
 * A customer's website on another origin (http://localhost:HOST_PORT) that embeds Frontdesk with the
 * documented script tag. `/?frontdesk=<url>` points it at another Frontdesk server (the restart test).
 * `/strict` serves the same page under a strict CSP.
 */
import { createServer } from 'node:http';

const port = Number(process.env['HOST_PORT'] ?? 3112);
const defaultFrontdesk = process.env['FRONTDESK_URL'] ?? 'http://127.0.0.1:3111';

function page(frontdesk: string): string {
  const escaped = frontdesk.replace(/[^\w:/.-]/g, '');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Acme Widgets: customer site</title>
<style>body{font-family:serif;margin:2rem} button{all:unset} /* a hostile page stylesheet the widget must survive */</style>
</head><body>
<h1>Acme Widgets</h1><p>A customer's website that embeds the Frontdesk messenger.</p>
<script>window.Frontdesk=window.Frontdesk||function(){(Frontdesk.q=Frontdesk.q||[]).push(arguments)};Frontdesk('boot',{});</script>
<script async src="${escaped}/widget.js" data-site="demo"></script>
</body></html>`;
}

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', `http://localhost:${port}`);
  const frontdesk = url.searchParams.get('frontdesk') ?? defaultFrontdesk;
  const headers: Record<string, string> = { 'content-type': 'text/html; charset=utf-8' };
  if (url.pathname === '/strict') {
    // No inline styles for anything but this page's own hashed snippet; the widget must still work.
    headers['content-security-policy'] = `default-src 'self'; script-src 'self' 'unsafe-inline' ${new URL(frontdesk).origin}; style-src 'self' 'unsafe-inline'; frame-src ${new URL(frontdesk).origin}; connect-src 'self' ${new URL(frontdesk).origin}`;
  }
  if (url.pathname === '/' || url.pathname === '/strict') {
    res.writeHead(200, headers).end(page(frontdesk));
    return;
  }
  res.writeHead(404).end('not found');
});
// `localhost` may resolve to ::1 or 127.0.0.1: listen on both where the machine has IPv6.
server.once('error', () => server.listen(port, '127.0.0.1'));
server.listen({ port, host: '::', ipv6Only: false }, () => console.log(`host page on http://localhost:${port}/`));
