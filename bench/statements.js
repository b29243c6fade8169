'use strict';
// Small statements, the work the peers' own suites time: each through the callback and the
// promise API, for this package, `mysql`, mysql2 and the MariaDB connector, on their defaults.
// Every client runs in a fresh process per round (rounds interleave the clients in a rotating
// order); the table gives median wall time per operation and ratios against the best peer.
//
//   node bench/statements.js [--rounds=5] [--quick] [--json]   (bench/run.js runs it as scenario 9)
//
// `mysql` has no promise API: its promise line wraps each call in a Promise, as its users do.

const { serverCpuNs } = require('./server-cpu');
const path = require('node:path');
const { spawn } = require('node:child_process');

const CLIENTS = ['ours', 'ours-pipelining', 'mysql', 'mysql2', 'mariadb'];
const PEERS = ['mysql2', 'mariadb'];
const LABEL = {
  ours: 'reconnecting-mysql',
  'ours-pipelining': 'reconnecting-mysql, pipelining',
  mysql: 'mysql 2.18.1',
  mysql2: 'mysql2',
  mariadb: 'mariadb',
};
const QUICK = process.argv.includes('--quick');
const SCALE = QUICK ? 0.2 : 1;

const INT100_COLUMNS = Array.from({ length: 100 }, (_, i) => `i${i + 1}`);
const DATE_COLUMNS = Array.from({ length: 10 }, (_, i) => `d${i + 1}`);
const DATE_INSERT = `INSERT INTO bench_dates (${DATE_COLUMNS.join(', ')}) VALUES (${DATE_COLUMNS.map(() => '?').join(', ')})`;
const SMALL_INSERT = 'INSERT INTO bench_small (k, v) VALUES (?, ?)';
const THOUSAND = Array.from({ length: 1000 }, (_, i) => i + 1);
let freshName = 1000000;
const DATES = Array.from({ length: 10 }, (_, i) => new Date(Date.UTC(2026, 0, 1 + i, 10, 20, 30)));

/**
 * Each workload: `n` operations one after the other (an operation may issue several statements
 * at once), `setup` SQL run untimed first, `op(q, i)` one operation with `q(sql, values)` a
 * promise of the rows, and `check(results)` of every operation's result: a string if wrong.
 */
const WORKLOADS = [
  {
    key: 'do1',
    title: 'DO 1',
    n: 3000,
    op: (q) => q('DO 1'),
    check: (rs) => (rs.every((r) => r && r.affectedRows === 0) ? null : 'DO 1 did not answer OK'),
  },
  {
    key: 'now',
    title: 'SELECT NOW()',
    n: 3000,
    op: (q) => q('SELECT NOW() AS t'),
    check: (rs) => (rs.every((r) => r[0].t instanceof Date) ? null : 'NOW() not a Date'),
  },
  {
    key: 'random-name',
    title: '1-row SELECT, a new column name each query',
    n: 3000,
    // A name never used before in this process, the promise phase and the warm-up included.
    op: (q) => {
      const value = freshName++;
      return q(`SELECT ${value}`).then((rows) => Number(rows[0][String(value)]) === value);
    },
    check: (rs) => (rs.every(Boolean) ? null : 'wrong value under the name'),
  },
  {
    key: 'int100',
    title: '1 row of 100 INT columns',
    n: 1500,
    op: (q) => q('SELECT * FROM bench_int100'),
    check: (rs) =>
      rs.every((r) => INT100_COLUMNS.reduce((a, c) => a + r[0][c], 0) === 5050)
        ? null
        : 'INT columns do not add up',
  },
  {
    key: 'dates',
    title: 'INSERT of 10 DATETIME parameters',
    n: 1500,
    setup: ['TRUNCATE TABLE bench_dates'],
    op: (q) => q(DATE_INSERT, DATES),
    check: (rs) => (rs.every((r) => r.affectedRows === 1) ? null : 'not one row each'),
  },
  {
    key: 'do1000',
    title: 'DO ? with 1,000 parameters',
    n: 600,
    op: (q) => q('DO ?', [THOUSAND]),
    check: (rs) => (rs.every((r) => r.affectedRows === 0) ? null : 'DO ? did not answer OK'),
  },
  {
    key: 'insert3',
    title: '3 INSERTs issued at once',
    n: 600,
    setup: ['TRUNCATE TABLE bench_small'],
    op: (q, i) => Promise.all([0, 1, 2].map((j) => q(SMALL_INSERT, [i * 3 + j, 'x'.repeat(100)]))),
    check: (rs) => (rs.every((r) => r.every((ok) => ok.affectedRows === 1)) ? null : 'not 3 rows each'),
  },
  {
    key: 'insert100',
    title: '100 single-row INSERTs issued at once',
    n: 30,
    setup: ['TRUNCATE TABLE bench_small'],
    op: (q, i) =>
      Promise.all(Array.from({ length: 100 }, (_, j) => q(SMALL_INSERT, [i * 100 + j, 'x'.repeat(100)]))),
    check: (rs) =>
      rs.every((r) => r.length === 100 && r.every((ok) => ok.affectedRows === 1)) ? null : 'lost rows',
  },
];

