'use strict';
// The Connection: `mysql`'s API over one native session that heals itself. The object stays
// valid across losses; every command is a numbered request to the session, answered exactly once.

const { EventEmitter } = require('node:events');
const util = require('node:util');
const SqlString = require('sqlstring');
const { NativeSession, protocol } = require('./native');
const { Query } = require('./query');
const { fromNative, clientError, captureCallSite } = require('./errors');
const { getCharsetNumber } = require('./config');
const { ConnectionStats } = require('./stats');
const { channels } = require('./diagnostics');

// The reply protocol comes from its one definition in Rust (src/session/protocol.rs).
const PROTOCOL = protocol();
const TRANSACTION_STATES = PROTOCOL.transactionStates;
const { PARTIAL, DONE, FAILED, CONNECT, DISCONNECT, RECONNECTING, RECONNECT, GAVE_UP, CLOSED } =
  PROTOCOL.kinds;
const { CONNECT_HOOK, FAILOVER, INFILE } = PROTOCOL.kinds;
// The shapes of a reply the session passes as arguments (FlatReply).
const { ROWS: FLAT_ROWS, OK: FLAT_OK } = PROTOCOL.shapes;
// flatReply reads the values after (shape, kind, id, index) by position: it must name them as the
// binary sends them (a binary from another version fails here, not with misread results).
const FLAT_ROWS_SLOTS = ['sameFields', 'rows', 'data', 'ascii'];
const FLAT_OK_SLOTS = ['affectedRows', 'insertId', 'serverStatus', 'warningCount', 'info'];
if (
  String(PROTOCOL.rowsSlots) !== String(FLAT_ROWS_SLOTS) ||
  String(PROTOCOL.okSlots) !== String(FLAT_OK_SLOTS)
) {
  throw new Error('reconnecting-mysql: the native binary and lib/connection.js disagree on the reply layout');
}

/**
 * The message object of a reply that came as call arguments: one part, no error. Building it
 * here is far cheaper than property by property through N-API (see FlatReply).
 */
function flatReply(shape, kind, id, index, a, b, c, d, e) {
  if (shape === FLAT_ROWS) return { kind, id, parts: [{ index, sameFields: a, rows: b, data: c, ascii: d }] };
  if (shape === FLAT_OK) {
    return {
      kind,
      id,
      parts: [
        { index, rows: 0, ok: { affectedRows: a, insertId: b, serverStatus: c, warningCount: d, info: e } },
      ],
    };
  }
  throw new Error(`reconnecting-mysql: unknown reply shape ${shape}`);
}

// Result chunks (32 KiB each) held while paused before the session is told to stop reading.
const HELD_CHUNKS_BEFORE_NATIVE_PAUSE = 4;

// `mysql`'s packet names for the commands, for `debug` output.
const OUTGOING = {
  connect: 'ClientAuthenticationPacket',
  query: 'ComQueryPacket',
  ping: 'ComPingPacket',
  statistics: 'ComStatisticsPacket',
  changeUser: 'ComChangeUserPacket',
  reset: 'ComResetConnectionPacket',
  end: 'ComQuitPacket',
};

function createQuery(sql, values, callback) {
  if (sql instanceof Query) return sql;
  let cb = callback;
  let options = {};
  if (typeof sql === 'function') {
    cb = sql;
  } else if (typeof sql === 'object' && sql !== null) {
    options = Object.create(sql);
    if (typeof values === 'function') cb = values;
    else if (values !== undefined) Object.defineProperty(options, 'values', { value: values });
  } else {
    options.sql = sql;
    if (typeof values === 'function') cb = values;
    else if (values !== undefined) options.values = values;
  }
  if (cb !== undefined && typeof cb !== 'function') {
    throw new TypeError('argument callback must be a function when provided');
  }
  return new Query(options, cb);
}

/**
 * Whether `trace` should record the caller's stack for this query: not when the Query holds one
 * already (a pool's, or the promise API's, which records the awaiting code instead).
 */
function wantsCallSite(config, sql) {
  return config.trace && !(sql instanceof Query && sql._callSite !== null);
}

