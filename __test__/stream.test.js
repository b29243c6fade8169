'use strict';
// query().stream(): an object-mode Readable whose backpressure reaches the server, so a slow
// consumer never buffers a whole large result; and `trace` call-site stacks on errors.

const { test } = require('node:test');
const assert = require('node:assert/strict');
const mysql = require('..');
const { usePrivateServer } = require('./support/mariadb');
const { end, waitUntil } = require('./support/client');

const server = usePrivateServer();

const ROWS = 300000;

test('a stream that is not read stops the reading of rows; reading it then delivers every row', async () => {
  const conn = mysql.createConnection(server.config());
  const stream = conn
    .query(`SELECT seq, REPEAT('x', 40) AS pad FROM seq_1_to_${ROWS}`)
    .stream({ highWaterMark: 10 });
  let fields = null;
  stream.on('fields', (f) => (fields = f));
  // Nobody reads: the buffer grows by at most a chunk or two, then stops growing.
  let last = -1;
  let stableSince = Date.now();
  await waitUntil(
    () => {
      if (stream.readableLength !== last) {
        last = stream.readableLength;
        stableSince = Date.now();
      }
      return last > 0 && Date.now() - stableSince > 300;
    },
    { what: 'the buffered row count to settle' },
  );
  assert.ok(last < ROWS / 10, `buffered ${last} of ${ROWS} rows while nobody read`);
  // The server is held back too: it is still in the middle of sending the result.
  const running = await server.admin(
    'SELECT COMMAND AS command, INFO AS info FROM information_schema.PROCESSLIST WHERE ID = ?',
    [conn.threadId],
  );
  assert.equal(running[0].command, 'Query');
  assert.match(running[0].info, /seq_1_to_/);
  assert.equal(fields[0].name, 'seq');
  let count = 0;
  let sum = 0;
  for await (const row of stream) {
    count++;
    sum += row.seq;
  }
  assert.equal(count, ROWS);
  assert.equal(sum, (ROWS * (ROWS + 1)) / 2);
  await end(conn);
});

test("with trace (the default) an error carries the caller's stack after the separator", async () => {
  const conn = mysql.createConnection(server.config());
  const err = await (function callerWithAName() {
    return new Promise((resolve) => conn.query('SELECT * FROM no_such_table_here', (e) => resolve(e)));
  })();
  assert.match(err.stack, /\n {4}-{20}\n/);
  assert.match(err.stack.split('--------------------')[1], /callerWithAName/);
  const untraced = mysql.createConnection({ ...server.config(), trace: false });
  const plain = await new Promise((resolve) =>
    untraced.query('SELECT * FROM no_such_table_here', (e) => resolve(e)),
  );
  assert.doesNotMatch(plain.stack, /-{20}/);
  await end(conn);
  await end(untraced);
});
