// Compiled by types.test.js: the promise API's types in mysql2/promise's shape.
import * as mysql from '../../promise';

async function main(): Promise<void> {
  const conn: mysql.PromiseConnection = await mysql.createConnection({
    host: '127.0.0.1',
    reconnect: { maxAttempts: 3 },
  });
  const [rows, fields] = await conn.query<Array<{ x: number }>>('SELECT ? AS x', [1]);
  console.log(rows[0].x, fields && fields[0].name);
  const [ok] = await conn.beginTransaction();
  console.log(ok.serverStatus);
  await conn.commit();
  const alive: true = await conn.ping();
  conn.on('reconnect', (event: mysql.ReconnectEvent) => console.log(event.downtime, alive));
  await conn.end();

  const pool = mysql.createPool({ connectionLimit: 2 });
  const pooled: mysql.PromisePoolConnection = await pool.getConnection();
  await pooled.execute('SELECT 1');
  pooled.release();
  const [inserted] = await pool.query<mysql.OkPacket>('INSERT INTO t VALUES (?)', [1]);
  console.log(inserted.insertId, pool.stats().waiting);
  await pool.end();

  const cluster = mysql.createPoolCluster();
  cluster.add('A', { host: 'a' });
  await cluster.of('A').query('SELECT 1');
  await cluster.end();
}
main().catch((err: mysql.MysqlError) => console.log(err.outcome));
