'use strict';
// Benchmark scenario 8: recovery time after a server restart. See bench/README.md.
//
//   node bench/recovery.js               8 rounds
//   node bench/recovery.js --quick       3 rounds
//   node bench/recovery.js --rounds=N    N rounds
//   node bench/recovery.js --seed=N      another (deterministic) sequence of outage lengths
//   node bench/recovery.js --json        progress on stderr, one JSON line on stdout (bench/run.js)
//
// One private MariaDB; one reconnecting-mysql connection and a pool of 10, both warm. Each round
// stops the server (clean shutdown), issues one query on the connection and 10 on the pool while
// it is down, waits 1-3 s (seeded PRNG) and starts it again. t_greet is the moment the restarted
// server first sends its greeting to a raw TCP probe (net.connect every ~2 ms while it starts);
// single / pool are the times from t_greet until the connection's query / the last of the pool's
// 10 queries called back; floor is the time from t_greet until a connection opened right then
// (createConnection + SELECT 1) returned its result.

const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');
const { startServer } = require('../__test__/support/mariadb');

const POOL_SIZE = 10;
const OUTAGE_MIN_MS = 1000;
const OUTAGE_MAX_MS = 3000;
const PROBE_INTERVAL_MS = 2;
const GREETING_TIMEOUT_MS = 60000;
// Longer than the driver's own limits (queueTimeout 30 s, acquireTimeout 10 s): only a query that
// never calls back hits it.
const QUERY_TIMEOUT_MS = 90000;

const ROOT = path.join(__dirname, '..');
const now = () => performance.now();

/** The addon file and its build time (the driver may be rebuilt while a bench runs). */
function addon() {
  try {
    const f = fs.readdirSync(ROOT).find((x) => x.endsWith('.node'));
    if (f) return `${f}, built ${fs.statSync(path.join(ROOT, f)).mtime.toISOString()}`;
  } catch {}
  return 'unknown';
}
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** mulberry32: a small seeded PRNG, so that every run draws the same outage lengths. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Nearest-rank percentile (q in 0..1) of the finite values of xs; NaN if there is none. */
function percentile(xs, q) {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return NaN;
  return s[Math.min(s.length, Math.max(1, Math.ceil(q * s.length))) - 1];
}

function stats(xs) {
  const ok = xs.filter((x) => Number.isFinite(x));
  return {
    n: ok.length,
    p50: percentile(ok, 0.5),
    p95: percentile(ok, 0.95),
    max: ok.length ? Math.max(...ok) : NaN,
  };
}

/**
 * Runs `sql` on a connection or pool; resolves (never rejects) with { t, err } where t is the
 * time its callback ran. A wrong result counts as an error (code WRONG_RESULT).
 */
function timedQuery(target, sql, expect) {
  return new Promise((resolve) => {
    let settled = false;
    const timer = setTimeout(() => finish({ code: 'BENCH_QUERY_TIMEOUT' }), QUERY_TIMEOUT_MS);
    function finish(err) {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ t: now(), err: err || null });
    }
    target.query(sql, (err, rows) => {
      if (err) return finish(err);
      if (expect !== undefined) {
        const got = rows && rows[0] && Object.values(rows[0])[0];
        if (got !== expect) return finish({ code: 'WRONG_RESULT', message: `got ${JSON.stringify(rows)}` });
      }
      finish(null);
    });
  });
}

const errCode = (err) => (err && (err.code || err.message)) || 'unknown';

function endConnection(conn) {
  return new Promise((resolve) => {
    conn.end((err) => {
      if (err) conn.destroy();
      resolve(err || null);
    });
  });
}

function endPool(pool) {
  return new Promise((resolve) => pool.end((err) => resolve(err || null)));
}

/**
 * Polls 127.0.0.1:port with a raw TCP connect every ~2 ms until a socket receives data (the
 * server's greeting); calls onGreeting(t) right then (synchronously, in the 'data' handler) and
 * resolves with t. While a socket is connected and waiting for its greeting, no new one is opened
 * (the server answers connections in order; this keeps the number of probes small).
 */
function firstGreeting(port, onGreeting) {
  return new Promise((resolve, reject) => {
    const sockets = new Set();
    let waiting = 0; // connected sockets that have not received anything yet
    let done = false;
    let probes = 0;
    let tListen = null; // first probe whose TCP connect succeeded: the server listens
    let timer = null;
    const deadline = setTimeout(
      () => finish(new Error(`no greeting on port ${port} within ${GREETING_TIMEOUT_MS} ms`)),
      GREETING_TIMEOUT_MS,
    );
    function finish(err, t) {
      if (done) return;
      done = true;
      clearTimeout(timer);
      clearTimeout(deadline);
      for (const s of sockets) s.destroy();
      sockets.clear();
      if (err) reject(err);
      else {
        try {
          onGreeting(t);
        } finally {
          resolve({ t, tListen, probes });
        }
      }
    }
    function probe() {
      if (done) return;
      if (waiting === 0) {
        probes++;
        const s = net.connect(port, '127.0.0.1');
        let connected = false;
        sockets.add(s);
        s.once('connect', () => {
          if (tListen === null) tListen = now();
          connected = true;
          waiting++;
        });
        s.once('data', () => finish(null, now()));
        s.on('error', () => {});
        s.once('close', () => {
          sockets.delete(s);
          if (connected) waiting--;
        });
      }
      timer = setTimeout(probe, PROBE_INTERVAL_MS);
    }
    probe();
  });
}

