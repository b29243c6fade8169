'use strict';
// Differential tests: the same statements and options through `mysql@2.18.1` (the oracle) and
// through this package, against the same private MariaDB server; rows, fields, OkPackets and
// errors must be deeply equal (constructor names, key order, Dates by time, Buffers by bytes).

// Not UTC, so that timezone 'local' differs from 'Z' (the server inherits it too; both clients see the same).
process.env.TZ = 'America/New_York';

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const oracle = require('mysql');
const ours = require('..');
const { startServer } = require('./support/mariadb');

let server;

before(async () => {
  server = await startServer();
  await server.admin(SCHEMA.join(';\n'));
  await server.admin(
    'CREATE PROCEDURE test.diff_proc(IN k INT) BEGIN ' +
      'SELECT k AS k, 1 + k AS k1; ' +
      'SELECT id, name FROM test.diff_people WHERE id <= k ORDER BY id; ' +
      'END',
  );
  await server.admin(
    'CREATE PROCEDURE test.diff_proc_fail() BEGIN SELECT 1 AS a; SELECT * FROM test.diff_no_such_table; SELECT 3 AS c; END',
  );
  await server.admin(
    'CREATE PROCEDURE test.diff_proc_ok() BEGIN UPDATE test.diff_people SET n = n WHERE 1 = 0; END',
  );
});

after(async () => {
  if (server) await server.destroy();
});

const SCHEMA = [
  `CREATE TABLE test.diff_ints (
     id INT PRIMARY KEY,
     t TINYINT, tu TINYINT UNSIGNED, s SMALLINT, su SMALLINT UNSIGNED, m MEDIUMINT, mu MEDIUMINT UNSIGNED,
     i INT, iu INT UNSIGNED, b BIGINT, bu BIGINT UNSIGNED, bool1 TINYINT(1),
     tz TINYINT(3) UNSIGNED ZEROFILL, iz INT(6) ZEROFILL, bz BIGINT(20) UNSIGNED ZEROFILL)`,
  `INSERT INTO test.diff_ints VALUES
     (1, -128, 0, -32768, 0, -8388608, 0, -2147483648, 0, -9223372036854775808, 0, 0, 0, 0, 0),
     (2, 127, 255, 32767, 65535, 8388607, 16777215, 2147483647, 4294967295, 9223372036854775807, 18446744073709551615, 1, 7, 42, 123),
     (3, 1, 2, 3, 4, 5, 6, 7, 8, 9007199254740993, 9007199254740992, 1, 255, 999999, 12345678901234567890),
     (4, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)`,
  `CREATE TABLE test.diff_decimals (
     id INT PRIMARY KEY, d DECIMAL(10,2), dbig DECIMAL(30,0), dfrac DECIMAL(30,10), dz DECIMAL(8,2) ZEROFILL,
     f FLOAT, fd FLOAT(7,3), dd DOUBLE)`,
  `INSERT INTO test.diff_decimals VALUES
     (1, 12.50, 9007199254740993, -12345678901234567890.0123456789, 1.5, 3.14159, 2.5, 1.7976931348623157e308),
     (2, -0.01, -9007199254740993, 0.0000000001, 123456.78, -1.5e-7, -3.125, -2.2250738585072014e-308),
     (3, 0, 9007199254740991, 1, 0, 0, 0, 0),
     (4, NULL, NULL, NULL, NULL, NULL, NULL, NULL)`,
  `CREATE TABLE test.diff_bits (id INT PRIMARY KEY, b1 BIT(1), b8 BIT(8), b12 BIT(12), b64 BIT(64))`,
  `INSERT INTO test.diff_bits VALUES (1, b'1', b'10100101', b'101010101010', b'1111111111111111111111111111111111111111111111111111111111111111'),
     (2, b'0', b'0', b'0', b'0'), (3, NULL, NULL, NULL, NULL)`,
  `CREATE TABLE test.diff_dates (
     id INT PRIMARY KEY, d DATE, dt DATETIME, dt3 DATETIME(3), ts TIMESTAMP NULL DEFAULT NULL, ts6 TIMESTAMP(6) NULL DEFAULT NULL,
     t TIME, t6 TIME(6), y YEAR)`,
  `INSERT INTO test.diff_dates VALUES
     (1, '2024-02-29', '2024-02-29 13:14:15', '1999-12-31 23:59:59.123', '2024-07-01 00:00:01', '2037-12-31 23:59:59.654321',
      '13:14:15', '-838:59:59.000000', 2024),
     (2, '1000-01-01', '9999-12-31 23:59:59', '2024-03-10 02:30:00.250', '1970-01-02 00:00:00', '2000-01-01 12:00:00.5',
      '00:00:00', '12:34:56.789', 1901),
     (3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)`,
  `SET STATEMENT sql_mode = '' FOR INSERT INTO test.diff_dates VALUES
     (4, '0000-00-00', '0000-00-00 00:00:00', '2024-00-10 10:00:00', '0000-00-00 00:00:00', NULL, '-00:00:01', NULL, 0000)`,
  `CREATE TABLE test.diff_strings (id INT PRIMARY KEY, c CHAR(10), v VARCHAR(50), tx TEXT, tt TINYTEXT, lt LONGTEXT,
     lat VARCHAR(20) CHARACTER SET latin1) DEFAULT CHARSET = utf8mb4`,
  `INSERT INTO test.diff_strings VALUES
     (1, 'abc', 'héllo ✓', 'Grüße, 世界', '', 'x', 'café'),
     (2, CONVERT(X'F09F9880' USING utf8mb4), CONVERT(X'61F09F988062' USING utf8mb4),
      CONVERT(X'F09F91A9E2808DF09F92BB' USING utf8mb4), ' trailing ', REPEAT('z', 300), 'ÿ'),
     (3, NULL, NULL, NULL, NULL, NULL, NULL)`,
  `CREATE TABLE test.diff_binaries (id INT PRIMARY KEY, bn BINARY(4), vb VARBINARY(10), bl BLOB, tb TINYBLOB, mb MEDIUMBLOB, lb LONGBLOB)`,
  `INSERT INTO test.diff_binaries VALUES
     (1, X'DEADBEEF', X'00FF00', X'', X'01', X'C3A9', X'F09F9880'),
     (2, X'01', X'', X'00000000', X'FF', X'80', X'00'),
     (3, NULL, NULL, NULL, NULL, NULL, NULL)`,
  `CREATE TABLE test.diff_misc (id INT PRIMARY KEY, j JSON, e ENUM('a','b','ç'), s SET('x','y','z'))`,
  `INSERT INTO test.diff_misc VALUES (1, '{"a": [1, 2.5, "x"], "b": null}', 'b', 'x,z'), (2, '[]', 'ç', ''), (3, NULL, NULL, NULL)`,
  `CREATE TABLE test.diff_geo (id INT PRIMARY KEY, p POINT, l LINESTRING, pg POLYGON, g GEOMETRY)`,
  `INSERT INTO test.diff_geo VALUES
     (1, ST_GeomFromText('POINT(1.5 -2)'), ST_GeomFromText('LINESTRING(0 0, 1 1, 2 0.5)'),
      ST_GeomFromText('POLYGON((0 0, 10 0, 10 10, 0 10, 0 0), (2 2, 3 2, 3 3, 2 2))'),
      ST_GeomFromText('GEOMETRYCOLLECTION(POINT(1 2), MULTIPOINT(3 4, 5 6))')),
     (2, NULL, NULL, NULL, NULL),
     (3, ST_GeomFromText('POINT(-0.5 1e10)'), ST_GeomFromText('LINESTRING(1 1, 1 1)'),
      ST_GeomFromText('POLYGON((0 0, 1 0, 0 1, 0 0))'),
      ST_GeomFromText('MULTIPOLYGON(((0 0, 1 0, 0 1, 0 0)), ((5 5, 6 5, 5 6, 5 5)))')),
     (4, NULL, NULL, NULL, ST_GeomFromText('MULTILINESTRING((0 0, 1 1), (2 2, 3 3, 4 4))'))`,
  `CREATE TABLE test.diff_people (id INT PRIMARY KEY, name VARCHAR(20), n INT, team_id INT)`,
  `INSERT INTO test.diff_people VALUES (1, 'ann', 10, 1), (2, 'bob', 20, 2), (3, 'cy', 30, NULL)`,
  `CREATE TABLE test.diff_teams (id INT PRIMARY KEY, name VARCHAR(20))`,
  `INSERT INTO test.diff_teams VALUES (1, 'red'), (2, 'blue')`,
];

