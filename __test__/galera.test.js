'use strict';
// Multi-host failover on a real three-node Galera cluster (galera-4, private servers started by
// the test, see support/galera.js): a SIGKILLed node costs a write loop (and a pool) only the
// statements in flight, which say their outcome is unknown, and no write runs twice; a node that
// leaves the Primary component refuses statements with 1047 and the session moves on.

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const mysql = require('..');
const { startGaleraCluster } = require('./support/galera');
const { query, queryOutcome, end, waitUntil, record, openRecorded } = require('./support/client');

let cluster;

before(async () => {
  cluster = await startGaleraCluster();
  await cluster.nodes[0].admin(
    'CREATE TABLE test.writes (id INT AUTO_INCREMENT PRIMARY KEY, client_id INT NOT NULL, UNIQUE KEY (client_id)) ENGINE=InnoDB',
  );
});

after(async () => {
  if (cluster) await cluster.destroy();
});

/** A connection over every node as the application user, with every event it emits recorded. */
function open(extra) {
  const { user, password, database } = cluster.nodes[0].config();
  return openRecorded({ user, password, database, hosts: cluster.labels, ...extra }, [
    'error',
    'reconnect',
    'failover',
  ]);
}

async function portOf(conn) {
  return Number((await query(conn, 'SELECT @@port AS port'))[0].port);
}

/**
 * How many rows each client id in [from, to] has, read on `node`. Galera applies replicated writes
 * asynchronously: wsrep_sync_wait makes the read wait until the node has applied what the cluster
 * committed before it.
 */
async function rowsPerClientId(node, from, to) {
  const [, rows] = await node.admin(
    'SET SESSION wsrep_sync_wait = 1; ' +
      'SELECT client_id, COUNT(*) AS n FROM test.writes WHERE client_id BETWEEN ? AND ? GROUP BY client_id',
    [from, to],
  );
  return new Map(rows.map((row) => [Number(row.client_id), Number(row.n)]));
}

/** Every id reported ok is there once; nothing but them and the failed (outcome unknown) ids is. */
function assertExactlyOnce(counts, succeeded, failed) {
  for (const clientId of succeeded) assert.equal(counts.get(clientId), 1, `client id ${clientId}`);
  const failedIds = new Set(failed.map((f) => f.clientId));
  const succeededIds = new Set(succeeded);
  for (const [clientId, n] of counts) {
    assert.ok(succeededIds.has(clientId) || failedIds.has(clientId), `unexpected row ${clientId}`);
    assert.equal(n, 1, `client id ${clientId} is there once`);
  }
  for (const { clientId, err } of failed) {
    assert.equal(err.code, 'PROTOCOL_CONNECTION_LOST', `client id ${clientId}: ${err.message}`);
    assert.equal(err.outcome, 'unknown');
  }
}

