// Types for `reconnecting-mysql/promise`: the callback API's classes with promises, in
// mysql2/promise's shape (`const [rows, fields] = await conn.query(...)`). The values declared here
// are exactly what promise.js exports (__test__/types.test.js checks it); the rest are types.

/// <reference types="node" />

import { EventEmitter } from 'events';
import type {
  Connection as CallbackConnection,
  ConnectionConfig,
  ConnectionOptions,
  ConnectionStats,
  OkPacket,
  Pool as CallbackPool,
  PoolCluster as CallbackPoolCluster,
  PoolClusterOptions,
  PoolConfig,
  PoolConnection as CallbackPoolConnection,
  PoolNamespace as CallbackPoolNamespace,
  PoolOptions,
  PoolStats,
  QueryFields,
  QueryOptions,
  QueryResult,
  StatisticsPacket,
} from './index';

export { Types, escape, escapeId, format, raw } from './index';
export type {
  ConnectionConfig,
  ConnectionOptions,
  ConnectionStats,
  DisconnectEvent,
  FailoverEvent,
  FieldInfo,
  FieldPacket,
  GeometryType,
  HookConnection,
  HostStats,
  MysqlError,
  OkPacket,
  PoolClusterOptions,
  PoolConfig,
  PoolConnectionStats,
  PoolOptions,
  PoolStats,
  ProcedureCallPacket,
  QueryFields,
  QueryOptions,
  QueryResult,
  ReconnectEvent,
  ReconnectingEvent,
  ReconnectOptions,
  ResultSetHeader,
  RowDataPacket,
  SslOptions,
  StatisticsPacket,
  TypeCast,
  TypeCastField,
} from './index';

export interface PromiseQueryable {
  /**
   * Resolves `[rows, fields]`, as mysql2/promise; `T` is what the statement returns, e.g.
   * `RowDataPacket[]` (or your `interface User extends RowDataPacket`), `ResultSetHeader`.
   */
  query<T extends QueryResult = QueryResult>(
    sql: string | QueryOptions,
    values?: any,
  ): Promise<[T, QueryFields<T>]>;
  /** The same as query() (text protocol; values escaped by the client). */
  execute<T extends QueryResult = QueryResult>(
    sql: string | QueryOptions,
    values?: any,
  ): Promise<[T, QueryFields<T>]>;
}

/** query() and execute(), from PromiseQueryable (declaration merging). */
export interface PromiseConnection extends PromiseQueryable {}
export declare class PromiseConnection extends EventEmitter implements PromiseQueryable {
  constructor(connection: CallbackConnection);
  /** The callback-API connection underneath. */
  readonly connection: CallbackConnection;
  readonly config: ConnectionConfig;
  readonly threadId: number | null;
  readonly state: string;
  connect(): Promise<void>;
  beginTransaction(options?: any): Promise<[OkPacket, undefined]>;
  commit(options?: any): Promise<[OkPacket, undefined]>;
  rollback(options?: any): Promise<[OkPacket, undefined]>;
  ping(): Promise<true>;
  changeUser(options?: {
    user?: string;
    password?: string;
    database?: string;
    charset?: string;
  }): Promise<void>;
  reset(): Promise<void>;
  statistics(): Promise<StatisticsPacket>;
  end(): Promise<void>;
  destroy(): void;
  pause(): void;
  resume(): void;
  stats(): ConnectionStats;
  escape(value: any): string;
  escapeId(value: string): string;
  format(sql: string, values?: any): string;
  /** `await using conn = await createConnection(...)`: end() unless already ended or destroyed. */
  [Symbol.asyncDispose](): Promise<void>;
}

export declare class PromisePoolConnection extends PromiseConnection {
  constructor(connection: CallbackPoolConnection);
  readonly connection: CallbackPoolConnection;
  release(): void;
  /** `await using`: release(). */
  [Symbol.asyncDispose](): Promise<void>;
}

/** query() and execute(), from PromiseQueryable (declaration merging). */
export interface PromisePool extends PromiseQueryable {}
export declare class PromisePool extends EventEmitter implements PromiseQueryable {
  constructor(pool: CallbackPool);
  /** The callback-API pool underneath. */
  readonly pool: CallbackPool;
  readonly config: PoolConfig;
  getConnection(): Promise<PromisePoolConnection>;
  releaseConnection(connection: PromisePoolConnection): void;
  end(): Promise<void>;
  stats(): PoolStats;
  escape(value: any): string;
  escapeId(value: string): string;
  format(sql: string, values?: any): string;
  /** `await using`: end() unless already ended. */
  [Symbol.asyncDispose](): Promise<void>;
}

/** query() and execute(), from PromiseQueryable (declaration merging). */
export interface PromisePoolNamespace extends PromiseQueryable {}
export declare class PromisePoolNamespace implements PromiseQueryable {
  constructor(namespace: CallbackPoolNamespace);
  readonly poolNamespace: CallbackPoolNamespace;
  getConnection(): Promise<PromisePoolConnection>;
}

/** query() and execute(), from PromiseQueryable (declaration merging). */
export interface PromisePoolCluster extends PromiseQueryable {}
export declare class PromisePoolCluster extends EventEmitter implements PromiseQueryable {
  constructor(cluster: CallbackPoolCluster);
  readonly poolCluster: CallbackPoolCluster;
  add(config: PoolOptions): void;
  add(id: string, config: string | PoolOptions): void;
  remove(pattern: string | RegExp): void;
  of(pattern?: string | RegExp, selector?: string): PromisePoolNamespace;
  getConnection(pattern?: string | RegExp, selector?: string): Promise<PromisePoolConnection>;
  end(): Promise<void>;
  stats(): ReturnType<CallbackPoolCluster['stats']>;
  /** `await using`: end() unless already ended. */
  [Symbol.asyncDispose](): Promise<void>;
}

// mysql2/promise's type names for the promise classes (types only: promise.js exports the classes
// under their Promise* names).
export type Connection = PromiseConnection;
export type PoolConnection = PromisePoolConnection;
export type Pool = PromisePool;
export type PoolNamespace = PromisePoolNamespace;
export type PoolCluster = PromisePoolCluster;

/** Resolves once connected; rejects if the connection gives up. */
export function createConnection(config: string | ConnectionOptions): Promise<PromiseConnection>;
export function createPool(config: string | PoolOptions): PromisePool;
export function createPoolCluster(config?: PoolClusterOptions): PromisePoolCluster;
