'use strict';
// Pools over self-healing connections: a restart under 50 concurrent requests, idle losses
// never handed out, maxLifetime recycling that waits for the transaction, idleTimeout, reset on
// release, and a connection whose transaction was lost is not handed to the next user.

const { test } = require('node:test');
const assert = require('node:assert/strict');
const mysql = require('..');
const { startServer, usePrivateServer } = require('./support/mariadb');
const { startProxy } = require('./support/fault-proxy');
const {
  query,
  queryOutcome,
  once,
  sleep,
  waitUntil,
  waitThreadGone,
  killAndHeal,
} = require('./support/client');

const server = usePrivateServer({}, (started) =>
  started.admin(
    'CREATE TABLE test.restart_log (seq INT PRIMARY KEY); CREATE TABLE test.lifetime (id INT PRIMARY KEY) ENGINE=InnoDB',
  ),
);

function getConnection(pool) {
  return new Promise((resolve, reject) =>
    pool.getConnection((err, conn) => (err ? reject(err) : resolve(conn))),
  );
}

/** Resolves with the first `event` whose payload satisfies `accept`. */
function waitForEvent(emitter, event, accept) {
  return new Promise((resolve) => {
    const listener = (payload) => {
      if (!accept(payload)) return;
      emitter.removeListener(event, listener);
      resolve(payload);
    };
    emitter.on(event, listener);
  });
}

function endPool(pool) {
  return new Promise((resolve, reject) => pool.end((err) => (err ? reject(err) : resolve())));
}

/** Opens `n` pool connections at once (so the pool really holds n), then releases them. */
async function warm(pool, n) {
  const connections = await Promise.all(Array.from({ length: n }, () => getConnection(pool)));
  for (const conn of connections) conn.release();
  return connections;
}

test('server restart with 50 concurrent pool queries: every one succeeds after the restart', async () => {
  const pool = mysql.createPool({ ...server.config(), connectionLimit: 5, reconnect: { maxDelay: 200 } });
  const connections = await warm(pool, 5);
  const errors = [];
  for (const conn of connections) conn.on('error', (err) => errors.push(err));
  const disconnected = connections.map((conn) => once(conn, 'disconnect'));
  await server.stop();
  await Promise.all(disconnected);
  const outcomes = Array.from({ length: 50 }, (_, seq) =>
    queryOutcome(pool, 'INSERT INTO restart_log VALUES (?)', [seq]),
  );
  await once(connections[0], 'reconnecting');
  await server.start();
  const results = await Promise.all(outcomes);
  assert.deepEqual(
    results.filter(({ err }) => err !== null).map(({ err }) => err.code),
    [],
  );
  const [{ n }] = await query(pool, 'SELECT COUNT(*) AS n FROM restart_log');
  assert.equal(n, 50);
  assert.equal(errors.length, 0);
  assert.equal(pool.stats().all, 5, 'the same five connections healed; none was replaced');
  assert.ok(pool.stats().reconnects >= 5);
  await endPool(pool);
});

test('after an idle loss (KILL of every pooled thread) no dead connection is handed out', async () => {
  // New connections are refused for a while, so the killed ones stay down: the pool must wait
  // (pingAfterIdle 0: every hand-out is checked) instead of handing them out.
  const proxy = await startProxy({ targetPort: server.port });
  const pool = mysql.createPool({
    ...server.config(),
    host: proxy.host,
    port: proxy.port,
    connectionLimit: 3,
    pingAfterIdle: 0,
    reconnect: { baseDelay: 20, maxDelay: 40 },
  });
  try {
    const connections = await warm(pool, 3);
    const before = connections.map((conn) => conn.threadId);
    proxy.setMode('refuse');
    const retrying = connections.map((conn) =>
      waitForEvent(conn, 'reconnecting', (event) => event.attempt >= 2),
    );
    for (const threadId of before) await server.killConnection(threadId);
    await Promise.all(retrying);
    let handedOutEarly = 0;
    const acquired = [1, 2, 3].map(() => getConnection(pool).then((conn) => (handedOutEarly++, conn)));
    // Two more refused attempts each while the callers wait: nothing is handed out meanwhile.
    await Promise.all(
      connections.map((conn) => waitForEvent(conn, 'reconnecting', (event) => event.attempt >= 4)),
    );
    assert.equal(handedOutEarly, 0, 'a connection that is down was handed out');
    proxy.setMode('pass');
    const handedOut = await Promise.all(acquired);
    const live = await server.threadIds();
    for (const conn of handedOut) {
      assert.equal(conn.state, 'authenticated');
      assert.ok(!before.includes(conn.threadId), 'a killed thread was handed out');
      assert.ok(live.includes(conn.threadId));
    }
    const firstQueries = await Promise.all(
      handedOut.map((conn) => queryOutcome(conn, 'SELECT CONNECTION_ID() AS id')),
    );
    for (const [i, { err, results }] of firstQueries.entries()) {
      assert.equal(err, null);
      assert.equal(results[0].id, handedOut[i].threadId);
    }
    for (const conn of handedOut) conn.release();
  } finally {
    await endPool(pool);
    await proxy.close();
  }
});

