'use strict';
// Small promise helpers over the callback API, shared by the test files.

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

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `body` in a fresh Node process with `mysql` bound to this package (and `env` added to its
 * environment); resolves with its exit code and stdout once it exits by itself, rejects if it is
 * still alive after `timeout` ms.
 */
function runNode(body, { env = {}, timeout = 10000 } = {}) {
  const { spawn } = require('node:child_process');
  const path = require('node:path');
  const script = `const mysql = require(${JSON.stringify(path.join(__dirname, '..', '..'))});\n${body}`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', script], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
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
  waitThreadGone,
  killAndHeal,
  once,
  sleep,
  runNode,
};
