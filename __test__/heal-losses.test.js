'use strict';
// The self-healing contract under real losses on a private server: wait_timeout, KILL (idle and
// mid-query), loss inside a transaction, session restore, and the classic handleDisconnect() code.

const { test } = require('node:test');
const assert = require('node:assert/strict');
const mysql = require('..');
const { usePrivateServer } = require('./support/mariadb');
const { startProxy } = require('./support/fault-proxy');
const {
  query,
  queryOutcome,
  end,
  connect,
  waitThreadSleeping,
  waitThreadGone,
  once,
  sleep,
  openRecorded,
} = require('./support/client');

const server = usePrivateServer();

const open = (extra) => openRecorded({ ...server.config(), ...extra });

async function threadId(conn) {
  return (await query(conn, 'SELECT CONNECTION_ID() AS id'))[0].id;
}

test('idle loss by wait_timeout is invisible: the next query succeeds on a new connection', async () => {
  // MariaDB closes an idle connection after wait_timeout with a TCP reset.
  const { conn, seen } = open({ onConnect: 'SET SESSION wait_timeout = 1' });
  const first = await threadId(conn);
  await waitThreadGone(server, first);
  const rows = await query(conn, 'SELECT 1 + 1 AS x');
  assert.equal(rows[0].x, 2);
  assert.notEqual(await threadId(conn), first);
  assert.equal(seen.error.length, 0);
  assert.equal(seen.reconnect.length, 1);
  assert.equal(seen.reconnect[0].previousThreadId, first);
  assert.equal(seen.reconnect[0].threadId, conn.threadId);
  assert.equal(seen.disconnect.length, 1);
  await end(conn);
});

test('KILL while idle is invisible', async () => {
  const { conn, seen } = open({ pingAfterIdle: 50 });
  const first = await threadId(conn);
  await server.killConnection(first);
  await waitThreadGone(server, first);
  await sleep(60); // the connection sits idle past pingAfterIdle, as in production
  assert.equal((await query(conn, 'SELECT 2 AS two'))[0].two, 2);
  assert.equal(seen.error.length, 0);
  assert.equal(seen.reconnect.length, 1);
  await end(conn);
});

test('KILL mid-query: that query fails with outcome unknown, never replayed; the next one succeeds', async () => {
  const { conn, seen } = open();
  await query(conn, 'CREATE TABLE IF NOT EXISTS kill_mid (id INT PRIMARY KEY)');
  await query(conn, 'DELETE FROM kill_mid');
  const victim = await threadId(conn);
  const running = queryOutcome(conn, 'INSERT INTO kill_mid SELECT 1 FROM DUAL WHERE SLEEP(5) = 0');
  await waitThreadSleeping(server, victim);
  await server.killConnection(victim);
  const { err } = await running;
  assert.ok(err, 'the in-flight query fails');
  assert.equal(err.code, 'PROTOCOL_CONNECTION_LOST');
  assert.equal(err.outcome, 'unknown');
  assert.notEqual(err.fatal, true);
  const rows = await query(conn, 'SELECT COUNT(*) AS n FROM kill_mid');
  assert.equal(rows[0].n, 0, 'the killed statement was not re-run');
  assert.equal(seen.error.length, 0);
  assert.equal(seen.reconnect.length, 1);
  await end(conn);
});

test('a loss inside a transaction: every statement fails TRANSACTION_LOST until rollback()', async () => {
  const { conn, seen } = open({ pingAfterIdle: 0 });
  await query(conn, 'CREATE TABLE IF NOT EXISTS tx_lost (id INT PRIMARY KEY) ENGINE=InnoDB');
  await query(conn, 'DELETE FROM tx_lost');
  await new Promise((resolve, reject) => conn.beginTransaction((err) => (err ? reject(err) : resolve())));
  await query(conn, 'INSERT INTO tx_lost VALUES (1)');
  const victim = conn.threadId;
  await server.killConnection(victim);
  await waitThreadGone(server, victim);
  for (const sql of ['INSERT INTO tx_lost VALUES (2)', 'COMMIT', 'SELECT 1']) {
    const { err } = await queryOutcome(conn, sql);
    assert.ok(err, `${sql} must fail`);
    assert.equal(err.code, 'TRANSACTION_LOST', sql);
    assert.equal(err.outcome, 'not_executed');
  }
  await new Promise((resolve, reject) => conn.rollback((err) => (err ? reject(err) : resolve())));
  await query(conn, 'INSERT INTO tx_lost VALUES (3)');
  const rows = await query(conn, 'SELECT id FROM tx_lost ORDER BY id');
  assert.deepEqual(
    rows.map((r) => r.id),
    [3],
    'nothing of the lost transaction, nothing in autocommit',
  );
  assert.equal(seen.error.length, 0);
  await end(conn);
});

