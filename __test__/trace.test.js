'use strict';
// `trace` (on by default, as in `mysql`): a query's error carries the caller's stack after
// `mysql`'s delimiter. The callback API records a few of the caller's frames at the call; the
// promise API records the awaiting functions when the promise rejects.

const { test } = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const mysql = require('..');
const mysqlPromise = require('../promise');
const { usePrivateServer } = require('./support/mariadb');
const { end, runNode } = require('./support/client');

const server = usePrivateServer();
const DELIMITER = '\n    --------------------\n';
const OWN_LIB = path.join(__dirname, '..', 'lib') + path.sep;

/** The part of an error's stack after the delimiter, checked to hold no frame of ours. */
function callerPart(err) {
  const parts = err.stack.split(DELIMITER);
  assert.equal(parts.length, 2, `one delimiter in:\n${err.stack}`);
  assert.ok(!parts[1].includes(OWN_LIB), `no frame of lib/ after the delimiter:\n${parts[1]}`);
  return parts[1];
}

const failingQuery = (queryable) =>
  new Promise((resolve) => queryable.query('SELECT * FROM no_such_table_for_trace', (err) => resolve(err)));

test("a callback query's error names the function that issued it, wrapped in a Promise", async (t) => {
  const conn = mysql.createConnection(server.config());
  t.after(() => conn.destroy());
  const err = await (function issuedTheQuery() {
    return failingQuery(conn);
  })();
  assert.equal(err.code, 'ER_NO_SUCH_TABLE');
  assert.match(callerPart(err), /at issuedTheQuery \(.*trace\.test\.js:\d+:\d+\)/);
});

test("a pool's query, a transaction statement and an onConnect query name their caller", async (t) => {
  const pool = mysql.createPool({ ...server.config(), connectionLimit: 1 });
  t.after(() => pool.end());
  const pooled = await (function poolCaller() {
    return failingQuery(pool);
  })();
  assert.match(callerPart(pooled), /at poolCaller /);

  const conn = mysql.createConnection(server.config());
  t.after(() => conn.destroy());
  const hookErr = await new Promise((resolve) => {
    const hooked = mysql.createConnection({
      ...server.config(),
      onConnect: function hookCaller(c, done) {
        c.query('SELECT * FROM no_such_table_in_hook', (err) => {
          resolve(err);
          done();
        });
      },
    });
    t.after(() => hooked.destroy());
    hooked.connect(() => {});
  });
  assert.match(callerPart(hookErr), /hookCaller \(/);

  // COMMIT fails while an XA transaction is active (ER_XAER_RMFAIL).
  const txErr = await new Promise((resolve) => {
    conn.query('XA START "trace-test"', () => {});
    (function committer() {
      conn.commit((err) => resolve(err));
    })();
  });
  assert.ok(txErr, 'COMMIT inside XA fails');
  assert.match(callerPart(txErr), /at committer /);
  await end(conn);
});

test("a query issued from another's callback records the caller's four innermost frames, none of ours", async (t) => {
  const conn = mysql.createConnection(server.config());
  t.after(() => conn.destroy());
  // The second query is issued from the first one's callback, so its stack (taken after the
  // write) starts in our delivery code: only the frames from the caller down may be kept.
  const err = await new Promise((resolve) => {
    conn.query('SELECT 1', () => {
      (function one() {
        (function two() {
          (function three() {
            (function four() {
              conn.query('SELECT * FROM no_such_table_for_trace', (e) => resolve(e));
            })();
          })();
        })();
      })();
    });
  });
  assert.equal(err.code, 'ER_NO_SUCH_TABLE');
  const names = callerPart(err)
    .split('\n')
    .map((line) => (line.match(/at (\w+) \(/) || [])[1]);
  assert.deepEqual(names, ['four', 'three', 'two', 'one']);
});

test('the promise API names the awaiting functions (async frames) and costs nothing until it fails', async (t) => {
  const conn = await mysqlPromise.createConnection(server.config());
  t.after(() => conn.end());
  async function innerAwait() {
    await conn.query('SELECT * FROM no_such_table_for_trace');
  }
  async function outerAwait() {
    await innerAwait();
  }
  const err = await outerAwait().catch((e) => e);
  assert.equal(err.code, 'ER_NO_SUCH_TABLE');
  const caller = callerPart(err);
  assert.match(caller, /at async innerAwait /);
  assert.match(caller, /at async outerAwait /);

  const pool = mysqlPromise.createPool(server.config());
  t.after(() => pool.end());
  const pooled = await (async function awaitsThePool() {
    await pool.query('SELECT * FROM no_such_table_for_trace');
  })().catch((e) => e);
  assert.match(callerPart(pooled), /at async awaitsThePool /);

  // A statement that succeeds resolves as before.
  const [rows] = await conn.query('SELECT 1 AS one');
  assert.equal(rows[0].one, 1);
});

test('trace: false leaves the stack alone, in both APIs', async (t) => {
  const conn = mysql.createConnection({ ...server.config(), trace: false });
  t.after(() => conn.destroy());
  const err = await failingQuery(conn);
  assert.equal(err.code, 'ER_NO_SUCH_TABLE');
  assert.ok(!err.stack.includes(DELIMITER));
  const promised = await mysqlPromise.createConnection({ ...server.config(), trace: false });
  t.after(() => promised.end());
  const rejected = await promised.query('SELECT * FROM no_such_table_for_trace').catch((e) => e);
  assert.equal(rejected.code, 'ER_NO_SUCH_TABLE');
  assert.ok(!rejected.stack.includes(DELIMITER));
});

test("an app's Error.stackTraceLimit is kept: 0 records nothing, a frozen Error still works", async () => {
  const body = (setup) => `
    ${setup}
    const conn = mysql.createConnection(${JSON.stringify(server.config())});
    conn.query('SELECT * FROM no_such_table_for_trace', (err) => {
      process.stdout.write(JSON.stringify({ code: err.code, traced: err.stack.includes('--------------------'),
        limit: Error.stackTraceLimit }));
      conn.destroy();
    });`;
  const zero = await runNode(body('Error.stackTraceLimit = 0;'));
  assert.equal(zero.code, 0);
  assert.deepEqual(JSON.parse(zero.out), { code: 'ER_NO_SUCH_TABLE', traced: false, limit: 0 });
  const frozen = await runNode(body('Object.freeze(Error);'));
  assert.equal(frozen.code, 0);
  assert.deepEqual(JSON.parse(frozen.out), { code: 'ER_NO_SUCH_TABLE', traced: true, limit: 10 });
});
