'use strict';
// Distribution: what a site gets from `npm install reconnecting-mysql`. The packages are packed as
// for a release (scripts/stage.js), published to a private registry on loopback, installed into a
// fresh site with no Rust on the PATH (npm, npm --ignore-scripts, pnpm), and the seed post's code
// runs there against the private server: query, server-side KILL, query again (healed).
//
// In `npm test` the binary is this checkout's build (host platform only). `npm run test:release`
// sets RECONNECTING_MYSQL_DIST=dist to test the release tarballs (`npm run release:pack`) instead,
// where the gnu binary must also need no glibc newer than 2.17.
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { execFileSync, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const platform = require('../lib/platform');
const { stageAndPack } = require('../scripts/stage');
const { glibcCeiling, distTarballs } = require('../scripts/binary-checks');
const { usePrivateServer } = require('./support/mariadb');
const { startRegistry } = require('./support/registry');
const site = require('./support/site');

const ROOT = path.join(__dirname, '..');
const pkg = require('../package.json');
const host = platform.detect();
const DIST = process.env.RECONNECTING_MYSQL_DIST
  ? path.resolve(ROOT, process.env.RECONNECTING_MYSQL_DIST)
  : null;
const MAX_INSTALL_BYTES = 8 * 1024 * 1024;
// The site's package, its platform package and sqlstring (pnpm adds nothing of its own).
const MAX_PACKAGES = 4;

const server = usePrivateServer();
let registry;
let work;
let tarballs;

function tarList(tarball) {
  return execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).trim().split('\n');
}

function tarJson(tarball, file) {
  return JSON.parse(execFileSync('tar', ['-xzOf', tarball, file], { encoding: 'utf8' }));
}

before(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'rm-install-'));
  if (DIST) {
    tarballs = distTarballs(DIST);
  } else {
    const binary = path.join(ROOT, `reconnecting-mysql.${host.suffix}.node`);
    assert.ok(fs.existsSync(binary), `${binary} is missing: npm test builds it first`);
    tarballs = stageAndPack({ [host.suffix]: binary }, path.join(work, 'dist'));
  }
  registry = await startRegistry();
  await site.publishRelease(registry, tarballs);
});

