'use strict';
// The lying server of the protocol fuzzer: a MySQL server on loopback that plays valid sessions
// (greeting with or without DEPRECATE_EOF, a direct OK or an auth switch, OK and error replies,
// result sets of every column type, several result sets, LOCAL INFILE requests) built from real
// protocol bytes (the encoders of __test__/support/fake-server.js), and lies on its first
// connection as one mutation says: truncated or split packets, wrong lengths (up to 16 MB
// claims), wrong sequence ids, column counts that disagree with the rows, invalid UTF-8, huge
// length-encoded ints, an unknown auth plugin, a LOCAL INFILE request out of place, garbage, a
// connection closed at a byte offset, a stall. Later connections (the client healing) are honest.
//
//   const server = await startLyingServer(mutation)   // mutation from mutationFor(seed)
//   server.port; server.fired (did the lie happen); await server.close()

const net = require('node:net');
const {
  CAPS,
  SERVER_CAPS,
  COM,
  lenenc,
  lenencString,
  okPayload,
  errorPayload,
  columnPayload,
  defaultReply,
} = require('../__test__/support/fake-server');

const BINARY = 63;
const UTF8MB4 = 45;
const STATUS_AUTOCOMMIT = 0x0002;
const MORE_RESULTS = 0x0008;
const BINARY_FLAG = 0x80;

// One column of each type, with a valid text-protocol value.
const COLUMNS = [
  ['tiny', 0x01, '127'],
  ['short', 0x02, '-32768'],
  ['long', 0x03, '2147483647'],
  ['float', 0x04, '1.5'],
  ['double', 0x05, '2.25'],
  ['nothing', 0x06, null],
  ['ts', 0x07, '2024-02-29 12:34:56'],
  ['longlong', 0x08, '9007199254740993'],
  ['int24', 0x09, '8388607'],
  ['date', 0x0a, '2024-02-29'],
  ['time', 0x0b, '-838:59:59'],
  ['datetime', 0x0c, '2024-02-29 12:34:56.123456'],
  ['year', 0x0d, '2024'],
  ['bit', 0x10, Buffer.from([5]), BINARY],
  ['json', 0xf5, '{"a":[1,2]}'],
  ['decimal', 0xf6, '12345.6789'],
  ['enum', 0xf7, 'b'],
  ['set', 0xf8, 'a,c'],
  ['blob', 0xfc, Buffer.from([0, 1, 0xff, 0xfe]), BINARY],
  ['text', 0xfc, 'long text ✓'],
  ['varchar', 0xfd, 'héllo wörld'],
  ['char', 0xfe, 'x'],
  ['geometry', 0xff, Buffer.alloc(25, 1), BINARY],
];

function cell(value) {
  if (value === null) return Buffer.from([0xfb]);
  const bytes = Buffer.isBuffer(value) ? value : Buffer.from(value);
  return Buffer.concat([lenenc(bytes.length), bytes]);
}

/** The statements a fuzzed client sends, and what an honest server answers to each. */
const SCRIPTS = {
  ok: {
    sql: 'UPDATE /*fuzz:ok*/ t SET a = 1',
    reply: [{ ok: { affectedRows: 3, insertId: 7, info: 'Rows matched: 3' } }],
  },
  error: {
    sql: 'SELECT /*fuzz:error*/ nope',
    reply: [{ error: { errno: 1054, sqlState: '42S22', message: "Unknown column 'nope'" } }],
  },
  types: {
    sql: 'SELECT /*fuzz:types*/ * FROM every_type',
    reply: [
      {
        columns: COLUMNS,
        rows: [COLUMNS.map((c) => c[2]), COLUMNS.map((c) => (c[1] === 0x06 ? null : c[2]))],
      },
    ],
  },
  many: {
    sql: 'SELECT /*fuzz:many*/ 1; SELECT 2; UPDATE t SET a = 2',
    reply: [
      { columns: [['a', 0x08, null]], rows: [['1']] },
      {
        columns: [
          ['b', 0xfd, null],
          ['c', 0x03, null],
        ],
        rows: [
          ['two', '2'],
          [null, '3'],
          ['ü', '4'],
        ],
      },
      { ok: { affectedRows: 1 } },
    ],
  },
  wide: {
    sql: 'SELECT /*fuzz:wide*/ * FROM wide',
    reply: [
      {
        columns: [['w', 0xfc, null]],
        rows: Array.from({ length: 20 }, (_, i) => ['w'.repeat(300 + i * 40)]),
      },
    ],
  },
  infile: {
    sql: "LOAD DATA LOCAL INFILE 'fuzz.csv' INTO TABLE t",
    reply: [{ infile: 'fuzz.csv', then: { ok: { affectedRows: 2 } } }],
  },
};

