'use strict';
// LOAD DATA LOCAL INFILE as in `mysql`: read when localInfile is on (the default), refused by the
// server when off, a missing file fails the statement and leaves the connection usable.

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { Readable } = require('node:stream');
const mysql = require('..');
const oracle = require('mysql');
const { startServer } = require('./support/mariadb');
const { query, queryOutcome, end } = require('./support/client');

let server;
let dir;
before(async () => {
  server = await startServer();
  await server.admin('CREATE TABLE test.loaded_rows (a INT, b VARCHAR(20))');
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rmysql-infile-'));
  fs.writeFileSync(path.join(dir, 'rows.tsv'), '1\tone\n2\ttwo\n3\tthree\n');
});
after(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  await server.destroy();
});

const load = (file) => mysql.format('LOAD DATA LOCAL INFILE ? INTO TABLE loaded_rows', [file]);

test('localInfile on (default): the file named by the statement is sent', async () => {
  const conn = mysql.createConnection(server.config());
  await query(conn, 'DELETE FROM loaded_rows');
  const ok = await query(conn, load(path.join(dir, 'rows.tsv')));
  assert.equal(ok.affectedRows, 3);
  const rows = await query(conn, 'SELECT a, b FROM loaded_rows ORDER BY a');
  assert.deepEqual(
    rows.map((r) => [r.a, r.b]),
    [
      [1, 'one'],
      [2, 'two'],
      [3, 'three'],
    ],
  );
  await end(conn);
});

test('localInfile: false is refused by the server, with the same error as mysql', async () => {
  const ours = mysql.createConnection({ ...server.config(), localInfile: false });
  const theirs = oracle.createConnection({ ...server.config(), localInfile: false });
  const [a, b] = await Promise.all([
    queryOutcome(ours, load(path.join(dir, 'rows.tsv'))),
    queryOutcome(theirs, load(path.join(dir, 'rows.tsv'))),
  ]);
  assert.ok(a.err);
  for (const field of ['code', 'errno', 'sqlState', 'sqlMessage', 'message'])
    assert.equal(a.err[field], b.err[field], field);
  assert.equal((await query(ours, 'SELECT 1 AS one'))[0].one, 1, 'the connection is still usable');
  await end(ours);
  theirs.end();
});

test('a missing file fails the statement with ENOENT, with the result packet, as mysql', async () => {
  const conn = mysql.createConnection(server.config());
  const theirs = oracle.createConnection(server.config());
  const missing = path.join(dir, 'missing.tsv');
  const [ours, oracleOutcome] = await Promise.all([
    queryOutcome(conn, load(missing)),
    queryOutcome(theirs, load(missing)),
  ]);
  const { err, results } = ours;
  assert.equal(err.code, 'ENOENT');
  assert.equal(err.errno, -2);
  assert.equal(err.message, `ENOENT: no such file or directory, open '${missing}'`);
  assert.equal(oracleOutcome.err.code, 'ENOENT');
  assert.ok(results, 'the callback gets the OK packet beside the error');
  for (const field of ['affectedRows', 'insertId', 'warningCount', 'message'])
    assert.equal(results[field], oracleOutcome.results[field], field);
  assert.equal((await query(conn, 'SELECT 1 AS one'))[0].one, 1);
  await end(conn);
  theirs.end();
});

// mysql2's infileStreamFactory: the application serves the file itself. The names below do not
// exist on disk, so a row that arrives can only have come from the stream.
test('infileStreamFactory (connection option): the stream is sent, called with the name once', async () => {
  const asked = [];
  const conn = mysql.createConnection({
    ...server.config(),
    infileStreamFactory: (name) => {
      asked.push(name);
      return Readable.from(['7\tseven\n', Buffer.from('8\teight\n')]);
    },
  });
  await query(conn, 'DELETE FROM loaded_rows');
  const ok = await query(conn, load('virtual/rows.tsv'));
  assert.equal(ok.affectedRows, 2);
  assert.deepEqual(asked, ['virtual/rows.tsv']);
  const rows = await query(conn, 'SELECT a, b FROM loaded_rows ORDER BY a');
  assert.deepEqual(
    rows.map((r) => [r.a, r.b]),
    [
      [7, 'seven'],
      [8, 'eight'],
    ],
  );
  await end(conn);
});

test("a query's own infileStreamFactory wins, and a large stream arrives whole", async () => {
  const conn = mysql.createConnection({
    ...server.config(),
    infileStreamFactory: () => assert.fail('the connection-level factory must not be called'),
  });
  await query(conn, 'DELETE FROM loaded_rows');
  const count = 50000;
  async function* lines() {
    for (let i = 0; i < count; i += 1000) {
      let chunk = '';
      for (let j = i; j < i + 1000; j++) chunk += `${j}\trow-${j}\n`;
      yield chunk;
    }
  }
  const ok = await query(conn, {
    sql: load('generated.tsv'),
    infileStreamFactory: () => Readable.from(lines()),
  });
  assert.equal(ok.affectedRows, count);
  const [sum] = await query(conn, 'SELECT COUNT(*) AS n, SUM(a) AS s FROM loaded_rows');
  assert.equal(sum.n, count);
  assert.equal(Number(sum.s), (count * (count - 1)) / 2);
  await end(conn);
});

test('a stream that fails midway fails the statement with its error; the connection stays usable', async () => {
  const conn = mysql.createConnection({
    ...server.config(),
    infileStreamFactory: () =>
      new Readable({
        read() {
          this.push('1\tone\n');
          this.destroy(Object.assign(new Error('disk on fire'), { code: 'EIO_TEST' }));
        },
      }),
  });
  await query(conn, 'DELETE FROM loaded_rows');
  const { err } = await queryOutcome(conn, load('x.tsv'));
  assert.ok(err);
  assert.equal(err.code, 'EIO_TEST');
  assert.equal(err.message, 'disk on fire');
  assert.notEqual(err.fatal, true);
  assert.equal((await query(conn, 'SELECT 1 AS one'))[0].one, 1, 'the connection is still usable');
  await end(conn);
});

test('a factory that throws or returns no stream fails the statement, nothing else', async () => {
  for (const factory of [
    () => {
      throw Object.assign(new Error('no such export'), { code: 'E_NO_EXPORT' });
    },
    () => 42,
  ]) {
    const conn = mysql.createConnection({ ...server.config(), infileStreamFactory: factory });
    const { err } = await queryOutcome(conn, load('x.tsv'));
    assert.ok(err);
    assert.match(err.message, /no such export|must return a readable stream/);
    assert.equal((await query(conn, 'SELECT 1 AS one'))[0].one, 1);
    await end(conn);
  }
  assert.throws(
    () => mysql.createConnection({ ...server.config(), infileStreamFactory: 'a.csv' }),
    /infileStreamFactory/,
  );
});