/** Records the caller's stack on a query sent with `traceFrom` (the public method called). */
function traceCaller(entry) {
  entry.query._callSite = captureCallSite(entry.traceFrom);
  entry.traceFrom = null;
}

/** `mysql`'s StatisticsPacket: the status line, and each `Name: value` as a number. */
function statisticsPacket(text) {
  const packet = { message: text || '' };
  for (const item of packet.message.split(/\s\s/)) {
    const match = item.match(/^(.+)\:\s+(.+)$/);
    if (match !== null) packet[match[1].toLowerCase().replace(/\s/g, '_')] = Number(match[2]);
  }
  return packet;
}

/** What a value is, for error messages (never its contents, which may be secret or huge). */
function describe(value) {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object'
    ? 'an object'
    : typeof value === 'symbol'
      ? 'a symbol'
      : typeof value === 'function'
        ? 'a function'
        : JSON.stringify(String(value));
}

/**
 * The SQL text sent for `query.sql`. As `mysql` (which writes `(sql || '') + ''`): absent is an
 * empty query (ER_EMPTY_QUERY) and numbers are sent as their text; what `mysql` cannot send
 * (objects, symbols, functions) is a TypeError here, at the call, not a crash at write time.
 */
function sqlText(sql) {
  if (typeof sql === 'string') return sql;
  if (!sql) return '';
  if (typeof sql === 'number' || typeof sql === 'bigint' || typeof sql === 'boolean') return String(sql);
  throw new TypeError(`Invalid query option sql: expected a string, got ${describe(sql)}`);
}

/** changeUser's user / password / database: a string, or absent to keep the current one. */
function changeUserString(options, field) {
  const value = options[field];
  if (value === undefined || value === null || typeof value === 'string') return value;
  throw new TypeError(
    `Invalid changeUser option ${field}: expected a string, got ${field === 'password' ? typeof value : describe(value)}`,
  );
}

function hasErrorHandler(entry) {
  return Boolean(entry.callback || (entry.query && entry.query.hasErrorHandler()));
}

/** Calls `fn` on each item even if one throws (user code); the first exception is rethrown after. */
function callEach(items, fn) {
  let failure = null;
  for (const item of items) {
    try {
      fn(item);
    } catch (err) {
      if (failure === null) failure = { err };
    }
  }
  if (failure !== null) throw failure.err;
}

function optionsAndCallback(options, callback) {
  if (!callback && typeof options === 'function') return [{}, options];
  if (callback !== undefined && typeof callback !== 'function') {
    throw new TypeError('argument callback must be a function when provided');
  }
  return [options || {}, callback];
}

class Connection extends EventEmitter {
  constructor(options) {
    super();
    this.config = options.config;
    this.state = 'disconnected';
    this.threadId = null;
    this._native = null;
    this._pending = new Map();
    this._nextId = 1;
    this._quitCalled = false;
    this._destroyed = false;
    this._fatalError = null;
    this._fatalReported = false;
    this._paused = false;
    this._held = [];
    this._nativePaused = false;
    // Each native session gets a generation: after a give-up, connect() starts a new one, and
    // the old one's closing messages must not touch it.
    this._generation = 0;
    // The columns each native session sent last, by generation (see _resolveFields).
    this._sentFields = new Map();
    const config = this.config;
    this._stats = new ConnectionStats(config.socketPath || `${config.host}:${config.port}`);
  }

  /** The live native session, started on first use (every method connects implicitly). */
  _session() {
    if (this._native === null) {
      const generation = ++this._generation;
      this._native = new NativeSession(this.config.toNative(), (first, kind, id, index, a, b, c, d, e) =>
        this._onMessage(
          typeof first === 'object' ? first : flatReply(first, kind, id, index, a, b, c, d, e),
          generation,
        ),
      );
      this._nativePaused = false;
      this._fatalError = null;
      this._fatalReported = false;
      this.state = 'connecting';
    }
    return this._native;
  }

