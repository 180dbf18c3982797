// Prints scripts/bench.sh's table (Markdown) from what its steps left in --dir: the window results
// of window.mjs, the logs of the core benches and criterion's estimates under --target/criterion.
// Every figure stands beside its target with ✓ or ✗; the last line says how many targets hold.

import { existsSync, readFileSync, statSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({
  options: {
    dir: { type: 'string' },
    target: { type: 'string' },
    app: { type: 'string' },
    deb: { type: 'string' },
  },
});

const read = (name) => readFileSync(join(args.dir, name), 'utf8');
const json = (name) => JSON.parse(read(name));
function match(log, pattern, what) {
  const found = pattern.exec(read(log));
  if (!found) throw new Error(`${what}: not found in ${log}`);
  return Number(found[1]);
}
/** Criterion's median of one bench, in ms. */
function criterion(group, name) {
  const file = join(args.target, 'criterion', group, name, 'new', 'estimates.json');
  if (!existsSync(file)) throw new Error(`no criterion estimate ${file}`);
  return JSON.parse(readFileSync(file, 'utf8')).median.point_estimate / 1e6;
}

const MB = 1024 * 1024;
const rows = [];
/**
 * One row. `floor` (optional) is the bare window's figure; with it, a figure above its target
 * still holds when the floor itself is above the target and the figure is within `margin` of it.
 */
function row(figure, value, unit, target, { floor, margin, digits = 0, note = '' } = {}) {
  if (typeof value === 'function') {
    try {
      value = value();
    } catch (error) {
      rows.push({ figure, value: 'failed', floor: '', rule: `< ${target} ${unit}`, holds: false,
        note: error.message });
      return;
    }
  }
  let holds = value < target;
  let rule = `< ${target} ${unit}`;
  if (floor !== undefined && floor >= target) {
    rule += ` (floor ${floor.toFixed(digits)} ≥ target: ≤ floor + ${margin} ${unit})`;
    holds = value <= floor + margin;
  }
  rows.push({
    figure,
    value: `${value.toFixed(digits)} ${unit}`,
    floor: floor === undefined ? '' : `${floor.toFixed(digits)} ${unit}`,
    rule,
    holds,
    note,
  });
}

const zirkel = json('window-zirkel.json');
const bare = json('window-bare.json');
const starts = (w) => w.runs.map((r) => r.startMs.toFixed(0)).join(', ');
row(`Cold start → painted members list (demo data, median of ${zirkel.runs.length})`, zirkel.startMs, 'ms', 1000, {
  floor: bare.startMs,
  margin: 200,
  note: `runs: ${starts(zirkel)} ms; floor runs: ${starts(bare)} ms`,
});
const parts = (w, key) => {
  const run = w.runs[0][key];
  return run.parts.map((p) => `${p.name} ${p.mb.toFixed(0)}`).join(' + ');
};
row('PSS app + WebKit after start', zirkel.pssStartMb, 'MB', 250, {
  floor: bare.pssStartMb,
  margin: 40,
  note: `${parts(zirkel, 'afterStart')}; floor: ${parts(bare, 'afterStart')}`,
});
row('PSS app + WebKit after opening every screen', zirkel.pssScreensMb, 'MB', 250, {
  floor: bare.pssStartMb,
  margin: 40,
  note: parts(zirkel, 'afterScreens'),
});
row('.deb size', statSync(args.deb).size / 1e6, 'MB', 10, { digits: 1 });
rows.push({
  figure: 'Release binary size',
  value: `${(statSync(args.app).size / 1e6).toFixed(1)} MB`,
  floor: '',
  rule: 'no target',
  holds: null,
  note: 'the .deb holds it compressed',
});

row('Import 10,000 people via the CLI (file store, demo data, end to end)', () =>
  match('bench-import-cli.log', /import_cli_10000: median (\d+) ms/, 'import through the CLI'),
  'ms', 300);
let importNote = '';
row('Import 10,000 people from CSV: preview + commit', () => {
  const preview = criterion('exports', 'import_preview_csv_10000');
  const commit = criterion('exports', 'import_commit_csv_10000');
  importNote = `preview ${preview.toFixed(0)} ms, commit ${commit.toFixed(0)} ms`;
  return preview + commit;
}, 'ms', 1000);
if (rows.at(-1).value !== 'failed') rows.at(-1).note = importNote;
row('Export 10,000 members to CSV', () => criterion('exports', 'export_csv_10000'), 'ms', 500);
row('Export 10,000 members to XLSX', () => criterion('exports', 'export_xlsx_10000'), 'ms', 500);
row('PDF member list, 10,000 rows', () => criterion('pdf', 'members_10000_rows'), 'ms', 100);
row('PDF member list, 10,000 rows: file size', () =>
  match('bench-pdf.log', /member list: \d+ pages, (\d+) bytes/, 'PDF size') / MB, 'MB', 1,
  { digits: 2 });
row('PDF minutes, about 20 pages', () => {
  if (!/pdf\/minutes_20_pages\s+time:/.test(read('bench-pdf.log'))) {
    throw new Error('the pdf bench did not reach the minutes (see bench-pdf.log)');
  }
  return criterion('pdf', 'minutes_20_pages');
}, 'ms', 20, { digits: 1 });
const p95 = (label) => {
  const found = new RegExp(`search, ${label} \\(\\d+\\): p50 [\\d.]+ ms\\s+p95 ([\\d.]+) ms`).exec(
    read('bench-search.log'),
  );
  if (!found) throw new Error(`search ${label}: not found in bench-search.log`);
  return Number(found[1]);
};
row('Search p95, whole queries (100,000 objects)', () => p95('whole queries'), 'ms', 20,
  { digits: 1 });
row('Search p95, while typing (100,000 objects)', () => p95('while typing'), 'ms', 20,
  { digits: 1 });
row('Overview data (100,000 objects), median', () =>
  match('bench-search.log', /overview: median ([\d.]+) ms/, 'overview'), 'ms', 50, { digits: 1 });

// --- the machine -------------------------------------------------------------------------------
const os = (() => {
  try {
    return /^PRETTY_NAME="?([^"\n]*)"?/m.exec(readFileSync('/etc/os-release', 'utf8'))?.[1];
  } catch {
    return 'unknown OS';
  }
})();
const webkit = (() => {
  try {
    return execFileSync('dpkg-query', ['-W', '-f=${Version}', 'libwebkit2gtk-4.1-0'], {
      encoding: 'utf8',
    });
  } catch {
    return 'unknown';
  }
})();
const machine =
  `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ` +
  `${(totalmem() / 1024 ** 3).toFixed(0)} GB RAM, ${os}, WebKitGTK ${webkit}, Xvfb 1280×800`;

const mark = (holds) => (holds === null ? '–' : holds ? '✓' : '✗');
const lines = [
  `Machine: ${machine}; ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC.`,
  '',
  '| Figure | Zirkel | Floor: bare Tauri window | Target | | Details |',
  '|---|---:|---:|---|:-:|---|',
  ...rows.map(
    (r) => `| ${r.figure} | ${r.value} | ${r.floor} | ${r.rule} | ${mark(r.holds)} | ${r.note} |`,
  ),
  '',
];
const judged = rows.filter((r) => r.holds !== null);
const holding = judged.filter((r) => r.holds).length;
lines.push(
  holding === judged.length
    ? `verdict: all ${judged.length} targets hold`
    : `verdict: ${holding} of ${judged.length} targets hold`,
);
console.log(lines.join('\n'));
