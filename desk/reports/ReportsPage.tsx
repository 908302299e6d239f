import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Report, ReportQuery } from '../../shared/reports';
import { ChartBox } from './ChartBox';
import { barChart, drawChart, lineChart, type DrawChart } from './charts';
import { HourOfWeekGrid } from './HourOfWeekGrid';
import { ReportFilters } from './ReportFilters';
import { csvHref, defaultQuery, fetchReport, type FetchReport } from './report-query';
import { en } from '../i18n/en';
import { useDeskT, type DeskKey, type DeskTexts } from '../i18n/i18n';
import { levelLabel } from '../format';

export interface ReportsPageProps {
  /** Tests pass their own; the page fetches `GET /api/reports` and draws with chart.js (loaded on first use). */
  load?: FetchReport;
  draw?: DrawChart;
  now?: number;
}

const BLUE = '#4f46e5';
const GREEN = '#16a34a';
const RED = '#dc2626';
const AGES = new Set(['under_1d', '1_3d', '3_7d', 'over_7d']);
const ageLabel = (age: string, t: DeskTexts) => (AGES.has(age) ? t.t(`age_${age}` as DeskKey) : age);
const minutes = (m: number | null, t: DeskTexts) => (m === null ? '—' : t.t('durMinutes', { n: t.number(m) }));
const percent = (part: number, whole: number, t: DeskTexts) => (whole === 0 ? '—' : new Intl.NumberFormat(t.language, { style: 'percent' }).format(part / whole));

