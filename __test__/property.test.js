'use strict';
// Property-based tests (fast-check) of the pure JavaScript parts: config and URL parsing, and the
// two row decoders (the compiled fast path against the generic castValue path `mysql`'s casting
// was copied into). No server needed; bounded to a few seconds.

// Not UTC: local-time and UTC parsing must not coincide by accident.
process.env.TZ = 'America/New_York';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const fc = require('fast-check');
const { ConnectionConfig } = require('../lib/config');
const { SSL_OPTIONS } = require('../lib/option-names');
const { NativeSession } = require('../lib/native');
const { makeFieldPacket, decodeRows } = require('../lib/results');
const Types = require('../lib/constants/types');
const FieldFlags = require('../lib/constants/field_flags');

const RUNS = { numRuns: 300 };

// --- config and URL parsing -------------------------------------------------------------------------

const OPTION_NAMES = [
  'host',
  'port',
  'socketPath',
  'user',
  'password',
  'database',
  'charset',
  'charsetNumber',
  'timezone',
  'connectTimeout',
  'insecureAuth',
  'supportBigNumbers',
  'bigNumberStrings',
  'dateStrings',
  'debug',
  'trace',
  'stringifyObjects',
  'flags',
  'queryFormat',
  'ssl',
  'localInfile',
  'multipleStatements',
  'typeCast',
  'reconnect',
  'queueLimit',
  'queueTimeout',
  'pingAfterIdle',
  'keepAlive',
  'pingTimeout',
  'onConnect',
];

// Values of every kind, with the edge numbers config parsing must sort out.
const anyValue = fc.oneof(
  fc.anything({ maxDepth: 1 }),
  fc.constantFrom(
    0,
    -1,
    1.5,
    65535,
    65536,
    NaN,
    Infinity,
    -Infinity,
    2 ** 32,
    2 ** 53,
    '',
    '3306',
    'UTF8MB4_GENERAL_CI',
    'Z',
    '+05:00',
  ),
  fc.integer(),
  fc.double(),
  fc.func(fc.anything()),
  fc.record(
    { maxAttempts: fc.anything(), maxTime: fc.anything(), baseDelay: fc.anything(), maxDelay: fc.anything() },
    { requiredKeys: [] },
  ),
  // Objects whose keys are valid where they land (`ssl`): an unknown key is refused before the
  // native layer sees the object, so arbitrary objects alone would rarely get that far.
  fc.record(
    {
      rejectUnauthorized: fc.anything(),
      servername: fc.anything(),
      minVersion: fc.constantFrom('TLSv1', 'TLSv1.2', 'TLSv1.3', 'SSLv3', undefined),
      maxVersion: fc.constantFrom('TLSv1.1', 'TLSv1.2', 'TLSv1.3', undefined),
      ca: fc.anything({ maxDepth: 0 }),
      ciphers: fc.anything({ maxDepth: 0 }),
    },
    { requiredKeys: [] },
  ),
);

const anyOptions = fc.dictionary(fc.constantFrom(...OPTION_NAMES), anyValue, { maxKeys: 6 });

/** Parses; returns the config, or the error (which must be a TypeError or RangeError). */
function parse(input) {
  try {
    return { config: new ConnectionConfig(input) };
  } catch (err) {
    assert.ok(
      err instanceof TypeError || err instanceof RangeError,
      `${err && err.constructor.name}: ${err && err.message}`,
    );
    return { err };
  }
}

test('config: any options either parse or throw a TypeError/RangeError; what parses, the native layer takes', () => {
  fc.assert(
    fc.property(anyOptions, (options) => {
      const { config } = parse(options);
      if (!config) return;
      // The native constructor converts every field: a type the validation let through would
      // throw here (napi's "Failed to convert"), at the first query of a real connection.
      const session = new NativeSession(config.toNative(), () => {});
      session.destroy();
    }),
    RUNS,
  );
});

