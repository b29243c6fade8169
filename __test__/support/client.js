'use strict';
// Small helpers over the callback API (promises, waits, event recorders), shared by the test files.

const { once } = require('node:events');

function query(conn, sql, values) {
  return new Promise((resolve, reject) => {
    conn.query(sql, values, (err, results, fields) => (err ? reject(err) : resolve(results, fields)));
  });
}

/** Settles with the callback's error (or null), never rejects. */
function queryOutcome(conn, sql, values) {
  return new Promise((resolve) => {
    conn.query(sql, values, (err, results) => resolve({ err, results }));
  });
}

function end(conn) {
  return new Promise((resolve, reject) => conn.end((err) => (err ? reject(err) : resolve())));
}

function connect(conn) {
  return new Promise((resolve, reject) => conn.connect((err) => (err ? reject(err) : resolve())));
}

/** Polls `check` (async, truthy when done) until it holds; bounded. */
async function waitUntil(check, { timeout = 10000, interval = 20, what = 'condition' } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}

/** Resolves once `threadId` is inside a SLEEP() on the server (PROCESSLIST state 'User sleep'). */
function waitThreadSleeping(server, threadId) {
  return waitUntil(
    async () => {
      const rows = await server.admin(
        "SELECT ID FROM information_schema.PROCESSLIST WHERE STATE = 'User sleep' AND ID = ?",
        [threadId],
      );
      return rows.length > 0;
    },
    { what: 'the query to run' },
  );
}

/** Resolves once the server no longer lists `threadId`. */
function waitThreadGone(server, threadId) {
  return waitUntil(async () => !(await server.threadIds()).includes(threadId), {
    what: `thread ${threadId} to end`,
  });
}

/** KILLs the connection's thread; resolves with the 'reconnect' event once the connection healed. */
async function killAndHeal(server, conn) {
  const threadId = conn.threadId;
  const healed = once(conn, 'reconnect');
  await server.killConnection(threadId);
  await waitThreadGone(server, threadId);
  const [event] = await healed;
  return event;
}

/** The events a self-healing connection tells its health by. */
const HEAL_EVENTS = Object.freeze(['error', 'disconnect', 'reconnecting', 'reconnect']);

/**
 * Records every emission of each of `events` on `emitter`: returns `{ [event]: [payload...] }`
 * (one key per event, in the order given), appended to as they come.
 */
function record(emitter, events = HEAL_EVENTS) {
  const seen = {};
  for (const event of events) {
    seen[event] = [];
    emitter.on(event, (payload) => seen[event].push(payload));
  }
  return seen;
}

/** `mysql.createConnection(config)` with `events` recorded from the start: `{ conn, seen }`. */
function openRecorded(config, events = HEAL_EVENTS) {
  const conn = require('../..').createConnection(config);
  return { conn, seen: record(conn, events) };
}

/**
 * A connection (user 'u', password 'p', plus `options`) to a fresh fake server started with
 * `hooks` (see fake-server.js): `{ fake, conn }`; both are closed when the test `t` ends.
 */
async function openFake(t, hooks, options = {}) {
  const { startFakeServer } = require('./fake-server');
  const fake = await startFakeServer(hooks);
  const conn = require('../..').createConnection({
    host: fake.host,
    port: fake.port,
    user: 'u',
    password: 'p',
    ...options,
  });
  t.after(async () => {
    conn.destroy();
    await fake.close();
  });
  return { fake, conn };
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `body` in a fresh Node process with `mysql` bound to this package (and `env` added to its
 * environment); resolves with its exit code and stdout once it exits by itself, rejects if it is
 * still alive after `timeout` ms. With `stdin` (a promise of a string), the child's standard input
 * gets that string once it resolves, then ends: a way to tell the child that something happened.
 */
function runNode(body, { env = {}, timeout = 10000, stdin } = {}) {
  const { spawn } = require('node:child_process');
  const path = require('node:path');
  const script = `const mysql = require(${JSON.stringify(path.join(__dirname, '..', '..'))});\n${body}`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', script], {
      env: { ...process.env, ...env },
      stdio: [stdin === undefined ? 'ignore' : 'pipe', 'pipe', 'inherit'],
    });
    if (stdin !== undefined) {
      child.stdin.on('error', () => {}); // the child may be gone already
      Promise.resolve(stdin).then((text) => child.stdin.end(text), reject);
    }
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error('the process stayed alive: ' + out));
    }, timeout);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, out });
    });
  });
}

module.exports = {
  query,
  queryOutcome,
  end,
  connect,
  waitUntil,
  waitThreadSleeping,
  waitThreadGone,
  killAndHeal,
  HEAL_EVENTS,
  record,
  openRecorded,
  openFake,
  once,
  sleep,
  runNode,
};
