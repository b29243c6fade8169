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
  return waitUntil(async () => !(await server.threadIds()).includes(threadId), { what: `thread ${threadId} to end` });
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

module.exports = { query, queryOutcome, end, connect, waitUntil, waitThreadGone, once, sleep };
