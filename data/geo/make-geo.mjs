// make-geo.mjs: build data/geo/north-america.json from public-domain map data.
//
// Run once, by hand, when the outlines should change; the program only reads
// the JSON this writes (embedded as a GResource). Needs node and npm:
//
//   cd "$(mktemp -d)" && npm install world-atlas@2.0.2 us-atlas@3.0.1 topojson-client@3.1.0 \
//     && node /path/to/landfall/data/geo/make-geo.mjs /path/to/landfall/data/geo/north-america.json
//
// Sources: Natural Earth 1:50m Admin 0 countries (public domain), as the npm
// package world-atlas ships it; US state borders from the Census Bureau's 2017
// cartographic boundary files (public domain), as the npm package us-atlas
// ships them unprojected (states-10m.json). Both packages are ISC licensed.

import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';
import path from 'node:path';

// Resolve the packages from the directory npm installed them in, not from
// this script's folder, so the checkout never holds node_modules.
const require = createRequire(path.join(process.cwd(), 'noop.js'));
const topojson = require('topojson-client');
const world = require('world-atlas/countries-50m.json');
const us = require('us-atlas/states-10m.json');
const version = (name) => require(`${name}/package.json`).version;

const out = process.argv[2] ?? 'north-america.json';

// ISO 3166 numeric codes: the three markets first, then their neighbours so
// the coast around the Gulf of Mexico and the Caribbean reads as a map.
// An array, not an object: JS would reorder integer-like keys.
const COUNTRIES = [
  ['840', 'United States'], ['124', 'Canada'], ['484', 'Mexico'],
  ['320', 'Guatemala'], ['084', 'Belize'], ['340', 'Honduras'], ['222', 'El Salvador'],
  ['558', 'Nicaragua'], ['188', 'Costa Rica'], ['591', 'Panama'], ['192', 'Cuba'],
  ['388', 'Jamaica'], ['332', 'Haiti'], ['214', 'Dominican Republic'], ['044', 'Bahamas'],
  ['630', 'Puerto Rico'], ['304', 'Greenland'],
];
const ORDER = COUNTRIES.map(([id]) => id);
const NAME = Object.fromEntries(COUNTRIES);

// Keep what a map of North American car plants can show: drop the Aleutians
// west of the antimeridian, the high Arctic and specks too small to see.
const VIEW = { west: -170, east: -50, south: 5, north: 76 };
const MIN_RING_AREA = 0.08;   // square degrees
const TOLERANCE = 0.025;      // degrees, Douglas–Peucker
const PRECISION = 100;        // 0.01°

function bbox (pts) {
  let w = Infinity, e = -Infinity, s = Infinity, n = -Infinity;
  for (const [x, y] of pts) {
    w = Math.min(w, x); e = Math.max(e, x); s = Math.min(s, y); n = Math.max(n, y);
  }
  return { w, e, s, n };
}

function inView (pts) {
  const b = bbox(pts);
  return b.e > VIEW.west && b.w < VIEW.east && b.n > VIEW.south && b.s < VIEW.north && b.w > -180;
}

function area (ring) {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++)
    a += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
  return Math.abs(a / 2);
}

// Douglas–Peucker, iterative so long coastlines cannot overflow the stack.
function simplify (pts, tol) {
  if (pts.length < 3) return pts;
  const keep = new Uint8Array(pts.length);
  keep[0] = keep[pts.length - 1] = 1;
  const stack = [[0, pts.length - 1]];
  while (stack.length) {
    const [a, b] = stack.pop();
    const [ax, ay] = pts[a], [bx, by] = pts[b];
    const dx = bx - ax, dy = by - ay, len = Math.hypot(dx, dy);
    let best = -1, bestD = tol;
    for (let i = a + 1; i < b; i++) {
      const [px, py] = pts[i];
      const d = len > 0 ? Math.abs(dy * px - dx * py + bx * ay - by * ax) / len
                        : Math.hypot(px - ax, py - ay);
      if (d > bestD) { bestD = d; best = i; }
    }
    if (best >= 0) { keep[best] = 1; stack.push([a, best], [best, b]); }
  }
  return pts.filter((_, i) => keep[i]);
}

