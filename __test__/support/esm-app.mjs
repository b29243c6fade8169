// An ES module site, as a mysql2 user would write it: default and named imports of both entry
// points by name. Copied into a site whose node_modules/reconnecting-mysql is this checkout by
// esm.test.js and run there against the private server (DB_CONFIG); prints what it saw as JSON.
import { createRequire } from 'node:module';
import mysql, { createConnection, Types } from 'reconnecting-mysql';
import mysqlp, { createPool } from 'reconnecting-mysql/promise';

const require = createRequire(import.meta.url);
const config = JSON.parse(process.env.DB_CONFIG);

const conn = createConnection(config);
const callback = await new Promise((resolve, reject) =>
  conn.query('SELECT ? AS x', [1], (err, rows, fields) =>
    err ? reject(err) : resolve({ x: rows[0].x, type: Types[fields[0].type] }),
  ),
);
await new Promise((resolve) => conn.end(resolve));

const promised = await mysqlp.createConnection(config);
const [rows, fields] = await promised.query('SELECT ? AS y', ['two']);
await promised.query('CREATE TEMPORARY TABLE esm (id INT AUTO_INCREMENT PRIMARY KEY)');
const [ok, okFields] = await promised.execute('INSERT INTO esm VALUES (NULL), (NULL)');
await promised.end();

const pool = createPool(config);
const [[{ two }]] = await pool.query('SELECT 1 + 1 AS two');
await pool.end();

console.log(
  JSON.stringify({
    sameModules: mysql === require('reconnecting-mysql') && mysqlp === require('reconnecting-mysql/promise'),
    namedAreTheModules:
      createConnection === mysql.createConnection &&
      createPool === mysqlp.createPool &&
      Types === mysql.Types,
    callback,
    promise: { y: rows[0].y, row: rows[0].constructor.name, field: fields[0].constructor.name },
    ok: { affectedRows: ok.affectedRows, insertId: ok.insertId, kind: ok.constructor.name, fields: okFields },
    two,
    entry: import.meta.resolve('reconnecting-mysql'),
  }),
);
