'use strict';
// The self-healing contract across outages: server restart with queued queries, down at startup,
// fatal connect errors without a retry storm, bounded queueing, a blackholed peer, keepalive.

const { test } = require('node:test');
const assert = require('node:assert/strict');
const mysql = require('..');
const { startServer, usePrivateServer } = require('./support/mariadb');
const { startProxy } = require('./support/fault-proxy');
const { query, queryOutcome, end, once, sleep, runNode, record, openRecorded } = require('./support/client');

const server = usePrivateServer({}, (started) =>
  started.admin('CREATE TABLE test.outage (seq INT PRIMARY KEY, at_thread INT)'),
);

const open = (extra, target = server) => openRecorded({ ...target.config(), ...extra });

test('server stop and restart: queries issued during the outage all succeed after it, in order', async () => {
  const { conn, seen } = open({ reconnect: { maxDelay: 200 } });
  await query(conn, 'SELECT 1');
  const before = conn.threadId;
  const disconnected = once(conn, 'disconnect');
  await server.stop();
  // The loss is found at once, while idle, as a socket in `mysql` would find it.
  await disconnected;
  const order = [];
  const outcomes = [];
  for (let seq = 1; seq <= 5; seq++) {
    outcomes.push(
      queryOutcome(conn, 'INSERT INTO outage VALUES (?, CONNECTION_ID())', [seq]).then((o) => {
        order.push(seq);
        return o;
      }),
    );
  }
  await once(conn, 'reconnecting');
  await server.start();
  const results = await Promise.all(outcomes);
  for (const { err } of results) assert.equal(err, null);
  assert.deepEqual(order, [1, 2, 3, 4, 5]);
  const rows = await query(conn, 'SELECT seq FROM outage ORDER BY seq');
  assert.deepEqual(
    rows.map((r) => r.seq),
    [1, 2, 3, 4, 5],
  );
  assert.notEqual(conn.threadId, before);
  assert.equal(seen.error.length, 0);
  assert.equal(seen.reconnect.length, 1);
  assert.ok(seen.reconnect[0].downtime > 0);
  assert.ok(seen.reconnect[0].attempts >= 1);
  await end(conn);
});

// Why `pipelining` is off by default: a site sharing one connection among concurrent callers
// sees one failed call per loss, the one written and unanswered. With pipelining, the batch
// written ahead fails with it (npm run bench:loss: 17-32 of 64 callers per fault).
test('a restart under load on one shared connection fails only the call in flight; the rest heal', async () => {
  const { conn, seen } = open({ reconnect: { maxDelay: 200 } });
  await query(conn, 'CREATE TABLE IF NOT EXISTS under_load (k INT AUTO_INCREMENT PRIMARY KEY)');
  const failures = [];
  let stopping = false;
  let inserted = 0;
  const insertLoop = async () => {
    while (!stopping) {
      const { err } = await queryOutcome(conn, 'INSERT INTO under_load () VALUES ()');
      if (err) failures.push(`${err.code}/${err.outcome}`);
      else inserted++;
    }
  };
  const callers = Array.from({ length: 32 }, insertLoop);
  const loaded = inserted + 200;
  while (inserted < loaded) await query(conn, 'DO 0');
  const healed = once(conn, 'reconnect');
  await server.restart();
  await healed;
  const after = inserted + 200;
  while (inserted < after) await query(conn, 'DO 0');
  stopping = true;
  await Promise.all(callers);
  assert.ok(failures.length <= 1, `at most the one in flight failed: ${failures}`);
  for (const failure of failures) assert.equal(failure, 'PROTOCOL_CONNECTION_LOST/unknown');
  const [{ n }] = await query(conn, 'SELECT COUNT(*) AS n FROM under_load');
  // Every INSERT that failed may have run; none that succeeded is missing.
  assert.ok(n >= inserted && n <= inserted + failures.length, `${n} rows for ${inserted} answered`);
  assert.equal(seen.error.length, 0);
  await end(conn);
});