  /** Why a new command cannot be taken, or null. */
  _refusal(what, duringHook) {
    if (this._destroyed)
      return clientError('PROTOCOL_ENQUEUE_AFTER_DESTROY', `Cannot enqueue ${what} after being destroyed.`, {
        fatal: false,
      });
    // The onConnect function's own queries run before a queued end(), so they are still taken.
    if (this._quitCalled && !duringHook)
      return clientError('PROTOCOL_ENQUEUE_AFTER_QUIT', `Cannot enqueue ${what} after invoking quit.`, {
        fatal: false,
      });
    if (this._fatalError && this._native === null && what !== 'Handshake') {
      return clientError('PROTOCOL_ENQUEUE_AFTER_FATAL_ERROR', `Cannot enqueue ${what} after fatal error.`, {
        fatal: false,
      });
    }
    return null;
  }

  /** Sends one request; `entry` is answered exactly once (by the session or by the refusal). */
  _enqueue(what, entry, send) {
    const refusal = this._refusal(what, entry.duringHook);
    if (refusal) {
      if (entry.traceFrom) traceCaller(entry);
      process.nextTick(() => this._answer(entry, refusal));
      return;
    }
    const id = this._nextId++;
    if (this._nextId > 0xffffffff) this._nextId = 1;
    // Behind commands not answered yet, it waits for them anyway: the session takes it up on
    // its next run, with whatever else is issued meanwhile (see `drive_later`).
    const behind = this._pending.size > 0;
    this._pending.set(id, entry);
    // A false send: the session closed between our check and the send (it gave up, say, while
    // this thread was busy). Its closing messages are on their way; the entry stays pending and
    // CLOSED answers it with the session's own error (the TLS or auth failure), not a made-up one.
    let session;
    try {
      session = this._session();
      send(session, id, behind);
    } catch (err) {
      // Not taken (e.g. a config changed to a value the native layer cannot read): nothing waits.
      this._pending.delete(id);
      throw err;
    }
    const awaitsReply = Boolean(entry.traceFrom) && !behind;
    if (entry.traceFrom) traceCaller(entry);
    if (entry.query) {
      if (channels.queryStart.hasSubscribers || channels.queryEnd.hasSubscribers) {
        entry.startedAt = performance.now();
        if (channels.queryStart.hasSubscribers)
          channels.queryStart.publish({ connection: this, query: entry.query, sql: entry.query.sql });
      }
      this.emit('enqueue', entry.query);
    }
    if (this.config.debug)
      this._debugPacket(
        false,
        OUTGOING[entry.kind] || 'ComQueryPacket',
        entry.query ? { sql: entry.query.sql } : {},
      );
    // Written without the wait for its reply (see `awaitLater` in _query): what is left to do
    // here is done while the server answers, then the wait. The reply is delivered from the
    // event loop, so never before this.
    if (awaitsReply) session.awaitReply();
  }

  connect(options, callback) {
    [options, callback] = optionsAndCallback(options, callback);
    if (this._fatalError && this._native === null && !this._quitCalled && !this._destroyed) {
      // A connection that gave up starts afresh when asked to connect again.
      this._fatalError = null;
    }
    this._enqueue('Handshake', { kind: 'connect', callback }, (session, id) => session.connect(id));
  }

  query(sql, values, cb) {
    return this._query(
      sql,
      values,
      cb,
      false,
      wantsCallSite(this.config, sql) ? Connection.prototype.query : null,
    );
  }

