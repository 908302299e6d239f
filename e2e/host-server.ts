/**
 * A customer's website on another origin (http://localhost:HOST_PORT) that embeds Frontdesk with the
 * documented script tag. `/?frontdesk=<url>` points it at another Frontdesk server (the restart test).
 * `/strict` serves the same page under a strict CSP. `/nonce?theme=dark&language=ar` serves a page under the
 * strictest CSP the README documents (scripts only by nonce and from Frontdesk, styles only 'self', no
 * 'unsafe-inline' anywhere), its queue stub carrying the nonce and booting with that theme and language.
 * `PUT /pages/<name>` stores HTML a test supplies (a snippet copied from the desk), served at `GET /pages/<name>`.
 */
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';

const port = Number(process.env['HOST_PORT'] ?? 3112);
const defaultFrontdesk = process.env['FRONTDESK_URL'] ?? 'http://127.0.0.1:3111';

function page(frontdesk: string): string {
  const escaped = frontdesk.replace(/[^\w:/.-]/g, '');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Acme Widgets: customer site</title>
<style>body{font-family:serif;margin:2rem} button{all:unset} /* a hostile page stylesheet the widget must survive */</style>
</head><body>
<h1>Acme Widgets</h1><p>A customer's website that embeds the Frontdesk messenger.</p>
<script>window.Frontdesk=window.Frontdesk||function(){(Frontdesk.q=Frontdesk.q||[]).push(arguments)};Frontdesk('boot',{});</script>
<script async src="${escaped}/widget.js" data-site="demo"></script>
</body></html>`;
}

/** The strict page: no <style> and no style attribute (style-src 'self'), every inline script with the nonce. */
function noncePage(frontdesk: string, nonce: string, options: Record<string, string>): string {
  const escaped = frontdesk.replace(/[^\w:/.-]/g, '');
  const boot = JSON.stringify(options).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Strict host</title></head><body>
<h1>A host page with a strict CSP</h1><p>Scripts by nonce only, styles from this origin only.</p>
<script nonce="${nonce}">window.__cspViolations=[];document.addEventListener('securitypolicyviolation',function(e){window.__cspViolations.push(e.violatedDirective+' '+e.blockedURI)});
window.Frontdesk=window.Frontdesk||function(){(Frontdesk.q=Frontdesk.q||[]).push(arguments)};Frontdesk('boot',${boot});</script>
<script async nonce="${nonce}" src="${escaped}/widget.js" data-site="demo"></script>
</body></html>`;
}

/** The CSP lines the README gives site owners, for a nonce and the Frontdesk origin. */
export function strictCsp(nonce: string, frontdeskOrigin: string): string {
  return `script-src 'nonce-${nonce}' ${frontdeskOrigin}; style-src 'self'; frame-src ${frontdeskOrigin}; connect-src ${frontdeskOrigin}`;
}

/** Pages a test supplies: `PUT /pages/<name>` with the HTML as the body, then `GET /pages/<name>` serves it. */
const suppliedPages = new Map<string, string>();

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', `http://localhost:${port}`);
  if (url.pathname.startsWith('/pages/')) {
    if (req.method === 'PUT') {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (chunk: string) => (body += chunk));
      req.on('end', () => {
        suppliedPages.set(url.pathname, body);
        res.writeHead(204).end();
      });
      return;
    }
    const html = suppliedPages.get(url.pathname);
    res.writeHead(html === undefined ? 404 : 200, { 'content-type': 'text/html; charset=utf-8' }).end(html ?? 'not found');
    return;
  }
  const frontdesk = url.searchParams.get('frontdesk') ?? defaultFrontdesk;
  const headers: Record<string, string> = { 'content-type': 'text/html; charset=utf-8' };
  if (url.pathname === '/strict') {
    // No inline styles for anything but this page's own hashed snippet; the widget must still work.
    headers['content-security-policy'] = `default-src 'self'; script-src 'self' 'unsafe-inline' ${new URL(frontdesk).origin}; style-src 'self' 'unsafe-inline'; frame-src ${new URL(frontdesk).origin}; connect-src 'self' ${new URL(frontdesk).origin}`;
  }
  if (url.pathname === '/nonce') {
    const nonce = randomBytes(16).toString('base64');
    const options: Record<string, string> = {};
    for (const key of ['theme', 'language']) {
      const value = url.searchParams.get(key);
      if (value) options[key] = value;
    }
    headers['content-security-policy'] = strictCsp(nonce, new URL(frontdesk).origin);
    res.writeHead(200, headers).end(noncePage(frontdesk, nonce, options));
    return;
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
