/**
 * The site's brand colour, shared by the loader (launcher button) and the messenger (header, bubbles).
 * Dependency-free so the loader can import it.
 */

/** The colour used when a site sets none or sets one we do not accept. */
export const DEFAULT_COLOR = '#4f46e5';

const HEX = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

/**
 * Returns `value` when it is a #rgb or #rrggbb colour, else `fallback`. Site settings come from the server,
 * but only a plain hex colour reaches a CSS custom property: no url(), no var() tricks.
 */
export function safeColor(value: unknown, fallback = DEFAULT_COLOR): string {
  return typeof value === 'string' && HEX.test(value) ? value : fallback;
}

/** Black or white, whichever reads better on the given #rgb/#rrggbb background (YIQ brightness, as WCAG tools estimate it). */
export function textColorOn(hex: string): '#000' | '#fff' {
  const h = hex.length === 4 ? hex.replace(/\w/g, '$&$&') : hex;
  const n = parseInt(h.slice(1), 16);
  const brightness = ((n >> 16) * 299 + ((n >> 8) & 255) * 587 + (n & 255) * 114) / 1000;
  return brightness >= 150 ? '#000' : '#fff';
}
