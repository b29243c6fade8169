// Types for `reconnecting-mysql/promise`: the callback API's classes with promises, in
// mysql2/promise's shape (`const [rows, fields] = await conn.query(...)`).

/// <reference types="node" />

import { EventEmitter } from 'events';
import {
  Connection,
  ConnectionConfig,
  ConnectionOptions,
  ConnectionStats,
  FieldInfo,
  OkPacket,
  Pool,
  PoolCluster,
  PoolClusterOptions,
  PoolConfig,
  PoolConnection,
  PoolNamespace,
  PoolOptions,
  PoolStats,
  QueryOptions,
  StatisticsPacket,
} from './index';

export * from './index';

export type QueryResult<T = any> = [T, FieldInfo[] | undefined];

export interface PromiseQueryable {
  query<T = any>(sql: string | QueryOptions, values?: any): Promise<QueryResult<T>>;
  /** The same as query() (text protocol; values escaped by the client). */
  execute<T = any>(sql: string | QueryOptions, values?: any): Promise<QueryResult<T>>;
}

export declare class PromiseConnection extends EventEmitter implements PromiseQueryable {
  /** The callback-API connection underneath. */
  readonly connection: Connection;
  readonly config: ConnectionConfig;
  readonly threadId: number | null;
  readonly state: string;
  query<T = any>(sql: string | QueryOptions, values?: any): Promise<QueryResult<T>>;
  execute<T = any>(sql: string | QueryOptions, values?: any): Promise<QueryResult<T>>;
  connect(): Promise<void>;
  beginTransaction(options?: any): Promise<QueryResult<OkPacket>>;
  commit(options?: any): Promise<QueryResult<OkPacket>>;
  rollback(options?: any): Promise<QueryResult<OkPacket>>;
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
}

export declare class PromisePoolConnection extends PromiseConnection {
  readonly connection: PoolConnection;
  release(): void;
}

export declare class PromisePool extends EventEmitter implements PromiseQueryable {
  /** The callback-API pool underneath. */
  readonly pool: Pool;
  readonly config: PoolConfig;
  getConnection(): Promise<PromisePoolConnection>;
  releaseConnection(connection: PromisePoolConnection): void;
  query<T = any>(sql: string | QueryOptions, values?: any): Promise<QueryResult<T>>;
  execute<T = any>(sql: string | QueryOptions, values?: any): Promise<QueryResult<T>>;
  end(): Promise<void>;
  stats(): PoolStats;
  escape(value: any): string;
  escapeId(value: string): string;
  format(sql: string, values?: any): string;
}

export declare class PromisePoolNamespace implements PromiseQueryable {
  readonly poolNamespace: PoolNamespace;
  getConnection(): Promise<PromisePoolConnection>;
  query<T = any>(sql: string | QueryOptions, values?: any): Promise<QueryResult<T>>;
  execute<T = any>(sql: string | QueryOptions, values?: any): Promise<QueryResult<T>>;
}

export declare class PromisePoolCluster extends EventEmitter implements PromiseQueryable {
  readonly poolCluster: PoolCluster;
  add(config: PoolOptions): void;
  add(id: string, config: string | PoolOptions): void;
  remove(pattern: string | RegExp): void;
  of(pattern?: string | RegExp, selector?: string): PromisePoolNamespace;
  getConnection(pattern?: string | RegExp, selector?: string): Promise<PromisePoolConnection>;
  query<T = any>(sql: string | QueryOptions, values?: any): Promise<QueryResult<T>>;
  execute<T = any>(sql: string | QueryOptions, values?: any): Promise<QueryResult<T>>;
  end(): Promise<void>;
  stats(): ReturnType<PoolCluster['stats']>;
}

/** Resolves once connected; rejects if the connection gives up. */
export function createConnection(config: string | ConnectionOptions): Promise<PromiseConnection>;
export function createPool(config: string | PoolOptions): PromisePool;
export function createPoolCluster(config?: PoolClusterOptions): PromisePoolCluster;