test('config: an unknown key in reconnect, ssl or a hosts entry is a TypeError naming it; known keys never are', () => {
  const nested = {
    reconnect: ['initial', 'maxAttempts', 'maxTime', 'baseDelay', 'maxDelay', 'enabled'],
    ssl: [
      'ca',
      'ciphers',
      'rejectUnauthorized',
      'servername',
      'minVersion',
      'maxVersion',
      'crl',
      'ecdhCurve',
    ],
    hosts: ['host', 'port'],
  };
  const valueOf = {
    initial: fc.boolean(),
    maxAttempts: fc.nat(),
    maxTime: fc.nat(),
    baseDelay: fc.nat(),
    maxDelay: fc.nat(),
    enabled: fc.boolean(),
    ca: fc.constant('pem'),
    ciphers: fc.string(),
    rejectUnauthorized: fc.boolean(),
    servername: fc.domain(),
    minVersion: fc.constantFrom('TLSv1.2', 'TLSv1.3'),
    maxVersion: fc.constant('TLSv1.3'),
    crl: fc.string(),
    ecdhCurve: fc.string(),
    host: fc.domain(),
    port: fc.integer({ min: 1, max: 65535 }),
  };
  const arb = fc.constantFrom(...Object.keys(nested)).chain((option) =>
    fc.tuple(
      fc.constant(option),
      fc.record(Object.fromEntries(nested[option].map((key) => [key, valueOf[key]])), {
        requiredKeys: option === 'hosts' ? ['host'] : [],
      }),
      fc.dictionary(
        // Not another of the keys valid there (Node's other TLS options are valid in ssl too).
        fc
          .string({ minLength: 1, maxLength: 12 })
          .filter((key) => !nested[option].includes(key) && !(option === 'ssl' && SSL_OPTIONS.includes(key))),
        fc.anything({ maxDepth: 0 }),
        { maxKeys: 2 },
      ),
    ),
  );
  fc.assert(
    fc.property(arb, ([option, known, unknown]) => {
      const object = { ...known, ...unknown };
      const strays = Object.keys(unknown);
      const { config, err } = parse({ [option]: option === 'hosts' ? [object] : object });
      const prefix = option === 'hosts' ? 'hosts[0]' : option;
      if (strays.length === 0) {
        assert.equal(err, undefined, err && err.message);
        assert.ok(config);
      } else {
        assert.ok(err instanceof TypeError, `${option}: ${JSON.stringify(Object.keys(object))}`);
        assert.ok(err.message.startsWith(`Unknown option ${prefix}.${strays[0]}`), err.message);
      }
    }),
    RUNS,
  );
});

test('config: any string as a URL either parses or throws a TypeError/RangeError', () => {
  const urlish = fc.oneof(
    fc.string(),
    fc
      .webUrl({ withQueryParameters: true, withFragments: true })
      .map((url) => url.replace(/^https?/, 'mysql')),
    fc
      .tuple(fc.string(), fc.string(), fc.string({ maxLength: 7 }))
      .map(([user, host, port]) => `mysql://${user}@${host}:${port}/db`),
  );
  fc.assert(
    fc.property(urlish, (url) => void parse(url)),
    RUNS,
  );
});

test('config: user, password, database, host and port round-trip through a URL', () => {
  const text = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 });
  fc.assert(
    fc.property(
      fc.record({
        user: text,
        password: text,
        // A path of '.' or '..' is a dot segment to WHATWG URL (even as %2E): no database has that name.
        database: text.filter((name) => name !== '.' && name !== '..'),
        host: fc.oneof(fc.domain(), fc.ipV4()),
        port: fc.integer({ min: 1, max: 65535 }),
      }),
      ({ user, password, database, host, port }) => {
        const url = `mysql://${encodeURIComponent(user)}:${encodeURIComponent(password)}@${host}:${port}/${encodeURIComponent(database)}`;
        const { config, err } = parse(url);
        assert.equal(err, undefined);
        assert.equal(config.user, user);
        assert.equal(config.password, password);
        assert.equal(config.database, database);
        assert.equal(config.host, new URL(`mysql://${host}`).hostname);
        // WHATWG URL drops a scheme's default port; there is none for mysql:, so it stays.
        assert.equal(config.port, port);
      },
    ),
    RUNS,
  );
});

