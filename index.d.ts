// Types for reconnecting-mysql: the shape of @types/mysql (createConnection and what hangs off it)
// plus the self-healing options and events.

/// <reference types="node" />

import { EventEmitter } from 'events';
import { Readable, ReadableOptions } from 'stream';

export interface ReconnectOptions {
  /**
   * Retry the first connect too, waiting for a server that is not up yet (default false: as in
   * `mysql`, a connection never established fails its first connect with the real cause, e.g.
   * ECONNREFUSED, after each host was tried once).
   */
  initial?: boolean;
  /**
   * Connect attempts before giving up (default Infinity): after a loss, each is announced by a
   * 'reconnecting' event; with `initial`, the first connect counts as one and has no event.
   */
  maxAttempts?: number;
  /** Milliseconds after a loss before giving up (default Infinity). */
  maxTime?: number;
  /** First backoff step in ms (default 100); the first retry is immediate. */
  baseDelay?: number;
  /** Backoff cap in ms (default 10000). */
  maxDelay?: number;
  enabled?: boolean;
}

export interface TypeCastField {
  db: string;
  table: string;
  name: string;
  type: string;
  length: number;
  packet: FieldInfo;
  string(): string | null;
  buffer(): Buffer | null;
  geometry(): GeometryType | null;
}

export type TypeCast = boolean | ((field: TypeCastField, next: () => any) => any);

/** The rest of Node's TLS context options, accepted as in `mysql` (rustls runs the TLS; see the README); not `pfx`, refused at run time (give PEM). */
type NodeTlsOptions = Omit<
  import('tls').SecureContextOptions,
  'ca' | 'cert' | 'key' | 'passphrase' | 'minVersion' | 'maxVersion' | 'pfx'
>;

/**
 * TLS (rustls). The server's certificate chain and host name are verified unless
 * rejectUnauthorized is false. An unknown key is a TypeError at run time, as here.
 */
export interface SslOptions extends NodeTlsOptions {
  /** Trusted CA certificates (PEM); replace the built-in roots. */
  ca?: string | Buffer | Array<string | Buffer>;
  /** Client certificate (PEM), with `key`. */
  cert?: string | Buffer;
  /** Client private key (PEM, any form Node reads; encrypted with `passphrase`). */
  key?: string | Buffer;
  passphrase?: string;
  /** Default true. false: no verification of the chain or the host name (still encrypted). */
  rejectUnauthorized?: boolean;
  /** The name the server's certificate must carry, when it is not `host`. */
  servername?: string;
  /** Oldest version accepted; 'TLSv1' and 'TLSv1.1' mean TLSv1.2 (the oldest rustls speaks). */
  minVersion?: 'TLSv1' | 'TLSv1.1' | 'TLSv1.2' | 'TLSv1.3';
  /** Newest version offered; must be 'TLSv1.2' or 'TLSv1.3'. */
  maxVersion?: 'TLSv1.2' | 'TLSv1.3';
  /** tls.connect options that are accepted and ignored (rustls runs the TLS). */
  enableTrace?: boolean;
  requestCert?: boolean;
  requestOCSP?: boolean;
  ALPNProtocols?: unknown;
  checkServerIdentity?: unknown;
  session?: unknown;
  minDHSize?: number;
  secureContext?: unknown;
  pskCallback?: unknown;
}

export interface ConnectionOptions {
  host?: string;
  port?: number;
  localAddress?: string;
  socketPath?: string;
  user?: string;
  password?: string;
  database?: string;
  charset?: string;
  timezone?: string;
  connectTimeout?: number;
  stringifyObjects?: boolean;
  insecureAuth?: boolean;
  typeCast?: TypeCast;
  queryFormat?(query: string, values: any): string;
  supportBigNumbers?: boolean;
  bigNumberStrings?: boolean;
  dateStrings?: boolean | Array<'TIMESTAMP' | 'DATETIME' | 'DATE'>;
  debug?: boolean | string[] | Types[];
  /** Default true: a failed query's `err.stack` ends with where it was called (README, compatibility). */
  trace?: boolean;
  /** Default true. A file goes out only for your own LOAD DATA LOCAL statement and the name it writes (README, Security). */
  localInfile?: boolean;
  /**
   * Serve the file a LOAD DATA LOCAL INFILE statement names from your own stream (mysql2's
   * option) instead of reading it from disk; called only after the server asked for exactly
   * that name. A query's own `infileStreamFactory` takes precedence.
   */
  infileStreamFactory?: (path: string) => Readable;
  multipleStatements?: boolean;
  flags?: string | string[];
  /** TLS options, a profile name ('Amazon RDS'), or true (verified against the built-in roots). */
  ssl?: SslOptions | string | boolean;

