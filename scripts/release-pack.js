'use strict';
// Builds the release binaries for every prebuilt platform and packs what gets published into dist/:
// one tarball per platform package and the main package (see scripts/stage.js).
//
//   npm run release:pack            # all targets of lib/platform.js
//   npm run release:pack -- linux-x64-gnu
//
// The gnu targets link against glibc 2.17 and the others cross-build, both through zig
// (cargo-zigbuild); the pinned tools are installed once into ~/.cache/reconnecting-mysql/release-tools.
// Each binary is checked before it is packed: its CPU, its glibc ceiling (musl: no glibc at all), its size.
const { execFileSync, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const platform = require('../lib/platform');
const checks = require('./binary-checks');
const { stageAndPack } = require('./stage');

const ROOT = path.join(__dirname, '..');
const DIST = path.join(ROOT, 'dist');
const TOOLS = path.join(os.homedir(), '.cache', 'reconnecting-mysql', 'release-tools');
const ZIG_VERSION = '0.17.0';
const ZIGBUILD_VERSION = '0.24.1';
const MAX_BINARY_BYTES = 8 * 1024 * 1024;

function run(command, args, options = {}) {
  console.log(`$ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: ROOT, ...options });
  if (result.status !== 0)
    throw new Error(`${command} ${args[0]} failed (${result.status ?? result.signal})`);
}

function output(command, args, env) {
  return execFileSync(command, args, { encoding: 'utf8', env }).trim();
}

/** Installs (once) and puts on PATH the pinned zig and cargo-zigbuild; returns the env to build with. */
function releaseTools() {
  const zigDir = path.join(TOOLS, `ziglang-${ZIG_VERSION}`);
  const zigBin = path.join(zigDir, 'ziglang');
  const zigbuildRoot = path.join(TOOLS, `cargo-zigbuild-${ZIGBUILD_VERSION}`);
  if (!fs.existsSync(path.join(zigBin, 'zig'))) {
    run('python3', ['-m', 'pip', 'install', '--quiet', '--target', zigDir, `ziglang==${ZIG_VERSION}`]);
  }
  if (!fs.existsSync(path.join(zigbuildRoot, 'bin', 'cargo-zigbuild'))) {
    run('cargo', [
      'install',
      '--locked',
      'cargo-zigbuild',
      '--version',
      ZIGBUILD_VERSION,
      '--root',
      zigbuildRoot,
    ]);
  }
  const env = { ...process.env, PATH: [zigBin, path.join(zigbuildRoot, 'bin'), process.env.PATH].join(':') };
  const zig = output('zig', ['version'], env);
  const zigbuild = output('cargo-zigbuild', ['--version'], env);
  if (zig !== ZIG_VERSION || !zigbuild.includes(ZIGBUILD_VERSION)) {
    throw new Error(
      `release tools: want zig ${ZIG_VERSION} and cargo-zigbuild ${ZIGBUILD_VERSION}, got ${zig} / ${zigbuild}`,
    );
  }
  return env;
}

/** The target napi/zig build for: gnu triples carry the glibc baseline (`.2.17`). */
function buildTarget(triple) {
  return triple.endsWith('-gnu') ? `${triple}.${platform.MIN_GLIBC}` : triple;
}

function buildBinary(triple, suffix, env) {
  const out = path.join(ROOT, 'target', 'release-pack', suffix);
  fs.rmSync(out, { recursive: true, force: true });
  const cli = path.join(path.dirname(require.resolve('@napi-rs/cli/package.json')), 'dist', 'cli.js');
  const args = [cli, 'build', '--platform', '--release', '-x', '--target', buildTarget(triple)];
  run(process.execPath, [...args, '--no-js', '--dts', 'binding.d.ts', '-o', out], { env });
  return path.join(out, `reconnecting-mysql.${suffix}.node`);
}

function checkBinary(file, suffix) {
  const [, arch, libc] = suffix.split('-');
  const problems = [];
  if (checks.elfArch(file) !== arch) problems.push(`ELF machine is ${checks.elfArch(file)}, want ${arch}`);
  const ceiling = checks.glibcCeiling(file);
  if (libc === 'gnu' && ceiling !== platform.MIN_GLIBC)
    problems.push(`needs GLIBC_${ceiling}, want ${platform.MIN_GLIBC}`);
  if (libc === 'musl' && ceiling !== null) problems.push(`references GLIBC_${ceiling}`);
  const size = fs.statSync(file).size;
  if (size > MAX_BINARY_BYTES) problems.push(`${size} bytes, more than ${MAX_BINARY_BYTES}`);
  if (problems.length) throw new Error(`${suffix}: ${problems.join('; ')}`);
  console.log(`${suffix}: ${arch}, glibc ceiling ${ceiling || 'none'}, ${(size / 1e6).toFixed(2)} MB`);
}

function main() {
  const wanted = process.argv.slice(2);
  const targets = Object.entries(platform.PREBUILT).filter(
    ([, suffix]) => !wanted.length || wanted.includes(suffix),
  );
  if (!targets.length) throw new Error(`unknown platform; known: ${platform.supportedSuffixes().join(', ')}`);
  const env = releaseTools();
  run('rustup', ['target', 'add', ...targets.map(([triple]) => triple)]);
  const binaries = {};
  for (const [triple, suffix] of targets) {
    const t0 = Date.now();
    binaries[suffix] = buildBinary(triple, suffix, env);
    checkBinary(binaries[suffix], suffix);
    console.log(`${suffix}: built in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  }
  const { main: mainTarball, platforms } = stageAndPack(binaries, DIST);
  for (const tarball of [...Object.values(platforms), mainTarball]) {
    console.log(`${path.relative(ROOT, tarball)}: ${(fs.statSync(tarball).size / 1e3).toFixed(0)} kB`);
  }
  console.log('Publish the platform packages first, then the main package (see README, Releasing).');
}

try {
  main();
} catch (err) {
  console.error(`release:pack: ${err.message}`);
  process.exit(1);
}