function fmtMs(ms) {
  if (!Number.isFinite(ms)) return 'n/a';
  if (ms >= 100) return `${ms.toFixed(0)} ms`;
  return `${ms.toFixed(2)} ms`;
}

/**
 * Runs the scenario; resolves with the numbers. log(...) gets the progress lines.
 * Throws on a setup error (server, warm-up, health check between rounds).
 */
async function runRecovery({ rounds = 8, seed = 1, log = (...a) => console.error(...a) } = {}) {
  const mysql = require('..'); // here: bench/run.js requires this file for table() alone
  const rng = prng(seed);
  const outages = Array.from({ length: rounds }, () =>
    Math.round(OUTAGE_MIN_MS + rng() * (OUTAGE_MAX_MS - OUTAGE_MIN_MS)),
  );
  const t0 = now();
  log(`recovery: starting a private MariaDB ...`);
  const server = await startServer();
  const config = server.config();
  let conn = null;
  let pool = null;
  const events = { connError: [], poolError: [], reconnects: 0 };
  const result = {
    rounds,
    seed,
    poolSize: POOL_SIZE,
    outageMs: outages,
    server: null,
    addon: addon(),
    addonChanged: null,
    perRound: [],
    failures: [],
  };
  try {
    result.server = `MariaDB ${(await server.admin('SELECT VERSION() AS v'))[0].v} (private, 127.0.0.1:${config.port})`;
    conn = mysql.createConnection(config);
    conn.on('error', (err) => events.connError.push(errCode(err)));
    conn.on('reconnect', () => events.reconnects++);
    pool = mysql.createPool({ ...config, connectionLimit: POOL_SIZE });
    pool.on('error', (err) => events.poolError.push(errCode(err)));

    const healthy = async (what) => {
      const checks = [
        timedQuery(conn, 'SELECT 1', 1),
        ...Array.from({ length: POOL_SIZE }, () => timedQuery(pool, 'SELECT SLEEP(0.05)', 0)),
      ];
      const errs = (await Promise.all(checks)).filter((r) => r.err).map((r) => errCode(r.err));
      if (errs.length) throw new Error(`${what}: queries failed: ${errs.join(', ')}`);
      const all = pool.stats().all;
      if (all !== POOL_SIZE)
        throw new Error(`${what}: the pool has ${all} connections, expected ${POOL_SIZE}`);
    };
    await healthy('warm-up');

    for (let round = 0; round < rounds; round++) {
      const outageMs = outages[round];
      const reconnectsBefore = events.reconnects;
      const tStop0 = now();
      await server.stop();
      const tDown = now();

      // While the server is down: the queries wait inside the driver.
      const tIssued = now();
      const single = timedQuery(conn, 'SELECT 1', 1);
      const pooled = Array.from({ length: POOL_SIZE }, () => timedQuery(pool, 'SELECT 1', 1));
      await sleep(outageMs);

      // Start it again; t_greet from a raw TCP probe, and right then a fresh connection (the floor).
      const tStart = now();
      let fresh = null;
      let freshConn = null;
      const greeting = firstGreeting(config.port, () => {
        freshConn = mysql.createConnection(config);
        freshConn.on('error', () => {});
        fresh = timedQuery(freshConn, 'SELECT 1', 1);
      });
      const [g] = await Promise.all([greeting, server.start()]);
      const tGreet = g.t;
      const tReady = now();
      const s = await single;
      const p = await Promise.all(pooled);
      const f = await fresh;
      await endConnection(freshConn);

      const r = {
        round: round + 1,
        outageMs,
        stopMs: tDown - tStop0,
        greetAfterStartMs: tGreet - tStart,
        listenToGreetMs: g.tListen === null ? null : tGreet - g.tListen,
        readyAfterGreetMs: tReady - tGreet,
        probes: g.probes,
        singleMs: s.err ? null : s.t - tGreet,
        poolMs: p.some((x) => x.err) ? null : Math.max(...p.map((x) => x.t)) - tGreet,
        poolFirstMs: p.every((x) => x.err)
          ? null
          : Math.min(...p.filter((x) => !x.err).map((x) => x.t)) - tGreet,
        floorMs: f.err ? null : f.t - tGreet,
        singleWaitedMs: s.t - tIssued,
        reconnects: events.reconnects - reconnectsBefore,
        errors: [],
      };
      if (s.err) r.errors.push({ what: 'single', code: errCode(s.err) });
      for (const x of p) if (x.err) r.errors.push({ what: 'pool', code: errCode(x.err) });
      if (f.err) r.errors.push({ what: 'floor', code: errCode(f.err) });
      for (const e of r.errors) result.failures.push({ round: round + 1, ...e });
      result.perRound.push(r);
      log(
        `  [8] round ${round + 1}/${rounds}: outage ${outageMs} ms, greeting ${fmtMs(r.greetAfterStartMs)} after start (${fmtMs(r.listenToGreetMs)} after listen); ` +
          `single ${fmtMs(r.singleMs)}, pool ${fmtMs(r.poolMs)} (first ${fmtMs(r.poolFirstMs)}), floor ${fmtMs(r.floorMs)}` +
          (r.errors.length ? `  !! ${r.errors.map((e) => `${e.what}: ${e.code}`).join(', ')}` : ''),
      );

      await healthy(`after round ${round + 1}`);
    }
  } finally {
    const ends = [];
    if (conn) ends.push(endConnection(conn));
    if (pool) ends.push(endPool(pool));
    await Promise.all(ends);
    await server.destroy().catch((err) => log(`server.destroy(): ${err.message}`));
  }
  const pick = (k) => result.perRound.map((r) => r[k]).filter((x) => x !== null);
  result.single = stats(pick('singleMs'));
  result.pool = stats(pick('poolMs'));
  result.floor = stats(pick('floorMs'));
  result.events = {
    connectionErrors: events.connError,
    poolErrors: events.poolError,
    reconnects: events.reconnects,
  };
  const addonEnd = addon();
  if (addonEnd !== result.addon) {
    result.addonChanged = addonEnd;
    log(
      `recovery: the addon changed during the run (${result.addon} -> ${addonEnd}): numbers mix two builds`,
    );
  }
  result.wallMs = now() - t0;
  return result;
}

