// The same as esm-app.mjs in TypeScript (an .mts, module nodenext, verbatimModuleSyntax):
// esm.test.js compiles it and runs the output, so what the types accept is what runs.
import mysql, { createConnection, Types } from 'reconnecting-mysql';
import mysqlp, { createPool } from 'reconnecting-mysql/promise';
import type { FieldInfo, ResultSetHeader, RowDataPacket } from 'reconnecting-mysql';

interface Row extends RowDataPacket {
  y: string;
}

const config = JSON.parse(process.env['DB_CONFIG'] ?? '{}');

const conn = createConnection(config);
const callback = await new Promise<{ x: number; type: string }>((resolve, reject) =>
  conn.query('SELECT ? AS x', [1], (err, rows, fields?: FieldInfo[]) =>
    err || !fields ? reject(err) : resolve({ x: rows[0].x, type: Types[fields[0].type] }),
  ),
);
await new Promise<void>((resolve) => conn.end(() => resolve()));

const promised = await mysqlp.createConnection(config);
const [rows, fields] = await promised.query<Row[]>('SELECT ? AS y', ['two']);
await promised.query('CREATE TEMPORARY TABLE esm (id INT AUTO_INCREMENT PRIMARY KEY)');
const [ok, okFields] = await promised.execute<ResultSetHeader>('INSERT INTO esm VALUES (NULL), (NULL)');
await promised.end();

const pool = createPool(config);
const [[{ two }]] = await pool.query<RowDataPacket[]>('SELECT 1 + 1 AS two');
await pool.end();

console.log(
  JSON.stringify({
    sameModules: mysql.createConnection === createConnection && mysqlp.createPool === createPool,
    callback,
    promise: { y: rows[0].y, row: rows[0].constructor.name, field: fields[0].constructor.name },
    ok: { affectedRows: ok.affectedRows, insertId: ok.insertId, kind: ok.constructor.name, fields: okFields },
    two,
  }),
);