/** The pool workload: `connections` connections, `callers` callers each running `each` SELECTs. */
const POOL = {
  key: 'pool',
  title: 'pool of 16, 64 concurrent callers x SELECT 1',
  connections: 16,
  callers: 64,
  each: 50,
};

// ---------------------------------------------------------------------------------------------
// Child: one client, every workload through both APIs.

function apis(client, conn) {
  const root = path.join(__dirname, '..');
  const wrap = (c) => (sql, values) =>
    new Promise((resolve, reject) =>
      c.query(sql, values, (err, rows) => (err ? reject(err) : resolve(rows))),
    );
  switch (client) {
    case 'ours':
    case 'ours-pipelining': {
      // The same, with the option that writes queued queries ahead (off by default).
      conn = { ...conn, pipelining: client === 'ours-pipelining' };
      const cb = require(root).createConnection(conn);
      return {
        callback: { q: wrap(cb), close: () => new Promise((r) => cb.end(r)) },
        promise: async () => {
          const c = await require(path.join(root, 'promise')).createConnection(conn);
          return { q: async (sql, values) => (await c.query(sql, values))[0], close: () => c.end() };
        },
        pools: {
          callback: (o) => require(root).createPool({ ...conn, ...o }),
          promise: (o) => require(path.join(root, 'promise')).createPool({ ...conn, ...o }),
        },
      };
    }
    case 'mysql': {
      const mysql = require('mysql');
      const cb = mysql.createConnection(conn);
      return {
        callback: { q: wrap(cb), close: () => new Promise((r) => cb.end(r)) },
        promise: null,
        pools: { callback: (o) => mysql.createPool({ ...conn, ...o }), promise: null },
      };
    }
    case 'mysql2': {
      const cb = require('mysql2').createConnection(conn);
      return {
        callback: { q: wrap(cb), close: () => new Promise((r) => cb.end(r)) },
        promise: async () => {
          const c = await require('mysql2/promise').createConnection(conn);
          return { q: async (sql, values) => (await c.query(sql, values))[0], close: () => c.end() };
        },
        pools: {
          callback: (o) => require('mysql2').createPool({ ...conn, ...o }),
          promise: (o) => require('mysql2/promise').createPool({ ...conn, ...o }),
        },
      };
    }
    case 'mariadb': {
      const cb = require('mariadb/callback').createConnection(conn);
      return {
        callback: { q: wrap(cb), close: () => new Promise((r) => cb.end(r)) },
        promise: async () => {
          const c = await require('mariadb').createConnection(conn);
          return { q: (sql, values) => c.query(sql, values), close: () => c.end() };
        },
        pools: {
          callback: (o) => require('mariadb/callback').createPool({ ...conn, ...o }),
          promise: (o) => require('mariadb').createPool({ ...conn, ...o }),
        },
      };
    }
    default:
      throw new Error(`unknown client ${client}`);
  }
}

/** Wall, process CPU and the server's CPU of `fn()`, in ms. */
async function timed(fn) {
  const server0 = serverCpuNs();
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const value = await fn();
  const wall_ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const cpu = process.cpuUsage(cpu0);
  const server_ms = (serverCpuNs() - server0) / 1e6;
  return { value, wall_ms, cpu_ms: (cpu.user + cpu.system) / 1000, server_ms };
}

