'use strict';

// A real three-node Galera cluster (galera-4) of private MariaDB servers, for failover tests.
//
//   const { startGaleraCluster } = require('./support/galera')
//   const cluster = await startGaleraCluster()
//   after(() => cluster.destroy())
//   cluster.nodes                  three Servers of ./mariadb.js (config(), admin(), kill(), stop(), ...)
//   cluster.labels                 their 'host:port', in order
//   await cluster.waitSynced(nodes)  every one of `nodes` is Synced in a Primary component of that many
//
// All nodes listen on 127.0.0.1, each with its own group communication, IST and SST port; the
// first bootstraps the cluster, the others join it one after the other by rsync SST. The servers
// run as the system user `mysql` (rsync SST fails under root: the joiner's rsync daemon drops to
// `nobody`). Failure detection is tightened from Galera's 5 s to about 1 s so that a test sees the
// cluster recover from a dead node in about a second; the app user and schema are created once,
// on the first node, and replicate.

const fs = require('node:fs');
const net = require('node:net');
const { execFileSync } = require('node:child_process');
const { startServer, createAppUser } = require('./mariadb');

const PROVIDER = process.env.GALERA_PROVIDER || '/usr/lib/galera/libgalera_smm.so';
const RUN_AS = 'mysql';
const NODE_COUNT = 3;
const SYNC_TIMEOUT_MS = 60000;

const INSTALL_HINT = 'install them with `apt-get install galera-4 rsync` (Debian/Ubuntu)';

function debug(...args) {
  if (process.env.DEBUG_MARIADB) console.error('[galera]', ...args);
}

function checkPrerequisites() {
  const missing = [];
  if (!fs.existsSync(PROVIDER)) missing.push(`the Galera provider ${PROVIDER}`);
  try {
    execFileSync('rsync', ['--version'], { stdio: 'ignore' });
  } catch {
    missing.push('rsync');
  }
  if (missing.length) throw new Error(`Galera tests need ${missing.join(' and ')}: ${INSTALL_HINT}`);
}

// Distinct free ports: the group, IST and SST ports are bound only when their node starts.
async function freePorts(count, taken = new Set()) {
  const ports = [];
  while (ports.length < count) {
    const port = await new Promise((resolve, reject) => {
      const srv = net.createServer();
      srv.unref();
      srv.once('error', reject);
      srv.listen({ port: 0, host: '127.0.0.1', exclusive: true }, () => {
        const { port } = srv.address();
        srv.close(() => resolve(port));
      });
    });
    if (port !== 3306 && !taken.has(port)) {
      taken.add(port);
      ports.push(port);
    }
  }
  return ports;
}

function nodeArgs({ index, clusterAddress, groupPort, istPort, sstPort }) {
  const providerOptions = [
    `gmcast.listen_addr=tcp://127.0.0.1:${groupPort}`,
    `ist.recv_addr=127.0.0.1:${istPort}`,
    'gcache.size=16M', // the default 128M file is preallocated on every node
    // Declare a silent peer dead after ~3 s instead of 5 s (keepalive <= check <= suspect <=
    // inactive). 1 s was too eager on this 2-core VM under load: after a SIGKILL the two
    // survivors suspected each other too, lost the quorum and refused statements (1047) for the
    // whole 20 s the test waited (one CI run in about fifteen).
    'evs.keepalive_period=PT0.5S',
    'evs.inactive_check_period=PT0.5S',
    'evs.suspect_timeout=PT3S',
    'evs.inactive_timeout=PT6S',
    'evs.install_timeout=PT6S',
  ].join(';');
  return [
    '--wsrep-on=ON',
    `--wsrep-provider=${PROVIDER}`,
    `--wsrep-cluster-address=${clusterAddress}`,
    '--wsrep-cluster-name=reconnecting-mysql-test',
    `--wsrep-node-name=node${index + 1}`,
    '--wsrep-node-address=127.0.0.1',
    `--wsrep-provider-options=${providerOptions}`,
    '--wsrep-sst-method=rsync',
    `--wsrep-sst-receive-address=127.0.0.1:${sstPort}`,
    '--binlog-format=ROW',
    '--innodb-autoinc-lock-mode=2',
    '--default-storage-engine=InnoDB',
  ];
}

