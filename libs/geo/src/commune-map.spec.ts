import { CommuneMap, type CommuneMapDrawing } from './commune-map';

/** Even-odd ray casting over the drawn outline's vertices. */
function inside(drawing: CommuneMapDrawing, x: number, y: number): boolean {
  const vertices = [...drawing.outline.matchAll(/[ML]([\d.]+) ([\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
  let result = false;
  for (let i = 0, j = vertices.length - 1; i < vertices.length; j = i++) {
    const [xi, yi] = vertices[i];
    const [xj, yj] = vertices[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) result = !result;
  }
  return result;
}

describe('CommuneMap', () => {
  const map = CommuneMap.official();

  it.each([
    ['69123', '69'], // Lyon
    ['2A004', '2A'], // Ajaccio
    ['97411', '974'], // Saint-Denis (La Réunion)
    ['13055', '13'], // Marseille
  ])('draws %s inside the outline of %s, within the view box', (commune, department) => {
    const drawing = map.draw(commune)!;
    expect(drawing.department).toBe(department);
    expect(drawing.point.x).toBeGreaterThanOrEqual(0);
    expect(drawing.point.x).toBeLessThanOrEqual(drawing.width);
    expect(drawing.point.y).toBeGreaterThanOrEqual(0);
    expect(drawing.point.y).toBeLessThanOrEqual(drawing.height);
    expect(inside(drawing, drawing.point.x, drawing.point.y)).toBe(true);
    expect(inside(drawing, 0, 0)).toBe(false);
  });

  it('keeps the proportions of the département (longitudes scaled by the cosine of the latitude)', () => {
    // The Rhône is about 0.95° of latitude by 0.85° of longitude: at 46° N, taller than wide.
    const rhone = map.draw('69123')!;
    expect(rhone.height).toBeGreaterThan(rhone.width * 1.2);
    expect(rhone.width).toBeLessThanOrEqual(320);
  });

  it('has nothing to draw for an unknown commune, or for Paris (a single commune has no outline)', () => {
    expect(map.draw('99999')).toBeUndefined();
    expect(map.draw('constructor')).toBeUndefined();
    expect(map.draw('75056')).toBeUndefined();
  });
});
