import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Report, ReportQuery } from '../../shared/reports';
import { ChartBox } from './ChartBox';
import { barChart, drawChart, lineChart, type DrawChart } from './charts';
import { HourOfWeekGrid } from './HourOfWeekGrid';
import { ReportFilters } from './ReportFilters';
import { csvHref, defaultQuery, fetchReport, type FetchReport } from './report-query';

export interface ReportsPageProps {
  /** Tests pass their own; the page fetches `GET /api/reports` and draws with chart.js (loaded on first use). */
  load?: FetchReport;
  draw?: DrawChart;
  now?: number;
}

const BLUE = '#4f46e5';
const GREEN = '#16a34a';
const RED = '#dc2626';
const AGE_LABELS: Record<string, string> = { under_1d: 'Under 1 day', '1_3d': '1–3 days', '3_7d': '3–7 days', over_7d: 'Over 7 days' };
const minutes = (m: number | null) => (m === null ? '—' : `${m} min`);
const percent = (part: number, whole: number) => (whole === 0 ? '—' : `${Math.round((part / whole) * 100)}%`);

function Section({ title, children }: { title: string; children: preact.ComponentChildren }) {
  const id = `report-${title.toLowerCase().replace(/[^a-z]+/g, '-')}`;
  return (
    <section class="report-section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

function Table({ caption, head, rows }: { caption: string; head: string[]; rows: (string | number)[][] }) {
  return (
    <table class="report-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          {head.map((h) => (
            <th key={h} scope="col">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.join('|')}>
            {row.map((cell, i) => (
              <td key={`${i}`}>{cell}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Figures({ report, draw }: { report: Report; draw: DrawChart }) {
  const charts = useMemo(() => {
    const sla = report.sla.attainment;
    const slaLabels = sla.map((a) => `${a.priority} · ${a.centre}`);
    const ages = [...new Set(report.backlog.map((b) => b.age))];
    return {
      channel: barChart(report.volume.byChannel.map((c) => c.channel), [{ label: 'Tickets', data: report.volume.byChannel.map((c) => c.count), color: BLUE }]),
      times: barChart(['First response', 'Resolution'], [
        { label: 'Median (business min)', data: [report.firstResponse.median ?? 0, report.resolution.median ?? 0], color: BLUE },
        { label: '90th percentile (business min)', data: [report.firstResponse.p90 ?? 0, report.resolution.p90 ?? 0], color: RED },
      ]),
      sla: barChart(slaLabels, [
        { label: 'First response met', data: sla.map((a) => a.firstResponseMet), color: GREEN },
        { label: 'First response missed', data: sla.map((a) => a.firstResponseMissed), color: RED },
      ]),
      breaches: lineChart(report.sla.breachesByDay.map((b) => b.day), 'Breaches', report.sla.breachesByDay.map((b) => b.count), RED),
      backlog: barChart(ages.map((a) => AGE_LABELS[a] ?? a), (['high', 'medium', 'low'] as const).map((p, i) => ({ label: p, data: ages.map((a) => report.backlog.find((b) => b.age === a && b.priority === p)?.count ?? 0), color: [RED, BLUE, GREEN][i]! })), true),
      kai: barChart(['Without a person', 'Handed off'], [{ label: 'Conversations', data: [report.kai.answeredWithoutPerson, report.kai.handedOff], color: BLUE }]),
      csat: barChart(report.csat.distribution.map((d) => `${d.rating}`), [{ label: 'Answers', data: report.csat.distribution.map((d) => d.count), color: GREEN }]),
      agents: barChart(report.agents.map((a) => a.name), [
        { label: 'Replies', data: report.agents.map((a) => a.replies), color: BLUE },
        { label: 'Solves', data: report.agents.map((a) => a.solves), color: GREEN },
      ]),
    };
  }, [report]);
  const { kai, csat } = report;
  return (
    <>
      <Section title="Volume">
        <p>{report.volume.total} tickets received.</p>
        <ChartBox label="Tickets by channel" config={charts.channel} draw={draw} />
        <Table caption="Tickets by channel" head={['Channel', 'Tickets']} rows={report.volume.byChannel.map((c) => [c.channel, c.count])} />
        <HourOfWeekGrid cells={report.volume.byHourOfWeek} />
      </Section>
      <Section title="Response times">
        <ChartBox label="First response and resolution times in business minutes" config={charts.times} draw={draw} />
        <Table
          caption="Business minutes"
          head={['', 'Tickets', 'Median', '90th percentile']}
          rows={[
            ['First response', report.firstResponse.count, minutes(report.firstResponse.median), minutes(report.firstResponse.p90)],
            ['Resolution', report.resolution.count, minutes(report.resolution.median), minutes(report.resolution.p90)],
          ]}
        />
      </Section>
      <Section title="SLA">
        <ChartBox label="First-response deadlines met and missed per priority and centre" config={charts.sla} draw={draw} />
        <Table
          caption="SLA attainment"
          head={['Priority', 'Centre', 'First response met', 'Resolution met']}
          rows={report.sla.attainment.map((a) => [a.priority, a.centre, percent(a.firstResponseMet, a.firstResponseMet + a.firstResponseMissed), percent(a.resolutionMet, a.resolutionMet + a.resolutionMissed)])}
        />
        <ChartBox label="SLA breaches per day" config={charts.breaches} draw={draw} />
      </Section>
      <Section title="Backlog">
        <ChartBox label="Open tickets by age and priority" config={charts.backlog} draw={draw} />
        <Table caption="Open tickets now" head={['Age', 'Priority', 'Tickets']} rows={report.backlog.filter((b) => b.count > 0).map((b) => [AGE_LABELS[b.age] ?? b.age, b.priority, b.count])} />
      </Section>
      <Section title="Kai">
        <ChartBox label="Kai's conversations: answered without a person and handed off" config={charts.kai} draw={draw} />
        <p>
          {kai.conversations} conversations; {kai.answeredWithoutPerson} answered without a person; handoff rate {percent(kai.handedOff, kai.conversations)}; {kai.answersWithSources} of {kai.answers} answers with sources.
        </p>
        <Table caption="Handoff reasons" head={['Reason', 'Tickets']} rows={kai.handoffReasons.map((h) => [h.reason, h.count])} />
      </Section>
      <Section title="Satisfaction">
        <p>{csat.responses === 0 ? 'No answers yet.' : `Average ${csat.average} from ${csat.responses} answers.`}</p>
        <ChartBox label="CSAT answers by rating" config={charts.csat} draw={draw} />
        <Table caption="Comments" head={['Ticket', 'Rating', 'Comment']} rows={csat.comments.map((c) => [`#${c.ticketNumber}`, c.rating, c.comment])} />
      </Section>
      <Section title="Agents">
        <ChartBox label="Replies and solves per agent" config={charts.agents} draw={draw} />
        <Table caption="Per agent" head={['Agent', 'Replies', 'Solves', 'Median first response']} rows={report.agents.map((a) => [a.name, a.replies, a.solves, minutes(a.medianFirstResponse)])} />
      </Section>
    </>
  );
}

/** The reports page (`#/reports`): filters, a CSV link for the same figures, and each figure as a chart and a table. */
export function ReportsPage({ load = fetchReport, draw = drawChart, now = Date.now() }: ReportsPageProps) {
  const [query, setQuery] = useState<ReportQuery>(() => defaultQuery(now));
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    setError(null);
    load(query).then(
      (r) => current && setReport(r),
      (err: unknown) => current && setError(err instanceof Error ? err.message : String(err)),
    );
    return () => {
      current = false;
    };
  }, [query, load]);
  return (
    <main class="reports" aria-labelledby="reports-title">
      <h1 id="reports-title">Reports</h1>
      <ReportFilters query={query} agents={report?.agents ?? []} onChange={setQuery} />
      <p>
        <a href={csvHref(query)} download>
          Download CSV
        </a>
      </p>
      {error && <p role="alert">{error}</p>}
      {report ? <Figures report={report} draw={draw} /> : !error && <p role="status">Loading the figures…</p>}
    </main>
  );
}
