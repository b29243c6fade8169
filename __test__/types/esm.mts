// Compiled by types.test.js (module nodenext and preserve, verbatimModuleSyntax, isolatedModules,
// strict): an ES module importing the package by name, as a mysql2 user would. A line after
// `@ts-expect-error TSnnnn` must fail with exactly that error (the test checks the code).
import mysql from 'reconnecting-mysql';
import { createConnection, createPool, escape, format, Types } from 'reconnecting-mysql';
import mysqlp from 'reconnecting-mysql/promise';
import * as promiseApi from 'reconnecting-mysql/promise';
import { PromiseConnection, createPool as createPromisePool } from 'reconnecting-mysql/promise';
import type { FieldPacket, OkPacket, ResultSetHeader, RowDataPacket } from 'reconnecting-mysql';
import type * as P from 'reconnecting-mysql/promise';
// @ts-expect-error TS1484 Connection is a type (promise.js exports no Connection): `import type` it
import { Connection } from 'reconnecting-mysql/promise';

type Equal<A, B> = (<G>() => G extends A ? 1 : 2) extends <G>() => G extends B ? 1 : 2 ? true : false;
const assertType = <T extends true>(): T | undefined => undefined;

interface User extends RowDataPacket {
  id: number;
  name: string;
}

// The callback API: default and named imports are the same functions.
const conn = createConnection({ host: 'db', reconnect: { maxAttempts: 3 } });
const same: typeof createConnection = mysql.createConnection;
conn.query('SELECT ?', [1], (err, rows) => console.log(err && err.code, rows, same));
const long = Types.LONG;
assertType<Equal<typeof long, 3>>();
assertType<Equal<typeof mysql.Types.GEOMETRY, 255>>();
const typeName: string = mysql.Types[3];
const code: mysql.Types = Types.VAR_STRING;
console.log(typeName, code, escape('x'), format('?', [1]), createPool({ connectionLimit: 1 }).config);
// @ts-expect-error TS2339 no such type code
console.log(mysql.Types.NOPE);
// @ts-expect-error TS2322 queueTimeout is a number
createConnection({ queueTimeout: 'soon' });

export async function promises(): Promise<void> {
  const c: PromiseConnection = await mysqlp.createConnection({ host: 'db', user: 'app' });
  const [users, userFields] = await c.query<User[]>('SELECT id, name FROM users WHERE id = ?', [1]);
  assertType<Equal<typeof users, User[]>>();
  assertType<Equal<typeof userFields, FieldPacket[]>>();
  console.log(users[0].id.toFixed(), users[0].name.toUpperCase(), userFields[0].orgName);
  const [rows] = await c.query<RowDataPacket[]>('SELECT 1 AS x');
  console.log(rows[0].x, rows.length);
  const [header, noFields] = await c.execute<ResultSetHeader>('INSERT INTO t VALUES (?)', [1]);
  assertType<Equal<typeof noFields, undefined>>();
  const ok: OkPacket = header;
  console.log(header.insertId, header.affectedRows, header.changedRows, ok.warningCount);
  const [multi, multiFields] = await c.query<[RowDataPacket[], ResultSetHeader]>('CALL p()');
  assertType<Equal<typeof multiFields, Array<FieldPacket[] | undefined>>>();
  console.log(multi[0][0], multi[1].affectedRows);
  const [anything] = await c.query('SELECT 1');
  assertType<Equal<typeof anything, P.QueryResult>>();
  const pool: P.Pool = createPromisePool({ connectionLimit: 2 });
  const pooled: P.PoolConnection = await pool.getConnection();
  pooled.release();
  const [[first]] = await pool.query<User[]>('SELECT 1');
  console.log(first.name, promiseApi.Types.LONG, mysqlp.escapeId('t'), mysqlp.raw('NOW()').toSqlString());
  await pool[Symbol.asyncDispose]();
  const typed: Connection = c;
  await typed.end();

  // @ts-expect-error TS2339 createQuery is the callback API's (promise.js has none)
  mysqlp.createQuery('SELECT 1');
  // @ts-expect-error TS2339 not on the promise module
  promiseApi.createQuery('SELECT 1');
  // @ts-expect-error TS2344 a row type extends RowDataPacket, as in mysql2
  await c.query<{ x: number }[]>('SELECT 1 AS x');
  // @ts-expect-error TS2339 mysql2's ResultSetHeader.info is `message` here (mysql's OkPacket)
  console.log(header.info);
  // @ts-expect-error TS2339 mysql2's FieldPacket.columnType is `type` here
  console.log(userFields[0].columnType);
  // @ts-expect-error TS2532 fields of a result that may be an OkPacket may be undefined
  console.log((await c.query('SELECT 1'))[1].length);
  // @ts-expect-error TS2554 the promise createConnection takes options, not a callback
  await mysqlp.createConnection({ host: 'db' }, () => {});
}