test('server down at startup, then up, with reconnect.initial: the first queries wait and succeed', async () => {
  const late = await startServer();
  try {
    await late.stop();
    const { conn, seen } = open({ reconnect: { initial: true } }, late);
    const pending = queryOutcome(conn, 'SELECT 40 + 2 AS answer');
    await once(conn, 'reconnecting');
    await late.start();
    const { err, results } = await pending;
    assert.equal(err, null);
    assert.equal(results[0].answer, 42);
    assert.equal(seen.error.length, 0);
    await end(conn);
  } finally {
    await late.destroy();
  }
});

test('a wrong password gives up at once: one fatal error, no retry storm', async () => {
  const { conn, seen } = open({ password: 'wrong' });
  const errors = await Promise.all([queryOutcome(conn, 'SELECT 1'), queryOutcome(conn, 'SELECT 2')]);
  for (const { err } of errors) {
    assert.equal(err.code, 'ER_ACCESS_DENIED_ERROR');
    assert.equal(err.errno, 1045);
    assert.equal(err.fatal, true);
  }
  assert.equal(seen.reconnecting.length, 0);
  assert.equal(seen.error.length, 0, 'the callbacks had it, so (as in mysql) it is not emitted too');
  assert.ok(!JSON.stringify(errors.map((e) => e.err.message)).includes('wrong'));
});

test("a command sent while the session is giving up gets the session's error", async () => {
  // The JS thread is kept busy (as under load) while the session fails to log in and closes;
  // the second query then reaches a closed session and must still get ER_ACCESS_DENIED_ERROR.
  const { conn, seen } = open({ password: 'wrong' });
  const first = queryOutcome(conn, 'SELECT 1');
  const busyUntil = Date.now() + 400;
  while (Date.now() < busyUntil);
  const second = queryOutcome(conn, 'SELECT 2');
  for (const { err } of await Promise.all([first, second])) {
    assert.equal(err.code, 'ER_ACCESS_DENIED_ERROR');
    assert.equal(err.fatal, true);
  }
  assert.equal(seen.reconnecting.length, 0);
});

test('an idle connection that cannot log in emits one error', async () => {
  const { conn, seen } = open({ password: 'wrong' });
  const fatal = once(conn, 'error');
  // 'end' follows the give-up: after it the connection emits nothing more.
  const ended = new Promise((resolve) => conn.once('end', resolve));
  conn.connect();
  const [err] = await fatal;
  assert.equal(err.code, 'ER_ACCESS_DENIED_ERROR');
  assert.equal(err.fatal, true);
  await ended;
  assert.equal(seen.error.length, 1);
  assert.equal(seen.reconnecting.length, 0);
});

test('an unknown or forbidden database is fatal at once, without retries', async () => {
  // The app user may not see other databases: the server says 1044 before it says 1049.
  const { conn, seen } = open({ database: 'no_such_db' });
  const { err } = await queryOutcome(conn, 'SELECT 1');
  assert.equal(err.code, 'ER_DBACCESS_DENIED_ERROR');
  assert.equal(err.fatal, true);
  assert.equal(seen.reconnecting.length, 0);
  const root = mysql.createConnection({
    socketPath: server.socketPath,
    user: 'root',
    database: 'no_such_db',
  });
  const rootSeen = record(root, ['reconnecting']).reconnecting;
  const { err: unknown } = await queryOutcome(root, 'SELECT 1');
  assert.equal(unknown.code, 'ER_BAD_DB_ERROR');
  assert.equal(unknown.errno, 1049);
  assert.equal(unknown.fatal, true);
  assert.equal(rootSeen.length, 0);
});

test('queueing is bounded: queueLimit and queueTimeout fail commands that were never sent', async () => {
  const down = await startServer();
  try {
    await down.stop();
    const { conn } = open({ queueLimit: 2, queueTimeout: 300, reconnect: { initial: true } }, down);
    const outcomes = [1, 2, 3].map((n) => queryOutcome(conn, 'SELECT ?', [n]));
    const third = await outcomes[2];
    assert.equal(third.err.code, 'QUEUE_LIMIT_REACHED');
    assert.equal(third.err.outcome, 'not_executed');
    const [first, second] = await Promise.all(outcomes.slice(0, 2));
    for (const { err } of [first, second]) {
      assert.equal(err.code, 'QUEUE_TIMEOUT');
      assert.equal(err.outcome, 'not_executed');
      assert.notEqual(err.fatal, true);
    }
    conn.destroy();
  } finally {
    await down.destroy();
  }
});

