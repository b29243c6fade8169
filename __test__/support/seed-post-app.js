'use strict';
// The seed post's site, as a user would write it: `require('reconnecting-mysql')` where it said
// `require('mysql')`. Copied into a freshly installed site by the install tests and run there:
// it queries, has the server KILL its connection, queries again (which must heal), and prints
// what it saw as JSON. DB_CONFIG holds the private server's connection options.
const mysql = require('reconnecting-mysql');

const config = JSON.parse(process.env.DB_CONFIG);
const conn = mysql.createConnection(config);
const admin = mysql.createConnection(config);
const events = [];
conn.on('reconnect', () => events.push('reconnect'));
conn.on('error', (err) => events.push(`error ${err.code}`));

const query = (c, sql, values) =>
  new Promise((resolve, reject) => c.query(sql, values, (err, rows) => (err ? reject(err) : resolve(rows))));

async function main() {
  const [{ id: first }] = await query(conn, 'SELECT CONNECTION_ID() AS id');
  await query(admin, 'KILL ?', [first]);
  // Wait for the server to drop it, so the next query meets a dead connection for certain.
  const deadline = Date.now() + 10000;
  while ((await query(admin, 'SELECT ID FROM information_schema.PROCESSLIST WHERE ID = ?', [first])).length) {
    if (Date.now() > deadline) throw new Error('the killed connection did not go away');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  const [{ id: second, two }] = await query(conn, 'SELECT CONNECTION_ID() AS id, 1 + 1 AS two');
  await Promise.all([conn, admin].map((c) => new Promise((resolve) => c.end(resolve))));
  const entry = require.resolve('reconnecting-mysql');
  console.log(JSON.stringify({ first, second, two, events, entry }));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