const ROWS = [
  ['single', 'single connection (1 query)'],
  ['pool', `pool of ${POOL_SIZE} (last of ${POOL_SIZE} queries)`],
  ['floor', 'fresh connection (floor)'],
];

/** The table's head and rows: [what, n, p50, p95, max]. */
function table(r) {
  return {
    head: ['t_greet -> result', 'rounds ok', 'p50', 'p95', 'max'],
    rows: ROWS.map(([k, label]) => [
      label,
      `${r[k].n}/${r.rounds}`,
      fmtMs(r[k].p50),
      fmtMs(r[k].p95),
      fmtMs(r[k].max),
    ]),
  };
}

function summaryLine(r) {
  const codes = {};
  for (const f of r.failures) codes[`${f.what} ${f.code}`] = (codes[`${f.what} ${f.code}`] || 0) + 1;
  const failures = Object.entries(codes)
    .map(([k, n]) => `${k} x${n}`)
    .join(', ');
  return (
    `${r.rounds} rounds, outages ${r.outageMs.join(', ')} ms (seed ${r.seed}); ` +
    `failures: ${r.failures.length}${failures ? ` (${failures})` : ''}` +
    (r.addonChanged ? `; the addon changed during the run (${r.addon} -> ${r.addonChanged})` : '') +
    (r.events.connectionErrors.length
      ? `; connection 'error' events: ${r.events.connectionErrors.join(', ')}`
      : '') +
    (r.events.poolErrors.length ? `; pool 'error' events: ${r.events.poolErrors.join(', ')}` : '')
  );
}

function textTable(head, rows) {
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((row) => String(row[i]).length)));
  const line = (row) =>
    row.map((c, i) => (i === 0 ? String(c).padEnd(w[i]) : String(c).padStart(w[i]))).join('  ');
  return [line(head), w.map((n) => '-'.repeat(n)).join('  '), ...rows.map(line)].join('\n');
}

module.exports = { runRecovery, table, textTable, summaryLine, percentile };

if (require.main === module) {
  const argv = process.argv.slice(2);
  const option = (name) => {
    const a = argv.find((x) => x.startsWith(`--${name}=`));
    return a === undefined ? undefined : a.slice(name.length + 3);
  };
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log('usage: node bench/recovery.js [--quick] [--rounds=N] [--seed=N] [--json]');
    process.exit(0);
  }
  const rounds = option('rounds') ? Number(option('rounds')) : argv.includes('--quick') ? 3 : 8;
  const seed = option('seed') ? Number(option('seed')) : 1;
  if (!Number.isInteger(rounds) || rounds < 1 || !Number.isInteger(seed)) {
    console.error('--rounds and --seed must be integers (rounds >= 1)');
    process.exit(2);
  }
  runRecovery({ rounds, seed }).then(
    (r) => {
      if (argv.includes('--json')) console.log(JSON.stringify(r));
      else {
        const t = table(r);
        console.log(
          [
            `Recovery after a server restart (${r.server}; ${r.addon}):`,
            textTable(t.head, t.rows),
            summaryLine(r),
          ].join('\n'),
        );
      }
    },
    (err) => {
      console.error(err && err.stack ? err.stack : err);
      process.exitCode = 2;
    },
  );
}
