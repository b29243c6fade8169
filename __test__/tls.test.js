'use strict';
// TLS end to end on rustls: private servers with certificates made by the test (support/certs.js).
// Verified by default (chain and host name), fails closed without a retry storm, stays encrypted
// across reconnects, never falls back to plaintext, honours client certificates and TLS versions.

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const mysql = require('..');
const { startServer } = require('./support/mariadb');
const { makeTestPki, tlsServerArgs } = require('./support/certs');
const { query, queryOutcome, end, once, killAndHeal, runNode, openRecorded } = require('./support/client');

let pki;
/** TLS with a certificate for 127.0.0.1 and localhost. */
let tlsServer;
/** TLS 1.2 only, with a certificate for db.example.test: wrong for 127.0.0.1. */
let wrongHostServer;
/** No TLS at all; counts logins per user (userstat). */
let plainServer;

before(async () => {
  pki = await makeTestPki();
  [tlsServer, wrongHostServer, plainServer] = await Promise.all([
    startServer({ args: tlsServerArgs(pki, pki.server) }),
    startServer({ args: [...tlsServerArgs(pki, pki.wrongHost), '--tls-version=TLSv1.2'] }),
    startServer({ args: ['--userstat=1'] }),
  ]);
  await tlsServer.admin(
    "CREATE USER 'tls_only'@'%' IDENTIFIED BY 'tls-pw' REQUIRE SSL;" +
      "CREATE USER 'x509_only'@'%' IDENTIFIED BY 'x509-pw' REQUIRE X509;" +
      "GRANT USAGE ON *.* TO 'tls_only'@'%', 'x509_only'@'%';",
  );
});

/** Every connection a test opened: destroyed at the end even when a test failed half-way. */
const opened = [];

after(async () => {
  for (const conn of opened) conn.destroy();
  await Promise.all([tlsServer, wrongHostServer, plainServer].filter(Boolean).map((s) => s.destroy()));
  if (pki) pki.remove();
});

function open(target, extra) {
  const recorded = openRecorded({ ...target.config(), reconnect: { maxDelay: 200 }, ...extra });
  opened.push(recorded.conn);
  return recorded;
}

/** The session's TLS state as the server sees it: { cipher, version } ('' when plaintext). */
async function tlsStatus(conn) {
  const rows = await query(conn, "SHOW SESSION STATUS WHERE Variable_name IN ('Ssl_cipher', 'Ssl_version')");
  const value = (name) => rows.find((row) => row.Variable_name === name).Value;
  return { cipher: value('Ssl_cipher'), version: value('Ssl_version') };
}

async function currentUser(conn) {
  return (await query(conn, 'SELECT CURRENT_USER() AS me'))[0].me;
}

function assertGaveUpOnTls(err, seen, pattern) {
  assert.equal(err.code, 'HANDSHAKE_SSL_ERROR');
  assert.equal(err.fatal, true);
  assert.match(err.message, pattern);
  assert.equal(seen.reconnecting.length, 0, 'no retry after a TLS failure');
}

test('ssl: { ca } connects encrypted (TLS 1.3 by default), to 127.0.0.1 and to localhost', async () => {
  for (const host of ['127.0.0.1', 'localhost']) {
    const { conn, seen } = open(tlsServer, { host, ssl: { ca: pki.ca } });
    const status = await tlsStatus(conn);
    assert.notEqual(status.cipher, '');
    assert.equal(status.version, 'TLSv1.3');
    assert.equal(seen.error.length, 0);
    await end(conn);
  }
});

test('a REQUIRE SSL user logs in over ssl, and is refused without it (the server enforces TLS)', async () => {
  const user = { user: 'tls_only', password: 'tls-pw', database: undefined };
  const { conn } = open(tlsServer, { ...user, ssl: { ca: pki.ca } });
  assert.equal(await currentUser(conn), 'tls_only@%');
  await end(conn);
  const { conn: plain } = open(tlsServer, user);
  const { err } = await queryOutcome(plain, 'SELECT 1');
  assert.equal(err.code, 'ER_ACCESS_DENIED_ERROR');
  assert.equal(err.fatal, true);
});

test('ssl: true verifies against the built-in roots, which do not hold the test CA', async () => {
  const { conn, seen } = open(tlsServer, { ssl: true });
  const { err } = await queryOutcome(conn, 'SELECT 1');
  assertGaveUpOnTls(err, seen, /UnknownIssuer/);
});

test('the host name is verified: a certificate for another name fails; servername names the expected one', async () => {
  const { conn, seen } = open(wrongHostServer, { ssl: { ca: pki.ca } });
  const { err } = await queryOutcome(conn, 'SELECT 1');
  assertGaveUpOnTls(err, seen, /not valid for name/);
  assert.match(err.message, /127\.0\.0\.1/);

  const { conn: named } = open(wrongHostServer, { ssl: { ca: pki.ca, servername: 'db.example.test' } });
  assert.notEqual((await tlsStatus(named)).cipher, '');
  await end(named);
});

