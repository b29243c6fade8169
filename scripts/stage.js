'use strict';
// Stages and packs what gets published: one platform package per prebuilt binary
// (npm/<platform>/ + the .node) and the main package (runtime JS and types, optionalDependencies
// on every platform package at exactly this version, no scripts). Used by scripts/release-pack.js
// on the release binaries and by __test__/install.test.js on a dev build.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const platform = require('../lib/platform');

const ROOT = path.join(__dirname, '..');
const manifest = () => JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

function copy(from, to) {
  fs.mkdirSync(path.dirname(to), { recursive: true });
  fs.cpSync(from, to, { recursive: true });
}

function writeJson(file, value) {
  fs.writeFileSync(file, JSON.stringify(value, null, 2) + '\n');
}

function pack(dir, destination) {
  const out = execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', destination], {
    cwd: dir,
    encoding: 'utf8',
  });
  return path.join(destination, JSON.parse(out)[0].filename);
}

function stagePlatformPackage(suffix, binary, stageDir) {
  const main = manifest();
  const dir = path.join(stageDir, suffix);
  copy(path.join(ROOT, 'npm', suffix), dir);
  const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
  if (pkg.version !== main.version) {
    throw new Error(
      `npm/${suffix}/package.json is ${pkg.version}, package.json ${main.version}: run napi version`,
    );
  }
  fs.copyFileSync(binary, path.join(dir, pkg.main));
  for (const file of ['LICENSE']) copy(path.join(ROOT, file), path.join(dir, file));
  return dir;
}

function stageMainPackage(stageDir, suffixes) {
  const pkg = manifest();
  const dir = path.join(stageDir, 'main');
  fs.mkdirSync(dir, { recursive: true });
  for (const entry of [...pkg.files, 'README.md', 'LICENSE'])
    copy(path.join(ROOT, entry), path.join(dir, entry));
  // What a site installs: no build scripts, no tooling; npm picks the one platform package that fits.
  delete pkg.scripts;
  delete pkg.devDependencies;
  delete pkg.napi;
  pkg.optionalDependencies = Object.fromEntries(
    suffixes.map((suffix) => [platform.packageName(suffix), pkg.version]),
  );
  writeJson(path.join(dir, 'package.json'), pkg);
  return dir;
}

/**
 * binaries: { '<platform suffix>': '/path/to/x.node' }; the main package depends on exactly these.
 * Packs into outDir (emptied first) and returns { main: tarball, platforms: { suffix: tarball } }.
 */
function stageAndPack(binaries, outDir) {
  fs.rmSync(outDir, { recursive: true, force: true });
  const stageDir = path.join(outDir, '.stage');
  fs.mkdirSync(stageDir, { recursive: true });
  const platforms = {};
  for (const [suffix, binary] of Object.entries(binaries)) {
    platforms[suffix] = pack(stagePlatformPackage(suffix, binary, stageDir), outDir);
  }
  const main = pack(stageMainPackage(stageDir, Object.keys(platforms)), outDir);
  fs.rmSync(stageDir, { recursive: true, force: true });
  return { main, platforms };
}

module.exports = { stageAndPack };
