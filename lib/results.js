'use strict';
// Result objects exactly as `mysql` builds them (RowDataPacket, OkPacket, FieldPacket) from the
// compact parts the native session sends: cell bytes in one Buffer, lengths (-1 = NULL) beside it.

const Types = require('./constants/types');
const Charsets = require('./constants/charsets');
const FieldFlags = require('./constants/field_flags');

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
  ok.affectedRows = big && info.affectedRowsText !== undefined && info.affectedRowsText !== null ? info.affectedRowsText : info.affectedRows;
  ok.insertId = big && info.insertIdText !== undefined && info.insertIdText !== null ? info.insertIdText : info.insertId;
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
    const byteOrder = buffer.readUInt8(offset); offset += 1;
    const u32 = () => { const v = byteOrder ? buffer.readUInt32LE(offset) : buffer.readUInt32BE(offset); offset += 4; return v; };
    const f64 = () => { const v = byteOrder ? buffer.readDoubleLE(offset) : buffer.readDoubleBE(offset); offset += 8; return v; };
    const wkbType = u32();
    switch (wkbType) {
      case 1: result = { x: f64(), y: f64() }; break;
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
      case 4: case 5: case 6: case 7: {
        result = [];
        for (let i = u32(); i > 0; i--) result.push(parse());
        break;
      }
    }
    return result;
  }
  return parse();
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
      return numberString === null || (field.zeroFill && numberString[0] === '0') ? numberString : Number(numberString);
    case Types.NEWDECIMAL:
    case Types.LONGLONG:
      numberString = cell.string();
      return numberString === null || (field.zeroFill && numberString[0] === '0')
        ? numberString
        : config.supportBigNumbers &&
            (config.bigNumberStrings || Number(numberString) >= IEEE_754_BINARY_64_PRECISION || Number(numberString) <= -IEEE_754_BINARY_64_PRECISION)
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
  string() { return this._cell.string(); }
  buffer() { return this._cell.buffer(); }
  geometry() { return this._cell.geometry(); }
}

/**
 * Decodes the rows of one part. `options`: { typeCast, nestTables, config, connection };
 * `onRow(row)` receives each RowDataPacket.
 */
function decodeRows(part, fields, options, onRow) {
  const { data, lengths, rows } = part;
  if (!rows) return;
  const columnCount = fields.length;
  const { typeCast, nestTables, config, connection } = options;
  const cell = new Cell();
  cell.data = data;
  const custom = typeof typeCast === 'function';
  const customFields = custom ? fields.map((packet) => new Field(packet, cell)) : null;
  let position = 0;
  let index = 0;
  for (let r = 0; r < rows; r++) {
    const row = new RowDataPacket();
    for (let c = 0; c < columnCount; c++, index++) {
      const field = fields[c];
      const length = lengths[index];
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

module.exports = { RowDataPacket, OkPacket, FieldPacket, makeFieldPacket, makeOkPacket, decodeRows, parseGeometry };