  /** false: `mysql`'s behaviour, the first loss is final. */
  reconnect?: boolean | ReconnectOptions;
  /** Failover: servers in order of preference, 'host:port' or { host, port } (port defaults to `port`). */
  hosts?: Array<string | { host: string; port?: number }> | string;
  /** Milliseconds a host that failed is skipped while another can be tried (default 5000). */
  failoverDeny?: number;
  /** With several hosts, a read-only refusal (1290, 1792, 1836) or a Galera node that is not ready (1047) moves to the next host (default true). */
  failoverReadOnly?: boolean;
  /** Default false: queued queries are written before the previous replies are read (README, Options). */
  pipelining?: boolean;
  /** Commands that may wait for a connection (default 10000). */
  queueLimit?: number;
  /** Milliseconds a command may wait for a connection (default 30000). */
  queueTimeout?: number;
  /** Ping before a command after this many ms idle (default 5000); false: never. */
  pingAfterIdle?: number | false;
  /** true: ping at half the server's wait_timeout; a number: every that many ms. */
  keepAlive?: boolean | number;
  /** Milliseconds a liveness ping may take (default 5000). */
  pingTimeout?: number;
  /** SQL run on every connect, or a function run on every connect before queued commands. */
  onConnect?:
    string | string[] | ((connection: HookConnection, done: (err?: Error | null) => void) => unknown);
}

/** What an onConnect function may use: its queries run before the queued ones. */
export interface HookConnection {
  config: ConnectionConfig;
  threadId: number | null;
  query: QueryFunction;
  escape(value: any): string;
  escapeId(value: string): string;
  format(sql: string, values?: any): string;
}

export interface ConnectionConfig extends ConnectionOptions {
  host: string;
  port: number;
  charsetNumber: number;
}

export interface QueryOptions {
  sql: string;
  values?: any;
  timeout?: number;
  nestTables?: any;
  typeCast?: TypeCast;
  /** May be replayed on the new connection after a loss mid-flight. */
  idempotent?: boolean;
  /** This statement's LOAD DATA LOCAL INFILE data, as for the connection option. */
  infileStreamFactory?: (path: string) => Readable;
}

export interface MysqlError extends Error {
  code: string;
  errno: number;
  sqlMessage?: string;
  sqlState?: string;
  index?: number;
  sql?: string;
  fatal?: boolean;
  /** 'unknown': the statement may have run; 'not_executed': it provably did not. */
  outcome?: 'unknown' | 'not_executed';
  timeout?: number;
}

/** A column's definition, as in `mysql` (a FieldPacket object). */
export interface FieldInfo {
  catalog: string;
  db: string;
  table: string;
  orgTable: string;
  name: string;
  orgName: string;
  charsetNr: number;
  length: number;
  type: Types;
  flags: number;
  decimals: number;
  default?: string;
  zeroFill: boolean;
  protocol41: boolean;
}

// Result objects, under the names mysql2's typings use. They are `mysql`'s objects (what the
// runtime builds), so some of mysql2's fields are absent: no `info`, `warningStatus`,
// `columnType`, `characterSet`, `typeName` or `encoding`.

/** A row: a RowDataPacket object, one property per column (`nestTables`: per table). */
export interface RowDataPacket {
  constructor: { name: 'RowDataPacket' };
  [column: string]: any;
  [column: number]: any;
}

/** The result of a statement that returns no rows (INSERT, UPDATE, DDL, ...): an OkPacket object. */
export interface OkPacket {
  constructor: { name: 'OkPacket' };
  fieldCount: number;
  /** With `supportBigNumbers`, a string beyond 2^53. */
  affectedRows: number;
  /** With `supportBigNumbers`, a string beyond 2^53. */
  insertId: number;
  serverStatus: number;
  warningCount: number;
  /** The server's info string ('(Rows matched: 1  Changed: 1  Warnings: 0', as `mysql` reads it), or ''. */
  message: string;
  protocol41: boolean;
  /** From the info string of an UPDATE; 0 otherwise. */
  changedRows: number;
}

/**
 * What mysql2 calls ResultSetHeader: here the same OkPacket object as in `mysql` (its warnings are
 * `warningCount`, its info string `message`).
 */
export type ResultSetHeader = OkPacket;

/** A column's definition in `fields`: a FieldPacket object. */
export interface FieldPacket extends FieldInfo {
  constructor: { name: 'FieldPacket' };
}