  /**
   * `duringHook`: issued by the onConnect function, runs before the queued commands. `callSite`:
   * null, the caller's stack already taken, or the public method the app called, to take the
   * stack from once the query is written (`trace` then costs next to nothing: it is done while the
   * server answers, instead of adding about a tenth of a `SELECT 1` before the write).
   */
  _query(sql, values, cb, duringHook, callSite) {
    if (sql === null)
      throw new TypeError('Invalid query: expected an SQL string or an options object, got null');
    const query = createQuery(sql, values, cb);
    const traceFrom = typeof callSite === 'function' ? callSite : null;
    if (callSite !== null && traceFrom === null) query._callSite = callSite;
    query._connection = this;
    if (!(typeof sql === 'object' && 'typeCast' in sql)) query.typeCast = this.config.typeCast;
    if (query.sql) {
      try {
        query.sql = this.format(query.sql, query.values);
      } catch (err) {
        // E.g. a Symbol among the values: say where it was.
        if (err instanceof TypeError)
          throw new TypeError(`Invalid query values: ${err.message}`, { cause: err });
        throw err;
      }
    }
    // `query(cb)` sends an empty query; the server answers ER_EMPTY_QUERY, as with `mysql`.
    const text = sqlText(query.sql);
    // As `mysql`: a timeout that is not a positive number means none.
    const timeout =
      query._timeout === undefined
        ? undefined
        : Math.max(0, Math.min(Number(query._timeout) || 0, 0xffffffff));
    if (query.infileStreamFactory === undefined) query.infileStreamFactory = this.config.infileStreamFactory;
    else if (typeof query.infileStreamFactory !== 'function')
      throw new TypeError('Invalid query option infileStreamFactory: expected a function (path) => Readable');
    const fromStream = query.infileStreamFactory !== undefined ? true : undefined;
    const awaitLater = traceFrom !== null;
    this._enqueue('Query', { kind: 'query', query, duringHook, traceFrom }, (session, id, behind) =>
      session.query(id, text, query._idempotent, timeout, duringHook, fromStream, behind, awaitLater),
    );
    return query;
  }

  ping(options, callback) {
    [options, callback] = optionsAndCallback(options, callback);
    this._enqueue('Ping', { kind: 'ping', callback }, (session, id) => session.ping(id, false));
  }

  statistics(options, callback) {
    [options, callback] = optionsAndCallback(options, callback);
    this._enqueue('Statistics', { kind: 'statistics', callback }, (session, id) => session.statistics(id));
  }

  /** Runs the onConnect function on a new connection; the session holds the queue until done. */
  _runConnectHook(event, native) {
    const round = event.attempt;
    this.threadId = event.threadId;
    const connection = this;
    const hookConnection = {
      config: this.config,
      threadId: event.threadId,
      query: (sql, values, cb) =>
        connection._query(
          sql,
          values,
          cb,
          true,
          wantsCallSite(connection.config, sql) ? captureCallSite(hookConnection.query) : null,
        ),
      escape: (value) => connection.escape(value),
      escapeId: (value) => connection.escapeId(value),
      format: (sql, values) => connection.format(sql, values),
    };
    let answered = false;
    const done = (err) => {
      if (answered) return;
      answered = true;
      native.hookDone(round, err ? String((err && err.message) || err) : undefined);
    };
    try {
      const hook = this.config.onConnect;
      const result = hook.call(this, hookConnection, done);
      if (result && typeof result.then === 'function')
        result.then(
          () => done(),
          (err) => done(err || new Error('onConnect rejected')),
        );
      else if (hook.length < 2) done();
    } catch (err) {
      done(err);
    }
  }

  /**
   * COM_RESET_CONNECTION: the server drops user variables, temporary tables, locks and session
   * variables and rolls back; the charset and `onConnect` run again. (Not in `mysql`.)
   */
  reset(options, callback) {
    [options, callback] = optionsAndCallback(options, callback);
    this._enqueue('Reset', { kind: 'reset', callback }, (session, id) => session.reset(id));
  }

  /** 'none', 'active', or 'lost' (the connection died inside a transaction; rollback() clears it). */
  _transactionState() {
    return this._native === null ? 'none' : TRANSACTION_STATES[this._native.transactionState()] || 'none';
  }

  /** Counters and the current state: reconnects, downtime, queued and in-flight commands, per host. */
  stats() {
    return this._stats.snapshot(this);
  }

  changeUser(options, callback) {
    [options, callback] = optionsAndCallback(options, callback);
    const config = this.config;
    const user = changeUserString(options, 'user') ?? config.user;
    const password = changeUserString(options, 'password') ?? config.password;
    const database = changeUserString(options, 'database') ?? config.database;
    const charsetNumber = options.charset ? getCharsetNumber(options.charset) : config.charsetNumber;
    const initStatements = config.initStatements(charsetNumber);
    const entry = {
      kind: 'changeUser',
      callback,
      onSuccess: () => {
        config.user = user;
        config.password = password;
        config.database = database;
        config.charsetNumber = charsetNumber;
      },
    };
    this._enqueue('ChangeUser', entry, (session, id) =>
      session.changeUser(id, user || undefined, password || undefined, database || undefined, initStatements),
    );
  }