test('after wait_timeout closed the idle pool connections, the first query on each succeeds', async () => {
  const short = await startServer({ args: ['--wait-timeout=1'] });
  try {
    const pool = mysql.createPool({ ...short.config(), connectionLimit: 3 });
    const connections = await warm(pool, 3);
    const disconnected = connections.map((conn) => once(conn, 'disconnect'));
    await Promise.all(disconnected);
    const handedOut = await Promise.all([getConnection(pool), getConnection(pool), getConnection(pool)]);
    const firstQueries = await Promise.all(handedOut.map((conn) => queryOutcome(conn, 'SELECT 1 AS one')));
    for (const { err, results } of firstQueries) {
      assert.equal(err, null);
      assert.equal(results[0].one, 1);
    }
    for (const conn of handedOut) conn.release();
    await endPool(pool);
  } finally {
    await short.destroy();
  }
});

test('maxLifetime never interrupts a transaction: it commits past the lifetime, recycling happens on release', async () => {
  const pool = mysql.createPool({ ...server.config(), connectionLimit: 1, maxLifetime: 200 });
  const removed = [];
  const conn = await getConnection(pool);
  const threadId = conn.threadId;
  await query(conn, 'START TRANSACTION');
  await query(conn, 'INSERT INTO lifetime VALUES (1)');
  // Well past the lifetime (and its jitter), with the pool's sweep running meanwhile: the time
  // held is what is under test.
  await sleep(500);
  assert.equal(conn._transactionState(), 'active');
  await query(conn, 'INSERT INTO lifetime VALUES (2)');
  await query(conn, 'COMMIT');
  assert.equal(conn.threadId, threadId, 'the transaction ran on one connection');
  conn.on('end', () => removed.push(threadId));
  conn.release();
  assert.equal(pool.stats().removed.maxLifetime, 1);
  await waitThreadGone(server, threadId);
  const next = await getConnection(pool);
  assert.notEqual(next.threadId, threadId);
  const rows = await query(next, 'SELECT id FROM lifetime ORDER BY id');
  assert.deepEqual(
    rows.map((row) => row.id),
    [1, 2],
  );
  next.release();
  await endPool(pool);
});

test('maxLifetime: a free connection past its lifetime is replaced, not handed out', async () => {
  const pool = mysql.createPool({ ...server.config(), connectionLimit: 2, maxLifetime: 150, idleTimeout: 0 });
  const [first] = await warm(pool, 1);
  await waitUntil(() => pool.stats().removed.maxLifetime === 1, {
    what: 'the sweep to recycle the expired connection',
  });
  await waitThreadGone(server, first.threadId);
  const next = await getConnection(pool);
  assert.notEqual(next, first);
  next.release();
  await endPool(pool);
});

test('idleTimeout closes idle connections beyond minIdle', async () => {
  const pool = mysql.createPool({ ...server.config(), connectionLimit: 3, idleTimeout: 150, minIdle: 1 });
  const connections = await warm(pool, 3);
  await waitUntil(() => pool.stats().all === 1, { what: 'idle connections to close' });
  assert.equal(pool.stats().removed.idleTimeout, 2);
  const kept = pool._allConnections[0];
  const closed = connections.filter((conn) => conn !== kept);
  for (const conn of closed) await waitThreadGone(server, conn.threadId);
  // The kept one is the most recently used, and still works.
  const again = await getConnection(pool);
  assert.equal(again, kept);
  assert.equal((await query(again, 'SELECT 2 AS two'))[0].two, 2);
  again.release();
  await endPool(pool);
});