test('a write loop and a pool survive a SIGKILL of the node they are on; no write runs twice', async (t) => {
  const [node1, node2, node3] = cluster.nodes;
  const { conn, seen } = open();
  assert.equal(await portOf(conn), node1.port);
  const { user, password, database } = node1.config();
  const pool = mysql.createPool({ user, password, database, hosts: cluster.labels, connectionLimit: 2 });
  const poolErrors = [];
  pool.on('error', (err) => poolErrors.push(err));
  t.after(() => {
    conn.destroy();
    pool.end(() => {});
  }); // a failed assertion must not leave the process alive

  // One writer on the connection, two on the pool; client ids are unique per INSERT.
  const writers = {
    conn: { next: 1000, run: (sql, values) => queryOutcome(conn, sql, values) },
    pool0: { next: 100000, run: (sql, values) => queryOutcome(pool, sql, values) },
    pool1: { next: 200000, run: (sql, values) => queryOutcome(pool, sql, values) },
  };
  let stop = false;
  let killedAt = null;
  let deadAt = null;
  let firstOkAfterKill = null;
  const loops = Object.values(writers).map(async (writer) => {
    writer.first = writer.next;
    writer.succeeded = [];
    writer.failed = [];
    while (!stop) {
      const clientId = writer.next++;
      const startedAt = deadAt;
      const { err } = await writer.run('INSERT INTO writes (client_id) VALUES (?)', [clientId]);
      if (err) writer.failed.push({ clientId, err });
      else {
        writer.succeeded.push(clientId);
        // The first write of the connection sent once node1 was dead: the failover time.
        if (startedAt !== null && firstOkAfterKill === null && writer === writers.conn)
          firstOkAfterKill = Date.now();
      }
    }
  });
  try {
    const okCount = () => Object.values(writers).map((w) => (w.succeeded ? w.succeeded.length : 0));
    await waitUntil(() => okCount().every((n) => n >= 20), { what: '20 writes of each writer on node1' });
    // The pool's connections are on node1 too: it is the first host.
    const poolPorts = await Promise.all(
      [0, 1].map(
        () =>
          new Promise((resolve, reject) =>
            pool.query('SELECT @@port AS port', (err, rows) =>
              err ? reject(err) : resolve(Number(rows[0].port)),
            ),
          ),
      ),
    );
    assert.deepEqual(poolPorts, [node1.port, node1.port]);

    const before = okCount();
    killedAt = Date.now();
    await node1.kill();
    deadAt = Date.now();
    try {
      // Bounded well above the ~4 s failover, for a loaded machine.
      await waitUntil(() => okCount().every((n, i) => n >= before[i] + 20), {
        timeout: 45000,
        what: '20 more writes of each writer',
      });
    } catch (err) {
      // What each writer was doing, for a failure that does not reproduce at will.
      const state = Object.entries(writers).map(
        ([name, w]) =>
          `${name}: ${w.succeeded.length} ok (${before[Object.keys(writers).indexOf(name)]} before the kill), ` +
          `${w.failed.length} failed [${w.failed
            .slice(-3)
            .map((f) => f.err.code)
            .join(' ')}], next id ${w.next}`,
      );
      err.message +=
        `; ${state.join('; ')}; connection: ${JSON.stringify(conn.stats())}; ` +
        `failovers ${JSON.stringify(seen.failover)}; reconnects ${seen.reconnect.length}; pool ${JSON.stringify(pool.stats())}`;
      throw err;
    }
  } finally {
    stop = true;
    await Promise.all(loops);
  }
  t.diagnostic(
    `first write on another node ${firstOkAfterKill - killedAt} ms after the kill; ` +
      `failed (in flight): ${Object.entries(writers)
        .map(([name, w]) => `${name} ${w.failed.length}`)
        .join(', ')}`,
  );

  await cluster.waitSynced([node2, node3]);
  for (const [name, writer] of Object.entries(writers)) {
    // Only a statement in flight at the kill may fail: one per connection.
    assert.ok(
      writer.failed.length <= 1,
      `${name} failed: ${writer.failed.map((f) => `${f.clientId} ${f.err.code}`).join(', ')}`,
    );
    assert.equal(writer.succeeded.length + writer.failed.length, writer.next - writer.first);
    const counts = await rowsPerClientId(node2, writer.first, writer.next - 1);
    assertExactlyOnce(counts, writer.succeeded, writer.failed);
    // node3 has the same rows.
    assert.deepEqual(await rowsPerClientId(node3, writer.first, writer.next - 1), counts);
  }

  assert.equal(seen.failover.length, 1);
  assert.equal(seen.failover[0].from, cluster.labels[0]);
  assert.equal(seen.failover[0].reason, 'unavailable');
  assert.ok([cluster.labels[1], cluster.labels[2]].includes(seen.failover[0].to));
  assert.equal(seen.reconnect.at(-1).host, seen.failover[0].to);
  assert.equal(seen.error.length, 0);
  assert.notEqual(await portOf(conn), node1.port);
  assert.equal(poolErrors.length, 0);
  await end(conn);
  await new Promise((resolve, reject) => pool.end((err) => (err ? reject(err) : resolve())));
});

// After the kill: node2 and node3 remain. node3 gets the weight of two, so that when node2 is cut
// off the group, node3 alone keeps the quorum (2 of 3) and stays Primary, node2 (1 of 3) does not.
test('a node that leaves the Primary component (1047) sends the write to the next node, which runs it once', async (t) => {
  const [node1, node2, node3] = cluster.nodes;
  assert.equal(node1.running, false, 'runs after the kill test');
  await node3.admin("SET GLOBAL wsrep_provider_options = 'pc.weight=2'");
  const { user, password, database } = node2.config();
  const labels = [cluster.labels[1], cluster.labels[2]];
  const conn = mysql.createConnection({ user, password, database, hosts: labels });
  t.after(() => conn.destroy()); // a failed assertion must not leave the process alive
  const seen = record(conn, ['error', 'failover']);
  assert.equal(await portOf(conn), node2.port);

  await node2.admin("SET GLOBAL wsrep_provider_options = 'gmcast.isolate=1'");
  await waitUntil(async () => (await cluster.status(node2)).wsrep_cluster_status === 'non-Primary', {
    timeout: 15000,
    what: 'node2 to be non-Primary',
  });
  await cluster.waitSynced([node3]);

  const result = await query(conn, 'INSERT INTO writes (client_id) VALUES (1)');
  assert.equal(result.affectedRows, 1);
  assert.equal(await portOf(conn), node3.port);
  assert.equal(seen.failover.length, 1);
  assert.equal(seen.failover[0].from, labels[0]);
  assert.equal(seen.failover[0].to, labels[1]);
  assert.equal(seen.failover[0].reason, 'not-ready');
  assert.equal(seen.failover[0].error.errno, 1047);
  assert.match(seen.failover[0].error.message, /WSREP/);
  assert.equal(seen.error.length, 0);
  await end(conn);
  assert.deepEqual([...(await rowsPerClientId(node3, 1, 1))], [[1, 1]]);
  // node2 ran nothing: its copy of the table has no such row.
  const onNode2 = await node2.admin(
    'SET SESSION wsrep_dirty_reads = ON; SELECT COUNT(*) AS n FROM test.writes WHERE client_id = 1',
  );
  assert.equal(Number(onNode2[1][0].n), 0);
});
