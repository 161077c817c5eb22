import type { BarStyle, Chart, LegendSwatch } from '../../src/features/reports/charts';
import type { Translate } from '../../src/i18n';
import { ReportTableView } from './report-pages';

/**
 * Chart colours on white: the fills and outlines have at least 3:1 contrast, the text 4.5:1, and
 * the series differ by pattern or dash, so a black-and-white print reads the same.
 */
const ink = '#1b1f24';
const accent = '#0b5394';

function fillOf(chartId: string, style: BarStyle): string {
  if (style === 'solid') return accent;
  return `url(#${chartId}-${style})`;
}

/** Diagonal hatching for the second series; a chequered cross-hatch for a masked stub. */
function Patterns(props: { chartId: string }) {
  return (
    <defs>
      <pattern
        id={`${props.chartId}-hatched`}
        width="6"
        height="6"
        patternUnits="userSpaceOnUse"
        patternTransform="rotate(45)"
      >
        <rect width="6" height="6" fill="#fff" />
        <line x1="0" y1="0" x2="0" y2="6" stroke={accent} stroke-width="3" />
      </pattern>
      <pattern id={`${props.chartId}-masked`} width="4" height="4" patternUnits="userSpaceOnUse">
        <rect width="4" height="4" fill="#fff" />
        <rect width="2" height="2" fill={ink} />
        <rect x="2" y="2" width="2" height="2" fill={ink} />
      </pattern>
    </defs>
  );
}

function Swatch(props: { chartId: string; swatch: LegendSwatch; x: number; y: number }) {
  const { swatch, x, y } = props;
  if (swatch.kind === 'bar') {
    return (
      <rect
        x={x}
        y={y}
        width="14"
        height="14"
        fill={fillOf(props.chartId, swatch.style)}
        stroke={ink}
        stroke-dasharray={swatch.style === 'masked' ? '2 2' : undefined}
      />
    );
  }
  return (
    <g>
      <line
        x1={x}
        y1={y + 7}
        x2={x + 28}
        y2={y + 7}
        stroke={ink}
        stroke-width="2"
        stroke-dasharray={swatch.dash || undefined}
      />
      <path d={swatch.marker} transform={`translate(${x + 14},${y + 7})`} fill={ink} />
    </g>
  );
}

/** One chart as SVG: a picture with a name and a text alternative; names on it are shortened. */
export function ChartSvg(props: { chart: Chart }) {
  const { chart } = props;
  const id = chart.id;
  return (
    <svg
      class="chart-svg"
      role="img"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-desc`}
      viewBox={`0 0 ${chart.width} ${chart.height}`}
      width="100%"
      font-size="13"
      fill={ink}
    >
      <title id={`${id}-title`}>{chart.title}</title>
      <desc id={`${id}-desc`}>{chart.description}</desc>
      <Patterns chartId={id} />
      {chart.legend.map((item) => (
        <g class="chart-legend">
          <Swatch chartId={id} swatch={item.swatch} x={item.x} y={item.y} />
          <text x={item.x + (item.swatch.kind === 'line' ? 36 : 20)} y={item.y + 11.5}>
            {item.text}
          </text>
        </g>
      ))}
      {chart.bars.map((bar) => (
        <rect
          class={`chart-bar chart-bar-${bar.style}`}
          x={bar.x}
          y={bar.y}
          width={bar.width}
          height={bar.height}
          fill={fillOf(id, bar.style)}
          stroke={ink}
          stroke-dasharray={bar.style === 'masked' ? '2 2' : undefined}
        />
      ))}
      {chart.rules.map((rule) => (
        <line x1={rule.x1} y1={rule.y1} x2={rule.x2} y2={rule.y2} stroke={ink} />
      ))}
      {chart.lines.map((path) => (
        <path
          class="chart-line"
          d={path.path}
          fill="none"
          stroke={ink}
          stroke-width="2"
          stroke-dasharray={path.dash || undefined}
        />
      ))}
      {chart.markers.map((marker) => (
        <path
          class={marker.masked ? 'chart-marker chart-marker-masked' : 'chart-marker'}
          d={marker.path}
          transform={`translate(${marker.x},${marker.y})`}
          fill={marker.masked ? fillOf(id, 'masked') : ink}
          stroke={ink}
        />
      ))}
      {chart.labels.map((label) => (
        <text class="chart-label" x={label.x} y={label.y} text-anchor={label.anchor}>
          {label.text}
          {label.text === label.full ? null : <title>{label.full}</title>}
        </text>
      ))}
      {chart.values.map((value) => (
        <text
          class="chart-value"
          x={value.x}
          y={value.y}
          text-anchor={value.anchor}
          font-weight="bold"
        >
          {value.text}
        </text>
      ))}
    </svg>
  );
}

/** A chart, its caption, and the table it was drawn from right under it (on screen and in print). */
export function ChartFigure(props: { chart: Chart; t: Translate }) {
  const { chart, t } = props;
  return (
    <figure class="chart" id={chart.id}>
      <figcaption>{chart.title}</figcaption>
      <ChartSvg chart={chart} />
      <ReportTableView
        id={`${chart.id}-table`}
        caption={t('reports.chart.tableCaption', { chart: chart.title })}
        table={chart.table}
        labelColumns={chart.labelColumns}
      />
    </figure>
  );
}

export function ReportCharts(props: { charts: Chart[]; t: Translate }) {
  if (props.charts.length === 0) return null;
  return (
    <section id="report-charts" aria-labelledby="report-charts-title">
      <h2 id="report-charts-title">{props.t('reports.charts')}</h2>
      {props.charts.map((chart) => (
        <ChartFigure chart={chart} t={props.t} />
      ))}
    </section>
  );
}
