'use strict';
// connection.stats() / pool.stats() counters, and the diagnostics_channel events.

const { test } = require('node:test');
const assert = require('node:assert/strict');
const diagnostics = require('node:diagnostics_channel');
const mysql = require('..');
const { usePrivateServer } = require('./support/mariadb');
const { query, queryOutcome, end, once, killAndHeal } = require('./support/client');

const server = usePrivateServer();

test('connection.stats(): reconnects, downtime, queued commands and the per-host entry', async () => {
  const conn = mysql.createConnection({ ...server.config(), reconnect: { maxDelay: 100 } });
  await query(conn, 'SELECT 1');
  const host = `${server.host}:${server.port}`;
  const first = conn.stats();
  assert.equal(first.state, 'authenticated');
  assert.equal(first.threadId, conn.threadId);
  assert.equal(first.host, host);
  assert.ok(first.connectedSince instanceof Date);
  assert.deepEqual(
    {
      connects: first.connects,
      reconnects: first.reconnects,
      disconnects: first.disconnects,
      queued: first.queued,
      inFlight: first.inFlight,
      transaction: first.transaction,
    },
    { connects: 1, reconnects: 0, disconnects: 0, queued: 0, inFlight: 0, transaction: 'none' },
  );

  const disconnected = once(conn, 'disconnect');
  await server.stop();
  await disconnected;
  const waiting = [1, 2, 3].map((n) => queryOutcome(conn, 'SELECT ?', [n]));
  const during = conn.stats();
  assert.equal(during.queued, 3);
  assert.equal(during.inFlight, 0);
  assert.equal(during.connectedSince, null);
  assert.equal(during.disconnects, 1);
  assert.equal(during.hosts[host].lastError.code, 'PROTOCOL_CONNECTION_LOST');
  const reconnected = once(conn, 'reconnect');
  await server.start();
  const [event] = await reconnected;
  for (const { err } of await Promise.all(waiting)) assert.equal(err, null);
  const after = conn.stats();
  assert.equal(after.reconnects, 1);
  assert.equal(after.connects, 2);
  assert.equal(after.lastDowntimeMs, event.downtime);
  assert.equal(after.downtimeMs, event.downtime);
  assert.ok(after.downtimeMs > 0);
  assert.equal(after.queued, 0);
  assert.deepEqual(after.hosts[host].reconnects, 1);

  await query(conn, 'START TRANSACTION');
  assert.equal(conn.stats().transaction, 'active');
  await query(conn, 'ROLLBACK');
  assert.equal(conn.stats().transaction, 'none');
  await end(conn);
});

test('pool.stats(): counts, totals over the connections and per host', async () => {
  const pool = mysql.createPool({ ...server.config(), connectionLimit: 2 });
  const held = await new Promise((resolve, reject) =>
    pool.getConnection((err, conn) => (err ? reject(err) : resolve(conn))),
  );
  await query(pool, 'SELECT 1');
  const reconnected = once(held, 'reconnect');
  await server.killConnection(held.threadId);
  await reconnected;
  const stats = pool.stats();
  assert.deepEqual(
    {
      all: stats.all,
      free: stats.free,
      borrowed: stats.borrowed,
      waiting: stats.waiting,
      created: stats.created,
      reconnects: stats.reconnects,
    },
    { all: 2, free: 1, borrowed: 1, waiting: 0, created: 2, reconnects: 1 },
  );
  assert.equal(stats.connections.length, 2);
  assert.equal(stats.hosts[`${server.host}:${server.port}`].connects, 3);
  held.release();
  await new Promise((resolve) => pool.end(resolve));
});

test('diagnostics_channel: connect, query start/end, disconnect, reconnecting, reconnect, pool acquire/release', async () => {
  const names = [
    'connect',
    'disconnect',
    'reconnecting',
    'reconnect',
    'query:start',
    'query:end',
    'pool:connection',
    'pool:acquire',
    'pool:release',
    'pool:enqueue',
    'pool:remove',
    'give-up',
  ];
  const seen = [];
  const subscribers = names.map((name) => {
    const listener = (message) => seen.push({ name, message });
    diagnostics.subscribe('reconnecting-mysql:' + name, listener);
    return () => diagnostics.unsubscribe('reconnecting-mysql:' + name, listener);
  });
  try {
    const pool = mysql.createPool({ ...server.config(), connectionLimit: 1 });
    const conn = await new Promise((resolve, reject) =>
      pool.getConnection((err, c) => (err ? reject(err) : resolve(c))),
    );
    await query(conn, 'SELECT 1');
    await queryOutcome(conn, 'SELECT * FROM nowhere');
    await killAndHeal(server, conn);
    conn.release();
    await new Promise((resolve) => pool.end(resolve));
    const bad = mysql.createConnection({ ...server.config(), password: 'wrong' });
    // events.once() would reject on the 'error' that comes first.
    const closed = new Promise((resolve) => bad.on('end', resolve));
    bad.on('error', () => {});
    bad.connect();
    await closed;

    const of = (name) => seen.filter((entry) => entry.name === name).map((entry) => entry.message);
    assert.equal(of('pool:connection')[0].connection, conn);
    assert.equal(of('pool:acquire')[0].pool, pool);
    assert.equal(of('pool:release')[0].connection, conn);
    assert.equal(of('pool:remove')[0].reason, 'poolEnded');
    assert.equal(of('connect')[0].connection, conn);
    const starts = of('query:start').filter((message) => message.connection === conn);
    const ends = of('query:end').filter((message) => message.connection === conn);
    assert.deepEqual(
      starts.map((message) => message.sql),
      ['SELECT 1', 'SELECT * FROM nowhere'],
    );
    assert.deepEqual(
      ends.map((message) => (message.error ? message.error.code : null)),
      [null, 'ER_NO_SUCH_TABLE'],
    );
    assert.ok(
      ends.every((message) => message.duration >= 0 && message.query === starts[ends.indexOf(message)].query),
    );
    assert.equal(of('disconnect')[0].connection, conn);
    assert.equal(of('reconnecting')[0].connection, conn);
    assert.equal(of('reconnecting')[0].attempt, 1);
    assert.equal(of('reconnect')[0].previousThreadId, of('disconnect')[0].threadId);
    assert.equal(of('give-up')[0].connection, bad);
    assert.equal(of('give-up')[0].error.code, 'ER_ACCESS_DENIED_ERROR');
  } finally {
    for (const unsubscribe of subscribers) unsubscribe();
  }
});
