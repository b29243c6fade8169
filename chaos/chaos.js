'use strict';
// The chaos run: several connections, each through its own fault proxy to one private MariaDB,
// run a mixed workload while an injector KILLs connections, restarts (or crashes) the server, lets
// connections idle past wait_timeout, blackholes links, resets a link in the middle of a large
// result and corrupts bytes. Every call is recorded in the ledger, which is then checked against
// the tables (read through a fresh connection that bypasses the proxies). Used by `npm run chaos`
// (chaos/run.js) and by __test__/chaos.test.js.

const mysql = require('..');
const { startServer } = require('../__test__/support/mariadb');
const { startProxy } = require('../__test__/support/fault-proxy');
const { Ledger, statusOf } = require('./ledger');

const FAULT_KINDS = ['kill', 'restart', 'crash', 'idle', 'blackhole', 'reset', 'corrupt'];
const WAIT_TIMEOUT_S = 2;
const BIG_ROWS = 6000;
const QUERY_TIMEOUT_MS = 4000;
const QUEUE_TIMEOUT_MS = 20000;
// A call's callback must come within this: queue timeout + query timeout + margin.
const HANG_MS = QUEUE_TIMEOUT_MS + QUERY_TIMEOUT_MS + 10000;
// No fault starts in the last part of the run, so work after the last fault is seen to succeed.
const QUIET_TAIL_MS = 2500;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** `promise`'s value, or `fallback` after `ms` (the timer does not outlive the promise). */
function within(promise, ms, fallback) {
  let timer;
  const expiry = new Promise((resolve) => (timer = setTimeout(resolve, ms, fallback)));
  return Promise.race([promise, expiry]).finally(() => clearTimeout(timer));
}

/** mulberry32: a small seeded generator, so a seed gives the same fault schedule. */
function random(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  next.int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1));
  next.pick = (items) => items[Math.floor(next() * items.length)];
  next.shuffle = (items) => {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  };
  return next;
}

/** Ways to corrupt a server->client chunk; each should be detectable by a careful client. */
const CORRUPTIONS = {
  // A wrong sequence id in the first packet header.
  sequence: (buf, rng) => {
    const out = Buffer.from(buf);
    if (out.length > 3) out[3] = (out[3] + 1 + rng.int(0, 200)) & 0xff;
    return out;
  },
  // The whole chunk replaced by random bytes.
  garbage: (buf, rng) => Buffer.from(Array.from({ length: buf.length }, () => rng.int(0, 255))),
  // Half the chunk lost: the framing of everything after it is off.
  truncate: (buf) => buf.subarray(0, Math.floor(buf.length / 2)),
  // One bit of the first packet header (length or sequence id) flipped.
  header: (buf, rng) => {
    const out = Buffer.from(buf);
    const at = rng.int(0, Math.min(3, out.length - 1));
    out[at] ^= 1 << rng.int(0, 7);
    return out;
  },
};

async function setUpTables(server, connections) {
  await server.admin(
    'CREATE TABLE test.chaos_rows (id BIGINT AUTO_INCREMENT PRIMARY KEY, op_id VARCHAR(40) NOT NULL, ' +
      'part CHAR(1) NOT NULL, KEY (op_id)) ENGINE=InnoDB;' +
      // Row 1 lets a "bad insert" collide on the primary key.
      "INSERT INTO test.chaos_rows (id, op_id, part) VALUES (1, 'seed', '-');" +
      'CREATE TABLE test.chaos_counter (id INT PRIMARY KEY, n BIGINT NOT NULL) ENGINE=InnoDB;' +
      'CREATE TABLE test.chaos_big (id INT PRIMARY KEY, pad VARCHAR(64) NOT NULL) ENGINE=InnoDB;',
  );
  const counters = Array.from({ length: connections }, (_, i) => `(${i}, 0)`).join(',');
  await server.admin(`INSERT INTO test.chaos_counter VALUES ${counters}`);
  await server.admin(
    'INSERT INTO test.chaos_big (id, pad) ' +
      `SELECT seq, REPEAT(CHAR(65 + seq % 26), 60) FROM test.seq_1_to_${BIG_ROWS}`,
  );
}

