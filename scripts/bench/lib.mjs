// Shared by the benchmark scripts in this folder: clocks, the app's processes and their PSS, and
// tauri-driver sessions of a Tauri binary on a throw-away home.

import { spawn, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  createWriteStream,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  rmSync,
} from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
export const REPO = resolve(HERE, '..', '..');
const { remote } = await import(
  pathToFileURL(join(REPO, 'tests/e2e/node_modules/webdriverio/build/node.js')).href
);

export const sleep = (ms) => new Promise((done) => setTimeout(done, ms));
export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

// --- clocks ------------------------------------------------------------------------------------

const CLOCK_TICKS = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout) || 100;
const uptime = () => Number(readFileSync('/proc/uptime', 'utf8').split(' ')[0]);
/** Date.now() (ms) minus the boot-time clock (ms), taken at a tick of /proc/uptime (10 ms). */
function epochMinusUptime() {
  const first = uptime();
  for (;;) {
    const now = uptime();
    if (now !== first) return Date.now() - now * 1000;
  }
}
export const OFFSET = epochMinusUptime();
/** When the process started, in ms of the boot-time clock. */
export function processStart(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[19]) / CLOCK_TICKS) * 1000;
}

// --- processes ---------------------------------------------------------------------------------

function processes() {
  const all = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      all.push({ pid: Number(entry), parent, name });
    } catch {
      // Gone meanwhile.
    }
  }
  return all;
}

export function appPid(app) {
  for (const process of processes()) {
    try {
      if (readlinkSync(`/proc/${process.pid}/exe`) === app) return process.pid;
    } catch {
      // Not ours to read, or gone.
    }
  }
  return null;
}

function tree(root) {
  const all = processes();
  const found = all.filter((p) => p.pid === root);
  for (let i = 0; i < found.length; i++) {
    for (const child of all) if (child.parent === found[i].pid) found.push(child);
  }
  return found;
}

/** PSS in MB of the app and everything below it, by process name. */
export function pss(root) {
  const parts = [];
  for (const process of tree(root)) {
    try {
      const rollup = readFileSync(`/proc/${process.pid}/smaps_rollup`, 'utf8');
      const kb = Number(/^Pss:\s+(\d+) kB/m.exec(rollup)?.[1] ?? 0);
      parts.push({ name: process.name, mb: kb / 1024 });
    } catch {
      // Gone meanwhile.
    }
  }
  return { total: parts.reduce((sum, part) => sum + part.mb, 0), parts };
}

// --- tauri-driver ------------------------------------------------------------------------------

function accepts(port) {
  return new Promise((done) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => (socket.destroy(), done(true)));
    socket.once('error', () => (socket.destroy(), done(false)));
  });
}

async function startDriver(env, logFile, driverPort, nativePort) {
  for (const port of [driverPort, nativePort]) {
    if (await accepts(port)) throw new Error(`port ${port} is in use (set ZIRKEL_BENCH_PORT)`);
  }
  const out = createWriteStream(logFile);
  await new Promise((done) => out.once('open', done));
  const child = spawn(
    'tauri-driver',
    ['--port', String(driverPort), '--native-port', String(nativePort)],
    { env, detached: true, stdio: ['ignore', out, out] },
  );
  const deadline = Date.now() + 30_000;
  while (!((await accepts(driverPort)) && (await accepts(nativePort)))) {
    if (child.exitCode !== null) throw new Error(`tauri-driver exited (see ${logFile})`);
    if (Date.now() > deadline) throw new Error(`tauri-driver not ready in 30 s (see ${logFile})`);
    await sleep(50);
  }
  return child;
}

export async function stopDriver(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise((done) => child.once('exit', done));
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    return;
  }
  if (await Promise.race([gone.then(() => false), sleep(5_000).then(() => true)])) {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // Gone.
    }
    await gone;
  }
}

/**
 * Starts the binary `app` through tauri-driver (on PORT and PORT + 1) on a new temporary home, with a copy of
 * STORE as its store when given. Returns { browser, pid, home, close }.
 */
export async function launch(app, { port, store, env: extra = {} }) {
  const home = mkdtempSync(join(tmpdir(), 'zirkel-bench-'));
  const env = {
    ...process.env,
    ...extra,
    HOME: home,
    XDG_DATA_HOME: join(home, 'data'),
    XDG_CONFIG_HOME: join(home, 'config'),
    XDG_CACHE_HOME: join(home, 'cache'),
  };
  if (store) {
    env.ZIRKEL_DB = join(env.XDG_DATA_HOME, 'de.zirkel.desktop', 'zirkel.sqlite3');
    mkdirSync(dirname(env.ZIRKEL_DB), { recursive: true });
    copyFileSync(store, env.ZIRKEL_DB);
  }
  const driver = await startDriver(env, join(home, 'tauri-driver.log'), port, port + 1);
  let browser;
  const close = async () => {
    await browser?.deleteSession().catch(() => {});
    await stopDriver(driver);
    rmSync(home, { recursive: true, force: true });
  };
  try {
    browser = await remote({
      hostname: '127.0.0.1',
      port,
      logLevel: 'error',
      connectionRetryTimeout: 60_000,
      connectionRetryCount: 1,
      capabilities: {
        'tauri:options': { application: app },
        'wdio:enforceWebDriverClassic': true,
      },
    });
    const pid = appPid(app);
    if (!pid) throw new Error(`no running process of ${app}`);
    return { browser, pid, home, close };
  } catch (error) {
    await close();
    throw error;
  }
}
