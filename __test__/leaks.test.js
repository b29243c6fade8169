'use strict';
// Leaks: RSS, heap and open file descriptors stay flat over 1,000 reconnect cycles on one
// connection (KILL, then the next query heals) and over 1,000 connections created and ended.
// Measured after a warm-up and at the end; the figures are printed as test diagnostics.

const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const v8 = require('node:v8');
const vm = require('node:vm');
const mysql = require('..');
const { usePrivateServer } = require('./support/mariadb');
const { query, end, once, waitUntil } = require('./support/client');

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc');

const server = usePrivateServer();
const MB = 1 << 20;
const CYCLES = 1000;
const WARM_UP = 100;

const openFds = () => fs.readdirSync('/proc/self/fd').length;

function sample() {
  gc();
  gc();
  const { rss, heapUsed } = process.memoryUsage();
  return { rss, heapUsed, fds: openFds() };
}

/** Waits (bounded) for the fd count to settle at `baseline` ±2: closed sockets close asynchronously. */
function fdsSettle(baseline) {
  return waitUntil(() => Math.abs(openFds() - baseline) <= 2, {
    timeout: 10000,
    what: `open fds back to ${baseline} ±2 (now ${openFds()})`,
  });
}

function report(t, what, start, finish) {
  t.diagnostic(
    `${what}: after ${WARM_UP} warm-up cycles RSS ${(start.rss / MB).toFixed(1)} MB, heap ${(start.heapUsed / MB).toFixed(1)} MB, ` +
      `fds ${start.fds}; after ${CYCLES} more: RSS ${(finish.rss / MB).toFixed(1)} MB (${((finish.rss - start.rss) / MB).toFixed(1)}), ` +
      `heap ${(finish.heapUsed / MB).toFixed(1)} MB (${((finish.heapUsed - start.heapUsed) / MB).toFixed(1)}), fds ${finish.fds}`,
  );
}

test(
  `${CYCLES} reconnect cycles on one connection (KILL, the next query heals): no growth`,
  { timeout: 120000 },
  async (t) => {
    const conn = mysql.createConnection(server.config());
    t.after(() => conn.destroy());
    const errors = [];
    conn.on('error', (err) => errors.push(err));
    await query(conn, 'SELECT 1');
    let reconnects = 0;
    conn.on('reconnect', () => reconnects++);
    async function cycle() {
      const lost = once(conn, 'disconnect');
      await server.killConnection(conn.threadId);
      await lost;
      const rows = await query(conn, 'SELECT CONNECTION_ID() AS id');
      assert.equal(rows[0].id, conn.threadId);
    }
    for (let i = 0; i < WARM_UP; i++) await cycle();
    const baseline = openFds();
    const start = sample();
    for (let i = 0; i < CYCLES; i++) await cycle();
    await fdsSettle(baseline);
    const finish = sample();
    report(t, `${CYCLES} reconnects`, start, finish);
    assert.equal(reconnects, WARM_UP + CYCLES);
    assert.deepEqual(errors, []);
    assert.ok(Math.abs(finish.fds - start.fds) <= 2, `fds ${start.fds} -> ${finish.fds}`);
    assert.ok(finish.heapUsed - start.heapUsed < 5 * MB, 'heap is flat');
    assert.ok(finish.rss - start.rss < 40 * MB, 'RSS is flat');
    await end(conn);
  },
);

test(`${CYCLES} connections created, used and ended: no growth`, { timeout: 120000 }, async (t) => {
  async function cycle() {
    const conn = mysql.createConnection(server.config());
    await query(conn, 'SELECT 1');
    await end(conn);
  }
  for (let i = 0; i < WARM_UP; i++) await cycle();
  const baseline = openFds();
  await fdsSettle(baseline);
  const start = sample();
  for (let i = 0; i < CYCLES; i++) await cycle();
  await fdsSettle(baseline);
  const finish = sample();
  report(t, `${CYCLES} connections`, start, finish);
  assert.ok(Math.abs(finish.fds - start.fds) <= 2, `fds ${start.fds} -> ${finish.fds}`);
  assert.ok(finish.heapUsed - start.heapUsed < 5 * MB, 'heap is flat');
  assert.ok(finish.rss - start.rss < 40 * MB, 'RSS is flat');
  // And the server sees none of them left.
  await waitUntil(async () => (await server.threadIds()).length === 0, {
    what: 'every server thread to end',
  });
});

test('a finished query lets go of its rows while the next one, started from its callback, runs', async (t) => {
  const conn = mysql.createConnection(server.config());
  t.after(() => conn.destroy());
  // The second query's call site (captured for long stack traces) has the first Query as a
  // frame's receiver: the first one must not keep its rows once its callback has returned.
  let firstRows = null;
  let second = null;
  await new Promise((resolve, reject) => {
    conn.query('SELECT seq AS n, REPEAT("x", 100) AS pad FROM seq_1_to_2000', (err, rows) => {
      if (err) return reject(err);
      firstRows = new WeakRef(rows);
      second = new Promise((res, rej) =>
        conn.query('SELECT SLEEP(0.5) AS slept', (e, r) => (e ? rej(e) : res(r))),
      );
      resolve();
    });
  });
  // While the second query is still running, nothing but the call site could hold the rows. (A
  // WeakRef keeps its target until the task that made it is over: one turn of the loop first.)
  await new Promise((resolve) => setImmediate(resolve));
  gc();
  gc();
  assert.equal(firstRows.deref(), undefined, 'the first result set is collected while the next query runs');
  assert.equal((await second)[0].slept, 0);
  await end(conn);
});
