'use strict';
// The Pool: `mysql`'s Pool API and behaviour (getConnection / release / query / end, its events
// and error codes) over self-healing connections. What changes: a lost connection heals in place
// instead of being thrown away; a connection idle for `pingAfterIdle` is pinged before it is
// handed out (a failed ping heals it, so the hand-out waits for a live one); connections are
// recycled after `maxLifetime` (never inside a transaction or with commands pending), idle ones
// closed after `idleTimeout`, and `resetOnRelease` resets the session between users.

const { EventEmitter } = require('node:events');
const SqlString = require('sqlstring');
const { Connection, createQuery, wantsCallSite } = require('./connection');
const { clientError, captureCallSite } = require('./errors');
const { addHosts } = require('./stats');
const { channels } = require('./diagnostics');

// maxLifetime is shortened by up to this fraction, at random, so that connections opened
// together are not all recycled at the same moment.
const LIFETIME_JITTER = 0.1;

function poolClosedError() {
  return clientError('POOL_CLOSED', 'Pool is closed.');
}

/** `mysql`'s Sequence timeout error: 'Handshake inactivity timeout', fatal. */
function inactivityTimeout(what, ms) {
  return clientError('PROTOCOL_SEQUENCE_TIMEOUT', `${what} inactivity timeout`, { fatal: true, timeout: ms });
}

/**
 * Ends each of `items` with `endOne(item, onEnd)`; calls `cb` once, with the first error or when
 * every one has ended (on the next tick if there is none), as `mysql`'s pool and cluster do.
 */
function endEach(items, endOne, cb) {
  let calledBack = false;
  let waiting = items.length;
  const onEnd = (err) => {
    if (!calledBack && (err || --waiting <= 0)) {
      calledBack = true;
      cb(err);
    }
  };
  if (waiting === 0) process.nextTick(onEnd);
  for (const item of items) endOne(item, onEnd);
}

function remove(array, item) {
  const index = array.indexOf(item);
  if (index !== -1) array.splice(index, 1);
}

/**
 * Calls `operation(done)` and then `callback` once: with the operation's error, or with
 * `timeoutError()` after `ms` (0: no limit). A late answer is ignored.
 */
function withTimeout(ms, timeoutError, operation, callback) {
  let settled = false;
  const timer = ms > 0 ? setTimeout(() => finish(timeoutError()), ms) : null;
  function finish(err) {
    if (settled) return;
    settled = true;
    if (timer) clearTimeout(timer);
    callback(err || null);
  }
  operation(finish);
}

class PoolConnection extends Connection {
  constructor(pool, options) {
    super(options);
    this._pool = pool;
    const now = Date.now();
    this._createdAt = now;
    this._releasedAt = now;
    this._expiresAt =
      pool.config.maxLifetime > 0
        ? now + pool.config.maxLifetime * (1 - LIFETIME_JITTER * Math.random())
        : Infinity;
    // As in `mysql`: the connection leaves the pool when it ends (here: only on a give-up or a
    // quit) or reports a fatal error; the listener also keeps a give-up from throwing.
    this.on('end', this._removeFromPool);
    this.on('error', (err) => {
      if (err.fatal) this._removeFromPool();
    });
  }

  release() {
    const pool = this._pool;
    if (!pool || pool._closed) return undefined;
    return pool.releaseConnection(this);
  }

  /** As in `mysql`: deprecated, releases the connection. */
  end() {
    console.warn(
      'Calling conn.end() to release a pooled connection is ' +
        'deprecated. In next version calling conn.end() will be ' +
        'restored to default conn.end() behavior. Use ' +
        'conn.release() instead.',
    );
    this.release();
  }

  destroy() {
    Connection.prototype.destroy.apply(this, arguments);
    this._removeFromPool('destroyed');
  }

  _realEnd(options, callback) {
    return Connection.prototype.end.call(this, options, callback);
  }

  _removeFromPool(reason) {
    if (!this._pool || this._pool._closed) return;
    const pool = this._pool;
    this._pool = null;
    pool._purgeConnection(this, undefined, typeof reason === 'string' ? reason : 'closed');
  }

