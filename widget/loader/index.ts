/**
 * Entry of the script-tag loader (dist/public/widget.js, an IIFE):
 *   <script async src="{PUBLIC_URL}/widget.js" data-site="demo"></script>
 * Finds its own tag to learn the site key and the server's origin, then starts the loader's first part.
 */
import { injectScript, startLoader } from './core';

/** Our own script tag: `currentScript` while this runs, else the first tag that looks like ours. */
function findLoaderScript(doc: Document): HTMLScriptElement | null {
  const current = doc.currentScript;
  if (current instanceof HTMLScriptElement && current.dataset.site) return current;
  return doc.querySelector<HTMLScriptElement>('script[data-site][src*="widget.js"]');
}

const script = findLoaderScript(document);
const siteKey = script ? script.dataset.site : undefined;
if (script && siteKey) {
  const publicOrigin = new URL(script.src, location.href).origin;
  startLoader(window, { siteKey, publicOrigin }, () => injectScript(document, `${publicOrigin}/widget-app.js`, script.nonce));
} else {
  console.warn('Frontdesk: no data-site');
}
