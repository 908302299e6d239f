/**
 * Entry of the script-tag loader (dist/public/widget.js, an IIFE):
 *   <script async src="{PUBLIC_URL}/widget.js" data-site="demo"></script>
 * Finds its own tag to learn the site key and the server's origin, then installs `window.Frontdesk`.
 */
import { installFrontdesk } from './loader';

/** Our own script tag: `currentScript` while this runs, else the first tag that looks like ours. */
function findLoaderScript(doc: Document): HTMLScriptElement | null {
  const current = doc.currentScript;
  if (current instanceof HTMLScriptElement && current.dataset.site) return current;
  return doc.querySelector<HTMLScriptElement>('script[data-site][src*="widget.js"]');
}

const script = findLoaderScript(document);
const siteKey = script ? script.dataset.site : undefined;
if (script && siteKey) {
  installFrontdesk(window, { siteKey, publicOrigin: new URL(script.src, location.href).origin });
} else {
  console.warn('Frontdesk: no data-site on the script tag');
}
