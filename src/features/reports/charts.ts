import { scaleBand, scaleLinear, scalePoint } from 'd3-scale';
import {
  line,
  symbol,
  symbolCircle,
  symbolSquare,
  symbolTriangle,
  type SymbolType,
} from 'd3-shape';
import type { Translate } from '../../i18n';
import type { CsvCell } from '../../lib/csv';
import {
  totalOf,
  totalsBy,
  type CourseFigures,
  type TermHeading,
  type TotalFigures,
} from './queries';
import { completionRate, fewerThanFive, maskSmall, type ShownFigure } from './report-rules';
import type { ReportTable } from './report-table';

/**
 * The report's charts as plain data, ready to draw as SVG on the server: every coordinate comes
 * from d3-scale (and d3-shape for the trend's lines and markers), every label is the figure as
 * the table shows it. A masked figure ("< 5") is never drawn to scale: it is a stub of a fixed
 * size, the same for 1 and for 4, and the scales are fitted to the shown numbers only, so no
 * length, position or scale gives the true value away.
 */

/** How a bar is filled, so that series differ in black and white: solid, hatched, or a masked stub. */
export type BarStyle = 'solid' | 'hatched' | 'masked';

export type ChartBar = { x: number; y: number; width: number; height: number; style: BarStyle };
/** A figure written on the chart (next to its bar or marker), exactly as its table cell shows it. */
export type ChartValue = { x: number; y: number; text: string; anchor: 'start' | 'middle' };
/** A name on the chart, shortened to fit; `full` is the whole name (also in the table). */
export type ChartLabel = ChartValue & { full: string };
export type ChartLine = { path: string; dash: string };
/** A plain rule: the baseline bars grow from, or the trend's zero line. */
export type ChartRule = { x1: number; y1: number; x2: number; y2: number };
export type ChartMarker = { x: number; y: number; path: string; masked: boolean };
export type LegendSwatch =
  { kind: 'bar'; style: BarStyle } | { kind: 'line'; dash: string; marker: string };
export type LegendItem = { x: number; y: number; text: string; swatch: LegendSwatch };

export type Chart = {
  id: string;
  title: string;
  /** The text alternative: the same figures in words. */
  description: string;
  width: number;
  height: number;
  bars: ChartBar[];
  lines: ChartLine[];
  markers: ChartMarker[];
  rules: ChartRule[];
  /** The figures, in the order of the table's figure cells read row by row. */
  values: ChartValue[];
  labels: ChartLabel[];
  legend: LegendItem[];
  /** The table the chart was drawn from, shown under it. */
  table: ReportTable;
  labelColumns: number;
};

export const chartWidth = 360;
/** A masked figure's bar: fixed, whatever the true count (1–4). */
export const maskedStubLength = 10;
const margin = 4;
/** Room right of the longest bar for its figure. */
const valueRoom = 40;
const labelHeight = 18;
const barHeight = 20;
const groupGap = 10;
const legendRow = 20;
/** About how many characters of 13 px text fit across the chart. */
const charsAcross = 52;

const tidy = (value: number) => Math.round(value * 10) / 10;

export function shownText(figure: ShownFigure | null): string {
  return figure === null ? '–' : String(figure);
}

/** A long name cut to fit, with an ellipsis; the table beside the chart has it whole. */
export function shortened(name: string, chars: number): string {
  return name.length <= chars ? name : `${name.slice(0, Math.max(1, chars - 1)).trimEnd()}…`;
}

/** The largest figure drawn to scale: masked and missing figures do not stretch the scale. */
function largestShown(figures: (ShownFigure | null)[], floor = 1): number {
  return Math.max(floor, ...figures.filter((figure) => typeof figure === 'number'));
}

function legendOf(items: { text: string; swatch: LegendSwatch }[]): LegendItem[] {
  return items.map((item, index) => ({
    x: margin,
    y: margin + index * legendRow,
    text: item.text,
    swatch: item.swatch,
  }));
}

function maskedLegend(t: Translate, figures: (ShownFigure | null)[]) {
  return figures.includes(fewerThanFive)
    ? [{ text: t('reports.chart.masked'), swatch: { kind: 'bar', style: 'masked' } as const }]
    : [];
}

type BarSeries = { name: string; style: Exclude<BarStyle, 'masked'> };
type BarGroup = { label: string; figures: (ShownFigure | null)[] };

/**
 * Horizontal bars in groups, one row per series under each group's name: it reads down a phone
 * screen whatever the number of groups, and a long name has the whole width.
 */