class Worker {
  constructor(index, ctx, proxy) {
    this.index = index;
    this.ctx = ctx;
    this.proxy = proxy;
    this.rng = random(ctx.seed * 7919 + index + 1);
    this.seq = 0;
    this.idleRequest = null; // { ms, done }
    this.armed = null; // { kind: 'reset' | 'corrupt', fire }
    this.conn = mysql.createConnection({
      ...ctx.server.config(),
      host: proxy.host,
      port: proxy.port,
      connectTimeout: 2000,
      queueTimeout: QUEUE_TIMEOUT_MS,
      pingAfterIdle: 1000,
      pingTimeout: 1500,
      // A worker may start while a fault is on: it waits for the server like a site that must.
      reconnect: { initial: true, maxDelay: 1000 },
      pipelining: ctx.pipelining,
    });
    const ledger = ctx.ledger;
    this.gaveUp = false;
    this.conn.on('error', (err) => {
      // A give-up breaks the contract; the worker stops so the counts stay about live connections.
      this.gaveUp = true;
      ledger.violation('no give-up', `connection ${index}: ${err.code} ${err.message}`);
    });
    this.conn.on('disconnect', () => ledger.events.disconnect++);
    this.conn.on('reconnect', () => ledger.events.reconnect++);
  }

  /** One query through the ledger: resolves with { err, results }. */
  query(label, options) {
    return this.ctx.ledger.call(label, HANG_MS, (cb) => {
      this.conn.query({ timeout: QUERY_TIMEOUT_MS, ...options }, cb);
    });
  }

  /** One of beginTransaction / commit / rollback through the ledger. */
  statement(label, method) {
    return this.ctx.ledger.call(label, HANG_MS, (cb) => this.conn[method]({ timeout: QUERY_TIMEOUT_MS }, cb));
  }

  async loop() {
    const ops = [
      [30, 'insert'],
      [5, 'badInsert'],
      [20, 'update'],
      [15, 'select'],
      [10, 'selectBig'],
      [15, 'transaction'],
      [10, 'pipelinedTransaction'],
      [5, 'slowInsert'],
    ];
    const total = ops.reduce((sum, [weight]) => sum + weight, 0);
    while (!this.ctx.stopping && !this.gaveUp) {
      // A call refused at once (a connection that gave up) answers on nextTick: without this the
      // loop would starve timers, the injector and the end of the run.
      await new Promise(setImmediate);
      if (this.idleRequest) {
        const { ms, done } = this.idleRequest;
        this.idleRequest = null;
        await sleep(ms);
        done();
        continue;
      }
      const armed = this.armed;
      this.armed = null;
      if (armed) {
        if (armed.kind === 'reset') {
          // The reset must hit a large result while it streams.
          armed.fire(this.proxy.resetAfterBytes(armed.bytes));
          armed.effect('selectBig', await this.selectBig());
          continue;
        }
        const fn = CORRUPTIONS[armed.how];
        const rng = this.rng;
        armed.fire(this.proxy.corruptNext((buf) => fn(buf, rng)));
      }
      let roll = this.rng() * total;
      for (const [weight, op] of ops) {
        roll -= weight;
        if (roll < 0) {
          const err = await this[op]();
          if (armed) armed.effect(op, err);
          break;
        }
      }
    }
  }

  nextId(prefix) {
    return `${prefix}${this.index}-${++this.seq}`;
  }

  async insert() {
    const opId = this.nextId('i');
    this.ctx.ledger.insertIssued(opId);
    const { err } = await this.query('insert', {
      sql: "INSERT INTO chaos_rows (op_id, part) VALUES (?, '-')",
      values: [opId],
    });
    this.ctx.ledger.insertAnswered(opId, err);
    return err;
  }

