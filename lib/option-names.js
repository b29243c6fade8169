'use strict';
// Option names: what each options object may hold, so that a typo is not silently ignored.
//
// - The objects that are ours alone (`reconnect`, `ssl`, each `hosts` entry) are strict: an unknown
//   key is a TypeError naming it and, when one is close, the valid key it was probably meant to be.
// - The top level of a connection, pool or PoolCluster config stays open, as in `mysql` (which
//   ignores what it does not know, so configs shared with other code keep working); a key close to
//   a known option gets one process warning (RECONNECTING_MYSQL_UNKNOWN_OPTION) per key and process.

/** `mysql`'s ConnectionConfig options, plus the fields of a parsed config (a config may be copied). */
const MYSQL_CONNECTION_OPTIONS = [
  'host',
  'port',
  'localAddress',
  'socketPath',
  'user',
  'password',
  'database',
  'connectTimeout',
  'insecureAuth',
  'supportBigNumbers',
  'bigNumberStrings',
  'dateStrings',
  'debug',
  'trace',
  'stringifyObjects',
  'timezone',
  'flags',
  'queryFormat',
  'pool',
  'ssl',
  'localInfile',
  'multipleStatements',
  'typeCast',
  'charset',
  'charsetNumber',
  'maxPacketSize',
  'clientFlags',
];

/** The connection options that are ours. */
const OWN_CONNECTION_OPTIONS = [
  'hosts',
  'failoverDeny',
  'failoverReadOnly',
  'pipelining',
  'infileStreamFactory',
  'reconnect',
  'queueLimit',
  'queueTimeout',
  'pingAfterIdle',
  'keepAlive',
  'pingTimeout',
  'onConnect',
  '__panicAfter',
];

/** Options that belong to a pool (`mysql`'s PoolConfig, then ours); the rest configure each connection. */
const POOL_OPTIONS = [
  'acquireTimeout',
  'waitForConnections',
  'connectionLimit',
  'queueLimit',
  'maxLifetime',
  'idleTimeout',
  'minIdle',
  'resetOnRelease',
];

/**
 * The top-level keys of a connection or pool config. One set for both: a config shared by
 * createConnection and createPool (connectionLimit in a connection's config) is not a typo.
 */
const CONFIG_OPTIONS = [
  ...new Set([...MYSQL_CONNECTION_OPTIONS, ...OWN_CONNECTION_OPTIONS, ...POOL_OPTIONS]),
];

/** `mysql`'s PoolCluster options. */
const POOL_CLUSTER_OPTIONS = ['canRetry', 'removeNodeErrorCount', 'restoreNodeTimeout', 'defaultSelector'];

/** `reconnect: { ... }`; `enabled: false` is the same as `reconnect: false`. */
const RECONNECT_OPTIONS = ['initial', 'maxAttempts', 'maxTime', 'baseDelay', 'maxDelay', 'enabled'];

/** A `hosts` entry in object form. */
const HOST_OPTIONS = ['host', 'port'];

/**
 * `ssl: { ... }`: what `mysql` reads (ca, cert, ciphers, key, passphrase, rejectUnauthorized), what
 * we read (also servername, minVersion, maxVersion; pfx is refused with its own message), and the
 * rest of Node's TLS client options (tls.createSecureContext and tls.connect, without the socket
 * ones): a config written for `mysql` or Node's tls keeps working. README, TLS: what is honoured.
 */
const SSL_OPTIONS = [
  // mysql
  'ca',
  'cert',
  'ciphers',
  'key',
  'passphrase',
  'rejectUnauthorized',
  // ours
  'servername',
  'minVersion',
  'maxVersion',
  'pfx',
  // tls.createSecureContext
  'allowPartialTrustChain',
  'sigalgs',
  'clientCertEngine',
  'crl',
  'dhparam',
  'ecdhCurve',
  'honorCipherOrder',
  'privateKeyEngine',
  'privateKeyIdentifier',
  'secureOptions',
  'secureProtocol',
  'sessionIdContext',
  'ticketKeys',
  'sessionTimeout',
  // tls.connect / tls.TLSSocket (client side)
  'enableTrace',
  'pskCallback',
  'ALPNProtocols',
  'checkServerIdentity',
  'session',
  'minDHSize',
  'secureContext',
  'requestCert',
  'requestOCSP',
];

const WARNING_CODE = 'RECONNECTING_MYSQL_UNKNOWN_OPTION';

/**
 * Damerau-Levenshtein distance (optimal string alignment: insertions, deletions, substitutions
 * and transpositions of adjacent characters each count 1), or `limit + 1` once it exceeds `limit`.
 */
function editDistance(a, b, limit) {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prevPrev = null;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, prevPrev[j - 2] + 1);
      row.push(d);
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > limit) return limit + 1;
    prevPrev = prev;
    prev = row;
  }
  return prev[b.length];
}

/**
 * The known name `key` is most likely a misspelling of, or undefined. Close means: the same but for
 * letter case, or at most 2 edits (a swap of two neighbours is one) and at most one edit per 3
 * letters, so that short unrelated names (`db`, `tls`) match nothing.
 */
function closest(key, known) {
  const lower = key.toLowerCase();
  let best;
  let bestScore = Infinity;
  for (const name of known) {
    const limit = Math.min(2, Math.floor(Math.max(key.length, name.length) / 3));
    const distance = editDistance(lower, name.toLowerCase(), limit);
    if (distance > limit) continue;
    // Ties: the name of the same length first (`hots` is `host` rather than `hosts`), then list order.
    const score = distance * 100 + Math.abs(key.length - name.length);
    if (score < bestScore) {
      best = name;
      bestScore = score;
    }
  }
  return best;
}

/**
 * Throws a TypeError for the first key of `object` not in `known`, naming it as `${prefix}.${key}`
 * and the closest valid key; `hint` ends the message when none is close.
 */
function checkKeys(object, known, prefix, hint) {
  for (const key of Object.keys(object)) {
    if (known.includes(key)) continue;
    const suggestion = closest(key, known);
    throw new TypeError(
      `Unknown option ${prefix}.${key}` +
        (suggestion === undefined ? (hint ? ` (${hint})` : '') : ` (did you mean ${prefix}.${suggestion}?)`),
    );
  }
}

const warned = new Set();

/**
 * One process warning for each key of `options` that is not in `known` but close to a known name,
 * once per key and process (a pool opening 100 connections warns once). `what` names the kind of
 * config in the message ('' for a connection or pool).
 */
function warnUnknownKeys(options, known, what = '') {
  for (const key of Object.keys(options)) {
    if (known.includes(key)) continue;
    const seen = what + '\0' + key;
    if (warned.has(seen)) continue;
    const suggestion = closest(key, known);
    if (suggestion === undefined) continue;
    warned.add(seen);
    process.emitWarning(`Unknown ${what}option ${key} (did you mean ${suggestion}?); it is ignored`, {
      code: WARNING_CODE,
    });
  }
}

module.exports = {
  CONFIG_OPTIONS,
  POOL_OPTIONS,
  POOL_CLUSTER_OPTIONS,
  RECONNECT_OPTIONS,
  HOST_OPTIONS,
  SSL_OPTIONS,
  WARNING_CODE,
  editDistance,
  closest,
  checkKeys,
  warnUnknownKeys,
};
