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

/** WCAG relative luminance of a #rgb/#rrggbb colour. */
export function luminance(hex: string): number {
  const h = hex.length === 4 ? hex.replace(/\w/g, '$&$&') : hex;
  const n = parseInt(h.slice(1), 16);
  const channel = (shift: number, weight: number): number => {
    const v = ((n >> shift) & 255) / 255;
    return weight * (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
  };
  return channel(16, 0.2126) + channel(8, 0.7152) + channel(0, 0.0722);
}

/** The WCAG contrast ratio of two #rgb/#rrggbb colours (1 to 21). */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * Black or white, whichever contrasts more with the given background. One of them always reaches at least
 * 4.58:1, so text on any site colour meets WCAG AA.
 */
export function textColorOn(hex: string): '#000' | '#fff' {
  // (L + 0.05) / 0.05 for black against 1.05 / (L + 0.05) for white: black wins above L ≈ 0.179.
  return luminance(hex) > 0.179 ? '#000' : '#fff';
}

/**
 * The site colour as text (links, outlines) on `background`, darkened or lightened just enough to reach 4.5:1
 * when it does not: a pale brand colour on white, or a dark one on the dark theme.
 */
export function readableOn(color: string, background: string): string {
  const target = textColorOn(background) === '#000' ? 0 : 255;
  const h = color.length === 4 ? color.replace(/\w/g, '$&$&') : color;
  const n = parseInt(h.slice(1), 16);
  const rgb = [n >> 16, (n >> 8) & 255, n & 255];
  for (let step = 0; step <= 10; step++) {
    const mixed = `#${rgb.map((c) => Math.round(c + ((target - c) * step) / 10).toString(16).padStart(2, '0')).join('')}`;
    if (contrast(mixed, background) >= 4.5) return mixed;
  }
  return target === 0 ? '#000000' : '#ffffff';
}
