'use strict';
// `pipelining: true`: queries queued on one connection are written before the first reply is
// read. Each still gets its own result, in order; a loss with some written and unanswered leaves
// those in flight (outcome unknown, never run twice), and only an idempotent one runs again.

const { test } = require('node:test');
const { execFileSync } = require('node:child_process');
const assert = require('node:assert/strict');
const mysql = require('..');
const { usePrivateServer } = require('./support/mariadb');
const { end, connect, waitThreadSleeping, openFake } = require('./support/client');

const server = usePrivateServer({}, (started) =>
  started.admin('CREATE TABLE test.piped (k INT PRIMARY KEY, v VARCHAR(20))'),
);

const outcome = (conn, sql, values, options = {}) =>
  new Promise((resolve) =>
    conn.query({ sql, ...options }, values, (err, result) => resolve(err ? { err } : { result })),
  );

test('pipelined queries each get their own result, in order, errors included', async (t) => {
  const conn = mysql.createConnection({ ...server.config(), pipelining: true });
  t.after(() => conn.destroy());
  await connect(conn);
  await outcome(conn, 'DELETE FROM piped');
  const statements = Array.from({ length: 120 }, (_, i) => {
    if (i % 40 === 7) return ['SELECT * FROM no_such_table_for_pipelining'];
    if (i % 3 === 0) return ['SELECT ? AS n, REPEAT("y", ?) AS pad', [i, i * 10]];
    return ['INSERT INTO piped VALUES (?, ?)', [i, `v${i}`]];
  });
  const order = [];
  const results = await Promise.all(
    statements.map(([sql, values], i) => outcome(conn, sql, values).then((r) => (order.push(i), r))),
  );
  assert.deepEqual(
    order,
    statements.map((_, i) => i),
    'callbacks in issue order',
  );
  statements.forEach(([sql], i) => {
    const { err, result } = results[i];
    if (i % 40 === 7) return assert.equal(err && err.code, 'ER_NO_SUCH_TABLE', `statement ${i}`);
    assert.equal(err, undefined, `statement ${i}: ${err && err.message}`);
    if (sql.startsWith('SELECT')) {
      assert.equal(result[0].n, i);
      assert.equal(result[0].pad.length, i * 10);
    } else {
      assert.equal(result.affectedRows, 1);
    }
  });
  const { result: count } = await outcome(conn, 'SELECT COUNT(*) AS c FROM piped');
  assert.equal(count[0].c, statements.filter(([sql]) => sql.startsWith('INSERT')).length);
});

test('a loss with queries written ahead: they fail as in flight, run at most once; an idempotent one runs again', async (t) => {
  await server.admin('DELETE FROM test.piped');
  const conn = mysql.createConnection({ ...server.config(), pipelining: true });
  t.after(() => conn.destroy());
  await connect(conn);
  const threadId = conn.threadId;
  // While the session reads the first reply, the rest wait in line: then they go as one batch.
  const first = outcome(conn, 'SELECT SLEEP(0.2) AS slept');
  const sleeping = outcome(conn, 'SELECT SLEEP(5)');
  const inserts = Array.from({ length: 10 }, (_, i) =>
    outcome(conn, 'INSERT INTO piped VALUES (?, ?)', [100 + i, 'w']),
  );
  const replayed = outcome(conn, 'SELECT 42 AS answer', undefined, { idempotent: true });
  assert.equal((await first).err, undefined);
  await waitThreadSleeping(server, threadId);
  await server.killConnection(threadId);
  const slept = await sleeping;
  assert.ok(slept.err, 'the running query fails');
  for (const { err } of await Promise.all(inserts)) {
    assert.ok(err, 'a written-ahead INSERT is not reported as done');
    assert.equal(err.outcome, 'unknown');
  }
  const { err, result } = await replayed;
  assert.equal(err, undefined);
  assert.equal(result[0].answer, 42);
  // None ran twice: the killed thread ran none of them, and none was sent again.
  const rows = await server.admin('SELECT COUNT(*) AS c FROM test.piped');
  assert.equal(Number(rows[0].c), 0);
  assert.notEqual(conn.threadId, threadId, 'healed on a new connection');
  await end(conn);
});

