'use strict';
// One benchmark run of one JS client, in a process of its own (so RSS and CPU are the client's):
//
//   node bench/client.js <ours|ours-as-mysql2|mysql|mysql2|mariadb> <scenario> '<json params>'
//
// Prints one JSON object (the last line of stdout). bench/run.js starts it; the scenarios
// `recovery` and `memory` also talk to run.js over the IPC channel (it KILLs and restarts the
// server). bench/raw (Rust) does the same work for the raw mysql_async baseline.

const fs = require('node:fs');
const { serverCpuNs } = require('./server-cpu');
const path = require('node:path');

const ROWS_SQL = 'SELECT id, name, created, amount, body, maybe FROM bench_rows WHERE id <= 1000';
const bigSql = (p) =>
  `SELECT id, name, created, amount, body, maybe FROM bench_rows WHERE id <= ${p.big_rows || 100000}`;
const INSERT_SQL = 'INSERT INTO bench_ins (id, name, created, amount, body, maybe) VALUES (?, ?, ?, ?, ?, ?)';
const BULK_SQL = 'INSERT INTO bench_ins (id, name, created, amount, body, maybe) VALUES ?';

// ---------------------------------------------------------------------------------------------
// Clients

function createConnection(client, conn) {
  switch (client) {
    case 'ours':
      return require(path.join(__dirname, '..')).createConnection({ ...conn });
    case 'ours-as-mysql2':
      // Ours set up as mysql2 is by default, to compare like with like: `mysql` (and ours, by
      // default) capture each query's call site and talk utf8mb3 (the server converts every
      // text cell); mysql2 captures nothing and talks utf8mb4.
      return require(path.join(__dirname, '..')).createConnection({
        ...conn,
        trace: false,
        charset: 'UTF8MB4_UNICODE_CI',
      });
    case 'mysql':
      return require('mysql').createConnection({ ...conn });
    case 'mysql2':
      // decimalNumbers: DECIMAL as numbers, the shape `mysql` returns.
      return require('mysql2').createConnection({ ...conn, decimalNumbers: true });
    case 'mariadb':
      // The MariaDB connector (pure JS), callback API, on its defaults (pipelining on, no call-site
      // capture, utf8mb4) but for decimalAsNumber: DECIMAL as numbers, the shape `mysql` returns
      // (its default is a string), as mysql2's decimalNumbers above. Nothing the bench reads is a
      // BIGINT (`SELECT 1`, `SELECT ?` and CONNECTION_ID() come back as numbers; affectedRows is a
      // number), so bigIntAsNumber stays off; insertId (a BigInt here) is not read.
      return require('mariadb/callback').createConnection({ ...conn, decimalAsNumber: true });
    default:
      throw new Error(`unknown client ${client}`);
  }
}

/**
 * One multi-row INSERT of `rows` (arrays of 6 values). `mysql`, mysql2 and ours expand
 * `VALUES ?` with an array of arrays into `(..), (..)`; the mariadb connector writes an array
 * as a flat list (with `arrayParenthesis`, the outer one in parentheses as well: either way not
 * a VALUES list), so it gets the same statement spelled out, one `(?, ?, ?, ?, ?, ?)` per row, its
 * values flattened (built here, inside the timed part, as the others expand theirs). Its own
 * bulk API, batch(), is another protocol (COM_STMT_BULK_EXECUTE): not what this scenario measures.
 */
function bulkInsert(client, c, rows, cb) {
  if (client !== 'mariadb') return c.query(BULK_SQL, [rows], cb);
  const sql = `${BULK_SQL.slice(0, -1)}${rows.map(() => '(?, ?, ?, ?, ?, ?)').join(', ')}`;
  return c.query(sql, rows.flat(), cb);
}

const bulkQuery = (client, c, rows) =>
  new Promise((resolve, reject) => {
    bulkInsert(client, c, rows, (err, ok) => (err ? reject(err) : resolve(ok)));
  });

/** query(sql).stream() (`mysql`, mysql2, ours); the mariadb connector's is queryStream(sql). */
const stream = (client, c, sql) => (client === 'mariadb' ? c.queryStream(sql) : c.query(sql).stream());

const query = (c, sql, values) =>
  new Promise((resolve, reject) => {
    c.query(sql, values, (err, rows) => (err ? reject(err) : resolve(rows)));
  });