function barChart(options: {
  groups: BarGroup[];
  series: BarSeries[];
  /** The scale's top, when it is not the largest figure (a rate's 100 %). */
  domainMax?: number;
  legend: { text: string; swatch: LegendSwatch }[];
}): Pick<Chart, 'width' | 'height' | 'bars' | 'rules' | 'values' | 'labels' | 'legend'> {
  const { groups, series } = options;
  const legend = legendOf(options.legend);
  const top = margin + legend.length * legendRow + (legend.length > 0 ? groupGap : 0);
  const groupHeight = labelHeight + series.length * barHeight + groupGap;
  const rows = scaleBand<number>()
    .domain(groups.map((_, index) => index))
    .range([top, top + groups.length * groupHeight]);
  const within = scaleBand<number>()
    .domain(series.map((_, index) => index))
    .range([labelHeight, labelHeight + series.length * barHeight])
    .paddingInner(0.15);
  const all = groups.flatMap((group) => group.figures);
  const length = scaleLinear()
    .domain([0, options.domainMax ?? largestShown(all)])
    .range([0, chartWidth - 2 * margin - valueRoom]);

  const bars: ChartBar[] = [];
  const values: ChartValue[] = [];
  const labels: ChartLabel[] = [];
  groups.forEach((group, groupIndex) => {
    const groupTop = rows(groupIndex)!;
    labels.push({
      x: margin,
      y: tidy(groupTop + 13),
      text: shortened(group.label, charsAcross),
      full: group.label,
      anchor: 'start',
    });
    group.figures.forEach((figure, seriesIndex) => {
      const y = groupTop + within(seriesIndex)!;
      const height = within.bandwidth();
      const masked = figure === fewerThanFive;
      const width = masked ? maskedStubLength : typeof figure === 'number' ? length(figure) : 0;
      if (width > 0) {
        bars.push({
          x: margin,
          y: tidy(y),
          width: tidy(width),
          height: tidy(height),
          style: masked ? 'masked' : series[seriesIndex]!.style,
        });
      }
      values.push({
        x: tidy(margin + width + 4),
        y: tidy(y + height / 2 + 4.5),
        text: shownText(figure),
        anchor: 'start',
      });
    });
  });
  const bottom = tidy(top + groups.length * groupHeight);
  return {
    width: chartWidth,
    height: bottom,
    bars,
    rules: [],
    values,
    labels,
    legend,
  };
}

const noLines = { lines: [], markers: [] };

/** A table of labels and figures as the report shows them; the chart's values follow its cells. */
function tableOf(header: string[], rows: { labels: string[]; figures: CsvCell[] }[]): ReportTable {
  return { header, rows: rows.map((row) => [...row.labels, ...row.figures]) };
}

/**
 * The funnel of a term (or of terms together): applications, reached, placed, started, completed,
 * each a bar as long as its figure.
 */
export function funnelChart(options: {
  id: string;
  title: string;
  totals: TotalFigures;
  t: Translate;
}): Chart {
  const { totals, t } = options;
  const stages = [
    [t('reports.col.applications'), maskSmall(totals.applications)],
    [t('reports.col.reached'), maskSmall(totals.reached)],
    [t('reports.col.placed'), maskSmall(totals.placed)],
    [t('reports.col.started'), maskSmall(totals.started)],
    [t('reports.col.completed'), maskSmall(totals.completed)],
  ] as const;
  const figures = stages.map(([, figure]) => figure);
  const [applications, reached, placed, started, completed] = figures.map(shownText);
  return {
    id: options.id,
    title: options.title,
    description: t('reports.chart.funnel.desc', {
      applications: applications!,
      reached: reached!,
      placed: placed!,
      started: started!,
      completed: completed!,
    }),
    ...barChart({
      groups: stages.map(([label, figure]) => ({ label, figures: [figure] })),
      series: [{ name: t('reports.col.applications'), style: 'solid' }],
      legend: maskedLegend(t, figures),
    }),
    ...noLines,
    table: tableOf(
      [t('reports.chart.stage'), t('reports.chart.people')],
      stages.map(([label, figure]) => ({ labels: [label], figures: [figure] })),
    ),
    labelColumns: 1,
  };
}

const courseName = (row: CourseFigures) => `${row.title}, ${row.locality} (${row.courseId})`;

