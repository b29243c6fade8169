'use strict';
// Connection options: `mysql`'s ConnectionConfig (same fields, defaults and URL form) plus the
// self-healing options, validated up front so that bad input is a TypeError/RangeError naming the
// field, never a crash in the native layer.

const crypto = require('node:crypto');
const util = require('node:util');
const Charsets = require('./constants/charsets');
const ClientConstants = require('./constants/client');
const {
  CONFIG_OPTIONS,
  RECONNECT_OPTIONS,
  HOST_OPTIONS,
  SSL_OPTIONS,
  checkKeys,
  warnUnknownKeys,
} = require('./option-names');

// `mysql`'s default client flags; `flags` adds or removes from them the same way.
const DEFAULT_FLAGS = [
  '-COMPRESS',
  '-CONNECT_ATTRS',
  '+CONNECT_WITH_DB',
  '+FOUND_ROWS',
  '+IGNORE_SPACE',
  '+LOCAL_FILES',
  '+LONG_FLAG',
  '+LONG_PASSWORD',
  '+MULTI_RESULTS',
  '+ODBC',
  '-PLUGIN_AUTH',
  '+PROTOCOL_41',
  '+PS_MULTI_RESULTS',
  '+RESERVED',
  '+SECURE_CONNECTION',
  '+TRANSACTIONS',
];

function parseFlagList(flagList) {
  const allFlags = Object.create(null);
  if (!flagList) return allFlags;
  const flags = !Array.isArray(flagList)
    ? String(flagList || '')
        .toUpperCase()
        .split(/\s*,+\s*/)
    : flagList;
  for (const flag of flags) {
    let offset = 1;
    let state = flag[0];
    if (state === undefined) continue;
    if (state !== '-' && state !== '+') {
      offset = 0;
      state = '+';
    }
    allFlags[flag.substr(offset)] = state === '+';
  }
  return allFlags;
}

/** `mysql`'s ConnectionConfig.mergeFlags: a default that is off cannot be turned on. */
function clientFlags(options) {
  const defaults = [...DEFAULT_FLAGS];
  if (options.localInfile !== undefined && !options.localInfile) defaults.push('-LOCAL_FILES');
  if (options.multipleStatements) defaults.push('+MULTI_STATEMENTS');
  const allFlags = parseFlagList(defaults);
  const newFlags = parseFlagList(options.flags);
  for (const flag in newFlags) {
    if (allFlags[flag] !== false) allFlags[flag] = newFlags[flag];
  }
  let flags = 0;
  for (const flag in allFlags) {
    if (allFlags[flag]) flags |= ClientConstants['CLIENT_' + flag] || 0;
  }
  return flags;
}

const DEFAULTS = {
  reconnect: { initial: false, maxAttempts: Infinity, maxTime: Infinity, baseDelay: 100, maxDelay: 10000 },
  queueLimit: 10000,
  queueTimeout: 30000,
  pingAfterIdle: 5000,
  keepAlive: false,
  pingTimeout: 5000,
  failoverDeny: 5000,
};

// scheme://[user[:password]@]host[:port]: the port as written, to name it when WHATWG URL refuses it.
const URL_PORT = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/?#]*@)?(?:\[[^\]]*\]|[^:/?#]*):([^/?#]*)/i;

/** A percent-decoded part of the URL; malformed escapes are a TypeError naming the part. */
function decodeUrlPart(text, part) {
  try {
    return decodeURIComponent(text);
  } catch {
    throw new TypeError(`Invalid connection URL: the ${part} has a malformed percent-escape`);
  }
}

