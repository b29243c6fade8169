// Compiled by types.test.js (module commonjs, strict, isolatedModules): the promise API's types in
// mysql2/promise's shape. A line after `@ts-expect-error TSnnnn` must fail with exactly that error
// (the test checks the code).
import * as mysql from 'reconnecting-mysql/promise';
import type { ResultSetHeader, RowDataPacket } from 'reconnecting-mysql/promise';

interface Row extends RowDataPacket {
  x: number;
}

async function main(): Promise<void> {
  const conn: mysql.PromiseConnection = await mysql.createConnection({
    host: '127.0.0.1',
    reconnect: { maxAttempts: 3 },
  });
  const [rows, fields] = await conn.query<Row[]>('SELECT ? AS x', [1]);
  console.log(rows[0].x.toFixed(), fields[0].name);
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
  const [inserted] = await pool.query<ResultSetHeader>('INSERT INTO t VALUES (?)', [1]);
  const [legacy] = await pool.query<mysql.OkPacket>('INSERT INTO t VALUES (?)', [2]);
  console.log(inserted.insertId, legacy.affectedRows, pool.stats().waiting);
  await pool.end();

  const cluster = mysql.createPoolCluster();
  cluster.add('A', { host: 'a' });
  await cluster.of('A').query('SELECT 1');
  await cluster.end();

  // @ts-expect-error TS2339 createQuery is the callback API's (promise.js has none)
  mysql.createQuery('SELECT 1');
  // @ts-expect-error TS2339 a PromiseConnection has no createQuery either
  conn.createQuery('SELECT 1');
  // @ts-expect-error TS2339 Connection is a type here (mysql2's name for PromiseConnection), not a value
  console.log(conn instanceof mysql.Connection);
}
main().catch((err: mysql.MysqlError) => console.log(err.outcome));