  /** Outside a transaction, nothing pending, and past its lifetime. */
  _dueForRecycling(now) {
    return now >= this._expiresAt && this._pending.size === 0 && this._transactionState() === 'none';
  }
}

class Pool extends EventEmitter {
  constructor(options) {
    super();
    this.config = options.config;
    this.config.connectionConfig.pool = this;
    this._acquiringConnections = [];
    this._allConnections = [];
    this._freeConnections = [];
    this._connectionQueue = [];
    this._closed = false;
    this._sweeper = null;
    this._counters = { created: 0, removed: {} };
  }

  getConnection(cb) {
    if (this._closed) {
      const err = poolClosedError();
      process.nextTick(() => cb(err));
      return;
    }
    // The most recently released first, so that connections beyond the need can idle out.
    const now = Date.now();
    while (this._freeConnections.length > 0) {
      const connection = this._freeConnections.pop();
      if (connection._dueForRecycling(now)) {
        this._recycle(connection, 'maxLifetime');
        continue;
      }
      this.acquireConnection(connection, cb);
      return;
    }
    if (this.config.connectionLimit === 0 || this._allConnections.length < this.config.connectionLimit) {
      this._createConnection(cb);
      return;
    }
    if (!this.config.waitForConnections) {
      process.nextTick(() => cb(clientError('POOL_CONNLIMIT', 'No connections available.')));
      return;
    }
    this._enqueueCallback(cb);
  }

  _createConnection(cb) {
    const connection = new PoolConnection(this, { config: this.config.newConnectionConfig() });
    this._acquiringConnections.push(connection);
    this._allConnections.push(connection);
    this._counters.created++;
    this._startSweeper();
    // acquireTimeout bounds the whole connect, retries included (as `mysql`'s handshake timeout).
    const timeout = () => inactivityTimeout('Handshake', this.config.acquireTimeout);
    withTimeout(
      this.config.acquireTimeout,
      timeout,
      (done) => connection.connect(done),
      (err) => {
        remove(this._acquiringConnections, connection);
        if (this._closed) err = poolClosedError();
        if (err) {
          this._discard(connection, 'connectFailed');
          cb(err);
          return;
        }
        if (channels.poolConnection.hasSubscribers)
          channels.poolConnection.publish({ pool: this, connection });
        this.emit('connection', connection);
        this._handOut(connection, cb);
      },
    );
  }

  acquireConnection(connection, cb) {
    if (connection._pool !== this) throw new Error('Connection acquired from wrong pool.');
    const changeUser = this._needsChangeUser(connection);
    this._acquiringConnections.push(connection);
    const onOperationComplete = (err) => {
      remove(this._acquiringConnections, connection);
      if (this._closed) err = poolClosedError();
      if (err) {
        // As in `mysql`: this caller goes first in line, and the connection is replaced.
        this._connectionQueue.unshift(cb);
        this._discard(connection, 'acquireFailed');
        return;
      }
      if (changeUser) this.emit('connection', connection);
      this._handOut(connection, cb);
    };
    if (changeUser) {
      // Back to the pool's identity.
      connection.config = this.config.newConnectionConfig();
      const timeout = () => inactivityTimeout('ChangeUser', this.config.acquireTimeout);
      withTimeout(
        this.config.acquireTimeout,
        timeout,
        (done) => connection.changeUser(done),
        onOperationComplete,
      );
      return;
    }
    // The session pings before a command after `pingAfterIdle` anyway; doing it here lets the
    // pool wait for a healed connection instead of handing out one that is still reconnecting.
    const pingAfterIdle = connection.config.pingAfterIdle;
    if (pingAfterIdle !== false && Date.now() - connection._releasedAt >= pingAfterIdle) {
      const timeout = () => inactivityTimeout('Ping', this.config.acquireTimeout);
      withTimeout(this.config.acquireTimeout, timeout, (done) => connection.ping(done), onOperationComplete);
      return;
    }
    process.nextTick(onOperationComplete);
  }

  _handOut(connection, cb) {
    if (channels.poolAcquire.hasSubscribers) channels.poolAcquire.publish({ pool: this, connection });
    this.emit('acquire', connection);
    cb(null, connection);
  }

