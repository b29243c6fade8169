'use strict';
// Values at the limits: packets above 16 MB (the protocol splits them), a value above the server's
// max_allowed_packet, invalid UTF-8 (compared with what `mysql` returns for the same rows), a huge
// IN list, and a result far larger than the process's heap through `.stream()`.

const { test } = require('node:test');
const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const { spawn } = require('node:child_process');
const path = require('node:path');
const mysql = require('..');
const oracle = require('mysql');
const { usePrivateServer } = require('./support/mariadb');
const { query, queryOutcome, end, once } = require('./support/client');

const MAX_PACKET = 64 << 20;
// Not valid UTF-8: a bad continuation, 0xFF/0xFE, a cut 3-byte and 4-byte sequence, a surrogate.
const BAD_UTF8 = Buffer.from([
  0x61, 0xc3, 0x28, 0xff, 0xfe, 0xe2, 0x82, 0x62, 0xf0, 0x9f, 0x98, 0xed, 0xa0, 0x80, 0x7a,
]);

const server = usePrivateServer({ args: [`--max-allowed-packet=${MAX_PACKET}`] }, async (started) => {
  // MyISAM: a 20 MB BLOB in InnoDB would need a redo log bigger than the test server's.
  await started.admin(
    'CREATE TABLE test.big (id INT PRIMARY KEY, b LONGBLOB, t LONGTEXT CHARACTER SET utf8mb4) ENGINE=MyISAM',
  );
  await started.admin(
    'CREATE TABLE test.bad_utf8 (vb VARBINARY(64), bl BLOB, lt TEXT CHARACTER SET latin1, mt TEXT CHARACTER SET utf8mb4)',
  );
  await started.admin(
    `INSERT INTO test.bad_utf8 VALUES (X'${BAD_UTF8.toString('hex')}', X'${BAD_UTF8.toString('hex')}', X'${BAD_UTF8.toString('hex')}', X'6F6BE29C93F09F9880')`,
  );
});

/** A connection of this package, destroyed after the test whatever happens. */
function open(t, extra) {
  const conn = mysql.createConnection({ ...server.config(), ...extra });
  t.after(() => conn.destroy());
  return conn;
}

const sha256 = (data) => crypto.createHash('sha256').update(data).digest('hex');

test('a 20 MB LONGBLOB and LONGTEXT go in and come back byte for byte (packets > 16 MB)', async (t) => {
  const conn = open(t, { charset: 'UTF8MB4_GENERAL_CI' });
  const blob = crypto.randomBytes(20 << 20);
  // Multi-byte characters, so a split inside a character would show.
  const text = 'é✓😀x'.repeat(Math.ceil((20 << 20) / 10));
  await query(conn, 'INSERT INTO big VALUES (1, ?, ?)', [blob, text]);
  const rows = await query(conn, 'SELECT b, t, LENGTH(b) AS blen, LENGTH(t) AS tlen FROM big WHERE id = 1');
  assert.equal(rows[0].blen, blob.length);
  assert.equal(rows[0].tlen, Buffer.byteLength(text));
  assert.ok(Buffer.isBuffer(rows[0].b));
  assert.equal(rows[0].b.length, blob.length);
  assert.equal(sha256(rows[0].b), sha256(blob));
  assert.equal(rows[0].t.length, text.length);
  assert.equal(sha256(rows[0].t), sha256(text));
  // The server computed the same digest from what it stored.
  const digests = await query(conn, 'SELECT SHA2(b, 256) AS b, SHA2(t, 256) AS t FROM big WHERE id = 1');
  assert.equal(digests[0].b, sha256(blob));
  assert.equal(digests[0].t, sha256(text));
  await end(conn);
});

test('a statement above max_allowed_packet fails as in mysql (ER_NET_PACKET_TOO_LARGE), unsent, and the connection lives', async (t) => {
  const conn = open(t);
  const seen = [];
  for (const event of ['error', 'disconnect']) conn.on(event, () => seen.push(event));
  await query(conn, 'SELECT 1');
  const threadId = conn.threadId;
  const tooBig = 'x'.repeat(MAX_PACKET + (1 << 20));
  const { err } = await queryOutcome(conn, 'SELECT LENGTH(?) AS n', [tooBig]);
  // The fields mysql gives (the server's error 1153), plus: it provably never ran.
  assert.equal(err.code, 'ER_NET_PACKET_TOO_LARGE');
  assert.equal(err.errno, 1153);
  assert.equal(err.sqlState, '08S01');
  assert.equal(err.message, "ER_NET_PACKET_TOO_LARGE: Got a packet bigger than 'max_allowed_packet' bytes");
  assert.equal(err.outcome, 'not_executed');
  assert.equal(err.fatal, undefined);
  // mysql's connection dies here (the server resets it); ours was never at risk.
  const rows = await query(conn, 'SELECT LENGTH(?) AS n', ['x'.repeat(1 << 20)]);
  assert.equal(rows[0].n, 1 << 20);
  assert.equal(conn.threadId, threadId);
  assert.deepEqual(seen, []);
  await end(conn);
});

