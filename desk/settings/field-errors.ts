/**
 * Refusals placed next to the field they name. The server's validation message and a zod check in the browser
 * say the same thing in the same shape (`shared/protocol.ts` `describeIssues`: `path: message; path: message`),
 * so one reader serves both.
 */

/** Messages by the field they name (a path under the form's prefix), and what names no field. */
export interface FieldErrors {
  fields: Record<string, string>;
  /** What no field of this form owns (another section's field, a conflict, a network failure). */
  rest: string | null;
}

/** An issue's path and message: what `describeIssues` joins and zod's `issues` hold. */
export interface Issue {
  path: readonly PropertyKey[];
  message: string;
}

/** "Item 2: …" for an issue about one line of a list field, so the owner knows which line to fix. */
function placed(rest: readonly PropertyKey[], message: string): string {
  const index = rest[0];
  return typeof index === 'number' ? `Item ${index + 1}: ${message}` : message;
}

/** The field of `fields` (dotted names: `centres.uk`) whose path the issue's path starts with, the longest first. */
function fieldOf(path: readonly PropertyKey[], fields: readonly string[]): string | null {
  let best: string | null = null;
  for (const f of fields) {
    const parts = f.split('.');
    if (parts.every((p, i) => String(path[i]) === p) && (!best || parts.length > best.split('.').length)) best = f;
  }
  return best;
}

/** Sorts issues (paths relative to the form) into the form's fields and the rest. */
export function sortIssues(issues: readonly Issue[], fields: readonly string[]): FieldErrors {
  const out: FieldErrors = { fields: {}, rest: null };
  const rest: string[] = [];
  for (const { path, message } of issues) {
    const field = fieldOf(path, fields);
    if (field) out.fields[field] ??= placed(path.slice(field.split('.').length), message);
    else rest.push(path.length ? `${path.join('.')}: ${message}` : message);
  }
  out.rest = rest.length ? rest.join('; ') : null;
  return out;
}

/**
 * Reads a server refusal (`attachments.types.1: each type is …; name: …`) into issues under `prefix`
 * (`attachments`); a part outside it keeps its full path, and a message without paths is one issue with none.
 */
export function issuesOfMessage(message: string, prefix: readonly string[]): Issue[] {
  return message.split('; ').map((part) => {
    const m = /^([A-Za-z0-9_.]+): (.*)$/s.exec(part);
    if (!m) return { path: [], message: part };
    const path = m[1]!.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
    const under = prefix.every((p, i) => path[i] === p);
    return under ? { path: path.slice(prefix.length), message: m[2]! } : { path: [m[1]!], message: m[2]! };
  });
}
