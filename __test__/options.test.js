'use strict';
// Option names: typos are not silent. An unknown key in one of our own option objects (`reconnect`,
// `ssl`, a `hosts` entry) is a TypeError naming it and the closest valid key; an unknown top-level
// key is accepted, as in `mysql`, but one close to a known option gets a single process warning
// (RECONNECTING_MYSQL_UNKNOWN_OPTION) per key and process. No server: nothing here connects.

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { spawn } = require('node:child_process');
const path = require('node:path');
const mysql = require('..');
const promiseApi = require('../promise');
const { ConnectionConfig } = require('../lib/config');
const { PoolConfig } = require('../lib/pool-config');
const { editDistance, closest, CONFIG_OPTIONS } = require('../lib/option-names');

const CODE = 'RECONNECTING_MYSQL_UNKNOWN_OPTION';

/** The warnings with our code that `fn` leads to (they are emitted on the next tick). */
async function warningsOf(fn) {
  const seen = [];
  const onWarning = (warning) => {
    if (warning.code === CODE) seen.push(warning);
  };
  process.on('warning', onWarning);
  try {
    await fn();
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
  } finally {
    process.off('warning', onWarning);
  }
  return seen;
}

/** Asserts `fn` throws a TypeError whose message is exactly `message`. */
function throwsUnknown(fn, message) {
  assert.throws(fn, (err) => {
    assert.ok(err instanceof TypeError, `expected TypeError, got ${err && err.constructor.name}`);
    assert.equal(err.message, message);
    return true;
  });
}

function closeAll(handle) {
  if (typeof handle.destroy === 'function') handle.destroy();
  else if (typeof handle.end === 'function') handle.end(() => {});
}

test('the distance: Damerau-Levenshtein, with a cap', () => {
  assert.equal(editDistance('host', 'host', 2), 0);
  assert.equal(editDistance('hots', 'host', 2), 1); // a swap of neighbours is one edit
  assert.equal(editDistance('pasword', 'password', 2), 1);
  assert.equal(editDistance('databse', 'database', 2), 1);
  assert.equal(editDistance('maxIdle', 'minIdle', 2), 2);
  assert.equal(editDistance('abc', 'xyz', 2), 3); // past the cap: cap + 1
  assert.equal(editDistance('a', 'abcdef', 2), 3);
  // Close: case aside, at most 2 edits and at most one per 3 letters.
  assert.equal(closest('hots', CONFIG_OPTIONS), 'host');
  assert.equal(closest('conectTimeout', CONFIG_OPTIONS), 'connectTimeout');
  assert.equal(closest('pasword', CONFIG_OPTIONS), 'password');
  assert.equal(closest('databse', CONFIG_OPTIONS), 'database');
  assert.equal(closest('socketpath', CONFIG_OPTIONS), 'socketPath');
  assert.equal(closest('multipleStatement', CONFIG_OPTIONS), 'multipleStatements');
  for (const far of ['db', 'tls', 'id', 'ca', 'name', 'timeout', 'hostname', 'retry', 'connectionTimeout']) {
    assert.equal(closest(far, CONFIG_OPTIONS), undefined, far);
  }
});