// A per-session scratch table: each connection gets its own, so DML runs identically on both.
const SCRATCH = [
  'CREATE TEMPORARY TABLE diff_scratch (id INT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(20) UNIQUE, n INT NOT NULL DEFAULT 0) AUTO_INCREMENT = 100',
  "INSERT INTO diff_scratch (name, n) VALUES ('a', 1), ('b', 2), ('c', 3)",
];

// --- running the same thing through both -------------------------------------------------------

// Our default charset differs on purpose (UTF8MB4_GENERAL_CI): the comparisons run both with
// `mysql`'s, so that field metadata (charsetNr, length) is compared like for like.
const MYSQL_DEFAULTS = { charset: 'UTF8_GENERAL_CI' };

function call(conn, sql, values) {
  return new Promise((resolve) => {
    const cb = (err, results, fields) => resolve({ err, results, fields, query });
    const query =
      sql === undefined
        ? conn.query(cb)
        : values === undefined
          ? conn.query(sql, cb)
          : conn.query(sql, values, cb);
  });
}

async function runWith(lib, sql, values, options) {
  const { setup = [], ...config } = options || {};
  const conn = lib.createConnection({ ...server.config(), ...MYSQL_DEFAULTS, ...config });
  const connectionErrors = [];
  conn.on('error', (err) => connectionErrors.push(err));
  try {
    for (const statement of setup) {
      if (typeof statement === 'function') {
        statement(conn);
        continue;
      }
      const { err } = await call(conn, statement);
      if (err) throw err;
    }
    const { err, results, fields, query } = await call(conn, sql, values);
    return { err, results, fields, sql: query.sql, values: query.values, connectionErrors };
  } finally {
    await new Promise((resolve) => conn.end(() => resolve()));
    conn.destroy();
  }
}

/** Runs `sql` (with `values`) through a `mysql` connection and one of ours, with the same options. */
async function both(sql, values, options) {
  const expected = await runWith(oracle, sql, values, options);
  const actual = await runWith(ours, sql, values, options);
  return { expected, actual };
}

/**
 * Runs `sql` without a callback through both and returns the Query's events in order, each as
 * [name, ...plain(args)], plus connection 'error's. `mode.stream` reads query.stream() instead.
 */
