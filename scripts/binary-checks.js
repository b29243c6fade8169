'use strict';
// Facts about a built .node file that a release must check: its CPU, the newest glibc symbol
// version it needs, its size. Shared by scripts/release-pack.js and the install tests.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const platform = require('../lib/platform');

const ELF_MACHINE = { 0x3e: 'x64', 0xb7: 'arm64' };

/** 'x64' | 'arm64' | null, from the ELF header's e_machine. */
function elfArch(file) {
  const header = Buffer.alloc(20);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, header, 0, 20, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (header.readUInt32BE(0) !== 0x7f454c46) return null;
  return ELF_MACHINE[header.readUInt16LE(18)] || null;
}

function compareVersions(a, b) {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    if ((pa[i] || 0) !== (pb[i] || 0)) return (pa[i] || 0) - (pb[i] || 0);
  }
  return 0;
}

/** The newest GLIBC_x.y the file's symbol versions ask for ('2.17'), or null if none. */
function glibcCeiling(file) {
  const out = execFileSync('readelf', ['-V', '--wide', file], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const versions = [...new Set([...out.matchAll(/GLIBC_([0-9.]+)/g)].map((m) => m[1]))];
  return versions.sort(compareVersions).pop() || null;
}

/** Shared libraries the file links against (DT_NEEDED). */
function neededLibraries(file) {
  const out = execFileSync('readelf', ['-d', '--wide', file], { encoding: 'utf8' });
  return [...out.matchAll(/\(NEEDED\)\s+Shared library: \[([^\]]+)\]/g)].map((m) => m[1]);
}

/** The tarballs `npm run release:pack` left in dir: { main, platforms: { suffix: tarball } }. */
function distTarballs(dir) {
  const { name, version } = require('../package.json');
  const file = (base) => {
    const tarball = path.join(dir, `${base}-${version}.tgz`);
    if (!fs.existsSync(tarball)) throw new Error(`${tarball} is missing: run npm run release:pack`);
    return tarball;
  };
  const platforms = {};
  for (const suffix of platform.supportedSuffixes()) platforms[suffix] = file(platform.packageName(suffix));
  return { main: file(name), platforms };
}

module.exports = { elfArch, glibcCeiling, neededLibraries, compareVersions, distTarballs };