/** A seeded PRNG (mulberry32): a seed gives the same session every time. */
function prng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n) => Math.floor(next() * n), pick: (list) => list[Math.floor(next() * list.length)] };
}

const KINDS = [
  'none',
  'split',
  'truncate',
  'length',
  'huge-length',
  'sequence',
  'flip',
  'column-count',
  'utf8',
  'lenenc',
  'stall',
  'auth-plugin',
  'infile',
  'garbage',
  'close-now',
];

/** The session a seed stands for: the client's statements, the server's shape, one lie. */
function mutationFor(seed) {
  const rand = prng(seed);
  const kind = KINDS[seed % KINDS.length];
  const names = Object.keys(SCRIPTS);
  const statements = Array.from({ length: 1 + rand.int(4) }, () => rand.pick(names));
  return {
    seed,
    kind,
    statements,
    deprecateEof: rand.next() < 0.5,
    authSwitch: rand.next() < 0.3,
    // Which packet (counted over the first connection's output) or byte the lie hits.
    packet: rand.int(40),
    offset: rand.int(4000),
    value: rand.int(0x1000000),
    byte: rand.int(256),
    at: rand.next(),
    rand,
  };
}

function packetOf(seq, payload) {
  const header = Buffer.alloc(4);
  header.writeUIntLE(payload.length, 0, 3);
  header[3] = seq & 0xff;
  return Buffer.concat([header, payload]);
}

/** Applies the lie to one packet (header included), or returns it as it was. */
function lieAbout(packet, m) {
  const copy = Buffer.from(packet);
  const inside = 4 + Math.floor(m.at * Math.max(1, copy.length - 4));
  switch (m.kind) {
    case 'length':
      copy.writeUIntLE(Math.max(0, copy.length - 4 + (m.rand.int(9) - 4)), 0, 3);
      return copy;
    case 'huge-length':
      copy.writeUIntLE(0xffff00 + (m.value & 0xff), 0, 3);
      return copy;
    case 'sequence':
      copy[3] = (copy[3] + 1 + m.rand.int(254)) & 0xff;
      return copy;
    case 'flip':
      if (inside < copy.length) copy[inside] = m.byte;
      return copy;
    case 'column-count':
      if (copy.length === 5 && copy[4] > 0 && copy[4] < 0xfb)
        copy[4] = m.rand.pick([0, copy[4] + 1, copy[4] - 1, 250]);
      else if (copy.length > 4) copy[4] = m.rand.pick([0x00, 0xfe, 0xfb, 0xfc]);
      return copy;
    case 'utf8': {
      const payload = Buffer.concat([
        copy.subarray(4, inside),
        Buffer.from([0xc3, 0x28, 0xff, 0xed, 0xa0, 0x80]),
        copy.subarray(inside),
      ]);
      return packetOf(copy[3], payload);
    }
    case 'lenenc': {
      const huge = Buffer.from([0xfe, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f]);
      return packetOf(copy[3], Buffer.concat([copy.subarray(4, inside), huge, copy.subarray(inside)]));
    }
    default:
      return copy;
  }
}

