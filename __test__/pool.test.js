'use strict';
// Pool API against `mysql`'s Pool (the oracle), on the same private server: events and their
// order, results, the error codes (POOL_CONNLIMIT, POOL_ENQUEUELIMIT, POOL_CLOSED, handshake
// timeout), release/destroy, changeUser restored on acquire.

const { test } = require('node:test');
const assert = require('node:assert/strict');
const oracle = require('mysql');
const ours = require('..');
const { usePrivateServer } = require('./support/mariadb');
const { startProxy } = require('./support/fault-proxy');

const server = usePrivateServer({}, (started) =>
  started.admin(
    'CREATE TABLE test.pool_people (id INT PRIMARY KEY, name VARCHAR(20));' +
      "INSERT INTO test.pool_people VALUES (1, 'ann'), (2, 'bob');" +
      'CREATE DATABASE test_other;' +
      "GRANT ALL ON test_other.* TO 'app'@'127.0.0.1'",
  ),
);

const both = [
  ['mysql', oracle],
  ['ours', ours],
];

function getConnection(pool) {
  return new Promise((resolve, reject) =>
    pool.getConnection((err, conn) => (err ? reject(err) : resolve(conn))),
  );
}

function getOutcome(pool) {
  return new Promise((resolve) => pool.getConnection((err, conn) => resolve({ err, conn })));
}

function poolQuery(pool, sql, values) {
  return new Promise((resolve) =>
    pool.query(sql, values, (err, rows, fields) => resolve({ err, rows, fields })),
  );
}

function endPool(pool) {
  return new Promise((resolve, reject) => pool.end((err) => (err ? reject(err) : resolve())));
}

/** The error fields both clients must agree on. */
function errorShape(err) {
  return (
    err && {
      code: err.code,
      errno: err.errno,
      message: err.message.split('\n')[0],
      fatal: err.fatal,
      sqlState: err.sqlState,
      sqlMessage: err.sqlMessage,
    }
  );
}

/** Runs `scenario(pool, log)` with each client; returns the two logs. */
async function differential(options, scenario) {
  const logs = {};
  for (const [name, client] of both) {
    const pool = client.createPool({ ...server.config(), ...options });
    const log = [];
    for (const event of ['connection', 'acquire', 'enqueue', 'release'])
      pool.on(event, () => log.push(event));
    try {
      await scenario(pool, log);
    } finally {
      await endPool(pool).catch(() => {});
    }
    logs[name] = log;
  }
  return logs;
}

test('events and their order: connection, acquire, enqueue, release, as in mysql', async () => {
  const logs = await differential({ connectionLimit: 2 }, async (pool, log) => {
    const first = await getConnection(pool);
    const second = await getConnection(pool);
    const third = getConnection(pool).then((conn) => {
      log.push(conn === first ? 'got the first back' : 'got another');
      return conn;
    });
    log.push('waiting');
    first.release();
    (await third).release();
    second.release();
    const { err, rows } = await poolQuery(pool, 'SELECT name FROM pool_people ORDER BY id');
    log.push(err ? err.code : rows.map((row) => row.name).join(','));
  });
  assert.deepEqual(logs.ours, logs.mysql);
  assert.deepEqual(logs.ours.slice(0, 4), ['connection', 'acquire', 'connection', 'acquire']);
  assert.ok(logs.ours.includes('enqueue'));
});

test('pool.query: results, fields and the Query object with its events, as in mysql', async () => {
  const logs = await differential({ connectionLimit: 1 }, async (pool, log) => {
    const { rows, fields } = await poolQuery(pool, 'SELECT id, name FROM pool_people WHERE id = ?', [2]);
    log.push(JSON.stringify(rows), fields.map((field) => `${field.name}:${field.type}`).join(','));
    const query = pool.query('SELECT id FROM pool_people ORDER BY id');
    log.push(query.sql === undefined ? 'no sql yet' : 'sql ' + query.sql);
    await new Promise((resolve, reject) => {
      query.on('fields', (f) => log.push('fields ' + f.length));
      query.on('result', (row) => log.push('row ' + row.id));
      query.on('error', reject);
      query.on('end', resolve);
    });
    const failed = await poolQuery(pool, 'SELECT * FROM no_such_table');
    log.push(JSON.stringify(errorShape(failed.err)), failed.err.sql, failed.err.index);
    log.push(pool.escape("it's"), pool.escapeId('a.b'), pool.escape(new Date(0)).length);
  });
  assert.deepEqual(logs.ours, logs.mysql);
  assert.ok(logs.ours.includes('row 2'));
});

