'use strict';
// A fake MySQL server on loopback that speaks real protocol bytes, for what MariaDB will not do:
// a hostile server (a LOCAL INFILE request for a file of its choice, at any moment) or a lying
// one. It greets as MySQL 5.7 with mysql_native_password, accepts any user and password, and
// answers each command with what `onQuery` says.
//
//   const fake = await startFakeServer({ onQuery: (sql, ctx) => ({ infile: '/etc/passwd' }) })
//   mysql.createConnection({ host: fake.host, port: fake.port, user: 'u' })
//   fake.infiles      // [{ sql, name, data }]: every infile request and the bytes the client sent
//   fake.queries      // every COM_QUERY's text, in order
//   await fake.close()
//
// Replies: { ok: { affectedRows, info } } | { infile: name, then: reply for after the data }
// | { rows: { columns: [name | { name, type, charset }...], rows: [[string|Buffer|null...]...] } }
// | { error: { errno, message } }
// | { raw: [payload Buffer...] } (sent as they are, one packet each).
// `onQuery` returning undefined gets the default: a row for `SELECT @@x, ...`, OK for the rest.
// `onHandshake()` and `onPing()` may answer the handshake response and COM_PING the same way.
const net = require('node:net');

const CAPS = {
  LONG_PASSWORD: 0x1,
  FOUND_ROWS: 0x2,
  LONG_FLAG: 0x4,
  CONNECT_WITH_DB: 0x8,
  LOCAL_FILES: 0x80,
  PROTOCOL_41: 0x200,
  TRANSACTIONS: 0x2000,
  SECURE_CONNECTION: 0x8000,
  MULTI_STATEMENTS: 0x10000,
  MULTI_RESULTS: 0x20000,
  PS_MULTI_RESULTS: 0x40000,
  PLUGIN_AUTH: 0x80000,
  PLUGIN_AUTH_LENENC_CLIENT_DATA: 0x200000,
  DEPRECATE_EOF: 0x1000000,
};
const SERVER_CAPS = Object.values(CAPS).reduce((a, b) => a | b, 0);
const COM = { QUIT: 0x01, INIT_DB: 0x02, QUERY: 0x03, PING: 0x0e, SET_OPTION: 0x1b, RESET_CONNECTION: 0x1f };
const STATUS_AUTOCOMMIT = 0x0002;
const TYPE_VAR_STRING = 0xfd;
const UTF8MB4_GENERAL_CI = 45;

function lenenc(n) {
  if (n < 251) return Buffer.from([n]);
  if (n < 0x10000) return Buffer.from([0xfc, n & 0xff, n >> 8]);
  const b = Buffer.alloc(9);
  b[0] = 0xfe;
  b.writeBigUInt64LE(BigInt(n), 1);
  return b;
}

function lenencString(value) {
  const bytes = Buffer.isBuffer(value) ? value : Buffer.from(String(value));
  return Buffer.concat([lenenc(bytes.length), bytes]);
}

function okPayload({ affectedRows = 0, insertId = 0, info = '' } = {}, header = 0x00) {
  const tail = Buffer.from([STATUS_AUTOCOMMIT & 0xff, STATUS_AUTOCOMMIT >> 8, 0, 0]);
  return Buffer.concat([
    Buffer.from([header]),
    lenenc(affectedRows),
    lenenc(insertId),
    tail,
    // Servers write the info as a length-encoded string (sql/protocol_classic.cc, net_send_ok).
    info ? lenencString(info) : Buffer.alloc(0),
  ]);
}

function errorPayload({ errno = 1064, sqlState = '42000', message = 'fake server error' } = {}) {
  const head = Buffer.alloc(3);
  head[0] = 0xff;
  head.writeUInt16LE(errno, 1);
  return Buffer.concat([head, Buffer.from(`#${sqlState}${message}`)]);
}

function columnPayload(
  name,
  { type = TYPE_VAR_STRING, charset = UTF8MB4_GENERAL_CI, flags = 0, decimals = 0 } = {},
) {
  const fixed = Buffer.alloc(13);
  fixed[0] = 0x0c;
  fixed.writeUInt16LE(charset, 1);
  fixed.writeUInt32LE(1024, 3);
  fixed[7] = type;
  fixed.writeUInt16LE(flags, 8);
  fixed[10] = decimals;
  return Buffer.concat([...['def', '', '', '', name, ''].map(lenencString), fixed]);
}

/** The default answer: `SELECT @@a, @@b` gets one row of plausible values, anything else OK. */
function defaultReply(sql) {
  const select = /^\s*SELECT\s+(@@[\s\S]*)$/i.exec(sql);
  if (!select) return { ok: {} };
  const columns = select[1].split(',').map((c) => c.trim());
  const value = (c) => (/max_allowed_packet/i.test(c) ? '16777216' : /timeout/i.test(c) ? '28800' : '1');
  return { rows: { columns, rows: [columns.map(value)] } };
}