async function eventsWith(lib, sql, values, options, mode) {
  const { setup = [], ...config } = options || {};
  const conn = lib.createConnection({ ...server.config(), ...MYSQL_DEFAULTS, ...config });
  const log = [];
  conn.on('error', (err) => log.push(['connection error', plainError(err)]));
  try {
    for (const statement of setup) {
      const { err } = await call(conn, statement);
      if (err) throw err;
    }
    await new Promise((resolve) => {
      const query = values === undefined ? conn.query(sql) : conn.query(sql, values);
      if (mode.stream) {
        const stream = query.stream({ highWaterMark: 2 });
        for (const event of ['fields', 'result', 'error', 'end', 'close']) {
          stream.on(event, (...args) => log.push(['stream ' + event, ...args.map(plain)]));
        }
        stream.on('data', (row) => log.push(['data', plain(row)]));
        stream.on('close', resolve);
      } else {
        for (const event of ['fields', 'result', 'end'])
          query.on(event, (...args) => log.push([event, ...args.map(plain)]));
        if (mode.errorListener !== false) query.on('error', (err) => log.push(['error', plainError(err)]));
        query.on('end', () => setImmediate(resolve));
      }
    });
    return log;
  } finally {
    await new Promise((resolve) => conn.end(() => resolve()));
    conn.destroy();
  }
}

async function bothEvents(sql, values, options, mode = {}) {
  const expected = await eventsWith(oracle, sql, values, options, mode);
  const actual = await eventsWith(ours, sql, values, options, mode);
  return { expected, actual };
}

/** A comparable plain copy: class names, own enumerable keys in order, Dates by time, Buffers by bytes. */
function plain(value) {
  if (value === null || typeof value !== 'object') return value;
  if (Buffer.isBuffer(value)) return { Buffer: value.toString('hex') };
  if (value instanceof Date) return { Date: value.getTime() };
  if (Array.isArray(value)) return value.map(plain);
  if (value instanceof Error) return plainError(value);
  const out = {
    class: value.constructor ? value.constructor.name : null,
    keys: Object.keys(value),
    values: {},
  };
  for (const key of out.keys) out.values[key] = plain(value[key]);
  return out;
}

function plainError(err) {
  if (!err) return err;
  const out = {};
  for (const key of ['code', 'errno', 'sqlState', 'sqlMessage', 'message', 'sql', 'index', 'fatal']) {
    out[key] = err[key];
    out['has ' + key] = Object.prototype.hasOwnProperty.call(err, key);
  }
  return out;
}

function assertSame({ expected, actual }) {
  assert.deepEqual(plainError(actual.err), plainError(expected.err), 'error');
  assert.deepEqual(plain(actual.results), plain(expected.results), 'results');
  assert.deepEqual(plain(actual.fields), plain(expected.fields), 'fields');
  assert.equal(actual.sql, expected.sql, 'query.sql');
  assert.deepEqual(plain(actual.values), plain(expected.values), 'query.values');
  assert.deepEqual(
    actual.connectionErrors.map(plainError),
    expected.connectionErrors.map(plainError),
    'connection errors',
  );
}

/** Asserts both agree and returns mysql's outcome, to check the test exercised what it meant to. */
async function same(sql, values, options) {
  const pair = await both(sql, values, options);
  assertSame(pair);
  return pair.expected;
}

// --- column types ------------------------------------------------------------------------------

test('integer types: TINYINT..BIGINT signed/unsigned, TINYINT(1), zerofill, NULL', async () => {
  const { results } = await same('SELECT * FROM diff_ints ORDER BY id');
  assert.equal(results.length, 4);
  assert.equal(results[1].iz, '000042'); // zerofill: mysql keeps values starting with '0' as strings
  assert.equal(results[2].iz, 999999);
});

test('integer types with supportBigNumbers', async () => {
  const { results } = await same('SELECT * FROM diff_ints ORDER BY id', undefined, {
    supportBigNumbers: true,
  });
  assert.equal(results[1].bu, '18446744073709551615');
});

test('integer types with supportBigNumbers and bigNumberStrings', async () => {
  const { results } = await same('SELECT * FROM diff_ints ORDER BY id', undefined, {
    supportBigNumbers: true,
    bigNumberStrings: true,
  });
  assert.equal(results[2].b, '9007199254740993');
});

test('DECIMAL (incl. beyond 2^53), zerofill DECIMAL, FLOAT, DOUBLE', async () => {
  await same('SELECT * FROM diff_decimals ORDER BY id');
});

test('DECIMAL with supportBigNumbers', async () => {
  const { results } = await same('SELECT * FROM diff_decimals ORDER BY id', undefined, {
    supportBigNumbers: true,
  });
  assert.equal(results[0].dbig, '9007199254740993');
});

test('DECIMAL with supportBigNumbers and bigNumberStrings', async () => {
  await same('SELECT * FROM diff_decimals ORDER BY id', undefined, {
    supportBigNumbers: true,
    bigNumberStrings: true,
  });
});

test('computed numbers: literals, arithmetic, aggregates, CAST', async () => {
  await same(
    'SELECT 1 AS one, -1 AS neg, 1.5 AS dec1, 1e3 AS dbl, 2 * 3.25 AS prod, 9007199254740993 AS big, ' +
      '-9223372036854775808 AS minbig, 18446744073709551615 AS maxu, CAST(1 AS UNSIGNED) AS u, COUNT(*) AS cnt, ' +
      'SUM(n) AS total, AVG(n) AS mean, MAX(name) AS mx, CAST(-0.0 AS DOUBLE) AS negzero FROM diff_people',
  );
});

test('BIT(1), BIT(8), BIT(12), BIT(64) are Buffers', async () => {
  const { results } = await same('SELECT * FROM diff_bits ORDER BY id');
  assert.ok(Buffer.isBuffer(results[0].b64));
});

