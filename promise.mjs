// `import mysql from 'reconnecting-mysql/promise'`: the CommonJS module itself (one instance for
// import and require), and its exports as named imports (Node's CommonJS detection finds only some).
import mysql from './promise.js';

export default mysql;
export const {
  createConnection,
  createPool,
  createPoolCluster,
  escape,
  escapeId,
  format,
  raw,
  Types,
  PromiseConnection,
  PromisePool,
  PromisePoolConnection,
  PromisePoolCluster,
  PromisePoolNamespace,
} = mysql;
