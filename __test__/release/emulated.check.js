'use strict';
// The release tarballs (`npm run release:pack`, dist/) on the platforms this machine is not:
// arm64 glibc under qemu-user and x64 musl (Alpine's libc), each with the official Node 20 build
// (support/foreign-node.js). npm installs the site for that platform (--cpu / --libc), and the
// seed post runs there against the private server: load, connect, query, KILL healed.
// Run by `npm run test:release` (not by `npm test`: it needs the release build).
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const platform = require('../../lib/platform');
const { distTarballs } = require('../../scripts/binary-checks');
const { usePrivateServer } = require('../support/mariadb');
const { startRegistry } = require('../support/registry');
const { arm64Node, muslNode } = require('../support/foreign-node');
const site = require('../support/site');

const DIST = path.resolve(__dirname, '..', '..', process.env.RECONNECTING_MYSQL_DIST || 'dist');
const server = usePrivateServer();
let registry;

before(async () => {
  registry = await startRegistry();
  await site.publishRelease(registry, distTarballs(DIST));
});

after(async () => {
  if (registry) await registry.close();
});

for (const [suffix, foreignNode, npmArgs] of [
  ['linux-arm64-gnu', arm64Node, ['--cpu=arm64']],
  ['linux-x64-musl', muslNode, ['--libc=musl']],
]) {
  test(`${suffix}: installs its own package and the seed post heals there`, async () => {
    const node = foreignNode();
    const probe = [...node.command, '-p', "require('./lib/platform').detect().suffix"];
    const installed = await site.installSite(registry, { args: npmArgs });
    try {
      const packages = site.installedPackages(installed);
      assert.ok(packages.includes(platform.packageName(suffix)), packages.join(', '));
      assert.equal(
        packages.filter((p) => p.startsWith('reconnecting-mysql-')).length,
        1,
        packages.join(', '),
      );
      const detected = require('node:child_process').execFileSync(probe[0], probe.slice(1), {
        cwd: path.join(installed.dir, 'node_modules', 'reconnecting-mysql'),
        encoding: 'utf8',
      });
      assert.equal(detected.trim(), suffix);
      const seen = await site.runSeedPost(installed, server.config(), { node: node.command });
      assert.equal(seen.two, 2);
      assert.notEqual(seen.second, seen.first);
      assert.deepEqual(seen.events, ['reconnect']);
    } finally {
      site.removeSite(installed);
    }
  });
}
