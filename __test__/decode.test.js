'use strict';
// The compiled decoder's byte-level date parsing gives exactly the Date that `mysql`'s
// `new Date(text + suffix)` gives, across DST gaps and folds, fractions, and odd values.

process.env.TZ = 'America/New_York';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const {
  dateFromBytes,
  decimalFromBytes,
  timezoneOffset,
  localOffset,
  decodeRows,
  makeFieldPacket,
} = require('../lib/results');
const Types = require('../lib/constants/types');

function viaString(text, suffix) {
  const value = new Date(text + suffix);
  return isNaN(value.getTime()) ? text : value;
}

function viaBytes(text, timezone, isDate) {
  const bytes = Buffer.from(text, 'latin1');
  const fast = dateFromBytes(bytes, 0, bytes.length, timezoneOffset(timezone), isDate);
  const suffix = (isDate ? ' 00:00:00' : '') + (timezone !== 'local' ? ' ' + timezone : '');
  return fast === undefined ? viaString(text, suffix) : fast;
}

const pad = (n, w = 2) => String(n).padStart(w, '0');

/** A DATETIME column `at`, as the session describes it. */
const AT_COLUMN = {
  db: 'd',
  table: 't',
  orgTable: 't',
  name: 'at',
  orgName: 'at',
  charsetNr: 63,
  length: 19,
  type: Types.DATETIME,
  flags: 0,
  decimals: 0,
};

/** A result part of one row holding one cell, `text`. */
const oneCellPart = (text) => ({
  data: Buffer.concat([Buffer.from([text.length]), Buffer.from(text)]),
  rows: 1,
  ascii: true,
});

function* samples() {
  // DST transitions in New York (spring gap 02:00-03:00, autumn fold 01:00-02:00), every minute.
  for (const day of ['2024-03-10', '2024-11-03', '2007-03-11', '1999-10-31']) {
    for (let minute = 0; minute < 240; minute += 7)
      yield `${day} ${pad(Math.floor(minute / 60))}:${pad(minute % 60)}:${pad(minute % 60)}`;
  }
  // Pseudo-random datetimes from 1000 to 9999 with fractions of every width.
  let seed = 42;
  const next = (n) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
  for (let i = 0; i < 3000; i++) {
    const fraction = ['', '.1', '.12', '.123', '.1234', '.123456'][next(6)].replace(/\d/g, () =>
      String(next(10)),
    );
    yield `${pad(1000 + next(9000), 4)}-${pad(1 + next(12))}-${pad(1 + next(31))} ${pad(next(24))}:${pad(next(60))}:${pad(next(60))}${fraction}`;
  }
  yield* [
    '0000-00-00 00:00:00',
    '0099-05-05 10:00:00',
    '2024-02-30 00:00:00',
    '2023-02-29 12:00:00',
    '2024-04-31 01:02:03',
  ];
}

test('datetimes: bytes and string parsing agree in local time, Z and offsets', () => {
  let compared = 0;
  for (const timezone of ['local', 'Z', '+05:30', '-08:00']) {
    for (const text of samples()) {
      assert.deepEqual(
        viaBytes(text, timezone, false),
        viaString(text, timezone !== 'local' ? ' ' + timezone : ''),
        `${text} ${timezone}`,
      );
      compared++;
    }
  }
  assert.ok(compared > 12000);
});

test('local datetimes in a UTC process take the arithmetic path, and still agree; a TZ change is seen', (t) => {
  t.after(() => {
    process.env.TZ = 'America/New_York';
  });
  assert.equal(localOffset(), null, 'New York has DST: the Date constructor decides');
  for (const zone of ['UTC', 'Etc/UTC', 'Europe/London', 'GMT', 'Asia/Kolkata']) {
    process.env.TZ = zone;
    const utc = zone === 'UTC' || zone === 'Etc/UTC' || zone === 'GMT';
    assert.equal(localOffset(), utc ? 0 : null, zone);
    let compared = 0;
    for (const text of samples()) {
      const bytes = Buffer.from(text, 'latin1');
      const fast = dateFromBytes(bytes, 0, bytes.length, localOffset(), false);
      assert.deepEqual(
        fast === undefined ? viaString(text, '') : fast,
        viaString(text, ''),
        `${text} in ${zone}`,
      );
      compared++;
    }
    assert.ok(compared > 3000);
  }
  process.env.TZ = 'America/New_York';
  assert.equal(localOffset(), null, 'back to New York');
});

