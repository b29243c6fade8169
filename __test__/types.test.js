'use strict';
// index.d.ts and promise.d.ts: they compile in the configurations users have (strict,
// isolatedModules, verbatimModuleSyntax; module commonjs and nodenext, CommonJS and ES module
// files, the package imported by name through its exports map), they reject what does not work at
// run time, and the values they declare are exactly what index.js and promise.js export.
//
// The samples in __test__/types/ mark each line that must not compile with
// `// @ts-expect-error TSnnnn`: the test compiles them with those directives disabled and checks
// that the errors are exactly on the marked lines, with the stated codes (so an expect-error cannot
// hold for the wrong reason), then runs tsc on a tsconfig as a user would.

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const ts = require('typescript');
const { linkCheckout } = require('./support/site');

const ROOT = path.join(__dirname, '..');
const SAMPLES = path.join(__dirname, 'types');
const EXPECT = /\/\/ @ts-expect-error (TS\d+)\b/;

let site;

// A site whose node_modules/reconnecting-mysql is this checkout, so that the samples import the
// package by name, and resolution goes through package.json as it does for an installed copy.
before(() => {
  site = linkCheckout('rmysql-types-');
  for (const name of fs.readdirSync(SAMPLES))
    fs.copyFileSync(path.join(SAMPLES, name), path.join(site, name));
});

after(() => {
  if (site) fs.rmSync(site, { recursive: true, force: true });
});

const STRICT = {
  strict: true,
  isolatedModules: true,
  noEmit: true,
  skipLibCheck: false,
  target: ts.ScriptTarget.ES2022,
  types: ['node'],
};

const CONFIGS = [
  {
    name: 'module commonjs (exports map, bundler resolution: the TypeScript 6 default)',
    options: { module: ts.ModuleKind.CommonJS },
    files: ['sample.ts', 'promise-sample.ts'],
  },
  {
    name: 'module commonjs, moduleResolution node10 (no exports map: `types` and file lookup)',
    options: {
      module: ts.ModuleKind.CommonJS,
      moduleResolution: ts.ModuleResolutionKind.Node10,
      ignoreDeprecations: '6.0',
    },
    files: ['sample.ts', 'promise-sample.ts'],
  },
  {
    name: 'module commonjs, verbatimModuleSyntax (import = require)',
    options: { module: ts.ModuleKind.CommonJS, verbatimModuleSyntax: true },
    files: ['cjs.cts'],
  },
  {
    name: 'module nodenext, verbatimModuleSyntax: a .cts and an .mts',
    options: {
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      verbatimModuleSyntax: true,
    },
    files: ['cjs.cts', 'esm.mts'],
  },
  {
    name: 'module preserve (bundlers, tsx), verbatimModuleSyntax: an .mts',
    options: { module: ts.ModuleKind.Preserve, verbatimModuleSyntax: true },
    files: ['esm.mts'],
  },
];

// Lib and @types/node files are the same in every configuration: parsed once.
const libCache = new Map();

function compile(options, files, { directives }) {
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    const inSite = path.resolve(fileName).startsWith(site + path.sep) && !fileName.includes('node_modules');
    if (inSite && !directives) {
      // Same length, same lines: the directive becomes a plain comment.
      const text = fs.readFileSync(fileName, 'utf8').replace(/@ts-expect-error/g, '@ts-expect-errxr');
      return ts.createSourceFile(fileName, text, languageVersion, true);
    }
    if (inSite) return getSourceFile(fileName, languageVersion, onError, shouldCreate);
    const key = `${fileName}\0${JSON.stringify(languageVersion)}`;
    if (!libCache.has(key))
      libCache.set(key, getSourceFile(fileName, languageVersion, onError, shouldCreate));
    return libCache.get(key);
  };
  const program = ts.createProgram(
    files.map((f) => path.join(site, f)),
    options,
    host,
  );
  return { program, diagnostics: ts.getPreEmitDiagnostics(program) };
}

function describe(d) {
  const message = ts.flattenDiagnosticMessageText(d.messageText, '\n');
  if (!d.file) return `TS${d.code}: ${message}`;
  const { line } = d.file.getLineAndCharacterOfPosition(d.start);
  return `${path.basename(d.file.fileName)}:${line + 1}: TS${d.code}: ${message}`;
}

/** 'file:line' -> 'TSnnnn' for each line after an `@ts-expect-error TSnnnn` comment. */
function expectedErrors(files) {
  const expected = new Map();
  for (const file of files) {
    const lines = fs.readFileSync(path.join(site, file), 'utf8').split('\n');
    lines.forEach((text, i) => {
      const match = EXPECT.exec(text);
      if (match) expected.set(`${file}:${i + 2}`, match[1]);
    });
  }
  return expected;
}