/** A CALL's results: the result sets of its SELECTs, then the OkPacket of the CALL itself. */
export type ProcedureCallPacket<T = [RowDataPacket[], ResultSetHeader] | ResultSetHeader> =
  T extends RowDataPacket[]
    ? [T, ResultSetHeader]
    : T extends ResultSetHeader | OkPacket
      ? ResultSetHeader
      : [RowDataPacket[], ResultSetHeader] | ResultSetHeader;

/**
 * What a query may resolve to, as in mysql2: rows, an OkPacket, or (multiple statements, CALL)
 * an array of those, one per result.
 */
export type QueryResult =
  | OkPacket
  | ResultSetHeader
  | ResultSetHeader[]
  | RowDataPacket[]
  | RowDataPacket[][]
  | OkPacket[]
  | ProcedureCallPacket;

/**
 * The `fields` that come with a result `T`: the columns of a result set, undefined with an
 * OkPacket, and with several results (multiple statements, CALL) one entry per result.
 */
export type QueryFields<T> = T extends RowDataPacket[]
  ? FieldPacket[]
  : T extends OkPacket
    ? undefined
    : Array<FieldPacket[] | undefined>;

export type GeometryType = { x: number; y: number } | GeometryType[];

export type queryCallback = (err: MysqlError | null, results?: any, fields?: FieldInfo[]) => void;

export interface QueryFunction {
  (query: Query): Query;
  (options: string | QueryOptions, callback?: queryCallback): Query;
  (options: string | QueryOptions, values: any, callback?: queryCallback): Query;
}

export interface Query extends EventEmitter {
  sql: string;
  values?: any;
  typeCast?: TypeCast;
  nestTables: boolean;
  stream(options?: ReadableOptions): Readable;
  on(ev: 'result', callback: (row: any, index: number) => void): this;
  on(ev: 'error', callback: (err: MysqlError) => void): this;
  on(ev: 'fields', callback: (fields: FieldInfo[], index: number) => void): this;
  on(ev: 'end', callback: () => void): this;
  on(ev: string, callback: (...args: any[]) => void): this;
}

export interface StatisticsPacket {
  message: string;
  uptime?: number;
  threads?: number;
  questions?: number;
  slow_queries?: number;
  opens?: number;
  flush_tables?: number;
  open_tables?: number;
  queries_per_second_avg?: number;
  [key: string]: any;
}

export interface DisconnectEvent {
  error?: MysqlError;
  threadId?: number;
}

export interface ReconnectingEvent {
  attempt: number;
  /** Milliseconds before this attempt. */
  delay: number;
  error?: MysqlError;
  /** 'host:port' this attempt goes to. */
  host?: string;
}

export interface FailoverEvent {
  /** 'host:port' of the previous connection. */
  from: string;
  /** 'host:port' now connected to. */
  to: string;
  /** Why the previous host was left. */
  reason: 'unavailable' | 'read-only' | 'not-ready';
  error?: MysqlError;
}

export interface ReconnectEvent {
  attempts: number;
  /** Milliseconds since the loss. */
  downtime: number;
  threadId: number;
  previousThreadId: number | null;
  /** Session state that could not be restored ('temporary tables', 'user variables', ...). */
  lostState: string[];
  /** 'host:port' now connected to, and of the previous connection. */
  host: string;
  previousHost: string;
}

export interface Connection extends EventEmitter {
  config: ConnectionConfig;
  state: 'connected' | 'authenticated' | 'disconnected' | 'connecting' | 'protocol_error' | string;
  threadId: number | null;
  createQuery: QueryFunction;
  connect(callback?: (err: MysqlError | null, ...args: any[]) => void): void;
  connect(options: any, callback?: (err: MysqlError | null, ...args: any[]) => void): void;
  changeUser(
    options: { user?: string; password?: string; database?: string; charset?: string },
    callback?: (err: MysqlError | null) => void,
  ): void;
  changeUser(callback: (err: MysqlError | null) => void): void;
  beginTransaction(callback: (err: MysqlError | null) => void): Query;
  beginTransaction(options?: any, callback?: (err: MysqlError | null) => void): Query;
  commit(callback: (err: MysqlError | null) => void): Query;
  commit(options?: any, callback?: (err: MysqlError | null) => void): Query;
  rollback(callback: (err: MysqlError | null) => void): Query;
  rollback(options?: any, callback?: (err: MysqlError | null) => void): Query;
  query: QueryFunction;
  ping(callback: (err: MysqlError | null) => void): void;
  ping(options?: any, callback?: (err: MysqlError | null) => void): void;
  statistics(callback: (err: MysqlError | null, stats: StatisticsPacket) => void): void;
  statistics(options?: any, callback?: (err: MysqlError | null, stats: StatisticsPacket) => void): void;
  end(callback?: (err?: MysqlError | null) => void): void;
  end(options: any, callback?: (err?: MysqlError | null) => void): void;
  destroy(): void;
  pause(): void;
  resume(): void;
  escape(value: any): string;
  escapeId(value: string): string;
  format(sql: string, values?: any): string;
  /** COM_RESET_CONNECTION; then the charset and onConnect run again. */
  reset(callback?: (err: MysqlError | null) => void): void;
  reset(options: any, callback?: (err: MysqlError | null) => void): void;
  stats(): ConnectionStats;