async function runWorkload(w, q) {
  const n = Math.max(2, Math.round(w.n * SCALE));
  for (const sql of w.setup || []) await q(sql);
  for (let i = 0; i < Math.max(10, n / 10); i++) await w.op(q, n + i); // warm-up, untimed
  for (const sql of w.setup || []) await q(sql);
  const { value, wall_ms, cpu_ms, server_ms } = await timed(async () => {
    const results = [];
    for (let i = 0; i < n; i++) results.push(await w.op(q, i));
    return results;
  });
  const problem = w.check(value);
  if (problem) throw new Error(`${w.key}: ${problem}`);
  return { wall_ms, cpu_ms, server_ms, ops: n };
}

/** A pool query as a promise of its rows, through the callback or the promise API. */
function poolQuery(pool, api) {
  if (api === 'promise') return (sql) => pool.query(sql).then((r) => (Array.isArray(r[0]) ? r[0] : r));
  return (sql) =>
    new Promise((resolve, reject) => pool.query(sql, (err, rows) => (err ? reject(err) : resolve(rows))));
}

async function runPool(make, api) {
  const pool = make({ connectionLimit: POOL.connections });
  const q = poolQuery(pool, api);
  const each = Math.max(2, Math.round(POOL.each * SCALE));
  const callers = (k) =>
    Promise.all(
      Array.from({ length: POOL.callers }, async () => {
        let sum = 0;
        for (let i = 0; i < k; i++) sum += Number((await q('SELECT 1 AS one'))[0].one);
        return sum;
      }),
    );
  await callers(3); // opens the connections, warms up
  const { value, wall_ms, cpu_ms, server_ms } = await timed(() => callers(each));
  if (value.some((s) => s !== each)) throw new Error('pool: a caller lost a result');
  await (api === 'promise' ? pool.end() : new Promise((r) => pool.end(r)));
  return { wall_ms, cpu_ms, server_ms, ops: POOL.callers * each };
}

