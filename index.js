'use strict';
// reconnecting-mysql: `require('reconnecting-mysql')` where the code said `require('mysql')`.

const SqlString = require('sqlstring');
const { ConnectionConfig } = require('./lib/config');
const { Connection, createQuery } = require('./lib/connection');

/** A connection that heals itself: the same object across losses until end() or destroy(). */
exports.createConnection = function createConnection(config) {
  return new Connection({ config: new ConnectionConfig(config) });
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
