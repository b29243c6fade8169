'use strict';
// What `trace: true` (the default) costs: sequential SELECT 1 on one connection with trace on
// and one with trace off, callback and promise API, in interleaved rounds in one process.
// Prints the per-round ratios (on / off) of wall time and of process CPU (all threads).
//
//   node bench/trace.js [--rounds=21] [--n=4000]

const { startServer } = require('../__test__/support/mariadb');
const mysql = require('..');
const mysqlPromise = require('../promise');

function arg(name, fallback) {
  const given = process.argv.find((a) => a.startsWith(name + '='));
  const value = given === undefined ? fallback : Number(given.slice(name.length + 1));
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} wants a positive integer`);
  return value;
}
const ROUNDS = arg('--rounds', 21);
const N = arg('--n', 4000);

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function callbackRun(conn, n) {
  return new Promise((resolve, reject) => {
    let left = n;
    const next = (err) => {
      if (err) return reject(err);
      if (--left === 0) return resolve();
      conn.query('SELECT 1', next);
    };
    conn.query('SELECT 1', next);
  });
}

async function promiseRun(conn, n) {
  for (let i = 0; i < n; i++) await conn.query('SELECT 1');
}

async function measure(run, conn) {
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  await run(conn, N);
  const wall = Number(process.hrtime.bigint() - t0) / 1e3 / N;
  const cpu = process.cpuUsage(cpu0);
  return { wall, cpu: (cpu.user + cpu.system) / N };
}

async function main() {
  const server = await startServer({});
  try {
    const config = server.config();
    const cb = {
      on: mysql.createConnection({ ...config, trace: true }),
      off: mysql.createConnection({ ...config, trace: false }),
    };
    const pr = {
      on: await mysqlPromise.createConnection({ ...config, trace: true }),
      off: await mysqlPromise.createConnection({ ...config, trace: false }),
    };
    const apis = [
      { name: 'callback', run: callbackRun, conns: cb },
      { name: 'promise', run: promiseRun, conns: pr },
    ];
    // Warm-up: both paths optimised before the first counted round.
    for (const api of apis) for (const k of ['on', 'off']) await api.run(api.conns[k], N);
    const results = {};
    for (const api of apis) results[api.name] = { wall: [], cpu: [], on: [], off: [] };
    for (let r = 0; r < ROUNDS; r++) {
      for (const api of apis) {
        // Alternate which goes first, so neither always runs on a warmer cache.
        const order = r % 2 ? ['off', 'on'] : ['on', 'off'];
        const m = {};
        for (const k of order) m[k] = await measure(api.run, api.conns[k]);
        const res = results[api.name];
        res.wall.push(m.on.wall / m.off.wall);
        res.cpu.push(m.on.cpu / m.off.cpu);
        res.on.push(m.on);
        res.off.push(m.off);
      }
    }
    console.log(`trace on / off, ${ROUNDS} interleaved rounds of ${N} sequential SELECT 1 (per-round ratio)`);
    console.log('api        wall on  wall off  ratio (min-max)        cpu on  cpu off  ratio (min-max)');
    for (const api of apis) {
      const res = results[api.name];
      const f = (x) => x.toFixed(1).padStart(7);
      const rr = (xs) =>
        `${median(xs).toFixed(3)} (${Math.min(...xs).toFixed(2)}-${Math.max(...xs).toFixed(2)})`;
      console.log(
        `${api.name.padEnd(9)} ${f(median(res.on.map((m) => m.wall)))}us ${f(median(res.off.map((m) => m.wall)))}us  ${rr(res.wall).padEnd(21)} ${f(median(res.on.map((m) => m.cpu)))}us ${f(median(res.off.map((m) => m.cpu)))}us  ${rr(res.cpu)}`,
      );
    }
    cb.on.end();
    cb.off.end();
    await pr.on.end();
    await pr.off.end();
  } finally {
    await server.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
