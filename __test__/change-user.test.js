'use strict';
// changeUser as in `mysql` (updates config; a failure is fatal), and what a reconnect restores after it.

const { test } = require('node:test');
const assert = require('node:assert/strict');
const mysql = require('..');
const { usePrivateServer } = require('./support/mariadb');
const { query, queryOutcome, end, waitThreadGone } = require('./support/client');

const server = usePrivateServer({}, async (started) => {
  await started.admin('CREATE DATABASE IF NOT EXISTS test_second');
  await started.admin("GRANT ALL ON test_second.* TO 'app'@'127.0.0.1'");
});

const changeUser = (conn, options) => new Promise((resolve) => conn.changeUser(options, resolve));

test('changeUser switches the database, updates config, and reconnects keep it', async () => {
  const conn = mysql.createConnection({ ...server.config(), pingAfterIdle: 0 });
  assert.equal((await query(conn, 'SELECT DATABASE() AS db'))[0].db, 'test');
  assert.equal(await changeUser(conn, { database: 'test_second' }), null);
  assert.equal(conn.config.database, 'test_second');
  assert.equal((await query(conn, 'SELECT DATABASE() AS db'))[0].db, 'test_second');
  const victim = conn.threadId;
  await server.killConnection(victim);
  await waitThreadGone(server, victim);
  assert.equal((await query(conn, 'SELECT DATABASE() AS db'))[0].db, 'test_second');
  await end(conn);
});

test('changeUser to another user: CURRENT_USER() follows, also after a reconnect', async () => {
  await server.admin("CREATE USER IF NOT EXISTS 'other'@'127.0.0.1' IDENTIFIED BY 'other-secret'");
  await server.admin("GRANT SELECT ON test.* TO 'other'@'127.0.0.1'");
  const conn = mysql.createConnection({ ...server.config(), pingAfterIdle: 0 });
  await query(conn, 'SELECT 1');
  assert.equal(await changeUser(conn, { user: 'other', password: 'other-secret' }), null);
  assert.equal(conn.config.user, 'other');
  assert.equal((await query(conn, 'SELECT CURRENT_USER() AS u'))[0].u, 'other@127.0.0.1');
  const victim = conn.threadId;
  await server.killConnection(victim);
  await waitThreadGone(server, victim);
  assert.equal((await query(conn, 'SELECT CURRENT_USER() AS u'))[0].u, 'other@127.0.0.1');
  await end(conn);
});

test('a failed changeUser is fatal, as in mysql', async () => {
  const conn = mysql.createConnection(server.config());
  await query(conn, 'SELECT 1');
  const err = await changeUser(conn, { user: 'app', password: 'wrong' });
  assert.equal(err.code, 'ER_ACCESS_DENIED_ERROR');
  assert.equal(err.fatal, true);
  const after = await queryOutcome(conn, 'SELECT 1');
  assert.equal(after.err.code, 'PROTOCOL_ENQUEUE_AFTER_FATAL_ERROR');
});