for (const config of CONFIGS) {
  test(`samples compile: ${config.name}`, () => {
    const options = { ...STRICT, ...config.options };
    const { diagnostics } = compile(options, config.files, { directives: false });
    const expected = expectedErrors(config.files);
    assert.ok(expected.size > 0, 'the samples mark what must not compile');
    const seen = new Map();
    const unexpected = [];
    for (const d of diagnostics) {
      const text = describe(d);
      const where = d.file && text.slice(0, text.indexOf(': TS'));
      if (where && expected.has(where) && expected.get(where) === `TS${d.code}`) seen.set(where, true);
      else unexpected.push(text);
    }
    assert.deepEqual(unexpected, [], 'errors where none is expected (or with another code)');
    const missing = [...expected].filter(([where]) => !seen.has(where)).map(([w, c]) => `${w}: ${c}`);
    assert.deepEqual(missing, [], 'lines that should not compile, but do');
  });
}

test('tsc -p on a tsconfig (nodenext, strict, isolatedModules, verbatimModuleSyntax) passes, the directives hold', () => {
  fs.writeFileSync(
    path.join(site, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        module: 'nodenext',
        moduleResolution: 'nodenext',
        target: 'es2022',
        strict: true,
        isolatedModules: true,
        verbatimModuleSyntax: true,
        noEmit: true,
        types: ['node'],
      },
      files: ['cjs.cts', 'esm.mts'],
    }),
  );
  const tsc = require.resolve('typescript/bin/tsc');
  const result = spawnSync(process.execPath, [tsc, '-p', site], { cwd: site, encoding: 'utf8' });
  assert.equal(result.status, 0, result.stdout + result.stderr);
});

test('a type error in user code is caught (the check is real)', () => {
  fs.writeFileSync(
    path.join(site, 'bad.mts'),
    "import mysql from 'reconnecting-mysql';\nmysql.createConnection({ queueTimeout: 'soon' });\n",
  );
  const options = {
    ...STRICT,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
  };
  const { diagnostics } = compile(options, ['bad.mts'], { directives: true });
  assert.deepEqual(diagnostics.map(describe), [
    "bad.mts:2: TS2322: Type 'string' is not assignable to type 'number'.",
  ]);
});

/** The value exports a declaration file declares: name -> the `typeof` the runtime value must have. */
function declaredValues(program, file) {
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file);
  const values = new Map();
  for (const exported of checker.getExportsOfModule(checker.getSymbolAtLocation(source))) {
    const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    if (!(symbol.flags & ts.SymbolFlags.Value)) continue;
    const type = checker.getTypeOfSymbol(symbol);
    const callable = type.getCallSignatures().length > 0 || type.getConstructSignatures().length > 0;
    values.set(exported.name, callable ? 'function' : 'object');
  }
  return values;
}

function declarations() {
  const files = ['index.d.ts', 'promise.d.ts'].map((f) => path.join(ROOT, f));
  const options = {
    ...STRICT,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
  };
  const program = ts.createProgram(files, options);
  assert.deepEqual(ts.getPreEmitDiagnostics(program).map(describe), []);
  return { program, index: files[0], promise: files[1] };
}

test('every value the .d.ts files declare is exported at run time with that typeof, and nothing else', async () => {
  const { program, index, promise } = declarations();
  for (const [file, js, mjs] of [
    [index, 'index.js', 'index.mjs'],
    [promise, 'promise.js', 'promise.mjs'],
  ]) {
    const declared = declaredValues(program, file);
    const cjs = require(path.join(ROOT, js));
    const runtime = new Map(Object.getOwnPropertyNames(cjs).map((name) => [name, typeof cjs[name]]));
    assert.deepEqual(
      [...runtime].sort(),
      [...declared].sort(),
      `${js} exports (left) and ${path.basename(file)} declares (right)`,
    );
    const esm = await import(pathToFileURL(path.join(ROOT, mjs)).href);
    assert.equal(esm.default, cjs, `${mjs}: the default export is the CommonJS module itself`);
    const named = new Map(
      Object.keys(esm)
        .filter((name) => name !== 'default')
        .map((name) => [name, typeof esm[name]]),
    );
    assert.deepEqual([...named].sort(), [...declared].sort(), `${mjs}'s named exports`);
    for (const name of named.keys()) assert.equal(esm[name], cjs[name], `${mjs}: ${name} is the same value`);
  }
  // mysql2's names for the promise classes are types only: promise.js has no such values.
  for (const name of ['Connection', 'Pool', 'PoolConnection', 'PoolCluster', 'PoolNamespace', 'createQuery'])
    assert.ok(!declaredValues(program, promise).has(name), name);
});

test('Types declares exactly the runtime codes', () => {
  const { program, index } = declarations();
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(index);
  const symbol = checker
    .getExportsOfModule(checker.getSymbolAtLocation(source))
    .find((s) => s.name === 'Types');
  const declared = Object.fromEntries(
    checker
      .getPropertiesOfType(checker.getTypeOfSymbol(symbol))
      .map((p) => [p.name, checker.getTypeOfSymbol(p).value]),
  );
  const runtime = require('..').Types;
  const names = Object.fromEntries(Object.entries(runtime).filter(([key]) => !/^\d+$/.test(key)));
  assert.deepEqual(declared, names);
  for (const [name, code] of Object.entries(names)) assert.equal(runtime[code], name, `Types[${code}]`);
  assert.equal(require('../promise').Types, runtime);
});
