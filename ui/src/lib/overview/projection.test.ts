import { describe, expect, it } from 'vitest';
import { GERMANY, pathBounds, project } from './projection';

const land = (name: string) => {
  const found = GERMANY.laender.find((l) => l.name === name);
  if (!found) throw new Error(`${name} is missing from the map file`);
  return found;
};

const inside = (point: { x: number; y: number }, name: string) => {
  const box = pathBounds(land(name).path);
  return point.x > box.left && point.x < box.right && point.y > box.top && point.y < box.bottom;
};

describe('the map of Germany', () => {
  it('holds the 16 Länder, each with an outline', () => {
    expect(GERMANY.laender).toHaveLength(16);
    for (const { name, path } of GERMANY.laender) {
      expect(path, `${name} has a closed outline`).toMatch(/^M[\d.,L]+Z/);
    }
  });

  it('projects Berlin (52.52 N, 13.405 E) into the outline of Berlin', () => {
    const berlin = project(52.52, 13.405);
    expect(inside(berlin, 'Berlin'), 'the core and the map file must use one projection').toBe(
      true,
    );
    // Brandenburg's box contains Berlin too; Bayern's must not.
    expect(inside(berlin, 'Bayern')).toBe(false);
  });

  it('puts Munich into Bayern, Cologne into Nordrhein-Westfalen, Kiel into Schleswig-Holstein', () => {
    expect(inside(project(48.137, 11.575), 'Bayern')).toBe(true);
    expect(inside(project(50.938, 6.96), 'Nordrhein-Westfalen')).toBe(true);
    expect(inside(project(54.323, 10.123), 'Schleswig-Holstein')).toBe(true);
  });

  it('keeps Germany inside the view box: north up, west left', () => {
    const { x: westX } = project(51, 5.9);
    const { x: eastX } = project(51, 15.0);
    const { y: northY } = project(55.0, 10);
    const { y: southY } = project(47.3, 10);
    expect(westX).toBeGreaterThan(0);
    expect(eastX).toBeLessThan(GERMANY.width);
    expect(northY).toBeGreaterThan(0);
    expect(southY).toBeLessThan(GERMANY.height);
    expect(westX).toBeLessThan(eastX);
    expect(northY).toBeLessThan(southY);
  });
});