test('config: numeric options in range are kept, out of range are RangeErrors naming the option', () => {
  fc.assert(
    fc.property(
      fc.constantFrom('connectTimeout', 'queueTimeout', 'pingAfterIdle', 'pingTimeout', 'queueLimit'),
      fc.integer({ min: -(2 ** 40), max: 2 ** 40 }),
      (field, value) => {
        const { config, err } = parse({ [field]: value });
        if (value < 0 || (value === 0 && field === 'pingTimeout')) {
          assert.ok(err instanceof RangeError);
          assert.match(err.message, new RegExp(field));
        } else {
          assert.equal(config[field], value);
          const native = config.toNative();
          // Capped to what the native side's u32 milliseconds take.
          const key = {
            connectTimeout: 'connectTimeout',
            queueTimeout: 'queueTimeout',
            pingAfterIdle: 'pingAfterIdle',
            pingTimeout: 'pingTimeout',
            queueLimit: 'queueLimit',
          }[field];
          assert.ok(native[key] >= 0 && native[key] <= 0xffffffff);
        }
      },
    ),
    RUNS,
  );
});

// --- the two row decoders ---------------------------------------------------------------------------

const pad = (n, width) => String(n).padStart(width, '0');

/** Text a server could send for a temporal type, plus some it would not (zero dates, odd layouts). */
const dateText = fc.oneof(
  fc
    .record({
      y: fc.integer({ min: 0, max: 9999 }),
      mo: fc.integer({ min: 0, max: 13 }),
      d: fc.integer({ min: 0, max: 32 }),
      h: fc.integer({ min: 0, max: 24 }),
      mi: fc.integer({ min: 0, max: 60 }),
      s: fc.integer({ min: 0, max: 60 }),
      frac: fc.string({ unit: fc.constantFrom(...'0123456789'), maxLength: 6 }),
      dateOnly: fc.boolean(),
    })
    .map(({ y, mo, d, h, mi, s, frac, dateOnly }) => {
      const date = `${pad(y, 4)}-${pad(mo, 2)}-${pad(d, 2)}`;
      return dateOnly ? date : `${date} ${pad(h, 2)}:${pad(mi, 2)}:${pad(s, 2)}${frac ? '.' + frac : ''}`;
    }),
  fc.constantFrom(
    '0000-00-00',
    '0000-00-00 00:00:00',
    '2024-02-29',
    '1970-01-01 00:00:00.000000',
    '9999-12-31 23:59:59.999999',
  ),
  fc.string({ unit: fc.constantFrom(...'0123456789-: .'), maxLength: 26 }),
);

const intText = (min, max) => fc.integer({ min, max }).map(String);

/** A column: its type, charset, zerofill flag, and a generator of cell text/bytes for it. */
const column = fc.oneof(
  ...[
    [Types.TINY, intText(-128, 255)],
    [Types.SHORT, intText(-32768, 65535)],
    [Types.LONG, intText(-(2 ** 31), 2 ** 32 - 1)],
    [Types.INT24, intText(-(2 ** 23), 2 ** 24 - 1)],
    [Types.YEAR, intText(1901, 2155)],
    [Types.FLOAT, fc.float({ noNaN: true, noDefaultInfinity: true }).map(String)],
    [Types.DOUBLE, fc.double({ noNaN: true, noDefaultInfinity: true }).map(String)],
    [Types.LONGLONG, fc.bigInt({ min: -(2n ** 63n), max: 2n ** 64n - 1n }).map(String)],
    [
      Types.NEWDECIMAL,
      fc
        .tuple(fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), fc.nat(999999))
        .map(([i, f]) => `${i}.${f}`),
    ],
    [Types.TIMESTAMP, dateText],
    [Types.DATE, dateText],
    [Types.DATETIME, dateText],
    [Types.NEWDATE, dateText],
    [Types.TIMESTAMP2, dateText],
    [Types.DATETIME2, dateText],
    [Types.TIME, fc.string()],
    [Types.BIT, fc.uint8Array({ maxLength: 8 })],
    [Types.VAR_STRING, fc.uint8Array({ maxLength: 24 })],
    [Types.STRING, fc.string({ unit: 'grapheme', maxLength: 12 })],
    [Types.BLOB, fc.uint8Array({ maxLength: 24 })],
    // Long enough for the two- and three-byte length prefixes.
    [
      Types.MEDIUM_BLOB,
      fc.oneof(
        fc.uint8Array({ minLength: 240, maxLength: 300 }),
        fc.uint8Array({ minLength: 65530, maxLength: 65540 }),
      ),
    ],
    [Types.JSON, fc.json()],
    [Types.ENUM, fc.string()],
  ].map(([type, cell]) =>
    fc.record({
      type: fc.constant(type),
      charsetNr: fc.constantFrom(33, 45, 63),
      zeroFill: fc.boolean(),
      cells: fc.array(
        fc.option(
          cell.map((v) => Buffer.from(v)),
          { freq: 5 },
        ),
        { minLength: 1, maxLength: 4 },
      ),
    }),
  ),
);