  beginTransaction(options, callback) {
    return this._statement('START TRANSACTION', options, callback, Connection.prototype.beginTransaction);
  }

  commit(options, callback) {
    return this._statement('COMMIT', options, callback, Connection.prototype.commit);
  }

  rollback(options, callback) {
    return this._statement('ROLLBACK', options, callback, Connection.prototype.rollback);
  }

  /** A fixed statement with `mysql`'s ([options], [callback]) form; returns the Query. */
  _statement(sql, options, callback, calledFn) {
    if (!callback && typeof options === 'function') [options, callback] = [{}, options];
    const traceFrom = this.config.trace ? calledFn : null;
    return this._query({ ...(options || {}), sql, values: null }, callback, undefined, false, traceFrom);
  }

  end(options, callback) {
    [options, callback] = optionsAndCallback(options, callback);
    if (this._native === null && !this._quitCalled && !this._destroyed) {
      // Never connected (or gave up): nothing to close.
      this._quitCalled = true;
      this.state = 'disconnected';
      if (callback) process.nextTick(callback, null);
      return;
    }
    this._enqueue('Quit', { kind: 'end', callback }, (session, id) => session.end(id));
    this._quitCalled = true;
  }

  destroy() {
    if (this._destroyed) return;
    this._destroyed = true;
    this.state = 'disconnected';
    // The caller gave up on these: their callbacks still get an error, but one without a handler
    // is not emitted as 'error' (as `mysql`, which drops them silently).
    for (const entry of this._pending.values()) {
      entry.cancelled = true;
      if (entry.query) entry.query._cancelled = true;
    }
    if (this._native !== null) this._native.destroy();
  }

  /**
   * Stops result delivery. Once a few chunks are held the session stops reading rows, so the
   * server is held back too. Not at once: a stream pauses every highWaterMark (16) rows, and
   * stopping the reader each time would stall the pipeline between the server and the decoder.
   */
  pause() {
    this._paused = true;
  }

  resume() {
    this._paused = false;
    while (!this._paused && this._held.length > 0) this._dispatch(this._held.shift());
    if (!this._paused && this._nativePaused) {
      this._nativePaused = false;
      if (this._native !== null) this._native.resume();
    }
  }

  escape(value) {
    return SqlString.escape(value, false, this.config.timezone);
  }

  escapeId(value) {
    return SqlString.escapeId(value, false);
  }

  format(sql, values) {
    if (typeof this.config.queryFormat === 'function')
      return this.config.queryFormat.call(this, sql, values, this.config.timezone);
    return SqlString.format(sql, values, this.config.stringifyObjects, this.config.timezone);
  }

  _onMessage(message, generation) {
    // The server waits for the file: serve it whatever is held back for the application.
    if (message.kind === INFILE) return this._serveInfile(message, generation);
    if (message.parts !== undefined) this._resolveFields(message.parts, generation);
    if (message.kind === CLOSED) this._sentFields.delete(generation);
    // Replies carry unique ids and are always delivered; a replaced session's events are not.
    if (generation !== this._generation && message.kind > FAILED) return;
    // While paused, results wait (in order) until resume(); events are not held back.
    if (this._paused && (message.kind === PARTIAL || this._held.length > 0)) {
      this._held.push(message);
      if (
        this._held.length >= HELD_CHUNKS_BEFORE_NATIVE_PAUSE &&
        !this._nativePaused &&
        this._native !== null
      ) {
        this._nativePaused = true;
        this._native.pause();
      }
      return;
    }
    this._dispatch(message);
  }

  /**
   * A result set with the columns the session sent last carries `sameFields` instead of them
   * (a query run again): fill them in from what this session (generation) sent.
   */
  _resolveFields(parts, generation) {
    for (const part of parts) {
      if (part.fields !== undefined) this._sentFields.set(generation, part.fields);
      else if (part.sameFields === true) part.fields = this._sentFields.get(generation);
    }
  }

