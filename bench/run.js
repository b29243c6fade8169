'use strict';
// Benchmark: reconnecting-mysql vs mysql@2.18.1, mysql2, the mariadb connector and raw mysql_async
// (Rust), on one private MariaDB. See bench/README.md.
//
//   node bench/run.js                 full run (~10 min on 2 cores)
//   node bench/run.js --quick         smoke test: fewer rounds, fewer rows
//   node bench/run.js --only=1,2      some scenarios only (1..8)
//   node bench/run.js --rounds=3      override the rounds of every scenario
//
// Every JS client runs in its own child process per scenario-round (bench/client.js), so RSS and
// CPU are the client's own; the raw baseline is bench/raw (built here with cargo, cached in
// bench/raw/target). The clients are interleaved round by round. Prints a table and writes
// bench/results.local.md (untracked); --write-results updates the tracked bench/RESULTS.md. Scenario 8 (recovery after a server restart) is bench/recovery.js, run as a child
// with its own private server once the other scenarios' server is gone.

const { spawn, execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { startServer } = require('../__test__/support/mariadb');

const ROOT = path.join(__dirname, '..');
const CLIENT_JS = path.join(__dirname, 'client.js');
const RAW_MANIFEST = path.join(__dirname, 'raw', 'Cargo.toml');
const RAW_BIN = path.join(__dirname, 'raw', 'target', 'release', 'bench-raw');
// The tracked bench/RESULTS.md changes only on request (--write-results); a run writes an
// untracked copy, so a bench leaves the tree clean.
const RESULTS_MD = path.join(
  __dirname,
  process.argv.includes('--write-results') ? 'RESULTS.md' : 'results.local.md',
);
const RECOVERY_JS = path.join(__dirname, 'recovery.js');
const STATEMENTS_JS = path.join(__dirname, 'statements.js');
const recovery = require('./recovery');
const TOTAL_ROWS = 100000;

// ---------------------------------------------------------------------------------------------
// Options and plan

const argv = process.argv.slice(2);
const flag = (name) => argv.includes(`--${name}`);
const option = (name) => {
  const a = argv.find((x) => x.startsWith(`--${name}=`));
  return a === undefined ? undefined : a.slice(name.length + 3);
};
if (flag('help') || flag('h')) {
  console.log(
    'usage: node bench/run.js [--quick] [--only=1,...,9] [--rounds=N] [--mem-queries=N] [--mem-reconnects=N] [--mem-reference=N] [--write-results]',
  );
  process.exit(0);
}
const QUICK = flag('quick');
const ONLY = option('only')
  ? new Set(
      option('only')
        .split(',')
        .map((s) => s.trim()),
    )
  : null;
const ROUNDS = option('rounds') ? Number(option('rounds')) : null;

const plan = QUICK
  ? {
      s1: { rounds: 2, n: 1000 },
      s2: { rounds: 2, n: 50 },
      s3: { rounds: 2, rows: 20000 },
      s4: { rounds: 2, n: 2000, bulk: 2000, bulkReps: 2 },
      s5: { rounds: 2, connections: 8, n: 10 },
      s6: { rounds: 1, kills: 2, idle: [0, 200] },
      s7: { queries: 20000, reconnects: 30, referenceQueries: 20000 },
      s8: { rounds: 3 },
      s9: { rounds: 2 },
    }
  : {
      s1: { rounds: 5, n: 5000 },
      s2: { rounds: 5, n: 200 },
      s3: { rounds: 3, rows: TOTAL_ROWS },
      s4: { rounds: 5, n: 10000, bulk: 10000, bulkReps: 5 },
      s5: { rounds: 5, connections: 8, n: 50 },
      s6: { rounds: 3, kills: 5, idle: [0, 200] },
      s7: { queries: 2000000, reconnects: 1000, referenceQueries: 500000 },
      s8: { rounds: 8 },
      s9: { rounds: 5 },
    };
if (ROUNDS) for (const k of ['s1', 's2', 's3', 's4', 's5', 's6', 's8', 's9']) plan[k].rounds = ROUNDS;
if (option('mem-queries')) plan.s7.queries = Number(option('mem-queries'));
if (option('mem-reconnects')) plan.s7.reconnects = Number(option('mem-reconnects'));
if (option('mem-reference')) plan.s7.referenceQueries = Number(option('mem-reference'));

// ours-as-mysql2: ours with mysql2's defaults where they differ from `mysql`'s (no call-site
// capture per query, utf8mb4), so that the server and the client do the same work as with mysql2.
const CLIENTS = ['ours', 'ours-as-mysql2', 'mysql', 'mysql2', 'mariadb', 'raw'];
const LABEL = {
  ours: 'reconnecting-mysql',
  'ours-as-mysql2': 'reconnecting-mysql, as mysql2',
  mysql: 'mysql 2.18.1',
  mysql2: 'mysql2',
  mariadb: 'mariadb',
  raw: 'raw mysql_async',
};
// The JS clients our numbers are measured against: "best peer" is the faster of the two (median
// wall time) in each scenario.
const PEERS = ['mysql2', 'mariadb'];

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const now = () => performance.timeOrigin + performance.now();
const rotate = (xs, k) => xs.map((_, i) => xs[(i + k) % xs.length]);
const log = (...a) => console.error(...a);

function median(xs) {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
const min = (xs) => Math.min(...xs.filter((x) => Number.isFinite(x)));

// ---------------------------------------------------------------------------------------------
// Machine

function machine() {
  let cpu = 'unknown';
  try {
    const m = /^model name\s*:\s*(.*)$/m.exec(fs.readFileSync('/proc/cpuinfo', 'utf8'));
    if (m) cpu = m[1].trim();
  } catch {}
  let nproc = os.cpus().length;
  try {
    nproc = Number(execFileSync('nproc', { encoding: 'utf8' }).trim());
  } catch {}
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['-C', ROOT, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['-C', ROOT, 'status', '--porcelain', '--', 'src', 'lib', 'index.js'], {
      encoding: 'utf8',
    }).trim();
    if (dirty) commit += ' (src/ or lib/ modified)';
  } catch {}
  let addon = 'unknown';
  try {
    const f = fs.readdirSync(ROOT).find((x) => x.endsWith('.node'));
    if (f) addon = `${f}, built ${fs.statSync(path.join(ROOT, f)).mtime.toISOString()}`;
  } catch {}
  return {
    nproc,
    cpu,
    node: process.version,
    date: new Date().toISOString(),
    memGiB: (os.totalmem() / 2 ** 30).toFixed(1),
    commit,
    addon,
    mysql2: require('mysql2/package.json').version,
    mysql: require('mysql/package.json').version,
    // (its package.json is not in its `exports`)
    mariadb: require('mariadb/callback').version,
  };
}

const loadavg = () => fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

// ---------------------------------------------------------------------------------------------
// Raw baseline build

function buildRaw() {
  log('building bench/raw (cargo build --release; cached in bench/raw/target) ...');
  const t0 = Date.now();
  try {
    execFileSync('cargo', ['build', '--release', '--quiet', '--manifest-path', RAW_MANIFEST], {
      stdio: ['ignore', 'ignore', 'pipe'],
      encoding: 'utf8',
    });
  } catch (err) {
    throw new Error(`cargo build of bench/raw failed:\n${err.stderr || err.message}`);
  }
  log(`  done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

// ---------------------------------------------------------------------------------------------
// Children

/**
 * Runs one client for one scenario in a child process; resolves with its JSON output.
 * onMessage(msg, reply) handles IPC requests (JS clients only); control(child) gets the child.
 */
let benchServer = null;

function runChild(client, scenario, params, { timeoutMs = 300000, nodeArgs = [], onMessage, control } = {}) {
  return new Promise((resolve) => {
    const json = JSON.stringify(params);
    // The server's pid: the children read its CPU time around their timed part.
    const env = {
      ...process.env,
      TZ: 'UTC',
      BENCH_SERVER_PID: String((benchServer && benchServer.pid) || ''),
    };
    const child =
      client === 'raw'
        ? spawn(RAW_BIN, [scenario, json], { env, stdio: ['ignore', 'pipe', 'pipe'] })
        : spawn(process.execPath, [...nodeArgs, CLIENT_JS, client, scenario, json], {
            env,
            stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
          });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => {
      stderr += `\n[bench] timed out after ${timeoutMs} ms; killed`;
      child.kill('SIGKILL');
    }, timeoutMs);
    if (onMessage) {
      child.on('message', (m) => {
        if (m && m.reply === undefined) {
          onMessage(m).then(
            (res) => child.connected && child.send({ reply: m.id, ...res }),
            (err) => child.connected && child.send({ reply: m.id, error: String(err) }),
          );
        }
      });
    }
    if (control) control(child);
    child.on('error', (err) => (stderr += `\n[bench] ${err.message}`));
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const lines = stdout.trim().split('\n');
      let out;
      try {
        out = JSON.parse(lines[lines.length - 1]);
      } catch {
        out = { ok: false, error: `no JSON output (exit ${code}, signal ${signal})` };
      }
      if (code !== 0 && out.ok) out = { ...out, ok: false, error: `exit ${code}, signal ${signal}` };
      if (stderr.trim()) out.stderr = stderr.trim().slice(-2000);
      out.exit = { code, signal };
      resolve(out);
    });
  });
}

/** An IPC conversation with a child (recovery): send(cmd) resolves with the child's reply. */
function conversation(child) {
  let nextId = 1;
  const waiting = new Map();
  child.on('message', (m) => {
    if (m && m.reply !== undefined && waiting.has(m.reply)) {
      const w = waiting.get(m.reply);
      waiting.delete(m.reply);
      w(m);
    }
  });
  child.on('exit', () => {
    for (const w of waiting.values()) w({ error: 'child exited' });
    waiting.clear();
  });
  return (msg) =>
    new Promise((resolve) => {
      const id = nextId++;
      waiting.set(id, resolve);
      child.send({ ...msg, id });
    });
}

// ---------------------------------------------------------------------------------------------
// Data

const ROW_COLUMNS = 'id, name, created, amount, body, maybe';

async function seed(server) {
  const t0 = Date.now();
  log(`seeding ${TOTAL_ROWS} rows ...`);
  const table = (name) =>
    `CREATE TABLE ${name} (id INT NOT NULL PRIMARY KEY, name VARCHAR(64) NOT NULL, created DATETIME NOT NULL, ` +
    'amount DECIMAL(10,2) NOT NULL, body TEXT NOT NULL, maybe INT NULL) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4';
  await server.admin(
    'USE test;' +
      'DROP TABLE IF EXISTS bench_rows, bench_ins;' +
      `${table('bench_rows')};` +
      `${table('bench_ins')};`,
  );
  let fromSeq = true;
  try {
    await server.admin('SELECT COUNT(*) FROM seq_1_to_3');
  } catch {
    fromSeq = false;
  }
  const values = (seq) =>
    `${seq}, CONCAT('user-', ${seq}, '-', LEFT(MD5(${seq}), 8 + ${seq} % 24)), ` +
    `'2000-01-01 00:00:00' + INTERVAL (${seq} * 7919) SECOND, (${seq} * 37 % 1000000) / 100, ` +
    `LEFT(REPEAT(MD5(${seq} * 31), 4), 90 + ${seq} % 21), IF(${seq} % 3 = 0, NULL, ${seq} * 13)`;
  if (fromSeq) {
    await server.admin(
      `INSERT INTO test.bench_rows (${ROW_COLUMNS}) SELECT ${values('seq')} FROM seq_1_to_${TOTAL_ROWS}`,
    );
  } else {
    for (let start = 1; start <= TOTAL_ROWS; start += 5000) {
      const parts = [];
      for (let i = start; i < start + 5000 && i <= TOTAL_ROWS; i++) parts.push(`SELECT ${values(i)}`);
      await server.admin(`INSERT INTO test.bench_rows (${ROW_COLUMNS}) ${parts.join(' UNION ALL ')}`);
    }
  }
  await server.admin('ANALYZE TABLE test.bench_rows');
  // Warm the buffer pool.
  await server.admin('SELECT COUNT(*), SUM(LENGTH(body)) FROM test.bench_rows');
  log(`  done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

/** The checksum bench/client.js and bench/raw compute, computed by the server. */
async function oracle(server, rows) {
  const r = await server.admin(
    'SELECT COUNT(*) AS a, SUM(id) AS b, SUM(CHAR_LENGTH(name)) AS c, SUM(ASCII(RIGHT(name, 1))) AS d, ' +
      'SUM(YEAR(created) * 10000 + MONTH(created) * 100 + DAYOFMONTH(created)) AS e, ' +
      'SUM(HOUR(created) * 3600 + MINUTE(created) * 60 + SECOND(created)) AS f, SUM(ROUND(amount * 100)) AS g, ' +
      'SUM(CHAR_LENGTH(body)) AS h, SUM(maybe IS NULL) AS i, SUM(IFNULL(maybe, 0)) AS j FROM test.bench_rows WHERE id <= ?',
    [rows],
  );
  return Object.values(r[0]).map(Number);
}

async function insertedChecksum(server) {
  const r = await server.admin(
    "SELECT COUNT(*) AS n, SUM(CRC32(CONCAT_WS('|', id, name, created, amount, body, IFNULL(maybe, 'N')))) AS crc FROM test.bench_ins",
  );
  return { n: Number(r[0].n), crc: String(r[0].crc) };
}

// ---------------------------------------------------------------------------------------------
// Scenarios 1-5: the same work for every client, interleaved round by round

const problems = [];
const problem = (msg) => {
  problems.push(msg);
  log(`  PROBLEM: ${msg}`);
};

/**
 * variants: [{ key, title, scenario, params, unit: 'us' | 'ms', perOp, expect(out) -> string|null,
 *              before(), after(out) -> string|null }]
 */
async function runVariants(server, conn, rounds, variants) {
  const results = {};
  for (const v of variants) results[v.key] = Object.fromEntries(CLIENTS.map((c) => [c, []]));
  for (let round = 0; round < rounds; round++) {
    for (const v of variants) {
      for (const client of rotate(CLIENTS, round + variants.indexOf(v))) {
        if (v.before) await v.before();
        const out = await runChild(client, v.scenario, { ...v.params, conn });
        const issues = [];
        if (!out.ok) issues.push(`failed: ${out.error}`);
        else {
          const e = v.expect(out);
          if (e) issues.push(e);
          if (out.checksum_consistent === false) issues.push('checksum differs between queries of one run');
          if (out.end_error) issues.push(out.end_error);
          if (out.connection_error) issues.push(`'error' event: ${out.connection_error}`);
          if (out.end_errors && out.end_errors.length) issues.push(`end(): ${out.end_errors.join(', ')}`);
          if (v.after) {
            const a = await v.after(out);
            if (a) issues.push(a);
          }
        }
        if (out.stderr && client !== 'raw') issues.push(`stderr: ${out.stderr.split('\n')[0]}`);
        out.issues = issues;
        for (const i of issues) problem(`${v.title} / ${LABEL[client]} / round ${round + 1}: ${i}`);
        results[v.key][client].push(out);
        const perOp = out.ok ? out.wall_ms / out.ops : NaN;
        log(
          `  [${v.key}] round ${round + 1}/${rounds} ${LABEL[client].padEnd(18)} ${fmtTime(perOp, v.unit).padStart(10)}${issues.length ? '  !! ' + issues.join('; ') : ''}`,
        );
      }
    }
  }
  return results;
}

function fmtTime(ms, unit) {
  if (!Number.isFinite(ms)) return 'n/a';
  if (unit === 'us') return `${(ms * 1000).toFixed(1)} us`;
  if (ms >= 100) return `${ms.toFixed(0)} ms`;
  return `${ms.toFixed(2)} ms`;
}
const fmtRatio = (x) => (Number.isFinite(x) ? `${x.toFixed(2)}x` : 'n/a');
const fmtMB = (kb) => (Number.isFinite(kb) ? `${(kb / 1024).toFixed(0)} MB` : 'n/a');

/** Table rows of one variant. */
function summarize(v, byClient) {
  const stats = {};
  for (const client of CLIENTS) {
    const runs = byClient[client].filter((o) => o.ok);
    const per = (f) => runs.map((o) => f(o) / o.ops);
    stats[client] = {
      n: runs.length,
      failed: byClient[client].length - runs.length,
      issues: byClient[client].reduce((a, o) => a + o.issues.length, 0),
      median: median(per((o) => o.wall_ms)),
      min: min(per((o) => o.wall_ms)),
      cpu: median(per((o) => o.cpu_user_ms + o.cpu_sys_ms)),
      thread: median(per((o) => o.thread_ms)),
      server: median(per((o) => (typeof o.server_cpu_ms === 'number' ? o.server_cpu_ms : NaN))),
      ctxsw: median(per((o) => o.ctxsw)),
      maxrss: median(runs.map((o) => o.maxrss_kb)),
      rssGrowth: median(runs.map((o) => o.maxrss_kb - o.rss_start_kb)),
    };
  }
  const best = bestPeer(stats);
  return CLIENTS.map((client) => {
    const s = stats[client];
    return {
      variant: v,
      client,
      ...s,
      xMysql2: stats.mysql2.median / s.median,
      xMariadb: stats.mariadb.median / s.median,
      bestPeer: best,
      xBest: best ? stats[best].median / s.median : NaN,
      xRaw: stats.raw.median / s.median,
      check: s.n === 0 ? 'FAILED' : s.failed || s.issues ? `${s.failed + s.issues} issue(s)` : 'ok',
    };
  });
}

/** The faster of PEERS on median wall time (one with no successful run does not count); null if none ran. */
function bestPeer(stats) {
  const ran = PEERS.filter((p) => Number.isFinite(stats[p].median));
  return ran.length ? ran.reduce((a, b) => (stats[b].median < stats[a].median ? b : a)) : null;
}
const fmtBest = (x, peer) => (peer && Number.isFinite(x) ? `${fmtRatio(x)} (${peer})` : 'n/a');

const TABLE_HEAD = [
  'scenario',
  'client',
  'median',
  'min',
  'CPU (process)',
  'CPU (JS / main thread)',
  'server CPU',
  'ctx switches',
  'peak RSS',
  'x best peer',
  'x mysql2',
  'x mariadb',
  'x raw',
  'check',
];
function tableRow(r) {
  const u = r.variant.unit;
  return [
    r.variant.title,
    LABEL[r.client],
    fmtTime(r.median, u),
    fmtTime(r.min, u),
    fmtTime(r.cpu, u),
    fmtTime(r.thread, u),
    fmtTime(r.server, u),
    Number.isFinite(r.ctxsw) ? r.ctxsw.toFixed(r.ctxsw < 10 ? 1 : 0) : 'n/a',
    fmtMB(r.maxrss),
    fmtBest(r.xBest, r.bestPeer),
    fmtRatio(r.xMysql2),
    fmtRatio(r.xMariadb),
    fmtRatio(r.xRaw),
    r.check,
  ];
}

// ---------------------------------------------------------------------------------------------
// Scenario 6: recovery (ours vs mysql)

async function scenario6(server, conn, cfg) {
  const out = { ours: [], mysql: [] };
  for (let round = 0; round < cfg.rounds; round++) {
    for (const client of rotate(['ours', 'mysql'], round)) {
      log(`  [6] round ${round + 1}/${cfg.rounds} ${LABEL[client]}`);
      let send;
      const done = runChild(
        client,
        'recovery',
        { conn },
        { timeoutMs: 180000, control: (child) => (send = conversation(child)) },
      );
      const res = { client, idle: [], restart: null, baseline: null };
      try {
        res.baseline = await send({ cmd: 'baseline', n: 200 });
        if (res.baseline.error) throw new Error(res.baseline.error);
        let threadId = res.baseline.threadId;
        for (const idleMs of cfg.idle) {
          for (let k = 0; k < cfg.kills; k++) {
            let pr = await send({ cmd: 'probe' });
            if (!pr.ok) pr = await send({ cmd: 'fresh' });
            threadId = pr.threadId;
            await server.killConnection(threadId);
            if (idleMs) await sleep(idleMs);
            const r = await send({ cmd: 'probe' });
            res.idle.push({
              idleMs,
              ok: r.ok,
              ms: r.ms,
              code: r.code,
              newThread: r.ok && r.threadId !== threadId,
            });
            if (!r.ok) await send({ cmd: 'fresh' });
            else if (r.threadId === threadId)
              problem(`recovery / ${LABEL[client]}: query after KILL ran on the killed thread ${threadId}?`);
          }
        }
        // Server restart: the child queries in a loop until one succeeds on a new connection.
        let pr = await send({ cmd: 'probe' });
        if (!pr.ok) pr = await send({ cmd: 'fresh' });
        const outage = send({ cmd: 'outage', oldThreadId: pr.threadId, timeoutMs: 60000 });
        const t0 = now();
        await server.restart();
        const tUp = now();
        const giveUp = client === 'ours' ? 15000 : 5000;
        const timer = setTimeout(() => send({ cmd: 'stopOutage' }), giveUp);
        const o = await outage;
        clearTimeout(timer);
        res.restart = {
          restart_ms: tUp - t0,
          ok: o.ok,
          up_to_success_ms: o.ok ? o.t_success - tUp : null,
          total_ms: o.ok ? o.t_success - t0 : null,
          attempts: o.attempts,
          errors: o.errors,
          gaveUpAfterMs: o.ok ? null : giveUp,
        };
        const q = await send({ cmd: 'quit' });
        res.events = q.events;
        res.end_error = q.end_error;
      } catch (err) {
        res.error = String(err && err.stack);
        problem(`recovery / ${LABEL[client]}: ${res.error}`);
      }
      const exit = await done;
      if (exit.stderr) res.stderr = exit.stderr;
      if (res.error)
        problem(
          `recovery / ${LABEL[client]}: child: ${exit.error || 'exit ' + JSON.stringify(exit.exit)}${exit.stderr ? ' / ' + exit.stderr : ''}`,
        );
      out[client].push(res);
      const idleOk = res.idle.filter((x) => x.ok).length;
      log(
        `      baseline ${res.baseline && res.baseline.median_ms ? res.baseline.median_ms.toFixed(3) : '?'} ms; idle-loss queries ok ${idleOk}/${res.idle.length}; restart: ${res.restart ? (res.restart.ok ? `first success ${res.restart.up_to_success_ms.toFixed(0)} ms after the server was up` : `no success (${JSON.stringify(res.restart.errors)})`) : 'n/a'}`,
      );
      if (client === 'ours') {
        for (const x of res.idle)
          if (!x.ok) problem(`recovery / ours: query after KILL (idle ${x.idleMs} ms) failed: ${x.code}`);
        if (res.restart && !res.restart.ok)
          problem(
            `recovery / ours: no successful query within ${res.restart.gaveUpAfterMs} ms of the restart`,
          );
      }
    }
  }
  return out;
}

function summarize6(s6) {
  const lines = [];
  for (const client of ['ours', 'mysql']) {
    const runs = s6[client];
    if (!runs.length) continue;
    const base = median(runs.map((r) => r.baseline && r.baseline.median_ms));
    const idleGroups = [...new Set(runs.flatMap((r) => r.idle.map((x) => x.idleMs)))];
    const idle = idleGroups.map((idleMs) => {
      const xs = runs.flatMap((r) => r.idle.filter((x) => x.idleMs === idleMs));
      const ok = xs.filter((x) => x.ok);
      const codes = {};
      for (const x of xs) if (!x.ok) codes[x.code] = (codes[x.code] || 0) + 1;
      return {
        idleMs,
        total: xs.length,
        ok: ok.length,
        medianMs: median(ok.map((x) => x.ms)),
        maxMs: ok.length ? Math.max(...ok.map((x) => x.ms)) : NaN,
        extraMs: median(ok.map((x) => x.ms)) - base,
        codes,
      };
    });
    const rs = runs.map((r) => r.restart).filter(Boolean);
    const okR = rs.filter((r) => r.ok);
    const errors = {};
    for (const r of rs) for (const [k, n] of Object.entries(r.errors || {})) errors[k] = (errors[k] || 0) + n;
    lines.push({
      client,
      base,
      idle,
      restarts: rs.length,
      restartOk: okR.length,
      restartMs: median(rs.map((r) => r.restart_ms)),
      upToSuccess: median(okR.map((r) => r.up_to_success_ms)),
      upToSuccessMax: okR.length ? Math.max(...okR.map((r) => r.up_to_success_ms)) : NaN,
      total: median(okR.map((r) => r.total_ms)),
      errors,
    });
  }
  return lines;
}

// ---------------------------------------------------------------------------------------------
// Scenario 7: memory (ours)

async function scenario7(server, conn, cfg) {
  log(`  [7] ${cfg.queries} queries, then ${cfg.reconnects} reconnects (KILL loop)`);
  const timeoutMs = Math.max(300000, cfg.queries * 2 + cfg.reconnects * 500);
  const out = await runChild(
    'ours',
    'memory',
    { conn, queries: cfg.queries, reconnects: cfg.reconnects },
    {
      timeoutMs,
      nodeArgs: ['--expose-gc'],
      onMessage: async (m) => {
        if (m.type === 'kill') {
          await server.killConnection(m.threadId);
          return {};
        }
        return { error: `unknown request ${m.type}` };
      },
    },
  );
  if (!out.ok) problem(`memory / ours: failed: ${out.error}${out.stderr ? ' / ' + out.stderr : ''}`);
  else {
    if (out.wrong_values) problem(`memory / ours: ${out.wrong_values} queries returned a wrong value`);
    if (out.same_thread_after_kill)
      problem(`memory / ours: ${out.same_thread_after_kill} queries after KILL ran on the killed thread id`);
    if (out.error_events) problem(`memory / ours: ${out.error_events} 'error' events`);
    if (out.end_error) problem(`memory / ours: ${out.end_error}`);
    const failed = Object.entries(out.failed_queries_after_kill || {});
    if (failed.length)
      problem(
        `memory / ours: queries failed right after a KILL (then retried): ${failed.map(([k, n]) => `${k} x${n}`).join(', ')}`,
      );
    if (out.reconnects !== cfg.reconnects)
      problem(`memory / ours: ${out.reconnects} 'reconnect' events for ${cfg.reconnects} KILLs`);
  }
  out.references = {};
  if (cfg.referenceQueries) {
    // The same query loop with mysql2 and mariadb (no KILL loop: they do not reconnect), to tell
    // the growth of Node itself (V8 pages kept after gc) from ours.
    for (const client of PEERS) {
      log(`  [7] reference: ${LABEL[client]}, ${cfg.referenceQueries} queries`);
      const ref = await runChild(
        client,
        'memory',
        { conn, queries: cfg.referenceQueries, reconnects: 0 },
        { timeoutMs: Math.max(300000, cfg.referenceQueries * 2), nodeArgs: ['--expose-gc'] },
      );
      out.references[client] = ref;
      if (!ref.ok) problem(`memory / ${LABEL[client]} reference: failed: ${ref.error}`);
      else {
        if (ref.wrong_values)
          problem(`memory / ${LABEL[client]} reference: ${ref.wrong_values} queries returned a wrong value`);
        if (ref.error_events)
          problem(`memory / ${LABEL[client]} reference: ${ref.error_events} 'error' events`);
        if (ref.end_error) problem(`memory / ${LABEL[client]} reference: ${ref.end_error}`);
        if (ref.stderr) problem(`memory / ${LABEL[client]} reference: stderr: ${ref.stderr.split('\n')[0]}`);
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Scenario 8: recovery after a server restart (ours; bench/recovery.js, its own private server)

/**
 * Runs a bench script that prints its result as JSON on its last stdout line (`--json`); its
 * progress lines go straight to our stderr. Resolves with its exit and that result (null if it
 * printed none); killed after `timeoutMs`, if given. `tag` prefixes our log lines.
 */
function runJsonScript(tag, args, timeoutMs) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, {
      env: { ...process.env, TZ: 'UTC' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let stdout = '';
    child.stdout.on('data', (d) => (stdout += d));
    const timer =
      timeoutMs === undefined
        ? null
        : setTimeout(() => {
            log(`  [${tag}] timed out after ${timeoutMs} ms; killed`);
            child.kill('SIGKILL');
          }, timeoutMs);
    child.on('error', (err) => log(`  [${tag}] ${err.message}`));
    child.on('close', (code, signal) => {
      if (timer !== null) clearTimeout(timer);
      const lines = stdout.trim().split('\n');
      let out = null;
      try {
        out = JSON.parse(lines[lines.length - 1]);
      } catch {}
      resolve({ code, signal, out });
    });
  });
}

async function scenario8(cfg) {
  const args = [RECOVERY_JS, '--json', `--rounds=${cfg.rounds}`];
  const { code, signal, out } = await runJsonScript('8', args, 120000 + cfg.rounds * 120000);
  if (code !== 0 || !out) {
    const error = `bench/recovery.js failed (exit ${code}, signal ${signal})`;
    problem(`recovery after a restart: ${error}`);
    return { ok: false, error };
  }
  for (const f of out.failures)
    problem(`recovery after a restart / round ${f.round}: ${f.what} query failed: ${f.code}`);
  for (const e of out.events.connectionErrors)
    problem(`recovery after a restart: 'error' event on the connection: ${e}`);
  for (const e of out.events.poolErrors) problem(`recovery after a restart: 'error' event on the pool: ${e}`);
  return { ok: true, ...out };
}

// ---------------------------------------------------------------------------------------------
// Scenario 9: small statements through both APIs (bench/statements.js, its own private server)

async function scenario9(cfg) {
  const args = [STATEMENTS_JS, '--json', `--rounds=${cfg.rounds}`];
  if (QUICK) args.push('--quick');
  const { code, out } = await runJsonScript('9', args);
  if (code !== 0 || !out) {
    problem(`small statements: bench/statements.js failed (exit ${code})`);
    return null;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Report

function textTable(head, rows) {
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (r) => r.map((c, i) => (i < 2 ? String(c).padEnd(w[i]) : String(c).padStart(w[i]))).join('  ');
  return [line(head), w.map((n) => '-'.repeat(n)).join('  '), ...rows.map(line)].join('\n');
}

function mdTable(head, rows) {
  return [
    `| ${head.join(' | ')} |`,
    `|${head.map((_, i) => (i < 2 ? '---' : '---:')).join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}

function fmtCodes(codes) {
  const e = Object.entries(codes || {});
  return e.length ? e.map(([k, n]) => `${k} x${n}`).join(', ') : '-';
}

// ---------------------------------------------------------------------------------------------

/** Scenarios 1-7, on one private MariaDB seeded with the rows; mutates info, sections, tableRows. */
async function serverScenarios(info, want, sections, tableRows) {
  log('starting a private MariaDB ...');
  const server = await startServer({
    // A buffer pool that holds the 100,000 rows (the test default is 16M), and no fsync per
    // commit (scenario 4 measures the clients, not the disk).
    args: ['--innodb-buffer-pool-size=256M', '--innodb-flush-log-at-trx-commit=2', '--max-connections=200'],
  });
  benchServer = server;
  const conn = server.config();
  try {
    await seed(server);
    const serverVersion = (await server.admin('SELECT VERSION() AS v'))[0].v;
    info.server = `MariaDB ${serverVersion} (private instance, 127.0.0.1:${conn.port}, buffer pool 256M, innodb_flush_log_at_trx_commit=2)`;
    const cs1000 = await oracle(server, 1000);

    const expectRows = (rows, cs) => (out) => {
      if (out.rows !== rows) return `rows ${out.rows}, expected ${rows}`;
      if (cs && JSON.stringify(out.checksum) !== JSON.stringify(cs))
        return `checksum ${JSON.stringify(out.checksum)} != server's ${JSON.stringify(cs)}`;
      return null;
    };

    if (want(1)) {
      const c = plan.s1;
      log(`scenario 1: ${c.n} sequential SELECT 1, ${c.rounds} rounds`);
      const variants = [
        {
          key: '1',
          title: `1. ${c.n} x SELECT 1 (per query)`,
          scenario: 'select1',
          params: { n: c.n },
          unit: 'us',
          expect: expectRows(c.n, [c.n]),
        },
      ];
      const r = await runVariants(server, conn, c.rounds, variants);
      for (const v of variants) tableRows.push(...summarize(v, r[v.key]));
    }
    if (want(2)) {
      const c = plan.s2;
      log(`scenario 2: ${c.n} x 1,000-row select, ${c.rounds} rounds`);
      const variants = [
        {
          key: '2',
          title: `2. ${c.n} x 1,000 rows x 6 cols (per query)`,
          scenario: 'rows',
          params: { n: c.n },
          unit: 'ms',
          expect: expectRows(c.n * 1000, cs1000),
        },
      ];
      const r = await runVariants(server, conn, c.rounds, variants);
      for (const v of variants) tableRows.push(...summarize(v, r[v.key]));
    }
    if (want(3)) {
      const c = plan.s3;
      const cs = await oracle(server, c.rows);
      log(`scenario 3: one ${c.rows}-row select, buffered and streamed, ${c.rounds} rounds`);
      const variants = [
        {
          key: '3',
          title: `3. ${c.rows.toLocaleString('en')} rows, buffered`,
          scenario: 'big',
          params: { big_rows: c.rows },
          unit: 'ms',
          expect: expectRows(c.rows, cs),
        },
        {
          key: '3s',
          title: `3. ${c.rows.toLocaleString('en')} rows, .stream()`,
          scenario: 'bigstream',
          params: { big_rows: c.rows },
          unit: 'ms',
          expect: expectRows(c.rows, cs),
        },
      ];
      const r = await runVariants(server, conn, c.rounds, variants);
      for (const v of variants) tableRows.push(...summarize(v, r[v.key]));
    }
    if (want(4)) {
      const c = plan.s4;
      log(`scenario 4: ${c.n} single-row INSERTs and one ${c.bulk}-row bulk INSERT, ${c.rounds} rounds`);
      const seen = {};
      const afterInsert = (key, n) => async () => {
        const got = await insertedChecksum(server);
        if (got.n !== n) return `table has ${got.n} rows, expected ${n}`;
        if (seen[key] === undefined) seen[key] = got.crc;
        else if (seen[key] !== got.crc)
          return `inserted data differs from the other clients' (crc ${got.crc} != ${seen[key]})`;
        return null;
      };
      const truncate = () => server.admin('TRUNCATE TABLE test.bench_ins');
      const variants = [
        {
          key: '4',
          title: `4. ${c.n} x single-row INSERT (per insert)`,
          scenario: 'insert',
          params: { n: c.n },
          unit: 'us',
          before: truncate,
          after: afterInsert('4', c.n),
          expect: expectRows(c.n),
        },
        {
          key: '4b',
          title: `4. bulk INSERT of ${c.bulk} rows, cold (the process's first)`,
          scenario: 'bulk',
          params: { n: c.bulk },
          unit: 'ms',
          before: truncate,
          after: afterInsert('4b', c.bulk),
          expect: expectRows(c.bulk),
        },
        // The client empties the table itself between its runs; the last run's rows are checked.
        {
          key: '4c',
          title: `4. bulk INSERT of ${c.bulk} rows, warm (per statement, ${c.bulkReps} after 2 untimed)`,
          scenario: 'bulkwarm',
          params: { n: c.bulk, warmup: 2, reps: c.bulkReps },
          unit: 'ms',
          after: afterInsert('4c', c.bulk),
          expect: expectRows(c.bulk),
        },
      ];
      const r = await runVariants(server, conn, c.rounds, variants);
      for (const v of variants) tableRows.push(...summarize(v, r[v.key]));
      for (const bulk of ['4b', '4c']) {
        if (seen['4'] && seen[bulk] && seen['4'] !== seen[bulk])
          problem(
            `insert: row-by-row and bulk (${bulk}) inserted different data (crc ${seen['4']} vs ${seen[bulk]})`,
          );
      }
    }
    if (want(5)) {
      const c = plan.s5;
      log(
        `scenario 5: ${c.connections} connections in parallel, ${c.n} x 1,000-row select each, ${c.rounds} rounds`,
      );
      const variants = [
        {
          key: '5',
          title: `5. ${c.connections} conns x ${c.n} x 1,000 rows (wall / query)`,
          scenario: 'parallel',
          params: { connections: c.connections, n: c.n },
          unit: 'ms',
          expect: expectRows(c.connections * c.n * 1000, cs1000),
        },
      ];
      const r = await runVariants(server, conn, c.rounds, variants);
      for (const v of variants) tableRows.push(...summarize(v, r[v.key]));
    }
    if (want(6)) {
      log(
        `scenario 6: recovery (KILL while idle x${plan.s6.kills} per idle time, server restart), ${plan.s6.rounds} round(s)`,
      );
      sections.s6 = await scenario6(server, conn, plan.s6);
    }
    if (want(7)) {
      log('scenario 7: memory of reconnecting-mysql');
      sections.s7 = await scenario7(server, conn, plan.s7);
    }
  } finally {
    await server.destroy().catch((err) => log(`server.destroy(): ${err.message}`));
  }
}

async function main() {
  const t0 = Date.now();
  const info = machine();
  const want = (k) => !ONLY || ONLY.has(String(k));
  log(
    `reconnecting-mysql bench (${QUICK ? 'quick' : 'full'}): ${info.nproc} cores, ${info.cpu}, Node ${info.node}, load ${loadavg()}`,
  );
  if ([1, 2, 3, 4, 5].some(want)) buildRaw();
  if (!fs.existsSync(RAW_BIN) && [1, 2, 3, 4, 5].some(want))
    throw new Error(`${RAW_BIN} missing after the build`);

  const loadStart = loadavg();
  const sections = {};
  const tableRows = [];
  if ([1, 2, 3, 4, 5, 6, 7].some(want)) await serverScenarios(info, want, sections, tableRows);
  if (want(8)) {
    log(`scenario 8: recovery after a server restart (bench/recovery.js), ${plan.s8.rounds} rounds`);
    sections.s8 = await scenario8(plan.s8);
  }
  if (want(9)) {
    log(
      `scenario 9: small statements, callback and promise APIs (bench/statements.js), ${plan.s9.rounds} rounds`,
    );
    sections.s9 = await scenario9(plan.s9);
  }
  const loadEnd = loadavg();
  const addonEnd = machine().addon;
  if (addonEnd !== info.addon)
    problem(
      `the addon changed during the run (${info.addon} -> ${addonEnd}): reconnecting-mysql numbers mix two builds`,
    );
  const elapsed = (Date.now() - t0) / 1000;

  // -------- print and write
  const out = [];
  const md = [];
  md.push('# Benchmark results', '');
  md.push(
    `Generated by \`node bench/run.js${argv.length ? ' ' + argv.join(' ') : ''}\` (${QUICK ? 'quick smoke run: fewer rounds and rows; not for conclusions' : 'full run'}), ${info.date}, in ${elapsed.toFixed(0)} s.`,
    '',
  );
  md.push('| | |', '|---|---|');
  md.push(`| machine | ${info.nproc} cores (\`nproc\`), ${info.cpu}, ${info.memGiB} GiB |`);
  md.push(`| Node | ${info.node} |`);
  md.push(`| server | ${info.server || 'n/a'} |`);
  md.push(
    `| clients | reconnecting-mysql ${info.commit}, addon ${info.addon}; mysql ${info.mysql}; mysql2 ${info.mysql2} (\`decimalNumbers: true\`); mariadb ${info.mariadb} (callback API, \`decimalAsNumber: true\`, pipelining on as by default; the bulk INSERT spelled out as one \`(?, ...)\` per row); raw mysql_async 0.37 (vendor/, text protocol, current-thread tokio, rows collected as \`Vec<Row>\`) |`,
  );
  md.push(
    `| load average | ${loadStart} at start, ${loadEnd} at end (the machine is shared: numbers are noisy) |`,
    '',
  );

  if (tableRows.length) {
    const rows = tableRows.map(tableRow);
    out.push(textTable(TABLE_HEAD, rows));
    md.push('## Throughput', '');
    md.push(
      'Median and min over the rounds (each round runs the clients one after the other, in a rotating order, each JS client in a fresh process). ' +
        "\"reconnecting-mysql, as mysql2\" is ours with mysql2's defaults where they differ from `mysql`'s: `trace: false` (`mysql` and ours capture each query's call site for long stack traces, mysql2 does not) and `charset: 'UTF8MB4_UNICODE_CI'` (`mysql`'s utf8mb3 makes the server convert every text cell). " +
        'Times are per query (per insert) unless the scenario is a single statement. CPU (process) is user + system time of the whole client process; ' +
        'CPU (JS / main thread) is the main thread alone (for the raw client, the thread running its current-thread runtime); ' +
        "server CPU is the CPU time of all the server's threads over the same timed part (on one connection, a floor for the wall time: the server works one query at a time); ctx switches are per query. " +
        'Peak RSS is the child process maximum (`maxRSS`), warm-up included.',
      '',
    );
    md.push(
      "**Ratios** (on the median wall time): **x best peer** = the best peer's time / this client's time, the best peer being the faster of mysql2 and mariadb in that scenario (named in parentheses); " +
        "**x mysql2** = mysql2 time / this client's time, **x mariadb** = mariadb time / this client's time, **x raw** = raw mysql_async time / this client's time. " +
        'So on the reconnecting-mysql rows, > 1 means we are faster than that client (x best peer > 1: faster than both); x raw is at most ~1 for every JS client.',
      '',
    );
    md.push(mdTable(TABLE_HEAD, rows), '');
    const ours = tableRows.filter((r) => r.client === 'ours');
    md.push('### reconnecting-mysql vs the others (median wall time ratios; > 1 = we are faster)', '');
    const mysqlMedian = (v) => tableRows.find((r) => r.variant === v && r.client === 'mysql').median;
    md.push(
      mdTable(
        [
          'scenario',
          'x best peer',
          'x mysql2',
          'x mariadb',
          'x mysql',
          'x raw',
          'CPU x best peer (process)',
          'CPU x mysql2 (process)',
          'CPU x mariadb (process)',
          'as mysql2: x best peer',
          'as mysql2: x mysql2',
          'as mysql2: x raw',
        ],
        ours.map((r) => {
          const row = (client) => tableRows.find((x) => x.variant === r.variant && x.client === client);
          const asMysql2 = row('ours-as-mysql2');
          return [
            r.variant.title,
            fmtBest(r.xBest, r.bestPeer),
            fmtRatio(r.xMysql2),
            fmtRatio(r.xMariadb),
            fmtRatio(mysqlMedian(r.variant) / r.median),
            fmtRatio(r.xRaw),
            r.bestPeer ? fmtBest(row(r.bestPeer).cpu / r.cpu, r.bestPeer) : 'n/a',
            fmtRatio(row('mysql2').cpu / r.cpu),
            fmtRatio(row('mariadb').cpu / r.cpu),
            fmtBest(asMysql2.xBest, asMysql2.bestPeer),
            fmtRatio(asMysql2.xMysql2),
            fmtRatio(asMysql2.xRaw),
          ];
        }),
      ),
      '',
    );
  }

  if (sections.s6) {
    const lines = summarize6(sections.s6);
    const head = [
      'client',
      'SELECT CONNECTION_ID() baseline',
      'KILL while idle, then query',
      'server restart (stop + start)',
      'restart: server up -> first success',
      'restart -> first success',
      'errors seen by the app',
    ];
    const rows = lines.map((l) => [
      LABEL[l.client],
      fmtTime(l.base, 'ms'),
      l.idle
        .map(
          (i) =>
            `idle ${i.idleMs} ms: ${i.ok}/${i.total} ok${i.ok ? `, ${fmtTime(i.medianMs, 'ms')} (+${fmtTime(i.extraMs, 'ms')}, max ${fmtTime(i.maxMs, 'ms')})` : ''}${Object.keys(i.codes).length ? `; ${fmtCodes(i.codes)}` : ''}`,
        )
        .join('<br>'),
      fmtTime(l.restartMs, 'ms'),
      l.restartOk
        ? `${fmtTime(l.upToSuccess, 'ms')} (max ${fmtTime(l.upToSuccessMax, 'ms')}), ${l.restartOk}/${l.restarts}`
        : `never (0/${l.restarts})`,
      l.restartOk ? fmtTime(l.total, 'ms') : 'never',
      fmtCodes(l.errors),
    ]);
    out.push('', 'Scenario 6, recovery:');
    for (const r of rows) {
      out.push(`  ${r[0]}`);
      for (let i = 1; i < head.length; i++)
        out.push(`    ${head[i]}: ${String(r[i]).replace(/<br>/g, ' | ')}`);
    }
    md.push('## Recovery (scenario 6)', '');
    md.push(
      'KILL while idle: the connection is KILLed (`server.killConnection`) while idle, then after the given idle time one `SELECT CONNECTION_ID()` is timed; ' +
        '"+" is its extra latency over the baseline median of the same query on a healthy connection. ' +
        'Server restart: the client queries in a loop (10 ms pause after an error) while the server is stopped (SIGTERM) and started again; ' +
        'the time is until a query succeeds on a new connection, measured from the moment the server accepts connections again and from the start of the restart. ' +
        '`mysql` never recovers by itself (that is the point of this package); its errors are listed.',
      '',
    );
    md.push(mdTable(head, rows), '');
  }

  if (sections.s7) {
    const m = sections.s7;
    md.push('## Memory of reconnecting-mysql (scenario 7)', '');
    if (!m.ok) {
      md.push(`Failed: ${m.error}`, '');
      out.push('', `Scenario 7, memory: FAILED ${m.error}`);
    } else {
      const head = ['phase', 'done', 'RSS', 'heap used', 'external', 'array buffers'];
      const s0 = m.samples[0];
      const delta = (a, b) =>
        `${(a / 1024).toFixed(1)} MB (${a - b >= 0 ? '+' : ''}${((a - b) / 1024).toFixed(1)})`;
      const rows = m.samples.map((s) => [
        s.phase,
        s.done.toLocaleString('en'),
        delta(s.rss_kb, s0.rss_kb),
        delta(s.heap_kb, s0.heap_kb),
        delta(s.external_kb, s0.external_kb),
        delta(s.array_buffers_kb, s0.array_buffers_kb),
      ]);
      const summary =
        `${m.queries.ops.toLocaleString('en')} queries (\`SELECT ? AS v\`, checked) in ${(m.queries.wall_ms / 1000).toFixed(1)} s (${fmtTime(m.queries.wall_ms / m.queries.ops, 'us')}/query, CPU ${fmtTime((m.queries.cpu_user_ms + m.queries.cpu_sys_ms) / m.queries.ops, 'us')}/query); ` +
        `${m.reconnect_loop.ops} KILL + reconnect cycles in ${(m.reconnect_loop.wall_ms / 1000).toFixed(1)} s (${fmtTime(m.reconnect_loop.wall_ms / m.reconnect_loop.ops, 'ms')} each, KILL over a fresh admin connection included), ${m.reconnects} 'reconnect' events.`;
      out.push(
        '',
        'Scenario 7, memory of reconnecting-mysql (after gc; change from start):',
        textTable(head, rows),
        summary,
      );
      md.push(
        'Memory after a forced gc (`--expose-gc`), sampled every tenth of each phase; in parentheses the change from the start (after 2,000 warm-up queries).',
        '',
      );
      md.push(mdTable(head, rows), '', summary, '');
      const refs = PEERS.filter((p) => m.references && m.references[p] && m.references[p].ok);
      if (refs.length) {
        const refRows = [];
        const refSummaries = [];
        for (const client of refs) {
          const ref = m.references[client];
          const r0 = ref.samples[0];
          refRows.push(
            ...ref.samples
              .filter((x) => x.phase === 'queries' || x.phase === 'start')
              .map((x) => [
                `${LABEL[client]} ${x.phase}`,
                x.done.toLocaleString('en'),
                delta(x.rss_kb, r0.rss_kb),
                delta(x.heap_kb, r0.heap_kb),
                delta(x.external_kb, r0.external_kb),
                delta(x.array_buffers_kb, r0.array_buffers_kb),
              ]),
          );
          refSummaries.push(
            `${LABEL[client]}: ${ref.queries.ops.toLocaleString('en')} queries in ${(ref.queries.wall_ms / 1000).toFixed(1)} s (${fmtTime(ref.queries.wall_ms / ref.queries.ops, 'us')}/query, CPU ${fmtTime((ref.queries.cpu_user_ms + ref.queries.cpu_sys_ms) / ref.queries.ops, 'us')}/query).`,
          );
        }
        const names = refs.map((c) => LABEL[c]).join(' and ');
        out.push(
          '',
          `Reference: the same query loop with ${names} (Node itself keeps some RSS after gc):`,
          textTable(head, refRows),
          ...refSummaries,
        );
        md.push(
          `Reference: the same query loop with ${names} (no KILL loop: they do not reconnect). RSS that grows here as well is Node's own (V8 pages kept after gc), not a leak of ours.`,
          '',
        );
        md.push(mdTable(head, refRows), '', refSummaries.join(' '), '');
      }
    }
  }

  if (sections.s8) {
    const r = sections.s8;
    md.push('## Recovery after a server restart (scenario 8)', '');
    if (!r.ok) {
      md.push(`Failed: ${r.error}`, '');
      out.push('', `Scenario 8, recovery after a restart: FAILED ${r.error}`);
    } else {
      const t = recovery.table(r);
      const summary = recovery.summaryLine(r);
      out.push(
        '',
        'Scenario 8, recovery after a server restart (reconnecting-mysql):',
        recovery.textTable(t.head, t.rows),
        summary,
      );
      md.push(
        `\`bench/recovery.js\` on its own private server (${r.server}). A warm connection and a warm pool of ${r.poolSize}; each round the server is stopped (clean shutdown), ` +
          `one query is issued on the connection and ${r.poolSize} on the pool while it is down, and it is started again after the outage. ` +
          't_greet is the moment the restarted server first sends its greeting to a raw TCP probe (`net.connect` every ~2 ms while it starts); ' +
          "the times are from t_greet to the callback of the connection's query, of the last of the pool's queries, and of `SELECT 1` on a connection opened at t_greet (the floor). " +
          'p50 / p95 are nearest-rank over the rounds.',
        '',
      );
      md.push(mdTable(t.head, t.rows), '', summary, '');
    }
  }

  if (sections.s9) {
    const r = sections.s9;
    md.push('## Small statements, callback and promise APIs (scenario 9)', '');
    md.push(
      '`bench/statements.js` on its own private server: each client in a fresh process per round (rotating order), every workload through its callback API and its promise API ' +
        '(`mysql` has none), on the clients\' defaults; each workload checks its results. An operation of "issued at once" is the whole group, waited for together.',
      '',
    );
    md.push(...r.markdown, '');
    out.push('', 'Scenario 9, small statements:', ...r.markdown);
  }

  md.push('## Checks', '');
  md.push(
    'Every run is checked: row counts, and a checksum of the values of every column (sum of ids, lengths of strings, date parts, amounts in cents, NULL count, ...) ' +
      'computed by each client from its decoded rows and compared to the same checksum computed by the server in SQL (first and last query of a run, ' +
      'every connection in scenario 5, the whole result in scenario 3). INSERTs are checked on the server: row count and a CRC of every inserted row, equal for all clients.',
    '',
  );
  if (problems.length) {
    md.push(`**${problems.length} problem(s):**`, '', ...problems.map((p) => `- ${p}`), '');
    out.push('', `${problems.length} PROBLEM(S):`, ...problems.map((p) => `  - ${p}`));
  } else {
    md.push('No problem: every client returned the expected rows and values in every run.', '');
    out.push('', 'Checks: all runs returned the expected rows and values.');
  }
  fs.writeFileSync(RESULTS_MD, md.join('\n'));
  out.push('', `Wrote ${path.relative(process.cwd(), RESULTS_MD)} (${elapsed.toFixed(0)} s).`);
  console.log(out.join('\n'));
}

main().then(
  () => process.exit(problems.length ? 1 : 0),
  (err) => {
    console.error(err && err.stack ? err.stack : err);
    process.exit(2);
  },
);