test('session state is restored after a reconnect: database, SET variables, onConnect; the rest is reported', async () => {
  await server.admin('CREATE DATABASE IF NOT EXISTS test_other');
  await server.admin("GRANT ALL ON test_other.* TO 'app'@'127.0.0.1'");
  const { conn, seen } = open({ pingAfterIdle: 0, onConnect: ["SET @@session.time_zone = '+03:00'"] });
  await query(conn, 'USE test_other');
  await query(conn, "SET SESSION sql_mode = 'NO_ENGINE_SUBSTITUTION'");
  await query(conn, 'CREATE TEMPORARY TABLE tmp_state (a INT)');
  const victim = conn.threadId;
  await server.killConnection(victim);
  await waitThreadGone(server, victim);
  const rows = await query(
    conn,
    'SELECT DATABASE() AS db, @@session.sql_mode AS mode, @@session.time_zone AS tz',
  );
  assert.deepEqual({ ...rows[0] }, { db: 'test_other', mode: 'NO_ENGINE_SUBSTITUTION', tz: '+03:00' });
  assert.equal(seen.reconnect.length, 1);
  assert.deepEqual(seen.reconnect[0].lostState, ['temporary tables']);
  await end(conn);
});

test('a statement never written (the socket was already reset) is sent on the new connection', async () => {
  const proxy = await startProxy({ targetHost: server.host, targetPort: server.port });
  try {
    const { conn, seen } = open({ host: proxy.host, port: proxy.port, pingAfterIdle: false });
    await query(conn, 'CREATE TABLE IF NOT EXISTS never_sent (id INT PRIMARY KEY)');
    await query(conn, 'DELETE FROM never_sent');
    const victim = conn.threadId;
    proxy.resetAll();
    await waitThreadGone(server, victim);
    const outcome = await queryOutcome(conn, 'INSERT INTO never_sent VALUES (1)');
    // With no liveness ping, the write itself may fail (provably not sent: resent) or the
    // loss may show only when reading (maybe sent: reported, not resent). Either way, never twice.
    if (outcome.err) {
      assert.equal(outcome.err.code, 'PROTOCOL_CONNECTION_LOST');
      assert.equal(outcome.err.outcome, 'unknown');
    }
    const rows = await query(conn, 'SELECT COUNT(*) AS n FROM never_sent');
    assert.equal(rows[0].n, outcome.err ? 0 : 1);
    assert.equal(seen.error.length, 0);
    await end(conn);
  } finally {
    await proxy.close();
  }
});

test(
  'BEGIN lost mid-flight: the statements queued behind it fail TRANSACTION_LOST, never run in autocommit',
  { timeout: 20000 },
  async () => {
    // Found by the chaos run (chaos/). The server ran START TRANSACTION, then the link died before
    // its reply: the transaction may have been open, so what was queued behind it is not run.
    const proxy = await startProxy({ targetHost: server.host, targetPort: server.port });
    const { conn, seen } = open({ host: proxy.host, port: proxy.port });
    try {
      await query(conn, 'CREATE TABLE IF NOT EXISTS begin_lost (id INT PRIMARY KEY) ENGINE=InnoDB');
      await query(conn, 'DELETE FROM begin_lost');
      const reset = proxy.resetAfterBytes(0); // the next reply (START TRANSACTION's) is never delivered
      const pipelined = [
        new Promise((resolve) => conn.beginTransaction((err) => resolve(err))),
        queryOutcome(conn, 'INSERT INTO begin_lost VALUES (1)').then(({ err }) => err),
        new Promise((resolve) => conn.commit((err) => resolve(err))),
      ];
      const [begin, insert, commit] = await Promise.all(pipelined);
      await reset;
      assert.equal(begin.code, 'PROTOCOL_CONNECTION_LOST');
      assert.equal(begin.outcome, 'unknown');
      for (const err of [insert, commit]) {
        assert.ok(err, 'a statement behind the lost BEGIN must not run');
        assert.equal(err.code, 'TRANSACTION_LOST');
        assert.equal(err.outcome, 'not_executed');
      }
      await new Promise((resolve, reject) => conn.rollback((err) => (err ? reject(err) : resolve())));
      const rows = await query(conn, 'SELECT COUNT(*) AS n FROM begin_lost');
      assert.equal(rows[0].n, 0, 'nothing ran in autocommit');
      assert.equal(seen.error.length, 0);
      await end(conn);
    } finally {
      conn.destroy(); // a failed assertion must not leave the connection holding the process open
      await proxy.close();
    }
  },
);