test('a wrong CA: one fatal error event, pending callbacks get it, no reconnecting, the process exits', async () => {
  const config = JSON.stringify({ ...tlsServer.config(), ssl: { ca: pki.otherCa } });
  const { code, out } = await runNode(`
    const conn = mysql.createConnection(${config});
    const report = { errors: [], reconnecting: 0, callbacks: [] };
    conn.on('error', (err) => report.errors.push({ code: err.code, fatal: err.fatal, message: err.message }));
    conn.on('reconnecting', () => report.reconnecting++);
    conn.on('end', () => setImmediate(() => console.log(JSON.stringify(report))));
    conn.connect(); // no callback: the give-up is emitted as 'error'
    for (const sql of ['SELECT 1', 'SELECT 2']) conn.query(sql, (err) => report.callbacks.push(err && err.code));
  `);
  assert.equal(code, 0);
  const report = JSON.parse(out);
  assert.equal(report.errors.length, 1);
  assert.equal(report.errors[0].code, 'HANDSHAKE_SSL_ERROR');
  assert.equal(report.errors[0].fatal, true);
  assert.match(report.errors[0].message, /certificate.*UnknownIssuer/);
  assert.equal(report.reconnecting, 0);
  assert.deepEqual(report.callbacks, ['HANDSHAKE_SSL_ERROR', 'HANDSHAKE_SSL_ERROR']);
});

test('rejectUnauthorized: false connects despite a wrong CA or host name, still encrypted', async () => {
  for (const [target, ca] of [
    [tlsServer, pki.otherCa],
    [wrongHostServer, pki.ca],
  ]) {
    const { conn } = open(target, { ssl: { ca, rejectUnauthorized: false } });
    assert.notEqual((await tlsStatus(conn)).cipher, '');
    await end(conn);
  }
});

test('after a KILL and after a server restart the healed connection is still encrypted', async () => {
  const { conn, seen } = open(tlsServer, { ssl: { ca: pki.ca } });
  assert.notEqual((await tlsStatus(conn)).cipher, '');
  const first = conn.threadId;
  await killAndHeal(tlsServer, conn);
  const afterKill = await tlsStatus(conn);
  assert.notEqual(afterKill.cipher, '');
  assert.notEqual(conn.threadId, first);

  const disconnected = once(conn, 'disconnect');
  await tlsServer.restart();
  await disconnected;
  const afterRestart = await tlsStatus(conn);
  assert.notEqual(afterRestart.cipher, '');
  assert.equal(seen.error.length, 0);
  assert.equal(seen.reconnect.length, 2);
  await end(conn);
});

test('a REQUIRE X509 user logs in with a client certificate and key, and not without them', async () => {
  const user = { user: 'x509_only', password: 'x509-pw', database: undefined };
  const { conn } = open(tlsServer, {
    ...user,
    ssl: { ca: pki.ca, cert: pki.client.cert, key: pki.client.key },
  });
  assert.equal(await currentUser(conn), 'x509_only@%');
  await end(conn);

  const { conn: noCert, seen } = open(tlsServer, { ...user, ssl: { ca: pki.ca } });
  const { err } = await queryOutcome(noCert, 'SELECT 1');
  assert.equal(err.code, 'ER_ACCESS_DENIED_ERROR');
  assert.equal(err.fatal, true);
  assert.equal(seen.reconnecting.length, 0);
});

test('a pool logs in with a client certificate on each of its connections', async () => {
  const pool = mysql.createPool({
    ...tlsServer.config(),
    user: 'x509_only',
    password: 'x509-pw',
    database: undefined,
    connectionLimit: 2,
    ssl: { ca: pki.ca, cert: pki.client.cert, key: pki.client.key },
  });
  try {
    // Two at once: two connections, each from the pool's copy of the config.
    const users = await Promise.all([currentUser(pool), currentUser(pool)]);
    assert.deepEqual(users, ['x509_only@%', 'x509_only@%']);
  } finally {
    await new Promise((resolve) => pool.end(resolve));
  }
});

test('an encrypted client key works with its passphrase; a wrong passphrase is a clear TypeError', async () => {
  const encrypted = crypto
    .createPrivateKey(pki.client.key)
    .export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'key-pass' });
  const user = { user: 'x509_only', password: 'x509-pw', database: undefined };
  const ssl = { ca: pki.ca, cert: pki.client.cert, key: encrypted };
  const { conn } = open(tlsServer, { ...user, ssl: { ...ssl, passphrase: 'key-pass' } });
  assert.equal(await currentUser(conn), 'x509_only@%');
  await end(conn);
  assert.throws(
    () => mysql.createConnection({ ...tlsServer.config(), ssl: { ...ssl, passphrase: 'not-it-9931' } }),
    (err) => {
      assert.ok(err instanceof TypeError);
      assert.match(err.message, /ssl\.key.*passphrase/);
      assert.ok(!err.message.includes('not-it-9931') && !err.message.includes('BEGIN'));
      return true;
    },
  );
});

