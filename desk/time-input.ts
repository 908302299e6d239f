/** Times in forms: `datetime-local` values (the agent's local wall time) to and from ISO instants, and time zones. */

const pad = (n: number) => String(n).padStart(2, '0');

/** `YYYY-MM-DDTHH:MM` in the browser's local time, the value a `datetime-local` input takes. */
export function toLocalInputValue(t: number): string {
  const d = new Date(t);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A `datetime-local` value (local wall time) as an ISO instant in UTC, or null when it is empty or not a time. */
export function fromLocalInputValue(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(value)) return null;
  // A date-time without an offset is local time (ECMAScript), which is what the input shows.
  const t = new Date(value).getTime();
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

/** The browser's IANA time zone, or null when it cannot tell. */
export function browserTimeZone(): string | null {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || null;
  } catch {
    return null;
  }
}

/** Every zone this browser knows, sorted, with `first` (the default) included even if the list lacks it. */
export function timeZoneOptions(first: string | null): string[] {
  let zones: string[] = [];
  try {
    zones = Intl.supportedValuesOf('timeZone');
  } catch {
    zones = [];
  }
  const all = new Set(zones);
  if (first) all.add(first);
  all.add('UTC');
  return [...all].sort();
}