/** Completion rate of each course on one 0–100 % scale; no rate is "–" and no bar. */
export function completionChart(options: {
  id: string;
  rows: CourseFigures[];
  t: Translate;
}): Chart {
  const { rows, t } = options;
  const rates = rows.map((row) => completionRate(row.completed, row.started));
  const items = rows.map((row, index) =>
    t('reports.chart.completion.item', {
      course: courseName(row),
      rate: rates[index] === null ? t('reports.chart.noRate') : shownText(rates[index]!),
    }),
  );
  return {
    id: options.id,
    title: t('reports.chart.completion.title'),
    description: t('reports.chart.completion.desc', { list: items.join('; ') }),
    ...barChart({
      groups: rows.map((row, index) => ({ label: courseName(row), figures: [rates[index]!] })),
      series: [{ name: t('reports.col.completionRate'), style: 'solid' }],
      domainMax: 100,
      legend: maskedLegend(t, rates),
    }),
    ...noLines,
    table: tableOf(
      [
        t('reports.col.course'),
        t('reports.col.locality'),
        t('reports.col.started'),
        t('reports.col.completed'),
        t('reports.col.completionRate'),
      ],
      rows.map((row, index) => ({
        labels: [`${row.title} (${row.courseId})`, row.locality],
        figures: [maskSmall(row.started), maskSmall(row.completed), rates[index]!],
      })),
    ),
    labelColumns: 2,
  };
}

/** Demand against supply in each locality: applications (hatched) beside seats (solid). */
export function demandChart(options: { id: string; rows: CourseFigures[]; t: Translate }): Chart {
  const { t } = options;
  const localities = totalsBy(options.rows, (row) => row.locality).map((group) => ({
    locality: group.key,
    applications: maskSmall(group.total.applications),
    seats: group.total.seats,
  }));
  const series: BarSeries[] = [
    { name: t('reports.col.applications'), style: 'hatched' },
    { name: t('reports.col.seats'), style: 'solid' },
  ];
  const figures = localities.flatMap((row) => [row.applications, row.seats]);
  return {
    id: options.id,
    title: t('reports.chart.demand.title'),
    description: t('reports.chart.demand.desc', {
      list: localities
        .map((row) =>
          t('reports.chart.demand.item', {
            locality: row.locality,
            applications: shownText(row.applications),
            seats: row.seats,
          }),
        )
        .join('; '),
    }),
    ...barChart({
      groups: localities.map((row) => ({
        label: row.locality,
        figures: [row.applications, row.seats],
      })),
      series,
      legend: [
        ...series.map((one) => ({
          text: one.name,
          swatch: { kind: 'bar', style: one.style } as const,
        })),
        ...maskedLegend(t, figures),
      ],
    }),
    ...noLines,
    table: tableOf(
      [t('reports.col.locality'), t('reports.col.applications'), t('reports.col.seats')],
      localities.map((row) => ({
        labels: [row.locality],
        figures: [row.applications, row.seats],
      })),
    ),
    labelColumns: 1,
  };
}

/** The trend's three series: each its own dash and marker, so they differ without colour. */
const trendSeries = [
  { key: 'applications', dash: '', marker: symbolCircle },
  { key: 'placed', dash: '8 4', marker: symbolSquare },
  { key: 'completed', dash: '2 3', marker: symbolTriangle },
] as const satisfies readonly {
  key: keyof TotalFigures;
  dash: string;
  marker: SymbolType;
}[];

const markerPath = (type: SymbolType) => symbol(type, 64)()!;
const trendPlotHeight = 160;
const valueSpacing = 14;
const seriesAside = 6;

/**
 * Applications, placed and completed per term, oldest term first, as three lines. A masked figure
 * breaks the line and its marker sits on a fixed stub just above the baseline, labelled "< 5".
 */