test('DATE, DATETIME, DATETIME(3), TIMESTAMP, TIME, YEAR', async () => {
  const { results } = await same('SELECT * FROM diff_dates WHERE id < 4 ORDER BY id');
  assert.ok(results[0].dt instanceof Date);
});

test("zero dates ('0000-00-00') stay strings, with a session sql_mode allowing them", async () => {
  const { results } = await same(
    "SELECT d, dt, dt3, ts, t, y, CAST('0000-00-00' AS DATE) AS lit, DATE('2024-13-45') AS bad FROM diff_dates WHERE id = 4",
    undefined,
    { setup: ["SET SESSION sql_mode = 'ALLOW_INVALID_DATES'"] },
  );
  assert.equal(results[0].d, '0000-00-00');
});

test('dateStrings: true', async () => {
  const { results } = await same('SELECT * FROM diff_dates ORDER BY id', undefined, { dateStrings: true });
  assert.equal(results[0].dt, '2024-02-29 13:14:15');
});

test("dateStrings: ['DATE']", async () => {
  const { results } = await same('SELECT * FROM diff_dates ORDER BY id', undefined, {
    dateStrings: ['DATE'],
  });
  assert.equal(results[0].d, '2024-02-29');
  assert.ok(results[0].dt instanceof Date);
});

test("timezone 'local'", async () => {
  await same('SELECT d, dt, dt3, ts, ts6 FROM diff_dates ORDER BY id', undefined, { timezone: 'local' });
});

test("timezone 'Z'", async () => {
  const { results } = await same('SELECT d, dt, dt3, ts, ts6 FROM diff_dates ORDER BY id', undefined, {
    timezone: 'Z',
  });
  assert.equal(results[0].dt.getTime(), Date.UTC(2024, 1, 29, 13, 14, 15));
});

test("timezone '+05:30'", async () => {
  const { results } = await same('SELECT d, dt, dt3, ts, ts6 FROM diff_dates ORDER BY id', undefined, {
    timezone: '+05:30',
  });
  assert.equal(results[0].dt.getTime(), Date.UTC(2024, 1, 29, 7, 44, 15));
});

test('timezone also shapes escaped Date values', async () => {
  await same(
    'SELECT ? AS d, CAST(? AS DATETIME) AS dt',
    [new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 6)), new Date(0)],
    { timezone: '+05:30' },
  );
});

test('connection.config changed after connecting (timezone, dateStrings, big numbers) applies to the next query', async () => {
  const retune = (conn) =>
    Object.assign(conn.config, { timezone: '+02:00', dateStrings: ['DATE'], supportBigNumbers: true });
  const { err, results } = await same(
    'SELECT d, dt, ts, bu, ? AS esc FROM diff_dates JOIN diff_ints USING (id) ORDER BY id',
    [new Date(Date.UTC(2020, 5, 1, 12))],
    {
      setup: ['SELECT 1', retune],
    },
  );
  assert.equal(err, null);
  assert.equal(results[0].d, '2024-02-29');
  assert.equal(results[0].esc, '2020-06-01 14:00:00.000');
});

test("CHAR/VARCHAR/TEXT in utf8; emoji become ? under mysql's default UTF8_GENERAL_CI", async () => {
  const { results } = await same('SELECT * FROM diff_strings ORDER BY id');
  assert.equal(results[0].v, 'héllo ✓');
  assert.equal(results[1].c, '?');
});

test('our default charset is UTF8MB4_GENERAL_CI: emoji survive, fields say utf8mb4 (mysql: utf8mb3)', async () => {
  const sql = 'SELECT c FROM diff_strings ORDER BY id';
  const defaults = { charset: undefined }; // each library's own default
  const [expected, actual] = [
    await runWith(oracle, sql, undefined, defaults),
    await runWith(ours, sql, undefined, defaults),
  ];
  assert.equal(expected.results[1].c, '?');
  assert.equal(expected.fields[0].charsetNr, 33);
  assert.equal(actual.results[1].c.codePointAt(0) > 0xffff, true, 'an emoji');
  assert.equal(actual.fields[0].charsetNr, 45);
});

test('string literals and functions', async () => {
  await same(
    "SELECT 'x' AS a, '' AS empty, CONCAT('é', 'ß') AS c, REPEAT('ab', 3) AS r, HEX('A') AS h, 'O''Reilly' AS q",
  );
});

test('BINARY, VARBINARY, BLOB, TINYBLOB, MEDIUMBLOB, LONGBLOB are Buffers', async () => {
  const { results } = await same('SELECT * FROM diff_binaries ORDER BY id');
  assert.ok(Buffer.isBuffer(results[0].bn));
});

test('binary literals and functions', async () => {
  await same(
    "SELECT X'00FF' AS x, UNHEX('CAFE') AS u, CAST('abc' AS BINARY) AS cb, _binary'z' AS bz, MD5('') AS md5",
  );
});

test('JSON, ENUM, SET are strings', async () => {
  const { results } = await same('SELECT * FROM diff_misc ORDER BY id');
  assert.equal(results[0].e, 'b');
});

test('GEOMETRY: POINT, LINESTRING, POLYGON, MULTI*, GEOMETRYCOLLECTION', async () => {
  const { results } = await same('SELECT * FROM diff_geo ORDER BY id');
  assert.deepEqual(results[0].p, { x: 1.5, y: -2 });
});