async function child(client, conn, promiseFirst) {
  const a = apis(client, conn);
  const out = {};
  // The phases alternate between rounds: the second runs in a process warmed by the first.
  for (const api of promiseFirst ? ['promise', 'callback'] : ['callback', 'promise']) {
    const connection = api === 'callback' ? a.callback : a.promise && (await a.promise());
    if (!connection) continue;
    for (const w of WORKLOADS) (out[w.key] ??= {})[api] = await runWorkload(w, connection.q);
    await connection.close();
    if (a.pools[api]) (out[POOL.key] ??= {})[api] = await runPool(a.pools[api], api);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Parent: the server, the rounds, the table.

function runChild(client, conn, promiseFirst, serverPid) {
  return new Promise((resolve, reject) => {
    const args = [
      __filename,
      '--child',
      client,
      JSON.stringify(conn),
      promiseFirst ? 'promise-first' : 'callback-first',
    ];
    if (QUICK) args.push('--quick');
    const proc = spawn(process.execPath, args, {
      env: { ...process.env, TZ: 'UTC', BENCH_SERVER_PID: String(serverPid || '') },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    proc.stdout.on('data', (d) => (out += d));
    proc.on('exit', (code) => {
      const last = out.trim().split('\n').pop();
      if (code !== 0) return reject(new Error(`${client} exited ${code}: ${last}`));
      resolve(JSON.parse(last));
    });
  });
}

const median = (xs) => {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  if (!s.length) return NaN;
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const fmtUs = (ms) => (Number.isFinite(ms) ? `${(ms * 1000).toFixed(1)} us` : 'n/a');
const fmtX = (x) => (Number.isFinite(x) ? `${x.toFixed(2)}x` : 'n/a');

async function parent() {
  const { startServer } = require('../__test__/support/mariadb');
  const roundsArg = process.argv.find((a) => a.startsWith('--rounds='));
  const rounds = roundsArg ? Number(roundsArg.slice(9)) : QUICK ? 2 : 5;
  if (!Number.isInteger(rounds) || rounds < 1) throw new Error('--rounds wants a positive integer');
  const server = await startServer({
    // As bench/run.js: no fsync per commit, a buffer pool that needs no flushing while it runs.
    args: ['--innodb-buffer-pool-size=256M', '--innodb-flush-log-at-trx-commit=2', '--max-connections=200'],
  });
  try {
    await server.admin(
      `CREATE TABLE test.bench_int100 (${INT100_COLUMNS.map((c) => `${c} INT`).join(', ')})`,
    );
    await server.admin(
      `INSERT INTO test.bench_int100 VALUES (${INT100_COLUMNS.map((_, i) => i + 1).join(', ')})`,
    );
    await server.admin(
      `CREATE TABLE test.bench_dates (id INT AUTO_INCREMENT PRIMARY KEY, ${DATE_COLUMNS.map((c) => `${c} DATETIME`).join(', ')})`,
    );
    await server.admin('CREATE TABLE test.bench_small (k INT PRIMARY KEY, v VARCHAR(128))');
    const conn = server.config();
    const runs = Object.fromEntries(CLIENTS.map((c) => [c, []]));
    for (let round = 0; round < rounds; round++) {
      for (let k = 0; k < CLIENTS.length; k++) {
        const client = CLIENTS[(k + round) % CLIENTS.length];
        process.stderr.write(`round ${round + 1}/${rounds} ${LABEL[client]}\n`);
        runs[client].push(await runChild(client, conn, round % 2 === 1, server.pid));
      }
    }
    const { markdown, geo } = report(runs, rounds);
    if (process.argv.includes('--json')) console.log(JSON.stringify({ markdown, geo, rounds }));
    else console.log(markdown.join('\n'));
  } finally {
    await server.stop();
  }
}

/** The table (markdown lines) and the geometric mean of ours against the best peer. */
function report(runs, rounds) {
  const per = (client, key, api, f) =>
    median(runs[client].map((r) => r[key] && r[key][api] && f(r[key][api])));
  const head = [
    'workload',
    'API',
    ...CLIENTS.map((c) => LABEL[c]),
    'ours CPU',
    'server CPU, ours / best peer',
    'x best peer',
    'x best peer, pipelining',
    'x mysql',
  ];
  const rows = [];
  const ratios = [];
  for (const w of [...WORKLOADS, POOL]) {
    for (const api of ['callback', 'promise']) {
      const wall = Object.fromEntries(CLIENTS.map((c) => [c, per(c, w.key, api, (m) => m.wall_ms / m.ops)]));
      const ranPeers = PEERS.filter((p) => Number.isFinite(wall[p]));
      const best = ranPeers.length ? ranPeers.reduce((a, b) => (wall[b] < wall[a] ? b : a)) : null;
      const xBest = best ? wall[best] / wall.ours : NaN;
      if (Number.isFinite(xBest)) ratios.push(xBest);
      const serverUs = (c) => fmtUs(per(c, w.key, api, (m) => m.server_ms / m.ops)).replace(' us', '');
      rows.push([
        w.title,
        api,
        ...CLIENTS.map((c) => fmtUs(wall[c])),
        fmtUs(per('ours', w.key, api, (m) => m.cpu_ms / m.ops)),
        best ? `${serverUs('ours')} / ${serverUs(best)}` : 'n/a',
        best ? `${fmtX(xBest)} (${best})` : 'n/a',
        best ? fmtX(wall[best] / wall['ours-pipelining']) : 'n/a',
        fmtX(wall.mysql / wall.ours),
      ]);
    }
  }
  const geo = Math.exp(ratios.reduce((a, x) => a + Math.log(x), 0) / ratios.length);
  const markdown = [
    `Median wall time per operation over ${rounds} rounds (> 1x: ours is faster); "ours CPU" is our process's CPU per operation, "server CPU" the server's (all its threads, us) per operation with ours and with the best peer.`,
    '',
    `| ${head.join(' | ')} |`,
    `|${head.map((_, i) => (i < 2 ? '---' : '---:')).join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
    '',
    `Geometric mean of x best peer: ${fmtX(geo)} over ${ratios.length} lines.`,
  ];
  return { markdown, geo };
}

if (process.argv[2] === '--child') {
  child(process.argv[3], JSON.parse(process.argv[4]), process.argv[5] === 'promise-first').then(
    (out) => process.stdout.write(JSON.stringify(out) + '\n', () => process.exit(0)),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
} else {
  parent().catch((err) => {
    console.error(err);
    process.exitCode = 1;
  });
}