test('reconnect: an unknown key throws naming it and the closest valid key', () => {
  throwsUnknown(
    () => mysql.createConnection({ reconnect: { maxAtempts: 3 } }),
    'Unknown option reconnect.maxAtempts (did you mean reconnect.maxAttempts?)',
  );
  throwsUnknown(
    () => mysql.createConnection({ reconnect: { intial: true } }),
    'Unknown option reconnect.intial (did you mean reconnect.initial?)',
  );
  throwsUnknown(
    () => mysql.createConnection({ reconnect: { maxtime: 5 } }),
    'Unknown option reconnect.maxtime (did you mean reconnect.maxTime?)',
  );
  throwsUnknown(
    () => mysql.createConnection({ reconnect: { basedelay: 5, maxDelay: 10 } }),
    'Unknown option reconnect.basedelay (did you mean reconnect.baseDelay?)',
  );
  throwsUnknown(
    () => mysql.createConnection({ reconnect: { enable: false } }),
    'Unknown option reconnect.enable (did you mean reconnect.enabled?)',
  );
  // No close match: no suggestion, the valid keys instead. An undefined value is still a typo.
  throwsUnknown(
    () => mysql.createConnection({ reconnect: { retries: 3 } }),
    'Unknown option reconnect.retries (expected one of initial, maxAttempts, maxTime, baseDelay, maxDelay, enabled)',
  );
  throwsUnknown(
    () => mysql.createConnection({ reconnect: { backoff: undefined } }),
    'Unknown option reconnect.backoff (expected one of initial, maxAttempts, maxTime, baseDelay, maxDelay, enabled)',
  );
});

