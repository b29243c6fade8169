'use strict';
// A lying or broken server cannot crash, hang or bloat the process. A bounded run of the protocol
// fuzzer (fuzz/run.js: mutated sessions against a lying server, in a worker process), then one
// regression test per crash or wrong error the fuzzer found, each with its seed or as the exact
// packet that caused it, against the fake server (support/fake-server.js, real protocol bytes).
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { fuzz, RSS_BOUND_BYTES } = require('../fuzz/run');
const { runSession, referenceResults } = require('../fuzz/session');
const { lenenc } = require('./support/fake-server');
const { query, queryOutcome, openFake } = require('./support/client');

const FUZZ_SECONDS = 60;

test(`the fuzzer for ${FUZZ_SECONDS} s: no crash, panic, hang, lost or double callback, RSS bounded`, async () => {
  const report = await fuzz({ sessions: 20000, seconds: FUZZ_SECONDS, from: 1, concurrency: 16, batch: 500 });
  const detail = JSON.stringify({
    problems: report.problems.slice(0, 5),
    uncaught: report.uncaught.slice(0, 2),
  });
  assert.equal(report.crash, null, `the worker crashed: ${JSON.stringify(report.crash)}`);
  assert.deepEqual(report.problems, [], detail);
  assert.deepEqual(report.uncaught, [], detail);
  // On this 2-core machine about 100 sessions a second run beside the rest of the suite.
  assert.ok(report.sessions >= 1500, `only ${report.sessions} sessions ran`);
  assert.ok(report.fired > report.sessions / 2, `only ${report.fired} of ${report.sessions} lies were told`);
  // Every kind of lie was told.
  assert.equal(Object.keys(report.kinds).length, 15, JSON.stringify(report.kinds));
  assert.ok(report.rssGrowth < RSS_BOUND_BYTES, `RSS grew ${report.rssGrowth} bytes after the first batch`);
});

let reference;
async function session(seed) {
  reference = reference || (await referenceResults());
  return runSession(seed, reference);
}

// Seeds 98 (invalid UTF-8 written into a GEOMETRY cell) and 954 (a length prefix changed inside
// it): the row was well framed but the value inside it was not, and a Node RangeError
// (ERR_OUT_OF_RANGE) reached the callback as the query's error.
for (const seed of [98, 954]) {
  test(`fuzz seed ${seed}: a malformed GEOMETRY value fails the query with PARSER_MALFORMED_GEOMETRY`, async () => {
    const result = await session(seed);
    assert.deepEqual(result.problems, []);
    assert.equal(result.errors.PARSER_MALFORMED_GEOMETRY, 1, JSON.stringify(result.errors));
  });
}

// Seeds 3513 and 7128: a packet length cut to 0 made an empty packet where a row or the end of a
// result set belonged, and mysql_async indexed its first byte (a panic: ER_INTERNAL).
for (const seed of [3513, 7128]) {
  test(`fuzz seed ${seed}: an empty packet inside a result set is a protocol error, not a panic`, async () => {
    const result = await session(seed);
    assert.deepEqual(result.problems, []);
    assert.equal(result.errors.ER_INTERNAL, undefined);
    assert.ok(result.errors.PROTOCOL_INCORRECT_PACKET >= 1, JSON.stringify(result.errors));
  });
}

async function open(t, hooks, options) {
  const opened = await openFake(t, hooks, options);
  opened.conn.on('error', () => {});
  return opened;
}

test('a non-numeric @@max_allowed_packet / @@wait_timeout: the connection works with the defaults (was a panic)', async (t) => {
  const { conn } = await open(t, {
    onQuery: (sql) =>
      /^SELECT @@max_allowed_packet/i.test(sql)
        ? {
            rows: {
              columns: ['@@max_allowed_packet', '@@wait_timeout', '@@socket'],
              rows: [['lots', 'never', null]],
            },
          }
        : undefined,
  });
  const rows = await query(conn, 'SELECT @@version_comment');
  assert.equal(rows.length, 1);
  assert.equal(rows[0]['@@version_comment'], '1');
});

test('a column count of 2^63 (a lying length-encoded integer): a protocol error, not a panic', async (t) => {
  const { conn } = await open(t, {
    onQuery: (sql) => (/^SELECT 2/.test(sql) ? { raw: [lenenc(2 ** 63)] } : undefined),
  });
  const { err } = await queryOutcome(conn, { sql: 'SELECT 2', timeout: 2000 });
  assert.ok(err, 'the query must fail');
  assert.notEqual(err.code, 'ER_INTERNAL', err.message);
  assert.match(err.code, /^PROTOCOL_/, `${err.code}: ${err.message}`);
  const rows = await query(conn, 'SELECT @@wait_timeout');
  assert.equal(rows[0]['@@wait_timeout'], '28800', 'the next query is served');
});

test('a malformed OK packet: PROTOCOL_INCORRECT_PACKET, not the previous statement counters', async (t) => {
  const { conn } = await open(t, {
    onQuery: (sql) => {
      if (/^UPDATE good/.test(sql))
        return { ok: { affectedRows: 7, info: 'Rows matched: 7  Changed: 7  Warnings: 0' } };
      // An OK header whose affected-rows integer claims 8 bytes and has one.
      if (/^UPDATE bad/.test(sql)) return { raw: [Buffer.from([0x00, 0xfe, 0x01])] };
      return undefined;
    },
  });
  const good = await query(conn, 'UPDATE good SET a = 1');
  assert.equal(good.affectedRows, 7);
  const { err, results } = await queryOutcome(conn, { sql: 'UPDATE bad SET a = 1', timeout: 2000 });
  assert.ok(err, `the malformed OK must fail, got ${JSON.stringify(results)}`);
  assert.equal(err.code, 'PROTOCOL_INCORRECT_PACKET', err.message);
  const rows = await query(conn, 'SELECT @@wait_timeout');
  assert.equal(rows.length, 1, 'the next query is served');
});

test('a GEOMETRY cell cut short inside a custom typeCast: the same clear error', async (t) => {
  const GEOMETRY = 0xff;
  // A POINT's WKB header (SRID, byte order, type 1) without its coordinates.
  const cut = Buffer.from([0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0]);
  const { conn } = await open(t, {
    onQuery: (sql) =>
      /^SELECT g/.test(sql)
        ? { rows: { columns: [{ name: 'g', type: GEOMETRY, charset: 63 }], rows: [[cut]] } }
        : undefined,
  });
  for (const typeCast of [true, (field, next) => (field.type === 'GEOMETRY' ? field.geometry() : next())]) {
    const { err } = await queryOutcome(conn, { sql: 'SELECT g FROM t', typeCast });
    assert.ok(err, 'the query must fail');
    assert.equal(err.code, 'PARSER_MALFORMED_GEOMETRY', err.message);
    assert.notEqual(err.fatal, true);
  }
  const rows = await query(conn, 'SELECT @@wait_timeout');
  assert.equal(rows.length, 1, 'the connection stays in step');
});