async function status(node) {
  const rows = await node.admin(
    "SHOW GLOBAL STATUS WHERE Variable_name IN ('wsrep_cluster_size', 'wsrep_ready', 'wsrep_cluster_status', 'wsrep_local_state_comment')",
  );
  return Object.fromEntries(rows.map((row) => [row.Variable_name, row.Value]));
}

function isSynced(s, size) {
  return (
    Number(s.wsrep_cluster_size) === size &&
    s.wsrep_ready === 'ON' &&
    s.wsrep_cluster_status === 'Primary' &&
    s.wsrep_local_state_comment === 'Synced'
  );
}

/**
 * Resolves once every one of `nodes` is Synced and ready in a Primary component of `nodes.length`
 * nodes. Polls with a deadline, and fails at once if one of the node processes exits.
 */
async function waitSynced(nodes, { timeout = SYNC_TIMEOUT_MS } = {}) {
  const deadline = Date.now() + timeout;
  let last = [];
  let exited = null;
  const exits = nodes.map((node, i) => {
    const whenExited = node.whenExited();
    if (!whenExited) throw new Error(`node ${node.host}:${node.port} is not running`);
    return whenExited.then((info) => {
      exited = exited || { i, info };
    });
  });
  let timer;
  const nap = () =>
    Promise.race([
      new Promise((resolve) => {
        timer = setTimeout(resolve, 50);
      }),
      ...exits,
    ]);
  try {
    for (;;) {
      if (exited) {
        const node = nodes[exited.i];
        throw new Error(
          `Galera node ${node.host}:${node.port} exited (code ${exited.info.code}, signal ${exited.info.signal}); error log: ${node.errorLog}`,
        );
      }
      last = await Promise.all(nodes.map((node) => status(node).catch((err) => ({ error: err.message }))));
      if (last.every((s) => isSynced(s, nodes.length))) return;
      if (Date.now() > deadline) {
        throw new Error(`the Galera cluster did not settle in ${timeout} ms: ${JSON.stringify(last)}`);
      }
      await nap();
    }
  } finally {
    clearTimeout(timer);
  }
}

async function startGaleraCluster() {
  checkPrerequisites();
  const t0 = Date.now();
  const ports = await freePorts(NODE_COUNT * 3);
  const layout = Array.from({ length: NODE_COUNT }, (_, index) => ({
    index,
    groupPort: ports[index * 3],
    istPort: ports[index * 3 + 1],
    sstPort: ports[index * 3 + 2],
  }));
  const clusterAddress = `gcomm://${layout.map((n) => `127.0.0.1:${n.groupPort}`).join(',')}`;
  const nodes = [];
  const destroy = () => Promise.all(nodes.map((node) => node.destroy().catch(() => {})));
  try {
    // The first node bootstraps the cluster and creates the app user and schema, which replicate.
    const first = await startServer({
      runAs: RUN_AS,
      appUser: false, // its socket opens before the node is ready for statements
      args: [...nodeArgs({ ...layout[0], clusterAddress }), '--wsrep-new-cluster'],
    });
    nodes.push(first);
    await waitSynced([first]);
    await createAppUser(first);
    // Restarted, it joins the cluster like the others.
    first.extraArgs = first.extraArgs.filter((arg) => arg !== '--wsrep-new-cluster');
    debug(`node1 up after ${Date.now() - t0} ms`);
    // One at a time: a donor serves one rsync SST at a time (~4.5 s each, mostly the SST script).
    for (const node of layout.slice(1)) {
      nodes.push(
        await startServer({ runAs: RUN_AS, appUser: false, args: nodeArgs({ ...node, clusterAddress }) }),
      );
      debug(`node${node.index + 1} up after ${Date.now() - t0} ms`);
    }
    await waitSynced(nodes);
  } catch (err) {
    await destroy();
    throw err;
  }
  const startupMs = Date.now() - t0;
  debug(`cluster of ${NODE_COUNT} synced after ${startupMs} ms`);
  return {
    nodes,
    labels: nodes.map((node) => `${node.host}:${node.port}`),
    startupMs,
    waitSynced,
    status,
    destroy,
  };
}

module.exports = { startGaleraCluster, waitSynced, status };
