'use strict';
// One fuzzed session: a client of this package against a lying server (fuzz/lying-server.js)
// runs the statements the seed picks, and everything a user could meet is checked: every
// callback called exactly once, within a bound the configured timeouts imply; no panic
// (ER_INTERNAL); an honest session's results equal the reference. A hang is reported with the
// seed, and the connection is destroyed either way.

const { Readable } = require('node:stream');
const util = require('node:util');
const mysql = require('..');
const { startLyingServer, mutationFor, SCRIPTS } = require('./lying-server');

// Timeouts of the fuzzed client: every stall must end through one of them.
const CLIENT = {
  user: 'fuzz',
  password: 'p',
  connectTimeout: 300,
  pingTimeout: 300,
  queueTimeout: 2500,
  pingAfterIdle: false,
  multipleStatements: true,
  reconnect: { maxAttempts: 2, baseDelay: 1, maxDelay: 5 },
  // `mysql`'s charset: its SET NAMES is one more init statement to lie about (and the recorded
  // seeds replay as they were found).
  charset: 'UTF8_GENERAL_CI',
  infileStreamFactory: () => Readable.from(['1,a\n2,b\n']),
};
const QUERY_TIMEOUT = 300;
// Beyond this, a callback that has not come is a hang: connect + queue + query timeouts of the
// whole session, with room for a loaded machine.
const HANG_AFTER_MS = 15000;

/** What a reply looks like to a user, for comparing an honest session with the reference. */
function shapeOf(err, results) {
  if (err) return { error: err.code };
  return util.inspect(results, { depth: 6, breakLength: Infinity });
}

/**
 * Runs session `seed`. Resolves with { seed, kind, fired, problems: [text], errors: {code: n} }:
 * `problems` empty when the client behaved.
 */
async function runSession(seed, reference) {
  const mutation = mutationFor(seed);
  const server = await startLyingServer(mutation);
  const problems = [];
  const errors = {};
  const conn = mysql.createConnection({ ...CLIENT, host: server.host, port: server.port });
  conn.on('error', (err) => {
    errors[`event:${err.code}`] = (errors[`event:${err.code}`] || 0) + 1;
  });
  const honest = mutation.kind === 'none' || mutation.kind === 'split';
  const calls = mutation.statements.map((name) => {
    let count = 0;
    let settle;
    const done = new Promise((resolve) => (settle = resolve));
    conn.query({ sql: SCRIPTS[name].sql, timeout: QUERY_TIMEOUT }, (err, results) => {
      count += 1;
      if (count > 1) problems.push(`callback of '${name}' called ${count} times`);
      if (err) errors[err.code] = (errors[err.code] || 0) + 1;
      if (err && err.code === 'ER_INTERNAL') problems.push(`panic: ${err.message}`);
      // A lie must surface as this package's error, not as a JavaScript exception from decoding.
      if (err && (typeof err.code !== 'string' || err.code.startsWith('ERR_'))) {
        problems.push(`'${name}' failed with a raw exception: ${err.code} ${err.message}`);
      }
      if (honest && reference && reference[name] !== undefined) {
        const shape = shapeOf(err, results);
        if (JSON.stringify(shape) !== JSON.stringify(reference[name])) {
          problems.push(`'${name}' on an honest server gave ${JSON.stringify(shape)}`);
        }
      }
      settle({ name, err, results });
    });
    return done;
  });
  let timer;
  const hang = new Promise((resolve) => {
    timer = setTimeout(() => resolve('hang'), HANG_AFTER_MS);
  });
  const outcome = await Promise.race([Promise.all(calls), hang]);
  clearTimeout(timer);
  if (outcome === 'hang') problems.push(`hang: a callback did not come within ${HANG_AFTER_MS} ms`);
  conn.destroy();
  await server.close();
  // A second callback may come late: give the queue one turn to show it.
  await new Promise((resolve) => setImmediate(resolve));
  return { seed, kind: mutation.kind, fired: server.fired, problems, errors, outcome };
}

/** The results of each statement on an honest server, as a user sees them. */
async function referenceResults() {
  const reference = {};
  for (let seed = 0; Object.keys(reference).length < Object.keys(SCRIPTS).length; seed += 15) {
    // Seeds that are multiples of 15 are 'none' sessions.
    const mutation = mutationFor(seed);
    const server = await startLyingServer(mutation);
    const conn = mysql.createConnection({ ...CLIENT, host: server.host, port: server.port });
    for (const name of mutation.statements) {
      const shape = await new Promise((resolve) =>
        conn.query({ sql: SCRIPTS[name].sql, timeout: 2000 }, (err, results) =>
          resolve(shapeOf(err, results)),
        ),
      );
      reference[name] = shape;
    }
    conn.destroy();
    await server.close();
  }
  return reference;
}

/** Runs seeds `from`..`from + count - 1`, `concurrency` at a time; calls `onResult` for each. */
async function runSessions({ from, count, concurrency, reference, onResult, onStart }) {
  let next = from;
  const end = from + count;
  async function lane() {
    while (next < end) {
      const seed = next++;
      if (onStart) onStart(seed);
      onResult(await runSession(seed, reference));
    }
  }
  await Promise.all(Array.from({ length: concurrency }, lane));
}

module.exports = { runSession, runSessions, referenceResults, CLIENT };
