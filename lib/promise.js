'use strict';
// The promise API, in mysql2/promise's shape: `const [rows, fields] = await conn.query(...)`.
// Thin wrappers over the callback classes; the healing, errors (`outcome`) and events are theirs.

const { EventEmitter } = require('node:events');
const SqlString = require('sqlstring');
const callbackApi = require('..');
const { createQuery } = require('./connection');
const { TRACED_BY_CALLER, withAwaitTrace } = require('./errors');

/** Forwards `events` from `source` to `target` while `target` has listeners for them. */
function inheritEvents(source, target, events) {
  const forwarders = {};
  target.on('newListener', (event) => {
    if (events.includes(event) && !target.listenerCount(event)) {
      forwarders[event] = (...args) => target.emit(event, ...args);
      source.on(event, forwarders[event]);
    }
  });
  target.on('removeListener', (event) => {
    if (events.includes(event) && !target.listenerCount(event) && forwarders[event]) {
      source.removeListener(event, forwarders[event]);
      delete forwarders[event];
    }
  });
}

function rejectCallbackArgument(values) {
  if (typeof values === 'function')
    throw new TypeError('Callback function is not available with promise clients.');
}

/**
 * A Query that takes `done` and whose caller's stack the promise records (withAwaitTrace): the
 * callback layer captures none.
 */
function promisedQuery(sql, values, done) {
  const query = createQuery(sql, values, done);
  query._callSite = TRACED_BY_CALLER;
  return query;
}

/** Resolves `[rows, fields]`, as mysql2/promise. */
function runQuery(target, sql, values, trace) {
  rejectCallbackArgument(values);
  const promise = new Promise((resolve, reject) => {
    target.query(
      promisedQuery(sql, values, (err, rows, fields) => (err ? reject(err) : resolve([rows, fields]))),
    );
  });
  return trace ? withAwaitTrace(promise) : promise;
}

/** A callback method `(options, cb)` as a promise of its result. */
function call(target, method, options, trace) {
  const promise = new Promise((resolve, reject) => {
    const done = (err, result) => (err ? reject(err) : resolve(result));
    if (options === undefined) target[method](done);
    else target[method](options, done);
  });
  return trace ? withAwaitTrace(promise) : promise;
}

/** START TRANSACTION, COMMIT or ROLLBACK, with `mysql`'s options (e.g. timeout). */
function transactionStatement(connection, sql, options) {
  const promise = new Promise((resolve, reject) => {
    const query = promisedQuery(
      { ...(options || {}), sql, values: null },
      undefined,
      (err, result, fields) => (err ? reject(err) : resolve([result, fields])),
    );
    connection.query(query);
  });
  return connection.config.trace ? withAwaitTrace(promise) : promise;
}

const CONNECTION_EVENTS = [
  'error',
  'drain',
  'connect',
  'end',
  'enqueue',
  'disconnect',
  'reconnecting',
  'reconnect',
  'failover',
];

class PromiseConnection extends EventEmitter {
  constructor(connection) {
    super();
    /** The callback-API connection underneath. */
    this.connection = connection;
    inheritEvents(connection, this, CONNECTION_EVENTS);
  }

  get config() {
    return this.connection.config;
  }

  get threadId() {
    return this.connection.threadId;
  }

  get state() {
    return this.connection.state;
  }

  query(sql, values) {
    return runQuery(this.connection, sql, values, this.connection.config.trace);
  }

  /** The same as query() (text protocol, values escaped by the client). */
  execute(sql, values) {
    return runQuery(this.connection, sql, values, this.connection.config.trace);
  }

  connect() {
    return call(this.connection, 'connect', undefined, this.connection.config.trace);
  }

  /** Resolve `[okPacket, fields]`, as mysql2/promise. */
  beginTransaction(options) {
    return transactionStatement(this.connection, 'START TRANSACTION', options);
  }

  commit(options) {
    return transactionStatement(this.connection, 'COMMIT', options);
  }

  rollback(options) {
    return transactionStatement(this.connection, 'ROLLBACK', options);
  }

  /** Resolves true, as mysql2/promise. */
  ping() {
    return call(this.connection, 'ping', undefined, this.connection.config.trace).then(() => true);
  }

  changeUser(options) {
    return call(this.connection, 'changeUser', options || {}, this.connection.config.trace).then(
      () => undefined,
    );
  }

  reset() {
    return call(this.connection, 'reset', undefined, this.connection.config.trace).then(() => undefined);
  }

  statistics() {
    return call(this.connection, 'statistics', undefined, this.connection.config.trace);
  }

  end() {
    return call(this.connection, 'end', undefined, false).then(() => undefined);
  }

