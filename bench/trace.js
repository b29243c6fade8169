'use strict';
// What `trace: true` (the default) costs: sequential SELECT 1 on one connection with trace on
// and one with trace off, callback and promise API, in interleaved rounds in one process.
// Prints the per-round ratios (on / off) of wall time and of process CPU (all threads).
//
// With --fresh, each measurement runs in a process of its own instead (on and off alternating):
// slower, but one connection's warmed-up state or a VM's swing cannot favour either side.
//
//   node bench/trace.js [--rounds=21] [--n=4000] [--fresh]

const { execFileSync } = require('node:child_process');
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

const APIS = { callback: callbackRun, promise: promiseRun };

/** A child of --fresh: one measurement of `api` with trace `on`/`off`, printed as JSON. */
async function child(spec) {
  const [api, trace] = spec.split(',');
  const config = { ...JSON.parse(process.env.TRACE_BENCH_CONFIG), trace: trace === 'on' };
  const conn =
    api === 'promise' ? await mysqlPromise.createConnection(config) : mysql.createConnection(config);
  await APIS[api](conn, N); // warm-up
  console.log(JSON.stringify(await measure(APIS[api], conn)));
  await new Promise((resolve) => (api === 'promise' ? conn.end().then(resolve) : conn.end(resolve)));
}

function measureInChild(config, api, trace) {
  const out = execFileSync(process.execPath, [__filename, `--child=${api},${trace}`, `--n=${N}`], {
    env: { ...process.env, TRACE_BENCH_CONFIG: JSON.stringify(config) },
  });
  return JSON.parse(out);
}

function report(results, how) {
  console.log(
    `trace on / off, ${ROUNDS} interleaved rounds of ${N} sequential SELECT 1 ${how} (per-round ratio)`,
  );
  console.log('api        wall on  wall off  ratio (min-max)        cpu on  cpu off  ratio (min-max)');
  for (const name of Object.keys(results)) {
    const res = results[name];
    const f = (x) => x.toFixed(1).padStart(7);
    const rr = (xs) =>
      `${median(xs).toFixed(3)} (${Math.min(...xs).toFixed(2)}-${Math.max(...xs).toFixed(2)})`;
    console.log(
      `${name.padEnd(9)} ${f(median(res.on.map((m) => m.wall)))}us ${f(median(res.off.map((m) => m.wall)))}us  ${rr(res.wall).padEnd(21)} ${f(median(res.on.map((m) => m.cpu)))}us ${f(median(res.off.map((m) => m.cpu)))}us  ${rr(res.cpu)}`,
    );
  }
}

function record(res, m) {
  res.wall.push(m.on.wall / m.off.wall);
  res.cpu.push(m.on.cpu / m.off.cpu);
  res.on.push(m.on);
  res.off.push(m.off);
}

async function fresh() {
  const server = await startServer({});
  try {
    const config = server.config();
    const results = {};
    for (const name of Object.keys(APIS)) results[name] = { wall: [], cpu: [], on: [], off: [] };
    for (let r = 0; r < ROUNDS; r++) {
      for (const name of Object.keys(APIS)) {
        const order = r % 2 ? ['off', 'on'] : ['on', 'off'];
        const m = {};
        for (const k of order) m[k] = measureInChild(config, name, k);
        record(results[name], m);
      }
    }
    report(results, 'in fresh processes');
  } finally {
    await server.stop();
  }
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
        record(results[api.name], m);
      }
    }
    report(results, 'in one process');
    cb.on.end();
    cb.off.end();
    await pr.on.end();
    await pr.off.end();
  } finally {
    await server.stop();
  }
}

const childSpec = process.argv.find((a) => a.startsWith('--child='));
const run = childSpec
  ? () => child(childSpec.slice('--child='.length))
  : process.argv.includes('--fresh')
    ? fresh
    : main;
run().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
