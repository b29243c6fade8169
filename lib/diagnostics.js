'use strict';
// diagnostics_channel events: a small, fixed set of named channels. Publishers check
// `hasSubscribers` first, so a channel nobody listens to costs one property read.

const diagnostics = require('node:diagnostics_channel');

const PREFIX = 'reconnecting-mysql:';

/** Channel name -> what its message carries (documented in the README). */
const channels = {
  connect: diagnostics.channel(PREFIX + 'connect'), // { connection, threadId }
  disconnect: diagnostics.channel(PREFIX + 'disconnect'), // { connection, threadId, error }
  reconnecting: diagnostics.channel(PREFIX + 'reconnecting'), // { connection, attempt, delay, error }
  reconnect: diagnostics.channel(PREFIX + 'reconnect'), // { connection, attempts, downtime, threadId, previousThreadId, lostState }
  failover: diagnostics.channel(PREFIX + 'failover'), // { connection, from, to, reason, error }
  giveUp: diagnostics.channel(PREFIX + 'give-up'), // { connection, error }
  queryStart: diagnostics.channel(PREFIX + 'query:start'), // { connection, query, sql }
  queryEnd: diagnostics.channel(PREFIX + 'query:end'), // { connection, query, sql, error, duration }
  poolConnection: diagnostics.channel(PREFIX + 'pool:connection'), // { pool, connection }
  poolAcquire: diagnostics.channel(PREFIX + 'pool:acquire'), // { pool, connection }
  poolRelease: diagnostics.channel(PREFIX + 'pool:release'), // { pool, connection }
  poolEnqueue: diagnostics.channel(PREFIX + 'pool:enqueue'), // { pool, waiting }
  poolRemove: diagnostics.channel(PREFIX + 'pool:remove'), // { pool, connection, reason }
};

module.exports = { channels, PREFIX };