function startFakeServer({
  onQuery = () => undefined,
  onHandshake = () => undefined,
  onPing = () => undefined,
  host = '127.0.0.1',
  port = 0,
} = {}) {
  const queries = [];
  const infiles = [];
  // Complete packets that arrived in each read of a client socket: a pipelined batch is one read.
  const packetsPerRead = [];
  const sockets = new Set();
  let connectionId = 0;

  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    const id = ++connectionId;
    let caps = SERVER_CAPS;
    let buffered = Buffer.alloc(0);
    let state = 'handshake';
    let pending = null; // { name, sql, chunks, then } while the client sends a file
    let seq = 0;

    const send = (payload) => {
      const header = Buffer.alloc(4);
      header.writeUIntLE(payload.length, 0, 3);
      header[3] = seq++ & 0xff;
      socket.write(Buffer.concat([header, payload]));
    };
    const eof = () => send(caps & CAPS.DEPRECATE_EOF ? okPayload({}, 0xfe) : Buffer.from([0xfe, 0, 0, 2, 0]));

    const reply = (answer, sql) => {
      if (answer.infile !== undefined) {
        pending = { name: answer.infile, sql, chunks: [], then: answer.then || { ok: {} } };
        send(Buffer.concat([Buffer.from([0xfb]), Buffer.from(answer.infile)]));
      } else if (answer.rows) {
        send(lenenc(answer.rows.columns.length));
        for (const column of answer.rows.columns) {
          send(typeof column === 'string' ? columnPayload(column) : columnPayload(column.name, column));
        }
        if (!(caps & CAPS.DEPRECATE_EOF)) eof();
        for (const row of answer.rows.rows) {
          send(Buffer.concat(row.map((v) => (v === null ? Buffer.from([0xfb]) : lenencString(v)))));
        }
        eof();
      } else if (answer.raw) {
        // Payloads exactly as given, each as one packet: for lies no other reply can tell.
        for (const payload of answer.raw) send(payload);
      } else if (answer.error) {
        send(errorPayload(answer.error));
      } else {
        send(okPayload(answer.ok));
      }
    };

    const onPacket = (packetSeq, payload) => {
      if (state === 'handshake') {
        caps = SERVER_CAPS & payload.readUInt32LE(0);
        seq = packetSeq + 1;
        state = 'command';
        reply(onHandshake() || { ok: {} }, null);
        return;
      }
      if (pending) {
        seq = packetSeq + 1;
        if (payload.length) {
          pending.chunks.push(payload);
          return;
        }
        const done = pending;
        pending = null;
        infiles.push({ sql: done.sql, name: done.name, data: Buffer.concat(done.chunks), connectionId: id });
        reply(done.then, done.sql);
        return;
      }
      seq = 1;
      const command = payload[0];
      if (command === COM.QUIT) return socket.end();
      if (command === COM.QUERY) {
        const sql = payload.subarray(1).toString();
        queries.push(sql);
        return reply(onQuery(sql, { connectionId: id }) || defaultReply(sql), sql);
      }
      if (command === COM.SET_OPTION) return eof();
      if (command === COM.PING) return reply(onPing() || { ok: {} }, null);
      if ([COM.INIT_DB, COM.RESET_CONNECTION].includes(command)) return send(okPayload());
      send(errorPayload({ errno: 1047, sqlState: '08S01', message: 'Unknown command' }));
    };

    socket.on('data', (chunk) => {
      buffered = Buffer.concat([buffered, chunk]);
      let packets = 0;
      while (buffered.length >= 4) {
        const length = buffered.readUIntLE(0, 3);
        if (buffered.length < 4 + length) break;
        const packetSeq = buffered[3];
        const payload = buffered.subarray(4, 4 + length);
        buffered = buffered.subarray(4 + length);
        packets++;
        onPacket(packetSeq, payload);
      }
      packetsPerRead.push(packets);
    });

    // Greeting: protocol 10, mysql_native_password with a 20-byte scramble.
    const scramble = Buffer.from('abcdefghijklmnopqrst');
    const fixed = Buffer.alloc(4 + 8 + 1 + 2 + 1 + 2 + 2 + 1 + 10);
    let at = 0;
    fixed.writeUInt32LE(id, at);
    at += 4;
    scramble.copy(fixed, at, 0, 8);
    at += 9; // and the filler
    fixed.writeUInt16LE(SERVER_CAPS & 0xffff, at);
    at += 2;
    fixed[at++] = UTF8MB4_GENERAL_CI;
    fixed.writeUInt16LE(STATUS_AUTOCOMMIT, at);
    at += 2;
    fixed.writeUInt16LE(SERVER_CAPS >>> 16, at);
    at += 2;
    fixed[at] = scramble.length + 1;
    send(
      Buffer.concat([
        Buffer.from([10]),
        Buffer.from('5.7.99-fake\0'),
        fixed,
        scramble.subarray(8),
        Buffer.from('\0mysql_native_password\0'),
      ]),
    );
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      resolve({
        host,
        port: server.address().port,
        queries,
        infiles,
        packetsPerRead,
        close() {
          for (const socket of sockets) socket.destroy();
          return new Promise((done) => server.close(done));
        },
      });
    });
  });
}

// The encoders, for the protocol fuzzer (fuzz/lying-server.js).
module.exports = {
  startFakeServer,
  CAPS,
  SERVER_CAPS,
  COM,
  lenenc,
  lenencString,
  okPayload,
  errorPayload,
  columnPayload,
  defaultReply,
};
