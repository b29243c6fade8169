'use strict';
// Recovery speed after a restart (issue 17 part 1): waiting queries are served within a probe
// interval of the server's return, not after seconds of exponential backoff, and however many
// connections wait, the process asks a down host at most ~50 times a second, both while nothing
// listens and while a proxy accepts and closes at once.

const { test, after } = require('node:test');
const assert = require('node:assert/strict');
const net = require('node:net');
const mysql = require('..');
const { connectAttempts } = require('../lib/native');
const { usePrivateServer } = require('./support/mariadb');
const { startProxy } = require('./support/fault-proxy');
const { query, queryOutcome, end, once } = require('./support/client');

// 200 connections at once, as the rate test needs.
const server = usePrivateServer({ args: ['--max-connections=400'] });

// Loose bounds for a noisy 2-core CI machine; the bench (npm run bench) prints the real numbers.
const SERVED_WITHIN_MS = 1000;
const MAX_ATTEMPTS_PER_SECOND = 50;

/** Resolves with the time the server on `port` sends its greeting, polling every 2 ms. */
function greetingAt(port) {
  return new Promise((resolve) => {
    const poll = () => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('data', () => {
        socket.destroy();
        resolve(performance.now());
      });
      socket.once('error', () => {
        socket.destroy();
        setTimeout(poll, 2);
      });
    };
    poll();
  });
}

/** Restarts the server after `outageMs` (the queries in `waiting` are issued while it is down). */
async function outage(outageMs, waiting) {
  const disconnected = waiting.lost;
  await server.stop();
  await disconnected;
  const outcomes = waiting.issue();
  // The outage, of the length under test: the driver's own reconnect attempts fail meanwhile.
  await new Promise((resolve) => setTimeout(resolve, outageMs));
  const greeted = greetingAt(server.port);
  await server.start();
  const greetedAt = await greeted;
  const done = await outcomes;
  return { greetedAt, done };
}

test('one connection serves its waiting query within a second of the server greeting again', async (t) => {
  const conn = mysql.createConnection(server.config());
  await query(conn, 'SELECT 1');
  const { greetedAt, done } = await outage(3000, {
    lost: once(conn, 'disconnect'),
    issue: () =>
      queryOutcome(conn, 'SELECT 40 + 2 AS answer').then((outcome) => ({
        ...outcome,
        at: performance.now(),
      })),
  });
  assert.equal(done.err, null);
  assert.equal(done.results[0].answer, 42);
  const servedAfter = done.at - greetedAt;
  t.diagnostic(`served ${servedAfter.toFixed(1)} ms after the greeting`);
  assert.ok(servedAfter < SERVED_WITHIN_MS, `served ${servedAfter.toFixed(0)} ms after the greeting`);
  await end(conn);
});

test('a pool of 10 serves all 10 waiting queries within a second of the server greeting again', async (t) => {
  const pool = mysql.createPool({ ...server.config(), connectionLimit: 10 });
  after(() => pool.end(() => {}));
  const tenAtOnce = (sql) =>
    Promise.all(
      Array.from({ length: 10 }, () =>
        queryOutcome(pool, sql).then((outcome) => ({ ...outcome, at: performance.now() })),
      ),
    );
  const warm = await tenAtOnce('SELECT SLEEP(0.05)');
  for (const { err } of warm) assert.equal(err, null);
  assert.equal(pool.stats().all, 10);
  const lost = Promise.all(pool._allConnections.map((connection) => once(connection, 'disconnect')));
  const { greetedAt, done } = await outage(3000, { lost, issue: () => tenAtOnce('SELECT 1 AS one') });
  for (const { err } of done) assert.equal(err, null);
  const lastServedAfter = Math.max(...done.map(({ at }) => at)) - greetedAt;
  t.diagnostic(`all 10 served ${lastServedAfter.toFixed(1)} ms after the greeting`);
  assert.ok(
    lastServedAfter < SERVED_WITHIN_MS,
    `all served ${lastServedAfter.toFixed(0)} ms after the greeting`,
  );
});

/**
 * 200 connections with a query waiting each, against a host that is down for 3 s: the attempts
 * counted per second by `attemptsSoFar`. Then the host comes back and every query succeeds.
 */
async function twoHundredWaiting(config, { down, up, attemptsSoFar }) {
  const conns = Array.from({ length: 200 }, () => mysql.createConnection(config));
  try {
    await Promise.all(conns.map((conn) => query(conn, 'SELECT 1')));
    const lost = Promise.all(conns.map((conn) => once(conn, 'disconnect')));
    await down();
    await lost;
    const outcomes = conns.map((conn) => queryOutcome(conn, 'SELECT 1 AS one'));
    const perSecond = [];
    let previous = attemptsSoFar();
    for (let second = 0; second < 3; second++) {
      // A rate needs a clock: one window a second.
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const now = attemptsSoFar();
      perSecond.push(now - previous);
      previous = now;
    }
    await up();
    const results = await Promise.all(outcomes);
    const failed = results.filter(({ err }) => err).map(({ err }) => err.code);
    assert.deepEqual(failed, [], 'every waiting query succeeds once the host is back');
    return perSecond;
  } finally {
    for (const conn of conns) conn.destroy();
  }
}

test('200 waiting connections ask a host where nothing listens at most 50 times a second', async (t) => {
  const label = `127.0.0.1:${server.port}`;
  const perSecond = await twoHundredWaiting(server.config(), {
    down: () => server.stop(),
    up: () => server.start(),
    attemptsSoFar: () => connectAttempts(label),
  });
  t.diagnostic(`connect attempts per second while down: ${perSecond.join(', ')}`);
  for (const n of perSecond) assert.ok(n <= MAX_ATTEMPTS_PER_SECOND, `attempts per second: ${perSecond}`);
  // The host is still watched: a probe at least every few tens of ms.
  for (const n of perSecond) assert.ok(n >= 10, `attempts per second: ${perSecond}`);
});

test('200 waiting connections ask a proxy that accepts and closes at most 50 times a second', async (t) => {
  const proxy = await startProxy({ targetPort: server.port });
  after(() => proxy.close());
  const perSecond = await twoHundredWaiting(
    { ...server.config(), host: proxy.host, port: proxy.port },
    {
      // The backend went away: the proxy resets its connections and every new one.
      down: async () => {
        proxy.setMode('refuse');
        proxy.resetAll();
      },
      up: async () => proxy.setMode('pass'),
      attemptsSoFar: () => proxy.accepted,
    },
  );
  t.diagnostic(`connections accepted per second while the backend is down: ${perSecond.join(', ')}`);
  for (const n of perSecond) assert.ok(n <= MAX_ATTEMPTS_PER_SECOND, `accepted per second: ${perSecond}`);
  for (const n of perSecond) assert.ok(n >= 10, `accepted per second: ${perSecond}`);
});
