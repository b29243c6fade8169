// The same in a CommonJS TypeScript file (a .cts, module nodenext, verbatimModuleSyntax):
// esm.test.js compiles it and runs the output.
import mysql = require('reconnecting-mysql');
import mysqlp = require('reconnecting-mysql/promise');
import type { ResultSetHeader, RowDataPacket } from 'reconnecting-mysql/promise';

const config = JSON.parse(process.env['DB_CONFIG'] ?? '{}');

async function main(): Promise<void> {
  const conn = mysql.createConnection(config);
  const x = await new Promise<number>((resolve, reject) =>
    conn.query('SELECT ? AS x', [1], (err, rows) => (err ? reject(err) : resolve(rows[0].x))),
  );
  await new Promise<void>((resolve) => conn.end(() => resolve()));

  const promised = await mysqlp.createConnection(config);
  const [rows, fields] = await promised.query<RowDataPacket[]>('SELECT ? AS y', ['two']);
  await promised.query('CREATE TEMPORARY TABLE cjs (id INT AUTO_INCREMENT PRIMARY KEY)');
  const [ok] = await promised.execute<ResultSetHeader>('INSERT INTO cjs VALUES (NULL)');
  await promised.end();
  console.log(
    JSON.stringify({
      x,
      long: mysql.Types.LONG,
      promise: { y: rows[0].y, field: fields[0].name },
      ok: { affectedRows: ok.affectedRows, kind: ok.constructor.name },
    }),
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