after(async () => {
  if (registry) await registry.close();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

test('the main package holds runtime JS and types only, no scripts, one runtime dependency', () => {
  const files = tarList(tarballs.main).map((f) => f.replace(/^package\//, ''));
  for (const required of [
    'package.json',
    'index.js',
    'index.mjs',
    'index.d.ts',
    'promise.js',
    'promise.mjs',
    'promise.d.ts',
    'lib/native.js',
    'LICENSE',
  ]) {
    assert.ok(files.includes(required), `${required} missing from ${files.join(', ')}`);
  }
  const unwanted = files.filter((f) =>
    /^(src|vendor|scripts|__test__|bench)\/|\.node$|^Cargo|^build\.rs$/.test(f),
  );
  assert.deepEqual(unwanted, []);
  const manifest = tarJson(tarballs.main, 'package/package.json');
  assert.equal(manifest.scripts, undefined);
  assert.equal(manifest.devDependencies, undefined);
  assert.deepEqual(manifest.dependencies, { sqlstring: pkg.dependencies.sqlstring });
  const expected = Object.fromEntries(
    Object.keys(tarballs.platforms).map((s) => [platform.packageName(s), pkg.version]),
  );
  assert.deepEqual(manifest.optionalDependencies, expected);
  if (DIST) assert.deepEqual(Object.keys(tarballs.platforms).sort(), platform.supportedSuffixes().sort());
});

test('each platform package: os/cpu/libc set, its binary, no scripts, same version', () => {
  for (const [suffix, tarball] of Object.entries(tarballs.platforms)) {
    const manifest = tarJson(tarball, 'package/package.json');
    const [os_, cpu, libc] = suffix.split('-');
    assert.equal(manifest.name, platform.packageName(suffix));
    assert.equal(manifest.version, pkg.version);
    assert.deepEqual(manifest.os, [os_]);
    assert.deepEqual(manifest.cpu, [cpu]);
    assert.deepEqual(manifest.libc, [libc === 'gnu' ? 'glibc' : libc]);
    assert.equal(manifest.scripts, undefined);
    assert.ok(
      tarList(tarball).includes(`package/${manifest.main}`),
      `${suffix}: ${manifest.main} not packed`,
    );
  }
});

// A dev build links the host's glibc; only release builds target the 2.17 baseline.
if (DIST)
  test('the release binaries need no glibc newer than 2.17', () => {
    for (const suffix of Object.keys(tarballs.platforms)) {
      const dir = fs.mkdtempSync(path.join(work, 'unpack-'));
      execFileSync('tar', ['-xzf', tarballs.platforms[suffix], '-C', dir]);
      const binary = path.join(dir, 'package', `reconnecting-mysql.${suffix}.node`);
      const ceiling = glibcCeiling(binary);
      if (suffix.endsWith('-musl')) assert.equal(ceiling, null, `${suffix} must not reference glibc symbols`);
      else assert.equal(ceiling, platform.MIN_GLIBC, `${suffix} needs GLIBC_${ceiling}`);
    }
  });

test('the repository agrees with itself: napi targets, npm/ dirs and the loader list, in lockstep versions', () => {
  assert.deepEqual(pkg.napi.targets, Object.keys(platform.PREBUILT));
  assert.deepEqual(fs.readdirSync(path.join(ROOT, 'npm')).sort(), platform.supportedSuffixes().sort());
  for (const suffix of platform.supportedSuffixes()) {
    const manifest = require(path.join(ROOT, 'npm', suffix, 'package.json'));
    assert.equal(manifest.version, pkg.version, `npm/${suffix} is not at ${pkg.version}: run napi version`);
    assert.equal(manifest.main, `reconnecting-mysql.${suffix}.node`);
  }
  assert.equal(pkg.scripts.install, undefined);
  assert.equal(pkg.scripts.postinstall, undefined);
  assert.deepEqual(Object.keys(pkg.dependencies), ['sqlstring']);
});

for (const [tool, args] of [
  ['npm', []],
  ['npm', ['--ignore-scripts']],
  ['pnpm', []],
]) {
  test(`${[tool, 'install', ...args].join(' ')} in a site without Rust: small, no install script, the seed post heals`, async (t) => {
    assert.equal(
      spawnSync('cargo', ['--version'], { env: { PATH: site.pathWithoutRust() } }).error.code,
      'ENOENT',
    );
    const installed = await site.installSite(registry, { tool, args });
    try {
      const packages = installed.packages || site.installedPackages(installed);
      assert.ok(packages.includes(platform.packageName(host.suffix)), packages.join(', '));
      assert.ok(packages.length <= MAX_PACKAGES, `${packages.length} packages: ${packages.join(', ')}`);
      const bytes = site.installedBytes(installed);
      assert.ok(bytes <= MAX_INSTALL_BYTES, `${bytes} bytes installed`);
      // npm 11 and pnpm 10 name packages whose install scripts they ran or blocked.
      assert.doesNotMatch(installed.output, /install script|build script|ignored build/i);
      const seen = await site.runSeedPost(installed, server.config());
      assert.equal(seen.two, 2);
      assert.notEqual(seen.second, seen.first, 'the second query ran on a new server connection');
      assert.deepEqual(seen.events, ['reconnect']);
      // The published binary has no test hooks, even when armed (this checkout's build has them).
      const hooks = spawnSync(
        process.execPath,
        [
          '-e',
          `const c = require('reconnecting-mysql').createConnection(${JSON.stringify(server.config())});` +
            'try { c._session().testPanic(); } catch (e) { console.log(e.message); } c.destroy();',
        ],
        { cwd: installed.dir, env: { ...process.env, RECONNECTING_MYSQL_TEST_HOOKS: '1' }, encoding: 'utf8' },
      );
      assert.match(
        hooks.stdout,
        DIST ? /test hooks are not in this build/ : /deliberate panic in a napi method/,
        hooks.stderr,
      );
      assert.ok(
        seen.entry.startsWith(fs.realpathSync(installed.dir)) || seen.entry.startsWith(installed.dir),
      );
      // The exports map in the installed layout: ES module imports, default and named.
      const esm = execFileSync(
        process.execPath,
        [
          '--input-type=module',
          '-e',
          "import mysql, { createConnection } from 'reconnecting-mysql'; import mysqlp from 'reconnecting-mysql/promise';" +
            'console.log(createConnection === mysql.createConnection, typeof mysqlp.createPool, mysql.Types.LONG)',
        ],
        { cwd: installed.dir, encoding: 'utf8' },
      );
      assert.equal(esm.trim(), 'true function 3');
      t.diagnostic(
        `${[tool, ...args].join(' ')}: ${packages.length} packages, ${bytes} bytes, ${installed.ms.toFixed(0)} ms`,
      );
    } finally {
      site.removeSite(installed);
    }
  });
}

test('without the platform package: one clear error; RECONNECTING_MYSQL_NATIVE loads a build from source', async () => {
  const installed = await site.installSite(registry, { args: ['--omit=optional'] });
  try {
    const probe = `try { require('reconnecting-mysql'); console.log('{}') } catch (e) {
      console.log(JSON.stringify({ code: e.code, message: e.message, cause: e.cause && e.cause.code, expected: e.expectedPackage })) }`;
    const out = JSON.parse(
      execFileSync(process.execPath, ['-e', probe], {
        cwd: installed.dir,
        encoding: 'utf8',
        env: { PATH: '/usr/bin:/bin' },
      }),
    );
    assert.equal(out.code, 'RECONNECTING_MYSQL_NO_BINARY');
    assert.equal(out.expected, `${platform.packageName(host.suffix)}@${pkg.version}`);
    assert.equal(out.cause, 'MODULE_NOT_FOUND');
    assert.match(out.message, new RegExp(`${host.platform} ${host.arch}`));
    if (host.glibc) assert.match(out.message, new RegExp(`glibc ${host.glibc.replace('.', '\\.')}`));
    assert.match(out.message, /--omit=optional/);
    assert.match(out.message, /Prebuilt: linux-x64-gnu, linux-arm64-gnu, linux-x64-musl/);
    assert.match(out.message, /RECONNECTING_MYSQL_NATIVE/);
    assert.doesNotMatch(out.message, /npm has a bug/);

    const build = path.join(ROOT, `reconnecting-mysql.${host.suffix}.node`);
    const seen = await site.runSeedPost(installed, server.config(), {
      env: { RECONNECTING_MYSQL_NATIVE: build },
    });
    assert.equal(seen.two, 2);
    assert.deepEqual(seen.events, ['reconnect']);

    const missing = path.join(installed.dir, 'nowhere.node');
    const bad = spawnSync(process.execPath, ['-e', "require('reconnecting-mysql')"], {
      cwd: installed.dir,
      encoding: 'utf8',
      env: { PATH: '/usr/bin:/bin', RECONNECTING_MYSQL_NATIVE: missing },
    });
    assert.notEqual(bad.status, 0);
    assert.match(bad.stderr, new RegExp(`RECONNECTING_MYSQL_NATIVE=${missing} could not be loaded`));
  } finally {
    site.removeSite(installed);
  }
});
