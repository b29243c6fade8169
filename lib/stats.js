'use strict';
// Counters behind connection.stats(): fed by the connection's own events, so they cost nothing
// per query. Per-host entries are keyed by 'host:port' (or the socket path), ready for more hosts.

const newHostEntry = () => ({ connects: 0, reconnects: 0, disconnects: 0, downtimeMs: 0, lastError: null });

class ConnectionStats {
  constructor(host) {
    this.host = host;
    this.connects = 0;
    this.reconnects = 0;
    this.disconnects = 0;
    this.downtimeMs = 0;
    this.lastDowntimeMs = 0;
    this.connectedSince = null;
    this.disconnectedAt = null;
    this.lastError = null;
    // Per host (several with failover): the same counters, for the host each event happened on.
    this.hosts = new Map([[host, newHostEntry()]]);
  }

  _current() {
    let entry = this.hosts.get(this.host);
    if (entry === undefined) this.hosts.set(this.host, (entry = newHostEntry()));
    return entry;
  }

  /** The session moved to another host (failover). */
  movedTo(host) {
    if (typeof host === 'string' && host !== '') this.host = host;
  }

  connected(now = Date.now()) {
    this.connects++;
    this._current().connects++;
    this.connectedSince = new Date(now);
  }

  disconnected(error, now = Date.now()) {
    this.disconnects++;
    const entry = this._current();
    entry.disconnects++;
    this.connectedSince = null;
    if (this.disconnectedAt === null) this.disconnectedAt = now;
    if (error)
      entry.lastError = this.lastError = { code: error.code, message: error.message, at: new Date(now) };
  }

  reconnected(downtime, now = Date.now()) {
    this.reconnects++;
    this.connects++;
    const entry = this._current();
    entry.reconnects++;
    entry.connects++;
    entry.downtimeMs += downtime;
    this.connectedSince = new Date(now);
    this.lastDowntimeMs = downtime;
    this.downtimeMs += downtime;
    this.disconnectedAt = null;
  }

  /** The session closed: an outage in progress ends here. */
  closed(now = Date.now()) {
    if (this.disconnectedAt !== null) {
      this.downtimeMs += now - this.disconnectedAt;
      this._current().downtimeMs += now - this.disconnectedAt;
      this.disconnectedAt = null;
    }
    this.connectedSince = null;
  }

  /** Total downtime, including an outage in progress. */
  totalDowntime(now = Date.now()) {
    return this.downtimeMs + (this.disconnectedAt === null ? 0 : now - this.disconnectedAt);
  }

  snapshot(connection) {
    const now = Date.now();
    const pending = connection._pending.size;
    // Written to the server and not answered: one at a time, or a batch with `pipelining`;
    // none while the connection is down.
    const written = connection._native === null ? 0 : connection._native.written();
    const inFlight = connection.state === 'authenticated' ? Math.min(pending, written) : 0;
    const downtimeMs = this.totalDowntime(now);
    const outage = this.disconnectedAt === null ? 0 : now - this.disconnectedAt;
    const hosts = {};
    for (const [host, entry] of this.hosts) {
      hosts[host] = { ...entry, downtimeMs: entry.downtimeMs + (host === this.host ? outage : 0) };
    }
    return {
      state: connection.state,
      threadId: connection.threadId,
      host: this.host,
      connectedSince: this.connectedSince,
      transaction: connection._transactionState(),
      connects: this.connects,
      reconnects: this.reconnects,
      disconnects: this.disconnects,
      downtimeMs,
      lastDowntimeMs: this.lastDowntimeMs,
      queued: pending - inFlight,
      inFlight,
      hosts,
    };
  }
}

/** Adds `from`'s per-host counters into `into` (pool totals). */
function addHosts(into, from) {
  for (const [host, entry] of Object.entries(from)) {
    const total =
      into[host] ||
      (into[host] = { connects: 0, reconnects: 0, disconnects: 0, downtimeMs: 0, lastError: null });
    total.connects += entry.connects;
    total.reconnects += entry.reconnects;
    total.disconnects += entry.disconnects;
    total.downtimeMs += entry.downtimeMs;
    if (entry.lastError && (!total.lastError || entry.lastError.at > total.lastError.at))
      total.lastError = entry.lastError;
  }
  return into;
}

module.exports = { ConnectionStats, addHosts };
