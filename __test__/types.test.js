'use strict';
// index.d.ts compiles and accepts mysql-style code plus our options and events.

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { spawnSync } = require('node:child_process');
const path = require('node:path');

test('index.d.ts and promise.d.ts type-check samples with tsc', () => {
  const tsc = require.resolve('typescript/bin/tsc');
  const samples = ['sample.ts', 'promise-sample.ts'].map((name) => path.join(__dirname, 'types', name));
  const result = spawnSync(
    process.execPath,
    [
      tsc,
      '--noEmit',
      '--strict',
      '--types',
      'node',
      '--module',
      'node16',
      '--target',
      'es2020',
      '--moduleResolution',
      'node16',
      ...samples,
    ],
    { encoding: 'utf8' },
  );
  assert.equal(result.status, 0, result.stdout + result.stderr);
});

test('a type error in user code is caught (the check is real)', () => {
  const tsc = require.resolve('typescript/bin/tsc');
  const fs = require('node:fs');
  const os = require('node:os');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rmysql-types-'));
  const bad = path.join(dir, 'bad.ts');
  fs.writeFileSync(
    bad,
    `import * as mysql from ${JSON.stringify(path.join(__dirname, '..'))};\nmysql.createConnection({ queueTimeout: 'soon' });\n`,
  );
  try {
    const result = spawnSync(
      process.execPath,
      [
        tsc,
        '--noEmit',
        '--strict',
        '--types',
        'node',
        '--module',
        'node16',
        '--moduleResolution',
        'node16',
        bad,
      ],
      { encoding: 'utf8' },
    );
    assert.notEqual(result.status, 0);
    assert.match(result.stdout, /bad\.ts\(2,\d+\): error TS2322/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
