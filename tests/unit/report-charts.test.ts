import { describe, expect, it } from 'vitest';
import {
  chartWidth,
  completionChart,
  demandChart,
  funnelChart,
  maskedStubLength,
  shortened,
  trendChart,
  type Chart,
} from '../../src/features/reports/charts';
import { totalOf, type CourseFigures } from '../../src/features/reports/queries';
import { translatorFor } from '../../src/i18n';

const t = translatorFor('en');
let nextId = 1;

/** A course's real figures; every people figure is 0 unless given. */
function aCourse(figures: Partial<CourseFigures> = {}): CourseFigures {
  const zero = totalOf([]);
  return {
    ...zero,
    courseId: nextId++,
    title: 'Arkeen Voimaa',
    locality: 'Seinäjoki',
    audience: 'open',
    status: 'open',
    seats: 12,
    ...figures,
  };
}

const funnelOf = (figures: Partial<CourseFigures>) =>
  funnelChart({ id: 'f', title: 'Funnel', totals: totalOf([aCourse(figures)]), t });

/** The bar drawn next to each value label, or undefined when the figure has no bar. */
function barBeside(chart: Chart, valueIndex: number) {
  const value = chart.values[valueIndex]!;
  return chart.bars.find((bar) => value.y > bar.y && value.y < bar.y + bar.height + 5);
}

describe('the funnel chart', () => {
  it('draws each stage as long as its figure, and a zero as no bar at all', () => {
    const chart = funnelOf({
      applications: 40,
      reached: 30,
      placed: 20,
      started: 10,
      completed: 0,
    });
    expect(chart.values.map((value) => value.text)).toEqual(['40', '30', '20', '10', '0']);
    const widths = [0, 1, 2, 3].map((index) => barBeside(chart, index)!.width);
    expect(widths).toEqual([...widths].sort((a, b) => b - a));
    expect(new Set(widths).size).toBe(4);
    expect(widths[0]).toBeLessThanOrEqual(chartWidth);
    expect(chart.bars).toHaveLength(4);
    expect(barBeside(chart, 4)).toBeUndefined();
    expect(chart.description).toBe(
      'Of 40 applicants 30 were reached, 20 placed, 10 started and 0 completed.',
    );
  });

  it('draws 20 twice as long as 10', () => {
    const chart = funnelOf({ applications: 20, reached: 10 });
    expect(barBeside(chart, 0)!.width).toBeCloseTo(2 * barBeside(chart, 1)!.width, 0);
  });

  it('draws a masked figure as the same short hatched stub for 1 and for 4, labelled "< 5"', () => {
    const withOne = funnelOf({ applications: 9, reached: 8, placed: 6, started: 5, completed: 1 });
    const withFour = funnelOf({ applications: 9, reached: 8, placed: 6, started: 5, completed: 4 });
    expect(withOne).toEqual(withFour);
    const stub = barBeside(withOne, 4)!;
    expect(stub).toMatchObject({ style: 'masked', width: maskedStubLength });
    expect(withOne.values[4]!.text).toBe('< 5');
    expect(withOne.description).toContain('and < 5 completed');
    expect(withOne.legend.map((item) => item.text)).toContain(t('reports.chart.masked'));
  });

  it('never shows a masked count of 3 anywhere, not even through the scale', () => {
    // All figures masked: the scale cannot be fitted to them, so 1s and 4s draw the same.
    const threes = funnelOf({ applications: 3, reached: 3, placed: 3, started: 3, completed: 3 });
    const ones = funnelOf({ applications: 1, reached: 1, placed: 1, started: 1, completed: 1 });
    expect(threes).toEqual(ones);
    expect(JSON.stringify(threes.values)).not.toMatch(/"text":"3"/);
    expect(threes.description).not.toMatch(/\b3\b/);
    expect(threes.table.rows.flat()).not.toContain(3);
  });
});

