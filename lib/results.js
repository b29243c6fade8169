'use strict';
// Result objects exactly as `mysql` builds them (RowDataPacket, OkPacket, FieldPacket) from the
// compact parts the native session sends: the row packets in one Buffer, as the server sent them
// (each cell a length-encoded string, 0xFB for NULL), checked by the session before they come here.

const Types = require('./constants/types');
const Charsets = require('./constants/charsets');
const FieldFlags = require('./constants/field_flags');
const { clientError } = require('./errors');

const IEEE_754_BINARY_64_PRECISION = Math.pow(2, 53);
// Language-neutral expression to match ER_UPDATE_INFO (as `mysql`).
const ER_UPDATE_INFO_REGEXP = /^[^:0-9]+: [0-9]+[^:0-9]+: ([0-9]+)[^:0-9]+: [0-9]+[^:0-9]*$/;

function RowDataPacket() {}
function OkPacket() {}
function FieldPacket() {}

function makeFieldPacket(info) {
  const field = new FieldPacket();
  field.catalog = 'def';
  field.db = info.db;
  field.table = info.table;
  field.orgTable = info.orgTable;
  field.name = info.name;
  field.orgName = info.orgName;
  field.charsetNr = info.charsetNr;
  field.length = info.length;
  field.type = info.type;
  field.flags = info.flags;
  field.decimals = info.decimals;
  field.default = undefined;
  field.zeroFill = (info.flags & FieldFlags.ZEROFILL_FLAG) !== 0;
  field.protocol41 = true;
  return field;
}

/**
 * MariaDB sends the OK packet's info string length-encoded; `mysql` reads the rest of the packet as
 * utf8, the length prefix included (e.g. '(Rows matched: ...' for 40 bytes). Rebuilt byte for byte.
 */
function infoMessage(text) {
  const bytes = Buffer.from(text, 'utf8');
  const n = bytes.length;
  let prefix;
  if (n < 0xfb) prefix = Buffer.from([n]);
  else if (n < 0x10000) prefix = Buffer.from([0xfc, n & 0xff, n >>> 8]);
  else if (n < 0x1000000) prefix = Buffer.from([0xfd, n & 0xff, (n >>> 8) & 0xff, n >>> 16]);
  else {
    prefix = Buffer.alloc(9);
    prefix[0] = 0xfe;
    prefix.writeUInt32LE(n, 1);
  }
  return Buffer.concat([prefix, bytes]).toString('utf8');
}

/** `config`: with supportBigNumbers, ids beyond 2^53 stay exact strings, as in `mysql`. */
function makeOkPacket(info, config) {
  const ok = new OkPacket();
  ok.fieldCount = 0;
  const big = config && config.supportBigNumbers;
  ok.affectedRows =
    big && info.affectedRowsText !== undefined && info.affectedRowsText !== null
      ? info.affectedRowsText
      : info.affectedRows;
  ok.insertId =
    big && info.insertIdText !== undefined && info.insertIdText !== null ? info.insertIdText : info.insertId;
  ok.serverStatus = info.serverStatus;
  ok.warningCount = info.warningCount;
  ok.message = info.info ? infoMessage(info.info) : '';
  ok.protocol41 = true;
  ok.changedRows = 0;
  const match = ER_UPDATE_INFO_REGEXP.exec(ok.message);
  if (match !== null) ok.changedRows = parseInt(match[1], 10);
  return ok;
}

/** A cell of the current row, as `mysql`'s parser exposes it to typeCast. */
class Cell {
  constructor() {
    this.data = null;
    this.start = 0;
    this.length = -1;
  }
  string() {
    return this.length < 0 ? null : this.data.toString('utf8', this.start, this.start + this.length);
  }
  buffer() {
    return this.length < 0 ? null : Buffer.from(this.data.subarray(this.start, this.start + this.length));
  }
  geometry() {
    return parseGeometry(this.buffer());
  }
}

