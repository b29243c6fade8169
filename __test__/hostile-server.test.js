'use strict';
// A hostile server (support/fake-server.js, real protocol bytes on loopback) asks for local files
// it has no business reading. A file goes out only for the application's own LOAD DATA LOCAL
// INFILE statement, and only the file that statement names; every other request is answered with
// an empty file (the server ends the statement, the connection stays usable) and fails the
// statement with ER_LOCAL_INFILE_WRONG_FILENAME, fatal: false, without the file being read.
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { Readable } = require('node:stream');
const mysql = require('..');
const { query, queryOutcome, openFake } = require('./support/client');

let dir;
let secret;
let secretText;
let data;
before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rm-hostile-'));
  secret = path.join(dir, 'secret.txt');
  secretText = `secret-${crypto.randomUUID()}`;
  fs.writeFileSync(secret, secretText);
  data = path.join(dir, "it's data.csv");
  fs.writeFileSync(data, '1,one\n');
});
after(() => fs.rmSync(dir, { recursive: true, force: true }));

const open = (t, onQuery, options, hooks = {}) => openFake(t, { onQuery, ...hooks }, options);

function assertRefused(err, fake) {
  assert.ok(err, 'the statement must fail');
  assert.equal(err.code, 'ER_LOCAL_INFILE_WRONG_FILENAME');
  assert.notEqual(err.fatal, true, 'the connection stays usable');
  assert.equal(fake.infiles.length, 1);
  assert.equal(fake.infiles[0].data.length, 0, 'nothing of the file was sent');
  assert.ok(!fake.infiles[0].data.toString().includes(secretText));
}

test('a plain SELECT answered with a LOCAL INFILE request: refused, the file is not read', async (t) => {
  const { fake, conn } = await open(t, (sql) => (/^SELECT 1/.test(sql) ? { infile: secret } : undefined));
  const { err } = await queryOutcome(conn, 'SELECT 1 AS one');
  assertRefused(err, fake);
  assert.match(err.message, /secret\.txt/);
  const rows = await query(conn, 'SELECT @@wait_timeout');
  assert.equal(rows.length, 1, 'the connection stays usable');
});

test("the app's own LOAD DATA LOCAL answered with a request for another file: refused", async (t) => {
  const { fake, conn } = await open(t, (sql) => (/^LOAD DATA/.test(sql) ? { infile: secret } : undefined));
  const { err } = await queryOutcome(conn, mysql.format('LOAD DATA LOCAL INFILE ? INTO TABLE t', [data]));
  assertRefused(err, fake);
});

test('an init statement of the connect answered with a LOCAL INFILE request: the file is not read', async (t) => {
  // `mysql`'s charset, so that the connect runs an init statement (SET NAMES) to answer.
  const { fake, conn } = await open(t, (sql) => (/^SET NAMES/.test(sql) ? { infile: secret } : undefined), {
    charset: 'UTF8_GENERAL_CI',
  });
  await queryOutcome(conn, 'SELECT 1');
  assert.ok(fake.infiles.length >= 1);
  for (const request of fake.infiles) assert.equal(request.data.length, 0);
});

test('the file the statement names, asked for exactly: sent (escapes as mysql.format writes them)', async (t) => {
  const { fake, conn } = await open(t, (sql) =>
    /^LOAD DATA/.test(sql) ? { infile: data, then: { ok: { affectedRows: 1 } } } : undefined,
  );
  const ok = await query(conn, mysql.format('LOAD DATA LOCAL INFILE ? INTO TABLE t', [data]));
  assert.equal(ok.affectedRows, 1);
  assert.equal(fake.infiles.length, 1);
  assert.equal(fake.infiles[0].data.toString(), '1,one\n');
});

test('a second request in the same statement, even for the same name: refused', async (t) => {
  const { fake, conn } = await open(t, (sql) =>
    /^LOAD DATA/.test(sql) ? { infile: data, then: { infile: data } } : undefined,
  );
  const { err } = await queryOutcome(conn, mysql.format('LOAD DATA LOCAL INFILE ? INTO TABLE t', [data]));
  assert.equal(err && err.code, 'ER_LOCAL_INFILE_WRONG_FILENAME');
  assert.equal(fake.infiles[0].data.toString(), '1,one\n');
  assert.equal(fake.infiles[1].data.length, 0);
});