test('NULL in every position', async () => {
  await same(
    'SELECT NULL AS n, NULL + 1 AS m, CAST(NULL AS DATE) AS d, CAST(NULL AS BINARY) AS b, IFNULL(NULL, NULL) AS i',
  );
});

test('duplicate column names: the last wins', async () => {
  await same(
    'SELECT 1 AS a, 2 AS a, p.name, t.name FROM diff_people p JOIN diff_teams t ON t.id = p.team_id ORDER BY p.id',
  );
});

test('empty result set', async () => {
  const { results, fields } = await same('SELECT id, name FROM diff_people WHERE 1 = 0');
  assert.deepEqual(results, []);
  assert.equal(fields.length, 2);
});

// --- typeCast ------------------------------------------------------------------------------------

const ALL_TYPES =
  'SELECT i.t, i.bu, i.iz, d.d AS dec_d, d.f, b.b8, dt.d AS date_d, dt.dt, dt.t, dt.y, s.v, bn.vb, m.j, m.e, g.p, g.pg, NULL AS n ' +
  'FROM diff_ints i JOIN diff_decimals d ON d.id = i.id JOIN diff_bits b ON b.id = i.id JOIN diff_dates dt ON dt.id = i.id ' +
  'JOIN diff_strings s ON s.id = i.id JOIN diff_binaries bn ON bn.id = i.id JOIN diff_misc m ON m.id = i.id ' +
  'LEFT JOIN diff_geo g ON g.id = i.id ORDER BY i.id';

test('typeCast: false gives strings, and Buffers for binary columns', async () => {
  const { results } = await same(ALL_TYPES, undefined, { typeCast: false });
  assert.equal(results[0].v, 'héllo ✓');
  assert.ok(Buffer.isBuffer(results[0].t)); // TIME has the binary charset: a Buffer, as in mysql
});

test('typeCast: false as a query option', async () => {
  await same({ sql: ALL_TYPES, typeCast: false });
});

test('custom typeCast(field, next): TINY(1) to boolean', async () => {
  const typeCast = (field, next) => {
    if (field.type !== 'TINY' || field.length !== 1) return next();
    const value = field.string(); // read once: in mysql each read advances the parser
    return value === null ? null : value === '1';
  };
  const { results } = await same('SELECT id, bool1, t FROM diff_ints ORDER BY id', undefined, { typeCast });
  assert.equal(results[1].bool1, true);
});

test('custom typeCast sees db, table, name, type, length and string()', async () => {
  const typeCast = (field) => ({
    db: field.db,
    table: field.table,
    name: field.name,
    type: field.type,
    length: field.length,
    value: field.string(),
  });
  await same(ALL_TYPES + ' LIMIT 2', undefined, { typeCast });
});

test('custom typeCast: the Field has the same keys and FieldPacket', async () => {
  const typeCast = (field) => ({
    keys: Object.keys(field).join(','),
    packet: plain(field.packet),
    value: field.string(),
  });
  await same('SELECT id, name, n * 2 AS twice FROM diff_people ORDER BY id', undefined, { typeCast });
});

test('custom typeCast with buffer() and geometry()', async () => {
  const typeCast = (field, next) => {
    if (field.type === 'GEOMETRY') return { geo: field.geometry() };
    if (field.type === 'BLOB' || field.type === 'VAR_STRING') return { buf: field.buffer() };
    return next();
  };
  await same(
    'SELECT g.*, b.vb, b.bl, s.v FROM diff_geo g JOIN diff_binaries b ON b.id = g.id JOIN diff_strings s ON s.id = g.id',
    undefined,
    {
      typeCast,
    },
  );
});

test('custom typeCast as a query option', async () => {
  const typeCast = (field, next) => (field.type === 'LONG' ? 'long:' + field.string() : next());
  await same({ sql: 'SELECT id, name FROM diff_people ORDER BY id', typeCast });
});

// --- nestTables ----------------------------------------------------------------------------------

const JOIN =
  'SELECT p.*, t.*, p.n * 2 AS twice FROM diff_people p LEFT JOIN diff_teams t ON t.id = p.team_id ORDER BY p.id';

test('nestTables: true nests by table, computed columns under the empty name', async () => {
  const { results } = await same({ sql: JOIN, nestTables: true });
  assert.equal(results[0].t.name, 'red');
  assert.equal(results[0][''].twice, 20);
});

test("nestTables: '_' joins table and column", async () => {
  const { results } = await same({ sql: JOIN, nestTables: '_' });
  assert.equal(results[0].p_name, 'ann');
});

// --- fields --------------------------------------------------------------------------------------

test('FieldPacket for table columns and a computed column', async () => {
  const { fields } = await same(
    'SELECT id, name AS nm, n + 1 AS computed, CAST(n AS CHAR) AS ch FROM diff_people AS p ORDER BY id',
  );
  assert.equal(fields[1].orgName, 'name');
  assert.equal(fields[2].table, '');
});

test('FieldPacket for every column type', async () => {
  await same(ALL_TYPES + ' LIMIT 1');
  await same('SELECT * FROM diff_ints, diff_decimals, diff_dates LIMIT 1');
});

// --- OkPackets -----------------------------------------------------------------------------------

test('OkPacket for INSERT: insertId, affectedRows', async () => {
  const { results } = await same("INSERT INTO diff_scratch (name, n) VALUES ('d', 4)", undefined, {
    setup: SCRATCH,
  });
  assert.equal(results.insertId, 103);
});

test('OkPacket for INSERT with values through ?', async () => {
  await same('INSERT INTO diff_scratch SET ?', [{ name: 'q', n: 9 }], { setup: SCRATCH });
});

