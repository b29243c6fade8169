'use strict';
// Builds the native addon from source with cargo (run by `npm install` and `npm test`).
// Cargo's target/ directory is the cache: a second build with no change is a no-op.
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const root = path.join(__dirname, '..');

const cargo = spawnSync('cargo', ['--version'], { encoding: 'utf8' });
if (cargo.error || cargo.status !== 0) {
  console.error(
    "reconnecting-mysql: building the native addon needs Rust's cargo on the PATH.\n" +
      'Install it from https://rustup.rs (then run `npm install` again).',
  );
  process.exit(1);
}

const cli = path.join(path.dirname(require.resolve('@napi-rs/cli/package.json')), 'dist', 'cli.js');
// RECONNECTING_MYSQL_PROFILE=fast builds without LTO for quick iteration.
const profile = process.env.RECONNECTING_MYSQL_PROFILE;
// lib/native.js is the loader, so napi's generated one is not wanted; the .d.ts is unused too.
// test-hooks: the deliberate panics the tests arm (never in the published binaries).
const args = [cli, 'build', '--platform', '--no-js', '--dts', 'binding.d.ts', '--features', 'test-hooks'];
if (profile && profile !== 'release') args.push('--profile', profile);
else args.push('--release');

const build = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
process.exit(build.status === null ? 1 : build.status);