test('waitForConnections: false fails with POOL_CONNLIMIT; queueLimit with POOL_ENQUEUELIMIT', async () => {
  const limited = await differential({ connectionLimit: 1, waitForConnections: false }, async (pool, log) => {
    const held = await getConnection(pool);
    const { err } = await getOutcome(pool);
    log.push(JSON.stringify(errorShape(err)));
    held.release();
  });
  assert.deepEqual(limited.ours, limited.mysql);
  assert.match(limited.ours.join(), /POOL_CONNLIMIT/);

  const queued = await differential({ connectionLimit: 1, queueLimit: 1 }, async (pool, log) => {
    const held = await getConnection(pool);
    const waiting = getOutcome(pool);
    const { err } = await getOutcome(pool);
    log.push(JSON.stringify(errorShape(err)));
    held.release();
    const second = await waiting;
    log.push(second.err ? 'failed' : 'served after release');
    second.conn.release();
  });
  assert.deepEqual(queued.ours, queued.mysql);
  assert.match(queued.ours.join(), /POOL_ENQUEUELIMIT/);
});

test('end(): waiting getConnection calls and later calls get POOL_CLOSED, as in mysql', async () => {
  const logs = await differential({ connectionLimit: 1 }, async (pool, log) => {
    const held = await getConnection(pool);
    const waiting = getOutcome(pool);
    await endPool(pool);
    const { err } = await waiting;
    log.push('waiting: ' + JSON.stringify(errorShape(err)));
    const after = await getOutcome(pool);
    log.push('after: ' + JSON.stringify(errorShape(after.err)));
    const queried = await poolQuery(pool, 'SELECT 1');
    log.push('query: ' + queried.err.code);
    held.release();
    log.push('release after end is a no-op');
  });
  assert.deepEqual(logs.ours, logs.mysql);
  assert.match(logs.ours.join(), /POOL_CLOSED/);
});

test('release twice throws; destroy() takes the connection out of the pool', async () => {
  const logs = await differential({ connectionLimit: 2 }, async (pool, log) => {
    const conn = await getConnection(pool);
    conn.release();
    assert.throws(() => conn.release(), /Connection already released/);
    const again = await getConnection(pool);
    log.push(again === conn ? 'same connection' : 'another');
    again.destroy();
    log.push('all ' + pool._allConnections.length);
    const fresh = await getConnection(pool);
    log.push(fresh === conn ? 'destroyed one back' : 'a new one');
    fresh.release();
  });
  assert.deepEqual(logs.ours, logs.mysql);
  assert.deepEqual(
    logs.ours.filter((line) => !/^(connection|acquire|release)$/.test(line)),
    ['same connection', 'all 0', 'a new one'],
  );
});

test('changeUser on a pooled connection is undone when it is acquired again', async () => {
  const logs = await differential({ connectionLimit: 1 }, async (pool, log) => {
    const conn = await getConnection(pool);
    await new Promise((resolve, reject) =>
      conn.changeUser({ database: 'test_other' }, (err) => (err ? reject(err) : resolve())),
    );
    const { rows } = await poolQuery(conn, 'SELECT DATABASE() AS db');
    log.push(rows[0].db);
    conn.release();
    const back = await getConnection(pool);
    const { rows: after } = await poolQuery(back, 'SELECT DATABASE() AS db');
    log.push(after[0].db, back.config.database);
    back.release();
  });
  assert.deepEqual(logs.ours, logs.mysql);
  assert.deepEqual(
    logs.ours.filter((line) => line.startsWith('test')),
    ['test_other', 'test', 'test'],
  );
});

test('acquireTimeout bounds the connect of a new connection: Handshake inactivity timeout, as in mysql', async () => {
  const proxy = await startProxy({ targetPort: server.port });
  try {
    proxy.setMode('blackhole');
    const errors = {};
    for (const [name, client] of both) {
      const pool = client.createPool({
        ...server.config(),
        host: proxy.host,
        port: proxy.port,
        acquireTimeout: 300,
      });
      const { err } = await getOutcome(pool);
      errors[name] = { ...errorShape(err), timeout: err.timeout };
      assert.equal(pool._allConnections.length, 0);
      await endPool(pool);
    }
    assert.deepEqual(errors.ours, errors.mysql);
    assert.equal(errors.ours.code, 'PROTOCOL_SEQUENCE_TIMEOUT');
    assert.equal(errors.ours.message, 'Handshake inactivity timeout');
  } finally {
    await proxy.close();
  }
});

test('bad pool options are refused with a clear error', () => {
  assert.throws(() => ours.createPool({ connectionLimit: -1 }), /connectionLimit/);
  assert.throws(() => ours.createPool({ maxLifetime: 'soon' }), /maxLifetime/);
  assert.throws(() => ours.createPool({ queueTimeout: 'x' }), /queueTimeout/);
  // The pool's queueLimit is the getConnection queue; each connection keeps its command queue.
  const pool = ours.createPool({ queueLimit: 3 });
  assert.equal(pool.config.queueLimit, 3);
  assert.equal(pool.config.connectionConfig.queueLimit, 10000);
  pool.end();
});
