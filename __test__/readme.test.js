'use strict';
// The README's examples run, so that it cannot rot: every ```js (or ```ts) block whose first line
// is `// example: <name>` (`// example: <name> (esm)` for an ES module) is written into a site whose
// node_modules/reconnecting-mysql is this checkout, and run with Node against a private server
// (with TLS). A preload points the examples' connection options (host, port, user, password,
// database, hosts) at that server; the TLS example reads the server's CA as ca.pem, so the README can show a user's own values. Each
// example must exit 0, print nothing on stderr, and print every `// prints: <text>` it announces.
// A TypeScript example is type-checked with tsc (strict, nodenext) first, then run as compiled.

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { spawn, spawnSync } = require('node:child_process');
const { startServer } = require('./support/mariadb');
const { makeTestPki, tlsServerArgs } = require('./support/certs');
const { linkCheckout } = require('./support/site');

const ROOT = path.join(__dirname, '..');
const EXAMPLE = /```(js|ts)\n\/\/ example: ([\w-]+)( \(esm\))?\n([\s\S]*?)```/g;

/** The README's examples: { name, esm, code, prints }. */
function readmeExamples() {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  return [...readme.matchAll(EXAMPLE)].map(([, language, name, esm, code]) => ({
    name,
    typescript: language === 'ts',
    esm: Boolean(esm),
    code,
    prints: [...code.matchAll(/\/\/ prints: (.*)$/gm)].map((m) => m[1].trim()),
  }));
}

// Loaded before each example: the factories of both entry points get the private server's
// address and credentials in place of the README's.
const PRELOAD = `
const target = JSON.parse(process.env.README_TARGET);
function retarget(config) {
  if (config === undefined || typeof config !== 'object' || config === null) return config;
  const out = { ...config, host: target.host, port: target.port, user: target.user,
    password: target.password, database: target.database };
  if (out.hosts) out.hosts = out.hosts.map(() => target.host + ':' + target.port);
  if (out.hosts) delete out.host;
  return out;
}
for (const id of ['reconnecting-mysql', 'reconnecting-mysql/promise']) {
  const api = require(id);
  for (const factory of ['createConnection', 'createPool']) {
    const real = api[factory];
    api[factory] = (config) => real(retarget(config));
  }
  const createPoolCluster = api.createPoolCluster;
  api.createPoolCluster = (config) => {
    const cluster = createPoolCluster(config);
    const add = cluster.add.bind(cluster);
    cluster.add = (name, config) => (typeof name === 'object' ? add(retarget(name)) : add(name, retarget(config)));
    return cluster;
  };
}
`;

let server;
let pki;
let site;

before(async () => {
  pki = await makeTestPki();
  server = await startServer({ args: tlsServerArgs(pki, pki.server) });
  await server.admin(
    'CREATE TABLE test.products (id INT PRIMARY KEY, name VARCHAR(50), price DECIMAL(8,2));' +
      "INSERT INTO test.products VALUES (1, 'tea', 3.50), (2, 'coffee', 4.20), (3, 'cake', 2.80)",
  );
  site = linkCheckout('rmysql-readme-');
  fs.writeFileSync(path.join(site, 'preload.cjs'), PRELOAD);
  // The TLS example reads ca.pem from where it runs.
  fs.copyFileSync(pki.caFile, path.join(site, 'ca.pem'));
});

after(async () => {
  if (server) await server.destroy();
  if (pki) pki.remove();
  if (site) fs.rmSync(site, { recursive: true, force: true });
});

function run(file) {
  return new Promise((resolve) => {
    const target = { ...server.config(), host: '127.0.0.1' };
    const child = spawn(process.execPath, ['--require', './preload.cjs', file], {
      cwd: site,
      env: { ...process.env, README_TARGET: JSON.stringify(target) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30000);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

const examples = readmeExamples();

test('the README has its examples, and every js block is one', () => {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  assert.equal(
    (readme.match(/```(js|ts)\n/g) || []).length,
    examples.length,
    'a code block without // example:',
  );
  const names = examples.map((e) => e.name);
  for (const expected of [
    'callback',
    'promise',
    'promise-esm',
    'pool',
    'pool-cluster',
    'failover',
    'tls',
    'events',
    'infile',
  ])
    assert.ok(names.includes(expected), `README example ${expected} (found ${names.join(', ')})`);
  assert.equal(new Set(names).size, names.length, 'example names are unique');
});

for (const example of examples) {
  test(`README example ${example.name} runs`, async () => {
    let file = `${example.name}.${example.esm ? 'mjs' : 'cjs'}`;
    if (example.typescript) {
      const source = `${example.name}.${example.esm ? 'mts' : 'cts'}`;
      fs.writeFileSync(path.join(site, source), example.code);
      const tsc = spawnSync(
        process.execPath,
        [
          require.resolve('typescript/bin/tsc'),
          ...['--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022'],
          ...['--types', 'node', '--skipLibCheck', 'false', source],
        ],
        { cwd: site, encoding: 'utf8' },
      );
      assert.equal(tsc.status, 0, `tsc: ${tsc.stdout}${tsc.stderr}`);
    } else {
      fs.writeFileSync(path.join(site, file), example.code);
    }
    const { code, signal, stdout, stderr } = await run(file);
    assert.equal(signal, null, `killed: ${stdout}\n${stderr}`);
    assert.equal(code, 0, `${stdout}\n${stderr}`);
    assert.equal(stderr, '', stderr);
    for (const text of example.prints) assert.ok(stdout.includes(text), `prints ${text}; got:\n${stdout}`);
  });
}
