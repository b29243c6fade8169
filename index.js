'use strict';
// reconnecting-mysql: `require('reconnecting-mysql')` where the code said `require('mysql')`.

const SqlString = require('sqlstring');
const { ConnectionConfig } = require('./lib/config');
const { Connection, createQuery } = require('./lib/connection');
const { Pool } = require('./lib/pool');
const { PoolConfig } = require('./lib/pool-config');
const { PoolCluster } = require('./lib/pool-cluster');

/** A connection that heals itself: the same object across losses until end() or destroy(). */
exports.createConnection = function createConnection(config) {
  return new Connection({ config: new ConnectionConfig(config) });
};

/** A pool of self-healing connections, with `mysql`'s Pool API. */
exports.createPool = function createPool(config) {
  return new Pool({ config: new PoolConfig(config) });
};

/** Named pools with patterns and selectors, with `mysql`'s PoolCluster API. */
exports.createPoolCluster = function createPoolCluster(config) {
  return new PoolCluster(config);
};

exports.createQuery = createQuery;

exports.escape = function escape(value, stringifyObjects, timeZone) {
  return SqlString.escape(value, stringifyObjects, timeZone);
};

exports.escapeId = function escapeId(value, forbidQualified) {
  return SqlString.escapeId(value, forbidQualified);
};

exports.format = function format(sql, values, stringifyObjects, timeZone) {
  return SqlString.format(sql, values, stringifyObjects, timeZone);
};

exports.raw = function raw(sql) {
  return SqlString.raw(sql);
};

Object.defineProperty(exports, 'Types', {
  get: function () {
    return require('./lib/constants/types');
  },
});