test('the row decoder follows a TZ change between result sets (local DATETIME columns)', (t) => {
  t.after(() => {
    process.env.TZ = 'America/New_York';
  });
  const field = makeFieldPacket(AT_COLUMN);
  const text = '2024-07-01 12:34:56';
  const part = oneCellPart(text);
  const options = {
    typeCast: true,
    nestTables: false,
    config: { timezone: 'local', dateStrings: false, supportBigNumbers: false, bigNumberStrings: false },
    connection: null,
  };
  for (const zone of ['UTC', 'Asia/Kolkata', 'UTC', 'America/New_York']) {
    process.env.TZ = zone;
    const rows = [];
    decodeRows(part, [field], options, (row) => rows.push(row));
    assert.equal(rows[0].at.getTime(), new Date(text).getTime(), zone);
  }
});

test('dates: bytes and string parsing agree', () => {
  for (const timezone of ['local', 'Z', '+01:00']) {
    for (const text of [
      '2024-03-10',
      '2024-11-03',
      '1970-01-01',
      '0000-00-00',
      '0050-06-01',
      '9999-12-31',
      '2024-02-30',
    ]) {
      const suffix = ' 00:00:00' + (timezone !== 'local' ? ' ' + timezone : '');
      assert.deepEqual(viaBytes(text, timezone, true), viaString(text, suffix), `${text} ${timezone}`);
    }
  }
});

test('decimals: bytes parsing gives exactly Number(text), or defers to it', () => {
  let seed = 7;
  const next = (n) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
  const digits = (n) => Array.from({ length: n }, () => String(next(10))).join('');
  const texts = [
    '0',
    '-0',
    '0.00',
    '-0.00',
    '1',
    '-1',
    '0.1',
    '0.3',
    '123456789012345',
    '999999999999999',
    '9999999999999999',
    '-99999999999999.9',
    '1.5',
    '12345678.90',
    '0.000000000000001',
    '18446744073709551615',
    '-9223372036854775808',
    '',
    '-',
    '1.2.3',
    '1e5',
  ];
  for (let i = 0; i < 20000; i++) {
    const whole = digits(1 + next(12)).replace(/^0+(?=\d)/, '');
    const scale = next(8);
    texts.push(`${next(2) ? '-' : ''}${whole}${scale ? '.' + digits(scale) : ''}`);
  }
  let fast = 0;
  for (const text of texts) {
    const bytes = Buffer.from(text, 'latin1');
    const value = decimalFromBytes(bytes, 0, bytes.length);
    if (value === undefined) continue;
    fast++;
    assert.ok(Object.is(value, Number(text)), `${text}: ${value} !== ${Number(text)}`);
  }
  assert.ok(fast > 19000, `fast path taken ${fast} times`);
  for (const text of ['9999999999999999', '', '-', '1.2.3', '1e5', '18446744073709551615']) {
    assert.equal(decimalFromBytes(Buffer.from(text), 0, text.length), undefined, text);
  }
});

test("a decoder remembered by the session's column list follows the connection's config", () => {
  // The session hands over the same column-list array while a connection's columns repeat.
  const columns = [AT_COLUMN];
  const fields = columns.map(makeFieldPacket);
  const text = '2024-07-01 12:34:56';
  const part = oneCellPart(text);
  const config = { timezone: 'Z', dateStrings: false, supportBigNumbers: false, bigNumberStrings: false };
  const decodeOne = (cfg) => {
    const rows = [];
    decodeRows(
      part,
      fields,
      { typeCast: true, nestTables: false, config: cfg, connection: null, columns },
      (row) => rows.push(row),
    );
    return rows[0].at;
  };
  // Past the sightings after which the decoder with the names in its code is compiled.
  for (let i = 0; i < 12; i++) assert.equal(decodeOne(config).getTime(), Date.parse('2024-07-01T12:34:56Z'));
  config.dateStrings = true;
  assert.equal(decodeOne(config), text);
  config.dateStrings = false;
  config.timezone = '+05:30';
  assert.equal(decodeOne(config).getTime(), Date.parse('2024-07-01T12:34:56+05:30'));
  // Another connection's config, with the same column list.
  const other = { ...config, timezone: 'Z', dateStrings: ['DATETIME'] };
  assert.equal(decodeOne(other), text);
  assert.equal(decodeOne(config).getTime(), Date.parse('2024-07-01T12:34:56+05:30'));
});
