'use strict';
// ES modules and the exports map: `import mysql from 'reconnecting-mysql'`, named imports and
// `reconnecting-mysql/promise` work from a site (node_modules/reconnecting-mysql is this checkout),
// the paths that worked before the exports map still do, and TypeScript's output for an .mts and a
// .cts (module nodenext) runs against the private server.

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const { createRequire } = require('node:module');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const ts = require('typescript');
const { usePrivateServer } = require('./support/mariadb');
const { linkCheckout } = require('./support/site');

const ROOT = path.join(__dirname, '..');
const pkg = require('../package.json');
const APPS = ['esm-app.mjs', 'ts-app.mts', 'ts-app.cts'];

const server = usePrivateServer();
let site;

before(() => {
  site = linkCheckout('rmysql-esm-');
  for (const app of APPS) fs.copyFileSync(path.join(__dirname, 'support', app), path.join(site, app));
});

after(() => {
  if (site) fs.rmSync(site, { recursive: true, force: true });
});

function run(file) {
  const out = execFileSync(process.execPath, [file], {
    cwd: site,
    encoding: 'utf8',
    env: { ...process.env, DB_CONFIG: JSON.stringify(server.config()) },
    timeout: 60000,
  });
  return JSON.parse(out);
}

/** Every file the exports map names, with its conditions. */
function targets(exportsMap) {
  const found = [];
  const walk = (value, where) => {
    if (typeof value === 'string') found.push([where, value]);
    else for (const [key, inner] of Object.entries(value)) walk(inner, `${where} ${key}`);
  };
  walk(exportsMap, '');
  return found;
}

test('the exports map names files that exist and are published', () => {
  const packed = (file) => pkg.files.some((entry) => entry === file || file.startsWith(entry));
  for (const [where, target] of targets(pkg.exports)) {
    const file = target.replace(/^\.\//, '');
    assert.ok(fs.existsSync(path.join(ROOT, file)), `${where}: ${target} is missing`);
    assert.ok(file === 'package.json' || packed(file), `${where}: ${target} is not in package.json files`);
  }
  for (const [entry, conditions] of Object.entries(pkg.exports)) {
    if (typeof conditions === 'string') continue;
    // TypeScript takes the first condition that matches: types must come first, default last.
    assert.equal(Object.keys(conditions)[0], 'types', entry);
    assert.equal(Object.keys(conditions).at(-1), 'default', entry);
  }
});

test('require and import resolve the documented paths; lib/ is private', () => {
  const requireFromSite = createRequire(path.join(site, 'index.js'));
  const resolved = (spec) => path.relative(ROOT, requireFromSite.resolve(spec));
  assert.equal(resolved('reconnecting-mysql'), 'index.js');
  assert.equal(resolved('reconnecting-mysql/index.js'), 'index.js');
  assert.equal(resolved('reconnecting-mysql/promise'), 'promise.js');
  assert.equal(resolved('reconnecting-mysql/promise.js'), 'promise.js');
  assert.equal(resolved('reconnecting-mysql/package.json'), 'package.json');
  assert.equal(requireFromSite('reconnecting-mysql/promise'), require('../promise'));
  assert.equal(requireFromSite('reconnecting-mysql/package.json').version, pkg.version);
  assert.throws(() => requireFromSite.resolve('reconnecting-mysql/lib/results.js'), {
    code: 'ERR_PACKAGE_PATH_NOT_EXPORTED',
  });

  const specifiers = [
    'reconnecting-mysql',
    'reconnecting-mysql/index.js',
    'reconnecting-mysql/promise',
    'reconnecting-mysql/promise.js',
  ];
  const probe = `console.log(JSON.stringify(${JSON.stringify(specifiers)}.map((s) => import.meta.resolve(s))))`;
  const urls = JSON.parse(
    execFileSync(process.execPath, ['--input-type=module', '-e', probe], { cwd: site, encoding: 'utf8' }),
  );
  assert.deepEqual(
    urls,
    ['index.mjs', 'index.mjs', 'promise.mjs', 'promise.mjs'].map(
      (f) => pathToFileURL(path.join(ROOT, f)).href,
    ),
  );
});

test('an ES module: default and named imports of both entry points, queries on the private server', () => {
  const seen = run('esm-app.mjs');
  assert.equal(seen.sameModules, true, 'import and require share one instance');
  assert.equal(seen.namedAreTheModules, true);
  assert.deepEqual(seen.callback, { x: 1, type: 'LONG' });
  assert.deepEqual(seen.promise, { y: 'two', row: 'RowDataPacket', field: 'FieldPacket' });
  assert.deepEqual(seen.ok, { affectedRows: 2, insertId: 1, kind: 'OkPacket' });
  assert.equal(seen.two, 2);
  assert.equal(seen.entry, pathToFileURL(path.join(ROOT, 'index.mjs')).href);
});

test("TypeScript's output (module nodenext: an .mts and a .cts) runs: what the types accept works", () => {
  const options = {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    strict: true,
    isolatedModules: true,
    verbatimModuleSyntax: true,
    types: ['node'],
    rootDir: site,
    outDir: path.join(site, 'dist'),
  };
  const program = ts.createProgram(
    APPS.filter((f) => /\.[cm]ts$/.test(f)).map((f) => path.join(site, f)),
    options,
  );
  const emitted = program.emit();
  const diagnostics = ts.getPreEmitDiagnostics(program).concat(emitted.diagnostics);
  assert.deepEqual(
    diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')),
    [],
  );

  const esm = run(path.join('dist', 'ts-app.mjs'));
  assert.equal(esm.sameModules, true);
  assert.deepEqual(esm.callback, { x: 1, type: 'LONG' });
  assert.deepEqual(esm.promise, { y: 'two', row: 'RowDataPacket', field: 'FieldPacket' });
  assert.deepEqual(esm.ok, { affectedRows: 2, insertId: 1, kind: 'OkPacket' });
  assert.equal(esm.two, 2);

  const cjs = run(path.join('dist', 'ts-app.cjs'));
  assert.deepEqual(cjs, {
    x: 1,
    long: 3,
    promise: { y: 'two', field: 'y' },
    ok: { affectedRows: 1, kind: 'OkPacket' },
  });
});