  releaseConnection(connection) {
    if (this._acquiringConnections.indexOf(connection) !== -1) return;
    if (connection._pool) {
      if (connection._pool !== this) throw new Error('Connection released to wrong pool');
      if (this._freeConnections.indexOf(connection) !== -1) throw new Error('Connection already released');
      connection._releasedAt = Date.now();
      if (channels.poolRelease.hasSubscribers) channels.poolRelease.publish({ pool: this, connection });
      this.emit('release', connection);
      // A replaced connection has served the next waiter already.
      if (!this._returnToPool(connection)) return;
    }
    if (this._closed) {
      for (const cb of this._connectionQueue.splice(0)) {
        const err = poolClosedError();
        process.nextTick(() => cb(err));
      }
    } else if (this._connectionQueue.length) {
      this.getConnection(this._connectionQueue.shift());
    }
  }

  /** A released connection goes back to the free list (true), or is replaced (false). */
  _returnToPool(connection) {
    if (this._closed) return true;
    if (connection._dueForRecycling(Date.now())) {
      this._recycle(connection, 'maxLifetime');
      return false;
    }
    if (this.config.resetOnRelease) {
      // Queued before anything the next user sends, so it runs first; a failure that is not a
      // give-up (which removes the connection anyway) still replaces it.
      connection.reset((err) => {
        if (err && connection._pool === this) this._recycle(connection, 'resetFailed');
      });
    } else if (connection._transactionState() === 'lost') {
      // Its next user would get TRANSACTION_LOST for someone else's transaction.
      this._recycle(connection, 'transactionLost');
      return false;
    }
    this._freeConnections.push(connection);
    return true;
  }

  end(cb) {
    this._closed = true;
    this._stopSweeper();
    if (typeof cb !== 'function') {
      cb = (err) => {
        if (err) throw err;
      };
    }
    // Purging removes each connection from the list at once: iterate over a copy.
    endEach(
      [...this._allConnections],
      (connection, onEnd) => this._purgeConnection(connection, onEnd, 'poolEnded'),
      cb,
    );
  }

  query(sql, values, cb) {
    const { connectionConfig } = this.config;
    const callSite = wantsCallSite(connectionConfig, sql) ? captureCallSite(Pool.prototype.query) : null;
    const query = pooledQuery(sql, values, cb, connectionConfig, callSite);
    this.getConnection((err, conn) => runPooledQuery(query, err, conn));
    return query;
  }

  escape(value) {
    return SqlString.escape(
      value,
      this.config.connectionConfig.stringifyObjects,
      this.config.connectionConfig.timezone,
    );
  }

  escapeId(value) {
    return SqlString.escapeId(value, false);
  }

  format(sql, values) {
    return SqlString.format(
      sql,
      values,
      this.config.connectionConfig.stringifyObjects,
      this.config.connectionConfig.timezone,
    );
  }

  /** Pool counters, totals over its connections, and each connection's stats(). */
  stats() {
    const now = Date.now();
    const connections = this._allConnections.map((connection) => ({
      ...connection.stats(),
      free: this._freeConnections.includes(connection),
      ageMs: now - connection._createdAt,
      idleMs: this._freeConnections.includes(connection) ? now - connection._releasedAt : 0,
    }));
    const total = (field) => connections.reduce((sum, stats) => sum + stats[field], 0);
    return {
      connectionLimit: this.config.connectionLimit,
      all: this._allConnections.length,
      free: this._freeConnections.length,
      acquiring: this._acquiringConnections.length,
      borrowed:
        this._allConnections.length - this._freeConnections.length - this._acquiringConnections.length,
      waiting: this._connectionQueue.length,
      created: this._counters.created,
      removed: { ...this._counters.removed },
      reconnects: total('reconnects'),
      downtimeMs: total('downtimeMs'),
      queued: total('queued'),
      inFlight: total('inFlight'),
      hosts: connections.reduce((hosts, stats) => addHosts(hosts, stats.hosts), {}),
      connections,
    };
  }