function parseGeometry(buffer) {
  if (buffer === null || !buffer.length) return null;
  let offset = 4;
  function parse() {
    let result = null;
    const byteOrder = buffer.readUInt8(offset);
    offset += 1;
    const u32 = () => {
      const v = byteOrder ? buffer.readUInt32LE(offset) : buffer.readUInt32BE(offset);
      offset += 4;
      return v;
    };
    const f64 = () => {
      const v = byteOrder ? buffer.readDoubleLE(offset) : buffer.readDoubleBE(offset);
      offset += 8;
      return v;
    };
    const wkbType = u32();
    switch (wkbType) {
      case 1:
        result = { x: f64(), y: f64() };
        break;
      case 2: {
        result = [];
        for (let i = u32(); i > 0; i--) result.push({ x: f64(), y: f64() });
        break;
      }
      case 3: {
        result = [];
        for (let i = u32(); i > 0; i--) {
          const line = [];
          for (let j = u32(); j > 0; j--) line.push({ x: f64(), y: f64() });
          result.push(line);
        }
        break;
      }
      case 4:
      case 5:
      case 6:
      case 7: {
        result = [];
        for (let i = u32(); i > 0; i--) result.push(parse());
        break;
      }
    }
    return result;
  }
  try {
    return parse();
  } catch (err) {
    if (!(err instanceof RangeError)) throw err;
    // Counts or coordinates past the value's end: the server sent a broken value. The query
    // fails with a clear error (the connection stays in step: the row itself was well framed).
    throw clientError(
      'PARSER_MALFORMED_GEOMETRY',
      `The server sent a malformed GEOMETRY value (${buffer.length} bytes; it ends inside a coordinate or count)`,
    );
  }
}

function typeMatch(type, list) {
  return Array.isArray(list) ? list.indexOf(Types[type]) !== -1 : Boolean(list);
}

/** `mysql`'s RowDataPacket._typeCast, reading from a Cell. */
function castValue(field, cell, config) {
  let numberString;
  switch (field.type) {
    case Types.TIMESTAMP:
    case Types.TIMESTAMP2:
    case Types.DATE:
    case Types.DATETIME:
    case Types.DATETIME2:
    case Types.NEWDATE: {
      let dateString = cell.string();
      if (typeMatch(field.type, config.dateStrings)) return dateString;
      if (dateString === null) return null;
      const originalString = dateString;
      if (field.type === Types.DATE) dateString += ' 00:00:00';
      if (config.timezone !== 'local') dateString += ' ' + config.timezone;
      const date = new Date(dateString);
      return isNaN(date.getTime()) ? originalString : date;
    }
    case Types.TINY:
    case Types.SHORT:
    case Types.LONG:
    case Types.INT24:
    case Types.YEAR:
    case Types.FLOAT:
    case Types.DOUBLE:
      numberString = cell.string();
      return numberString === null || (field.zeroFill && numberString[0] === '0')
        ? numberString
        : Number(numberString);
    case Types.NEWDECIMAL:
    case Types.LONGLONG:
      numberString = cell.string();
      return numberString === null || (field.zeroFill && numberString[0] === '0')
        ? numberString
        : config.supportBigNumbers &&
            (config.bigNumberStrings ||
              Number(numberString) >= IEEE_754_BINARY_64_PRECISION ||
              Number(numberString) <= -IEEE_754_BINARY_64_PRECISION)
          ? numberString
          : Number(numberString);
    case Types.BIT:
      return cell.buffer();
    case Types.STRING:
    case Types.VAR_STRING:
    case Types.TINY_BLOB:
    case Types.MEDIUM_BLOB:
    case Types.LONG_BLOB:
    case Types.BLOB:
      return field.charsetNr === Charsets.BINARY ? cell.buffer() : cell.string();
    case Types.GEOMETRY:
      return cell.geometry();
    default:
      return cell.string();
  }
}

/** The argument `mysql` hands to a custom typeCast(field, next). */
class Field {
  constructor(packet, cell) {
    this.parser = undefined;
    this.packet = packet;
    this.db = packet.db;
    this.table = packet.table;
    this.name = packet.name;
    this.type = Types[packet.type];
    this.length = packet.length;
    Object.defineProperty(this, '_cell', { value: cell });
  }
  string() {
    return this._cell.string();
  }
  buffer() {
    return this._cell.buffer();
  }
  geometry() {
    return this._cell.geometry();
  }
}

// --- the compiled fast path -----------------------------------------------------------------------
// For the default casting (typeCast true, no nestTables), one decoder function is generated per
// result shape and config, so each cell is a straight-line expression instead of a switch, and
// integers are read from the bytes without an intermediate string. Every value is exactly what
// castValue() gives; the differential suite against `mysql` holds both paths to that.

