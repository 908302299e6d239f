/**
 * What a site passes to `Frontdesk('boot', { user, attributes, language, theme, consent })`, read defensively: site code may
 * pass anything, and only plain strings and booleans travel (a function would make postMessage throw).
 */
import { readAttributes, type BootOptions } from '../bridge';

export type { BootOptions };

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

export function readBootOptions(input: unknown): BootOptions {
  const raw = (input && typeof input === 'object' ? input : {}) as Record<string, unknown>;
  const result: BootOptions = {};
  const user = raw.user as Record<string, unknown> | undefined;
  if (user && typeof user.id === 'string') {
    result.user = { id: user.id, email: text(user.email), name: text(user.name), token: text(user.token) };
  }
  // A BCP 47 tag is short; anything longer is not one.
  if (typeof raw.language === 'string' && raw.language.length <= 35) result.language = raw.language;
  if (raw.theme === 'light' || raw.theme === 'dark' || raw.theme === 'auto') result.theme = raw.theme;
  if (raw.consent === false) result.consent = false;
  const attributes = readAttributes(raw.attributes);
  if (attributes) result.attributes = attributes;
  return result;
}
