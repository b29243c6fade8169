'use strict';
// Pool options: `mysql`'s PoolConfig (acquireTimeout, waitForConnections, connectionLimit,
// queueLimit) plus the pool's own recycling options. Everything else is a connection option.

const { ConnectionConfig, parseUrl } = require('./config');
// Options that belong to the pool; the rest configure each connection. A misspelled pool option
// is not one of them: it reaches ConnectionConfig, whose check knows the pool's names too.
const { POOL_OPTIONS } = require('./option-names');

const DEFAULT_IDLE_TIMEOUT = 10 * 60 * 1000;

function poolNumber(options, field, fallback) {
  const value = options[field] === undefined ? fallback : Number(options[field]);
  if (Number.isNaN(value) || value < 0)
    throw new RangeError(`Invalid option ${field}: expected a number >= 0, got ${String(options[field])}`);
  return value;
}

/** A duration that `false` or 0 turns off. */
function optionalDuration(options, field, fallback) {
  const value = options[field];
  if (value === false || value === 0) return 0;
  return poolNumber(options, field, fallback);
}

class PoolConfig {
  constructor(options) {
    if (typeof options === 'string') options = parseUrl(options);
    if (options === undefined || options === null) options = {};
    if (typeof options !== 'object')
      throw new TypeError('Invalid pool config: expected an object or a connection URL');
    this.acquireTimeout = poolNumber(options, 'acquireTimeout', 10 * 1000);
    this.waitForConnections =
      options.waitForConnections === undefined ? true : Boolean(options.waitForConnections);
    this.connectionLimit = poolNumber(options, 'connectionLimit', 10);
    // The pool's queue of getConnection() calls (0: unlimited), as in `mysql`; not the
    // connection's command queue, which keeps its default.
    this.queueLimit = poolNumber(options, 'queueLimit', 0);
    this.maxLifetime = optionalDuration(options, 'maxLifetime', 0);
    this.idleTimeout = optionalDuration(options, 'idleTimeout', DEFAULT_IDLE_TIMEOUT);
    this.minIdle = poolNumber(options, 'minIdle', 0);
    this.resetOnRelease = Boolean(options.resetOnRelease);
    const connectionOptions = {};
    for (const key of Object.keys(options)) {
      if (!POOL_OPTIONS.includes(key)) connectionOptions[key] = options[key];
    }
    if (options.password !== undefined) connectionOptions.password = options.password;
    this.connectionConfig = new ConnectionConfig(connectionOptions);
  }

  /** A fresh copy of the connection config for each new connection (changeUser changes the copy). */
  newConnectionConfig() {
    const connectionConfig = new ConnectionConfig(this.connectionConfig);
    connectionConfig.clientFlags = this.connectionConfig.clientFlags;
    connectionConfig.maxPacketSize = this.connectionConfig.maxPacketSize;
    return connectionConfig;
  }
}

module.exports = { PoolConfig, POOL_OPTIONS };
