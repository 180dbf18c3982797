// The layout of the chart "Teilnahme je Sitzung": one bar per held session (invited as a light
// bar, present in front of it), a y axis with round steps and x labels thinned to what fits.
// Pure arithmetic, so the component only draws and tests need no layout engine.

import type { AttendancePoint } from '../api/types';

export const CHART = { width: 720, height: 260, left: 40, right: 8, top: 12, bottom: 40 };

/** At most this many x labels; with more sessions every k-th is labelled (the last always). */
const MAX_LABELS = 10;

export type Bar = {
  point: AttendancePoint;
  /** Left edge and width of the invited bar; the present bar sits inside it. */
  x: number;
  width: number;
  invitedY: number;
  presentY: number;
  /** Whether this bar's session number and date stand under the axis. */
  labelled: boolean;
};

export type ChartLayout = {
  bars: Bar[];
  ticks: { value: number; y: number }[];
  /** The y of the x axis (value 0). */
  baseline: number;
};

/** A round step for about four to six ticks: 1, 2, 5, 10, 20, 50 … */
export function tickStep(max: number): number {
  if (max <= 5) return 1;
  const raw = max / 5;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((f) => f * magnitude).find((s) => s >= raw);
  return step ?? 10 * magnitude;
}

export function chartLayout(points: readonly AttendancePoint[]): ChartLayout {
  const { width, height, left, right, top, bottom } = CHART;
  const baseline = height - bottom;
  const plotHeight = baseline - top;
  const max = Math.max(1, ...points.map((p) => Math.max(p.invited, p.present)));
  const step = tickStep(max);
  const axisMax = Math.ceil(max / step) * step;
  const y = (value: number) => baseline - (value / axisMax) * plotHeight;
  const slot = (width - left - right) / Math.max(points.length, 1);
  const barWidth = Math.min(48, slot * 0.7);
  const every = Math.ceil(points.length / MAX_LABELS);
  const bars = points.map((point, index) => ({
    point,
    x: left + index * slot + (slot - barWidth) / 2,
    width: barWidth,
    invitedY: y(point.invited),
    presentY: y(point.present),
    labelled: (points.length - 1 - index) % every === 0,
  }));
  const ticks = [];
  for (let value = 0; value <= axisMax; value += step) ticks.push({ value, y: y(value) });
  return { bars, ticks, baseline };
}
