// The map of Germany on the Übersicht: the Länder outlines of `assets/germany-laender.json`
// (written by scripts/simplify-map.mjs, already in SVG coordinates) and the same projection for
// the organisations' coordinates, so a dot lands where its town is on the outlines.

import germany from '../../assets/germany-laender.json';

/** How the map file projects: equirectangular, longitudes shortened by cos(standard parallel). */
export type Projection = {
  kind: 'equirectangular';
  standard_parallel: number;
  longitude0: number;
  latitude0: number;
  scale: number;
  x0: number;
  y0: number;
};

export type Land = { name: string; code: string; path: string };

export type GermanyMap = {
  source: string;
  projection: Projection;
  width: number;
  height: number;
  laender: Land[];
};

export const GERMANY: GermanyMap = germany as GermanyMap;

export type Point = { x: number; y: number };

/** A point (WGS84 degrees) in the map's SVG coordinates. */
export function project(
  latitude: number,
  longitude: number,
  projection: Projection = GERMANY.projection,
): Point {
  const shrink = Math.cos((projection.standard_parallel * Math.PI) / 180);
  return {
    x: projection.x0 + (longitude - projection.longitude0) * shrink * projection.scale,
    y: projection.y0 + (projection.latitude0 - latitude) * projection.scale,
  };
}

export type Bounds = { left: number; top: number; right: number; bottom: number };

/** The bounding box of a path of the map file (absolute "M x,y L x,y … Z" commands only). */
export function pathBounds(path: string): Bounds {
  const bounds = { left: Infinity, top: Infinity, right: -Infinity, bottom: -Infinity };
  for (const [, x, y] of path.matchAll(/(-?[\d.]+),(-?[\d.]+)/g)) {
    bounds.left = Math.min(bounds.left, Number(x));
    bounds.right = Math.max(bounds.right, Number(x));
    bounds.top = Math.min(bounds.top, Number(y));
    bounds.bottom = Math.max(bounds.bottom, Number(y));
  }
  return bounds;
}