  on(ev: 'connect', callback: () => void): this;
  on(ev: 'disconnect', callback: (event: DisconnectEvent) => void): this;
  on(ev: 'reconnecting', callback: (event: ReconnectingEvent) => void): this;
  on(ev: 'reconnect', callback: (event: ReconnectEvent) => void): this;
  on(ev: 'failover', callback: (event: FailoverEvent) => void): this;
  on(ev: 'error', callback: (err: MysqlError) => void): this;
  on(ev: 'end', callback: (err?: MysqlError) => void): this;
  on(ev: 'enqueue', callback: (query: Query) => void): this;
  on(ev: 'drain', callback: () => void): this;
  on(ev: string, callback: (...args: any[]) => void): this;
}

/**
 * Column type codes (`mysql`'s `Types`: `field.type`, `typeCast`'s `field.type` names one), with the
 * reverse lookup (`Types[3] === 'LONG'`). A constant object, not a `const enum`, so that
 * `mysql.Types.LONG` compiles under `isolatedModules`; the type `Types` is the union of the codes.
 */
export declare const Types: {
  readonly DECIMAL: 0;
  readonly TINY: 1;
  readonly SHORT: 2;
  readonly LONG: 3;
  readonly FLOAT: 4;
  readonly DOUBLE: 5;
  readonly NULL: 6;
  readonly TIMESTAMP: 7;
  readonly LONGLONG: 8;
  readonly INT24: 9;
  readonly DATE: 10;
  readonly TIME: 11;
  readonly DATETIME: 12;
  readonly YEAR: 13;
  readonly NEWDATE: 14;
  readonly VARCHAR: 15;
  readonly BIT: 16;
  readonly TIMESTAMP2: 17;
  readonly DATETIME2: 18;
  readonly TIME2: 19;
  readonly JSON: 245;
  readonly NEWDECIMAL: 246;
  readonly ENUM: 247;
  readonly SET: 248;
  readonly TINY_BLOB: 249;
  readonly MEDIUM_BLOB: 250;
  readonly LONG_BLOB: 251;
  readonly BLOB: 252;
  readonly VAR_STRING: 253;
  readonly STRING: 254;
  readonly GEOMETRY: 255;
  /** The name of a code (`Types[3] === 'LONG'`). */
  readonly [code: number]: string;
};
export type Types = Exclude<(typeof Types)[keyof typeof Types], string>;

/**
 * Per host, keyed 'host:port' (or the socket path): the first host, then (with the `hosts` option)
 * each host a failover moved the connection to, so that several entries are possible;
 * `ConnectionStats.host` names the current one.
 */
export interface HostStats {
  connects: number;
  reconnects: number;
  disconnects: number;
  downtimeMs: number;
  lastError: { code: string; message: string; at: Date } | null;
}

export interface ConnectionStats {
  state: string;
  threadId: number | null;
  host: string;
  /** When the current connection was established; null while down. */
  connectedSince: Date | null;
  transaction: 'none' | 'active' | 'lost';
  connects: number;
  reconnects: number;
  disconnects: number;
  /** Total time spent disconnected, including an outage in progress. */
  downtimeMs: number;
  lastDowntimeMs: number;
  /** Commands waiting behind those in flight (or for the connection). */
  queued: number;
  /** Commands written to the server and not answered yet: at most 1, or up to 32 with `pipelining`. */
  inFlight: number;
  hosts: { [host: string]: HostStats };
}

export interface PoolOptions extends ConnectionOptions {
  /** Milliseconds a new connection may take to connect (retries included), or the check of an idle one (default 10000). */
  acquireTimeout?: number;
  /** false: getConnection fails with POOL_CONNLIMIT when every connection is in use (default true). */
  waitForConnections?: boolean;
  /** Most connections at once (default 10; 0: unlimited). */
  connectionLimit?: number;
  /** getConnection calls that may wait (default 0: unlimited); more fail with POOL_ENQUEUELIMIT. Not the connection's command queue. */
  queueLimit?: number;
  /** Milliseconds after which a connection is replaced, on release, outside a transaction (minus up to 10% jitter; default 0: never). */
  maxLifetime?: number | false;
  /** Milliseconds after which an idle connection is closed (default 600000; 0 or false: never). */
  idleTimeout?: number | false;
  /** Idle connections idleTimeout leaves open (default 0). */
  minIdle?: number;
  /** COM_RESET_CONNECTION when a connection is released (default false). */
  resetOnRelease?: boolean;
}

