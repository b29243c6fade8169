'use strict';
// The password never leaks: not in errors (message, stack, properties), event payloads,
// util.inspect of the connection or its config, JSON of the config, debug output, or errors of a
// URL config. Each test first proves that it looks where the password would be if it leaked.

const { test, after } = require('node:test');
const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const util = require('node:util');
const mysql = require('..');
const { usePrivateServer } = require('./support/mariadb');
const { query, queryOutcome, end, once, killAndHeal, runNode } = require('./support/client');

const PASSWORD = 'Zq9-secret-pw-7731';
const WRONG_PASSWORD = 'Xk4-wrong-pw-2268';
const NEW_PASSWORD = 'Wm2-changed-pw-5510';

const server = usePrivateServer({}, (started) =>
  started.admin(
    `CREATE USER 'keeper'@'%' IDENTIFIED BY '${PASSWORD}';` +
      `CREATE USER 'other'@'%' IDENTIFIED BY '${NEW_PASSWORD}';` +
      "GRANT ALL ON test.* TO 'keeper'@'%', 'other'@'%';",
  ),
);

/** Every connection a test opened: destroyed at the end even when a test failed half-way. */
const opened = [];
after(() => opened.forEach((conn) => conn.destroy()));

function open(extra) {
  const conn = mysql.createConnection({ ...server.config(), user: 'keeper', password: PASSWORD, ...extra });
  opened.push(conn);
  const seen = [];
  for (const event of ['error', 'disconnect', 'reconnecting', 'reconnect', 'end', 'connect']) {
    conn.on(event, (payload) => seen.push({ event, payload }));
  }
  return { conn, seen };
}

/** Everything an error carries: message, stack, every own property, and how inspect shows it. */
function errorText(err) {
  const fields = {};
  for (const name of Object.getOwnPropertyNames(err)) fields[name] = String(err[name]);
  return [
    err.message,
    err.stack,
    JSON.stringify(fields),
    util.inspect(err, { showHidden: true, depth: Infinity }),
  ].join('\n');
}

function everything(value) {
  return util.inspect(value, { showHidden: true, depth: Infinity, getters: true });
}

function assertHidden(text, secrets, where) {
  for (const secret of secrets) assert.ok(!text.includes(secret), `${where} shows a password`);
}

test('a failed login: the error, in callbacks and as the error event, does not show the password', async () => {
  const { conn, seen } = open({ password: WRONG_PASSWORD });
  conn.connect(); // no callback: the give-up is also emitted
  // 'end' may come in the same tick as the query's error (events.once would reject on 'error').
  const ended = new Promise((resolve) => conn.once('end', resolve));
  const { err } = await queryOutcome(conn, 'SELECT 1');
  await ended;
  assert.equal(err.code, 'ER_ACCESS_DENIED_ERROR');
  assert.match(err.message, /keeper/, 'the message is the one that would show it');
  const emitted = seen.filter((e) => e.event === 'error');
  assert.equal(emitted.length, 1);
  assertHidden(errorText(err) + errorText(emitted[0].payload), [WRONG_PASSWORD], 'the access-denied error');
  assertHidden(everything(seen), [WRONG_PASSWORD], 'the events');
});

test('loss, reconnect and give-up events do not show the password', async () => {
  const { conn, seen } = open({ reconnect: { maxAttempts: 3, maxDelay: 50 } });
  await query(conn, 'SELECT 1');
  await killAndHeal(server, conn);
  // Now the password stops working: the next reconnect gives up with access denied.
  await server.admin(`ALTER USER 'keeper'@'%' IDENTIFIED BY '${NEW_PASSWORD}'`);
  try {
    const gaveUp = once(conn, 'error');
    await server.killConnection(conn.threadId);
    const [err] = await gaveUp;
    assert.equal(err.code, 'ER_ACCESS_DENIED_ERROR');
    assert.equal(err.fatal, true);
  } finally {
    await server.admin(`ALTER USER 'keeper'@'%' IDENTIFIED BY '${PASSWORD}'`);
  }
  const events = new Set(seen.map((e) => e.event));
  for (const event of ['disconnect', 'reconnecting', 'reconnect', 'error'])
    assert.ok(events.has(event), event);
  assertHidden(everything(seen), [PASSWORD, NEW_PASSWORD], 'the events');
  for (const { payload } of seen) {
    if (payload instanceof Error) assertHidden(errorText(payload), [PASSWORD], 'an error event');
    if (payload && payload.error) assertHidden(errorText(payload.error), [PASSWORD], 'an event error');
  }
});

