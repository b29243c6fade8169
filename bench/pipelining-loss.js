'use strict';
// What `pipelining` costs when a connection is lost under load, the case that sets its default:
// one connection shared by concurrent callers (a site with one `createConnection`), each calling
// INSERT, waiting for its callback, and calling again, while the server restarts (SIGTERM) or
// crashes (SIGKILL). Every INSERT written and not answered at the loss fails with
// `outcome: 'unknown'` (it may have run; it is never run again): without pipelining that is the
// one running, with pipelining the batch written ahead. Prints failed calls per fault and the
// throughput before it, pipelining off and on, interleaved.
//
//   npm run bench:loss -- [--rounds=3] [--callers=64]

const mysql = require('..');
const { startServer } = require('../__test__/support/mariadb');
const { queryOutcome } = require('../__test__/support/client');

function intArg(name, fallback) {
  const arg = process.argv.find((a) => a.startsWith(`--${name}=`));
  if (!arg) return fallback;
  const n = Number(arg.slice(name.length + 3));
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} wants a positive integer`);
  return n;
}

const ROUNDS = intArg('rounds', 3);
const CALLERS = intArg('callers', 64);
const LOADED_MS = 500; // load before the fault, and after the connection healed
const FAULTS = {
  restart: (server) => server.restart(),
  crash: async (server) => {
    await server.kill();
    await server.start();
  },
};

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** One fault under load on a fresh connection: { failed, errors, beforeRate }. */
async function underLoad(server, fault, pipelining) {
  const conn = mysql.createConnection({ ...server.config(), database: 'test', pipelining });
  const healed = new Promise((resolve) => conn.once('reconnect', resolve));
  const errors = {};
  let stopping = false;
  let ok = 0;
  const callers = Array.from({ length: CALLERS }, async () => {
    while (!stopping) {
      const { err } = await queryOutcome(conn, 'INSERT INTO loss (v) VALUES (?)', ['x']);
      if (!err) ok++;
      else {
        const key = `${err.code} outcome=${err.outcome}`;
        errors[key] = (errors[key] || 0) + 1;
      }
    }
  });
  await sleep(LOADED_MS);
  const beforeRate = ok / (LOADED_MS / 1000);
  await FAULTS[fault](server);
  await healed;
  await sleep(LOADED_MS);
  stopping = true;
  await Promise.all(callers);
  await new Promise((resolve) => conn.end(resolve));
  const failed = Object.values(errors).reduce((a, b) => a + b, 0);
  return { failed, errors, beforeRate };
}

async function main() {
  const server = await startServer({ args: ['--innodb-flush-log-at-trx-commit=2'] });
  const runs = {};
  try {
    await server.admin('CREATE TABLE test.loss (k INT AUTO_INCREMENT PRIMARY KEY, v VARCHAR(8))');
    for (let round = 0; round < ROUNDS; round++) {
      for (const fault of Object.keys(FAULTS)) {
        for (const pipelining of round % 2 ? [true, false] : [false, true]) {
          process.stderr.write(`round ${round + 1}/${ROUNDS} ${fault} pipelining: ${pipelining}\n`);
          (runs[`${fault}|${pipelining}`] ??= []).push(await underLoad(server, fault, pipelining));
        }
      }
    }
  } finally {
    await server.stop();
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
  console.log(
    `\n${CALLERS} callers on one connection, INSERT after INSERT; one fault per run, ${ROUNDS} runs each\n`,
  );
  console.log(
    '| fault | pipelining | calls failed per fault (each run) | errors | INSERTs/s before the fault (median) |',
  );
  console.log('|---|---|---|---|---:|');
  for (const [key, list] of Object.entries(runs)) {
    const [fault, pipelining] = key.split('|');
    const codes = [...new Set(list.flatMap((r) => Object.keys(r.errors)))].join(', ') || 'none';
    const failed = list.map((r) => r.failed).join(', ');
    const rate = Math.round(median(list.map((r) => r.beforeRate)));
    console.log(`| ${fault} | ${pipelining} | ${failed} | ${codes} | ${rate} |`);
  }
  const worstOff = Math.max(
    ...Object.entries(runs).flatMap(([k, l]) => (k.endsWith('|false') ? l.map((r) => r.failed) : [])),
  );
  // Without pipelining one command at most is written and unanswered, so one loss fails one call.
  if (worstOff > 1) {
    console.error(`pipelining off: ${worstOff} calls failed in one fault (expected at most 1)`);
    process.exitCode = 1;
  }
}

if (require.main === module) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