test('a query marked idempotent that was lost mid-flight is replayed on the new connection', async () => {
  const { conn, seen } = open();
  const victim = await threadId(conn);
  const running = queryOutcome(conn, { sql: 'SELECT SLEEP(1) AS s, 7 AS seven', idempotent: true });
  await waitThreadSleeping(server, victim);
  await server.killConnection(victim);
  // The replay sleeps again; kill that one through a short SLEEP? Wait for it instead, bounded.
  const { err, results } = await running;
  assert.equal(err, null);
  assert.equal(results[0].seven, 7);
  assert.equal(seen.reconnect.length, 1);
  await end(conn);
});

test('the classic handleDisconnect() code survives three losses unchanged, without warnings', async () => {
  const warnings = [];
  const onWarning = (w) => warnings.push(w);
  process.on('warning', onWarning);
  const logs = [];
  const console = { log: (...args) => logs.push(args) };
  const { host, port, user, password, database } = server.config();
  // The seed code, verbatim but for the require line and the pingAfterIdle of this test.
  var db = mysql.createConnection({ host, port, user, password, database, pingAfterIdle: 0 });
  function handleDisconnect() {
    db.connect(function (err) {
      if (err) {
        console.log('error when connecting to db:', err);
        setTimeout(handleDisconnect, 2000);
      }
    });
    db.on('error', function (err) {
      console.log('db error', err);
      if (err.code === 'PROTOCOL_CONNECTION_LOST') {
        return handleDisconnect();
      } else {
        throw err;
      }
    });
  }
  handleDisconnect();
  try {
    for (let loss = 1; loss <= 3; loss++) {
      const victim = await threadId(db);
      await server.killConnection(victim);
      await waitThreadGone(server, victim);
      const rows = await query(db, 'SELECT ? AS loss', [loss]);
      assert.equal(rows[0].loss, loss);
    }
    assert.deepEqual(logs, [], 'no error ever reached the seed code');
    assert.equal(db.listenerCount('error'), 1);
    assert.deepEqual(
      warnings.filter((w) => w.name === 'MaxListenersExceededWarning'),
      [],
    );
  } finally {
    process.off('warning', onWarning);
    await end(db);
  }
});

test("reconnect: false is mysql's behaviour: an idle loss is a fatal 'error', the object is dead", async () => {
  const { conn, seen } = open({ reconnect: false });
  const victim = await threadId(conn);
  const fatal = once(conn, 'error');
  await server.killConnection(victim);
  const [err] = await fatal;
  assert.equal(err.code, 'PROTOCOL_CONNECTION_LOST');
  assert.equal(err.message, 'Connection lost: The server closed the connection.');
  assert.equal(err.fatal, true);
  assert.equal(seen.reconnect.length, 0);
  assert.equal(seen.reconnecting.length, 0);
  const again = await queryOutcome(conn, 'SELECT 1');
  assert.equal(again.err.code, 'PROTOCOL_ENQUEUE_AFTER_FATAL_ERROR');
});

test('connect() on a healthy connection is idempotent', async () => {
  const { conn, seen } = open();
  await connect(conn);
  const first = conn.threadId;
  await connect(conn);
  await connect(conn);
  assert.equal(conn.threadId, first);
  assert.equal(seen.reconnect.length, 0);
  await end(conn);
});