test('invalid UTF-8: binary and text columns give exactly what mysql gives', async (t) => {
  // character_set_results = NULL: the server sends the latin1 column's raw bytes, which are not
  // UTF-8, in a text column; CAST(... AS CHAR CHARACTER SET utf8mb4) lets some invalid bytes through.
  const statements = [
    'SELECT vb, bl, lt, mt FROM bad_utf8',
    'SET character_set_results = NULL',
    'SELECT vb, bl, lt, mt, CAST(vb AS CHAR CHARACTER SET utf8mb4) AS conv, CONCAT(lt, mt) AS mixed FROM bad_utf8',
    'SELECT ? AS param, CONVERT(? USING binary) AS param_bin',
  ];
  const ours = open(t, { charset: 'UTF8MB4_GENERAL_CI' });
  const theirs = oracle.createConnection({ ...server.config(), charset: 'UTF8MB4_GENERAL_CI' });
  t.after(() => theirs.destroy());
  for (const sql of statements) {
    const values = [BAD_UTF8, BAD_UTF8];
    const mine = await query(ours, sql, values);
    const expected = await query(theirs, sql, values);
    assert.deepEqual(JSON.parse(JSON.stringify(mine)), JSON.parse(JSON.stringify(expected)), sql);
  }
  const [row] = await query(ours, 'SELECT vb, bl, lt FROM bad_utf8');
  assert.deepEqual(row.vb, BAD_UTF8);
  assert.deepEqual(row.bl, BAD_UTF8);
  // Invalid bytes in a text column decode with U+FFFD, exactly as Buffer#toString('utf8').
  assert.equal(row.lt, BAD_UTF8.toString('utf8'));
  assert.ok(row.lt.includes('\uFFFD'));
  await end(ours);
});

test('a huge IN list: 100,000 values through ? expansion', async (t) => {
  const conn = open(t);
  const values = Array.from({ length: 100000 }, (_, i) => 2 * i + 1);
  const rows = await query(
    conn,
    'SELECT COUNT(*) AS n, SUM(seq) AS total FROM seq_1_to_300000 WHERE seq IN (?)',
    [values],
  );
  assert.equal(rows[0].n, 100000);
  assert.equal(
    Number(rows[0].total),
    values.reduce((a, b) => a + b, 0),
  );
  await end(conn);
});

test('a 320 MB result streams through a process with a 64 MB heap', async (t) => {
  const rows = 320000;
  const width = 1000;
  const script = `
    const mysql = require(${JSON.stringify(path.join(__dirname, '..'))});
    const conn = mysql.createConnection(${JSON.stringify(server.config())});
    let bytes = 0, count = 0, peakRss = 0, peakHeap = 0;
    const stream = conn.query("SELECT seq, REPEAT(CHAR(65 + seq % 26), ${width}) AS pad FROM seq_1_to_${rows}").stream({ highWaterMark: 100 });
    stream.on('data', (row) => {
      bytes += row.pad.length;
      count++;
      if (count % 20000 === 0) {
        const m = process.memoryUsage();
        peakRss = Math.max(peakRss, m.rss);
        peakHeap = Math.max(peakHeap, m.heapUsed);
      }
    });
    stream.on('error', (err) => { console.error(err); process.exit(2); });
    stream.on('end', () => {
      console.log(JSON.stringify({ bytes, count, peakRss, peakHeap }));
      conn.end();
    });
  `;
  const child = spawn(process.execPath, ['--max-old-space-size=64', '-e', script], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (err += d));
  const timer = setTimeout(() => child.kill('SIGKILL'), 60000);
  const [code, signal] = await once(child, 'exit');
  clearTimeout(timer);
  assert.equal(signal, null, 'the child was not killed: ' + err);
  assert.equal(code, 0, err);
  const report = JSON.parse(out);
  assert.equal(report.count, rows);
  assert.equal(report.bytes, rows * width);
  t.diagnostic(
    `streamed ${(report.bytes / 1e6).toFixed(0)} MB in ${report.count} rows with --max-old-space-size=64: ` +
      `peak RSS ${(report.peakRss / 1e6).toFixed(0)} MB, peak heap ${(report.peakHeap / 1e6).toFixed(0)} MB`,
  );
});
