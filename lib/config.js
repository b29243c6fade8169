'use strict';
// Connection options: `mysql`'s ConnectionConfig (same fields, defaults and URL form) plus the
// self-healing options, validated up front so that bad input is a TypeError/RangeError naming the
// field, never a crash in the native layer.

const Charsets = require('./constants/charsets');
const ClientConstants = require('./constants/client');

// `mysql`'s default client flags; `flags` adds or removes from them the same way.
const DEFAULT_FLAGS = [
  '-COMPRESS', '-CONNECT_ATTRS', '+CONNECT_WITH_DB', '+FOUND_ROWS', '+IGNORE_SPACE', '+LOCAL_FILES',
  '+LONG_FLAG', '+LONG_PASSWORD', '+MULTI_RESULTS', '+ODBC', '-PLUGIN_AUTH', '+PROTOCOL_41',
  '+PS_MULTI_RESULTS', '+RESERVED', '+SECURE_CONNECTION', '+TRANSACTIONS',
];

function parseFlagList(flagList) {
  const allFlags = Object.create(null);
  if (!flagList) return allFlags;
  const flags = !Array.isArray(flagList) ? String(flagList || '').toUpperCase().split(/\s*,+\s*/) : flagList;
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
  reconnect: { maxAttempts: Infinity, maxTime: Infinity, baseDelay: 100, maxDelay: 10000 },
  queueLimit: 10000,
  queueTimeout: 30000,
  pingAfterIdle: 5000,
  keepAlive: false,
  pingTimeout: 5000,
  failoverDeny: 5000,
};

