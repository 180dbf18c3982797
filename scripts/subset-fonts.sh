#!/usr/bin/env bash
# Writes the four Noto Sans faces in assets/fonts/ that the PDF writer embeds, from the full fonts
# of Debian's fonts-noto-core (or a folder given as the first argument).
#
# Every character of the full fonts is kept, with the same outlines and advances; what goes is
# what the PDF writer never reads: the TrueType hinting instructions (fpgm, prep, cvt and the
# glyphs' own), the OpenType layout tables (GPOS kerning, GSUB, GDEF: the layout measures with
# the advances alone and writes glyph codes itself), the glyph names and the signature. Each face
# shrinks from about 515 KB to about 210 KB, which makes the release binary and the .deb smaller
# and the fonts quicker to parse at every PDF. printpdf subsets them again for each document.
#
# Needs fonttools (`pip install fonttools`). Run it again only to take a newer Noto Sans.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
SOURCE="${1:-/usr/share/fonts/truetype/noto}"
command -v pyftsubset >/dev/null || { echo "pyftsubset missing: pip install fonttools" >&2; exit 1; }
for face in Regular Bold Italic BoldItalic; do
  in="$SOURCE/NotoSans-$face.ttf"
  [ -f "$in" ] || { echo "$in missing (apt-get install fonts-noto-core)" >&2; exit 1; }
  pyftsubset "$in" --output-file="assets/fonts/NotoSans-$face.ttf" \
    --unicodes='*' --no-hinting --drop-tables+=GPOS,GSUB,GDEF,DSIG --layout-features='' \
    --name-IDs='*' --name-languages='*' --notdef-outline
  echo "assets/fonts/NotoSans-$face.ttf: $(stat -c %s "assets/fonts/NotoSans-$face.ttf") bytes"
done