test('stats().inFlight counts the queries written and unanswered: the batch with pipelining, one without', async (t) => {
  for (const pipelining of [true, false]) {
    const conn = mysql.createConnection({ ...server.config(), pipelining });
    t.after(() => conn.destroy());
    await connect(conn);
    // DO 0 goes alone; the rest wait in line behind it, then go as one batch if pipelining.
    const replies = [
      outcome(conn, 'DO 0'),
      outcome(conn, 'SELECT SLEEP(5) AS slept'),
      ...[1, 2, 3, 4].map((n) => outcome(conn, 'SELECT ? AS n', [n])),
    ];
    await waitThreadSleeping(server, conn.threadId);
    const { inFlight, queued } = conn.stats();
    const expected = pipelining ? { inFlight: 5, queued: 0 } : { inFlight: 1, queued: 4 };
    assert.deepEqual({ inFlight, queued }, expected, `pipelining: ${pipelining}`);
    await server.admin(`KILL QUERY ${conn.threadId}`);
    const results = await Promise.all(replies);
    assert.deepEqual(
      results.slice(2).map(({ err, result }) => err || result[0].n),
      [1, 2, 3, 4],
    );
    assert.equal(conn.stats().inFlight, 0, 'all answered');
    await end(conn);
  }
});

test('destroy() in the middle of a batch answers every query of it', async () => {
  const conn = mysql.createConnection({ ...server.config(), pipelining: true });
  await connect(conn);
  const threadId = conn.threadId;
  const first = outcome(conn, 'SELECT SLEEP(0.2) AS slept');
  const batch = [outcome(conn, 'SELECT SLEEP(5)')].concat(
    Array.from({ length: 5 }, (_, i) => outcome(conn, 'SELECT ? AS n', [i])),
  );
  assert.equal((await first).err, undefined);
  await waitThreadSleeping(server, threadId);
  conn.destroy();
  for (const { err } of await Promise.all(batch)) {
    assert.ok(err, 'a query of the batch reports an error');
    assert.equal(err.code, 'PROTOCOL_ENQUEUE_AFTER_DESTROY');
  }
});

test('queries issued together reach the server in one write; without pipelining, one at a time', async (t) => {
  for (const pipelining of [true, false]) {
    const { fake, conn } = await openFake(t, {}, { pipelining });
    await connect(conn);
    const before = fake.packetsPerRead.length;
    // The first is written at once; with pipelining the rest go together once it is answered.
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => outcome(conn, `SELECT @@wait_timeout AS n${i}`)),
    );
    answers.forEach(({ err, result }, i) => {
      assert.equal(err, undefined);
      // The fake names the column after the whole select list.
      assert.deepEqual(Object.keys(result[0]), [`@@wait_timeout AS n${i}`], `query ${i} got its own answer`);
    });
    const reads = fake.packetsPerRead.slice(before);
    if (pipelining) assert.ok(Math.max(...reads) >= 19, `the 19 behind the first in one read: ${reads}`);
    else assert.equal(Math.max(...reads), 1, `one query per read: ${reads}`);
  }
});

test('queries issued behind an unanswered one reach the session once the issuing code returns', async (t) => {
  await server.admin('CREATE TABLE IF NOT EXISTS test.marks (k INT PRIMARY KEY)');
  for (const pipelining of [false, true]) {
    await server.admin('DELETE FROM test.marks');
    const conn = mysql.createConnection({ ...server.config(), pipelining });
    t.after(() => conn.destroy());
    await connect(conn);
    const answers = [outcome(conn, 'SELECT 1 AS one')].concat(
      Array.from({ length: 20 }, (_, i) => outcome(conn, 'INSERT INTO marks VALUES (?)', [i])),
    );
    // The JS thread is still in this function: on the event loop no INSERT has been written (a
    // burst is then handed over as a whole; issued one by one, each waited for the one before).
    const written = execFileSync('mariadb', [
      '-S',
      server.socketPath,
      '-u',
      'root',
      '-N',
      '-B',
      '-e',
      'SELECT COUNT(*) FROM test.marks',
    ]);
    assert.equal(Number(String(written).trim()), 0, `pipelining ${pipelining}`);
    for (const { err } of await Promise.all(answers)) assert.equal(err, undefined);
    const rows = await server.admin('SELECT COUNT(*) AS c FROM test.marks');
    assert.equal(Number(rows[0].c), 20, 'each ran once');
  }
});

test('pipelining is off by default and must be a boolean', () => {
  const conn = mysql.createConnection(server.config());
  assert.equal(conn.config.pipelining, false);
  conn.destroy();
  assert.throws(() => mysql.createConnection({ ...server.config(), pipelining: 'yes' }), {
    name: 'TypeError',
    message: /pipelining/,
  });
});