  _enqueueCallback(callback) {
    if (this.config.queueLimit && this._connectionQueue.length >= this.config.queueLimit) {
      process.nextTick(() => callback(clientError('POOL_ENQUEUELIMIT', 'Queue limit reached.')));
      return;
    }
    this._connectionQueue.push(callback);
    if (channels.poolEnqueue.hasSubscribers)
      channels.poolEnqueue.publish({ pool: this, waiting: this._connectionQueue.length });
    this.emit('enqueue');
  }

  _needsChangeUser(connection) {
    const connConfig = connection.config;
    const poolConfig = this.config.connectionConfig;
    return (
      connConfig.user !== poolConfig.user ||
      connConfig.database !== poolConfig.database ||
      connConfig.password !== poolConfig.password ||
      connConfig.charsetNumber !== poolConfig.charsetNumber
    );
  }

  /** Replaces a connection that should not be used again: closed gracefully, out of the pool. */
  _recycle(connection, reason) {
    connection._pool = null;
    this._purgeConnection(connection, undefined, reason);
  }

  /** Drops a connection that failed to connect or to pass the acquire check. */
  _discard(connection, reason) {
    connection._pool = null;
    Connection.prototype.destroy.call(connection);
    this._purgeConnection(connection, undefined, reason);
  }

  _purgeConnection(connection, callback, reason) {
    const cb = callback || (() => {});
    this._counters.removed[reason] = (this._counters.removed[reason] || 0) + 1;
    if (channels.poolRemove.hasSubscribers) channels.poolRemove.publish({ pool: this, connection, reason });
    this._removeConnection(connection);
    if (!connection._destroyed && !connection._quitCalled) {
      // After whatever it still has queued, as `mysql`'s end().
      connection._realEnd(cb);
      return;
    }
    process.nextTick(cb);
  }

  _removeConnection(connection) {
    connection._pool = null;
    remove(this._allConnections, connection);
    remove(this._freeConnections, connection);
    this.releaseConnection(connection);
  }

  /** Closes free connections past `idleTimeout` (beyond `minIdle`) or past `maxLifetime`. */
  _sweep() {
    const now = Date.now();
    const { idleTimeout, minIdle } = this.config;
    // Oldest-released first: the free list is used from its end.
    for (const connection of [...this._freeConnections]) {
      if (connection._dueForRecycling(now)) {
        this._recycle(connection, 'maxLifetime');
      } else if (
        idleTimeout > 0 &&
        now - connection._releasedAt >= idleTimeout &&
        this._allConnections.length > minIdle &&
        connection._pending.size === 0
      ) {
        this._recycle(connection, 'idleTimeout');
      }
    }
    if (this._allConnections.length === 0) this._stopSweeper();
  }

  _startSweeper() {
    if (this._sweeper !== null) return;
    const limits = [this.config.idleTimeout, this.config.maxLifetime].filter((ms) => ms > 0);
    if (limits.length === 0) return;
    const every = Math.min(Math.max(Math.min(...limits) / 4, 25), 30 * 1000);
    this._sweeper = setInterval(() => this._sweep(), every);
    // A pool's housekeeping never keeps the process alive; its open connections do.
    this._sweeper.unref();
  }

  _stopSweeper() {
    if (this._sweeper === null) return;
    clearInterval(this._sweeper);
    this._sweeper = null;
  }
}

/** A Query for a pool's query(): the caller's stack (trace) and typeCast, as `mysql` sets them. */
function pooledQuery(sql, values, cb, connectionConfig, callSite) {
  const query = createQuery(sql, values, cb);
  if (!(typeof sql === 'object' && sql !== null && 'typeCast' in sql))
    query.typeCast = connectionConfig.typeCast;
  if (callSite !== null) query._callSite = callSite;
  return query;
}

/** Runs a pool's query on the connection it got (released at the end), or fails it. */
function runPooledQuery(query, err, conn) {
  if (err) {
    query.on('error', () => {});
    query._fail(err);
    return;
  }
  query.once('end', () => conn.release());
  conn.query(query);
}

module.exports = { Pool, PoolConnection, runPooledQuery, endEach };