  destroy() {
    this.connection.destroy();
  }

  pause() {
    this.connection.pause();
  }

  resume() {
    this.connection.resume();
  }

  stats() {
    return this.connection.stats();
  }

  escape(value) {
    return this.connection.escape(value);
  }

  escapeId(value) {
    return this.connection.escapeId(value);
  }

  format(sql, values) {
    return this.connection.format(sql, values);
  }

  async [Symbol.asyncDispose]() {
    if (!this.connection._quitCalled && !this.connection._destroyed) await this.end();
  }
}

class PromisePoolConnection extends PromiseConnection {
  release() {
    this.connection.release();
  }

  async [Symbol.asyncDispose]() {
    this.release();
  }
}

function wrapPoolConnection(resolve, reject) {
  return (err, connection) => (err ? reject(err) : resolve(new PromisePoolConnection(connection)));
}

class PromisePool extends EventEmitter {
  constructor(pool) {
    super();
    /** The callback-API pool underneath. */
    this.pool = pool;
    inheritEvents(pool, this, ['acquire', 'connection', 'enqueue', 'release']);
  }

  get config() {
    return this.pool.config;
  }

  getConnection() {
    return new Promise((resolve, reject) => this.pool.getConnection(wrapPoolConnection(resolve, reject)));
  }

  releaseConnection(connection) {
    if (connection instanceof PromisePoolConnection) connection.release();
  }

  query(sql, values) {
    return runQuery(this.pool, sql, values, this.pool.config.connectionConfig.trace);
  }

  execute(sql, values) {
    return runQuery(this.pool, sql, values, this.pool.config.connectionConfig.trace);
  }

  end() {
    return new Promise((resolve, reject) => this.pool.end((err) => (err ? reject(err) : resolve())));
  }

  stats() {
    return this.pool.stats();
  }

  escape(value) {
    return this.pool.escape(value);
  }

  escapeId(value) {
    return this.pool.escapeId(value);
  }

  format(sql, values) {
    return this.pool.format(sql, values);
  }

  async [Symbol.asyncDispose]() {
    if (!this.pool._closed) await this.end();
  }
}

class PromisePoolNamespace {
  constructor(namespace) {
    this.poolNamespace = namespace;
  }

  getConnection() {
    return new Promise((resolve, reject) =>
      this.poolNamespace.getConnection(wrapPoolConnection(resolve, reject)),
    );
  }

  query(sql, values) {
    return runQuery(this.poolNamespace, sql, values, true);
  }

  execute(sql, values) {
    return runQuery(this.poolNamespace, sql, values, true);
  }
}

class PromisePoolCluster extends EventEmitter {
  constructor(cluster) {
    super();
    /** The callback-API cluster underneath. */
    this.poolCluster = cluster;
    inheritEvents(cluster, this, ['remove', 'online', 'offline']);
  }

  add(id, config) {
    return this.poolCluster.add(id, config);
  }

  remove(pattern) {
    return this.poolCluster.remove(pattern);
  }

  of(pattern, selector) {
    return new PromisePoolNamespace(this.poolCluster.of(pattern, selector));
  }

  getConnection(pattern, selector) {
    return this.of(pattern, selector).getConnection();
  }

  query(sql, values) {
    return this.of().query(sql, values);
  }

  execute(sql, values) {
    return this.of().execute(sql, values);
  }

  end() {
    return new Promise((resolve, reject) => this.poolCluster.end((err) => (err ? reject(err) : resolve())));
  }

  stats() {
    return this.poolCluster.stats();
  }

  async [Symbol.asyncDispose]() {
    if (!this.poolCluster._closed) await this.end();
  }
}

/**
 * Resolves with a connected PromiseConnection (as mysql2/promise); while the server is down it
 * waits, as every command does, and rejects only when the connection gives up.
 */
function createConnection(config) {
  const connection = new PromiseConnection(callbackApi.createConnection(config));
  return connection.connect().then(() => connection);
}

function createPool(config) {
  return new PromisePool(callbackApi.createPool(config));
}

function createPoolCluster(config) {
  return new PromisePoolCluster(callbackApi.createPoolCluster(config));
}

module.exports = {
  createConnection,
  createPool,
  createPoolCluster,
  escape: callbackApi.escape,
  escapeId: callbackApi.escapeId,
  format: (sql, values, stringifyObjects, timeZone) =>
    SqlString.format(sql, values, stringifyObjects, timeZone),
  raw: callbackApi.raw,
  PromiseConnection,
  PromisePool,
  PromisePoolConnection,
  PromisePoolCluster,
  PromisePoolNamespace,
};

Object.defineProperty(module.exports, 'Types', {
  get: () => callbackApi.Types,
});
