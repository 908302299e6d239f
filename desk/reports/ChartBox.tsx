import type { ChartConfiguration } from 'chart.js';
import { useEffect, useRef } from 'preact/hooks';
import type { DrawChart } from './charts';

export interface ChartBoxProps {
  /** What the chart shows, for screen readers (the same figures are in the table next to it). */
  label: string;
  config: ChartConfiguration;
  draw: DrawChart;
}

/** One chart on a canvas, drawn after mount and destroyed when the figures change or the page closes. */
export function ChartBox({ label, config, draw }: ChartBoxProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    let chart: { destroy: () => void } | null = null;
    let gone = false;
    if (canvas.current) {
      void draw(canvas.current, config).then((c) => {
        if (gone) c.destroy();
        else chart = c;
      });
    }
    return () => {
      gone = true;
      chart?.destroy();
    };
  }, [config, draw]);
  return (
    <div class="report-chart">
      <canvas ref={canvas} role="img" aria-label={label} />
    </div>
  );
}
