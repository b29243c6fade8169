'use strict';
// A lying server: the fault proxy rewrites the server's packets (sequence ids, lengths, column
// counts, field contents), or sends bytes nobody asked for. Each lie gives a clear protocol error
// with outcome 'unknown' (the statement may have run), the connection is replaced, the next query
// works, no 'error' event is emitted, and nothing hangs. A lie that makes a reply look unfinished (a
// length promising more bytes, a closing packet turned into a row) is, on the wire, a slow server:
// the per-query `timeout` bounds it.

const { test, after } = require('node:test');
const assert = require('node:assert/strict');
const { usePrivateServer } = require('./support/mariadb');
const { startProxy } = require('./support/fault-proxy');
const { query, queryOutcome, end, once, record, openRecorded } = require('./support/client');

const server = usePrivateServer();
let proxy = null;
after(() => proxy && proxy.close());

async function open(t, extra = {}) {
  if (proxy === null) proxy = await startProxy({ targetPort: server.port });
  const { conn, seen } = openRecorded({ ...server.config(), host: proxy.host, port: proxy.port, ...extra }, [
    'error',
    'disconnect',
    'reconnect',
  ]);
  t.after(() => conn.destroy());
  return { conn, seen };
}

test('a lie in the handshake of a first connect: a protocol error, fatal, as mysql fails a first connect', async (t) => {
  const { conn } = await open(t);
  const fired = proxy.rewritePackets((p, i) =>
    i === 0 ? Buffer.concat([Buffer.from([20, 0, 0, 0]), p.subarray(4, 24)]) : undefined,
  );
  const { err } = await queryOutcome(conn, 'SELECT 5 AS five');
  await fired;
  assert.match(err.code, /^PROTOCOL_/, `${err.code}: ${err.message}`);
  assert.equal(err.fatal, true);
});

/** A copy of `packet` (4-byte header included) with `edit` applied. */
function edited(packet, edit) {
  const copy = Buffer.from(packet);
  edit(copy);
  return copy;
}

// The reply to `SELECT 'abc' AS s, 5 AS n` (CLIENT_DEPRECATE_EOF): 0 column count, 1-2 column
// definitions, 3 the row, 4 the closing OK packet.
const LIES = [
  [
    'a wrong sequence id',
    (p, i) => (i === 0 ? edited(p, (b) => (b[3] = 9)) : undefined),
    'PROTOCOL_PACKETS_OUT_OF_ORDER',
  ],
  [
    'a column count larger than the columns sent',
    (p, i) => (i === 0 ? edited(p, (b) => (b[4] = 3)) : undefined),
    'PROTOCOL_INCORRECT_PACKET',
  ],
  [
    'a length header shorter than the packet',
    (p, i) => (i === 1 ? edited(p, (b) => b.writeUIntLE(p.length - 7, 0, 3)) : undefined),
    'PROTOCOL_PACKETS_OUT_OF_ORDER',
  ],
  [
    'a column definition of garbage',
    (p, i) => (i === 1 ? edited(p, (b) => b.fill(0xfe, 4)) : undefined),
    'PROTOCOL_INCORRECT_PACKET',
  ],
  [
    'a row whose cell length runs past the packet',
    (p, i) => (i === 3 ? edited(p, (b) => (b[4] = 0xfc)) : undefined),
    'PROTOCOL_INCORRECT_PACKET',
  ],
  [
    'a truncated error packet',
    (p, i) => (i === 0 ? Buffer.from([1, 0, 0, 1, 0xff]) : undefined),
    'PROTOCOL_INCORRECT_PACKET',
  ],
];

for (const [lie, rewrite, code] of LIES) {
  test(`${lie}: ${code}, outcome unknown, reconnect, the next query works`, { timeout: 10000 }, async (t) => {
    const { conn, seen } = await open(t);
    await query(conn, 'SELECT 1');
    const before = conn.threadId;
    const fired = proxy.rewritePackets(rewrite);
    const { err } = await queryOutcome(conn, "SELECT 'abc' AS s, 5 AS n");
    await fired;
    assert.ok(err, 'the lie is found');
    assert.equal(err.code, code, err.message);
    assert.equal(err.outcome, 'unknown');
    assert.notEqual(err.fatal, true);
    const rows = await query(conn, 'SELECT 2 AS two');
    assert.equal(rows[0].two, 2);
    assert.notEqual(conn.threadId, before, 'a new connection');
    assert.equal(seen.disconnect.length, 1);
    assert.equal(seen.disconnect[0].error.code, code);
    assert.equal(seen.reconnect.length, 1);
    assert.deepEqual(seen.error, []);
    await end(conn);
  });
}

test(
  'a reply that looks unfinished: the query timeout or the row check ends it, and the connection heals',
  { timeout: 10000 },
  async (t) => {
    const { conn, seen } = await open(t);
    await query(conn, 'SELECT 1');
    const unfinished = [
      // A length header promising more bytes than come: only the query timeout can end it.
      [
        (p, i) => (i === 0 ? edited(p, (b) => b.writeUIntLE(0x100, 0, 3)) : undefined),
        'PROTOCOL_SEQUENCE_TIMEOUT',
      ],
      // The closing OK packet turned into a row: its cells do not match the columns, which the
      // session checks on every row, so it is a protocol error at once rather than a wait.
      [(p, i) => (i === 3 ? edited(p, (b) => (b[4] = 0x01)) : undefined), 'PROTOCOL_INCORRECT_PACKET'],
    ];
    for (const [rewrite, code] of unfinished) {
      proxy.rewritePackets(rewrite);
      const { err } = await new Promise((resolve) =>
        conn.query({ sql: "SELECT 'abc' AS s", timeout: 300 }, (e) => resolve({ err: e })),
      );
      assert.equal(err.code, code);
      assert.equal(err.outcome, 'unknown');
      assert.equal((await query(conn, 'SELECT 3 AS three'))[0].three, 3);
    }
    assert.deepEqual(seen.error, []);
    await end(conn);
  },
);

test(
  'bytes the server sends unasked while the connection is idle: found, replaced, no error',
  { timeout: 10000 },
  async (t) => {
    const { conn, seen } = await open(t);
    await query(conn, 'SELECT 1');
    const before = conn.threadId;
    const disconnected = once(conn, 'disconnect');
    // A well-formed OK packet with sequence id 7, when no command is in flight.
    proxy.injectToClients(Buffer.from([7, 0, 0, 7, 0, 0, 0, 2, 0, 0, 0]));
    const [event] = await disconnected;
    assert.ok(event.error, 'the disconnect says why');
    assert.equal((await query(conn, 'SELECT 4 AS four'))[0].four, 4);
    assert.notEqual(conn.threadId, before);
    assert.deepEqual(seen.error, []);
    await end(conn);
  },
);

test(
  'a lie in the handshake, with reconnect.initial: the connect is retried, and the first query succeeds',
  { timeout: 10000 },
  async (t) => {
    const { conn, seen } = await open(t, { reconnect: { initial: true } });
    // The server greeting is the first packet: cut it short.
    const fired = proxy.rewritePackets((p, i) =>
      i === 0 ? Buffer.concat([Buffer.from([20, 0, 0, 0]), p.subarray(4, 24)]) : undefined,
    );
    const { reconnecting } = record(conn, ['reconnecting']);
    const rows = await query(conn, 'SELECT 5 AS five');
    await fired;
    assert.equal(rows[0].five, 5);
    assert.ok(reconnecting.length >= 1, 'the lie cost one attempt');
    assert.deepEqual(seen.error, []);
    await end(conn);
  },
);
