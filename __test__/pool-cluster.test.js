'use strict';
// PoolCluster against `mysql`'s (the oracle): patterns, selectors, namespaces, retry on another
// node, error counts that take a node offline or remove it, and the error codes.

const { test } = require('node:test');
const assert = require('node:assert/strict');
const net = require('node:net');
const oracle = require('mysql');
const ours = require('..');
const { usePrivateServer } = require('./support/mariadb');

const server = usePrivateServer();

const both = [
  ['mysql', oracle],
  ['ours', ours],
];

/** A port nothing listens on. */
function closedPort() {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

function getOutcome(target, ...args) {
  return new Promise((resolve) => target.getConnection(...args, (err, conn) => resolve({ err, conn })));
}

function endCluster(cluster) {
  return new Promise((resolve) => cluster.end(() => resolve()));
}

/** Runs `scenario(cluster, log)` with each client's cluster; returns both logs. */
async function differential(clusterOptions, scenario) {
  const logs = {};
  for (const [name, client] of both) {
    const cluster = client.createPoolCluster(clusterOptions);
    const log = [];
    for (const event of ['remove', 'offline', 'online'])
      cluster.on(event, (id) => log.push(`${event} ${id}`));
    try {
      await scenario(cluster, log);
    } finally {
      await endCluster(cluster);
    }
    logs[name] = log;
  }
  return logs;
}

/** Which node each of `n` getConnection calls lands on (released at once). */
async function landings(target, n, ...args) {
  const ids = [];
  for (let i = 0; i < n; i++) {
    const { err, conn } = await getOutcome(target, ...args);
    if (err) {
      ids.push(err.code);
      continue;
    }
    ids.push(conn._clusterId);
    conn.release();
  }
  return ids;
}

test('patterns and selectors: RR, ORDER, RANDOM within the pattern, of() namespaces, as in mysql', async () => {
  const logs = await differential({}, async (cluster, log) => {
    cluster.add('MASTER', server.config());
    cluster.add('SLAVE1', server.config());
    cluster.add('SLAVE2', server.config());
    log.push('RR ' + (await landings(cluster, 4, 'SLAVE*')).join());
    log.push('ORDER ' + (await landings(cluster, 2, 'SLAVE*', 'ORDER')).join());
    log.push('all RR ' + (await landings(cluster.of('*'), 3)).join());
    log.push('regexp ' + (await landings(cluster, 2, /^SLAVE2$/)).join());
    const random = await landings(cluster.of('SLAVE*', 'RANDOM'), 6);
    log.push('random within SLAVE* ' + random.every((id) => id === 'SLAVE1' || id === 'SLAVE2'));
    log.push('of is cached ' + (cluster.of('SLAVE*', 'rr') === cluster.of('SLAVE*', 'RR')));
    log.push('unknown ' + (await landings(cluster, 1, 'NOPE*')).join());
    const rows = await new Promise((resolve, reject) =>
      cluster
        .of('MASTER')
        .query('SELECT ? AS x', [7], (err, result) => (err ? reject(err) : resolve(result))),
    );
    log.push('namespace query ' + rows[0].x);
    const failed = await new Promise((resolve) =>
      cluster.of('NOPE').query('SELECT 1', (err) => resolve(err)),
    );
    log.push('namespace query on nothing ' + failed.code);
    cluster.remove('SLAVE*');
    log.push('after remove ' + (await landings(cluster, 2)).join());
    assert.throws(() => cluster.add('MASTER', server.config()), /already defined/);
  });
  assert.deepEqual(logs.ours, logs.mysql);
  assert.equal(logs.ours[0], 'RR SLAVE1,SLAVE2,SLAVE1,SLAVE2');
});

test('a failing node: canRetry moves on, removeNodeErrorCount removes it, as in mysql', async () => {
  const deadPort = await closedPort();
  const logs = await differential(
    { removeNodeErrorCount: 2, defaultSelector: 'ORDER' },
    async (cluster, log) => {
      // reconnect: false gives `mysql`'s connect behaviour (refused is final); `mysql` ignores it.
      cluster.add('A', { ...server.config(), port: deadPort, reconnect: false });
      cluster.add('B', server.config());
      log.push((await landings(cluster, 3)).join());
    },
  );
  assert.deepEqual(logs.ours, logs.mysql);
  assert.deepEqual(logs.ours, ['remove A', 'B,B,B']);
});

test('restoreNodeTimeout takes a node offline, then back online; no retry reports the error', async () => {
  const deadPort = await closedPort();
  const logs = await differential(
    { removeNodeErrorCount: 1, restoreNodeTimeout: 150, canRetry: false },
    async (cluster, log) => {
      cluster.add('A', { ...server.config(), port: deadPort, reconnect: false });
      const { err } = await getOutcome(cluster, 'A');
      log.push(err.code);
      log.push((await landings(cluster, 1, 'A')).join());
      // Past restoreNodeTimeout (150 ms): the time offline is what is under test, not a wait for an event.
      await new Promise((resolve) => setTimeout(resolve, 200));
      log.push('back: ' + (await landings(cluster, 1, 'A')).join());
    },
  );
  assert.deepEqual(logs.ours, logs.mysql);
  assert.deepEqual(logs.ours, [
    'offline A',
    'ECONNREFUSED',
    'POOL_NONEONLINE',
    'offline A',
    'back: ECONNREFUSED',
  ]);
});

test('end(): the pools close; cluster stats list each node', async () => {
  const cluster = ours.createPoolCluster();
  cluster.add('ONE', server.config());
  const { conn } = await getOutcome(cluster, 'ONE');
  conn.release();
  const stats = cluster.stats();
  assert.equal(stats.nodes.ONE.all, 1);
  assert.equal(stats.nodes.ONE.errorCount, 0);
  await endCluster(cluster);
  const { err } = await getOutcome(cluster, 'ONE');
  assert.equal(err.code, 'POOL_CLOSED');
  assert.throws(() => cluster.add('TWO', server.config()), /PoolCluster is closed/);
});