  /**
   * The server asks for the file the running LOAD DATA LOCAL INFILE names (the session checked
   * the name): stream it from the query's `infileStreamFactory` into the session.
   */
  _serveInfile(message, generation) {
    const native = this._native;
    if (native === null || generation !== this._generation) return;
    const entry = this._pending.get(message.id);
    const factory = entry && entry.query && entry.query.infileStreamFactory;
    let finished = false;
    const finish = (err) => {
      if (finished) return;
      finished = true;
      if (err)
        native.infileEnd(err.code === undefined ? undefined : String(err.code), String(err.message || err));
      else native.infileEnd();
    };
    let stream;
    try {
      if (typeof factory !== 'function') throw new Error('no infileStreamFactory for this query');
      stream = factory(message.text);
      if (!stream || typeof stream.on !== 'function')
        throw new TypeError('infileStreamFactory must return a readable stream');
    } catch (err) {
      return finish(err);
    }
    stream.on('data', (chunk) => {
      if (finished) return;
      const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
      // False: the statement is gone (connection lost, destroyed); stop reading.
      if (!native.infileData(bytes)) {
        finished = true;
        if (typeof stream.destroy === 'function') stream.destroy();
      }
    });
    stream.once('end', () => finish(null));
    stream.once('error', (err) => finish(err));
    stream.once('close', () => finish(new Error('the infileStreamFactory stream closed before its end')));
  }

  _dispatch(message) {
    switch (message.kind) {
      case PARTIAL: {
        const entry = this._pending.get(message.id);
        if (entry && entry.query) entry.query._receive(message.parts);
        return;
      }
      case DONE:
        return this._settle(message.id, null, message);
      case CONNECT_HOOK:
        return this._runConnectHook(message.event, this._native);
      case FAILED:
        return this._settle(message.id, fromNative(message.error), message);
      case CONNECT:
        this.state = 'authenticated';
        this.threadId = message.event.threadId;
        this._stats.connected();
        if (channels.connect.hasSubscribers)
          channels.connect.publish({ connection: this, threadId: this.threadId });
        this.emit('connect');
        return;
      case DISCONNECT: {
        this.state = 'disconnected';
        const event = {
          error: message.event.error ? fromNative(message.event.error) : undefined,
          threadId: message.event.threadId,
        };
        this._stats.disconnected(event.error);
        if (channels.disconnect.hasSubscribers) channels.disconnect.publish({ connection: this, ...event });
        this.emit('disconnect', event);
        return;
      }
      case RECONNECTING: {
        const event = message.event;
        this.state = 'connecting';
        const reconnecting = {
          attempt: event.attempt,
          delay: event.delay,
          error: event.error ? fromNative(event.error) : undefined,
          host: event.host,
        };
        if (channels.reconnecting.hasSubscribers)
          channels.reconnecting.publish({ connection: this, ...reconnecting });
        this.emit('reconnecting', reconnecting);
        return;
      }
      case FAILOVER: {
        const event = message.event;
        const failover = {
          from: event.previousHost,
          to: event.host,
          reason: event.reason,
          error: event.error ? fromNative(event.error) : undefined,
        };
        this._stats.movedTo(event.host);
        if (channels.failover.hasSubscribers) channels.failover.publish({ connection: this, ...failover });
        this.emit('failover', failover);
        return;
      }
      case RECONNECT: {
        const event = message.event;
        this.state = 'authenticated';
        this.threadId = event.threadId;
        const reconnect = {
          attempts: event.attempts,
          downtime: event.downtime,
          threadId: event.threadId,
          previousThreadId: event.previousThreadId,
          lostState: event.lostState || [],
          host: event.host,
          previousHost: event.previousHost,
        };
        this._stats.reconnected(event.downtime);
        if (channels.reconnect.hasSubscribers) channels.reconnect.publish({ connection: this, ...reconnect });
        this.emit('reconnect', reconnect);
        return;
      }
      case GAVE_UP: {
        const err = fromNative(message.error);
        err.fatal = true;
        if (channels.giveUp.hasSubscribers) channels.giveUp.publish({ connection: this, error: err });
        this._enterFatal(err);
        // As in `mysql`: a fatal error is emitted when no pending command had a handler for it.
        // Commands still pending here (the session task died without answering them) fail with
        // it on CLOSED; if they have handlers, they are the ones that report it.
        const handled = this._fatalReported || [...this._pending.values()].some(hasErrorHandler);
        this._fatalReported = true;
        if (!handled) this.emit('error', err);
        return;
      }
      case CLOSED: {
        this._stats.closed();
        this._native = null;
        this.threadId = null;
        if (this.state !== 'protocol_error') this.state = 'disconnected';
        try {
          this._failLeftovers();
        } finally {
          if (!this._destroyed) this.emit('end', this._fatalError || undefined);
        }
        return;
      }
    }
  }