export interface PoolConfig {
  acquireTimeout: number;
  waitForConnections: boolean;
  connectionLimit: number;
  queueLimit: number;
  maxLifetime: number;
  idleTimeout: number;
  minIdle: number;
  resetOnRelease: boolean;
  connectionConfig: ConnectionConfig;
}

export interface PoolConnection extends Connection {
  release(): void;
  /** Deprecated, as in `mysql`: releases the connection. */
  end(): void;
  destroy(): void;
}

export interface PoolConnectionStats extends ConnectionStats {
  free: boolean;
  ageMs: number;
  idleMs: number;
}

export interface PoolStats {
  connectionLimit: number;
  all: number;
  free: number;
  acquiring: number;
  borrowed: number;
  /** getConnection calls waiting for a connection. */
  waiting: number;
  created: number;
  /** Connections taken out of the pool, by reason ('maxLifetime', 'idleTimeout', 'transactionLost', 'closed', ...). */
  removed: { [reason: string]: number };
  reconnects: number;
  downtimeMs: number;
  queued: number;
  inFlight: number;
  hosts: { [host: string]: HostStats };
  connections: PoolConnectionStats[];
}

export interface Pool extends EventEmitter {
  config: PoolConfig;
  getConnection(callback: (err: MysqlError | null, connection: PoolConnection) => void): void;
  releaseConnection(connection: PoolConnection): void;
  end(callback?: (err?: MysqlError | null) => void): void;
  query: QueryFunction;
  escape(value: any): string;
  escapeId(value: string): string;
  format(sql: string, values?: any): string;
  stats(): PoolStats;

  on(ev: 'connection' | 'acquire' | 'release', callback: (connection: PoolConnection) => void): this;
  on(ev: 'enqueue', callback: () => void): this;
  on(ev: string, callback: (...args: any[]) => void): this;
}

export interface PoolClusterOptions {
  /** Try another node when getConnection fails (default true). */
  canRetry?: boolean;
  /** Errors before a node is removed, or taken offline with restoreNodeTimeout (default 5). */
  removeNodeErrorCount?: number;
  /** Milliseconds a failing node stays offline (default 0: removed instead). */
  restoreNodeTimeout?: number;
  defaultSelector?: 'RR' | 'RANDOM' | 'ORDER' | string;
}

export interface PoolNamespace {
  getConnection(callback: (err: MysqlError | null, connection: PoolConnection) => void): void;
  query: QueryFunction;
}

export interface PoolCluster extends EventEmitter {
  add(config: PoolOptions): void;
  add(id: string, config: string | PoolOptions): void;
  remove(pattern: string | RegExp): void;
  end(callback?: (err?: MysqlError | null) => void): void;
  of(pattern?: string | RegExp, selector?: string): PoolNamespace;
  getConnection(callback: (err: MysqlError | null, connection: PoolConnection) => void): void;
  getConnection(
    pattern: string | RegExp,
    callback: (err: MysqlError | null, connection: PoolConnection) => void,
  ): void;
  getConnection(
    pattern: string | RegExp,
    selector: string,
    callback: (err: MysqlError | null, connection: PoolConnection) => void,
  ): void;
  stats(): { nodes: { [id: string]: PoolStats & { errorCount: number; offline: boolean } } };

  on(ev: 'remove' | 'offline' | 'online', callback: (nodeId: string) => void): this;
  on(ev: string, callback: (...args: any[]) => void): this;
}

export function createConnection(connectionUri: string | ConnectionOptions): Connection;
export function createPool(config: string | PoolOptions): Pool;
export function createPoolCluster(config?: PoolClusterOptions): PoolCluster;
export function createQuery(query: Query): Query;
export function createQuery(options: string | QueryOptions, callback?: queryCallback): Query;
export function createQuery(options: string | QueryOptions, values: any, callback?: queryCallback): Query;
export function escape(value: any, stringifyObjects?: boolean, timeZone?: string): string;
export function escapeId(value: string, forbidQualified?: boolean): string;
export function format(sql: string, values?: any[], stringifyObjects?: boolean, timeZone?: string): string;
export function raw(sql: string): { toSqlString(): string };
