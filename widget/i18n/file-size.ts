/**
 * How the attachments say sizes and kinds of files in a language (`{size}` and `{types}` of `files.ts`), imported
 * by the attachment views only.
 */

/** "10 MB", "512 kB": the size in the largest fitting unit, as the language writes units. */
export function fileSize(language: string, bytes: number): string {
  const [value, unit] = bytes >= 1024 * 1024 ? [bytes / (1024 * 1024), 'megabyte'] : [Math.max(1, Math.round(bytes / 1024)), 'kilobyte'];
  return new Intl.NumberFormat(language, { style: 'unit', unit, maximumFractionDigits: 1 }).format(value);
}

/** "PNG, JPEG, PDF, TXT": the accepted media types as people name them, listed as the language lists. */
export function typeNames(language: string, types: readonly string[]): string {
  const names = types.map((t) => {
    const sub = (t.split('/')[1] ?? t).replace(/^(x-|vnd\.)/, '');
    return sub === 'plain' ? 'TXT' : sub.toUpperCase();
  });
  return new Intl.ListFormat(language, { style: 'short', type: 'unit' }).format([...new Set(names)]);
}
