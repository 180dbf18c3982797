import { describe, expect, it } from 'vitest';
import { attendancePoint } from './fixtures';
import { CHART, chartLayout, tickStep } from './chart';

describe('chartLayout', () => {
  it('draws one bar per session, present never higher than invited', () => {
    const layout = chartLayout([
      attendancePoint(1, 1, '2024-01-10', 20, 30),
      attendancePoint(2, 2, '2024-06-10', 30, 30),
    ]);
    expect(layout.bars).toHaveLength(2);
    for (const bar of layout.bars) {
      expect(bar.presentY).toBeGreaterThanOrEqual(bar.invitedY);
      expect(bar.invitedY).toBeGreaterThanOrEqual(CHART.top);
      expect(bar.x + bar.width).toBeLessThanOrEqual(CHART.width - CHART.right);
    }
    expect(layout.bars[0].x, 'oldest session left').toBeLessThan(layout.bars[1].x);
  });

  it('labels at most ten sessions, always the latest', () => {
    const points = Array.from({ length: 25 }, (_, i) =>
      attendancePoint(i + 1, i + 1, '2020-01-01', 10, 12),
    );
    const labelled = chartLayout(points).bars.filter((bar) => bar.labelled);
    expect(labelled.length).toBeLessThanOrEqual(10);
    expect(labelled.at(-1)?.point.number).toBe(25);
  });

  it('steps the y axis in round numbers from 0 up to at least the largest value', () => {
    expect(tickStep(4)).toBe(1);
    expect(tickStep(48)).toBe(10);
    expect(tickStep(130)).toBe(50);
    const { ticks } = chartLayout([attendancePoint(1, 1, '2024-01-10', 35, 48)]);
    expect(ticks[0].value).toBe(0);
    expect(ticks.at(-1)?.value).toBeGreaterThanOrEqual(48);
  });

  it('copes with no sessions and with nobody invited', () => {
    expect(chartLayout([]).bars).toEqual([]);
    const [bar] = chartLayout([attendancePoint(1, 1, '2024-01-10', 0, 0)]).bars;
    expect(Number.isFinite(bar.invitedY)).toBe(true);
  });
});
