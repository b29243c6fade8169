'use strict';
// Foundation: queries go through the Rust core and come back in `mysql`'s shapes.

const { test } = require('node:test');
const assert = require('node:assert/strict');
const net = require('node:net');
const { runNode } = require('./support/client');
const mysql = require('..');
const { usePrivateServer } = require('./support/mariadb');

const server = usePrivateServer();

function connect(extra) {
  return mysql.createConnection({ ...server.config(), ...extra });
}

function query(conn, sql, values) {
  return new Promise((resolve, reject) => {
    conn.query(sql, values, (err, results, fields) => (err ? reject(err) : resolve({ results, fields })));
  });
}

function end(conn) {
  return new Promise((resolve, reject) => conn.end((err) => (err ? reject(err) : resolve())));
}

test('SELECT 1 + 1 AS x gives [{ x: 2 }] with fields, over an implicit connect', async () => {
  const conn = connect();
  assert.equal(conn.state, 'disconnected');
  assert.equal(conn.threadId, null);
  const { results, fields } = await query(conn, 'SELECT 1 + 1 AS x');
  assert.deepEqual(JSON.parse(JSON.stringify(results)), [{ x: 2 }]);
  assert.equal(results[0].constructor.name, 'RowDataPacket');
  assert.equal(fields.length, 1);
  assert.equal(fields[0].name, 'x');
  assert.equal(fields[0].constructor.name, 'FieldPacket');
  assert.equal(conn.state, 'authenticated');
  assert.equal(typeof conn.threadId, 'number');
  const { results: id } = await query(conn, 'SELECT CONNECTION_ID() AS id');
  assert.equal(id[0].id, conn.threadId);
  await end(conn);
});

test('connect(cb) reports success and emits connect once', async () => {
  const conn = connect();
  let connects = 0;
  conn.on('connect', () => connects++);
  await new Promise((resolve, reject) => conn.connect((err) => (err ? reject(err) : resolve())));
  assert.equal(connects, 1);
  assert.equal(conn.state, 'authenticated');
  await end(conn);
});

test('common column types come back as mysql casts them', async () => {
  const conn = connect();
  const { results } = await query(
    conn,
    "SELECT 42 AS i, -7 AS neg, 'héllo ✓' AS s, NULL AS n, CAST(12.50 AS DECIMAL(6,2)) AS d, 1.5e0 AS f, " +
      "CAST('2024-02-29 13:14:15' AS DATETIME) AS dt, CAST('2024-02-29' AS DATE) AS dd, X'DEADBEEF' AS b, " +
      'CAST(9007199254740993 AS UNSIGNED) AS big',
  );
  const row = results[0];
  assert.equal(row.i, 42);
  assert.equal(row.neg, -7);
  assert.equal(row.s, 'héllo ✓');
  assert.equal(row.n, null);
  assert.equal(row.d, 12.5);
  assert.equal(row.f, 1.5);
  assert.deepEqual(row.dt, new Date('2024-02-29 13:14:15'));
  assert.deepEqual(row.dd, new Date('2024-02-29 00:00:00'));
  assert.deepEqual(row.b, Buffer.from('deadbeef', 'hex'));
  assert.equal(row.big, 9007199254740992); // lossy, exactly as mysql without supportBigNumbers
  await end(conn);
});

test('INSERT and UPDATE give an OkPacket with mysql fields', async () => {
  const conn = connect();
  await query(conn, 'CREATE TABLE basic_ok (id INT AUTO_INCREMENT PRIMARY KEY, v INT)');
  const { results: insert } = await query(conn, 'INSERT INTO basic_ok (v) VALUES (?), (?)', [1, 2]);
  assert.equal(insert.constructor.name, 'OkPacket');
  assert.equal(insert.affectedRows, 2);
  assert.equal(insert.insertId, 1);
  assert.equal(insert.fieldCount, 0);
  assert.equal(insert.protocol41, true);
  const { results: update } = await query(conn, 'UPDATE basic_ok SET v = 5 WHERE id = 1');
  assert.equal(update.affectedRows, 1);
  assert.equal(update.changedRows, 1);
  const { results: unchanged } = await query(conn, 'UPDATE basic_ok SET v = 5 WHERE id = 1');
  assert.equal(unchanged.affectedRows, 1, 'FOUND_ROWS is on, as in mysql');
  assert.equal(unchanged.changedRows, 0);
  await query(conn, 'DROP TABLE basic_ok');
  await end(conn);
});

test('server errors carry code, errno, sqlState, sqlMessage, sql and index', async () => {
  const conn = connect();
  await assert.rejects(query(conn, 'SELECT * FROM no_such_table'), (err) => {
    assert.equal(err.code, 'ER_NO_SUCH_TABLE');
    assert.equal(err.errno, 1146);
    assert.equal(err.sqlState, '42S02');
    assert.match(err.sqlMessage, /no_such_table/);
    assert.equal(err.message, 'ER_NO_SUCH_TABLE: ' + err.sqlMessage);
    assert.equal(err.sql, 'SELECT * FROM no_such_table');
    assert.equal(err.index, 0);
    assert.equal(err.fatal, undefined);
    return true;
  });
  // The connection is fine after an ordinary error.
  const { results } = await query(conn, 'SELECT 1 AS one');
  assert.equal(results[0].one, 1);
  await end(conn);
});