export function trendChart(options: {
  id: string;
  terms: { term: TermHeading; rows: CourseFigures[] }[];
  t: Translate;
}): Chart {
  const { t } = options;
  const columns = {
    applications: t('reports.col.applications'),
    placed: t('reports.col.placed'),
    completed: t('reports.col.completed'),
  };
  const terms = [...options.terms]
    .sort((a, b) => a.term.startsOn.localeCompare(b.term.startsOn))
    .map(({ term, rows }) => {
      const total = totalOf(rows);
      return {
        name: term.name,
        figures: trendSeries.map((series) => maskSmall(total[series.key])),
      };
    });
  const legend = legendOf([
    ...trendSeries.map((series) => ({
      text: columns[series.key],
      swatch: { kind: 'line', dash: series.dash, marker: markerPath(series.marker) } as const,
    })),
    ...maskedLegend(
      t,
      terms.flatMap((term) => term.figures),
    ),
  ]);
  const plotTop = margin + legend.length * legendRow + groupGap;
  const baseline = plotTop + trendPlotHeight;
  const across = scalePoint<number>()
    .domain(terms.map((_, index) => index))
    .range([margin + 12, chartWidth - margin - valueRoom])
    .padding(0.5);
  const up = scaleLinear()
    .domain([0, largestShown(terms.flatMap((term) => term.figures))])
    .range([baseline, plotTop]);
  const heightOf = (figure: ShownFigure) =>
    figure === fewerThanFive ? baseline - maskedStubLength : up(figure);

  // Each series a little aside, so that equal figures do not hide each other's markers.
  const xOf = (index: number, seriesIndex: number) =>
    across(index)! + (seriesIndex - 1) * seriesAside;
  const lines: ChartLine[] = trendSeries.map((series, seriesIndex) => ({
    dash: series.dash,
    path:
      line<{ figure: ShownFigure; index: number }>()
        .defined((point) => point.figure !== fewerThanFive)
        .x((point) => tidy(xOf(point.index, seriesIndex)))
        .y((point) => tidy(heightOf(point.figure)))(
        terms.map((term, index) => ({ figure: term.figures[seriesIndex]!, index })),
      ) ?? '',
  }));
  const markers: ChartMarker[] = [];
  const values: ChartValue[] = [];
  const labels: ChartLabel[] = [];
  const termChars = Math.max(4, Math.floor(across.step() / 7.5));
  terms.forEach((term, index) => {
    const x = across(index)!;
    const placed = term.figures.map((figure, seriesIndex) => ({
      seriesIndex,
      figure,
      y: heightOf(figure),
    }));
    for (const point of placed) {
      markers.push({
        x: tidy(xOf(index, point.seriesIndex)),
        y: tidy(point.y),
        path: markerPath(trendSeries[point.seriesIndex]!.marker),
        masked: point.figure === fewerThanFive,
      });
    }
    // The figures stay in the table's order; only their heights are pushed apart to stay legible.
    const byHeight = [...placed].sort((a, b) => a.y - b.y);
    const textY = new Map<number, number>();
    byHeight.forEach((point, order) => {
      const previous = order > 0 ? textY.get(byHeight[order - 1]!.seriesIndex)! : -Infinity;
      textY.set(point.seriesIndex, Math.max(point.y + 4.5, previous + valueSpacing));
    });
    const overflow = Math.max(0, ...[...textY.values()].map((y) => y - (baseline + 4.5)));
    for (const point of placed) {
      values.push({
        x: tidy(x + seriesAside + 9),
        y: tidy(textY.get(point.seriesIndex)! - overflow),
        text: shownText(point.figure),
        anchor: 'start',
      });
    }
    labels.push({
      x: tidy(x),
      y: tidy(baseline + 20),
      text: shortened(term.name, termChars),
      full: term.name,
      anchor: 'middle',
    });
  });

  return {
    id: options.id,
    title: t('reports.chart.trend.title'),
    description: t('reports.chart.trend.desc', {
      list: terms
        .map((term) =>
          t('reports.chart.trend.item', {
            term: term.name,
            applications: shownText(term.figures[0]!),
            placed: shownText(term.figures[1]!),
            completed: shownText(term.figures[2]!),
          }),
        )
        .join('; '),
    }),
    width: chartWidth,
    height: tidy(baseline + 28),
    bars: [],
    lines,
    markers,
    rules: [{ x1: margin, y1: tidy(baseline), x2: chartWidth - margin, y2: tidy(baseline) }],
    values,
    labels,
    legend,
    table: tableOf(
      [t('reports.col.term'), columns.applications, columns.placed, columns.completed],
      terms.map((term) => ({ labels: [term.name], figures: term.figures })),
    ),
    labelColumns: 1,
  };
}

/** The term report's charts: its funnel, completion by course and demand by locality. */
export function termCharts(rows: CourseFigures[], t: Translate): Chart[] {
  if (rows.length === 0) return [];
  return [
    funnelChart({
      id: 'chart-funnel',
      title: t('reports.chart.funnel.title'),
      totals: totalOf(rows),
      t,
    }),
    completionChart({ id: 'chart-completion', rows, t }),
    demandChart({ id: 'chart-demand', rows, t }),
  ];
}

/** The year view's charts: the chosen terms' funnel together, and the trend term by term. */
export function yearCharts(terms: { term: TermHeading; rows: CourseFigures[] }[], t: Translate) {
  if (terms.every((term) => term.rows.length === 0)) return [];
  return [
    funnelChart({
      id: 'chart-funnel',
      title: t('reports.chart.funnel.yearTitle'),
      totals: totalOf(terms.flatMap((term) => term.rows)),
      t,
    }),
    trendChart({ id: 'chart-trend', terms, t }),
  ];
}
