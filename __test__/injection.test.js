'use strict';
// Stacked-query injection: with multipleStatements: false (the default) `'1; DROP TABLE t'` cannot
// run a second statement, neither through a value nor in raw SQL, also after a reconnect and a
// changeUser (both start a new server session). With multipleStatements: true the raw form runs
// both statements, which proves the checks below could fail.

const { test, beforeEach } = require('node:test');
const assert = require('node:assert/strict');
const mysql = require('..');
const { usePrivateServer } = require('./support/mariadb');
const { query, queryOutcome, end, killAndHeal } = require('./support/client');

const server = usePrivateServer();

beforeEach(() =>
  server.admin(
    'CREATE TABLE IF NOT EXISTS test.victim (id INT); DELETE FROM test.victim; INSERT INTO test.victim VALUES (1)',
  ),
);

async function victimExists() {
  const rows = await server.admin(
    "SELECT COUNT(*) AS n FROM information_schema.TABLES WHERE TABLE_SCHEMA = 'test' AND TABLE_NAME = 'victim'",
  );
  return Number(rows[0].n) === 1;
}

const STACKED = 'SELECT 1; DROP TABLE victim';

async function assertStackedRefused(conn) {
  const { err } = await queryOutcome(conn, STACKED);
  assert.ok(err, 'the stacked query must fail');
  assert.equal(err.code, 'ER_PARSE_ERROR');
  assert.equal(err.errno, 1064);
  assert.equal(err.fatal, undefined, 'an ordinary statement error');
  assert.equal(await victimExists(), true);
}

test('a value is escaped: SELECT ? with "1; DROP TABLE victim" returns the string', async () => {
  const conn = mysql.createConnection(server.config());
  const rows = await query(conn, 'SELECT ? AS v', ['1; DROP TABLE victim']);
  assert.equal(rows[0].v, '1; DROP TABLE victim');
  const byId = await queryOutcome(conn, 'SELECT * FROM ??', ['victim; DROP TABLE victim']);
  assert.equal(byId.err.code, 'ER_NO_SUCH_TABLE');
  assert.equal(await victimExists(), true);
  await end(conn);
});

test('raw stacked SQL is refused with ER_PARSE_ERROR, as with mysql', async () => {
  const conn = mysql.createConnection(server.config());
  await assertStackedRefused(conn);
  // The connection is fine afterwards.
  assert.equal((await query(conn, 'SELECT COUNT(*) AS n FROM victim'))[0].n, 1);
  await end(conn);
});

test('still refused after a reconnect (KILL) and after changeUser', async () => {
  const conn = mysql.createConnection({ ...server.config(), reconnect: { maxDelay: 100 } });
  await query(conn, 'SELECT 1');
  const first = conn.threadId;
  await killAndHeal(server, conn);
  assert.notEqual(conn.threadId, first);
  await assertStackedRefused(conn);
  await new Promise((resolve, reject) =>
    conn.changeUser({ user: server.user, password: server.password }, (err) =>
      err ? reject(err) : resolve(),
    ),
  );
  await assertStackedRefused(conn);
  await end(conn);
});

test('multipleStatements: true runs both statements (the checks above can fail)', async () => {
  const conn = mysql.createConnection({ ...server.config(), multipleStatements: true });
  const results = await query(conn, STACKED);
  assert.equal(results.length, 2);
  assert.equal(await victimExists(), false);
  await end(conn);
});