  /** Every request is answered: anything the session did not answer before closing fails here. */
  _failLeftovers() {
    if (this._pending.size === 0) return;
    const entries = [...this._pending.values()];
    this._pending.clear();
    const err =
      this._fatalError ||
      clientError('PROTOCOL_CONNECTION_LOST', 'Connection lost: the session closed.', {
        outcome: 'not_executed',
      });
    callEach(entries, (entry) => this._answer(entry, err));
  }

  _settle(id, err, message) {
    const entry = this._pending.get(id);
    if (!entry) return;
    if (this.config.debug) this._debugReply(err, message);
    this._pending.delete(id);
    if (err && err.fatal) {
      if (!this._fatalError) this._enterFatal(err);
      if (hasErrorHandler(entry)) this._fatalReported = true;
    }
    if (entry.query) entry.query._receive(message.parts);
    if (!err && entry.onSuccess) entry.onSuccess();
    try {
      this._answer(entry, err, message);
    } finally {
      if (this._pending.size === 0) this.emit('drain');
    }
  }

  /** The session is giving up: from now on commands are refused (or connect() starts anew). */
  _enterFatal(err) {
    this._fatalError = err;
    this.state = 'protocol_error';
    this._native = null;
  }

  /** `message`: the session's reply, when there is one (its `index`, statistics `text`). */
  _answer(entry, err, message) {
    if (entry.query) {
      if (entry.startedAt !== undefined && channels.queryEnd.hasSubscribers) {
        channels.queryEnd.publish({
          connection: this,
          query: entry.query,
          sql: entry.query.sql,
          error: err || undefined,
          duration: performance.now() - entry.startedAt,
        });
      }
      if (err) entry.query._fail(err, message && message.index);
      else entry.query._succeed();
      return;
    }
    if (entry.kind === 'statistics' && !err) {
      if (entry.callback) entry.callback(null, statisticsPacket(message && message.text));
      return;
    }
    if (entry.callback) entry.callback(err || null);
    else if (err && !entry.cancelled) this._unhandledError(err);
  }

  /**
   * `debug`: one line per command and reply, in `mysql`'s format (`--> (threadId) Name {...}`).
   * The native layer speaks the protocol, so this shows commands and results, not every packet.
   */
  _debugPacket(incoming, name, payload) {
    const debug = this.config.debug;
    if (Array.isArray(debug) && debug.indexOf(name) === -1) return;
    const threadId = this.threadId !== null ? ' (' + this.threadId + ')' : '';
    console.log('%s%s %s %s\n', incoming ? '<--' : '-->', threadId, name, util.inspect(payload));
  }

  _debugReply(err, message) {
    if (err)
      return this._debugPacket(true, 'ErrorPacket', {
        code: err.code,
        errno: err.errno,
        sqlState: err.sqlState,
        message: err.sqlMessage || err.message,
      });
    for (const part of message.parts || []) {
      if (part.ok) this._debugPacket(true, 'OkPacket', part.ok);
      else
        this._debugPacket(true, 'ResultSet', {
          index: part.index,
          rows: part.rows,
          fields: part.fields ? part.fields.map((f) => f.name) : undefined,
        });
    }
    if (!message.parts) this._debugPacket(true, 'OkPacket', {});
  }

  /** A query error nobody handles is emitted on the connection, as `mysql` does. */
  _unhandledError(err) {
    if (err.fatal) {
      if (this._fatalReported) return;
      this._fatalReported = true;
    }
    this.emit('error', err);
  }
}

module.exports = { Connection, createQuery, wantsCallSite };