const decodeConfig = fc.record({
  timezone: fc.constantFrom('local', 'Z', '+05:30', '-08:00', '+00:00', 'bogus'),
  dateStrings: fc.oneof(fc.boolean(), fc.subarray(['DATE', 'DATETIME', 'TIMESTAMP'])),
  supportBigNumbers: fc.boolean(),
  bigNumberStrings: fc.boolean(),
});

function lengthPrefix(cell) {
  if (cell === null) return Buffer.from([0xfb]);
  const n = cell.length;
  if (n < 251) return Buffer.from([n]);
  if (n < 0x10000) return Buffer.from([0xfc, n & 0xff, n >>> 8]);
  if (n < 0x1000000) return Buffer.from([0xfd, n & 0xff, (n >>> 8) & 0xff, n >>> 16]);
  const prefix = Buffer.alloc(9);
  prefix[0] = 0xfe;
  prefix.writeUInt32LE(n, 1);
  return prefix;
}

/** Rows through one decoder path; an exception is an outcome too (both paths must agree on it). */
function decodeWith(columns, rows, config, typeCast) {
  const fields = columns.map((c, i) =>
    makeFieldPacket({
      db: 'd',
      table: 't',
      orgTable: 't',
      name: `c${i}`,
      orgName: `c${i}`,
      charsetNr: c.charsetNr,
      length: 0,
      type: c.type,
      flags: c.zeroFill ? FieldFlags.ZEROFILL_FLAG : 0,
      decimals: 0,
    }),
  );
  // The row packets as the server sends them: each cell length-encoded, 0xFB for NULL.
  const chunks = [];
  let ascii = true;
  for (let r = 0; r < rows; r++) {
    for (const c of columns) {
      const cell = c.cells[r % c.cells.length];
      chunks.push(lengthPrefix(cell));
      if (cell !== null) {
        chunks.push(cell);
        ascii = ascii && cell.every((byte) => byte < 0x80);
      }
    }
  }
  // As the session marks a part whose cells are all ASCII (text is then read as latin1).
  const part = { data: Buffer.concat(chunks), rows, ascii: ascii || undefined };
  const out = [];
  try {
    decodeRows(part, fields, { typeCast, nestTables: false, config, connection: null }, (row) =>
      out.push({ ...row }),
    );
  } catch (err) {
    return { threw: err.constructor.name };
  }
  return out;
}

test('decoding: the compiled decoder gives exactly what the generic castValue path gives', () => {
  fc.assert(
    fc.property(
      fc.array(column, { minLength: 1, maxLength: 5 }),
      fc.integer({ min: 1, max: 4 }),
      decodeConfig,
      (columns, rows, config) => {
        const compiled = decodeWith(columns, rows, config, true);
        // A typeCast function that defers to next() takes the generic path (castValue per cell).
        const generic = decodeWith(columns, rows, config, (field, next) => next());
        assert.deepStrictEqual(compiled, generic);
      },
    ),
    { numRuns: 500 },
  );
});

test('decoding: temporal text casts exactly as `new Date(text + suffix)`, as mysql does', () => {
  fc.assert(
    fc.property(
      dateText,
      fc.constantFrom(Types.DATE, Types.DATETIME, Types.TIMESTAMP),
      fc.constantFrom('local', 'Z', '+05:30', '-08:00'),
      (text, type, timezone) => {
        const config = { timezone, dateStrings: false, supportBigNumbers: false, bigNumberStrings: false };
        const [row] = decodeWith(
          [{ type, charsetNr: 63, zeroFill: false, cells: [Buffer.from(text)] }],
          1,
          config,
          true,
        );
        const suffix =
          (type === Types.DATE ? ' 00:00:00' : '') + (timezone !== 'local' ? ' ' + timezone : '');
        const expected = new Date(text + suffix);
        assert.deepStrictEqual(row.c0, isNaN(expected.getTime()) ? text : expected, `${text} (${timezone})`);
      },
    ),
    { numRuns: 1000 },
  );
});
