'use strict';
// Bounded resources during outages: the queue limit holds memory flat however many commands are
// issued while the server is unreachable (also during a connect attempt that hangs), and 100
// connections healing after a server restart spread their attempts (jitter) instead of a herd.

const { test, after } = require('node:test');
const assert = require('node:assert/strict');
const v8 = require('node:v8');
const vm = require('node:vm');
const mysql = require('..');
const { connectAttempts } = require('../lib/native');
const { usePrivateServer } = require('./support/mariadb');
const { startProxy } = require('./support/fault-proxy');
const { query, end, once, waitUntil } = require('./support/client');

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc');

const server = usePrivateServer();
let proxy = null;
after(() => proxy && proxy.close());

function heapAfterGc() {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

const MB = 1 << 20;

test(
  'a long outage: past queueLimit commands fail at once, and memory stays flat however many are issued',
  { timeout: 60000 },
  async (t) => {
    proxy = await startProxy({ targetPort: server.port });
    const queueLimit = 1000;
    const conn = mysql.createConnection({
      ...server.config(),
      host: proxy.host,
      port: proxy.port,
      queueLimit,
      queueTimeout: Infinity,
      // Each attempt into the blackhole hangs this long: commands must be refused during it, too.
      connectTimeout: 3000,
      reconnect: { maxDelay: 200 },
    });
    t.after(() => conn.destroy());
    await query(conn, 'SELECT 1');
    proxy.setMode('blackhole');
    proxy.resetAll();
    await once(conn, 'disconnect');

    const queued = [];
    let refused = 0;
    let otherErrors = 0;
    const rounds = 6;
    const perRound = 20000;
    const heap = [];
    const rss = [];
    for (let round = 0; round < rounds; round++) {
      const answered = [];
      for (let i = 0; i < perRound; i++) {
        const seq = round * perRound + i;
        answered.push(
          new Promise((resolve) => {
            conn.query('SELECT ? AS seq', [seq], (err, rows) => {
              if (!err) queued.push(rows[0].seq);
              else if (err.code === 'QUEUE_LIMIT_REACHED' && err.outcome === 'not_executed') refused++;
              else otherErrors++;
              resolve();
            });
            // Settled (refused) ones resolve now; queued ones later, so do not wait for those.
          }),
        );
      }
      // Every command beyond the limit is answered while the outage goes on.
      const expectedRefused = (round + 1) * perRound - queueLimit;
      await waitUntil(() => refused === expectedRefused, {
        timeout: 20000,
        what: `${expectedRefused} refusals`,
      });
      assert.equal(conn._pending.size, queueLimit, 'JavaScript holds only the queued commands');
      heap.push(heapAfterGc());
      rss.push(process.memoryUsage().rss);
    }
    // Flat: the last rounds cost no more heap than the first (generous bound against noise).
    const growth = heap[rounds - 1] - heap[1];
    t.diagnostic(
      `queueLimit ${queueLimit}, ${rounds * perRound} commands issued during the outage: heap after GC per round ` +
        heap.map((h) => (h / MB).toFixed(1)).join(', ') +
        ' MB; RSS ' +
        rss.map((r) => (r / MB).toFixed(0)).join(', ') +
        ' MB',
    );
    assert.ok(growth < 8 * MB, `heap grew ${(growth / MB).toFixed(1)} MB over ${rounds - 2} rounds`);
    assert.equal(otherErrors, 0);

    // The outage ends: the queued commands run, in order.
    proxy.setMode('pass');
    await waitUntil(() => queued.length === queueLimit, { timeout: 20000, what: 'the queued commands' });
    assert.deepEqual(
      queued,
      Array.from({ length: queueLimit }, (_, i) => i),
    );
    await end(conn);
  },
);

test('the queue timeout holds during a connect attempt that hangs', { timeout: 30000 }, async (t) => {
  const conn = mysql.createConnection({
    ...server.config(),
    host: proxy.host,
    port: proxy.port,
    queueTimeout: 300,
    connectTimeout: 8000,
    reconnect: { maxDelay: 100 },
  });
  t.after(() => conn.destroy());
  await query(conn, 'SELECT 1');
  proxy.setMode('blackhole');
  proxy.resetAll();
  await once(conn, 'disconnect');
  let attempts = 0;
  conn.on('reconnecting', () => attempts++);
  // Wait until an attempt is under way into the blackhole (it will hang for connectTimeout).
  await waitUntil(() => attempts >= 1, { what: 'an attempt' });
  await waitUntil(() => proxy.connections >= 1, { what: 'the attempt to reach the proxy' });
  const attemptsBefore = attempts;
  const { err } = await new Promise((resolve) => conn.query('SELECT 1', (e) => resolve({ err: e })));
  assert.equal(err.code, 'QUEUE_TIMEOUT');
  assert.equal(err.outcome, 'not_executed');
  // It failed while that attempt was still hanging, not when the attempt gave up.
  assert.equal(attempts, attemptsBefore);
  proxy.setMode('pass');
  assert.equal((await query(conn, 'SELECT 2 AS two'))[0].two, 2);
  await end(conn);
});

test('a burst beyond queueLimit issued before the first connect is not refused (as mysql queues it)', async (t) => {
  const conn = mysql.createConnection({ ...server.config(), queueLimit: 10 });
  t.after(() => conn.destroy());
  const results = await Promise.all(Array.from({ length: 500 }, (_, i) => query(conn, 'SELECT ? AS i', [i])));
  assert.deepEqual(
    results.map((rows) => rows[0].i),
    Array.from({ length: 500 }, (_, i) => i),
  );
  await end(conn);
});

/** Percentile of sorted numbers. */
function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

test(
  '100 connections after a server restart spread their reconnect attempts (jitter)',
  { timeout: 60000 },
  async (t) => {
    const count = 100;
    const connections = [];
    const log = []; // { conn, attempt, delay, startsAt }
    const healed = [];
    for (let i = 0; i < count; i++) {
      const conn = mysql.createConnection({
        ...server.config(),
        reconnect: { baseDelay: 100, maxDelay: 1000 },
      });
      conn.on('reconnecting', (e) =>
        log.push({ conn: i, attempt: e.attempt, delay: e.delay, startsAt: Date.now() + e.delay }),
      );
      conn.on('reconnect', (e) => healed.push({ conn: i, at: Date.now(), attempts: e.attempts }));
      connections.push(conn);
    }
    t.after(() => connections.forEach((conn) => conn.destroy()));
    await Promise.all(connections.map((conn) => query(conn, 'SELECT 1')));

    const wire = () => connectAttempts(`127.0.0.1:${server.port}`);
    const wireBefore = wire();
    const downAt = Date.now();
    await server.stop();
    await server.start();
    const upAt = Date.now();
    await waitUntil(() => healed.length === count, { timeout: 30000, what: 'every connection to heal' });
    // The announced attempts share the host's probes while it refuses: fewer go on the wire.
    const onTheWire = wire() - wireBefore;
    // Every connection works again.
    const ids = await Promise.all(connections.map((conn) => query(conn, 'SELECT CONNECTION_ID() AS id')));
    assert.equal(new Set(ids.map((r) => r[0].id)).size, count);

    // Attempt 1 is immediate for everyone (the loss is fresh); from attempt 2 on, the delays are
    // drawn at random: not one instant, and not a handful of instants either.
    const later = log.filter((e) => e.attempt >= 2);
    assert.ok(later.length >= count, 'the outage outlasted the immediate first attempt');
    const distinctDelays = new Set(later.map((e) => Math.round(e.delay))).size;
    assert.ok(
      distinctDelays > later.length / 4,
      `${distinctDelays} distinct delays among ${later.length} attempts`,
    );
    const secondAttempts = later.filter((e) => e.attempt === 2).map((e) => e.delay);
    assert.ok(
      Math.max(...secondAttempts) > Math.min(...secondAttempts),
      'second attempts are not all at once',
    );

    // The figures for the README: how many attempts start in the busiest 100 ms window (after the
    // immediate first ones), and when the connections were back, after the server was.
    const starts = later.map((e) => e.startsAt).sort((a, b) => a - b);
    let busiest = 0;
    for (let i = 0, j = 0; i < starts.length; i++) {
      while (starts[i] - starts[j] >= 100) j++;
      busiest = Math.max(busiest, i - j + 1);
    }
    const back = healed.map((h) => h.at - upAt).sort((a, b) => a - b);
    // How wide each round of attempts is spread (without jitter, each would be one instant).
    const spread = [2, 3, 4].map((attempt) => {
      const at = log.filter((e) => e.attempt === attempt).map((e) => e.startsAt);
      return at.length
        ? `attempt ${attempt}: ${at.length} over ${Math.round(Math.max(...at) - Math.min(...at))} ms`
        : `attempt ${attempt}: none`;
    });
    const attempts = healed.map((h) => h.attempts).sort((a, b) => a - b);
    t.diagnostic(
      `${count} connections, server down ${upAt - downAt} ms (stop + start): ` +
        `${log.length} attempts (${later.length} after the immediate first, ${onTheWire} on the wire), busiest 100 ms window ${busiest}; ` +
        `${spread.join(', ')}; ` +
        `attempts per connection p50 ${percentile(attempts, 50)} max ${attempts[attempts.length - 1]}; ` +
        `back after the server: p50 ${percentile(back, 50)} ms, p90 ${percentile(back, 90)} ms, max ${back[back.length - 1]} ms`,
    );
    assert.ok(busiest < later.length, 'the attempts are spread over more than one 100 ms window');
    assert.ok(onTheWire < log.length, `${onTheWire} connects on the wire for ${log.length} attempts`);
    await Promise.all(connections.map((conn) => end(conn)));
  },
);
