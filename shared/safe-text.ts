/**
 * The one home of "which link from data may be a link" and of HTML escaping, for the browser (messenger,
 * desk, portal) and the server (help pages, portal pages). Text a visitor, agent, email or model wrote is
 * otherwise rendered as text (JSX), never as HTML.
 */

/** Extra kinds of link a caller may accept besides http(s) URLs and site-relative paths. */
export interface SafeHrefOptions {
  /** `mailto:` links (help articles). */
  mail?: boolean;
  /** In-page `#fragment` links (help articles). */
  fragment?: boolean;
}

/**
 * `url` if it is safe to put in an href, else null: http(s) URLs, site-relative paths (`/…`), and what
 * `options` adds. Anything else (`javascript:`, `data:`, `vbscript:`, a malformed URL) gets no link at all.
 */
export function safeHref(url: string | null | undefined, options: SafeHrefOptions = {}): string | null {
  if (!url) return null;
  const trimmed = url.trim();
  if (trimmed.startsWith('/') && !trimmed.startsWith('//')) return trimmed;
  if (options.fragment && trimmed.startsWith('#')) return trimmed;
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    return null;
  }
  if (parsed.protocol === 'http:' || parsed.protocol === 'https:') return parsed.href;
  return options.mail && parsed.protocol === 'mailto:' ? parsed.href : null;
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe inside HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] as string);
}
