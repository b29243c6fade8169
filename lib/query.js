'use strict';
// The Query object: an EventEmitter in `mysql`'s shape ('fields', 'result', 'error', 'end'), fed by
// the native session's replies, with a callback form that collects every result set.

const { EventEmitter } = require('node:events');
const { Readable } = require('node:stream');
const { makeFieldPacket, makeOkPacket, decodeRows } = require('./results');
const { addLongStackTrace } = require('./errors');

class Query extends EventEmitter {
  constructor(options, callback) {
    super();
    this.sql = options.sql;
    this.values = options.values;
    this.typeCast = options.typeCast === undefined ? true : options.typeCast;
    this.nestTables = options.nestTables || false;
    this._callback = callback;
    this._timeout = options.timeout;
    this._idempotent = options.idempotent === true;
    // mysql2's per-query source for the file a LOAD DATA LOCAL INFILE names.
    this.infileStreamFactory = options.infileStreamFactory;
    this._callSite = null;
    this._ended = false;
    this._results = [];
    this._fields = [];
    this._currentIndex = -1;
    this._currentRows = null;
    this._currentFields = null;
    // The session's column list behind _currentFields (decoders are remembered by it).
    this._currentColumns = undefined;
    this._connection = null;
    // destroy() was called while this query was pending (its error is not emitted unhandled).
    this._cancelled = false;
    // What a custom typeCast (or a 'result' listener) threw: the query fails with it.
    this._decodeError = null;
  }

  /** Result parts from the session, in order. */
  _receive(parts) {
    if (!parts || this._decodeError !== null) return;
    try {
      this._receiveParts(parts);
    } catch (err) {
      // User code threw while rows were built: the rest of the rows are dropped and the query
      // ends with that error once the server is done, so the connection stays in step.
      this._decodeError = err;
    }
  }

  _receiveParts(parts) {
    for (const part of parts) {
      if (part.index !== this._currentIndex) this._startResult(part);
      if (part.ok) {
        const ok = makeOkPacket(part.ok, this._connection && this._connection.config);
        if (this._callback) {
          this._results.push(ok);
          this._fields.push(undefined);
        } else {
          this.emit('result', ok, part.index);
        }
        this._currentIndex = part.index;
        this._currentRows = null;
        continue;
      }
      const fields = this._currentFields;
      const rows = this._currentRows;
      const onRow = this._callback ? (row) => rows.push(row) : (row) => this.emit('result', row, part.index);
      decodeRows(part, fields, this._decodeOptions(), onRow);
    }
  }

  _startResult(part) {
    this._currentIndex = part.index;
    if (!part.fields) return;
    this._currentColumns = part.fields;
    this._currentFields = part.fields.map(makeFieldPacket);
    if (this._callback) {
      this._currentRows = [];
      this._results.push(this._currentRows);
      this._fields.push(this._currentFields);
    } else {
      this.emit('fields', this._currentFields, part.index);
    }
  }

  _decodeOptions() {
    const connection = this._connection;
    return {
      typeCast: this.typeCast,
      nestTables: this.nestTables,
      config: connection.config,
      connection,
      columns: this._currentColumns,
    };
  }

  /** The command succeeded. */
  _succeed() {
    if (this._decodeError !== null) return this._end(this._decodeError);
    const results = this._results.length > 1 ? this._results : this._results[0];
    const fields = this._fields.length > 1 ? this._fields : this._fields[0];
    this._end(null, results, fields);
  }

  /**
   * The command failed; `index` is the statement that failed. Without one (a LOAD DATA LOCAL
   * whose file failed) the statement finished: the results come in the shape of a success.
   */
  _fail(err, index) {
    if (index === undefined || index === null) {
      if (this._results.length === 0) return this._end(err);
      const results = this._results.length > 1 ? this._results : this._results[0];
      const fields = this._fields.length > 1 ? this._fields : this._fields[0];
      return this._end(err, results, fields);
    }
    err.index = index;
    err.sql = this.sql;
    const results = this._results.length > 0 ? this._results : undefined;
    const fields = this._fields.length > 0 ? this._fields : undefined;
    this._end(err, results, fields);
  }

  hasErrorHandler() {
    return Boolean(this._callback) || this.listenerCount('error') > 0;
  }

  _end(err, results, fields) {
    if (this._ended) return;
    this._ended = true;
    if (err) addLongStackTrace(err, this._callSite);
    this._callSite = null;
    try {
      if (err) {
        if (this.listenerCount('error') > 0) this.emit('error', err);
        else if (!this._callback && this._connection && !this._cancelled)
          this._connection._unhandledError(err);
      }
    } finally {
      try {
        if (this._callback) this._callback.call(this, err, results, fields);
      } finally {
        this._releaseResults();
        this.emit('end');
      }
    }
  }

  /**
   * A finished query lets go of its rows: the call site captured by the next query (usually issued
   * from this one's callback) keeps this Query reachable, and with it a whole result set, until
   * that next query ends. Measured with 8 connections: twice the live rows at each scavenge.
   */
  _releaseResults() {
    this._results = [];
    this._fields = [];
    this._currentRows = null;
    this._currentFields = null;
  }

  /**
   * An object-mode Readable of the rows (and OK packets), as `mysql`'s query.stream(): it also
   * re-emits 'fields' and 'result' with the result index, and pauses the connection while the
   * consumer is behind (resumed on read).
   */
  stream(options) {
    const query = this;
    const readable = new Readable({
      ...options,
      objectMode: true,
      read() {
        if (query._connection) query._connection.resume();
      },
    });
    this.on('result', (row, index) => {
      if (!readable.push(row) && query._connection) query._connection.pause();
      readable.emit('result', row, index); // replicate the old emitter, as `mysql` does
    });
    this.on('error', (err) => readable.emit('error', err));
    this.on('end', () => readable.push(null));
    this.on('fields', (fields, index) => readable.emit('fields', fields, index));
    return readable;
  }
}

module.exports = { Query };