test('util.inspect and JSON of the connection and its config do not show the password (it still works)', async () => {
  const { conn } = open({ ssl: undefined });
  await query(conn, 'SELECT 1');
  assert.equal(conn.config.password, PASSWORD, 'readable, as in mysql');
  assertHidden(everything(conn), [PASSWORD], 'util.inspect(connection)');
  assertHidden(util.inspect(conn), [PASSWORD], 'util.inspect(connection)');
  assertHidden(everything(conn.config), [PASSWORD], 'util.inspect(connection.config)');
  assertHidden(JSON.stringify(conn.config), [PASSWORD], 'JSON.stringify(connection.config)');
  assertHidden(JSON.stringify({ ...conn.config }), [PASSWORD], 'a spread copy of the config');
  assert.ok(JSON.stringify(conn.config).includes('"user":"keeper"'), 'JSON of the config shows the rest');
  // Setting it, as changeUser does, keeps it hidden.
  conn.config.password = NEW_PASSWORD;
  assertHidden(
    everything(conn.config) + JSON.stringify(conn.config),
    [NEW_PASSWORD],
    'a config whose password was set',
  );
  conn.config.password = PASSWORD;
  await end(conn);
});

test('the TLS private key and its passphrase are hidden from inspect and JSON of the config too', () => {
  const passphrase = 'key-pass-8812';
  const { privateKey } = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const key = privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase });
  const keyBody = key.split('\n')[1];
  // Not connected: only the config is looked at.
  const conn = mysql.createConnection({ ...server.config(), ssl: { cert: 'unused', key, passphrase } });
  assert.equal(conn.config.ssl.key, key, 'readable, as in mysql');
  assert.equal(conn.config.ssl.passphrase, passphrase);
  const shown = everything(conn) + JSON.stringify(conn.config);
  assert.ok(shown.includes('unused'), 'the rest of ssl is shown');
  assertHidden(shown, [keyBody, passphrase], 'the config');
  assert.throws(
    () =>
      mysql.createConnection({ ...server.config(), ssl: { cert: 'unused', key, passphrase: 'not-it-3390' } }),
    (err) => {
      assert.ok(err instanceof TypeError);
      assertHidden(errorText(err), [keyBody, 'not-it-3390'], 'the key error');
      return true;
    },
  );
});

test('debug output shows commands but not the password, also for changeUser', async () => {
  const config = JSON.stringify({ ...server.config(), user: 'keeper', password: PASSWORD, debug: true });
  const { code, out } = await runNode(`
    process.stderr.write = process.stdout.write.bind(process.stdout);
    const conn = mysql.createConnection(${config});
    conn.query('SELECT 1', () => {
      conn.changeUser({ user: 'other', password: ${JSON.stringify(NEW_PASSWORD)} }, (err) => {
        conn.changeUser({ user: 'other', password: ${JSON.stringify(WRONG_PASSWORD)} }, (err2) => {
          console.log('changeUser:', err ? err.code : 'ok', err2 ? err2.code : 'ok');
        });
      });
    });
  `);
  assert.equal(code, 0);
  assert.match(out, /--> .*ComQueryPacket/, 'debug output is there');
  assert.match(out, /ComChangeUserPacket/);
  assert.match(out, /changeUser: ok ER_ACCESS_DENIED_ERROR/);
  assertHidden(out, [PASSWORD, NEW_PASSWORD, WRONG_PASSWORD], 'debug output');
});

test('a URL config: errors of a failed login and of a malformed URL do not show the password', async () => {
  const { host, port } = server.config();
  const url = `mysql://keeper:${WRONG_PASSWORD}@${host}:${port}/test`;
  const conn = mysql.createConnection(url);
  assert.equal(conn.config.password, WRONG_PASSWORD, 'the URL gave the password');
  const { err } = await queryOutcome(conn, 'SELECT 1');
  assert.equal(err.code, 'ER_ACCESS_DENIED_ERROR');
  assertHidden(errorText(err) + everything(conn), [WRONG_PASSWORD], 'the URL connection');
  for (const bad of [
    `mysql://keeper:${WRONG_PASSWORD}@${host}:99999/test`,
    `mysql://keeper:${WRONG_PASSWORD}@[::1/test`,
  ]) {
    assert.throws(
      () => mysql.createConnection(bad),
      (thrown) => {
        assert.ok(thrown instanceof TypeError || thrown instanceof RangeError);
        assert.match(thrown.message, /connection URL/);
        assertHidden(errorText(thrown), [WRONG_PASSWORD], 'the URL error');
        return true;
      },
    );
  }
});
