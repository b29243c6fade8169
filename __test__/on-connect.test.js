'use strict';
// onConnect as a function (runs on every connect, before queued commands), multipleStatements
// enforcement, and statistics().

const { test } = require('node:test');
const assert = require('node:assert/strict');
const mysql = require('..');
const { usePrivateServer } = require('./support/mariadb');
const { query, queryOutcome, end, waitThreadGone } = require('./support/client');

const server = usePrivateServer();

test('an onConnect function runs on every connect and reconnect, before queued queries', async () => {
  const runs = [];
  const conn = mysql.createConnection({
    ...server.config(),
    onConnect(connection, done) {
      runs.push(connection.threadId);
      connection.query("SET @@session.sql_mode = 'ANSI_QUOTES'", (err) => done(err));
    },
  });
  // Queued before the first connect: must see the hook's effect.
  const first = await query(conn, 'SELECT @@session.sql_mode AS mode, CONNECTION_ID() AS id');
  assert.equal(first[0].mode, 'ANSI_QUOTES');
  assert.deepEqual(runs, [first[0].id]);
  await server.killConnection(first[0].id);
  await waitThreadGone(server, first[0].id);
  const second = await query(conn, 'SELECT @@session.sql_mode AS mode, CONNECTION_ID() AS id');
  assert.equal(second[0].mode, 'ANSI_QUOTES');
  assert.equal(runs.length, 2);
  assert.equal(runs[1], second[0].id);
  await end(conn);
});

test('an onConnect function may return a promise', async () => {
  const conn = mysql.createConnection({
    ...server.config(),
    onConnect: (connection) =>
      new Promise((resolve, reject) =>
        connection.query('SET @@session.time_zone = ?', ['+02:00'], (err) => (err ? reject(err) : resolve())),
      ),
  });
  const rows = await query(conn, 'SELECT @@session.time_zone AS tz');
  assert.equal(rows[0].tz, '+02:00');
  await end(conn);
});

test('a failing onConnect gives up with a fatal error', async () => {
  const conn = mysql.createConnection({
    ...server.config(),
    onConnect: (connection, done) => done(new Error('no schema')),
  });
  const { err } = await queryOutcome(conn, 'SELECT 1');
  assert.equal(err.code, 'ER_ON_CONNECT');
  assert.equal(err.fatal, true);
  assert.match(err.message, /no schema/);
});

test('multipleStatements: false (the default) refuses stacked queries, as mysql does', async () => {
  const conn = mysql.createConnection(server.config());
  const { err } = await queryOutcome(conn, 'SELECT 1; SELECT 2');
  assert.equal(err.code, 'ER_PARSE_ERROR');
  const injected = await queryOutcome(conn, 'SELECT ?', ['1; DROP TABLE t']);
  assert.equal(injected.err, null, 'a value is escaped into one statement');
  await end(conn);
  const multi = mysql.createConnection({ ...server.config(), multipleStatements: true });
  const results = await query(multi, 'SELECT 1 AS a; SELECT 2 AS b');
  assert.equal(results.length, 2);
  assert.equal(results[0][0].a, 1);
  assert.equal(results[1][0].b, 2);
  await end(multi);
});

test('statistics() gives the server status line, parsed as mysql does', async () => {
  const conn = mysql.createConnection(server.config());
  const stats = await new Promise((resolve, reject) =>
    conn.statistics((err, s) => (err ? reject(err) : resolve(s))),
  );
  assert.match(stats.message, /^Uptime: \d+/);
  assert.equal(typeof stats.uptime, 'number');
  assert.equal(typeof stats.threads, 'number');
  await end(conn);
});