// Rounded, simplified, flattened [lon, lat, lon, lat, …]; null when too small.
function encode (pts, closed) {
  let s = simplify(pts, TOLERANCE);
  if (closed && s.length < 4) return null;
  if (!closed && s.length < 2) return null;
  const flat = [];
  let px = NaN, py = NaN;
  for (const [x, y] of s) {
    const rx = Math.round(x * PRECISION) / PRECISION, ry = Math.round(y * PRECISION) / PRECISION;
    if (rx === px && ry === py) continue;
    flat.push(rx, ry);
    px = rx; py = ry;
  }
  return flat.length >= (closed ? 8 : 4) ? flat : null;
}

const land = [];
const wanted = world.objects.countries.geometries.filter((g) => ORDER.includes(g.id));
for (const g of wanted) {
  const f = topojson.feature(world, g);
  const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
  const rings = [];
  for (const poly of polys) {
    // Outer rings only: lakes are holes a map of this scale need not show.
    const ring = poly[0];
    if (!inView(ring) || area(ring) < MIN_RING_AREA) continue;
    const e = encode(ring, true);
    if (e) rings.push(e);
  }
  if (rings.length) land.push({ id: g.id, name: NAME[g.id], rings });
}
land.sort((a, b) => ORDER.indexOf(a.id) - ORDER.indexOf(b.id));

function lines (mesh) {
  const res = [];
  for (const line of mesh.coordinates) {
    if (!inView(line)) continue;
    const e = encode(line, false);
    if (e) res.push(e);
  }
  return res;
}

// Land borders between the chosen countries (shared arcs only, so coasts are
// not stroked twice), and the borders between US states.
const worldSubset = { type: 'GeometryCollection', geometries: wanted };
const borders = lines(topojson.mesh(world, worldSubset, (a, b) => a !== b));
const states = lines(topojson.mesh(us, us.objects.states, (a, b) => a !== b));

const doc = {
  source: {
    description: 'North America outlines for the Landfall plant map: lon/lat in degrees (WGS84), '
      + 'rounded to 0.01° and simplified (Douglas–Peucker, 0.025°). Each ring and line is a flat '
      + 'array [lon, lat, lon, lat, …].',
    packages: [
      { name: 'world-atlas', version: version('world-atlas'), file: 'countries-50m.json',
        license: 'ISC (package); data: Natural Earth 1:50m Admin 0 countries v4.1.0, public domain' },
      { name: 'us-atlas', version: version('us-atlas'), file: 'states-10m.json',
        license: 'ISC (package); data: US Census Bureau cartographic boundary files 2017, public domain' },
      { name: 'topojson-client', version: version('topojson-client'), license: 'ISC' },
    ],
    regenerate: 'cd "$(mktemp -d)" && npm install world-atlas@2.0.2 us-atlas@3.0.1 '
      + 'topojson-client@3.1.0 && node <landfall>/data/geo/make-geo.mjs '
      + '<landfall>/data/geo/north-america.json',
  },
  land,
  borders,
  states,
};

// One ring or line a line keeps the file diffable without bloating it.
const json = JSON.stringify(doc, null, 1)
  .replace(/\[\n\s+(-?[\d.]+(?:,\n\s+-?[\d.]+)*)\n\s+\]/g, (m, inner) => `[${inner.replace(/,\n\s+/g, ',')}]`);
writeFileSync(out, json + '\n');
const npts = (arr) => arr.reduce((n, a) => n + a.length / 2, 0);
console.log(`${out}: ${json.length} bytes; land ${land.length} countries `
  + `${land.reduce((n, c) => n + npts(c.rings), 0)} points; borders ${npts(borders)}; states ${npts(states)}`);
