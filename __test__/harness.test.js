'use strict';

// Self-test of the test support code: __test__/support/mariadb.js (private
// MariaDB servers) and __test__/support/fault-proxy.js (TCP fault proxy).
// It also pins down how MariaDB 10.11 ends connections, as seen by the
// `mysql` client, since the library's recovery logic depends on it.

const { describe, test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const mysql = require('mysql');
const { startServer } = require('./support/mariadb');
const { startProxy } = require('./support/fault-proxy');
const { waitThreadGone } = require('./support/client');

// --- small promise helpers around the callback-style `mysql` client --------

const open = new Set();

// connectOptions.timeout bounds the handshake; the `mysql` package's own
// connectTimeout covers only the TCP connect.
function connect(cfg, connectOptions = {}) {
  return new Promise((resolve, reject) => {
    const conn = mysql.createConnection(cfg);
    open.add(conn);
    conn.connect(connectOptions, (err) => (err ? reject(err) : resolve(conn)));
  });
}

function query(conn, sql, values, options = {}) {
  return new Promise((resolve, reject) => {
    conn.query({ sql, values, ...options }, (err, rows) => (err ? reject(err) : resolve(rows)));
  });
}

// The first 'error' event of a connection (the idle-connection case).
function nextError(conn) {
  return new Promise((resolve) => conn.once('error', resolve));
}

// Rejects with the error of a connection attempt that must fail.
async function connectError(cfg, connectOptions) {
  try {
    const conn = await connect(cfg, connectOptions);
    conn.destroy();
  } catch (err) {
    return err;
  }
  assert.fail('connection unexpectedly succeeded');
}

function destroyAll() {
  for (const c of open) c.destroy();
  open.clear();
}

let server;

before(async () => {
  server = await startServer();
});

after(async () => {
  destroyAll();
  if (server) await server.destroy();
});

describe('mariadb server', () => {
  test('app user works over TCP', async () => {
    const conn = await connect(server.config());
    const rows = await query(conn, 'SELECT 1 + 1 AS x');
    assert.equal(rows.length, 1);
    assert.equal(rows[0].x, 2);
    conn.destroy();
  });

  test('is private: own port and datadir', async () => {
    assert.equal(server.host, '127.0.0.1');
    assert.notEqual(server.port, 3306);
    assert.deepEqual(server.config(), {
      host: '127.0.0.1',
      port: server.port,
      user: 'app',
      password: 'app-secret',
      database: 'test',
    });
    const [row] = await server.admin(
      'SELECT @@datadir AS datadir, @@port AS port, @@socket AS socket, @@bind_address AS bind',
    );
    const strip = (p) => p.replace(/\/+$/, '');
    assert.equal(strip(row.datadir), strip(server.datadir));
    assert.ok(server.datadir.startsWith(os.tmpdir()) || server.datadir.startsWith('/tmp/'));
    assert.equal(row.port, server.port);
    assert.equal(row.socket, server.socketPath);
    assert.equal(row.bind, '127.0.0.1');
  });

  test('app user is limited to the test database', async () => {
    const conn = await connect(server.config());
    await query(conn, 'CREATE TABLE t_harness (id INT PRIMARY KEY)');
    await query(conn, 'INSERT INTO t_harness VALUES (1), (2)');
    assert.equal((await query(conn, 'SELECT COUNT(*) AS n FROM t_harness'))[0].n, 2);
    await query(conn, 'DROP TABLE t_harness');
    await assert.rejects(query(conn, 'SELECT * FROM mysql.user'), { code: 'ER_TABLEACCESS_DENIED_ERROR' });
    await assert.rejects(query(conn, 'CREATE DATABASE other'), { code: 'ER_DBACCESS_DENIED_ERROR' });
    conn.destroy();
  });

  test('admin values, threadIds() and killConnection()', async () => {
    const [row] = await server.admin('SELECT ? + 1 AS y', [41]);
    assert.equal(row.y, 42);
    const conn = await connect(server.config());
    assert.ok((await server.threadIds()).includes(conn.threadId));
    assert.ok((await server.threadIds('app')).includes(conn.threadId));
    const lost = nextError(conn);
    await server.killConnection(conn.threadId);
    // MariaDB 10.11: KILL shuts the socket down (FIN) before the killed thread
    // tries to send ER_CONNECTION_KILLED (1927), which then fails with EPIPE:
    // an idle client sees no error packet, only the FIN.
    const err = await lost;
    assert.equal(err.code, 'PROTOCOL_CONNECTION_LOST');
    assert.equal(err.fatal, true);
    // The killed thread may still be cleaning up when the client sees the FIN: it leaves the
    // list soon after (seen once: still listed at the first look).
    await waitThreadGone(server, conn.threadId);
  });

  test('wait_timeout closes an idle connection with a RST', async () => {
    const conn = await connect(server.config());
    await query(conn, 'SET SESSION wait_timeout = 1');
    // MariaDB 10.11 sets SO_LINGER 0 and closes: no error packet, a RST.
    const err = await nextError(conn);
    assert.equal(err.code, 'ECONNRESET');
    assert.equal(err.fatal, true);
  });

  test('restart(): same port, new connections work', async () => {
    const port = server.port;
    const before = await connect(server.config());
    const lost = nextError(before);
    await server.restart();
    assert.equal((await lost).code, 'PROTOCOL_CONNECTION_LOST');
    assert.equal(server.port, port);
    assert.equal(server.running, true);
    const conn = await connect(server.config());
    assert.equal((await query(conn, 'SELECT 1 + 1 AS x'))[0].x, 2);
    conn.destroy();
  });

  test('kill(): connecting fails with ECONNREFUSED; start() brings it back', async () => {
    const idle = await connect(server.config());
    const lost = nextError(idle);
    await server.kill();
    assert.equal(server.running, false);
    assert.equal((await lost).code, 'PROTOCOL_CONNECTION_LOST');
    const err = await connectError(server.config());
    assert.equal(err.code, 'ECONNREFUSED');
    await server.start();
    const conn = await connect(server.config());
    assert.equal((await query(conn, 'SELECT 1 + 1 AS x'))[0].x, 2);
    conn.destroy();
  });

  test('concurrent first starts build one shared template', async () => {
    // Fresh TMPDIR: three processes race to build the template.
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rmysql-harness-'));
    try {
      const script = `
        const { startServer } = require(${JSON.stringify(require.resolve('./support/mariadb'))})
        startServer().then(async (s) => {
          const [r] = await s.admin('SELECT 7 AS n')
          await s.destroy()
          process.stdout.write(String(r.n))
        }).catch((e) => { console.error(e); process.exit(1) })`;
      const run = () =>
        new Promise((resolve) => {
          const child = spawn(process.execPath, ['-e', script], {
            env: { ...process.env, TMPDIR: tmp },
            stdio: ['ignore', 'pipe', 'pipe'],
          });
          let out = '';
          let errOut = '';
          child.stdout.on('data', (d) => {
            out += d;
          });
          child.stderr.on('data', (d) => {
            errOut += d;
          });
          child.on('close', (code) => resolve({ code, out, errOut }));
        });
      const results = await Promise.all([run(), run(), run()]);
      for (const r of results) assert.deepEqual([r.code, r.out], [0, '7'], r.errOut);
      const left = fs.readdirSync(tmp);
      assert.equal(left.length, 1, `left in TMPDIR: ${left.join(', ')}`);
      assert.match(left[0], /^reconnecting-mysql-mariadb-.*-u\d+$/);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});

describe('fault proxy', () => {
  let proxy;

  before(async () => {
    proxy = await startProxy({ targetHost: server.host, targetPort: server.port });
  });

  after(async () => {
    destroyAll();
    if (proxy) await proxy.close();
  });

  const viaProxy = (extra = {}) => ({ ...server.config(), host: proxy.host, port: proxy.port, ...extra });

  test("'pass' forwards; resetAll() kills the connection", async () => {
    proxy.setMode('pass');
    const conn = await connect(viaProxy());
    assert.equal((await query(conn, 'SELECT 1 + 1 AS x'))[0].x, 2);
    assert.equal(proxy.connections, 1);
    const lost = nextError(conn);
    proxy.resetAll();
    const err = await lost;
    assert.ok(['ECONNRESET', 'PROTOCOL_CONNECTION_LOST'].includes(err.code), err.code);
    await proxy.waitForConnections(0);
  });

  test("'blackhole': a query with a timeout gets PROTOCOL_SEQUENCE_TIMEOUT", async () => {
    proxy.setMode('pass');
    const conn = await connect(viaProxy());
    proxy.setMode('blackhole');
    try {
      await assert.rejects(query(conn, 'SELECT 1', [], { timeout: 300 }), {
        code: 'PROTOCOL_SEQUENCE_TIMEOUT',
      });
      // New connections are accepted but never answered. (The TCP connect
      // succeeds, so mysql's connectTimeout would not fire: the handshake
      // needs its own timeout.)
      const err = await connectError(viaProxy(), { timeout: 300 });
      assert.equal(err.code, 'PROTOCOL_SEQUENCE_TIMEOUT');
    } finally {
      proxy.setMode('pass');
    }
    await proxy.waitForConnections(0);
    const conn2 = await connect(viaProxy());
    assert.equal((await query(conn2, 'SELECT 1 + 1 AS x'))[0].x, 2);
    conn2.destroy();
    await proxy.waitForConnections(0);
  });

  test("'blackhole' then 'pass' delivers what was held, as a healed partition", async () => {
    proxy.setMode('pass');
    const conn = await connect(viaProxy());
    const probe = await connect(viaProxy());
    proxy.setMode('blackhole');
    let done = false;
    const result = query(conn, 'SELECT 3 AS x').finally(() => {
      done = true;
    });
    // By the time a later query on another connection has timed out, the
    // first one has long reached the proxy and is being held there.
    await assert.rejects(query(probe, 'SELECT 1', [], { timeout: 200 }), {
      code: 'PROTOCOL_SEQUENCE_TIMEOUT',
    });
    assert.equal(done, false);
    proxy.setMode('pass');
    assert.equal((await result)[0].x, 3);
    conn.destroy();
    await proxy.waitForConnections(0);
  });

  test("'refuse': new connections are reset, existing ones keep working", async () => {
    proxy.setMode('pass');
    const conn = await connect(viaProxy());
    proxy.setMode('refuse');
    try {
      const err = await connectError(viaProxy());
      assert.ok(['ECONNRESET', 'PROTOCOL_CONNECTION_LOST'].includes(err.code), err.code);
      assert.equal((await query(conn, 'SELECT 1 + 1 AS x'))[0].x, 2);
    } finally {
      proxy.setMode('pass');
    }
    conn.destroy();
    await proxy.waitForConnections(0);
  });

  test('resetAfterBytes(): reset in the middle of a large result', async () => {
    proxy.setMode('pass');
    const conn = await connect(viaProxy());
    const fired = proxy.resetAfterBytes(5000);
    const rows = [];
    const err = await new Promise((resolve) => {
      conn
        .query("SELECT seq, REPEAT('x', 100) AS pad FROM seq_1_to_10000")
        .on('result', (row) => rows.push(row))
        .on('error', resolve)
        .on('end', () => resolve(null));
    });
    await fired;
    assert.ok(err, 'query should fail');
    assert.ok(['ECONNRESET', 'PROTOCOL_CONNECTION_LOST'].includes(err.code), err.code);
    assert.ok(rows.length > 0 && rows.length < 10000, `got ${rows.length} rows`);
    await proxy.waitForConnections(0);
  });

  test('corruptNext(): the next server->client chunk is transformed', async () => {
    proxy.setMode('pass');
    const conn = await connect(viaProxy());
    const fired = proxy.corruptNext((buf) => {
      const copy = Buffer.from(buf);
      copy[3] = (copy[3] + 5) & 0xff; // the first packet's sequence id
      return copy;
    });
    await assert.rejects(query(conn, 'SELECT 1'), { code: 'PROTOCOL_PACKETS_OUT_OF_ORDER' });
    await fired;
    conn.destroy();
    await proxy.waitForConnections(0);
  });

  test('delay(): latency on each chunk', async () => {
    proxy.setMode('pass');
    const conn = await connect(viaProxy());
    proxy.delay(100);
    try {
      const t0 = Date.now();
      assert.equal((await query(conn, 'SELECT 1 + 1 AS x'))[0].x, 2);
      const ms = Date.now() - t0;
      assert.ok(ms >= 195, `round trip took ${ms} ms`); // 100 ms each way
    } finally {
      proxy.delay(0);
    }
    conn.destroy();
    await proxy.waitForConnections(0);
  });

  test('close() ends every connection', async () => {
    const p = await startProxy({ targetHost: server.host, targetPort: server.port });
    const conn = await connect({ ...server.config(), host: p.host, port: p.port });
    const held = await connect({ ...server.config(), host: p.host, port: p.port });
    p.setMode('blackhole');
    const lost = Promise.all([nextError(conn), nextError(held)]);
    await p.close();
    assert.equal(p.connections, 0);
    for (const err of await lost) assert.equal(err.code, 'PROTOCOL_CONNECTION_LOST');
    const err = await connectError({ ...server.config(), host: p.host, port: p.port });
    assert.equal(err.code, 'ECONNREFUSED');
  });
});
