// `import mysql from 'reconnecting-mysql'`: the CommonJS module itself (one instance for import and
// require), and its exports as named imports (Node's CommonJS detection misses the `Types` getter).
import mysql from './index.js';

export default mysql;
export const {
  createConnection,
  createPool,
  createPoolCluster,
  createQuery,
  escape,
  escapeId,
  format,
  raw,
  Types,
} = mysql;
