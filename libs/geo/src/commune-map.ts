import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A département outline and one commune's point, projected into an SVG view box. */
export interface CommuneMapDrawing {
  department: string;
  /** SVG path data of the (approximate) département outline. */
  outline: string;
  point: { x: number; y: number };
  width: number;
  height: number;
}

interface CommuneMapData {
  /** Rings in thousandths of a degree, [lon, lat], per département code. */
  outlines: Record<string, [number, number][]>;
  /** Commune centres in thousandths of a degree, [lon, lat], per INSEE code. */
  points: Record<string, [number, number]>;
}

const FILE = 'commune-map.json';
const MARGIN = 8;

/** Finds the data file next to this module (sources, tests) or in the sources beside dist/. */
function dataFile(): string {
  const candidates = [
    join(__dirname, 'data', FILE),
    join(__dirname, '..', '..', '..', '..', 'libs', 'geo', 'src', 'data', FILE),
  ];
  const found = candidates.find((candidate) => existsSync(candidate));
  if (!found) throw new Error(`${FILE} not found (looked in ${candidates.join(', ')})`);
  return found;
}

/**
 * Small maps of a commune in its département, for pages that show where an alert is without a
 * tile server. The outline is the concave hull of the département's commune centres (see
 * scripts/commune-map-data.mjs), so it is approximate. Loaded once per process; each drawing
 * projects one outline (a few dozen points) with an equirectangular projection whose
 * longitudes are scaled by the cosine of the département's mean latitude.
 */
export class CommuneMap {
  private static instance: CommuneMap | undefined;
  private readonly drawings = new Map<
    string,
    Omit<CommuneMapDrawing, 'point'> & { project: (p: [number, number]) => { x: number; y: number } }
  >();

  private constructor(private readonly data: CommuneMapData) {}

  static official(): CommuneMap {
    CommuneMap.instance ??= new CommuneMap(JSON.parse(readFileSync(dataFile(), 'utf8')) as CommuneMapData);
    return CommuneMap.instance;
  }

  /** The drawing for a commune, or undefined when its centre or its département's outline is unknown. */
  draw(communeCode: string, width = 320): CommuneMapDrawing | undefined {
    const centre = Object.hasOwn(this.data.points, communeCode) ? this.data.points[communeCode] : undefined;
    if (!centre) return undefined;
    const department = communeCode.startsWith('97') ? communeCode.slice(0, 3) : communeCode.slice(0, 2);
    const base = this.departmentDrawing(department, width);
    if (!base) return undefined;
    return { department, outline: base.outline, width: base.width, height: base.height, point: base.project(centre) };
  }

  private departmentDrawing(department: string, width: number) {
    const key = `${department}:${width}`;
    const cached = this.drawings.get(key);
    if (cached) return cached;
    const ring = Object.hasOwn(this.data.outlines, department) ? this.data.outlines[department] : undefined;
    if (!ring || ring.length < 3) return undefined;
    const lons = ring.map(([lon]) => lon);
    const lats = ring.map(([, lat]) => lat);
    const [minLon, maxLon, minLat, maxLat] = [
      Math.min(...lons),
      Math.max(...lons),
      Math.min(...lats),
      Math.max(...lats),
    ];
    const cos = Math.cos(((minLat + maxLat) / 2000) * (Math.PI / 180));
    const spanX = Math.max((maxLon - minLon) * cos, 1);
    const spanY = Math.max(maxLat - minLat, 1);
    const scale = (width - 2 * MARGIN) / Math.max(spanX, spanY);
    const round = (value: number): number => Math.round(value * 10) / 10;
    const project = ([lon, lat]: [number, number]) => ({
      x: round(MARGIN + (lon - minLon) * cos * scale),
      y: round(MARGIN + (maxLat - lat) * scale),
    });
    const outline = `${ring.map((point, index) => `${index === 0 ? 'M' : 'L'}${project(point).x} ${project(point).y}`).join(' ')} Z`;
    const drawing = {
      department,
      outline,
      width: Math.ceil(spanX * scale + 2 * MARGIN),
      height: Math.ceil(spanY * scale + 2 * MARGIN),
      project,
    };
    this.drawings.set(key, drawing);
    return drawing;
  }
}
