/**
 * The site's look (colour, side), read before the button is drawn so it never jumps sides or changes colour.
 */
import { DEFAULT_COLOR, safeColor } from '../color';
import type { LauncherLook } from './launcher';

const SETTINGS_TIMEOUT_MS = 3000;

/** `GET /api/widget/sites/{key}` without credentials; the defaults on any failure. */
export async function fetchLook(win: Window, publicOrigin: string, siteKey: string): Promise<LauncherLook> {
  try {
    const url = `${publicOrigin}/api/widget/sites/${encodeURIComponent(siteKey)}`;
    // Pre-2022 browsers lack AbortSignal.timeout: they throw here and get the default look.
    const response = await win.fetch(url, { credentials: 'omit', signal: AbortSignal.timeout(SETTINGS_TIMEOUT_MS) });
    // An error answer ({ error }) has neither field, so it yields the defaults like a failed request does.
    const site = (await response.json()) as { color?: unknown; position?: unknown };
    return { color: safeColor(site.color), position: site.position === 'left' ? 'left' : 'right' };
  } catch {
    return { color: DEFAULT_COLOR, position: 'right' };
  }
}

/** Runs `fn` once the document has a body (the loader may run from `<head>`). */
export function whenBody(doc: Document, fn: () => void): void {
  if (doc.body) fn();
  else doc.addEventListener('DOMContentLoaded', fn, { once: true });
}
