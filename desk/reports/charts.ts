/**
 * Charts of the reports page. chart.js is imported on first use only (a dynamic import: its own chunk), so the
 * desk's main bundle does not carry it.
 */
import type { Chart, ChartConfiguration } from 'chart.js';

/** Draws a chart on a canvas; resolves with something to destroy it by. */
export type DrawChart = (canvas: HTMLCanvasElement, config: ChartConfiguration) => Promise<{ destroy: () => void }>;

let loaded: Promise<typeof Chart> | null = null;

export const drawChart: DrawChart = async (canvas, config) => {
  loaded ??= import('chart.js/auto').then((m) => m.default);
  const ChartJs = await loaded;
  return new ChartJs(canvas, config);
};

/** A bar chart of labelled series (one colour per series). */
export function barChart(labels: string[], series: { label: string; data: number[]; color: string }[], stacked = false): ChartConfiguration {
  return {
    type: 'bar',
    data: { labels, datasets: series.map((s) => ({ label: s.label, data: s.data, backgroundColor: s.color })) },
    options: { responsive: true, animation: false, scales: { x: { stacked }, y: { stacked, beginAtZero: true, ticks: { precision: 0 } } } },
  };
}

export function lineChart(labels: string[], label: string, data: number[], color: string): ChartConfiguration {
  return {
    type: 'line',
    data: { labels, datasets: [{ label, data, borderColor: color, backgroundColor: color }] },
    options: { responsive: true, animation: false, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
  };
}
