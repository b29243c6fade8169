'use strict';

// A TCP fault proxy for loopback tests.
//
//   const { startProxy } = require('./support/fault-proxy')
//   const proxy = await startProxy({ targetHost: '127.0.0.1', targetPort: server.port })
//   after(() => proxy.close())
//   mysql.createConnection({ ...server.config(), host: proxy.host, port: proxy.port })
//
// Modes (proxy.setMode(mode)):
//   'pass'      forward both ways (default).
//   'blackhole' a network partition: nothing is forwarded in either direction
//               and nothing is closed (no data, no FIN, no RST reaches either
//               side). New connections are accepted but not connected
//               upstream. What arrives meanwhile (data, FIN, RST) is held,
//               and delivered in order if the mode goes back to 'pass', as
//               after a partition heals.
//   'refuse'    new connections are reset (RST) as soon as they are accepted,
//               so a client sees ECONNRESET; existing connections are kept
//               (and keep flowing, unless blackholed before).
//
// Faults:
//   resetAll()          RST every client socket and its upstream socket.
//   resetAfterBytes(n)  one-shot: the next connection to forward server->client
//                       data is reset (client and upstream, RST) right after n
//                       more server->client bytes have been forwarded to it.
//   corruptNext(fn)     one-shot: the next server->client chunk is replaced by
//                       fn(chunk) (Buffer -> Buffer).
//   rewritePackets(fn)  one-shot, a lying server: from the next server->client
//                       byte on (arm it while the client is idle, so that byte
//                       starts a packet), the stream is cut into MySQL packets
//                       (4-byte header included) and each goes through
//                       fn(packet, index); the first one fn returns a Buffer for
//                       is replaced by it, and everything after passes as is.
//   delay(ms)           adds ms of latency to every chunk, both ways (0: none).
// The one-shots return a promise that resolves when the fault has fired.
//
// proxy.accepted counts every client connection accepted (also those 'refuse' resets);
// proxy.connections is the number of live client connections;
// proxy.waitForConnections(n) resolves when it is n.

const net = require('node:net');

const HIGH_WATER = 1024 * 1024; // bytes held per direction before reading pauses
const LOW_WATER = 256 * 1024;
const MODES = new Set(['pass', 'blackhole', 'refuse']);