test('a refused connection gives ECONNREFUSED, fatal, with reconnect: false', async () => {
  const port = await new Promise((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
  const conn = mysql.createConnection({ host: '127.0.0.1', port, user: 'app', reconnect: false });
  const err = await new Promise((resolve) => conn.connect(resolve));
  assert.equal(err.code, 'ECONNREFUSED');
  assert.equal(err.errno, -111);
  assert.equal(err.fatal, true);
  assert.equal(err.port, port);
});

test('escape, escapeId and format are sqlstring 2.3.1, as in mysql', () => {
  const conn = connect();
  assert.equal(mysql.escape("it's"), "'it\\'s'");
  assert.equal(mysql.escapeId('a.b'), '`a`.`b`');
  assert.equal(mysql.format('SELECT ?? FROM t WHERE id = ?', ['c', 5]), 'SELECT `c` FROM t WHERE id = 5');
  assert.equal(conn.escape(null), 'NULL');
  assert.equal(conn.format('?', [mysql.raw('NOW()')]), 'NOW()');
  assert.equal(mysql.Types.LONG, 3);
  assert.ok(!Object.keys(mysql).includes('Types'), 'Types is a non-enumerable getter');
});

test('a URL works as config', async () => {
  const c = server.config();
  const conn = mysql.createConnection(
    `mysql://${c.user}:${c.password}@${c.host}:${c.port}/${c.database}?connectTimeout=5000`,
  );
  assert.equal(conn.config.connectTimeout, 5000);
  const { results } = await query(conn, 'SELECT DATABASE() AS db');
  assert.equal(results[0].db, c.database);
  await end(conn);
});

test('bad config is a TypeError or RangeError naming the field', () => {
  assert.throws(() => mysql.createConnection({ port: 'abc' }), { name: 'RangeError', message: /port/ });
  assert.throws(() => mysql.createConnection({ charset: 'klingon' }), {
    name: 'TypeError',
    message: /klingon/,
  });
  assert.throws(() => mysql.createConnection({ queueTimeout: -1 }), {
    name: 'RangeError',
    message: /queueTimeout/,
  });
  assert.throws(() => mysql.createConnection({ reconnect: 'yes' }), {
    name: 'TypeError',
    message: /reconnect/,
  });
  const conn = connect();
  assert.throws(() => conn.query('SELECT 1', [], 'not a function'), TypeError);
});

test('the password never shows in inspect or JSON of the config', () => {
  const conn = connect();
  const util = require('node:util');
  assert.ok(!util.inspect(conn.config).includes(server.password));
  assert.ok(!JSON.stringify(conn.config).includes(server.password));
  assert.equal(conn.config.password, server.password);
});

test('the process exits by itself after end(), and stays alive while connected', async () => {
  // The 200 ms before end() is the connected period the process must stay alive through.
  const { code, out } = await runNode(`
    const conn = mysql.createConnection(${JSON.stringify(server.config())});
    conn.query('SELECT 1 + 1 AS x', (err, rows) => {
      if (err) throw err;
      console.log(JSON.stringify(rows));
      setTimeout(() => conn.end(() => console.log('ended')), 200);
    });`);
  assert.equal(code, 0);
  assert.equal(out, '[{"x":2}]\nended\n');
});

test('after end(), a query fails with PROTOCOL_ENQUEUE_AFTER_QUIT', async () => {
  const conn = connect();
  await query(conn, 'SELECT 1');
  conn.end();
  await assert.rejects(query(conn, 'SELECT 1'), { code: 'PROTOCOL_ENQUEUE_AFTER_QUIT' });
});

test('destroy() closes at once and the process can exit', async () => {
  const conn = connect();
  await query(conn, 'SELECT 1');
  let ended = false;
  conn.on('end', () => (ended = true));
  conn.destroy();
  await assert.rejects(query(conn, 'SELECT 1'), { code: 'PROTOCOL_ENQUEUE_AFTER_DESTROY' });
  assert.equal(ended, false);
});

test("ssl: 'Amazon RDS' is mysql's named profile; an unknown one is a TypeError", () => {
  const conn = mysql.createConnection({ ssl: 'Amazon RDS' });
  assert.ok(Array.isArray(conn.config.ssl.ca) && conn.config.ssl.ca.length > 0);
  assert.equal(conn.config.ssl.rejectUnauthorized, true);
  assert.throws(() => mysql.createConnection({ ssl: 'Nope' }), {
    name: 'TypeError',
    message: "Unknown SSL profile 'Nope'",
  });
});

test("debug prints commands and replies in mysql's format, never the password", async () => {
  const lines = [];
  const original = console.log;
  console.log = (...args) => lines.push(require('node:util').format(...args));
  try {
    const conn = connect({ debug: true });
    await query(conn, 'SELECT 1 AS one');
    await new Promise((resolve) => conn.changeUser({ password: server.password }, resolve));
    await end(conn);
  } finally {
    console.log = original;
  }
  const text = lines.join('\n');
  assert.match(text, /^--> ComQueryPacket \{ sql: 'SELECT 1 AS one' \}/);
  assert.match(text, /<-- \(\d+\) ResultSet/);
  assert.match(text, /--> \(\d+\) ComChangeUserPacket/);
  assert.ok(!text.includes(server.password));
});

test('columns repeated across queries (sent once by the session) still give full, fresh fields', async () => {
  const conn = connect({ multipleStatements: true });
  const fresh = connect({ multipleStatements: true });
  const statements = [
    'SELECT 1 AS a, "x" AS b',
    'SELECT 2 AS a, "y" AS b',
    'SELECT 3 AS a',
    'SELECT 4 AS a, "z" AS b; SELECT 5 AS a, "w" AS b; SELECT 6 AS a, "v" AS b',
    'SELECT 7 AS a, NOW() AS b',
    'SELECT 8 AS a, "u" AS b',
  ];
  let previous;
  for (const sql of statements) {
    const got = await query(conn, sql);
    const expected = await query(fresh, sql);
    assert.deepEqual(got.results, expected.results, sql);
    assert.deepEqual(got.fields, expected.fields, sql);
    // A new FieldPacket array per query: a caller may keep or change it.
    if (previous) assert.notEqual(got.fields, previous);
    previous = got.fields;
  }
  const again = await query(conn, statements[0]);
  again.fields[0].name = 'changed';
  const after = await query(conn, statements[0]);
  assert.equal(after.fields[0].name, 'a');
  assert.deepEqual(
    after.results,
    [{ a: 1, b: 'x' }].map((r) => Object.assign(Object.create(Object.getPrototypeOf(after.results[0])), r)),
  );
  await end(conn);
  await end(fresh);
});

test('cells of every length-prefix size decode the same on the compiled and the generic path', async () => {
  const conn = connect();
  const sql =
    "SELECT REPEAT('a', 250) AS a, REPEAT('b', 251) AS b, NULL AS n, '' AS e, REPEAT('c', 65535) AS c, REPEAT('d', 65536) AS d, 7 AS i";
  const check = (row) => {
    assert.equal(row.a, 'a'.repeat(250));
    assert.equal(row.b, 'b'.repeat(251));
    assert.equal(row.n, null);
    assert.equal(row.e, '');
    assert.equal(row.c, 'c'.repeat(65535));
    assert.equal(row.d, 'd'.repeat(65536));
    assert.equal(row.i, 7);
  };
  check((await query(conn, sql)).results[0]);
  // A custom typeCast takes the generic path.
  check((await query(conn, { sql, typeCast: (field, next) => next() })).results[0]);
  const nested = (await query(conn, { sql, nestTables: '_' })).results[0];
  assert.equal(nested._d, 'd'.repeat(65536));
  assert.equal(nested._i, 7);
  await end(conn);
});

test('the same query after its columns changed: the new columns and fields, every time', async (t) => {
  const conn = mysql.createConnection(server.config());
  t.after(() => conn.destroy());
  const run = () =>
    new Promise((resolve, reject) =>
      conn.query('SELECT * FROM reshaped', (err, rows, fields) =>
        err ? reject(err) : resolve({ rows: rows.map((row) => ({ ...row })), fields }),
      ),
    );
  await new Promise((resolve, reject) =>
    conn.query('CREATE TEMPORARY TABLE reshaped (a INT, b VARCHAR(10))', (err) =>
      err ? reject(err) : resolve(),
    ),
  );
  const alter = (sql) =>
    new Promise((resolve, reject) => conn.query(sql, (err) => (err ? reject(err) : resolve())));
  await alter("INSERT INTO reshaped VALUES (1, 'x')");
  // Repeated: the server sends the same definitions, which the session shares with the last result.
  for (let i = 0; i < 3; i++) {
    const { rows, fields } = await run();
    assert.deepEqual(rows, [{ a: 1, b: 'x' }]);
    assert.deepEqual(
      fields.map((f) => [f.name, f.type]),
      [
        ['a', 3],
        ['b', 253],
      ],
    );
  }
  await alter('ALTER TABLE reshaped CHANGE b c VARCHAR(10)');
  assert.deepEqual((await run()).rows, [{ a: 1, c: 'x' }], 'a renamed column');
  await alter('ALTER TABLE reshaped MODIFY a BIGINT');
  const { rows, fields } = await run();
  assert.deepEqual(rows, [{ a: 1, c: 'x' }]);
  assert.equal(fields[0].type, 8, 'a changed type (LONGLONG)');
  await alter('ALTER TABLE reshaped ADD COLUMN d INT DEFAULT 7');
  assert.deepEqual((await run()).rows, [{ a: 1, c: 'x', d: 7 }], 'an added column');
});