function startLyingServer(mutation, { host = '127.0.0.1' } = {}) {
  const sockets = new Set();
  let connections = 0;
  const state = { fired: false, connections: 0 };

  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    const lying = ++connections === 1 && mutation.kind !== 'none';
    state.connections = connections;
    const m = mutation;
    const caps = SERVER_CAPS & ~(m.deprecateEof ? 0 : CAPS.DEPRECATE_EOF);
    let clientCaps = caps;
    let seq = 0;
    let written = 0; // bytes of the first connection's output so far
    let packets = 0;
    let stopped = false;
    let buffered = Buffer.alloc(0);
    let phase = 'handshake';
    let pendingInfile = null;

    const write = (bytes) => {
      if (stopped) return;
      if (lying && m.kind === 'truncate' && written + bytes.length > m.offset) {
        state.fired = true;
        socket.write(bytes.subarray(0, Math.max(0, m.offset - written)));
        stopped = true;
        socket.end();
        return;
      }
      written += bytes.length;
      if (lying && m.kind === 'split' && bytes.length > 1) {
        state.fired = true;
        // Honest bytes in small pieces: the client must put them back together exactly.
        let at = 0;
        while (at < bytes.length) {
          const size = 1 + m.rand.int(7);
          socket.write(bytes.subarray(at, at + size));
          at += size;
        }
        return;
      }
      socket.write(bytes);
    };

    const send = (payload) => {
      let packet = packetOf(seq++, payload);
      const index = packets++;
      if (lying && index === m.packet && !stopped) {
        if (m.kind === 'stall') {
          state.fired = true;
          stopped = true; // nothing more is sent; the client's timeouts must end the wait
          return;
        }
        if (m.kind === 'close-now') {
          state.fired = true;
          stopped = true;
          socket.destroy();
          return;
        }
        if (m.kind === 'garbage') {
          state.fired = true;
          write(Buffer.from(Array.from({ length: 1 + m.rand.int(40) }, () => m.rand.int(256))));
        } else if (m.kind === 'infile') {
          state.fired = true;
          packet = packetOf(packet[3], Buffer.concat([Buffer.from([0xfb]), Buffer.from('/etc/passwd')]));
        } else if (
          ['length', 'huge-length', 'sequence', 'flip', 'column-count', 'utf8', 'lenenc'].includes(m.kind)
        ) {
          state.fired = true;
          packet = lieAbout(packet, m);
        }
      }
      write(packet);
    };

    const eof = (status = STATUS_AUTOCOMMIT) => {
      if (clientCaps & CAPS.DEPRECATE_EOF) {
        send(Buffer.concat([Buffer.from([0xfe, 0, 0]), Buffer.from([status & 0xff, status >> 8, 0, 0])]));
      } else send(Buffer.from([0xfe, 0, 0, status & 0xff, status >> 8]));
    };

    const okWith = (ok, status) => {
      const payload = okPayload(ok);
      const info = ok.info ? lenencString(ok.info).length : 0;
      payload.writeUInt16LE(status, payload.length - 4 - info);
      return payload;
    };

    const replyWith = (parts) => {
      parts.forEach((part, i) => {
        const status = STATUS_AUTOCOMMIT | (i < parts.length - 1 ? MORE_RESULTS : 0);
        if (part.infile !== undefined) {
          pendingInfile = part.then;
          send(Buffer.concat([Buffer.from([0xfb]), Buffer.from(part.infile)]));
        } else if (part.error) {
          send(errorPayload(part.error));
        } else if (part.ok) {
          send(okWith(part.ok, status));
        } else {
          send(lenenc(part.columns.length));
          for (const [name, type, , charset] of part.columns) {
            const binary = charset === BINARY;
            send(
              columnPayload(name, {
                type,
                charset: binary ? BINARY : UTF8MB4,
                flags: binary ? BINARY_FLAG : 0,
              }),
            );
          }
          if (!(clientCaps & CAPS.DEPRECATE_EOF)) eof();
          for (const row of part.rows) send(Buffer.concat(row.map(cell)));
          eof(status);
        }
      });
    };

    const onPacket = (packetSeq, payload) => {
      if (phase === 'handshake') {
        clientCaps = caps & payload.readUInt32LE(0);
        seq = packetSeq + 1;
        if (m.authSwitch || (lying && m.kind === 'auth-plugin')) {
          phase = 'auth';
          const plugin = lying && m.kind === 'auth-plugin' ? 'fuzz_unknown_plugin' : 'mysql_native_password';
          if (plugin !== 'mysql_native_password') state.fired = true;
          send(
            Buffer.concat([
              Buffer.from([0xfe]),
              Buffer.from(`${plugin}\0`),
              Buffer.from('ABCDEFGHIJKLMNOPQRST\0'),
            ]),
          );
          return;
        }
        phase = 'command';
        send(okPayload());
        return;
      }
      if (phase === 'auth') {
        seq = packetSeq + 1;
        phase = 'command';
        send(okPayload());
        return;
      }
      seq = packetSeq + 1;
      if (pendingInfile) {
        if (payload.length) return;
        const then = pendingInfile;
        pendingInfile = null;
        replyWith([then]);
        return;
      }
      seq = 1;
      const command = payload[0];
      if (command === COM.QUIT) return socket.end();
      if (command === COM.QUERY) {
        const sql = payload.subarray(1).toString();
        const script = Object.values(SCRIPTS).find((s) => s.sql === sql);
        if (script) return replyWith(script.reply);
        const answer = defaultReply(sql);
        if (answer.rows) {
          return replyWith([
            { columns: answer.rows.columns.map((c) => [c, 0xfd, null]), rows: answer.rows.rows },
          ]);
        }
        return replyWith([{ ok: {} }]);
      }
      if (command === COM.SET_OPTION) return eof();
      if (command === COM.PING || command === COM.INIT_DB || command === COM.RESET_CONNECTION) {
        return send(okPayload());
      }
      send(errorPayload({ errno: 1047, sqlState: '08S01', message: 'Unknown command' }));
    };

    socket.on('data', (chunk) => {
      buffered = Buffer.concat([buffered, chunk]);
      while (buffered.length >= 4) {
        const length = buffered.readUIntLE(0, 3);
        if (buffered.length < 4 + length) break;
        const packetSeq = buffered[3];
        const payload = buffered.subarray(4, 4 + length);
        buffered = buffered.subarray(4 + length);
        if (!stopped) onPacket(packetSeq, payload);
      }
    });

    // Greeting: protocol 10, mysql_native_password with a 20-byte scramble.
    const scramble = Buffer.from('abcdefghijklmnopqrst');
    const fixed = Buffer.alloc(31);
    fixed.writeUInt32LE(connections, 0);
    scramble.copy(fixed, 4, 0, 8);
    fixed.writeUInt16LE(caps & 0xffff, 13);
    fixed[15] = UTF8MB4;
    fixed.writeUInt16LE(STATUS_AUTOCOMMIT, 16);
    fixed.writeUInt16LE(caps >>> 16, 18);
    fixed[20] = scramble.length + 1;
    send(
      Buffer.concat([
        Buffer.from([10]),
        Buffer.from('5.7.99-fuzz\0'),
        fixed,
        scramble.subarray(8),
        Buffer.from('\0mysql_native_password\0'),
      ]),
    );
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => {
      resolve({
        host,
        port: server.address().port,
        get fired() {
          return state.fired;
        },
        get connections() {
          return state.connections;
        },
        close() {
          for (const socket of sockets) socket.destroy();
          return new Promise((done) => server.close(done));
        },
      });
    });
  });
}

module.exports = { startLyingServer, mutationFor, SCRIPTS, KINDS };