function startProxy({ targetHost = '127.0.0.1', targetPort, host = '127.0.0.1', port = 0 } = {}) {
  if (!Number.isInteger(targetPort) || targetPort <= 0) {
    return Promise.reject(new TypeError('startProxy: targetPort is required'));
  }
  const conns = new Set();
  let mode = 'pass';
  let delayMs = 0;
  let resetShot = null; // { bytes, resolve } waiting for a connection
  let corruptShot = null; // { fn, resolve }
  let rewriteShot = null; // { fn, resolve }
  let closed = false;
  let accepted = 0;
  let waiters = []; // { n, resolve } for waitForConnections()

  function countChanged() {
    if (!waiters.length) return;
    const still = [];
    for (const w of waiters) {
      if (conns.size === w.n) w.resolve();
      else still.push(w);
    }
    waiters = still;
  }

  // One direction of one connection: src -> dst, with a queue of held events.
  class Pipe {
    constructor(conn, name, serverToClient) {
      this.conn = conn;
      this.name = name;
      this.serverToClient = serverToClient;
      this.queue = []; // { type: 'data', buf, due } | { type: 'end' } | { type: 'reset' }
      this.queued = 0;
      this.timer = null;
      this.waitingDrain = false;
      this.pausedSrc = false;
      this.resetAfter = null; // { remaining, resolve } when a resetAfterBytes shot is attached
      this.rewriter = null; // { fn, resolve, pending, index } when a rewritePackets shot is attached
    }

    // Bytes to forward now: whole packets, one of them rewritten once; a partial packet waits.
    rewrite(buf) {
      const r = this.rewriter;
      let pending = Buffer.concat([r.pending, buf]);
      const out = [];
      while (pending.length >= 4) {
        const length = pending.readUIntLE(0, 3);
        if (pending.length < 4 + length) break;
        const packet = pending.subarray(0, 4 + length);
        pending = pending.subarray(4 + length);
        const replaced = r.fn(packet, r.index++);
        if (replaced === undefined) {
          out.push(packet);
          continue;
        }
        out.push(Buffer.from(replaced), pending);
        this.rewriter = null;
        r.resolve();
        return Buffer.concat(out);
      }
      r.pending = pending;
      return Buffer.concat(out);
    }

    get src() {
      return this.serverToClient ? this.conn.upstream : this.conn.client;
    }
    get dst() {
      return this.serverToClient ? this.conn.client : this.conn.upstream;
    }

    push(item) {
      if (this.conn.dead) return;
      this.queue.push(item);
      if (item.type === 'data') {
        this.queued += item.buf.length;
        if (this.queued > HIGH_WATER && !this.pausedSrc && this.src) {
          this.pausedSrc = true;
          this.src.pause();
        }
      }
      this.flush();
    }

    flush() {
      const conn = this.conn;
      if (conn.dead || conn.halted || mode === 'blackhole' || !conn.upstreamConnected) return;
      if (this.timer || this.waitingDrain) return;
      const dst = this.dst;
      while (this.queue.length) {
        const item = this.queue[0];
        if (item.type === 'data') {
          const wait = item.due - Date.now();
          if (wait > 0) {
            this.timer = setTimeout(() => {
              this.timer = null;
              this.flush();
            }, wait);
            return;
          }
          this.queue.shift();
          this.queued -= item.buf.length;
          let buf = item.buf;
          if (this.serverToClient && corruptShot) {
            const shot = corruptShot;
            corruptShot = null;
            buf = shot.fn(buf);
            if (!Buffer.isBuffer(buf)) buf = Buffer.from(buf);
            shot.resolve();
          }
          if (this.serverToClient && rewriteShot && !this.rewriter) {
            this.rewriter = { ...rewriteShot, pending: Buffer.alloc(0), index: 0 };
            rewriteShot = null;
          }
          if (this.rewriter) {
            buf = this.rewrite(buf);
            if (!buf.length) continue;
          }
          if (this.serverToClient && resetShot && !this.resetAfter) {
            this.resetAfter = resetShot;
            resetShot = null;
          }
          if (this.resetAfter) {
            const shot = this.resetAfter;
            if (buf.length >= shot.remaining) {
              const head = buf.subarray(0, shot.remaining);
              const fire = () => {
                conn.reset();
                shot.resolve();
              };
              conn.halted = true; // nothing more goes through this connection
              if (head.length) dst.write(head, fire);
              else fire();
              return;
            }
            shot.remaining -= buf.length;
          }
          if (!dst.write(buf)) {
            this.waitingDrain = true;
            dst.once('drain', () => {
              this.waitingDrain = false;
              this.flush();
            });
            this.maybeResume();
            return;
          }
        } else if (item.type === 'end') {
          this.queue.shift();
          dst.end();
        } else if (item.type === 'reset') {
          this.queue.shift();
          conn.reset();
          return;
        }
      }
      this.maybeResume();
    }

    maybeResume() {
      if (this.pausedSrc && this.queued < LOW_WATER && this.src && !this.conn.dead) {
        this.pausedSrc = false;
        this.src.resume();
      }
    }

    clear() {
      clearTimeout(this.timer);
      this.timer = null;
      this.queue = [];
      this.queued = 0;
    }
  }

  class Conn {
    constructor(client) {
      this.client = client;
      this.upstream = null;
      this.upstreamConnected = false;
      this.dead = false;
      this.halted = false;
      this.clientClosed = false;
      this.upstreamClosed = false;
      this.up = new Pipe(this, 'client->server', false);
      this.down = new Pipe(this, 'server->client', true);
      conns.add(this);
      countChanged();
      this.wire(client, this.up, 'client');
      if (mode === 'pass') this.connectUpstream();
    }

    wire(socket, pipe, which) {
      socket.setNoDelay(true);
      socket.on('data', (buf) => pipe.push({ type: 'data', buf, due: Date.now() + delayMs }));
      socket.on('end', () => pipe.push({ type: 'end' }));
      socket.on('error', (err) => {
        // A reset or other failure of one side is passed on as a reset.
        if (!this.dead) pipe.push({ type: 'reset', err });
      });
      socket.on('close', () => {
        if (which === 'client') this.clientClosed = true;
        else this.upstreamClosed = true;
        this.maybeDone();
      });
    }

    connectUpstream() {
      if (this.upstream || this.dead) return;
      const upstream = net.connect({ host: targetHost, port: targetPort, allowHalfOpen: true });
      this.upstream = upstream;
      this.wire(upstream, this.down, 'upstream');
      // The target is down: the client, which already has its TCP connection
      // to us, gets a RST (ECONNRESET) instead of the ECONNREFUSED it would see.
      upstream.once('error', () => {
        if (!this.upstreamConnected) this.reset();
      });
      upstream.once('connect', () => {
        this.upstreamConnected = true;
        this.up.flush();
        this.down.flush();
      });
    }

    // Both sockets get a RST; nothing held is delivered.
    reset() {
      if (this.dead) return;
      this.dead = true;
      this.up.clear();
      this.down.clear();
      for (const s of [this.client, this.upstream]) {
        if (!s || s.destroyed) continue;
        try {
          if (s.connecting || !s._handle) s.destroy();
          else s.resetAndDestroy();
        } catch {
          s.destroy();
        }
      }
      if (!this.upstream) this.upstreamClosed = true;
      this.maybeDone();
    }

    destroy() {
      this.dead = true;
      this.up.clear();
      this.down.clear();
      this.client.destroy();
      if (this.upstream) this.upstream.destroy();
      else this.upstreamClosed = true;
      this.maybeDone();
    }

    maybeDone() {
      if (!this.clientClosed) return;
      if (!this.upstream) {
        // Never connected upstream: nothing more can happen on this connection.
        this.dead = true;
        this.up.clear();
        conns.delete(this);
        countChanged();
        return;
      }
      if (this.upstreamClosed) {
        this.dead = true;
        this.up.clear();
        this.down.clear();
        conns.delete(this);
        countChanged();
      } else if (this.dead) {
        this.upstream.destroy();
      }
    }
  }

  const server = net.createServer({ allowHalfOpen: true, pauseOnConnect: false }, (client) => {
    if (closed) return client.destroy();
    accepted++;
    if (mode === 'refuse') {
      client.on('error', () => {});
      client.resetAndDestroy();
      return;
    }
    // eslint-disable-next-line no-new
    new Conn(client);
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host, port }, () => {
      server.removeListener('error', reject);
      server.on('error', () => {});
      const proxy = {
        host: server.address().address,
        port: server.address().port,
        targetHost,
        targetPort,
        get connections() {
          return conns.size;
        },
        get accepted() {
          return accepted;
        },
        // Resolves once the live connection count is n (at once if it is).
        waitForConnections(n) {
          if (conns.size === n) return Promise.resolve();
          return new Promise((resolve) => waiters.push({ n, resolve }));
        },
        get mode() {
          return mode;
        },
        setMode(m) {
          if (!MODES.has(m)) throw new TypeError(`unknown proxy mode: ${m}`);
          mode = m;
          if (m === 'pass') {
            for (const c of conns) {
              c.connectUpstream();
              c.up.flush();
              c.down.flush();
            }
          }
        },
        resetAll() {
          for (const c of [...conns]) c.reset();
        },
        resetAfterBytes(n) {
          if (!Number.isInteger(n) || n < 0)
            throw new TypeError('resetAfterBytes: n must be an integer >= 0');
          return new Promise((resolve) => {
            resetShot = { remaining: n, resolve };
          });
        },
        corruptNext(fn) {
          if (typeof fn !== 'function') throw new TypeError('corruptNext: fn must be a function');
          return new Promise((resolve) => {
            corruptShot = { fn, resolve };
          });
        },
        rewritePackets(fn) {
          if (typeof fn !== 'function') throw new TypeError('rewritePackets: fn must be a function');
          return new Promise((resolve) => {
            rewriteShot = { fn, resolve };
          });
        },
        // Sends bytes to every client as if the server had sent them (unsolicited data).
        injectToClients(buf) {
          for (const c of conns) if (!c.dead && !c.client.destroyed) c.client.write(Buffer.from(buf));
        },
        delay(ms) {
          if (!(ms >= 0)) throw new TypeError('delay: ms must be >= 0');
          delayMs = ms;
        },
        close() {
          closed = true;
          return new Promise((resolve) => {
            server.close(() => resolve());
            for (const c of [...conns]) c.destroy();
            conns.clear();
            countChanged();
          });
        },
      };
      resolve(proxy);
    });
  });
}

module.exports = { startProxy };