// Two kinds of decoder: one per shape (types, charsets, config) that takes the column names as an
// argument, and one per shape and names, with the names in the code (V8's fastest row building).
// The named one is compiled only for a result seen NAMED_AFTER times: a query whose column names
// change every time (`SELECT 123 AS ...`, `SELECT <random>`) reuses its shape's decoder instead of
// compiling a function per query, and names that come back a few times each pay one compile
// (~50 us) per NAMED_AFTER queries at most (at 2, names seen twice each cost 85 us a query
// against 49 us, bench/statements.js).
const namedDecoders = new Map();
const shapeDecoders = new Map();
const sightings = new Map();
const NAMED_AFTER = 8;
const MAX_DECODERS = 256;
const MAX_SIGHTINGS = 4096;

/** Integer from ASCII digits (only for columns whose values stay below 2^53). */
function parseIntBytes(data, start, end) {
  let i = start;
  let negative = false;
  if (data[i] === 45) {
    negative = true;
    i++;
  }
  let n = 0;
  for (; i < end; i++) n = n * 10 + data[i] - 48;
  return negative ? -n : n;
}

const POWERS_OF_TEN = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * A DECIMAL from its ASCII bytes without a string: the digits as an integer m, then m / 10^k.
 * With at most 15 digits m and 10^k are exact doubles, and IEEE division rounds correctly, so
 * this is exactly Number(text) (Clinger's fast path). Anything else returns undefined and the
 * caller parses the string.
 */
function decimalFromBytes(d, s, e) {
  let i = s;
  const negative = d[i] === 45;
  if (negative) i++;
  let m = 0;
  let digits = 0;
  let scale = -1;
  for (; i < e; i++) {
    const c = d[i];
    if (c === 46 && scale < 0) {
      scale = 0;
      continue;
    }
    if (c < 48 || c > 57) return undefined;
    m = m * 10 + (c - 48);
    digits++;
    if (scale >= 0) scale++;
  }
  if (digits === 0 || digits > 15) return undefined;
  const value = scale > 0 ? m / POWERS_OF_TEN[scale] : m;
  return negative ? -value : value;
}

const latin1 = (data, start, end) => data.latin1Slice(start, end);
const utf8 = (data, start, end) => data.utf8Slice(start, end);
const copy = (data, start, end) => Buffer.from(data.subarray(start, end));

function bigNumber(text, config) {
  const n = Number(text);
  return config.supportBigNumbers &&
    (config.bigNumberStrings || n >= IEEE_754_BINARY_64_PRECISION || n <= -IEEE_754_BINARY_64_PRECISION)
    ? text
    : n;
}

function date(text, suffix) {
  const value = new Date(text + suffix);
  return isNaN(value.getTime()) ? text : value;
}

const digit = (d, i) => d[i] - 48;
const two = (d, i) => digit(d, i) * 10 + digit(d, i + 1);

/** True when d[from, to) are all ASCII digits. */
function digits(d, from, to) {
  for (let i = from; i < to; i++) if (d[i] < 48 || d[i] > 57) return false;
  return true;
}

/**
 * A DATE / DATETIME / TIMESTAMP straight from its bytes: the Date that `new Date(text + suffix)`
 * gives, without parsing a string. `offset` is null for 'local', else minutes east of UTC; `isDate`:
 * a DATE column (text 'YYYY-MM-DD', suffixed ' 00:00:00'). Returns undefined for anything unusual
 * (years below 100, which V8's parser reads as 19xx; zero dates; out-of-range fields, which V8
 * rejects instead of rolling over; odd layouts), and the caller then takes the string path.
 */
function dateFromBytes(d, s, e, offset, isDate) {
  const length = e - s;
  if (isDate ? length !== 10 : length < 19 || length === 20 || length > 26) return undefined;
  if (
    d[s + 4] !== 45 ||
    d[s + 7] !== 45 ||
    !digits(d, s, s + 4) ||
    !digits(d, s + 5, s + 7) ||
    !digits(d, s + 8, s + 10)
  )
    return undefined;
  const year = two(d, s) * 100 + two(d, s + 2);
  const month = two(d, s + 5);
  const day = two(d, s + 8);
  if (year < 100 || month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let ms = 0;
  if (length > 10) {
    if (d[s + 10] !== 32 || d[s + 13] !== 58 || d[s + 16] !== 58) return undefined;
    if (!digits(d, s + 11, s + 13) || !digits(d, s + 14, s + 16) || !digits(d, s + 17, s + 19))
      return undefined;
    hour = two(d, s + 11);
    minute = two(d, s + 14);
    second = two(d, s + 17);
    if (hour > 23 || minute > 59 || second > 59) return undefined;
    if (length > 19) {
      if (d[s + 19] !== 46 || !digits(d, s + 20, e)) return undefined;
      // V8 keeps the first three fraction digits and drops the rest.
      for (let i = 0; i < 3; i++) ms = ms * 10 + (s + 20 + i < e ? digit(d, s + 20 + i) : 0);
    }
  }
  if (offset === null) return new Date(year, month - 1, day, hour, minute, second, ms);
  // Date.UTC's value, computed here (one builtin call less per cell).
  const utc =
    daysFromCivil(year, month, day) * 86400000 + hour * 3600000 + minute * 60000 + second * 1000 + ms;
  return new Date(utc - offset * 60000);
}

/**
 * Days from 1970-01-01 to year-month-day (proleptic Gregorian; month 1-12, a day past the month's
 * end rolls over as in Date.UTC). Howard Hinnant's days_from_civil.
 */
function daysFromCivil(year, month, day) {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

// Zones that are UTC at every instant, as Intl names them.
const UTC_ZONES = new Set([
  'UTC',
  'Etc/UTC',
  'Etc/UCT',
  'UCT',
  'Etc/GMT',
  'GMT',
  'Etc/GMT0',
  'GMT0',
  'Etc/GMT+0',
  'Etc/GMT-0',
  'GMT+0',
  'GMT-0',
  'Etc/Universal',
  'Universal',
  'Etc/Zulu',
  'Zulu',
  'Etc/Greenwich',
  'Greenwich',
]);
let zoneChecked = false;
let zoneTz;
let zoneIsUtc = false;

/**
 * The offset (minutes) to use for 'local' dates: 0 when the process's time zone is UTC (servers
 * in containers, typically), so local dates are plain arithmetic; null (ask the Date constructor)
 * anywhere else. Checked again whenever process.env.TZ changes, as V8 does.
 */
function localOffset() {
  const tz = process.env.TZ;
  if (!zoneChecked || tz !== zoneTz) {
    zoneChecked = true;
    zoneTz = tz;
    try {
      zoneIsUtc = UTC_ZONES.has(new Intl.DateTimeFormat().resolvedOptions().timeZone);
    } catch {
      zoneIsUtc = false;
    }
  }
  return zoneIsUtc ? 0 : null;
}

/** Minutes east of UTC for a timezone `mysql` appends to date strings, null for 'local'. */
function timezoneOffset(timezone) {
  if (timezone === 'local') return null;
  if (timezone === 'Z') return 0;
  const match = /^([+-])(\d\d):(\d\d)$/.exec(timezone);
  if (!match) return undefined;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === '-' ? -minutes : minutes;
}

/** The expression for one cell of `field`, reading data[s, e). */
function cellExpression(field, config) {
  const zeroFill = field.zeroFill;
  switch (field.type) {
    case Types.TIMESTAMP:
    case Types.TIMESTAMP2:
    case Types.DATE:
    case Types.DATETIME:
    case Types.DATETIME2:
    case Types.NEWDATE: {
      if (typeMatch(field.type, config.dateStrings)) return 'utf8(d, s, e)';
      const suffix =
        (field.type === Types.DATE ? ' 00:00:00' : '') +
        (config.timezone !== 'local' ? ' ' + config.timezone : '');
      const slow = `date(utf8(d, s, e), ${JSON.stringify(suffix)})`;
      const offset = config.timezone === 'local' ? 'local' : timezoneOffset(config.timezone);
      if (offset === undefined) return slow;
      return `((t = dateFromBytes(d, s, e, ${offset}, ${field.type === Types.DATE})) === undefined ? ${slow} : t)`;
    }
    case Types.TINY:
    case Types.SHORT:
    case Types.LONG:
    case Types.INT24:
    case Types.YEAR:
      return zeroFill ? '(t = latin1(d, s, e), t[0] === "0" ? t : Number(t))' : 'parseIntBytes(d, s, e)';
    case Types.FLOAT:
    case Types.DOUBLE:
      return zeroFill ? '(t = latin1(d, s, e), t[0] === "0" ? t : Number(t))' : 'Number(latin1(d, s, e))';
    case Types.NEWDECIMAL:
    case Types.LONGLONG:
      if (zeroFill) return '(t = latin1(d, s, e), t[0] === "0" ? t : bigNumber(t, config))';
      // Up to 15 digits a value is below 2^53: a number unless bigNumberStrings asks for strings.
      if (config.supportBigNumbers && config.bigNumberStrings) return 'latin1(d, s, e)';
      return '((t = decimalFromBytes(d, s, e)) === undefined ? bigNumber(latin1(d, s, e), config) : t)';
    case Types.BIT:
      return 'copy(d, s, e)';
    case Types.STRING:
    case Types.VAR_STRING:
    case Types.TINY_BLOB:
    case Types.MEDIUM_BLOB:
    case Types.LONG_BLOB:
    case Types.BLOB:
      return field.charsetNr === Charsets.BINARY ? 'copy(d, s, e)' : TEXT;
    case Types.GEOMETRY:
      return 'parseGeometry(copy(d, s, e))';
    default:
      return TEXT;
  }
}

// A text cell: latin1 (a copy) when the session found every cell of the part ASCII, the same
// string without UTF-8 decoding.
const TEXT = '(ascii ? d.latin1Slice(s, e) : d.utf8Slice(s, e))';

// Bytes that follow a length-encoded integer's first byte (0xFB is NULL: none).
const LENGTH_WIDTH = [0, 2, 3, 8];

/** The cell length for a first byte above 250 (read from d[p...]); -1 for NULL. */
function longLength(d, p, first) {
  switch (first) {
    case 0xfb:
      return -1;
    case 0xfc:
      return d[p] | (d[p + 1] << 8);
    case 0xfd:
      return d[p] | (d[p + 1] << 8) | (d[p + 2] << 16);
    // A cell is at most 1 GB (max_allowed_packet): the high bytes are zero.
    default:
      return d[p] + d[p + 1] * 0x100 + d[p + 2] * 0x10000 + d[p + 3] * 0x1000000;
  }
}

/** A decoder for the shape of `fields`: with their names in the code, or (`named` false) taking them. */
function compileDecoder(fields, config, named) {
  const lines = [];
  fields.forEach((field, c) => {
    const key = named ? JSON.stringify(field.name) : `names[${c}]`;
    lines.push(
      `n = d[p++]; if (n > 250) { w = n; n = longLength(d, p, w); p += LENGTH_WIDTH[w - 251]; } s = p; e = n > 0 ? p + n : p; p = e;`,
      `row[${key}] = n < 0 ? null : ${cellExpression(field, config)};`,
    );
  });
  const body = `
    let p = 0, n = 0, w = 0, s = 0, e = 0, t;
    for (let r = 0; r < rows; r++) {
      const row = new RowDataPacket();
      ${lines.join('\n      ')}
      onRow(row);
    }`;
  const factory = new Function(
    'RowDataPacket',
    'parseIntBytes',
    'latin1',
    'utf8',
    'copy',
    'bigNumber',
    'date',
    'dateFromBytes',
    'decimalFromBytes',
    'parseGeometry',
    'longLength',
    'LENGTH_WIDTH',
    `return function decode(d, rows, config, onRow, local, ascii, names) {${body}\n};`,
  );
  const decode = factory(
    RowDataPacket,
    parseIntBytes,
    latin1,
    utf8,
    copy,
    bigNumber,
    date,
    dateFromBytes,
    decimalFromBytes,
    parseGeometry,
    longLength,
    LENGTH_WIDTH,
  );
  // Only a decoder with local-time date columns needs the process's zone looked up per call.
  decode.usesLocal = lines.some((line) => line.includes('dateFromBytes(d, s, e, local,'));
  return decode;
}

function cached(map, key, compile) {
  let decoder = map.get(key);
  if (decoder === undefined) {
    if (map.size >= MAX_DECODERS) map.clear();
    decoder = compile();
    map.set(key, decoder);
  }
  return decoder;
}

// The named decoder by the session's column list: the session hands over the same array while a
// connection's results keep their columns, so a repeated query skips building its shape key (for
// 100 columns, most of the JavaScript time of a 1-row result). Valid for the config it was made for.
const decoderOfColumns = new WeakMap();

function rememberedDecoder(columns, config) {
  const memo = decoderOfColumns.get(columns);
  if (
    memo === undefined ||
    memo.config !== config ||
    memo.timezone !== config.timezone ||
    memo.dateStrings !== config.dateStrings ||
    memo.supportBigNumbers !== config.supportBigNumbers ||
    memo.bigNumberStrings !== config.bigNumberStrings
  )
    return undefined;
  return memo.decode;
}

function rememberDecoder(columns, config, decode) {
  const { timezone, dateStrings, supportBigNumbers, bigNumberStrings } = config;
  decoderOfColumns.set(columns, {
    decode,
    config,
    timezone,
    dateStrings,
    supportBigNumbers,
    bigNumberStrings,
  });
}

/**
 * The decoder for `fields`; `.named` false: pass it the column names. `columns`: the session's
 * column list they were made from, if known.
 */
function decoderFor(fields, config, columns) {
  if (columns !== undefined) {
    const remembered = rememberedDecoder(columns, config);
    if (remembered !== undefined) return remembered;
  }
  const dateStrings = Array.isArray(config.dateStrings)
    ? config.dateStrings.join('|')
    : Boolean(config.dateStrings);
  const bigNumbers = config.supportBigNumbers ? (config.bigNumberStrings ? 2 : 1) : 0;
  let shape = `${config.timezone}\u0000${dateStrings}\u0000${bigNumbers}`;
  let names = '';
  for (const field of fields) {
    shape += `\u0000${field.type}:${field.charsetNr}:${field.zeroFill ? 1 : 0}`;
    names += `\u0000${field.name}`;
  }
  const key = shape + '\u0001' + names;
  let named = namedDecoders.get(key);
  const seen = named === undefined ? sightings.get(key) : undefined;
  if (seen === NAMED_AFTER - 1) {
    sightings.delete(key);
    named = cached(namedDecoders, key, () =>
      Object.assign(compileDecoder(fields, config, true), { named: true }),
    );
  }
  if (named !== undefined) {
    if (columns !== undefined) rememberDecoder(columns, config, named);
    return named;
  }
  if (seen === undefined && sightings.size >= MAX_SIGHTINGS) sightings.clear();
  sightings.set(key, (seen || 0) + 1);
  return cached(shapeDecoders, shape, () =>
    Object.assign(compileDecoder(fields, config, false), { named: false }),
  );
}

/**
 * Decodes the rows of one part. `options`: { typeCast, nestTables, config, connection };
 * `onRow(row)` receives each RowDataPacket.
 */
function decodeRows(part, fields, options, onRow) {
  const { data, rows } = part;
  if (!rows) return;
  if (options.typeCast === true && !options.nestTables && typeof data.utf8Slice === 'function') {
    const decode = decoderFor(fields, options.config, options.columns);
    const names = decode.named ? null : fields.map((field) => field.name);
    decode(
      data,
      rows,
      options.config,
      onRow,
      decode.usesLocal ? localOffset() : null,
      part.ascii === true,
      names,
    );
    return;
  }
  const columnCount = fields.length;
  const { typeCast, nestTables, config, connection } = options;
  const cell = new Cell();
  cell.data = data;
  const custom = typeof typeCast === 'function';
  const customFields = custom ? fields.map((packet) => new Field(packet, cell)) : null;
  let position = 0;
  for (let r = 0; r < rows; r++) {
    const row = new RowDataPacket();
    for (let c = 0; c < columnCount; c++) {
      const field = fields[c];
      let length = data[position++];
      if (length > 250) {
        const first = length;
        length = longLength(data, position, first);
        position += LENGTH_WIDTH[first - 251];
      }
      cell.start = position;
      cell.length = length;
      let value;
      if (custom) {
        const next = () => castValue(field, cell, config);
        value = typeCast.apply(connection, [customFields[c], next]);
      } else if (typeCast) {
        value = castValue(field, cell, config);
      } else {
        value = field.charsetNr === Charsets.BINARY ? cell.buffer() : cell.string();
      }
      if (length > 0) position += length;
      if (typeof nestTables === 'string' && nestTables.length) {
        row[field.table + nestTables + field.name] = value;
      } else if (nestTables) {
        row[field.table] = row[field.table] || {};
        row[field.table][field.name] = value;
      } else {
        row[field.name] = value;
      }
    }
    onRow(row);
  }
}

module.exports = {
  RowDataPacket,
  OkPacket,
  FieldPacket,
  makeFieldPacket,
  makeOkPacket,
  decodeRows,
  parseGeometry,
  dateFromBytes,
  decimalFromBytes,
  timezoneOffset,
  localOffset,
};