// `scheme://[user[:password]@]h1[:p1],h2[:p2],...[/db][?opts]`: the URL parser takes one host only.
const MULTI_HOST_URL = /^([a-z][a-z0-9+.-]*:\/\/(?:[^@/?#]*@)?)([^/?#]*,[^/?#]*)(.*)$/is;

function parseUrl(url) {
  let hosts;
  const multiHost = typeof url === 'string' ? MULTI_HOST_URL.exec(url) : null;
  if (multiHost) {
    hosts = multiHost[2].split(',').map((host) => decodeUrlPart(host, 'hosts'));
    url = multiHost[1] + multiHost[2].split(',')[0] + multiHost[3];
  }
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    // The port is named, not quoted: in a mistyped URL what looks like a port may be a password.
    const port = URL_PORT.exec(url);
    if (port !== null && (!/^\d*$/.test(port[1]) || Number(port[1]) > 65535)) {
      throw new RangeError(
        "Invalid option port: the connection URL's port must be an integer from 0 to 65535",
      );
    }
    // Not Node's message: it may quote the URL, and with it the password.
    throw new TypeError('Invalid connection URL (not repeated here: it may contain a password)');
  }
  const options = {
    host: decodeUrlPart(parsed.hostname, 'host') || undefined,
    port: parsed.port || undefined,
    database: decodeUrlPart(parsed.pathname.substr(1), 'database'),
  };
  if (parsed.username) options.user = decodeUrlPart(parsed.username, 'user');
  if (parsed.password) options.password = decodeUrlPart(parsed.password, 'password');
  for (const [key, value] of parsed.searchParams) {
    try {
      // As in `mysql`: a JSON value if it parses, else the plain string.
      options[key] = JSON.parse(value);
    } catch {
      options[key] = value;
    }
  }
  if (hosts) options.hosts = hosts;
  return options;
}

function fail(Type, field, expected, value) {
  const shown = typeof value === 'string' ? JSON.stringify(value) : String(value);
  return new Type(
    `Invalid option ${field}: expected ${expected}, got ${typeof value === 'object' ? (value === null ? 'null' : 'object') : shown}`,
  );
}

function optionalString(options, field) {
  const value = options[field];
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') throw fail(TypeError, field, 'a string', value);
  return value;
}

/** A duration in ms: a non-negative finite number, or Infinity when `infinite` allows it. */
function duration(value, field, { infinite = false } = {}) {
  if (typeof value !== 'number' || Number.isNaN(value))
    throw fail(TypeError, field, 'a number of milliseconds', value);
  if (value < 0 || (!infinite && !Number.isFinite(value))) {
    throw fail(RangeError, field, infinite ? 'a number >= 0 or Infinity' : 'a finite number >= 0', value);
  }
  return value;
}

function count(value, field) {
  if (typeof value !== 'number' || Number.isNaN(value)) throw fail(TypeError, field, 'a number', value);
  if (value < 0 || (Number.isFinite(value) && !Number.isInteger(value))) {
    throw fail(RangeError, field, 'a whole number >= 0 or Infinity', value);
  }
  return value;
}

/** One entry of `hosts`: 'host', 'host:port', '[ipv6]:port' or { host, port }. */
function parseHost(entry, field, defaultPort) {
  let host;
  let port;
  if (typeof entry === 'string') {
    const match = /^\[([^\]]*)\](?::([^:]*))?$/.exec(entry) || /^([^:]*)(?::([^:]*))?$/.exec(entry);
    // A bare IPv6 address (several colons, no brackets) has no port.
    [host, port] = match ? [match[1], match[2]] : [entry, undefined];
  } else if (typeof entry === 'object' && entry !== null) {
    checkKeys(entry, HOST_OPTIONS, field, 'expected one of host, port');
    ({ host, port } = entry);
  } else {
    throw fail(TypeError, field, "'host:port' or { host, port }", entry);
  }
  if (typeof host !== 'string' || host.trim() === '')
    throw fail(TypeError, `${field}.host`, 'a host name or address', host);
  const number = port === undefined || port === '' ? defaultPort : Number(port);
  if (!Number.isInteger(number) || number < 1 || number > 65535)
    throw fail(RangeError, `${field}.port`, 'an integer from 1 to 65535', port);
  return { host: host.trim(), port: number };
}

/** `hosts`: an array (or a comma list) of hosts, in order of preference; undefined if not given. */
function parseHosts(value, defaultPort) {
  if (value === undefined || value === null) return undefined;
  const list = typeof value === 'string' ? value.split(',') : value;
  if (!Array.isArray(list))
    throw fail(TypeError, 'hosts', "an array of 'host:port' or { host, port }", value);
  if (list.length === 0) throw fail(RangeError, 'hosts', 'at least one host', '[]');
  return list.map((entry, index) => parseHost(entry, `hosts[${index}]`, defaultPort));
}

function parseReconnect(value) {
  if (value === undefined || value === true) return { enabled: true, ...DEFAULTS.reconnect };
  if (value === false) return { enabled: false, ...DEFAULTS.reconnect };
  if (typeof value !== 'object' || value === null)
    throw fail(TypeError, 'reconnect', 'a boolean or an object', value);
  checkKeys(value, RECONNECT_OPTIONS, 'reconnect', `expected one of ${RECONNECT_OPTIONS.join(', ')}`);
  const merged = { ...DEFAULTS.reconnect, ...value };
  if (typeof merged.initial !== 'boolean')
    throw fail(TypeError, 'reconnect.initial', 'a boolean', merged.initial);
  return {
    enabled: value.enabled !== false,
    initial: merged.initial,
    maxAttempts: count(merged.maxAttempts, 'reconnect.maxAttempts'),
    maxTime: duration(merged.maxTime, 'reconnect.maxTime', { infinite: true }),
    baseDelay: duration(merged.baseDelay, 'reconnect.baseDelay'),
    maxDelay: duration(merged.maxDelay, 'reconnect.maxDelay'),
  };
}

function parseKeepAlive(value) {
  if (value === undefined || value === false || value === 0) return { mode: 'off' };
  if (value === true) return { mode: 'auto' };
  if (typeof value === 'number') return { mode: 'interval', interval: duration(value, 'keepAlive') };
  throw fail(TypeError, 'keepAlive', 'a boolean or a number of milliseconds', value);
}

function parseOnConnect(value) {
  if (value === undefined || value === null) return [];
  if (typeof value === 'function') return value;
  const list = Array.isArray(value) ? value : [value];
  for (const sql of list) {
    if (typeof sql !== 'string')
      throw fail(TypeError, 'onConnect', 'an SQL string, an array of them, or a function', sql);
  }
  return list;
}

/** A named TLS profile of `mysql` ('Amazon RDS'), loaded on first use. */
function getSSLProfile(name) {
  const profile = require('./constants/ssl_profiles')[name];
  if (profile === undefined) throw new TypeError(`Unknown SSL profile '${name}'`);
  return profile;
}

// rustls speaks TLS 1.2 and 1.3 only. A minimum below 1.2 is met by 1.2 itself, so it is taken
// as 1.2; a maximum below 1.2 cannot be met and is refused.
const TLS_VERSIONS = ['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'];
const OLDEST_SUPPORTED_TLS = 'TLSv1.2';

function tlsVersion(ssl, field) {
  const value = ssl[field];
  if (value === undefined || value === null) return undefined;
  if (!TLS_VERSIONS.includes(value))
    throw fail(RangeError, `ssl.${field}`, TLS_VERSIONS.map((v) => `'${v}'`).join(', '), value);
  return value;
}

function pemInput(value, field) {
  if (typeof value === 'string' || Buffer.isBuffer(value)) return value;
  throw fail(TypeError, `ssl.${field}`, 'a PEM string or Buffer', value);
}

/**
 * The `ssl` option checked and put in the shape the native layer takes, or undefined. Throws a
 * TypeError/RangeError naming the field; messages never repeat key material or the passphrase.
 */
function nativeSsl(ssl) {
  if (!ssl) return undefined;
  if (ssl.pfx !== undefined)
    throw new TypeError('Invalid option ssl.pfx: PKCS#12 is not supported; give ssl.cert and ssl.key as PEM');
  if ((ssl.cert === undefined) !== (ssl.key === undefined)) {
    throw new TypeError('Invalid option ssl: a client certificate needs both ssl.cert and ssl.key');
  }
  if (ssl.servername !== undefined && (typeof ssl.servername !== 'string' || ssl.servername === '')) {
    throw fail(TypeError, 'ssl.servername', 'a host name', ssl.servername);
  }
  const minVersion = tlsVersion(ssl, 'minVersion');
  const maxVersion = tlsVersion(ssl, 'maxVersion');
  if (
    maxVersion !== undefined &&
    TLS_VERSIONS.indexOf(maxVersion) < TLS_VERSIONS.indexOf(OLDEST_SUPPORTED_TLS)
  ) {
    throw new RangeError(
      `Invalid option ssl.maxVersion: '${maxVersion}' is older than ${OLDEST_SUPPORTED_TLS}, the oldest version this client speaks`,
    );
  }
  if (
    minVersion !== undefined &&
    maxVersion !== undefined &&
    TLS_VERSIONS.indexOf(minVersion) > TLS_VERSIONS.indexOf(maxVersion)
  ) {
    throw new RangeError(
      `Invalid option ssl.minVersion: '${minVersion}' is newer than ssl.maxVersion '${maxVersion}'`,
    );
  }
  let key;
  if (ssl.key !== undefined) {
    if (ssl.passphrase !== undefined && typeof ssl.passphrase !== 'string')
      throw fail(TypeError, 'ssl.passphrase', 'a string', '[hidden]');
    try {
      // Node reads every PEM key form, encrypted ones too; rustls takes PKCS#8 unencrypted.
      key = crypto
        .createPrivateKey({ key: pemInput(ssl.key, 'key'), passphrase: ssl.passphrase })
        .export({ type: 'pkcs8', format: 'pem' });
    } catch (err) {
      if (err instanceof TypeError && err.message.startsWith('Invalid option')) throw err;
      throw new TypeError(
        `Invalid option ssl.key: not a usable PEM private key${ssl.passphrase === undefined ? '' : ' (or a wrong passphrase)'} (${err.code || err.message})`,
      );
    }
  }
  return {
    ca:
      ssl.ca === undefined || ssl.ca === null
        ? undefined
        : [].concat(ssl.ca).map((pem) => Buffer.from(pemInput(pem, 'ca'))),
    cert: ssl.cert === undefined ? undefined : Buffer.from(pemInput(ssl.cert, 'cert')),
    key: key === undefined ? undefined : Buffer.from(key),
    rejectUnauthorized: ssl.rejectUnauthorized !== false,
    servername: ssl.servername,
    minVersion:
      minVersion === undefined
        ? undefined
        : TLS_VERSIONS.indexOf(minVersion) < TLS_VERSIONS.indexOf(OLDEST_SUPPORTED_TLS)
          ? OLDEST_SUPPORTED_TLS
          : minVersion,
    maxVersion,
  };
}

/** The TLS options with the private key and its passphrase non-enumerable: out of inspect/JSON. */
/** A copy of `ssl` that keeps the hidden fields (a pool copies its config for each connection). */
function withSecrets(ssl) {
  const copy = { ...ssl };
  for (const field of ['key', 'passphrase']) if (ssl[field] !== undefined) copy[field] = ssl[field];
  return copy;
}

function hideSecrets(ssl) {
  for (const field of ['key', 'passphrase']) {
    if (ssl[field] !== undefined)
      Object.defineProperty(ssl, field, {
        value: ssl[field],
        enumerable: false,
        writable: true,
        configurable: true,
      });
  }
  return ssl;
}

function getCharsetNumber(charset) {
  if (typeof charset !== 'string') throw fail(TypeError, 'charset', 'a charset or collation name', charset);
  const number = Charsets[charset.toUpperCase()];
  if (number === undefined) throw new TypeError(`Unknown charset '${charset}'`);
  return number;
}

/** The collation name for a charset number, e.g. 33 -> 'UTF8_GENERAL_CI'. */
function collationName(number) {
  for (const name of Object.keys(Charsets)) {
    if (Charsets[name] === number && name.includes('_')) return name;
  }
  return undefined;
}

/** The statement that makes the server talk in the configured charset (mysql_async greets in utf8mb4). */
function charsetStatement(charsetNumber) {
  if (charsetNumber === Charsets.UTF8MB4_GENERAL_CI) return undefined;
  if (charsetNumber === Charsets.BINARY) return 'SET NAMES binary';
  const collation = collationName(charsetNumber);
  if (!collation) return undefined;
  const lower = collation.toLowerCase();
  const charset = lower === 'binary' ? 'binary' : lower.slice(0, lower.indexOf('_'));
  return lower === 'binary' ? 'SET NAMES binary' : `SET NAMES ${charset} COLLATE ${lower}`;
}

// Named so that an inspected config still reads `ConnectionConfig { ... }`.
const ConfigView = class ConnectionConfig {};

class ConnectionConfig {
  // The password lives in a private field behind an accessor: it is not in JSON or an object
  // spread of the config, and the custom inspect below leaves it out whatever the options.
  #password;

  get password() {
    return this.#password;
  }

  set password(value) {
    this.#password = value;
  }

  constructor(options) {
    if (typeof options === 'string') options = parseUrl(options);
    if (options === undefined || options === null) options = {};
    if (typeof options !== 'object')
      throw fail(TypeError, 'config', 'an object or a connection URL', options);
    // A copy of a parsed config (a pool's, for each new connection) was checked when it was made.
    if (!(options instanceof ConnectionConfig)) warnUnknownKeys(options, CONFIG_OPTIONS);

    this.host = options.host || 'localhost';
    if (typeof this.host !== 'string') throw fail(TypeError, 'host', 'a string', this.host);
    const port = options.port === undefined || options.port === '' ? 3306 : Number(options.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw fail(RangeError, 'port', 'an integer from 0 to 65535', options.port);
    this.port = options.port ? port : 3306;
    this.localAddress = options.localAddress;
    this.socketPath = optionalString(options, 'socketPath');
    // Failover (ours): `host`/`port` then name the first host of the list.
    this.hosts = parseHosts(options.hosts, this.port);
    if (this.hosts) {
      if (this.socketPath) throw new TypeError('Invalid option hosts: cannot be combined with socketPath');
      this.host = this.hosts[0].host;
      this.port = this.hosts[0].port;
    }
    this.failoverDeny = duration(
      options.failoverDeny === undefined ? DEFAULTS.failoverDeny : options.failoverDeny,
      'failoverDeny',
    );
    this.failoverReadOnly = options.failoverReadOnly === undefined ? true : options.failoverReadOnly;
    if (typeof this.failoverReadOnly !== 'boolean')
      throw fail(TypeError, 'failoverReadOnly', 'a boolean', this.failoverReadOnly);
    this.pipelining = options.pipelining === undefined ? false : options.pipelining;
    if (typeof this.pipelining !== 'boolean')
      throw fail(TypeError, 'pipelining', 'a boolean', this.pipelining);
    this.user = optionalString(options, 'user');
    this.password = options.password === undefined || options.password === '' ? undefined : options.password;
    if (this.password !== undefined && typeof this.password !== 'string') {
      throw fail(TypeError, 'password', 'a string', '[hidden]');
    }
    this.database = optionalString(options, 'database');
    // 0 means no timeout, as for `mysql`'s socket.setTimeout(0).
    this.connectTimeout =
      options.connectTimeout === undefined ? 10 * 1000 : duration(options.connectTimeout, 'connectTimeout');
    this.insecureAuth = options.insecureAuth || false;
    this.supportBigNumbers = options.supportBigNumbers || false;
    this.bigNumberStrings = options.bigNumberStrings || false;
    this.dateStrings = options.dateStrings || false;
    this.debug = options.debug;
    this.trace = options.trace !== false;
    this.stringifyObjects = options.stringifyObjects || false;
    this.timezone = options.timezone || 'local';
    if (typeof this.timezone !== 'string')
      throw fail(TypeError, 'timezone', "'local', 'Z' or an offset like '+05:00'", this.timezone);
    if (this.timezone[0] === ' ') {
      // "+" in a URL decodes to a space.
      this.timezone = '+' + this.timezone.substr(1);
    }
    this.flags = options.flags || '';
    this.queryFormat = options.queryFormat;
    if (this.queryFormat !== undefined && typeof this.queryFormat !== 'function') {
      throw fail(TypeError, 'queryFormat', 'a function', this.queryFormat);
    }
    this.pool = options.pool || undefined;
    this.ssl = typeof options.ssl === 'string' ? getSSLProfile(options.ssl) : options.ssl || false;
    if (this.ssl) {
      // `ssl: true`: TLS verified against the built-in roots (`mysql` would not verify at all).
      if (this.ssl === true) this.ssl = {};
      if (typeof this.ssl !== 'object') throw fail(TypeError, 'ssl', 'an object of TLS options', this.ssl);
      checkKeys(this.ssl, SSL_OPTIONS, 'ssl', "not a TLS option of mysql or of Node's tls.connect");
      this.ssl = hideSecrets({
        ...withSecrets(this.ssl),
        rejectUnauthorized: this.ssl.rejectUnauthorized !== false,
      });
      if (this.socketPath !== undefined) {
        // mysql_async does not run TLS over a unix socket; refusing beats a plaintext session.
        throw new TypeError(
          'Invalid option ssl: TLS over a unix socket (socketPath) is not supported; connect over TCP (host, port) or drop ssl',
        );
      }
      nativeSsl(this.ssl);
    }
    this.localInfile = options.localInfile === undefined ? true : options.localInfile;
    this.multipleStatements = options.multipleStatements || false;
    this.infileStreamFactory = options.infileStreamFactory;
    if (this.infileStreamFactory !== undefined && typeof this.infileStreamFactory !== 'function') {
      throw fail(TypeError, 'infileStreamFactory', 'a function (path) => Readable', this.infileStreamFactory);
    }
    this.typeCast = options.typeCast === undefined ? true : options.typeCast;
    if (typeof this.typeCast !== 'boolean' && typeof this.typeCast !== 'function') {
      throw fail(TypeError, 'typeCast', 'a boolean or a function', this.typeCast);
    }
    this.maxPacketSize = 0;
    this.charsetNumber = options.charset
      ? getCharsetNumber(options.charset)
      : // A deliberate difference from `mysql` (UTF8_GENERAL_CI, utf8mb3): emoji survive, and the
        // server does not convert every text cell (`charset: 'UTF8_GENERAL_CI'` is `mysql`'s).
        options.charsetNumber || Charsets.UTF8MB4_GENERAL_CI;
    if (!Number.isInteger(this.charsetNumber) || this.charsetNumber < 1 || this.charsetNumber > 2047) {
      throw fail(TypeError, 'charsetNumber', 'a collation number', this.charsetNumber);
    }
    this.clientFlags = clientFlags(options);

    // Self-healing options (ours).
    this.reconnect = parseReconnect(options.reconnect);
    this.queueLimit = count(
      options.queueLimit === undefined ? DEFAULTS.queueLimit : options.queueLimit,
      'queueLimit',
    );
    this.queueTimeout = duration(
      options.queueTimeout === undefined ? DEFAULTS.queueTimeout : options.queueTimeout,
      'queueTimeout',
      { infinite: true },
    );
    const pingAfterIdle =
      options.pingAfterIdle === undefined ? DEFAULTS.pingAfterIdle : options.pingAfterIdle;
    this.pingAfterIdle = pingAfterIdle === false ? false : duration(pingAfterIdle, 'pingAfterIdle');
    this.keepAlive = options.keepAlive === undefined ? DEFAULTS.keepAlive : options.keepAlive;
    Object.defineProperty(this, '_keepAlive', {
      value: parseKeepAlive(this.keepAlive),
      writable: true,
      enumerable: false,
    });
    this.pingTimeout = duration(
      options.pingTimeout === undefined ? DEFAULTS.pingTimeout : options.pingTimeout,
      'pingTimeout',
    );
    // A ping that must answer in 0 ms always fails: every liveness check would drop the connection.
    if (this.pingTimeout === 0) throw fail(RangeError, 'pingTimeout', 'a number of milliseconds > 0', 0);
    this.onConnect = parseOnConnect(options.onConnect);
    // Test-only: makes the native session panic (honoured only with RECONNECTING_MYSQL_TEST_HOOKS=1).
    if (options.__panicAfter !== undefined) {
      Object.defineProperty(this, '__panicAfter', {
        value: count(options.__panicAfter, '__panicAfter'),
        enumerable: false,
      });
    }
  }

  /**
   * What util.inspect shows: the enumerable fields only, so that no inspect option (showHidden,
   * getters) reveals the password or the TLS key and passphrase.
   */
  [util.inspect.custom](depth, options, inspect) {
    const view = Object.assign(new ConfigView(), this);
    if (this.ssl) view.ssl = { ...this.ssl };
    return inspect(view, { ...options, depth });
  }

  /** Statements run on every (re)connect: charset first, then the user's onConnect. */
  initStatements(charsetNumber = this.charsetNumber) {
    const charset = charsetStatement(charsetNumber);
    const statements = typeof this.onConnect === 'function' ? [] : this.onConnect;
    return charset ? [charset, ...statements] : [...statements];
  }

  /** The options the native session takes (milliseconds; absent means unlimited). */
  toNative() {
    const finite = (value) => (Number.isFinite(value) ? Math.min(value, 0xffffffff) : undefined);
    const ssl = nativeSsl(this.ssl);
    return {
      host: this.host,
      port: this.port,
      hosts: this.hosts && this.hosts.map(({ host, port }) => ({ host, port })),
      failoverDeny: finite(this.failoverDeny),
      failoverReadOnly: this.failoverReadOnly,
      pipelining: this.pipelining,
      socketPath: this.socketPath,
      user: this.user,
      password: this.password,
      database: this.database,
      initStatements: this.initStatements(),
      connectTimeout: this.connectTimeout === 0 ? 0xffffffff : (finite(this.connectTimeout) ?? 10000),
      reconnect: this.reconnect.enabled,
      retryFirstConnect: this.reconnect.initial,
      backoffBase: finite(this.reconnect.baseDelay),
      backoffMax: finite(this.reconnect.maxDelay),
      maxAttempts: finite(this.reconnect.maxAttempts),
      maxReconnectTime: finite(this.reconnect.maxTime),
      queueLimit: finite(this.queueLimit),
      queueTimeout: finite(this.queueTimeout),
      pingAfterIdle: this.pingAfterIdle === false ? undefined : finite(this.pingAfterIdle),
      keepalive: this._keepAlive.mode,
      keepaliveInterval: this._keepAlive.interval,
      pingTimeout: finite(this.pingTimeout),
      ssl,
      multipleStatements: (this.clientFlags & ClientConstants.CLIENT_MULTI_STATEMENTS) !== 0,
      localInfile: (this.clientFlags & ClientConstants.CLIENT_LOCAL_FILES) !== 0,
      foundRows: (this.clientFlags & ClientConstants.CLIENT_FOUND_ROWS) !== 0,
      ignoreSpace: (this.clientFlags & ClientConstants.CLIENT_IGNORE_SPACE) !== 0,
      connectHook: typeof this.onConnect === 'function',
      testPanicAfter: this.__panicAfter === undefined ? undefined : finite(this.__panicAfter),
    };
  }
}

module.exports = { ConnectionConfig, parseUrl, getCharsetNumber, charsetStatement };
