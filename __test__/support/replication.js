'use strict';

// A real MariaDB primary/replica pair (GTID replication, semi-synchronous) for failover tests.
//
//   const { startReplicaPair } = require('./support/replication')
//   const pair = await startReplicaPair()
//   after(() => pair.destroy())
//   pair.primary, pair.replica      Servers of ./mariadb.js (config(), admin(), kill(), ...)
//   await pair.waitReplicated()     the replica has applied everything the primary has logged
//   await pair.promoteReplica()     replica applies what it received, stops replicating, read_only=0
//
// Semi-synchronous (AFTER_SYNC): the primary answers a commit only once the replica has the
// transaction in its relay log, so a statement reported ok survives a crash of the primary (the
// promotion applies the relay log first). The application user `app` has grants on its own
// schema only: with global ALL (or as root) it could write to the read-only replica.

const { startServer } = require('./mariadb');

const REPLICATION_USER = 'repl';
const REPLICATION_PASSWORD = 'repl-secret';

function replicationArgs(serverId) {
  return [
    `--server-id=${serverId}`,
    '--log-bin=mysql-bin', // after the harness's --skip-log-bin: the last one wins
    '--binlog-format=ROW',
    '--gtid-strict-mode=1',
    '--log-slave-updates',
    '--rpl-semi-sync-slave-enabled=1',
    '--rpl-semi-sync-master-wait-point=AFTER_SYNC',
    '--rpl-semi-sync-master-timeout=10000',
  ];
}

async function startReplicaPair() {
  const [primary, replica] = await Promise.all([
    startServer({ args: replicationArgs(1) }),
    startServer({ args: [...replicationArgs(2), '--read-only=1'] }),
  ]);
  try {
    // Both servers created the same app user and schema on their own: the binlogs start empty.
    await primary.admin(
      `CREATE USER '${REPLICATION_USER}'@'127.0.0.1' IDENTIFIED BY '${REPLICATION_PASSWORD}';` +
        `GRANT REPLICATION SLAVE ON *.* TO '${REPLICATION_USER}'@'127.0.0.1';` +
        'RESET MASTER;',
    );
    await replica.admin(
      'RESET MASTER;' +
        "SET GLOBAL gtid_slave_pos = '';" +
        `CHANGE MASTER TO MASTER_HOST = '127.0.0.1', MASTER_PORT = ${primary.port}, ` +
        `MASTER_USER = '${REPLICATION_USER}', MASTER_PASSWORD = '${REPLICATION_PASSWORD}', ` +
        'MASTER_USE_GTID = slave_pos, MASTER_CONNECT_RETRY = 1;' +
        'START SLAVE;',
    );
    const pair = {
      primary,
      replica,
      /** Resolves once the replica has applied every transaction the primary has logged. */
      async waitReplicated(timeoutSeconds = 20) {
        const [{ pos }] = await primary.admin('SELECT @@GLOBAL.gtid_binlog_pos AS pos');
        const [{ result }] = await replica.admin('SELECT MASTER_GTID_WAIT(?, ?) AS result', [
          pos,
          timeoutSeconds,
        ]);
        if (Number(result) !== 0) throw new Error(`the replica did not reach GTID ${pos}`);
      },
      /**
       * Makes the replica the primary: it applies what it received (its relay log), stops
       * replicating and becomes writable. The old primary should be dead by then.
       */
      async promoteReplica() {
        await replica.admin('STOP SLAVE IO_THREAD');
        const [status] = await replica.admin('SHOW SLAVE STATUS');
        const received = status ? status.Gtid_IO_Pos : '';
        if (received) {
          const [{ result }] = await replica.admin('SELECT MASTER_GTID_WAIT(?, 20) AS result', [received]);
          if (Number(result) !== 0)
            throw new Error(`the replica did not apply its relay log up to ${received}`);
        }
        await replica.admin('STOP SLAVE; RESET SLAVE ALL; SET GLOBAL read_only = 0');
      },
      async destroy() {
        await Promise.all([primary.destroy(), replica.destroy()]);
      },
    };
    await waitSlaveRunning(replica);
    // Only now: a semi-sync primary without its replica waits the timeout on every commit.
    // The replica never gets it, so once promoted (alone) it commits at once.
    await primary.admin('SET GLOBAL rpl_semi_sync_master_enabled = 1');
    return pair;
  } catch (err) {
    await Promise.all([primary.destroy(), replica.destroy()]).catch(() => {});
    throw err;
  }
}

async function waitSlaveRunning(replica) {
  const deadline = Date.now() + 20000;
  for (;;) {
    const [status] = await replica.admin('SHOW SLAVE STATUS');
    if (status && status.Slave_IO_Running === 'Yes' && status.Slave_SQL_Running === 'Yes') return;
    if (status && (status.Last_IO_Error || status.Last_SQL_Error)) {
      throw new Error(`replication failed: ${status.Last_IO_Error || status.Last_SQL_Error}`);
    }
    if (Date.now() > deadline) throw new Error('replication did not start');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

module.exports = { startReplicaPair };
