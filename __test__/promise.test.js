'use strict';
// The promise API (`reconnecting-mysql/promise`, mysql2/promise's shape) keeps the callback API's
// behaviours: healing, errors with `outcome`, transaction loss, pools and clusters, events.

const { test } = require('node:test');
const assert = require('node:assert/strict');
const mysql = require('../promise');
const { usePrivateServer } = require('./support/mariadb');
const { killAndHeal, waitUntil } = require('./support/client');

const server = usePrivateServer({}, (started) =>
  started.admin('CREATE TABLE test.promised (id INT PRIMARY KEY) ENGINE=InnoDB'),
);

test('createConnection resolves once connected; query resolves [rows, fields]; errors reject', async () => {
  const conn = await mysql.createConnection(server.config());
  assert.equal(conn.state, 'authenticated');
  assert.equal(typeof conn.threadId, 'number');
  const [rows, fields] = await conn.query('SELECT ? AS x, ? AS y', [1, 'two']);
  assert.deepEqual(
    rows.map((row) => ({ ...row })),
    [{ x: 1, y: 'two' }],
  );
  assert.deepEqual(
    fields.map((field) => field.name),
    ['x', 'y'],
  );
  const [ok] = await conn.execute('INSERT INTO promised VALUES (?)', [1]);
  assert.equal(ok.affectedRows, 1);
  await assert.rejects(
    conn.query('SELECT * FROM nowhere'),
    (err) =>
      err.code === 'ER_NO_SUCH_TABLE' && err.fatal === undefined && /--------------------/.test(err.stack),
  );
  assert.throws(() => conn.query('SELECT 1', () => {}), /Callback function is not available/);
  assert.equal(await conn.ping(), true);
  assert.equal(typeof (await conn.statistics()).uptime, 'number');
  assert.equal(conn.escape("a'b"), "'a\\'b'");
  assert.equal(conn.format('SELECT ?', [5]), 'SELECT 5');
  await conn.end();
  await assert.rejects(conn.query('SELECT 1'), { code: 'PROTOCOL_ENQUEUE_AFTER_QUIT' });
});

test('createConnection rejects when the connection gives up (wrong password)', async () => {
  await assert.rejects(
    mysql.createConnection({ ...server.config(), password: 'wrong' }),
    (err) => err.code === 'ER_ACCESS_DENIED_ERROR' && err.fatal === true,
  );
});

test('healing: after a KILL the next query succeeds, and the events reach the promise connection', async () => {
  const conn = await mysql.createConnection(server.config());
  const before = conn.threadId;
  const event = await killAndHeal(server, conn);
  assert.equal(event.previousThreadId, before);
  const [[row]] = await conn.query('SELECT CONNECTION_ID() AS id');
  assert.equal(row.id, conn.threadId);
  assert.notEqual(conn.threadId, before);
  assert.equal(conn.stats().reconnects, 1);
  await conn.end();
});

test('every healing event of the connection underneath reaches the promise connection, failover too', async () => {
  const conn = await mysql.createConnection(server.config());
  const seen = [];
  const events = ['disconnect', 'reconnecting', 'reconnect', 'failover'];
  for (const event of events) conn.on(event, (payload) => seen.push([event, payload]));
  // The callback-API connection emits them; the wrapper forwards each with its payload.
  for (const event of events) conn.connection.emit(event, { from: 'a:1', to: 'b:2' });
  assert.deepEqual(
    seen.map(([event]) => event),
    events,
  );
  assert.equal(seen[3][1].to, 'b:2');
  await conn.end();
});

test('a statement in flight when the connection dies rejects with outcome unknown; it is not replayed', async () => {
  const conn = await mysql.createConnection(server.config());
  const threadId = conn.threadId;
  const sleeping = conn.query('SELECT SLEEP(30)');
  await waitUntil(
    async () =>
      (
        await server.admin(
          'SELECT COUNT(*) AS n FROM information_schema.PROCESSLIST WHERE ID = ? AND INFO LIKE ?',
          [threadId, 'SELECT SLEEP%'],
        )
      )[0].n === 1,
    { what: 'the query to run' },
  );
  // Handled before the KILL: the rejection may arrive before the KILL's own reply.
  const rejected = assert.rejects(
    sleeping,
    (err) => err.code === 'PROTOCOL_CONNECTION_LOST' && err.outcome === 'unknown',
  );
  await server.killConnection(threadId);
  await rejected;
  const [[row]] = await conn.query('SELECT 1 AS one');
  assert.equal(row.one, 1);
  await conn.end();
});

test('transactions: commit works; a loss inside one rejects with TRANSACTION_LOST until rollback()', async () => {
  const conn = await mysql.createConnection(server.config());
  const [begun] = await conn.beginTransaction();
  assert.equal(begun.constructor.name, 'OkPacket');
  await conn.query('INSERT INTO promised VALUES (10)');
  await conn.commit();
  await conn.beginTransaction();
  await conn.query('INSERT INTO promised VALUES (11)');
  await killAndHeal(server, conn);
  await assert.rejects(
    conn.query('INSERT INTO promised VALUES (12)'),
    (err) => err.code === 'TRANSACTION_LOST' && err.outcome === 'not_executed',
  );
  await conn.rollback();
  const [rows] = await conn.query('SELECT id FROM promised WHERE id >= 10 ORDER BY id');
  assert.deepEqual(
    rows.map((row) => row.id),
    [10],
  );
  await conn.end();
});

test('pool: getConnection / release, query, events, stats; a pooled connection heals like any other', async () => {
  const pool = mysql.createPool({ ...server.config(), connectionLimit: 2 });
  const events = [];
  for (const event of ['acquire', 'connection', 'release']) pool.on(event, () => events.push(event));
  const conn = await pool.getConnection();
  const [[row]] = await conn.query('SELECT 5 AS five');
  assert.equal(row.five, 5);
  await killAndHeal(server, conn);
  const [[after]] = await conn.query('SELECT 6 AS six');
  assert.equal(after.six, 6);
  conn.release();
  const [rows, fields] = await pool.query('SELECT ? AS v', ['pooled']);
  assert.equal(rows[0].v, 'pooled');
  assert.equal(fields[0].name, 'v');
  assert.deepEqual(events, ['connection', 'acquire', 'release', 'acquire', 'release']);
  assert.equal(pool.stats().all, 1);
  assert.equal(pool.escapeId('t'), '`t`');
  await pool.end();
  await assert.rejects(pool.getConnection(), { code: 'POOL_CLOSED' });
  await assert.rejects(pool.query('SELECT 1'), { code: 'POOL_CLOSED' });
});

test('pool cluster: of().query, getConnection(pattern), POOL_NOEXIST', async () => {
  const cluster = mysql.createPoolCluster();
  cluster.add('MAIN', server.config());
  const [[row]] = await cluster.of('MA*').query('SELECT 8 AS eight');
  assert.equal(row.eight, 8);
  const conn = await cluster.getConnection('MAIN');
  assert.equal((await conn.query('SELECT 9 AS nine'))[0][0].nine, 9);
  conn.release();
  await assert.rejects(cluster.getConnection('OTHER'), { code: 'POOL_NOEXIST' });
  await cluster.end();
});
