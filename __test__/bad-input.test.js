'use strict';
// Bad input: wrong types and ranges in the config and in every public method are a TypeError or
// RangeError naming the field (or `mysql`'s own error where `mysql` has one), never a crash or a
// hang; user code that throws inside the library never leaves a command unanswered; and no Rust
// panic crosses into Node (a test-only hook makes the native side panic on purpose).

const { test } = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const { spawn } = require('node:child_process');
const mysql = require('..');
const { usePrivateServer } = require('./support/mariadb');
const { query, queryOutcome, end, once } = require('./support/client');

const server = usePrivateServer();

function open(extra) {
  return mysql.createConnection({ ...server.config(), ...extra });
}

/** Asserts `fn` throws `Type` with a message naming `field`. */
function throwsNaming(fn, Type, field) {
  assert.throws(fn, (err) => {
    assert.ok(
      err instanceof Type,
      `expected ${Type.name}, got ${err && err.constructor.name}: ${err && err.message}`,
    );
    assert.match(
      err.message,
      new RegExp(field.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')),
      `message names ${field}`,
    );
    return true;
  });
}

test('createConnection: each wrong option type or range throws, naming the option', () => {
  const cases = [
    [{ port: 'abc' }, RangeError, 'port'],
    [{ port: -1 }, RangeError, 'port'],
    [{ port: 70000 }, RangeError, 'port'],
    [{ port: 3306.5 }, RangeError, 'port'],
    [{ host: 5 }, TypeError, 'host'],
    [{ user: 5 }, TypeError, 'user'],
    [{ password: {} }, TypeError, 'password'],
    [{ database: [] }, TypeError, 'database'],
    [{ socketPath: 1 }, TypeError, 'socketPath'],
    [{ connectTimeout: -5 }, RangeError, 'connectTimeout'],
    [{ connectTimeout: '100' }, TypeError, 'connectTimeout'],
    [{ connectTimeout: Infinity }, RangeError, 'connectTimeout'],
    [{ queueLimit: 'x' }, TypeError, 'queueLimit'],
    [{ queueLimit: -1 }, RangeError, 'queueLimit'],
    [{ queueLimit: 1.5 }, RangeError, 'queueLimit'],
    [{ queueTimeout: -1 }, RangeError, 'queueTimeout'],
    [{ pingAfterIdle: 'x' }, TypeError, 'pingAfterIdle'],
    [{ pingTimeout: NaN }, TypeError, 'pingTimeout'],
    [{ pingTimeout: 0 }, RangeError, 'pingTimeout'],
    [{ keepAlive: 'x' }, TypeError, 'keepAlive'],
    [{ keepAlive: -1 }, RangeError, 'keepAlive'],
    [{ reconnect: 'yes' }, TypeError, 'reconnect'],
    [{ reconnect: { maxAttempts: -1 } }, RangeError, 'reconnect.maxAttempts'],
    [{ reconnect: { maxTime: -1 } }, RangeError, 'reconnect.maxTime'],
    [{ reconnect: { baseDelay: 'x' } }, TypeError, 'reconnect.baseDelay'],
    [{ reconnect: { maxDelay: Infinity } }, RangeError, 'reconnect.maxDelay'],
    [{ ssl: 42 }, TypeError, 'ssl'],
    [{ ssl: 'No Such Profile' }, TypeError, 'SSL profile'],
    [{ typeCast: 'x' }, TypeError, 'typeCast'],
    [{ queryFormat: 1 }, TypeError, 'queryFormat'],
    [{ timezone: 5 }, TypeError, 'timezone'],
    [{ charset: 'NOPE' }, TypeError, 'charset'],
    [{ charset: 33 }, TypeError, 'charset'],
    [{ charsetNumber: 'x' }, TypeError, 'charsetNumber'],
    [{ onConnect: 5 }, TypeError, 'onConnect'],
    [{ onConnect: ['SET @a = 1', 7] }, TypeError, 'onConnect'],
    [5, TypeError, 'config'],
    [Symbol('config'), TypeError, 'config'],
  ];
  for (const [options, Type, field] of cases) {
    throwsNaming(() => mysql.createConnection(options), Type, field);
  }
  // The password never shows in the message.
  assert.throws(
    () => mysql.createConnection({ password: 12345678 }),
    (err) => !err.message.includes('12345678'),
  );
});

test('createConnection: bad connection URLs throw naming the part', () => {
  throwsNaming(() => mysql.createConnection('mysql://u:p@localhost:abc/db'), RangeError, 'port');
  throwsNaming(() => mysql.createConnection('mysql://u:p@localhost:99999/db'), RangeError, 'port');
  throwsNaming(() => mysql.createConnection('mysql://u:%zz@localhost/db'), TypeError, 'password');
  throwsNaming(() => mysql.createConnection('mysql://u@localhost/%E0%A4%A'), TypeError, 'database');
  throwsNaming(
    () => mysql.createConnection('mysql://u@localhost/db?connectTimeout=-1'),
    RangeError,
    'connectTimeout',
  );
  throwsNaming(() => mysql.createConnection('not a url'), TypeError, 'URL');
});

test('createConnection: what mysql accepts is still accepted', () => {
  // `mysql` takes these (flags it does not know are ignored, numeric strings are ports, a number
  // of dateStrings is truthy); so do we.
  for (const options of [
    { flags: 123 },
    { flags: ['-FOUND_ROWS', 'BOGUS'] },
    { port: '3307' },
    { dateStrings: 1 },
    { debug: false },
    { connectTimeout: 0 },
  ]) {
    const conn = mysql.createConnection(options);
    conn.destroy();
  }
  assert.equal(mysql.createConnection({ port: '3307' }).config.port, 3307);
});

test('query: wrong argument types', async () => {
  const conn = open();
  throwsNaming(() => conn.query(null), TypeError, 'null');
  throwsNaming(() => conn.query({ sql: {} }), TypeError, 'sql');
  throwsNaming(() => conn.query({ sql: Symbol('s') }), TypeError, 'sql');
  throwsNaming(() => conn.query('SELECT ?', [Symbol('v')]), TypeError, 'values');
  throwsNaming(() => conn.query('SELECT 1', [], 5), TypeError, 'callback');
  throwsNaming(() => conn.query('SELECT 1', 'x', 7), TypeError, 'callback');
  throwsNaming(() => conn.ping({}, 5), TypeError, 'callback');
  throwsNaming(() => conn.statistics({}, 'x'), TypeError, 'callback');
  throwsNaming(() => conn.connect({}, 1), TypeError, 'callback');
  throwsNaming(() => conn.end({}, {}), TypeError, 'callback');
  // None of them left a command behind: the connection works and drains.
  assert.equal(conn._pending.size, 0);
  assert.equal((await query(conn, 'SELECT 1 AS one'))[0].one, 1);
  await end(conn);
});

test('query: odd SQL and values behave as in mysql (server errors, not crashes)', async () => {
  const conn = open();
  // A number is sent as its text (mysql writes `sql + ''`): the server's parse error.
  assert.equal((await queryOutcome(conn, 5)).err.code, 'ER_PARSE_ERROR');
  // No SQL at all: the server's empty-query error.
  assert.equal((await queryOutcome(conn, {})).err.code, 'ER_EMPTY_QUERY');
  assert.equal((await queryOutcome(conn, undefined)).err.code, 'ER_EMPTY_QUERY');
  const circular = {};
  circular.self = circular;
  const odd = await query(conn, 'SELECT ? AS big, ? AS fn, ? AS nan_date, ? AS nul', [
    12345678901234567890n,
    () => 1,
    new Date('x'),
    'a\0b',
  ]);
  assert.equal(odd[0].big, '12345678901234567890');
  assert.equal(odd[0].fn, '() => 1');
  assert.equal(odd[0].nan_date, null);
  assert.equal(odd[0].nul, 'a\0b');
  // A circular object is escaped as `key = value` pairs, as sqlstring does: the server refuses it.
  assert.equal((await queryOutcome(conn, 'SELECT ?', [circular])).err.code, 'ER_BAD_FIELD_ERROR');
  // A lone surrogate becomes U+FFFD on the way to UTF-8, as in mysql.
  assert.equal((await query(conn, "SELECT '\uD800' AS s"))[0].s, '\uFFFD');
  // A timeout that is not a positive number is no timeout (as mysql); a huge one is capped.
  for (const timeout of [-1, 'x', NaN, 1e20]) {
    assert.equal((await query(conn, { sql: 'SELECT 1 AS v', timeout }))[0].v, 1);
  }
  await end(conn);
});

test('changeUser: wrong option types throw naming the option, and the connection stays usable', async () => {
  const conn = open();
  await query(conn, 'SELECT 1');
  throwsNaming(() => conn.changeUser({ user: 5 }), TypeError, 'user');
  throwsNaming(() => conn.changeUser({ password: 5 }), TypeError, 'password');
  throwsNaming(() => conn.changeUser({ database: {} }), TypeError, 'database');
  throwsNaming(() => conn.changeUser({ charset: 'NOPE' }), TypeError, 'charset');
  throwsNaming(() => conn.changeUser({}, 'cb'), TypeError, 'callback');
  assert.equal(conn._pending.size, 0);
  assert.equal((await query(conn, 'SELECT CURRENT_USER() AS u'))[0].u.split('@')[0], server.config().user);
  await end(conn);
});

test("after end() and destroy(): commands fail with mysql's codes, pause/resume are harmless", async () => {
  const ended = open();
  await query(ended, 'SELECT 1');
  await end(ended);
  ended.pause();
  ended.resume();
  assert.equal((await queryOutcome(ended, 'SELECT 1')).err.code, 'PROTOCOL_ENQUEUE_AFTER_QUIT');
  const pinged = await new Promise((resolve) => ended.ping(resolve));
  assert.equal(pinged.code, 'PROTOCOL_ENQUEUE_AFTER_QUIT');

  const destroyed = open();
  await query(destroyed, 'SELECT 1');
  destroyed.destroy();
  destroyed.destroy();
  destroyed.pause();
  destroyed.resume();
  assert.equal((await queryOutcome(destroyed, 'SELECT 1')).err.code, 'PROTOCOL_ENQUEUE_AFTER_DESTROY');
  const changed = await new Promise((resolve) => destroyed.changeUser({}, resolve));
  assert.equal(changed.code, 'PROTOCOL_ENQUEUE_AFTER_DESTROY');
  const endErr = await new Promise((resolve) => destroyed.end(resolve));
  assert.equal(endErr.code, 'PROTOCOL_ENQUEUE_AFTER_DESTROY');
  assert.equal(destroyed.escape("it's"), "'it\\'s'");
});

test('destroy() with commands pending and no callbacks emits no error (as mysql)', async () => {
  const conn = open();
  await query(conn, 'SELECT 1');
  const errors = [];
  conn.on('error', (err) => errors.push(err));
  const slow = conn.query('SELECT SLEEP(5)');
  conn.end();
  conn.destroy();
  await new Promise((resolve) => slow.on('end', resolve));
  assert.deepEqual(errors, []);
  // A command issued after destroy() without a callback is reported, as mysql does.
  conn.query('SELECT 1');
  const [late] = await once(conn, 'error');
  assert.equal(late.code, 'PROTOCOL_ENQUEUE_AFTER_DESTROY');
});

test('a custom typeCast that throws fails that query with its error; the connection goes on', async () => {
  const conn = open();
  const boom = new Error('typeCast exploded');
  const { err } = await new Promise((resolve) =>
    conn.query(
      {
        sql: 'SELECT seq FROM seq_1_to_20000',
        typeCast: () => {
          throw boom;
        },
      },
      (e, results) => resolve({ err: e, results }),
    ),
  );
  assert.equal(err, boom);
  assert.equal((await query(conn, 'SELECT 2 AS two'))[0].two, 2);
  await end(conn);
});

test('a callback that throws does not keep the other pending callbacks from being called', async () => {
  const conn = open();
  await query(conn, 'SELECT 1');
  const uncaught = [];
  const listeners = process.listeners('uncaughtException');
  process.removeAllListeners('uncaughtException');
  process.on('uncaughtException', (err) => uncaught.push(err));
  try {
    const answered = [];
    const all = new Promise((resolve) => {
      for (let i = 0; i < 3; i++) {
        conn.query('SELECT SLEEP(2)', (err) => {
          answered.push(err && err.code);
          if (answered.length === 3) resolve();
          if (i === 0) throw new Error('thrown by a callback');
        });
      }
    });
    setImmediate(() => conn.destroy());
    await all;
    assert.equal(answered.length, 3);
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(uncaught.length, 1);
    assert.equal(uncaught[0].message, 'thrown by a callback');
  } finally {
    process.removeAllListeners('uncaughtException');
    for (const listener of listeners) process.on('uncaughtException', listener);
  }
});

// --- no panic crosses into Node --------------------------------------------------------------------

/** Runs `body` in a child Node with the test hooks armed; resolves { code, out, stderr }. */
function runWithHooks(body) {
  const script = `const mysql = require(${JSON.stringify(path.join(__dirname, '..'))});\n${body}`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', script], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, RECONNECTING_MYSQL_TEST_HOOKS: '1' },
    });
    let out = '';
    let stderr = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the child hung: ${out}\n${stderr}`));
    }, 20000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, out, stderr });
    });
  });
}

test('a panic in the session task fails every pending command and the connection; the process lives on', async () => {
  // With pipelining, the second to fourth are written ahead together: the panic comes while
  // reading the third's reply.
  for (const pipelining of [false, true]) await panicInSessionTask(pipelining);
});

async function panicInSessionTask(pipelining) {
  const config = JSON.stringify(server.config());
  const { code, out, stderr } = await runWithHooks(`
    const config = ${config};
    const conn = mysql.createConnection({ ...config, pipelining: ${pipelining}, __panicAfter: 2 });
    const seen = { errors: [], ends: 0 };
    const results = [];
    // Once every command has its callback and the connection has ended: the process survived,
    // and a new connection works (anything more from the dead one would still show by then).
    let checked = false;
    const afterwards = () => {
      if (checked || results.length < 4 || seen.ends === 0) return;
      checked = true;
      const fresh = mysql.createConnection(config);
      fresh.query('SELECT 42 AS v', (err, rows) => {
        console.log(JSON.stringify({ results, seen, fresh: err ? err.code : rows[0].v, state: conn.state }));
        fresh.end();
      });
    };
    conn.on('error', (err) => seen.errors.push(err.code + ':' + err.fatal));
    conn.on('end', () => (seen.ends++, afterwards()));
    const done = (label) => (err, rows) => (results.push(label + '=' + (err ? err.code + '/' + err.fatal + '/' + err.outcome : rows[0].v)), afterwards());
    conn.query('SELECT 1 AS v', done('first'));
    conn.query('SELECT 2 AS v', done('second'));
    conn.query('SELECT 3 AS v', done('third'));
    conn.query('SELECT 4 AS v', done('fourth'));
  `);
  assert.equal(code, 0, stderr);
  const report = JSON.parse(out.trim().split('\n').pop());
  assert.equal(report.results.length, 4, out);
  assert.deepEqual(report.results.slice(0, 2), ['first=1', 'second=2'], `pipelining: ${pipelining}`);
  assert.deepEqual(report.results.slice(2), [
    'third=ER_INTERNAL/true/unknown',
    'fourth=ER_INTERNAL/true/unknown',
  ]);
  assert.equal(report.seen.ends, 1);
  // Every pending command had a callback, so (as in mysql) no 'error' event on top.
  assert.deepEqual(report.seen.errors, []);
  assert.equal(report.fresh, 42);
  assert.match(stderr, /deliberate panic in the session task/);
}

test('a panic in a napi method becomes a JS Error; the process lives on', async () => {
  const config = JSON.stringify(server.config());
  const { code, out, stderr } = await runWithHooks(`
    const conn = mysql.createConnection(${config});
    let caught = null;
    try { conn._session().testPanic(); } catch (err) { caught = err; }
    conn.query('SELECT 7 AS v', (err, rows) => {
      console.log(JSON.stringify({ caught: caught && caught.message, isError: caught instanceof Error, v: err ? err.code : rows[0].v }));
      conn.end();
    });
  `);
  assert.equal(code, 0, stderr);
  const report = JSON.parse(out.trim().split('\n').pop());
  assert.equal(report.isError, true);
  assert.match(report.caught, /deliberate panic in a napi method/);
  assert.equal(report.v, 7);
});

test('the test hooks are inert without the env var', async () => {
  assert.notEqual(process.env.RECONNECTING_MYSQL_TEST_HOOKS, '1');
  const conn = open({ __panicAfter: 0 });
  assert.equal((await query(conn, 'SELECT 5 AS v'))[0].v, 5);
  assert.throws(() => conn._session().testPanic(), /test hooks are disabled/);
  await end(conn);
});