test('resetOnRelease: user variables, temporary tables and session SETs do not reach the next user, nor a later reconnect', async () => {
  const pool = mysql.createPool({
    ...server.config(),
    connectionLimit: 1,
    resetOnRelease: true,
    charset: 'latin1_swedish_ci',
  });
  const conn = await getConnection(pool);
  const threadId = conn.threadId;
  await query(conn, 'SET @secret = 42');
  await query(conn, 'CREATE TEMPORARY TABLE scratch (x INT)');
  await query(conn, "SET SESSION sql_mode = 'ANSI_QUOTES'");
  await query(conn, 'START TRANSACTION');
  await query(conn, 'INSERT INTO lifetime VALUES (100)');
  conn.release();
  const next = await getConnection(pool);
  assert.equal(next.threadId, threadId, 'the same connection, reset');
  const [state] = await query(
    next,
    'SELECT @secret AS secret, @@sql_mode LIKE ? AS ansi, @@character_set_client AS cs, DATABASE() AS db',
    ['%ANSI_QUOTES%'],
  );
  assert.deepEqual({ ...state }, { secret: null, ansi: 0, cs: 'latin1', db: 'test' });
  const { err } = await queryOutcome(next, 'SELECT * FROM scratch');
  assert.equal(err.code, 'ER_NO_SUCH_TABLE');
  assert.equal(
    (await query(next, 'SELECT COUNT(*) AS n FROM lifetime WHERE id = 100'))[0].n,
    0,
    'the open transaction was rolled back',
  );
  // The reset also forgets what to replay: after a loss, the session comes back clean.
  const reconnected = once(next, 'reconnect');
  await server.killConnection(threadId);
  const [{ lostState }] = await reconnected;
  assert.deepEqual(lostState, []);
  const [after] = await query(next, 'SELECT @@sql_mode LIKE ? AS ansi, @@character_set_client AS cs', [
    '%ANSI_QUOTES%',
  ]);
  assert.deepEqual({ ...after }, { ansi: 0, cs: 'latin1' });
  next.release();
  await endPool(pool);
});

test('resetOnRelease runs an onConnect function again after the reset; end() waits for it', async () => {
  let runs = 0;
  const onConnect = (connection, done) => {
    runs++;
    connection.query('SET @hooked = ?', [runs], done);
  };
  const pool = mysql.createPool({ ...server.config(), connectionLimit: 1, resetOnRelease: true, onConnect });
  const conn = await getConnection(pool);
  await query(conn, 'SET @other = 1');
  conn.release();
  const next = await getConnection(pool);
  const [row] = await query(next, 'SELECT @hooked AS hooked, @other AS other');
  assert.deepEqual({ ...row }, { hooked: 2, other: null });
  // The release resets again and the hook runs while the pool ends: its queries still run.
  next.release();
  await endPool(pool);
  assert.equal(runs, 3);
});

test('a connection released after its transaction was lost is replaced: the next user gets no TRANSACTION_LOST', async () => {
  const pool = mysql.createPool({ ...server.config(), connectionLimit: 1 });
  const conn = await getConnection(pool);
  await query(conn, 'START TRANSACTION');
  await killAndHeal(server, conn);
  assert.equal((await queryOutcome(conn, 'SELECT 1')).err.code, 'TRANSACTION_LOST');
  conn.release();
  assert.equal(pool.stats().removed.transactionLost, 1);
  const next = await getConnection(pool);
  assert.notEqual(next, conn);
  assert.equal((await queryOutcome(next, 'SELECT 1 AS one')).err, null);
  next.release();
  await endPool(pool);
});

test(
  'end() during an outage closes at once instead of waiting for the server (pool and connection)',
  { timeout: 15000 },
  async () => {
    const proxy = await startProxy({ targetPort: server.port });
    try {
      const options = {
        ...server.config(),
        host: proxy.host,
        port: proxy.port,
        reconnect: { baseDelay: 20, maxDelay: 40 },
      };
      const pool = mysql.createPool({ ...options, connectionLimit: 2 });
      const connections = await warm(pool, 2);
      const single = mysql.createConnection(options);
      await query(single, 'SELECT 1');
      proxy.setMode('refuse');
      const retrying = [...connections, single].map((conn) =>
        waitForEvent(conn, 'reconnecting', (event) => event.attempt >= 2),
      );
      for (const conn of [...connections, single]) await server.killConnection(conn.threadId);
      await Promise.all(retrying);
      const ended = [...connections, single].map((conn) => once(conn, 'end'));
      await endPool(pool);
      await new Promise((resolve, reject) => single.end((err) => (err ? reject(err) : resolve())));
      await Promise.all(ended);
      assert.equal(single.state, 'disconnected');
    } finally {
      await proxy.close();
    }
  },
);
