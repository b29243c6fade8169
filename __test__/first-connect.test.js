'use strict';
// The first connect fails like `mysql` (contract 9): a connection that has never been
// established reports its first connect failure with the real cause (ECONNREFUSED, ENOTFOUND,
// ETIMEDOUT after connectTimeout, ER_ACCESS_DENIED_ERROR), fatal, at once, without retrying in the
// background; calling connect() again starts a fresh attempt (the seed post's handleDisconnect).
// `reconnect: { initial: true }` waits for a server that is not up yet instead.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const net = require('node:net');
const path = require('node:path');
const mysql = require('..');
const { startFakeServer } = require('./support/fake-server');
const { queryOutcome, runNode, record } = require('./support/client');

/** A loopback port nothing listens on. */
function freePort() {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

// A server that accepts and never greets: the connect hangs in the handshake until connectTimeout.
async function silentServer(t) {
  let accepted;
  const firstConnection = new Promise((resolve) => (accepted = resolve));
  const silent = net.createServer((socket) => {
    socket.on('error', () => {});
    accepted();
  });
  await new Promise((resolve) => silent.listen(0, '127.0.0.1', resolve));
  t.after(() => silent.close());
  return { port: silent.address().port, firstConnection };
}

/** What the tests here record on a connection. */
const EVENTS = ['error', 'reconnecting', 'end'];

test('a refused port: connect() gets ECONNREFUSED, fatal, at once; queued queries get it too', async () => {
  const port = await freePort();
  const conn = mysql.createConnection({ host: '127.0.0.1', port, user: 'app' });
  const seen = record(conn, EVENTS);
  const started = Date.now();
  const connected = new Promise((resolve) => conn.connect(resolve));
  const queued = queryOutcome(conn, 'SELECT 1');
  const err = await connected;
  const elapsed = Date.now() - started;
  assert.equal(err.code, 'ECONNREFUSED');
  assert.equal(err.errno, -111);
  assert.equal(err.fatal, true);
  assert.equal(err.port, port);
  assert.ok(elapsed < 1000, `took ${elapsed} ms (mysql: ~30 ms)`);
  const { err: queryErr } = await queued;
  assert.equal(queryErr.code, 'ECONNREFUSED');
  assert.equal(queryErr.fatal, true);
  assert.equal(seen.reconnecting.length, 0, 'no retry in the background');
  assert.equal(seen.error.length, 0, 'the callbacks had it, so (as in mysql) it is not emitted too');
});

test('an unresolvable host: ENOTFOUND, fatal, at once', async () => {
  const conn = mysql.createConnection({ host: 'no-such-host.invalid', user: 'app' });
  const seen = record(conn, EVENTS);
  const started = Date.now();
  const err = await new Promise((resolve) => conn.connect(resolve));
  assert.equal(err.code, 'ENOTFOUND');
  assert.equal(err.fatal, true);
  assert.ok(Date.now() - started < 5000);
  assert.equal(seen.reconnecting.length, 0);
});

test('a server that accepts and never greets: ETIMEDOUT after connectTimeout, fatal', async (t) => {
  const { port } = await silentServer(t);
  const conn = mysql.createConnection({
    host: '127.0.0.1',
    port,
    user: 'app',
    connectTimeout: 300,
  });
  const seen = record(conn, EVENTS);
  const started = Date.now();
  const err = await new Promise((resolve) => conn.connect(resolve));
  const elapsed = Date.now() - started;
  assert.equal(err.code, 'ETIMEDOUT');
  assert.equal(err.fatal, true);
  assert.ok(elapsed >= 250 && elapsed < 2000, `took ${elapsed} ms`);
  assert.equal(seen.reconnecting.length, 0);
});

test('connect() again after a failed first connect starts afresh and connects once the server is up', async (t) => {
  const port = await freePort();
  const conn = mysql.createConnection({ host: '127.0.0.1', port, user: 'u', password: 'p' });
  const first = await new Promise((resolve) => conn.connect(resolve));
  assert.equal(first.code, 'ECONNREFUSED');
  const fake = await startFakeServer({ port });
  t.after(() => fake.close());
  const second = await new Promise((resolve) => conn.connect(resolve));
  assert.equal(second, null);
  const { err, results } = await queryOutcome(conn, 'SELECT @@wait_timeout');
  assert.equal(err, null);
  assert.equal(results[0]['@@wait_timeout'], '28800');
  conn.destroy();
});

test('reconnect: { initial: true } waits for a server that is not up yet', async (t) => {
  const port = await freePort();
  const conn = mysql.createConnection({
    host: '127.0.0.1',
    port,
    user: 'u',
    password: 'p',
    reconnect: { initial: true, baseDelay: 20, maxDelay: 50 },
  });
  const seen = record(conn, EVENTS);
  const pending = queryOutcome(conn, 'SELECT @@wait_timeout');
  await new Promise((resolve) => conn.once('reconnecting', resolve));
  const fake = await startFakeServer({ port });
  t.after(() => fake.close());
  const { err, results } = await pending;
  assert.equal(err, null);
  assert.equal(results[0]['@@wait_timeout'], '28800');
  assert.ok(seen.reconnecting.length >= 1);
  conn.destroy();
});

test('reconnect.initial must be a boolean', () => {
  assert.throws(() => mysql.createConnection({ reconnect: { initial: 'yes' } }), {
    name: 'TypeError',
    message: /reconnect\.initial/,
  });
});

test('a pool on a refused port: getConnection and pool.query fail with ECONNREFUSED at once', async () => {
  const port = await freePort();
  const pool = mysql.createPool({ host: '127.0.0.1', port, user: 'app', connectionLimit: 2 });
  const started = Date.now();
  const err = await new Promise((resolve) => pool.getConnection((e) => resolve(e)));
  assert.equal(err.code, 'ECONNREFUSED');
  assert.equal(err.fatal, true);
  const { err: queryErr } = await new Promise((resolve) =>
    pool.query('SELECT 1', (e) => resolve({ err: e })),
  );
  assert.equal(queryErr.code, 'ECONNREFUSED');
  assert.ok(Date.now() - started < 2000, `took ${Date.now() - started} ms`);
  await new Promise((resolve) => pool.end(resolve));
});

test('a pool cluster with a dead node: getConnection on it fails with the real cause at once', async () => {
  const port = await freePort();
  const cluster = mysql.createPoolCluster({ removeNodeErrorCount: 1 });
  cluster.add('DEAD', { host: '127.0.0.1', port, user: 'app' });
  const started = Date.now();
  const err = await new Promise((resolve) => cluster.getConnection('DEAD', (e) => resolve(e)));
  assert.equal(err.code, 'ECONNREFUSED');
  assert.ok(Date.now() - started < 2000, `took ${Date.now() - started} ms`);
  await new Promise((resolve) => cluster.end(resolve));
});

test('promise createConnection on a refused port rejects, and the process then exits by itself', async () => {
  const port = await freePort();
  const script = `
    const promiseMysql = require(${JSON.stringify(path.join(__dirname, '..', 'promise.js'))});
    promiseMysql.createConnection({ host: '127.0.0.1', port: ${port}, user: 'app' }).then(
      () => console.log('connected?'),
      (err) => console.log('rejected ' + err.code + ' ' + err.fatal),
    );
  `;
  const started = Date.now();
  const { code, out } = await runNode(script, { timeout: 10000 });
  assert.equal(out.trim(), 'rejected ECONNREFUSED true');
  assert.equal(code, 0);
  assert.ok(Date.now() - started < 5000, 'nothing kept the event loop alive');
});

test('destroy() during a hanging first connect ends it at once: the process exits', async (t) => {
  const { port, firstConnection } = await silentServer(t);
  // The parent says on stdin when the attempt is inside the handshake (the silent server
  // accepted it); then the child destroys the connection.
  const script = `
    const conn = mysql.createConnection({ host: '127.0.0.1', port: ${port}, user: 'app', connectTimeout: 20000 });
    conn.connect(() => {});
    process.stdin.once('data', () => { globalThis.destroyedAt = Date.now(); conn.destroy(); });
    process.on('exit', () => console.log('exit ' + (Date.now() - globalThis.destroyedAt)));
  `;
  const { code, out } = await runNode(script, { timeout: 10000, stdin: firstConnection.then(() => 'go\n') });
  assert.equal(code, 0);
  const afterDestroy = Number(/exit (\d+)/.exec(out)[1]);
  assert.ok(afterDestroy < 1000, `the process lived ${afterDestroy} ms after destroy()`);
});

test('end() during a hanging first connect calls back at once, without waiting for the server', async (t) => {
  const { port, firstConnection } = await silentServer(t);
  const conn = mysql.createConnection({ host: '127.0.0.1', port, user: 'app', connectTimeout: 20000 });
  const connected = new Promise((resolve) => conn.connect(resolve));
  // The attempt is inside the handshake, waiting for a greeting that never comes.
  await firstConnection;
  const started = Date.now();
  const endErr = await new Promise((resolve) => conn.end(resolve));
  const elapsed = Date.now() - started;
  assert.ok(elapsed < 1000, `end() took ${elapsed} ms`);
  assert.equal(endErr ?? null, null, 'end() itself succeeds: there was nothing to close');
  const err = await connected;
  assert.equal(err.code, 'PROTOCOL_CONNECTION_LOST');
  assert.match(err.message, /before the server answered/);
});

test('connect() then end() at once on a server that answers: both succeed, as in mysql', async (t) => {
  const fake = await startFakeServer();
  t.after(() => fake.close());
  const conn = mysql.createConnection({ host: fake.host, port: fake.port, user: 'u', password: 'p' });
  const connected = new Promise((resolve) => conn.connect(resolve));
  const ended = new Promise((resolve) => conn.end(resolve));
  assert.equal(await connected, null);
  assert.equal((await ended) ?? null, null);
});

test('connect(), query(), end() on a silent server: the query is not dropped, it waits for connectTimeout', async (t) => {
  const { port } = await silentServer(t);
  const conn = mysql.createConnection({ host: '127.0.0.1', port, user: 'app', connectTimeout: 400 });
  const started = Date.now();
  const queried = queryOutcome(conn, 'SELECT 1');
  conn.end(() => {});
  const { err } = await queried;
  assert.equal(err.code, 'ETIMEDOUT', 'the query needed the server, so end() did not cut the connect short');
  assert.ok(Date.now() - started >= 350);
});

test("the seed post's handleDisconnect, started before the server, connects once it is up", async (t) => {
  const port = await freePort();
  const config = { host: '127.0.0.1', port, user: 'u', password: 'p' };
  let connection;
  let failures = 0;
  let connected;
  const up = new Promise((resolve) => (connected = resolve));
  let fake = null;
  // The post's code, with 2 s shortened to 20 ms.
  function handleDisconnect() {
    connection = mysql.createConnection(config);
    connection.connect((err) => {
      if (err) {
        failures += 1;
        // The server comes up after the second failure.
        if (failures === 2) startFakeServer({ port }).then((server) => (fake = server));
        setTimeout(handleDisconnect, 20);
      } else {
        connected();
      }
    });
    connection.on('error', (err) => {
      if (err.code === 'PROTOCOL_CONNECTION_LOST') handleDisconnect();
      else throw err;
    });
  }
  handleDisconnect();
  await up;
  t.after(() => fake && fake.close());
  assert.ok(failures >= 2);
  const { err, results } = await queryOutcome(connection, 'SELECT @@wait_timeout');
  assert.equal(err, null);
  assert.equal(results[0]['@@wait_timeout'], '28800');
  connection.destroy();
});

test('reconnect.initial with maxAttempts: 3: three connect attempts, the two retries announced', async () => {
  const port = await freePort();
  const conn = mysql.createConnection({
    host: '127.0.0.1',
    port,
    user: 'app',
    reconnect: { initial: true, maxAttempts: 3, baseDelay: 1, maxDelay: 5 },
  });
  const seen = record(conn, EVENTS);
  const err = await new Promise((resolve) => conn.connect(resolve));
  assert.equal(err.code, 'ECONNREFUSED');
  assert.equal(err.fatal, true);
  assert.deepEqual(
    seen.reconnecting.map((event) => event.attempt),
    [2, 3],
  );
});