test('ssl: an unknown key throws naming it and the closest valid key; every mysql and Node TLS key is accepted', () => {
  throwsUnknown(
    () => mysql.createConnection({ ssl: { rejectUnauthorised: false } }),
    'Unknown option ssl.rejectUnauthorised (did you mean ssl.rejectUnauthorized?)',
  );
  throwsUnknown(
    () => mysql.createConnection({ ssl: { serverName: 'db' } }),
    'Unknown option ssl.serverName (did you mean ssl.servername?)',
  );
  throwsUnknown(
    () => mysql.createConnection({ ssl: { minversion: 'TLSv1.2' } }),
    'Unknown option ssl.minversion (did you mean ssl.minVersion?)',
  );
  throwsUnknown(
    () => mysql.createConnection({ ssl: { cas: 'x' } }),
    'Unknown option ssl.cas (did you mean ssl.ca?)',
  );
  throwsUnknown(
    () => mysql.createConnection({ ssl: { verifyIdentity: true } }),
    "Unknown option ssl.verifyIdentity (not a TLS option of mysql or of Node's tls.connect)",
  );
  // What `mysql` reads (ca, cert, ciphers, key, passphrase, rejectUnauthorized), ours, and Node's
  // other TLS options (accepted, as `mysql` and Node accept them; see README, TLS, for what is honoured).
  const accepted = [
    { ca: 'pem', ciphers: 'ECDHE-RSA-AES128-GCM-SHA256', rejectUnauthorized: false },
    { servername: 'db.example.com', minVersion: 'TLSv1', maxVersion: 'TLSv1.3' },
    { ca: ['a', 'b'], crl: 'x', ecdhCurve: 'auto', honorCipherOrder: true, secureOptions: 0 },
    { sigalgs: 'x', dhparam: 'x', secureProtocol: 'TLS_method', sessionIdContext: 'x', ticketKeys: 'x' },
    { checkServerIdentity: () => undefined, session: undefined, minDHSize: 1024, enableTrace: false },
    { ALPNProtocols: [], requestCert: true, requestOCSP: false, secureContext: undefined, sessionTimeout: 1 },
    {
      allowPartialTrustChain: false,
      clientCertEngine: 'x',
      privateKeyEngine: 'x',
      privateKeyIdentifier: 'x',
    },
    { pskCallback: () => null },
  ];
  for (const ssl of accepted) closeAll(mysql.createConnection({ ssl }));
  closeAll(mysql.createConnection({ ssl: true }));
  closeAll(mysql.createConnection({ ssl: 'Amazon RDS' }));
  // pfx is a known key with its own, older refusal.
  assert.throws(() => mysql.createConnection({ ssl: { pfx: 'x' } }), /ssl\.pfx: PKCS#12 is not supported/);
});

test('hosts: an unknown key of an entry throws naming the entry, the key and the closest valid one', () => {
  throwsUnknown(
    () => mysql.createConnection({ hosts: ['a:1', { hots: 'b' }] }),
    'Unknown option hosts[1].hots (did you mean hosts[1].host?)',
  );
  throwsUnknown(
    () => mysql.createConnection({ hosts: [{ host: 'a', prot: 3307 }] }),
    'Unknown option hosts[0].prot (did you mean hosts[0].port?)',
  );
  throwsUnknown(
    () => mysql.createConnection({ hosts: [{ host: 'a', weight: 2 }] }),
    'Unknown option hosts[0].weight (expected one of host, port)',
  );
  // Every valid form.
  const config = new ConnectionConfig({
    hosts: [
      'a',
      'b:3307',
      '[::1]:3308',
      '::2',
      { host: 'c' },
      { host: 'd', port: 3309 },
      { host: 'e', port: '3310' },
    ],
  });
  assert.deepEqual(
    config.hosts.map(({ host, port }) => `${host}:${port}`),
    ['a:3306', 'b:3307', '::1:3308', '::2:3306', 'c:3306', 'd:3309', 'e:3310'],
  );
  assert.equal(new ConnectionConfig({ hosts: 'a,b:3307' }).hosts.length, 2);
});

test('the error surfaces the same way from every entry point, and from a URL', () => {
  const message = 'Unknown option reconnect.maxAtempts (did you mean reconnect.maxAttempts?)';
  const bad = { reconnect: { maxAtempts: 3 } };
  throwsUnknown(() => mysql.createConnection(bad), message);
  throwsUnknown(() => mysql.createPool(bad), message);
  throwsUnknown(() => mysql.createPoolCluster().add(bad), message);
  throwsUnknown(() => mysql.createPoolCluster().add('node', bad), message);
  // As every other config error of the promise API: thrown at once, not a rejection.
  throwsUnknown(() => promiseApi.createConnection(bad), message);
  throwsUnknown(() => promiseApi.createPool(bad), message);
  throwsUnknown(() => promiseApi.createPoolCluster().add(bad), message);
  // The URL form's ?opt=JSON values go through the same checks.
  const url = 'mysql://u:p@localhost/db?reconnect=' + encodeURIComponent('{"maxAtempts":3}');
  throwsUnknown(() => mysql.createConnection(url), message);
  throwsUnknown(() => mysql.createPool(url), message);
  throwsUnknown(() => mysql.createPoolCluster().add('n', url), message);
  throwsUnknown(
    () =>
      mysql.createConnection(
        'mysql://u@localhost/db?ssl=' + encodeURIComponent('{"rejectUnauthorised":false}'),
      ),
    'Unknown option ssl.rejectUnauthorised (did you mean ssl.rejectUnauthorized?)',
  );
});

test('valid configs in all their forms still parse, silently', async () => {
  const warnings = await warningsOf(() => {
    const full = {
      host: 'db',
      port: 3307,
      localAddress: '127.0.0.1',
      user: 'u',
      password: 'p',
      database: 'd',
      charset: 'utf8mb4_general_ci',
      timezone: 'Z',
      connectTimeout: 1000,
      insecureAuth: false,
      supportBigNumbers: true,
      bigNumberStrings: true,
      dateStrings: ['DATE'],
      debug: false,
      trace: false,
      stringifyObjects: false,
      flags: '-FOUND_ROWS',
      queryFormat: (sql) => sql,
      localInfile: false,
      multipleStatements: false,
      typeCast: true,
      infileStreamFactory: () => null,
      reconnect: {
        initial: true,
        maxAttempts: 3,
        maxTime: 1000,
        baseDelay: 10,
        maxDelay: 100,
        enabled: true,
      },
      hosts: ['db:3307', { host: 'db2', port: 3308 }],
      failoverDeny: 100,
      failoverReadOnly: false,
      queueLimit: 5,
      queueTimeout: 100,
      pingAfterIdle: false,
      keepAlive: 1000,
      pingTimeout: 100,
      onConnect: ['SET @a = 1'],
      ssl: { ca: 'pem', rejectUnauthorized: false, servername: 'db', minVersion: 'TLSv1.2' },
    };
    closeAll(mysql.createConnection(full));
    closeAll(mysql.createConnection({ charsetNumber: 33, reconnect: false, socketPath: '/tmp/none.sock' }));
    closeAll(mysql.createConnection({ reconnect: true, ssl: false, keepAlive: true }));
    closeAll(mysql.createConnection({ reconnect: {} }));
    closeAll(mysql.createConnection());
    closeAll(mysql.createConnection('mysql://u:p@h1:3306,h2:3307/db?connectTimeout=100&reconnect=false'));
    closeAll(
      mysql.createConnection(
        'mysql://u@h/db?reconnect=' + encodeURIComponent('{"maxAttempts":2,"initial":true}'),
      ),
    );
    // A pool's options, `mysql`'s and ours, with connection options; a pool config copied for
    // each connection; a cluster's options.
    const pool = mysql.createPool({
      ...full,
      acquireTimeout: 100,
      waitForConnections: false,
      connectionLimit: 3,
      queueLimit: 2,
      maxLifetime: 1000,
      idleTimeout: false,
      minIdle: 1,
      resetOnRelease: true,
    });
    pool.config.newConnectionConfig();
    closeAll(pool);
    closeAll(mysql.createPool('mysql://u@h/db?connectionLimit=2&minIdle=1'));
    const cluster = mysql.createPoolCluster({
      canRetry: false,
      removeNodeErrorCount: 2,
      restoreNodeTimeout: 100,
      defaultSelector: 'ORDER',
    });
    cluster.add('a', { host: 'a', connectionLimit: 2, reconnect: { maxAttempts: 1 } });
    cluster.add({ host: 'b' });
    cluster.end(() => {});
    // A config shared between a connection and a pool: pool options in a connection's config are
    // not typos.
    closeAll(mysql.createConnection({ host: 'db', connectionLimit: 5, acquireTimeout: 100 }));
    // The parsed config itself (which carries clientFlags, maxPacketSize, a parsed reconnect and
    // hosts) is accepted back, as `mysql`'s PoolConfig copies it.
    const parsed = new ConnectionConfig(full);
    assert.equal(new ConnectionConfig(parsed).reconnect.maxAttempts, 3);
  });
  assert.deepEqual(
    warnings.map((w) => w.message),
    [],
  );
});

test('a top-level close misspelling warns once, naming the key and the suggestion; the key is ignored', async () => {
  const warnings = await warningsOf(() => {
    for (let i = 0; i < 3; i++) {
      const conn = mysql.createConnection({ hots: 'db.example.com', user: 'app' });
      // Accepted and ignored, as `mysql` ignores it.
      assert.equal(conn.config.host, 'localhost');
      closeAll(conn);
    }
  });
  assert.equal(warnings.length, 1);
  assert.equal(warnings[0].name, 'Warning');
  assert.equal(warnings[0].code, CODE);
  assert.equal(warnings[0].message, 'Unknown option hots (did you mean host?); it is ignored');

  // Each distinct key warns once, each with its own suggestion.
  const more = await warningsOf(() => {
    closeAll(mysql.createConnection({ conectTimeout: 5, pasword: 'secret', databse: 'shop' }));
    closeAll(mysql.createConnection({ conectTimeout: 5, pasword: 'secret', databse: 'shop' }));
    // A URL's query keys too.
    closeAll(mysql.createConnection('mysql://u@h/db?multipleStatement=true'));
    closeAll(mysql.createConnection('mysql://u@h/db?multipleStatement=true'));
  });
  assert.deepEqual(
    more.map((w) => w.message),
    [
      'Unknown option conectTimeout (did you mean connectTimeout?); it is ignored',
      'Unknown option pasword (did you mean password?); it is ignored',
      'Unknown option databse (did you mean database?); it is ignored',
      'Unknown option multipleStatement (did you mean multipleStatements?); it is ignored',
    ],
  );
  // The warning never carries the value (a misspelled password's value is a password).
  assert.ok(more.every((w) => !w.message.includes('secret')));
});

test('unknown top-level keys far from any option are accepted silently, as in mysql', async () => {
  const warnings = await warningsOf(() => {
    closeAll(mysql.createConnection({ db: 'x', name: 'primary', tls: true, retry: 3, connectionTimeout: 5 }));
    closeAll(mysql.createConnection({ namedPlaceholders: true, rowsAsArray: false, application: 'app' }));
    closeAll(mysql.createPool({ region: 'eu', connectionLimit: 2 }));
    mysql.createPoolCluster({ nodes: [] }).end(() => {});
  });
  assert.deepEqual(
    warnings.map((w) => w.message),
    [],
  );
});

test('pools: a misspelled pool or connection key warns once, however many connections the pool makes', async () => {
  const warnings = await warningsOf(() => {
    for (let i = 0; i < 2; i++) {
      const pool = mysql.createPool({ conectionLimit: 100, aquireTimeout: 5, user: 'app' });
      // The pool copies its connection config for each new connection: no more warnings.
      for (let n = 0; n < 100; n++) pool.config.newConnectionConfig();
      assert.equal(pool.config.connectionLimit, 10);
      closeAll(pool);
    }
    const config = new PoolConfig({ idleTimout: 5, connectionLimit: 1 });
    for (let n = 0; n < 100; n++) config.newConnectionConfig();
    closeAll(promiseApi.createPool({ idleTimout: 5 }));
  });
  assert.deepEqual(
    warnings.map((w) => w.message),
    [
      'Unknown option conectionLimit (did you mean connectionLimit?); it is ignored',
      'Unknown option aquireTimeout (did you mean acquireTimeout?); it is ignored',
      'Unknown option idleTimout (did you mean idleTimeout?); it is ignored',
    ],
  );
});

test('PoolCluster: a misspelled cluster option warns once; a node config gets the pool check', async () => {
  const warnings = await warningsOf(() => {
    for (let i = 0; i < 2; i++) {
      const cluster = mysql.createPoolCluster({ canRetyr: false, restoreNodeTimout: 5 });
      assert.equal(cluster._canRetry, true);
      cluster.add('a', { host: 'a', minIdel: 1 });
      cluster.end(() => {});
    }
    promiseApi.createPoolCluster({ defaultSelecter: 'ORDER' }).end();
  });
  assert.deepEqual(
    warnings.map((w) => w.message),
    [
      'Unknown PoolCluster option canRetyr (did you mean canRetry?); it is ignored',
      'Unknown PoolCluster option restoreNodeTimout (did you mean restoreNodeTimeout?); it is ignored',
      'Unknown option minIdel (did you mean minIdle?); it is ignored',
      'Unknown PoolCluster option defaultSelecter (did you mean defaultSelector?); it is ignored',
    ],
  );
});

test('in a fresh process: one warning on stderr with the code, across every entry point', async () => {
  const script = `
    const mysql = require(${JSON.stringify(path.join(__dirname, '..'))});
    const promiseApi = require(${JSON.stringify(path.join(__dirname, '..', 'promise'))});
    mysql.createConnection({ hots: 'x' }).destroy();
    mysql.createConnection('mysql://u@h/db?hots=x').destroy();
    const pool = mysql.createPool({ hots: 'x', connectionLimit: 100 });
    for (let i = 0; i < 100; i++) pool.config.newConnectionConfig();
    pool.end(() => {});
    mysql.createPoolCluster().add('a', { hots: 'x' });
    promiseApi.createPool({ hots: 'x' }).end();
  `;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const code = await new Promise((resolve) => child.on('close', resolve));
  assert.equal(code, 0, stderr);
  const lines = stderr.split('\n').filter((line) => line.includes(`[${CODE}]`));
  assert.equal(lines.length, 1, stderr);
  assert.match(lines[0], /Warning: Unknown option hots \(did you mean host\?\); it is ignored$/);
});