const end = (c) =>
  new Promise((resolve) => {
    const timer = setTimeout(() => resolve('end() did not call back within 5 s'), 5000);
    c.end((err) => {
      clearTimeout(timer);
      resolve(err ? `end(): ${err.code || err.message}` : null);
    });
  });

/** Runs step(i, next) for i in 0..n one after the other, callback style (no promise per query). */
function loop(n, step) {
  return new Promise((resolve, reject) => {
    let i = 0;
    const next = (err) => {
      if (err) return reject(err);
      if (i === n) return resolve();
      step(i++, next);
    };
    next();
  });
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// ---------------------------------------------------------------------------------------------
// Measurement: wall time, process CPU, JS-thread CPU (schedstat of the main thread), context switches.

const mainThreadStat = `/proc/self/task/${process.pid}/schedstat`;
function jsThreadNs() {
  try {
    return Number(fs.readFileSync(mainThreadStat, 'utf8').split(' ')[0]);
  } catch {
    return NaN;
  }
}

function usage() {
  const r = process.resourceUsage();
  return {
    user: r.userCPUTime,
    sys: r.systemCPUTime,
    ctxsw: r.voluntaryContextSwitches + r.involuntaryContextSwitches,
    thread: jsThreadNs(),
  };
}

function meter() {
  const s0 = serverCpuNs();
  const u0 = usage();
  const t0 = process.hrtime.bigint();
  return (ops) => {
    const wall = Number(process.hrtime.bigint() - t0) / 1e6;
    const u1 = usage();
    return {
      wall_ms: wall,
      ops,
      cpu_user_ms: (u1.user - u0.user) / 1000,
      cpu_sys_ms: (u1.sys - u0.sys) / 1000,
      thread_ms: (u1.thread - u0.thread) / 1e6,
      ctxsw: u1.ctxsw - u0.ctxsw,
      server_cpu_ms: (serverCpuNs() - s0) / 1e6,
    };
  };
}

/** Sums meter() readings over several timed stretches (the gc pauses between them not counted). */
function accumulator() {
  const total = {
    wall_ms: 0,
    ops: 0,
    cpu_user_ms: 0,
    cpu_sys_ms: 0,
    thread_ms: 0,
    ctxsw: 0,
    server_cpu_ms: 0,
  };
  return {
    total,
    add(reading) {
      for (const k of Object.keys(total)) total[k] += reading[k];
    },
  };
}

function memory() {
  const m = process.memoryUsage();
  return {
    rss_kb: Math.round(m.rss / 1024),
    heap_kb: Math.round(m.heapUsed / 1024),
    external_kb: Math.round(m.external / 1024),
    array_buffers_kb: Math.round(m.arrayBuffers / 1024),
  };
}

// ---------------------------------------------------------------------------------------------
// Checksum of bench_rows rows, the same as bench/raw computes from the raw text cells:
// [rows, sum id, sum name length, sum name last char code, sum y*10000+m*100+d,
//  sum h*3600+mi*60+s, sum amount in cents, sum body length, nulls in maybe, sum maybe]

function newChecksum() {
  return [0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
}

function addRow(s, r) {
  s[0] += 1;
  s[1] += r.id;
  s[2] += r.name.length;
  s[3] += r.name.charCodeAt(r.name.length - 1);
  const d = r.created;
  // Local parts: run.js runs the children with TZ=UTC, so no DST gap can move a value.
  s[4] += d.getFullYear() * 10000 + (d.getMonth() + 1) * 100 + d.getDate();
  s[5] += d.getHours() * 3600 + d.getMinutes() * 60 + d.getSeconds();
  s[6] += Math.round(r.amount * 100);
  s[7] += r.body.length;
  if (r.maybe === null) s[8] += 1;
  else s[9] += r.maybe;
  return s;
}

function checksum(rows) {
  const s = newChecksum();
  for (const r of rows) addRow(s, r);
  return s;
}

const sameChecksum = (a, b) => a.length === b.length && a.every((x, i) => x === b[i]);

// Rows for the INSERT scenarios; bench/raw generates the same ones.
const pad = (n) => (n < 10 ? '0' : '') + n;
function insertRow(i) {
  return [
    i,
    `ins-${i}`,
    `2021-${pad(1 + (i % 12))}-${pad(1 + (i % 28))} ${pad(i % 24)}:${pad(i % 60)}:${pad((i * 7) % 60)}`,
    ((i * 37) % 1000000) / 100,
    `body-${i}-${'x'.repeat(90)}`,
    i % 3 === 0 ? null : i * 13,
  ];
}

/** Rows 1..n for the INSERT scenarios. */
const insertRows = (n) => Array.from({ length: n }, (_, i) => insertRow(i + 1));

// ---------------------------------------------------------------------------------------------
// Scenarios

const scenarios = {
  async select1(c, p) {
    const n = p.n || 5000;
    for (let i = 0; i < 20; i++) await query(c, 'SELECT 1');
    let sum = 0;
    const stop = meter();
    await loop(n, (i, next) =>
      c.query('SELECT 1', (err, rows) => {
        if (!err) sum += rows[0]['1'];
        next(err);
      }),
    );
    const out = stop(n);
    return { ...out, rows: sum, checksum: [sum] };
  },

  async rows(c, p) {
    const n = p.n || 200;
    for (let i = 0; i < 5; i++) await query(c, ROWS_SQL);
    let rows = 0;
    let first = null;
    let last = null;
    const stop = meter();
    await loop(n, (i, next) =>
      c.query(ROWS_SQL, (err, r) => {
        if (!err) {
          rows += r.length;
          if (i === 0) first = r;
          else if (i === n - 1) last = r;
        }
        next(err);
      }),
    );
    const out = stop(n);
    const cs = checksum(first);
    return {
      ...out,
      rows,
      checksum: cs,
      checksum_consistent: last ? sameChecksum(cs, checksum(last)) : true,
    };
  },

  async big(c, p) {
    for (let i = 0; i < 3; i++) await query(c, ROWS_SQL);
    const stop = meter();
    const rows = await query(c, bigSql(p));
    const out = stop(1);
    out.rss_after_kb = memory().rss_kb;
    return { ...out, rows: rows.length, checksum: checksum(rows) };
  },

  async bigstream(c, p, client) {
    for (let i = 0; i < 3; i++) await query(c, ROWS_SQL);
    const s = newChecksum();
    const stop = meter();
    await new Promise((resolve, reject) => {
      const rows = stream(client, c, bigSql(p));
      rows.on('data', (row) => addRow(s, row));
      rows.on('error', reject);
      rows.on('end', resolve);
    });
    const out = stop(1);
    return { ...out, rows: s[0], checksum: s };
  },

  async insert(c, p) {
    const n = p.n || 10000;
    const values = insertRows(n);
    await query(c, 'SELECT 1');
    let affected = 0;
    const stop = meter();
    await loop(n, (i, next) =>
      c.query(INSERT_SQL, values[i], (err, ok) => {
        if (!err) affected += ok.affectedRows;
        next(err);
      }),
    );
    const out = stop(n);
    return { ...out, rows: affected };
  },

  async bulk(c, p, client) {
    const n = p.n || 10000;
    const values = insertRows(n);
    await query(c, 'SELECT 1');
    const stop = meter();
    const ok = await bulkQuery(client, c, values);
    const out = stop(1);
    return { ...out, rows: ok.affectedRows };
  },

  // The same statement in a warm process, as a long-running site sends it: `warmup` untimed
  // runs (JIT, the escaping code, the connection's buffers), then `reps` timed ones, the table
  // emptied before each (untimed). The cold shot above is the first statement of a process.
  async bulkwarm(c, p, client) {
    const n = p.n || 10000;
    const warmup = p.warmup === undefined ? 2 : p.warmup;
    const reps = p.reps || 5;
    const values = insertRows(n);
    const timed = accumulator();
    let affected = 0;
    for (let r = 0; r < warmup + reps; r++) {
      await query(c, 'TRUNCATE TABLE bench_ins');
      const stop = r < warmup ? null : meter();
      const ok = await bulkQuery(client, c, values);
      if (stop) timed.add(stop(1));
      affected = ok.affectedRows;
    }
    return { ...timed.total, rows: affected };
  },

  async parallel(c, p, client) {
    const k = p.connections || 8;
    const n = p.n || 50;
    const conns = [c];
    for (let i = 1; i < k; i++) {
      const extra = createConnection(client, p.conn);
      extra.on('error', (err) => console.error(`connection error: ${err.code || err.message}`));
      conns.push(extra);
    }
    await Promise.all(
      conns.map(async (cn) => {
        for (let i = 0; i < 3; i++) await query(cn, ROWS_SQL);
      }),
    );
    const stop = meter();
    const results = await Promise.all(
      conns.map(async (cn) => {
        let rows = 0;
        let first = null;
        await loop(n, (i, next) =>
          cn.query(ROWS_SQL, (err, r) => {
            if (!err) {
              rows += r.length;
              if (i === 0) first = r;
            }
            next(err);
          }),
        );
        return { rows, checksum: checksum(first) };
      }),
    );
    const out = stop(n * k);
    const errors = (await Promise.all(conns.slice(1).map(end))).filter(Boolean);
    const cs = results[0].checksum;
    return {
      ...out,
      rows: results.reduce((a, r) => a + r.rows, 0),
      checksum: cs,
      checksum_consistent: results.every((r) => sameChecksum(r.checksum, cs)),
      end_errors: errors,
    };
  },
};

// ---------------------------------------------------------------------------------------------
// IPC scenarios (run.js drives them): recovery (ours, mysql) and memory (ours; mysql2 and mariadb
// as references, without the KILL loop).

let nextReqId = 1;
const waiting = new Map();
const handlers = {};
let setHandlersReady;
const handlersReady = new Promise((resolve) => (setHandlersReady = resolve));
if (process.send) {
  process.on('message', (m) => {
    if (m && m.reply !== undefined && waiting.has(m.reply)) {
      const resolve = waiting.get(m.reply);
      waiting.delete(m.reply);
      resolve(m);
    } else if (m && m.cmd) {
      const after = () => {
        if (m.cmd === 'quit') process.exit(0);
      };
      // Commands may arrive before the scenario has set its handlers up: wait for it.
      handlersReady
        .then(() => {
          if (!handlers[m.cmd]) throw new Error(`unknown command ${m.cmd}`);
          return handlers[m.cmd](m);
        })
        .then(
          (res) => process.send({ reply: m.id, ...res }, after),
          (err) => process.send({ reply: m.id, error: String(err && err.stack) }, after),
        );
    }
  });
}

/** Asks run.js to do something (e.g. KILL a thread) and waits for its answer. */
function ask(msg) {
  return new Promise((resolve) => {
    const id = nextReqId++;
    waiting.set(id, resolve);
    process.send({ ...msg, id });
  });
}

const now = () => performance.timeOrigin + performance.now();
const ID_SQL = 'SELECT CONNECTION_ID() AS id';

/** One timed query; never throws. */
async function probe(c) {
  const t0 = process.hrtime.bigint();
  try {
    const rows = await query(c, ID_SQL);
    return { ok: true, ms: Number(process.hrtime.bigint() - t0) / 1e6, threadId: Number(rows[0].id) };
  } catch (err) {
    return {
      ok: false,
      ms: Number(process.hrtime.bigint() - t0) / 1e6,
      code: (err.code || err.message) + (err.outcome ? ` (outcome ${err.outcome})` : ''),
    };
  }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length
    ? s.length % 2
      ? s[(s.length - 1) / 2]
      : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
    : NaN;
};

async function recovery(client, p) {
  let c = null;
  const events = [];
  const fresh = async () => {
    if (c) c.destroy();
    c = createConnection(client, p.conn);
    c.on('error', (err) => events.push({ event: 'error', code: err.code, t: now() }));
    if (client === 'ours') {
      c.on('reconnect', (e) =>
        events.push({ event: 'reconnect', attempts: e.attempts, downtime: e.downtime, t: now() }),
      );
      c.on('disconnect', () => events.push({ event: 'disconnect', t: now() }));
    }
    await query(c, 'SELECT 1');
  };
  await fresh();
  handlers.baseline = async (m) => {
    for (let i = 0; i < 50; i++) await probe(c);
    const ms = [];
    let last = null;
    for (let i = 0; i < (m.n || 200); i++) {
      last = await probe(c);
      ms.push(last.ms);
    }
    return { median_ms: median(ms), min_ms: Math.min(...ms), threadId: last.threadId };
  };
  handlers.probe = async () => probe(c);
  handlers.fresh = async () => {
    await fresh();
    return probe(c);
  };
  // During a server restart: query until a query succeeds on a new connection.
  handlers.outage = async (m) => {
    const t0 = now();
    const deadline = t0 + (m.timeoutMs || 30000);
    const errors = {};
    let attempts = 0;
    let stopped = false;
    handlers.stopOutage = async () => {
      stopped = true;
      return {};
    };
    for (;;) {
      attempts++;
      const r = await probe(c);
      if (r.ok && r.threadId !== m.oldThreadId)
        return { ok: true, t_success: now(), attempts, errors, threadId: r.threadId, last_query_ms: r.ms };
      if (!r.ok) errors[r.code] = (errors[r.code] || 0) + 1;
      if (stopped || now() > deadline) return { ok: false, attempts, errors };
      await sleep(r.ok ? 2 : 10);
    }
  };
  handlers.quit = async () => {
    const endError = await end(c);
    return { events, end_error: endError };
  };
  setHandlersReady();
  return new Promise(() => {}); // run.js ends it with 'quit', then exits the process
}

async function memoryScenario(client, p) {
  if (typeof global.gc !== 'function') throw new Error('run with --expose-gc');
  setHandlersReady();
  const c = createConnection(client, p.conn);
  let reconnects = 0;
  let errors = 0;
  c.on('error', () => errors++);
  c.on('reconnect', () => reconnects++);
  const settle = async () => {
    for (let i = 0; i < 3; i++) {
      global.gc();
      await sleep(20);
    }
    return memory();
  };
  for (let i = 0; i < 2000; i++) await query(c, 'SELECT ? AS v', [i]);
  const samples = [{ phase: 'start', done: 0, ...(await settle()) }];
  const n = p.queries ?? 20000;
  const step = Math.max(1, Math.floor(n / 10));
  let bad = 0;
  const accQ = accumulator();
  for (let done = 0; done < n;) {
    const chunk = Math.min(step, n - done);
    const stopQ = meter();
    await loop(chunk, (i, next) =>
      c.query('SELECT ? AS v', [done + i], (err, rows) => {
        if (!err && rows[0].v !== done + i) bad++;
        next(err);
      }),
    );
    accQ.add(stopQ(chunk));
    done += chunk;
    samples.push({ phase: 'queries', done, ...(await settle()) });
  }
  const queriesTime = accQ.total;
  const m = p.reconnects ?? 50;
  const rstep = Math.max(1, Math.floor(m / 10));
  let threadId = Number((await query(c, ID_SQL))[0].id);
  let sameThread = 0;
  const failedAfterKill = {};
  const accR = accumulator();
  for (let done = 0; done < m;) {
    const chunk = Math.min(rstep, m - done);
    const stopR = meter();
    for (let i = 0; i < chunk; i++) {
      await ask({ type: 'kill', threadId });
      let id;
      for (let attempt = 0; ; attempt++) {
        try {
          id = Number((await query(c, ID_SQL))[0].id);
          break;
        } catch (err) {
          failedAfterKill[err.code || err.message] = (failedAfterKill[err.code || err.message] || 0) + 1;
          if (attempt >= 10) throw err;
        }
      }
      if (id === threadId) sameThread++;
      threadId = id;
    }
    accR.add(stopR(chunk));
    done += chunk;
    samples.push({ phase: 'reconnects', done, ...(await settle()) });
  }
  const reconnectTime = accR.total;
  const endError = await end(c);
  return {
    ok: true,
    samples,
    queries: queriesTime,
    reconnect_loop: reconnectTime,
    reconnects,
    wrong_values: bad,
    same_thread_after_kill: sameThread,
    failed_queries_after_kill: failedAfterKill,
    error_events: errors,
    end_error: endError,
  };
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const [client, scenario, json] = process.argv.slice(2);
  const p = JSON.parse(json || '{}');
  if (scenario === 'recovery') return recovery(client, p);
  if (scenario === 'memory') return memoryScenario(client, p);
  const fn = scenarios[scenario];
  if (!fn) throw new Error(`unknown scenario ${scenario}`);
  const rssStart = memory().rss_kb;
  const c = createConnection(client, p.conn);
  let connError = null;
  c.on('error', (err) => {
    connError = err.code || err.message;
  });
  const out = await fn(c, p, client);
  out.end_error = await end(c);
  if (connError) out.connection_error = connError;
  out.ok = true;
  out.rss_start_kb = rssStart;
  out.rss_end_kb = memory().rss_kb;
  out.maxrss_kb = process.resourceUsage().maxRSS;
  return out;
}

main().then(
  (out) => {
    process.stdout.write(JSON.stringify(out) + '\n', () => process.exit(0));
  },
  (err) => {
    process.stdout.write(
      JSON.stringify({
        ok: false,
        error: String(err && (err.code ? `${err.code}: ${err.message}` : err.stack || err)),
      }) + '\n',
      () => process.exit(1),
    );
  },
);