test('infileStreamFactory: called only for the name the statement writes, never for a rogue request', async (t) => {
  const asked = [];
  const factory = (name) => {
    asked.push(name);
    return Readable.from(['from the stream\n']);
  };
  const { fake, conn } = await open(
    t,
    (sql) => {
      if (/^SELECT 1/.test(sql)) return { infile: secret };
      if (/^LOAD DATA/.test(sql)) return { infile: 'wanted.csv', then: { ok: { affectedRows: 1 } } };
      return undefined;
    },
    { infileStreamFactory: factory },
  );
  const { err } = await queryOutcome(conn, 'SELECT 1 AS one');
  assertRefused(err, fake);
  assert.deepEqual(asked, [], 'the factory is not asked for a file the application did not name');
  const ok = await query(conn, "LOAD DATA LOCAL INFILE 'wanted.csv' INTO TABLE t");
  assert.equal(ok.affectedRows, 1);
  assert.deepEqual(asked, ['wanted.csv']);
  assert.equal(fake.infiles[1].data.toString(), 'from the stream\n');
});

test('localInfile: false and a LOCAL INFILE request anyway: refused with ER_LOCAL_INFILE_DISABLED', async (t) => {
  const { fake, conn } = await open(t, (sql) => (/^SELECT 1/.test(sql) ? { infile: secret } : undefined), {
    localInfile: false,
  });
  const { err } = await queryOutcome(conn, 'SELECT 1 AS one');
  assert.equal(err && err.code, 'ER_LOCAL_INFILE_DISABLED');
  assert.notEqual(err.fatal, true);
  assert.equal(fake.infiles.length, 1);
  assert.equal(fake.infiles[0].data.length, 0, 'an empty file, so the server ends the statement');
  const rows = await query(conn, 'SELECT @@wait_timeout');
  assert.equal(rows.length, 1, 'the connection stays usable');
});

test('a ping answered with a LOCAL INFILE request: the file is not read', async (t) => {
  let asked = 0;
  const { fake, conn } = await open(
    t,
    undefined,
    {},
    { onPing: () => (++asked === 1 ? { infile: secret } : undefined) },
  );
  await query(conn, 'SELECT 1');
  await new Promise((resolve) => conn.ping(() => resolve()));
  assert.equal(asked >= 1, true, 'the server was asked to ping');
  for (const request of fake.infiles) assert.equal(request.data.length, 0);
  assert.ok(!fake.infiles.some((request) => request.data.toString().includes(secretText)));
  const rows = await query(conn, 'SELECT @@wait_timeout');
  assert.equal(rows.length, 1, 'the connection is usable after the ping');
});

test('the handshake answered with a LOCAL INFILE request: the first connect fails, the file is not read', async (t) => {
  const { fake, conn } = await open(t, undefined, {}, { onHandshake: () => ({ infile: secret }) });
  const { err } = await queryOutcome(conn, 'SELECT @@wait_timeout');
  assert.ok(err, 'the first connect fails, as in mysql');
  assert.equal(err.fatal, true);
  for (const request of fake.infiles) assert.equal(request.data.length, 0);
  assert.ok(!fake.infiles.some((request) => request.data.toString().includes(secretText)));
});

test('the handshake answered with a LOCAL INFILE request, with reconnect.initial: retried, the file is not read', async (t) => {
  let asked = 0;
  const { fake, conn } = await open(
    t,
    undefined,
    { reconnect: { initial: true } },
    { onHandshake: () => (++asked === 1 ? { infile: secret } : undefined) },
  );
  const rows = await query(conn, 'SELECT @@wait_timeout');
  assert.equal(rows.length, 1, 'the second handshake succeeds and the query runs');
  assert.ok(asked >= 2, 'the first handshake was abandoned');
  for (const request of fake.infiles) assert.equal(request.data.length, 0);
  assert.ok(!fake.infiles.some((request) => request.data.toString().includes(secretText)));
});

test('pipelining: a LOCAL INFILE request while later statements were written ahead: they fail as in flight, the file is not read', async (t) => {
  const { fake, conn } = await open(
    t,
    (sql) => (/^SELECT 'first'/.test(sql) ? { infile: secret } : undefined),
    {
      pipelining: true,
    },
  );
  // Issued before the handshake ends, so all of them are queued when the session starts: one batch.
  const first = queryOutcome(conn, "SELECT 'first'");
  const followers = ['SELECT 2 AS two', 'SELECT 3 AS three'].map((sql) => queryOutcome(conn, sql));
  const { err } = await first;
  assert.equal(err && err.code, 'ER_LOCAL_INFILE_WRONG_FILENAME');
  assert.equal(fake.infiles.length, 1);
  const asFile = fake.infiles[0].data.toString();
  assert.ok(!asFile.includes(secretText), 'nothing of the file was sent');
  // The server took what was written ahead as the file's content: those statements never ran.
  assert.ok(asFile.includes('SELECT 2 AS two'), 'the followers were written ahead');
  for (const { err: lost } of await Promise.all(followers)) {
    assert.ok(lost, 'a statement the server read as file content is not reported as done');
    assert.equal(lost.outcome, 'unknown');
  }
  assert.ok(!fake.queries.includes('SELECT 2 AS two'));
  const rows = await query(conn, 'SELECT @@wait_timeout');
  assert.equal(rows.length, 1, 'the session heals on a new connection');
});