test('OkPacket for INSERT of several rows: message', async () => {
  const { results } = await same(
    "INSERT INTO diff_scratch (name, n) VALUES ('d', 4), ('e', 5), ('f', 6)",
    undefined,
    { setup: SCRATCH },
  );
  assert.equal(results.affectedRows, 3);
});

test('OkPacket for INSERT with warnings: warningCount', async () => {
  const { results } = await same(
    "INSERT IGNORE INTO diff_scratch (name, n) VALUES ('a', 7), ('g', 8)",
    undefined,
    { setup: SCRATCH },
  );
  assert.equal(results.warningCount, 1);
});

test('OkPacket for INSERT ... ON DUPLICATE KEY UPDATE', async () => {
  await same(
    "INSERT INTO diff_scratch (name, n) VALUES ('a', 70) ON DUPLICATE KEY UPDATE n = VALUES(n)",
    undefined,
    { setup: SCRATCH },
  );
});

test('OkPacket for UPDATE: message and changedRows', async () => {
  const { results } = await same('UPDATE diff_scratch SET n = 2 WHERE n <= 2', undefined, { setup: SCRATCH });
  assert.equal(results.changedRows, 1);
  assert.equal(results.affectedRows, 2);
});

test('OkPacket for UPDATE matching nothing', async () => {
  await same('UPDATE diff_scratch SET n = 0 WHERE id < 0', undefined, { setup: SCRATCH });
});

test('OkPacket for DELETE', async () => {
  const { results } = await same('DELETE FROM diff_scratch WHERE n > 1', undefined, { setup: SCRATCH });
  assert.equal(results.affectedRows, 2);
});

test('OkPacket for SET, DDL and transactions', async () => {
  await same('SET @x = 1');
  await same('CREATE TEMPORARY TABLE diff_tmp (a INT)');
  await same('START TRANSACTION');
});

// --- errors --------------------------------------------------------------------------------------

test('error: parse error', async () => {
  const { err } = await same('SELEC 1');
  assert.equal(err.code, 'ER_PARSE_ERROR');
});

test('error: duplicate key', async () => {
  const { err } = await same("INSERT INTO diff_scratch (name) VALUES ('a')", undefined, { setup: SCRATCH });
  assert.equal(err.code, 'ER_DUP_ENTRY');
});

test('error: unknown table', async () => {
  const { err } = await same('SELECT * FROM diff_no_such_table');
  assert.equal(err.code, 'ER_NO_SUCH_TABLE');
});

test('error: unknown column', async () => {
  const { err } = await same('SELECT no_such_column FROM diff_people');
  assert.equal(err.code, 'ER_BAD_FIELD_ERROR');
});

test('error: with values, sql is the formatted SQL', async () => {
  const { err } = await same('SELECT * FROM diff_people WHERE nope = ?', ["it's"]);
  assert.equal(err.sql, "SELECT * FROM diff_people WHERE nope = 'it\\'s'");
});

test('error: raised by SIGNAL with a custom SQLSTATE', async () => {
  await same("SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'custom failure'");
});

test('query(cb) with no sql gives ER_EMPTY_QUERY', async () => {
  const { err } = await same(undefined);
  assert.equal(err.code, 'ER_EMPTY_QUERY');
});

// --- multiple result sets ------------------------------------------------------------------------

test('CALL of a procedure returning two result sets and the OK packet', async () => {
  const { results, fields } = await same('CALL diff_proc(?)', [2]);
  assert.equal(results.length, 3);
  assert.equal(results[2].constructor.name, 'OkPacket');
  assert.equal(fields[2], undefined);
});

test('CALL of a procedure returning only an OK packet', async () => {
  await same('CALL diff_proc_ok()');
});

// --- query call forms ----------------------------------------------------------------------------

test('query(options) with values inside the options', async () => {
  const { results } = await same({
    sql: 'SELECT ? AS a, ?? AS b FROM diff_people WHERE id = ?',
    values: ['x', 'name', 2],
  });
  assert.deepEqual({ ...results[0] }, { a: 'x', b: 'bob' });
});

test('query(options, values) with values as an argument', async () => {
  await same({ sql: 'SELECT ? AS a, ? AS b' }, [1, 'two']);
});

test('query(sql, values) formats objects, arrays, null, booleans, Buffers', async () => {
  await same('SELECT ? AS a, ? AS b, ? AS c, ? AS d, ? AS e, (?) AS f', [
    null,
    true,
    Buffer.from('hi'),
    'x\n"y"',
    -1.25,
    [3],
  ]);
});

test('query(sql) with an empty string gives ER_EMPTY_QUERY', async () => {
  const { err } = await same('');
  assert.equal(err.code, 'ER_EMPTY_QUERY');
});

// --- more errors ---------------------------------------------------------------------------------

test('error: a MariaDB-only errno (CHECK constraint) maps as mysql maps it', async () => {
  await same('INSERT INTO diff_chk VALUES (-1)', undefined, {
    setup: ['CREATE TEMPORARY TABLE diff_chk (a INT CHECK (a > 0))'],
  });
});

test('error: SIGNAL with a custom MYSQL_ERRNO gives UNKNOWN_CODE_PLEASE_REPORT', async () => {
  const { err } = await same("SIGNAL SQLSTATE '45001' SET MYSQL_ERRNO = 31001, MESSAGE_TEXT = 'très custom'");
  assert.equal(err.code, 'UNKNOWN_CODE_PLEASE_REPORT');
});

