import type { VNode } from 'preact';
import { franceShapes } from './france-shapes';

/** One colour band of the map: from `min` (inclusive) up, its fill and its words in the legend. */
export interface Band {
  min: number;
  fill: string;
  label: string;
}

export interface MapFigure {
  code: string;
  name: string;
  count: number;
}

export function bandOf(bands: Band[], count: number): Band {
  return [...bands].reverse().find((band) => count >= band.min) ?? bands[0];
}

/**
 * France with its 101 départements, each a link to its page and filled by its band; the five
 * overseas départements in boxes below the mainland. The outlines are computed once per process.
 */
export function FranceMap(props: {
  title: string;
  figures: Map<string, MapFigure>;
  bands: Band[];
  describe: (figure: MapFigure) => string;
}): VNode {
  const shapes = franceShapes();
  const link = (code: string, path: string): VNode => {
    const figure = props.figures.get(code)!;
    const label = props.describe(figure);
    return (
      <a href={`/departements/${code}`} aria-label={label} data-department={code}>
        <title>{label}</title>
        <path d={path} fill={bandOf(props.bands, figure.count).fill} stroke="#3a3a3a" stroke-width="0.6" />
      </a>
    );
  };
  return (
    <svg
      class="vigie-map"
      viewBox={shapes.viewBox}
      xmlns="http://www.w3.org/2000/svg"
      role="group"
      aria-label={props.title}
      preserveAspectRatio="xMidYMid meet"
    >
      <g>{shapes.mainland.map((shape) => link(shape.code, shape.path))}</g>
      {shapes.insets.map((inset) => (
        <g>
          <rect
            x={inset.box.x}
            y={inset.box.y}
            width={inset.box.width}
            height={inset.box.height}
            fill="#f6f6f6"
            stroke="#929292"
            stroke-width="0.8"
          />
          {link(inset.code, inset.path)}
          <text
            x={inset.box.x + inset.box.width / 2}
            y={inset.box.y + inset.box.height + 16}
            text-anchor="middle"
            font-size="13"
            fill="#161616"
            aria-hidden="true"
          >
            {`${inset.name} (${inset.code})`}
          </text>
        </g>
      ))}
    </svg>
  );
}

/** The colour bands in words, each with its swatch. */
export function MapLegend(props: { caption: string; bands: Band[] }): VNode {
  return (
    <div class="vigie-map-legend">
      <p class="fr-text--bold fr-mb-1w">{props.caption}</p>
      <ul class="fr-raw-list">
        {props.bands.map((band) => (
          <li>
            <svg width="20" height="14" aria-hidden="true" focusable="false">
              <rect width="20" height="14" fill={band.fill} stroke="#3a3a3a" stroke-width="1" />
            </svg>{' '}
            {band.label}
          </li>
        ))}
      </ul>
      <p class="fr-text--sm fr-mt-1w">
        Les cinq départements d’outre-mer sont dessinés sous la métropole, chacun à sa propre échelle.
      </p>
    </div>
  );
}