test('a blackholed peer is found by the query timeout; the connection heals when the link returns', async () => {
  const proxy = await startProxy({ targetHost: server.host, targetPort: server.port });
  try {
    const { conn, seen } = open({ host: proxy.host, port: proxy.port, connectTimeout: 500 });
    await query(conn, 'SELECT 1');
    proxy.setMode('blackhole');
    const { err } = await queryOutcome(conn, { sql: 'SELECT 2', timeout: 300 });
    assert.equal(err.code, 'PROTOCOL_SEQUENCE_TIMEOUT');
    assert.equal(err.timeout, 300);
    assert.equal(err.outcome, 'unknown');
    const pending = queryOutcome(conn, 'SELECT 3 AS three');
    // New connections are blackholed too: the connect timeout turns them into retries.
    await once(conn, 'reconnecting');
    await once(conn, 'reconnecting');
    proxy.setMode('pass');
    const { err: later, results } = await pending;
    assert.equal(later, null);
    assert.equal(results[0].three, 3);
    assert.ok(seen.reconnecting.some((e) => e.error && e.error.code === 'ETIMEDOUT'));
    assert.equal(seen.error.length, 0);
    await end(conn);
  } finally {
    await proxy.close();
  }
});

test('keepAlive pings below the wait_timeout: an idle connection survives it', async () => {
  const { conn, seen } = open({ onConnect: 'SET SESSION wait_timeout = 1', keepAlive: 300 });
  const first = (await query(conn, 'SELECT CONNECTION_ID() AS id'))[0].id;
  await sleep(1600); // idle past wait_timeout: this is the situation under test
  assert.ok((await server.threadIds()).includes(first), 'the server still has the connection');
  assert.equal((await query(conn, 'SELECT CONNECTION_ID() AS id'))[0].id, first);
  assert.equal(seen.disconnect.length, 0);
  await end(conn);
});

test('keepAlive: true reads @@wait_timeout and pings at half of it', async () => {
  const { conn, seen } = open({ onConnect: 'SET SESSION wait_timeout = 2', keepAlive: true });
  const first = (await query(conn, 'SELECT CONNECTION_ID() AS id'))[0].id;
  await sleep(2600); // idle past wait_timeout (2 s): this is the situation under test
  assert.equal((await query(conn, 'SELECT CONNECTION_ID() AS id'))[0].id, first);
  assert.equal(seen.disconnect.length, 0);
  await end(conn);
});

test('a spent retry budget gives up: pending queries fail fatally, then the object is closed', async () => {
  const down = await startServer();
  try {
    const { conn, seen } = open({ reconnect: { maxAttempts: 3, baseDelay: 10, maxDelay: 20 } }, down);
    await query(conn, 'SELECT 1');
    const ended = new Promise((resolve) => conn.on('end', resolve));
    const gaveUp = once(conn, 'error');
    await down.stop();
    const [err] = await gaveUp;
    assert.equal(err.fatal, true);
    assert.equal(err.code, 'ECONNREFUSED');
    assert.deepEqual(
      seen.reconnecting.map((e) => e.attempt),
      [1, 2, 3],
    );
    await ended;
    const after = await queryOutcome(conn, 'SELECT 1');
    assert.equal(after.err.code, 'PROTOCOL_ENQUEUE_AFTER_FATAL_ERROR');
  } finally {
    await down.destroy();
  }
});

test('the process exits by itself after a give-up and after destroy()', async () => {
  const config = JSON.stringify({ ...server.config(), password: 'wrong' });
  const gaveUp = await runNode(
    `mysql.createConnection(${config}).query('SELECT 1', (err) => console.log(err.code));`,
  );
  assert.deepEqual(gaveUp, { code: 0, out: 'ER_ACCESS_DENIED_ERROR\n' });
  const good = JSON.stringify(server.config());
  const destroyed = await runNode(
    `const c = mysql.createConnection(${good}); c.query('SELECT 1', () => { c.destroy(); console.log('destroyed'); });`,
  );
  assert.deepEqual(destroyed, { code: 0, out: 'destroyed\n' });
});