describe('completion by course', () => {
  it('puts every rate on one 0–100 % scale; no rate is "–" and no bar; few starters "< 5"', () => {
    const full = aCourse({ started: 10, completed: 10, title: 'Full' });
    const half = aCourse({ started: 10, completed: 5, title: 'Half' });
    const nobody = aCourse({ title: 'Not begun' });
    const three = aCourse({ started: 3, completed: 3, title: 'Small' });
    const chart = completionChart({ id: 'c', rows: [full, half, nobody, three], t });
    expect(chart.values.map((value) => value.text)).toEqual(['100', '50', '–', '< 5']);
    expect(barBeside(chart, 0)!.width).toBeCloseTo(2 * barBeside(chart, 1)!.width, 0);
    expect(barBeside(chart, 2)).toBeUndefined();
    expect(barBeside(chart, 3)).toMatchObject({ style: 'masked', width: maskedStubLength });
    expect(chart.description).toContain('Not begun, Seinäjoki');
    expect(chart.description).toContain('– (nobody started)');
    expect(chart.table.rows.map((row) => row.at(-1))).toEqual([100, 50, null, '< 5']);
    expect(JSON.stringify(chart)).not.toMatch(/"3"|: 3[,;.]/);
  });

  it('shortens a long course name on the chart and keeps it whole in the table', () => {
    const title = 'Arkeen Voimaa – hyvinvointia ja toimintakykyä kotona asuville ikääntyneille';
    const chart = completionChart({ id: 'c', rows: [aCourse({ title })], t });
    expect(chart.labels[0]!.text.length).toBeLessThan(title.length);
    expect(chart.labels[0]!.text.endsWith('…')).toBe(true);
    expect(chart.labels[0]!.full).toContain(title);
    expect(String(chart.table.rows[0]![0])).toContain(title);
  });
});

describe('demand against seats by locality', () => {
  it('draws applications hatched and seats solid, both named in the legend', () => {
    const rows = [
      aCourse({ locality: 'Kauhava', applications: 30, seats: 12 }),
      aCourse({ locality: 'Kauhava', applications: 6, seats: 12 }),
      aCourse({ locality: 'Lapua', applications: 2, seats: 10 }),
    ];
    const chart = demandChart({ id: 'd', rows, t });
    expect(chart.values.map((value) => value.text)).toEqual(['36', '24', '< 5', '10']);
    expect(chart.bars.map((bar) => bar.style)).toEqual(['hatched', 'solid', 'masked', 'solid']);
    expect(chart.bars[0]!.width).toBeGreaterThan(chart.bars[1]!.width);
    expect(chart.legend.map((item) => item.text)).toEqual([
      'Applications in total',
      'Seats',
      t('reports.chart.masked'),
    ]);
    expect(chart.description).toBe(
      'Applications and seats by locality: Kauhava: 36 applications, 24 seats; Lapua: < 5 applications, 10 seats.',
    );
  });
});

describe('the term-over-term trend', () => {
  const term = (id: number, name: string, startsOn: string) => ({
    id,
    name,
    startsOn,
    endsOn: startsOn,
  });

  it('goes oldest term first, higher for a bigger figure, one dash and marker per series', () => {
    const chart = trendChart({
      id: 'trend',
      terms: [
        { term: term(2, 'Spring 2027', '2027-01-10'), rows: [aCourse({ applications: 40 })] },
        { term: term(1, 'Autumn 2026', '2026-08-20'), rows: [aCourse({ applications: 20 })] },
      ],
      t,
    });
    expect(chart.labels.map((label) => label.full)).toEqual(['Autumn 2026', 'Spring 2027']);
    expect(chart.table.rows.map((row) => row[0])).toEqual(['Autumn 2026', 'Spring 2027']);
    const [autumn, , , spring] = chart.markers;
    expect(spring!.y).toBeLessThan(autumn!.y);
    expect(spring!.x).toBeGreaterThan(autumn!.x);
    expect(new Set(chart.lines.map((line) => line.dash)).size).toBe(3);
    expect(new Set(chart.markers.slice(0, 3).map((marker) => marker.path)).size).toBe(3);
    expect(chart.values.map((value) => value.text)).toEqual(['20', '0', '0', '40', '0', '0']);
  });

  it('breaks the line at a masked figure and draws the same stub marker for 1 and 4', () => {
    const trendWith = (completed: number) =>
      trendChart({
        id: 'trend',
        terms: [
          { term: term(1, 'A', '2025-08-01'), rows: [aCourse({ completed: 10 })] },
          { term: term(2, 'B', '2026-01-01'), rows: [aCourse({ completed })] },
          { term: term(3, 'C', '2026-08-01'), rows: [aCourse({ completed: 12 })] },
        ],
        t,
      });
    const one = trendWith(1);
    expect(one).toEqual(trendWith(4));
    const completedLine = one.lines[2]!.path;
    expect(completedLine.match(/M/g)).toHaveLength(2);
    const masked = one.markers.filter((marker) => marker.masked);
    expect(masked).toHaveLength(1);
    expect(one.values.map((value) => value.text)).toContain('< 5');
    expect(one.description).toContain('B: 0 applications, 0 placed, < 5 completed');
  });
});

describe('shortened names', () => {
  it('keeps a short name and cuts a long one to the given length with an ellipsis', () => {
    expect(shortened('Lapua', 10)).toBe('Lapua');
    expect(shortened('Seinäjoen keskusta', 10)).toBe('Seinäjoen…');
    expect(shortened('Seinäjoen keskusta', 10).length).toBeLessThanOrEqual(10);
  });
});