test('error: message with non-ASCII identifiers', async () => {
  await same('SELECT `colonne_é✓` FROM diff_people');
});

test('error: data too long in strict mode', async () => {
  await same("INSERT INTO diff_scratch (name) VALUES (REPEAT('x', 30))", undefined, { setup: SCRATCH });
});

test('error: a query error with neither callback nor listener is emitted on the connection', async () => {
  const { expected, actual } = await bothEvents(
    'SELECT nope FROM diff_people',
    undefined,
    {},
    { errorListener: false },
  );
  assert.deepEqual(actual, expected);
  assert.equal(expected.find(([event]) => event === 'connection error')[1].code, 'ER_BAD_FIELD_ERROR');
});

test('error: part-way through a CALL keeps the earlier result sets', async () => {
  const { err, results } = await same('CALL diff_proc_fail()');
  assert.equal(err.index, 1);
  assert.equal(results.length, 1);
});

// --- multiple statements -------------------------------------------------------------------------

test('multipleStatements: rows, rows and a final OK', async () => {
  const { results, fields } = await same(
    "SELECT 1 AS a; SELECT name, n FROM diff_scratch ORDER BY id; UPDATE diff_scratch SET n = n + 1 WHERE name = 'a'",
    undefined,
    { multipleStatements: true, setup: SCRATCH },
  );
  assert.equal(results.length, 3);
  assert.equal(results[2].changedRows, 1);
  assert.equal(fields[2], undefined);
});

test('multipleStatements: an error part-way sets err.index and passes partial results', async () => {
  const { err, results, fields } = await same(
    'SELECT 1 AS a; SELECT nope FROM diff_people; SELECT 3 AS c',
    undefined,
    {
      multipleStatements: true,
    },
  );
  assert.equal(err.index, 1);
  assert.equal(results.length, 1);
  assert.equal(fields.length, 1);
});

test('multipleStatements off: two statements are refused by the server', async () => {
  const { err } = await same('SELECT 1 AS a; SELECT 2 AS b');
  assert.equal(err.code, 'ER_PARSE_ERROR');
});

// --- charsets ------------------------------------------------------------------------------------

test("charset 'UTF8MB4_GENERAL_CI' keeps emoji", async () => {
  const { results } = await same('SELECT * FROM diff_strings ORDER BY id', undefined, {
    charset: 'UTF8MB4_GENERAL_CI',
  });
  assert.equal(results[1].c, '😀');
});

test("charset 'UTF8MB4_UNICODE_CI' fields and emoji", async () => {
  await same("SELECT v, CONCAT(v, '!') AS c FROM diff_strings ORDER BY id", undefined, {
    charset: 'UTF8MB4_UNICODE_CI',
  });
});

test("charset 'LATIN1_SWEDISH_CI' (bytes decoded as utf8, as mysql does)", async () => {
  await same('SELECT * FROM diff_strings ORDER BY id', undefined, { charset: 'LATIN1_SWEDISH_CI' });
});

// --- sizes ---------------------------------------------------------------------------------------

test('many rows', async () => {
  const { results } = await same(
    "SELECT seq, CONCAT('row ', seq) AS label, seq * 1.5 AS f FROM seq_1_to_20000",
  );
  assert.equal(results.length, 20000);
});

test('large values', async () => {
  const { results } = await same(
    "SELECT REPEAT('é', 300000) AS s, REPEAT(X'00FF', 500000) AS b, REPEAT('x', 70000) AS m",
  );
  assert.equal(results[0].s.length, 300000);
});

// --- options interplay ---------------------------------------------------------------------------

test('query typeCast: true overrides a connection typeCast: false', async () => {
  await same({ sql: ALL_TYPES, typeCast: true }, undefined, { typeCast: false });
});

test('nestTables with typeCast: false', async () => {
  await same({ sql: JOIN, nestTables: true, typeCast: false });
});

test("nestTables '.' with a custom typeCast", async () => {
  const typeCast = (field, next) => (field.type === 'VAR_STRING' ? field.string().toUpperCase() : next());
  await same({ sql: JOIN + ' LIMIT 2', nestTables: '.', typeCast });
});

test('dateStrings with a timezone', async () => {
  await same('SELECT d, dt, ts FROM diff_dates ORDER BY id', undefined, {
    dateStrings: ['DATETIME'],
    timezone: '-08:00',
  });
});

test('OkPacket for ALTER TABLE (info message with records)', async () => {
  await same('ALTER TABLE diff_scratch ADD COLUMN extra INT', undefined, { setup: SCRATCH });
});

test('OkPacket for INSERT into a table without AUTO_INCREMENT', async () => {
  await same('INSERT INTO diff_noai VALUES (5)', undefined, {
    setup: ['CREATE TEMPORARY TABLE diff_noai (a INT PRIMARY KEY)'],
  });
});

test('OkPacket for REPLACE and INSERT ... SELECT', async () => {
  await same("REPLACE INTO diff_scratch (id, name, n) VALUES (100, 'a', 9)", undefined, { setup: SCRATCH });
  await same('INSERT INTO diff_scratch (name, n) SELECT CONCAT(name, name), n FROM diff_scratch', undefined, {
    setup: SCRATCH,
  });
});

// --- events and streams (no callback) -----------------------------------------------------------

test("events: 'fields', 'result' and 'end' for rows", async () => {
  const { expected, actual } = await bothEvents('SELECT id, name FROM diff_people ORDER BY id');
  assert.deepEqual(actual, expected);
  assert.deepEqual(
    expected.map(([event]) => event),
    ['fields', 'result', 'result', 'result', 'end'],
  );
});