  /** An INSERT that runs for a while, so that KILLs and restarts hit a statement mid-flight. */
  async slowInsert() {
    const opId = this.nextId('s');
    this.ctx.ledger.insertIssued(opId);
    const { err } = await this.query('insert (slow)', {
      sql: "INSERT INTO chaos_rows (op_id, part) SELECT ?, '-' FROM DUAL WHERE SLEEP(0.2) = 0",
      values: [opId],
    });
    this.ctx.ledger.insertAnswered(opId, err);
    return err;
  }

  /** An INSERT the server must reject as a whole: its second row collides on the primary key. */
  async badInsert() {
    const opId = this.nextId('r');
    this.ctx.ledger.insertIssued(opId);
    const { err } = await this.query('insert (rejected)', {
      sql: "INSERT INTO chaos_rows (id, op_id, part) VALUES (NULL, ?, '-'), (1, ?, '-')",
      values: [opId, opId],
    });
    if (!err) this.ctx.ledger.violation('rejected insert', `${opId} succeeded`);
    this.ctx.ledger.insertAnswered(opId, err);
    return err;
  }

  async update() {
    const { err } = await this.query('update counter', {
      sql: 'UPDATE chaos_counter SET n = n + 1 WHERE id = ?',
      values: [this.index],
    });
    this.ctx.ledger.counterAnswered(this.index, err);
    return err;
  }

  async select() {
    const idempotent = this.rng() < 0.5;
    const { err, results } = await this.query(idempotent ? 'select (idempotent)' : 'select', {
      sql: 'SELECT n FROM chaos_counter WHERE id = ?',
      values: [this.index],
      idempotent,
    });
    if (!err && !(Array.isArray(results) && results.length === 1)) {
      this.ctx.ledger.violation('select result', `counter ${this.index}: ${JSON.stringify(results)}`);
    }
    return err;
  }

  async selectBig() {
    const idempotent = this.rng() < 0.5;
    const { err, results } = await this.query(idempotent ? 'select big (idempotent)' : 'select big', {
      sql: 'SELECT id, pad FROM chaos_big ORDER BY id',
      idempotent,
    });
    if (!err && !(Array.isArray(results) && results.length === BIG_ROWS)) {
      this.ctx.ledger.violation(
        'select big result',
        `${results && results.length} rows instead of ${BIG_ROWS}`,
      );
    }
    return err;
  }

  /** BEGIN; INSERT a; INSERT b; COMMIT. On any failure: rollback(), as the contract asks. Returns
   * the first error. */
  async transaction() {
    const ledger = this.ctx.ledger;
    const pairId = this.nextId('t');
    ledger.pairSettled(pairId, 'aborted');
    let step = await this.statement('begin', 'beginTransaction');
    for (const part of ['a', 'b']) {
      if (step.err) break;
      step = await this.query('insert (in transaction)', {
        sql: 'INSERT INTO chaos_rows (op_id, part) VALUES (?, ?)',
        values: [pairId, part],
      });
    }
    if (!step.err) {
      step = await this.statement('commit', 'commit');
      const status = statusOf(step.err);
      if (status === 'ok') return ledger.pairSettled(pairId, 'committed');
      if (status === 'unknown') ledger.pairSettled(pairId, 'unknown');
    }
    const failure = step.err;
    if (step.err && step.err.code === 'TRANSACTION_LOST') {
      // Until rollback() every statement fails the same way; nothing runs in autocommit.
      const again = await this.statement('commit after loss', 'commit');
      if (!again.err || again.err.code !== 'TRANSACTION_LOST') {
        ledger.violation(
          'TRANSACTION_LOST until rollback',
          `${pairId}: then ${again.err ? again.err.code : 'success'}`,
        );
      }
    }
    const rollback = await this.statement('rollback', 'rollback');
    if (rollback.err && statusOf(rollback.err) === 'rejected') {
      ledger.violation('rollback', `${pairId}: ${rollback.err.code}`);
    }
    return failure;
  }