// `scheme://[user[:password]@]h1[:p1],h2[:p2],...[/db][?opts]`: the URL parser takes one host only.
const MULTI_HOST_URL = /^([a-z][a-z0-9+.-]*:\/\/(?:[^@/?#]*@)?)([^/?#]*,[^/?#]*)(.*)$/is;

function parseUrl(url) {
  let hosts;
  const multiHost = typeof url === 'string' ? MULTI_HOST_URL.exec(url) : null;
  if (multiHost) {
    hosts = multiHost[2].split(',').map((host) => decodeURIComponent(host));
    url = multiHost[1] + multiHost[2].split(',')[0] + multiHost[3];
  }
  let parsed;
  try {
    parsed = new URL(url);
  } catch (err) {
    throw new TypeError(`Invalid connection URL: ${err.message}`);
  }
  const options = {
    host: decodeURIComponent(parsed.hostname) || undefined,
    port: parsed.port || undefined,
    database: decodeURIComponent(parsed.pathname.substr(1)),
  };
  if (parsed.username) options.user = decodeURIComponent(parsed.username);
  if (parsed.password) options.password = decodeURIComponent(parsed.password);
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
  return new Type(`Invalid option ${field}: expected ${expected}, got ${typeof value === 'object' ? (value === null ? 'null' : 'object') : shown}`);
}

function optionalString(options, field) {
  const value = options[field];
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') throw fail(TypeError, field, 'a string', value);
  return value;
}

/** A duration in ms: a non-negative finite number, or Infinity when `infinite` allows it. */
function duration(value, field, { infinite = false } = {}) {
  if (typeof value !== 'number' || Number.isNaN(value)) throw fail(TypeError, field, 'a number of milliseconds', value);
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
    ({ host, port } = entry);
  } else {
    throw fail(TypeError, field, "'host:port' or { host, port }", entry);
  }
  if (typeof host !== 'string' || host.trim() === '') throw fail(TypeError, `${field}.host`, 'a host name or address', host);
  const number = port === undefined || port === '' ? defaultPort : Number(port);
  if (!Number.isInteger(number) || number < 1 || number > 65535) throw fail(RangeError, `${field}.port`, 'an integer from 1 to 65535', port);
  return { host: host.trim(), port: number };
}

/** `hosts`: an array (or a comma list) of hosts, in order of preference; undefined if not given. */
function parseHosts(value, defaultPort) {
  if (value === undefined || value === null) return undefined;
  const list = typeof value === 'string' ? value.split(',') : value;
  if (!Array.isArray(list)) throw fail(TypeError, 'hosts', "an array of 'host:port' or { host, port }", value);
  if (list.length === 0) throw fail(RangeError, 'hosts', 'at least one host', '[]');
  return list.map((entry, index) => parseHost(entry, `hosts[${index}]`, defaultPort));
}

function parseReconnect(value) {
  if (value === undefined || value === true) return { enabled: true, ...DEFAULTS.reconnect };
  if (value === false) return { enabled: false, ...DEFAULTS.reconnect };
  if (typeof value !== 'object' || value === null) throw fail(TypeError, 'reconnect', 'a boolean or an object', value);
  const merged = { ...DEFAULTS.reconnect, ...value };
  return {
    enabled: value.enabled !== false,
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
    if (typeof sql !== 'string') throw fail(TypeError, 'onConnect', 'an SQL string, an array of them, or a function', sql);
  }
  return list;
}

/** A named TLS profile of `mysql` ('Amazon RDS'), loaded on first use. */
function getSSLProfile(name) {
  const profile = require('./constants/ssl_profiles')[name];
  if (profile === undefined) throw new TypeError(`Unknown SSL profile '${name}'`);
  return profile;
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

class ConnectionConfig {
  constructor(options) {
    if (typeof options === 'string') options = parseUrl(options);
    if (options === undefined || options === null) options = {};
    if (typeof options !== 'object') throw fail(TypeError, 'config', 'an object or a connection URL', options);

    this.host = options.host || 'localhost';
    if (typeof this.host !== 'string') throw fail(TypeError, 'host', 'a string', this.host);
    const port = options.port === undefined || options.port === '' ? 3306 : Number(options.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw fail(RangeError, 'port', 'an integer from 0 to 65535', options.port);
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
    this.failoverDeny = duration(options.failoverDeny === undefined ? DEFAULTS.failoverDeny : options.failoverDeny, 'failoverDeny');
    this.failoverReadOnly = options.failoverReadOnly === undefined ? true : options.failoverReadOnly;
    if (typeof this.failoverReadOnly !== 'boolean') throw fail(TypeError, 'failoverReadOnly', 'a boolean', this.failoverReadOnly);
    this.user = optionalString(options, 'user');
    // Non-enumerable: the password never shows in util.inspect(), JSON or logs of the config.
    Object.defineProperty(this, 'password', {
      value: options.password === undefined || options.password === '' ? undefined : options.password,
      writable: true,
      enumerable: false,
      configurable: true,
    });
    if (this.password !== undefined && typeof this.password !== 'string') {
      throw fail(TypeError, 'password', 'a string', '[hidden]');
    }
    this.database = optionalString(options, 'database');
    this.connectTimeout = options.connectTimeout === undefined ? 10 * 1000 : duration(options.connectTimeout, 'connectTimeout');
    this.insecureAuth = options.insecureAuth || false;
    this.supportBigNumbers = options.supportBigNumbers || false;
    this.bigNumberStrings = options.bigNumberStrings || false;
    this.dateStrings = options.dateStrings || false;
    this.debug = options.debug;
    this.trace = options.trace !== false;
    this.stringifyObjects = options.stringifyObjects || false;
    this.timezone = options.timezone || 'local';
    if (typeof this.timezone !== 'string') throw fail(TypeError, 'timezone', "'local', 'Z' or an offset like '+05:00'", this.timezone);
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
      if (typeof this.ssl !== 'object') throw fail(TypeError, 'ssl', 'an object of TLS options', this.ssl);
      this.ssl = { ...this.ssl, rejectUnauthorized: this.ssl.rejectUnauthorized !== false };
    }
    this.localInfile = options.localInfile === undefined ? true : options.localInfile;
    this.multipleStatements = options.multipleStatements || false;
    this.typeCast = options.typeCast === undefined ? true : options.typeCast;
    if (typeof this.typeCast !== 'boolean' && typeof this.typeCast !== 'function') {
      throw fail(TypeError, 'typeCast', 'a boolean or a function', this.typeCast);
    }
    this.maxPacketSize = 0;
    this.charsetNumber = options.charset ? getCharsetNumber(options.charset) : options.charsetNumber || Charsets.UTF8_GENERAL_CI;
    this.clientFlags = clientFlags(options);

    // Self-healing options (ours).
    this.reconnect = parseReconnect(options.reconnect);
    this.queueLimit = count(options.queueLimit === undefined ? DEFAULTS.queueLimit : options.queueLimit, 'queueLimit');
    this.queueTimeout = duration(options.queueTimeout === undefined ? DEFAULTS.queueTimeout : options.queueTimeout, 'queueTimeout', { infinite: true });
    const pingAfterIdle = options.pingAfterIdle === undefined ? DEFAULTS.pingAfterIdle : options.pingAfterIdle;
    this.pingAfterIdle = pingAfterIdle === false ? false : duration(pingAfterIdle, 'pingAfterIdle');
    this.keepAlive = options.keepAlive === undefined ? DEFAULTS.keepAlive : options.keepAlive;
    Object.defineProperty(this, '_keepAlive', { value: parseKeepAlive(this.keepAlive), writable: true, enumerable: false });
    this.pingTimeout = duration(options.pingTimeout === undefined ? DEFAULTS.pingTimeout : options.pingTimeout, 'pingTimeout');
    this.onConnect = parseOnConnect(options.onConnect);
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
    const ssl = this.ssl
      ? {
          ca: this.ssl.ca === undefined ? undefined : [].concat(this.ssl.ca).map((pem) => Buffer.from(pem)),
          cert: this.ssl.cert === undefined ? undefined : Buffer.from(this.ssl.cert),
          key: this.ssl.key === undefined ? undefined : Buffer.from(this.ssl.key),
          rejectUnauthorized: this.ssl.rejectUnauthorized !== false,
          servername: this.ssl.servername,
        }
      : undefined;
    return {
      host: this.host,
      port: this.port,
      hosts: this.hosts && this.hosts.map(({ host, port }) => ({ host, port })),
      failoverDeny: finite(this.failoverDeny),
      failoverReadOnly: this.failoverReadOnly,
      socketPath: this.socketPath,
      user: this.user,
      password: this.password,
      database: this.database,
      initStatements: this.initStatements(),
      connectTimeout: finite(this.connectTimeout) ?? 10000,
      reconnect: this.reconnect.enabled,
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
    };
  }
}

module.exports = { ConnectionConfig, parseUrl, getCharsetNumber, charsetStatement };
