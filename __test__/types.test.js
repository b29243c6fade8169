'use strict';
// index.d.ts compiles and accepts mysql-style code plus our options and events.

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { spawnSync } = require('node:child_process');
const path = require('node:path');

/** tsc --noEmit --strict (Node's types, node16 modules) plus `extra` over `files`: spawnSync's result. */
function tsc(files, extra = []) {
  const args = [
    '--noEmit',
    '--strict',
    '--types',
    'node',
    '--module',
    'node16',
    '--moduleResolution',
    'node16',
  ];
  return spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), ...args, ...extra, ...files], {
    encoding: 'utf8',
  });
}

test('index.d.ts and promise.d.ts type-check samples with tsc', () => {
  const samples = ['sample.ts', 'promise-sample.ts'].map((name) => path.join(__dirname, 'types', name));
  const result = tsc(samples, ['--target', 'es2020']);
  assert.equal(result.status, 0, result.stdout + result.stderr);
});

test('a type error in user code is caught (the check is real)', () => {
  const fs = require('node:fs');
  const os = require('node:os');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rmysql-types-'));
  const bad = path.join(dir, 'bad.ts');
  fs.writeFileSync(
    bad,
    `import * as mysql from ${JSON.stringify(path.join(__dirname, '..'))};\nmysql.createConnection({ queueTimeout: 'soon' });\n`,
  );
  try {
    const result = tsc([bad]);
    assert.notEqual(result.status, 0);
    assert.match(result.stdout, /bad\.ts\(2,\d+\): error TS2322/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