  /**
   * The same transaction issued at once, as `mysql` code often does: the session queues the calls.
   * If BEGIN may have run on a connection that was then lost, the statements queued behind it must
   * fail with TRANSACTION_LOST, never run in autocommit.
   */
  async pipelinedTransaction() {
    const ledger = this.ctx.ledger;
    const pairId = this.nextId('p');
    ledger.pairSettled(pairId, 'aborted');
    const steps = await Promise.all([
      this.statement('begin (pipelined)', 'beginTransaction'),
      ...['a', 'b'].map((part) =>
        this.query('insert (pipelined tx)', {
          sql: 'INSERT INTO chaos_rows (op_id, part) VALUES (?, ?)',
          values: [pairId, part],
        }),
      ),
      this.statement('commit (pipelined)', 'commit'),
    ]);
    const [begin, ...rest] = steps.map((step) => statusOf(step.err));
    if (begin === 'unknown') {
      const ran = steps.slice(1).filter((step) => !step.err || step.err.code !== 'TRANSACTION_LOST');
      if (ran.length) {
        ledger.violation(
          'no silent autocommit',
          `${pairId}: BEGIN lost mid-flight, then ${steps
            .slice(1)
            .map((step) => (step.err ? step.err.code : 'ok'))
            .join(', ')}`,
        );
      }
    }
    const commit = rest[2];
    if (begin === 'ok' && rest.every((status) => status === 'ok')) ledger.pairSettled(pairId, 'committed');
    else if (commit === 'ok' || commit === 'unknown') ledger.pairSettled(pairId, 'unknown');
    const failure = steps.map((step) => step.err).find(Boolean);
    if (failure) {
      const rollback = await this.statement('rollback', 'rollback');
      if (rollback.err && statusOf(rollback.err) === 'rejected') {
        ledger.violation('rollback', `${pairId}: ${rollback.err.code}`);
      }
    }
    return failure;
  }

  end() {
    return this.ctx.ledger.call('end', HANG_MS, (cb) => this.conn.end(cb));
  }
}

class Injector {
  constructor(ctx, kinds) {
    this.ctx = ctx;
    this.kinds = kinds;
    this.rng = random(ctx.seed);
  }

  /** Injects faults until `until`, and at least until every kind was injected once. */
  async run(until) {
    // Every kind once first (in a seeded order), then at random.
    const first = this.rng.shuffle(this.kinds);
    let tries = 0;
    while ((first.length > 0 && tries < 10 * this.kinds.length) || Date.now() < until) {
      tries++;
      const firstPass = first.length > 0;
      const kind = firstPass ? first.shift() : this.rng.pick(this.kinds);
      const injected = this.ctx.ledger.faults.length;
      await this.inject(kind);
      // Not injected (a KILL that lost the race with a reconnect): again later.
      if (firstPass && this.ctx.ledger.faults.length === injected) first.push(kind);
      await sleep(this.rng.int(200, 900));
    }
  }

