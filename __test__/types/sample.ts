// Compiled by types.test.js (module commonjs, strict, isolatedModules; TypeScript's CommonJS
// interop, resolved through the exports map and through `types` alone): the public types must
// accept mysql-style code and our options and events. A line after `@ts-expect-error TSnnnn` must
// fail with exactly that error (the test checks the code).
import * as mysql from 'reconnecting-mysql';

const conn: mysql.Connection = mysql.createConnection({
  host: '127.0.0.1',
  user: 'app',
  password: 'secret',
  database: 'shop',
  reconnect: { maxAttempts: 10, baseDelay: 50 },
  queueTimeout: 5000,
  keepAlive: true,
  pingAfterIdle: false,
  onConnect: (hook, done) => hook.query("SET time_zone = '+00:00'", (err) => done(err)),
});

const secure = mysql.createConnection({
  host: 'db.internal',
  ssl: {
    ca: ['-----BEGIN CERTIFICATE-----'],
    servername: 'db.example.com',
    minVersion: 'TLSv1.2',
    maxVersion: 'TLSv1.3',
    ciphers: 'ignored-by-rustls',
  },
});
secure.destroy();

mysql.createConnection({
  // @ts-expect-error TS2353
  ssl: { ca: 'pem', verifyIdentity: true },
});

conn.on('reconnect', (event) => {
  const down: number = event.downtime;
  const lost: string[] = event.lostState;
  console.log(down, lost, event.previousThreadId);
});
conn.on('reconnecting', ({ attempt, delay }) => console.log(attempt + delay));

const replicated = mysql.createConnection({
  hosts: ['db1:3306', { host: 'db2', port: 3307 }],
  failoverDeny: 2000,
  failoverReadOnly: true,
  user: 'app',
});
replicated.on('failover', ({ from, to, reason, error }) => {
  const why: 'unavailable' | 'read-only' | 'not-ready' = reason;
  console.log(from, to, why, error && error.code);
});
replicated.on('reconnect', ({ host, previousHost }) => console.log(host, previousHost));
conn.on('error', (err) => {
  const outcome: 'unknown' | 'not_executed' | undefined = err.outcome;
  console.log(err.code, err.fatal, outcome);
});

conn.query('SELECT ? AS x', [1], (err, rows, fields) => {
  if (err) throw err;
  console.log(rows[0].x, fields && fields[0].name);
});
const q: mysql.Query = conn.query({ sql: 'SELECT 1', timeout: 1000, idempotent: true });
q.on('result', (row, index) => console.log(row, index)).on('end', () => conn.end());
q.stream({ highWaterMark: 5 }).pipe(process.stdout);
conn.beginTransaction((err) => console.log(err && err.sqlMessage));
conn.statistics((err, stats) => console.log(stats.uptime));
const sql: string =
  mysql.format('SELECT ?? FROM t WHERE id = ?', ['a', 1]) + mysql.escape('x') + mysql.escapeId('t');
console.log(sql, mysql.raw('NOW()').toSqlString());

const pool: mysql.Pool = mysql.createPool({
  host: '127.0.0.1',
  connectionLimit: 4,
  maxLifetime: 60000,
  idleTimeout: false,
  resetOnRelease: true,
});
pool.on('acquire', (connection) => console.log(connection.threadId));
pool.getConnection((err, connection) => {
  if (err) return console.log(err.code);
  connection.query('SELECT 1', () => connection.release());
  const stats: mysql.ConnectionStats = connection.stats();
  console.log(stats.reconnects, stats.hosts[stats.host].downtimeMs);
});
pool.query('SELECT ?', [1], (err, rows) => console.log(err, rows));
const poolStats: mysql.PoolStats = pool.stats();
console.log(poolStats.free, poolStats.connections[0].idleMs);
pool.end((err) => console.log(err));

const cluster: mysql.PoolCluster = mysql.createPoolCluster({ canRetry: true, defaultSelector: 'ORDER' });
cluster.add('MASTER', { host: 'db1' });
cluster.add({ host: 'db2' });
cluster.on('remove', (nodeId) => console.log(nodeId.toLowerCase()));
cluster.getConnection('SLAVE*', 'RR', (err, connection) => connection.release());
cluster.of(/^SLAVE/).query('SELECT 1');

const fieldType: mysql.Types = mysql.Types.LONG;
conn.query('SELECT 1', (err, rows, fields) => console.log(fields && fields[0].type === fieldType));
// @ts-expect-error TS2322 queueTimeout is a number
mysql.createConnection({ queueTimeout: 'soon' });
// @ts-expect-error TS2339 no such type code
console.log(mysql.Types.NOPE);
// @ts-expect-error TS2561 not an option (a typo)
mysql.createPool({ connectionLimt: 2 });
