// Compiled by types.test.js (module commonjs and nodenext, verbatimModuleSyntax, isolatedModules,
// strict): a CommonJS file requiring the package by name. A line after `@ts-expect-error TSnnnn`
// must fail with exactly that error (the test checks the code).
import mysql = require('reconnecting-mysql');
import mysqlp = require('reconnecting-mysql/promise');
import type { FieldPacket, ResultSetHeader, RowDataPacket } from 'reconnecting-mysql/promise';

type Equal<A, B> = (<G>() => G extends A ? 1 : 2) extends <G>() => G extends B ? 1 : 2 ? true : false;
const assertType = <T extends true>(): T | undefined => undefined;

const conn: mysql.Connection = mysql.createConnection({ host: 'db', hosts: ['db1', { host: 'db2' }] });
conn.on('failover', ({ from, to }) => console.log(from, to));
conn.query('SELECT 1 AS x', (err, rows, fields?: mysql.FieldInfo[]) => {
  if (err) throw err;
  console.log(rows[0].x, fields && fields[0].type === mysql.Types.LONG);
});
const created: mysql.Query = mysql.createQuery('SELECT 1');
console.log(created.sql, mysql.Types.DATETIME2.toFixed(), mysql.Types[18]);
assertType<Equal<typeof mysql.Types.JSON, 245>>();
const host: mysql.HostStats | undefined = conn.stats().hosts['db1:3306'];
console.log(host && host.downtimeMs);

async function promises(): Promise<void> {
  const pool = mysqlp.createPool({ host: 'db', connectionLimit: 2 });
  const [rows, fields] = await pool.query<RowDataPacket[]>('SELECT 1 AS x');
  assertType<Equal<typeof fields, FieldPacket[]>>();
  console.log(rows[0].x);
  const [result] = await pool.execute<ResultSetHeader>('UPDATE t SET x = 1');
  console.log(result.changedRows, result.message);
  const cluster: mysqlp.PoolCluster = mysqlp.createPoolCluster({ canRetry: false });
  cluster.add('A', { host: 'a' });
  const [[row]] = await cluster.of('A').query<RowDataPacket[]>('SELECT 1 AS x');
  console.log(row.x, cluster.stats().nodes['A'].offline);
  await cluster.end();
  await pool.end();
  // @ts-expect-error TS2339 createQuery is the callback API's (promise.js has none)
  mysqlp.createQuery('SELECT 1');
  // @ts-expect-error TS2322 connectionLimit is a number
  mysqlp.createPool({ connectionLimit: '2' });
}
promises().catch((err: mysqlp.MysqlError) => console.log(err.code, err.outcome));
// @ts-expect-error TS2339 no such type code
console.log(mysql.Types.NOPE);
// @ts-expect-error TS2820 minVersion is one of the TLS versions
mysql.createConnection({ ssl: { minVersion: 'TLSv1.4' } });