  async inject(kind) {
    const { ledger, server } = this.ctx;
    const workers = this.ctx.workers.filter((w) => !w.gaveUp);
    if (workers.length === 0) return;
    const worker = this.rng.pick(workers);
    switch (kind) {
      case 'kill': {
        const threadId = worker.conn.threadId;
        if (!threadId) return;
        const fault = ledger.fault('kill', worker.index, `thread ${threadId}`);
        // The thread may be gone already (a reconnect raced us): that is not a fault injected.
        await server.killConnection(threadId).then(fault.end, () => ledger.faults.pop());
        return;
      }
      case 'restart': {
        const fault = ledger.fault('restart', 'server');
        await server.restart();
        return fault.end();
      }
      case 'crash': {
        const fault = ledger.fault('crash', 'server');
        await server.kill();
        await server.start();
        return fault.end();
      }
      case 'idle': {
        const all = this.rng() < 0.3;
        const targets = all ? workers : [worker];
        const fault = ledger.fault('idle', all ? 'all' : worker.index);
        const ms = WAIT_TIMEOUT_S * 1000 + this.rng.int(300, 1500);
        const idled = targets.map((w) => new Promise((done) => (w.idleRequest = { ms, done })));
        await within(Promise.all(idled), HANG_MS);
        return fault.end();
      }
      case 'blackhole': {
        const all = this.rng() < 0.3;
        const targets = all ? workers : [worker];
        const ms = this.rng.int(500, 6000);
        const fault = ledger.fault('blackhole', all ? 'all' : worker.index, `${ms} ms`);
        for (const w of targets) w.proxy.setMode('blackhole');
        await sleep(ms);
        for (const w of targets) w.proxy.setMode('pass');
        return fault.end();
      }
      case 'reset':
      case 'corrupt': {
        const armed =
          kind === 'reset'
            ? { kind, bytes: this.rng.int(1000, 300000) }
            : { kind, how: this.rng.pick(Object.keys(CORRUPTIONS)) };
        const fault = ledger.fault(
          kind,
          worker.index,
          armed.bytes ? `after ${armed.bytes} bytes` : armed.how,
        );
        const fired = new Promise((resolve) => (armed.fire = (shot) => shot.then(resolve)));
        // What the client reported for the operation the fault was aimed at.
        armed.effect = (op, err) =>
          (fault.record.effect = `${op}: ${err ? `${err.code} (${err.outcome || 'no outcome'})` : 'ok'}`);
        worker.armed = armed;
        // A one-shot fires on the next chunk; bounded in case the worker is stuck elsewhere.
        const done = await within(
          fired.then(() => true),
          HANG_MS,
          false,
        );
        if (!done) {
          ledger.violation('fault fired', `${kind} on connection ${worker.index} never fired`);
        }
        return fault.end();
      }
      default:
        throw new Error(`unknown fault kind ${kind}`);
    }
  }
}

/**
 * Runs the chaos for `seconds` with `connections` workers and returns
 * { summary (Ledger.summary()), violations, faults, ledger }.
 */
async function runChaos({
  seconds = 20,
  connections = 4,
  seed = 1,
  faults = FAULT_KINDS,
  pipelining = false,
  log = () => {},
} = {}) {
  for (const kind of faults)
    if (!FAULT_KINDS.includes(kind)) throw new TypeError(`unknown fault kind: ${kind}`);
  const ledger = new Ledger();
  const server = await startServer({ args: [`--wait-timeout=${WAIT_TIMEOUT_S}`] });
  const proxies = [];
  const ctx = { seed, ledger, server, workers: [], stopping: false, pipelining };
  try {
    await setUpTables(server, connections);
    for (let i = 0; i < connections; i++) {
      const proxy = await startProxy({ targetHost: server.host, targetPort: server.port });
      proxies.push(proxy);
      ctx.workers.push(new Worker(i, ctx, proxy));
    }
    log(`server on port ${server.port}, ${connections} connections, ${seconds} s, seed ${seed}`);
    const started = Date.now();
    const end = started + seconds * 1000;
    const loops = ctx.workers.map((w) => w.loop());
    await new Injector(ctx, faults).run(end - QUIET_TAIL_MS);
    // Every link back to normal; the quiet tail shows work going through after the last fault.
    for (const proxy of proxies) proxy.setMode('pass');
    await sleep(Math.max(QUIET_TAIL_MS, end - Date.now()));
    ctx.stopping = true;
    await Promise.all(loops);
    for (const w of ctx.workers) {
      const { err } = await w.end();
      if (err) ledger.violation('end() works', `connection ${w.index}: ${err.code} ${err.message}`);
    }
    log(`workload done in ${((Date.now() - started) / 1000).toFixed(1)} s; checking the ledger`);
    const rows = await server.admin(
      'SELECT op_id, part, COUNT(*) AS n FROM test.chaos_rows GROUP BY op_id, part',
    );
    const counters = await server.admin('SELECT id, n FROM test.chaos_counter');
    ledger.check(rows, counters);
    for (const fault of ledger.faults) fault.successesAfter = ledger.successesAfter(fault.endedAt);
    return { summary: ledger.summary(), violations: ledger.violations, faults: ledger.faults, ledger };
  } finally {
    ctx.stopping = true;
    for (const w of ctx.workers) w.conn.destroy();
    await Promise.all(proxies.map((p) => p.close()));
    await server.destroy();
  }
}

module.exports = { runChaos, FAULT_KINDS };
