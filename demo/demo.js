'use strict';
// A site-like loop of queries against a private MariaDB while the database misbehaves the way
// production databases do: the connection idles past wait_timeout, an admin KILLs it, the server
// restarts. Every event is printed; the goal is zero failed queries.
//
//   npm run demo

const mysql = require('..');
const { startServer } = require('../__test__/support/mariadb');

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const started = Date.now();
const log = (...args) =>
  console.log(`[${((Date.now() - started) / 1000).toFixed(2).padStart(6)} s]`, ...args);

async function main() {
  log('starting a private MariaDB (temp datadir, free port)...');
  const server = await startServer({ args: ['--wait-timeout=2'] });
  log(`MariaDB on 127.0.0.1:${server.port}, wait_timeout = 2 s`);

  const db = mysql.createConnection(server.config());
  db.on('connect', () => log(`event connect        threadId=${db.threadId}`));
  db.on('disconnect', (e) =>
    log(`event disconnect     ${e.error ? e.error.code + ': ' + e.error.message : ''}`),
  );
  db.on('reconnecting', (e) =>
    log(
      `event reconnecting   attempt=${e.attempt} delay=${Math.round(e.delay)} ms (${e.error ? e.error.code : ''})`,
    ),
  );
  db.on('reconnect', (e) =>
    log(
      `event reconnect      threadId ${e.previousThreadId} -> ${e.threadId} after ${e.attempts} attempt(s), ${Math.round(e.downtime)} ms down`,
    ),
  );
  db.on('error', (e) => log(`event error          ${e.code}: ${e.message}`));

  let ok = 0;
  let failed = 0;
  const request = (label) =>
    new Promise((resolve) => {
      // A read-only page query may run twice without harm, so it says so: one in flight when
      // the server goes down (its outcome unknown) is then sent again on the new connection,
      // instead of failing as a statement that might have run must.
      const sql = 'SELECT ? AS page, NOW() AS at, CONNECTION_ID() AS thread';
      db.query({ sql, values: [label], idempotent: true }, (err, rows) => {
        if (err) {
          failed++;
          log(`query ${label}: FAILED ${err.code}: ${err.message}`);
        } else {
          ok++;
          log(`query ${label}: ok (thread ${rows[0].thread})`);
        }
        resolve();
      });
    });

  for (let i = 1; i <= 3; i++) await request(`/home #${i}`);

  log('--- the site goes quiet for 3 s: longer than wait_timeout');
  await sleep(3000);
  await request('/after-idle');

  log('--- an admin KILLs our connection');
  await server.killConnection(db.threadId);
  await sleep(100);
  await request('/after-kill');

  log('--- the server restarts; requests keep arriving during the outage');
  const stopping = server.stop();
  const during = [request('/during-restart #1'), request('/during-restart #2')];
  await stopping;
  log('server is down');
  during.push(request('/during-restart #3'));
  await sleep(500);
  await server.start();
  log('server is up again');
  await Promise.all(during);
  await request('/after-restart');

  log(`done: ${ok} queries succeeded, ${failed} failed`);
  await new Promise((resolve) => db.end(resolve));
  await server.destroy();
  process.exitCode = failed === 0 ? 0 : 1;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