function Section({ id: name, title, children }: { id: string; title: string; children: preact.ComponentChildren }) {
  const id = `report-${name}`;
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
  const t = useDeskT();
  const charts = useMemo(() => {
    const sla = report.sla.attainment;
    const slaLabels = sla.map((a) => `${levelOr(a.priority, t)} · ${centreOr(a.centre, t)}`);
    const ages = [...new Set(report.backlog.map((b) => b.age))];
    return {
      channel: barChart(report.volume.byChannel.map((c) => channelOr(c.channel, t)), [{ label: t.t('tickets'), data: report.volume.byChannel.map((c) => c.count), color: BLUE }]),
      times: barChart([t.t('firstResponse'), t.t('resolution')], [
        { label: t.t('medianBusinessMin'), data: [report.firstResponse.median ?? 0, report.resolution.median ?? 0], color: BLUE },
        { label: t.t('p90BusinessMin'), data: [report.firstResponse.p90 ?? 0, report.resolution.p90 ?? 0], color: RED },
      ]),
      sla: barChart(slaLabels, [
        { label: t.t('firstResponseMet'), data: sla.map((a) => a.firstResponseMet), color: GREEN },
        { label: t.t('firstResponseMissed'), data: sla.map((a) => a.firstResponseMissed), color: RED },
      ]),
      breaches: lineChart(report.sla.breachesByDay.map((b) => b.day), t.t('breaches'), report.sla.breachesByDay.map((b) => b.count), RED),
      backlog: barChart(ages.map((a) => ageLabel(a, t)), (['high', 'medium', 'low'] as const).map((p, i) => ({ label: levelLabel(p, t), data: ages.map((a) => report.backlog.find((b) => b.age === a && b.priority === p)?.count ?? 0), color: [RED, BLUE, GREEN][i]! })), true),
      kai: barChart([t.t('withoutPerson'), t.t('handedOff')], [{ label: t.t('conversations'), data: [report.kai.answeredWithoutPerson, report.kai.handedOff], color: BLUE }]),
      csat: barChart(report.csat.distribution.map((d) => `${d.rating}`), [{ label: t.t('answers'), data: report.csat.distribution.map((d) => d.count), color: GREEN }]),
      agents: barChart(report.agents.map((a) => a.name), [
        { label: t.t('replies'), data: report.agents.map((a) => a.replies), color: BLUE },
        { label: t.t('solves'), data: report.agents.map((a) => a.solves), color: GREEN },
      ]),
    };
  }, [report, t]);
  const { kai, csat } = report;
  return (
    <>
      <Section id="volume" title={t.t('volume')}>
        <p>{t.t('ticketsReceived', { count: report.volume.total })}</p>
        <ChartBox label={t.t('ticketsByChannel')} config={charts.channel} draw={draw} />
        <Table caption={t.t('ticketsByChannel')} head={[t.t('channel'), t.t('tickets')]} rows={report.volume.byChannel.map((c) => [channelOr(c.channel, t), c.count])} />
        <HourOfWeekGrid cells={report.volume.byHourOfWeek} />
      </Section>
      <Section id="response-times" title={t.t('responseTimes')}>
        <ChartBox label={t.t('timesChart')} config={charts.times} draw={draw} />
        <Table
          caption={t.t('businessMinutes')}
          head={['', t.t('tickets'), t.t('median'), t.t('p90')]}
          rows={[
            [t.t('firstResponse'), report.firstResponse.count, minutes(report.firstResponse.median, t), minutes(report.firstResponse.p90, t)],
            [t.t('resolution'), report.resolution.count, minutes(report.resolution.median, t), minutes(report.resolution.p90, t)],
          ]}
        />
      </Section>
      <Section id="sla" title={t.t('sla')}>
        <ChartBox label={t.t('slaChart')} config={charts.sla} draw={draw} />
        <Table
          caption={t.t('slaAttainment')}
          head={[t.t('priority'), t.t('centre'), t.t('firstResponseMet'), t.t('resolutionMet')]}
          rows={report.sla.attainment.map((a) => [levelOr(a.priority, t), centreOr(a.centre, t), percent(a.firstResponseMet, a.firstResponseMet + a.firstResponseMissed, t), percent(a.resolutionMet, a.resolutionMet + a.resolutionMissed, t)])}
        />
        <ChartBox label={t.t('breachesPerDay')} config={charts.breaches} draw={draw} />
      </Section>
      <Section id="backlog" title={t.t('backlog')}>
        <ChartBox label={t.t('backlogChart')} config={charts.backlog} draw={draw} />
        <Table caption={t.t('openTicketsNow')} head={[t.t('age'), t.t('priority'), t.t('tickets')]} rows={report.backlog.filter((b) => b.count > 0).map((b) => [ageLabel(b.age, t), levelOr(b.priority, t), b.count])} />
      </Section>
      <Section id="kai" title={t.t('kai')}>
        <ChartBox label={t.t('kaiChart')} config={charts.kai} draw={draw} />
        <p>
          {t.t('kaiSummary', { conversations: t.number(kai.conversations), answered: t.number(kai.answeredWithoutPerson), rate: percent(kai.handedOff, kai.conversations, t), withSources: t.number(kai.answersWithSources), answers: t.number(kai.answers) })}
        </p>
        <Table caption={t.t('handoffReasons')} head={[t.t('reason'), t.t('tickets')]} rows={kai.handoffReasons.map((h) => [h.reason, h.count])} />
      </Section>
      <Section id="satisfaction" title={t.t('satisfaction')}>
        <p>{csat.responses === 0 ? t.t('noAnswersYet') : t.t('csatAverage', { average: t.number(csat.average ?? 0), responses: t.number(csat.responses) })}</p>
        <ChartBox label={t.t('csatChart')} config={charts.csat} draw={draw} />
        <Table caption={t.t('comments')} head={[t.t('ticket'), t.t('rating'), t.t('comment')]} rows={csat.comments.map((c) => [`#${c.ticketNumber}`, c.rating, c.comment])} />
      </Section>
      <Section id="agents" title={t.t('agents')}>
        <ChartBox label={t.t('agentsChart')} config={charts.agents} draw={draw} />
        <Table caption={t.t('perAgent')} head={[t.t('agent'), t.t('replies'), t.t('solves'), t.t('medianFirstResponse')]} rows={report.agents.map((a) => [a.name, a.replies, a.solves, minutes(a.medianFirstResponse, t)])} />
      </Section>
    </>
  );
}

/** The reports page (`#/reports`): filters, a CSV link for the same figures, and each figure as a chart and a table. */
export function ReportsPage({ load = fetchReport, draw = drawChart, now = Date.now() }: ReportsPageProps) {
  const t = useDeskT();
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
      <h1 id="reports-title">{t.t('reports')}</h1>
      <ReportFilters query={query} agents={report?.agents ?? []} onChange={setQuery} />
      <p>
        <a href={csvHref(query)} download>
          {t.t('downloadCsv')}
        </a>
      </p>
      {error && <p role="alert">{error}</p>}
      {report ? <Figures report={report} draw={draw} /> : !error && <p role="status">{t.t('loadingFigures')}</p>}
    </main>
  );
}

/** A report's level, centre or channel in the agent's language (a value the desk does not know stays as it came). */
const known = (prefix: string, value: string, t: DeskTexts) => (`${prefix}${value}` in en ? t.t(`${prefix}${value}` as DeskKey) : value);
const levelOr = (value: string, t: DeskTexts) => known('level_', value, t);
const centreOr = (value: string, t: DeskTexts) => known('centre_', value, t);
const channelOr = (value: string, t: DeskTexts) => known('channel_', value, t);
