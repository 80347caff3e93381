import type { VNode } from 'preact';
import { Table } from './form';

export interface ChartSeries {
  label: string;
  fill: string;
  counts: number[];
}

const WIDTH = 800;
const HEIGHT = 280;
const LEFT = 44;
const BOTTOM = 36;
const TOP = 12;

function niceMax(value: number): number {
  if (value <= 5) return 5;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  return [1, 2, 5, 10].map((step) => step * magnitude).find((candidate) => candidate >= value)!;
}

const shortDay = (day: string): string => `${day.slice(8, 10)}/${day.slice(5, 7)}`;

/**
 * Stacked bars per day, drawn on the server as SVG: a title and a description for assistive
 * technologies, a legend in words, and the same figures in a table.
 */
export function StackedBarChart(props: {
  id: string;
  title: string;
  summary: string;
  days: string[];
  series: ChartSeries[];
  seriesHeading: string;
}): VNode {
  const totals = props.days.map((_, day) => props.series.reduce((sum, series) => sum + series.counts[day], 0));
  const max = niceMax(Math.max(0, ...totals));
  const plotWidth = WIDTH - LEFT - 8;
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const step = plotWidth / Math.max(1, props.days.length);
  const y = (count: number): number => TOP + plotHeight - (count / max) * plotHeight;
  const labelEvery = Math.ceil(props.days.length / 10);
  return (
    <figure class="fr-my-4w" id={props.id}>
      <svg
        class="vigie-chart"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        xmlns="http://www.w3.org/2000/svg"
        role="img"
        aria-labelledby={`${props.id}-titre ${props.id}-desc`}
      >
        <title id={`${props.id}-titre`}>{props.title}</title>
        <desc id={`${props.id}-desc`}>{props.summary}</desc>
        {[0, max / 2, max].map((tick) => (
          <g>
            <line x1={LEFT} x2={WIDTH - 8} y1={y(tick)} y2={y(tick)} stroke="#dddddd" />
            <text x={LEFT - 6} y={y(tick) + 4} text-anchor="end" font-size="12" fill="#161616">
              {String(tick)}
            </text>
          </g>
        ))}
        {props.days.map((day, position) => {
          let base = 0;
          return (
            <g>
              {props.series.map((series) => {
                const count = series.counts[position];
                if (count === 0) return null;
                const top = y(base + count);
                const height = y(base) - top;
                base += count;
                return (
                  <rect
                    x={LEFT + position * step + 1}
                    y={top}
                    width={Math.max(1, step - 2)}
                    height={height}
                    fill={series.fill}
                  />
                );
              })}
              {position % labelEvery === 0 ? (
                <text
                  x={LEFT + position * step + step / 2}
                  y={HEIGHT - BOTTOM + 16}
                  text-anchor="middle"
                  font-size="12"
                  fill="#161616"
                >
                  {shortDay(day)}
                </text>
              ) : null}
            </g>
          );
        })}
        <line x1={LEFT} x2={WIDTH - 8} y1={y(0)} y2={y(0)} stroke="#3a3a3a" />
      </svg>
      <figcaption>
        <ul class="fr-raw-list vigie-chart-legend">
          {props.series.map((series) => (
            <li>
              <svg width="16" height="12" aria-hidden="true" focusable="false">
                <rect width="16" height="12" fill={series.fill} />
              </svg>{' '}
              {series.label}
            </li>
          ))}
        </ul>
      </figcaption>
      <details class="fr-mt-2w">
        <summary>{`Voir les chiffres de « ${props.title} » dans un tableau`}</summary>
        <Table caption={props.title} headers={['Jour', ...props.series.map((series) => series.label), 'Total']}>
          <tbody>
            {props.days.map((day, position) => (
              <tr>
                <td>{day}</td>
                {props.series.map((series) => (
                  <td>{series.counts[position]}</td>
                ))}
                <td>{totals[position]}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      </details>
    </figure>
  );
}
