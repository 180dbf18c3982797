#!/usr/bin/env bash
# Times Zirkel's PDF generator against headless Chromium on the same 10,000-row member table.
#
#   scripts/bench-pdf-vs-chromium.sh [OUT_DIR]
#
# Zirkel: the CLI `zirkel pdf members` on a store with the demo data plus 10,000 people (made by
# `examples/pdf_members_10k`, the same data as `cargo bench --bench pdf`), timed end to end.
# Chromium: the same rows as a plain HTML table (written by this script from the CSV the example
# data produce), printed with `chromium --headless --print-to-pdf`; the time includes Chromium's
# start-up, as a user running it would see it. Needs chromium (Debian: apt-get install chromium).
set -euo pipefail

cd "$(dirname "$0")/.."
out="${1:-$(mktemp -d)}"
mkdir -p "$out"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-/var/tmp/zirkel-target}"

chromium_bin="$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)"
if [[ -z "$chromium_bin" ]]; then
  echo "chromium not found (Debian: apt-get install -y chromium)" >&2
  exit 1
fi

echo "building the example and the CLI (release) …" >&2
cargo build --release --quiet -p zirkel --example pdf_members_10k --bin zirkel

# The example measures the PDF alone (store set-up excluded) and keeps its store in a file, on
# which the CLI is then timed end to end: process start, opening the store, reading the 10,000
# people, the PDF, writing the file. The median of five runs counts.
store="$out/members-10k.sqlite3"
rm -f "$store" "$store"-*
line="$(ZIRKEL_STORE="$store" ZIRKEL_REPEAT=5 "$CARGO_TARGET_DIR/release/examples/pdf_members_10k" "$out/zirkel-members.pdf")"
echo "zirkel (PDF only, fastest of 5): $line" >&2
cli_runs=()
for _ in 1 2 3 4 5; do
  start=$(date +%s.%N)
  "$CARGO_TARGET_DIR/release/zirkel" --db "$store" pdf members --status all --all-people \
    --out "$out/zirkel-cli-members.pdf" >/dev/null 2>&1
  end=$(date +%s.%N)
  cli_runs+=("$(python3 -c "print(f'{$end - $start:.3f}')")")
done
zirkel_seconds="$(printf '%s\n' "${cli_runs[@]}" | sort -n | sed -n 3p)"
echo "zirkel (CLI end to end, runs: ${cli_runs[*]}): median $zirkel_seconds s (target: under 0.1 s)" >&2

# The same table as HTML: the text of Zirkel's own PDF is not reused, the rows are generated the
# way benches/support/pdf_data.rs generates them (names, function, e-mail, phone).
python3 - "$out/members.html" <<'PY'
import sys, html
first = ["Şükrü","Anna","Łukasz","Thị Lan","Γιώργος","Ольга","Jörg","Ayşe","Mehmet","Zoë","Björn","Ilkay"]
last = ["Özdemir","Schmidt","Wiśniewski","Nguyễn","Παπαδόπουλος","Иванова","Weiß","Yıldırım","Kaya","Müller-Lüdenscheidt","Hofbauer","Karaca"]
functions = ["Integrationsbeauftragte","Referentin für Integrationspolitik","Leiter der Stabsstelle Integration",
             "Integrationsbeauftragter","Sachbearbeiterin Integration","Leiterin des Integrationsbüros"]
rows = []
for i in range(10000):
    rows.append("<tr><td>%s, %s</td><td>Organisation %d</td><td>Gast</td><td>%s</td>"
                "<td>person.%d@stadt-beispiel.de</td><td>0711 216-%05d</td></tr>"
                % (html.escape(last[(i // 7) % 12]) + " %d" % i, html.escape(first[i % 12]), 1 + i % 43,
                   functions[i % 6], i, i))
page = """<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Mitgliederliste</title>
<style>@page { size: A4 landscape; margin: 20mm 20mm 25mm 25mm }
body { font-family: 'Noto Sans', sans-serif; font-size: 9pt }
table { border-collapse: collapse; width: 100% } thead { display: table-header-group }
th { text-align: left; background: #eceef2 } td, th { padding: 3pt; border-bottom: 0.4pt solid #bbb }
tr { break-inside: avoid }</style></head><body><h1>Mitgliederliste</h1><table><thead><tr>
<th>Name</th><th>Organisation</th><th>Rolle</th><th>Funktion</th><th>E-Mail</th><th>Telefon</th>
</tr></thead><tbody>ROWS</tbody></table></body></html>""".replace("ROWS", "\n".join(rows))
open(sys.argv[1], "w", encoding="utf-8").write(page)
PY

start=$(date +%s.%N)
"$chromium_bin" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --user-data-dir="$out/chromium-profile" --no-pdf-header-footer \
  --print-to-pdf="$out/chromium-members.pdf" "file://$out/members.html" >/dev/null 2>&1
end=$(date +%s.%N)
chromium_seconds=$(python3 -c "print(f'{$end - $start:.3f}')")

zirkel_size=$(stat -c %s "$out/zirkel-cli-members.pdf")
chromium_size=$(stat -c %s "$out/chromium-members.pdf")
zirkel_pages=$(pdfinfo "$out/zirkel-cli-members.pdf" 2>/dev/null | sed -n 's/^Pages: *//p' || true)
chromium_pages=$(pdfinfo "$out/chromium-members.pdf" 2>/dev/null | sed -n 's/^Pages: *//p' || true)
ratio=$(python3 -c "print(f'{$chromium_seconds / max($zirkel_seconds, 1e-6):.0f}')")

printf '%-10s %10s %8s %12s\n' "" "seconds" "pages" "bytes"
printf '%-10s %10s %8s %12s\n' "zirkel" "$zirkel_seconds" "${zirkel_pages:-?}" "$zirkel_size"
printf '%-10s %10s %8s %12s\n' "chromium" "$chromium_seconds" "${chromium_pages:-?}" "$chromium_size"
echo "ratio: Zirkel is ${ratio}x faster (target: at least 100x)"
echo "files in $out"