test('a server without TLS is an error when ssl is set, and no plaintext login ever happens', async () => {
  const logins = async () => {
    const rows = await plainServer.admin(
      "SELECT TOTAL_CONNECTIONS AS n FROM information_schema.USER_STATISTICS WHERE USER = 'app'",
    );
    return rows.length === 0 ? 0 : Number(rows[0].n);
  };
  const before = await logins();
  const { conn, seen } = open(plainServer, { ssl: { ca: pki.ca } });
  const results = await Promise.all([queryOutcome(conn, 'SELECT 1'), queryOutcome(conn, 'SELECT 2')]);
  for (const { err } of results) {
    assert.equal(err.code, 'HANDSHAKE_NO_SSL_SUPPORT');
    assert.equal(err.fatal, true);
  }
  assert.equal(seen.reconnecting.length, 0);
  assert.equal(await logins(), before, 'the server saw no login');
  // The counter does count a login: the same connection without ssl is one.
  const { conn: plain } = open(plainServer);
  await query(plain, 'SELECT 1');
  await end(plain);
  assert.equal(await logins(), before + 1);
});

test('minVersion and maxVersion are honoured', async () => {
  const versions = [
    [{ maxVersion: 'TLSv1.2' }, 'TLSv1.2'],
    [{ minVersion: 'TLSv1.3' }, 'TLSv1.3'],
    // rustls speaks 1.2 and 1.3 only; a lower minimum is met by them.
    [{ minVersion: 'TLSv1', maxVersion: 'TLSv1.2' }, 'TLSv1.2'],
    [{ minVersion: 'TLSv1.1' }, 'TLSv1.3'],
  ];
  for (const [bounds, expected] of versions) {
    const { conn } = open(tlsServer, { ssl: { ca: pki.ca, ...bounds } });
    assert.equal((await tlsStatus(conn)).version, expected, JSON.stringify(bounds));
    await end(conn);
  }
  // The wrong-host server speaks TLS 1.2 only.
  const { conn, seen } = open(wrongHostServer, {
    ssl: { ca: pki.ca, servername: 'db.example.test', minVersion: 'TLSv1.3' },
  });
  const { err } = await queryOutcome(conn, 'SELECT 1');
  assertGaveUpOnTls(err, seen, /TLS error/);
});

test('out-of-range or inconsistent TLS options are clear errors at createConnection', () => {
  const base = { ...tlsServer.config() };
  const cases = [
    [
      { ssl: { ca: pki.ca, maxVersion: 'TLSv1.1' } },
      RangeError,
      /ssl\.maxVersion: 'TLSv1\.1' is older than TLSv1\.2/,
    ],
    [{ ssl: { ca: pki.ca, maxVersion: 'TLSv1' } }, RangeError, /ssl\.maxVersion/],
    [{ ssl: { ca: pki.ca, minVersion: 'SSLv3' } }, RangeError, /ssl\.minVersion: expected/],
    [
      { ssl: { ca: pki.ca, minVersion: 'TLSv1.3', maxVersion: 'TLSv1.2' } },
      RangeError,
      /newer than ssl\.maxVersion/,
    ],
    [{ ssl: { ca: pki.ca, cert: pki.client.cert } }, TypeError, /needs both ssl\.cert and ssl\.key/],
    [
      { ssl: { ca: pki.ca, cert: pki.client.cert, key: 'not a key' } },
      TypeError,
      /ssl\.key: not a usable PEM private key/,
    ],
    [{ ssl: { ca: 42 } }, TypeError, /ssl\.ca: expected a PEM string or Buffer/],
    [{ ssl: { pfx: Buffer.alloc(1) } }, TypeError, /ssl\.pfx/],
    [{ ssl: 'No Such Profile' }, TypeError, /Unknown SSL profile/],
    [{ ssl: { ca: pki.ca }, socketPath: tlsServer.socketPath }, TypeError, /unix socket/],
  ];
  for (const [extra, Type, pattern] of cases) {
    assert.throws(
      () => mysql.createConnection({ ...base, ...extra }),
      (err) => err instanceof Type && pattern.test(err.message),
      JSON.stringify(extra),
    );
  }
});

test('a CA that is not a certificate fails closed at connect, without retries', async () => {
  const { conn, seen } = open(tlsServer, { ssl: { ca: 'this is not a certificate' } });
  const { err } = await queryOutcome(conn, 'SELECT 1');
  assertGaveUpOnTls(err, seen, /TLS error/);
});
