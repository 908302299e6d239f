import type { Report, ReportQuery } from '../../shared/reports';

/** The last 30 days up to today (UTC), the page's first range. */
export function defaultQuery(now: number): ReportQuery {
  const day = (t: number) => new Date(t).toISOString().slice(0, 10);
  return { from: day(now - 29 * 86_400_000), to: day(now) };
}

/** The query string both the JSON and the CSV endpoints take (empty filters left out). */
export function reportSearch(q: ReportQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(q)) if (value) params.set(key, String(value));
  return params.toString();
}

export const csvHref = (q: ReportQuery): string => `/api/reports.csv?${reportSearch(q)}`;

export type FetchReport = (q: ReportQuery) => Promise<Report>;

/** `GET /api/reports` with the session cookie; the server's message on failure. */
export const fetchReport: FetchReport = async (q) => {
  const res = await fetch(`/api/reports?${reportSearch(q)}`, { credentials: 'same-origin' });
  const body = (await res.json().catch(() => null)) as (Report & { error?: { message: string } }) | null;
  if (!res.ok || !body) throw new Error(body?.error?.message ?? `The report could not be loaded (${res.status})`);
  return body;
};