test("events: a CALL's result sets and OK packet carry their index", async () => {
  const { expected, actual } = await bothEvents('CALL diff_proc(?)', [1]);
  assert.deepEqual(actual, expected);
  assert.deepEqual(expected.at(-2)[2], 2);
});

test("events: 'error' with err.index after partial results", async () => {
  const { expected, actual } = await bothEvents('SELECT 1 AS a; SELECT nope; SELECT 3 AS c', undefined, {
    multipleStatements: true,
  });
  assert.deepEqual(actual, expected);
  assert.deepEqual(
    expected.map(([event]) => event),
    ['fields', 'result', 'error', 'end'],
  );
});

test("events: an OK packet as 'result'", async () => {
  const { expected, actual } = await bothEvents("INSERT INTO diff_scratch (name) VALUES ('q')", undefined, {
    setup: SCRATCH,
  });
  assert.deepEqual(actual, expected);
});

test("stream(): 'fields' and 'result' re-emitted with their index, rows as 'data', then 'end' and 'close'", async () => {
  const { expected, actual } = await bothEvents(
    'SELECT seq, seq * 2 AS twice FROM seq_1_to_10',
    undefined,
    {},
    { stream: true },
  );
  assert.deepEqual(actual, expected);
  assert.equal(expected.filter(([event]) => event === 'data').length, 10);
});

test('stream(): a CALL streams every result set and the OK packet', async () => {
  const { expected, actual } = await bothEvents('CALL diff_proc(?)', [3], {}, { stream: true });
  assert.deepEqual(actual, expected);
});

test("stream(): a query error is emitted as the stream's 'error'", async () => {
  const { expected, actual } = await bothEvents('SELECT nope', undefined, {}, { stream: true });
  assert.deepEqual(actual, expected);
});

test('stream(): a slow consumer with a small highWaterMark gets every row in order', async () => {
  async function consume(lib) {
    const conn = lib.createConnection(server.config());
    const seen = [];
    const stream = conn.query('SELECT seq FROM seq_1_to_30000').stream({ highWaterMark: 5 });
    await new Promise((resolve, reject) => {
      stream.on('data', (row) => {
        seen.push(row.seq);
        if (row.seq % 5000 === 0) {
          stream.pause();
          setTimeout(() => stream.resume(), 5); // the slow consumer under test
        }
      });
      stream.on('end', resolve);
      stream.on('error', reject);
    });
    const { results } = await call(conn, 'SELECT 7 AS x');
    await new Promise((resolve) => conn.end(() => resolve()));
    return { count: seen.length, inOrder: seen.every((value, i) => value === i + 1), after: results[0].x };
  }
  const expected = await consume(oracle);
  assert.deepEqual(expected, { count: 30000, inOrder: true, after: 7 });
  assert.deepEqual(await consume(ours), expected);
});

// --- deliberate differences ----------------------------------------------------------------------

test('deliberate: KILL of our own connection is a loss (healed), not a statement error', async () => {
  const { expected, actual } = await both('KILL CONNECTION_ID()');
  // mysql: the server's error 1927, then the socket closes (a fatal 'error' on the connection).
  assert.equal(expected.err.errno, 1927);
  assert.equal(expected.err.code, 'UNKNOWN_CODE_PLEASE_REPORT');
  // ours (DESIGN.md: 1927 ER_CONNECTION_KILLED is a loss): the statement may have run, the connection heals.
  assert.equal(actual.err.code, 'PROTOCOL_CONNECTION_LOST');
  assert.equal(actual.err.outcome, 'unknown');
  assert.deepEqual(actual.connectionErrors, []);
});

// --- client flags, charsets and statement errors that once differed ------------------------------

test('IGNORE_SPACE is on by default, as mysql sends it: COUNT (*) parses', async () => {
  await server.admin('CREATE TABLE IF NOT EXISTS test.diff_spaces (a INT)');
  const result = await same('SELECT COUNT (*) AS c FROM diff_spaces');
  assert.equal(result.err, null);
  const reserved = await same('CREATE TEMPORARY TABLE count (a INT)');
  assert.equal(reserved.err.code, 'ER_PARSE_ERROR');
});

test("flags: '-FOUND_ROWS' reports changed rows, as mysql does", async () => {
  const result = await same('UPDATE diff_scratch SET n = n WHERE 1', undefined, {
    flags: '-FOUND_ROWS',
    setup: SCRATCH,
  });
  assert.equal(result.results.affectedRows, 0);
});

test("charset: 'BINARY' returns Buffers", async () => {
  const result = await same("SELECT 'é' AS e", undefined, { charset: 'BINARY' });
  assert.ok(Buffer.isBuffer(result.results[0].e));
});

test('access errors from a statement (USE, CREATE DATABASE) are ordinary errors, not losses', async () => {
  const use = await same('USE nope_db');
  assert.equal(use.err.code, 'ER_DBACCESS_DENIED_ERROR');
  const create = await same('CREATE DATABASE zz_forbidden');
  assert.equal(create.err.errno, 1044);
});

test('insertId beyond 2^53 with supportBigNumbers is an exact string', async () => {
  const setup = [
    'CREATE TEMPORARY TABLE diff_bigid (id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY, name TEXT) AUTO_INCREMENT = 9007199254740993',
  ];
  const result = await same("INSERT INTO diff_bigid (name) VALUES ('x')", undefined, {
    supportBigNumbers: true,
    setup,
  });
  assert.equal(result.results.insertId, '9007199254740993');
});
