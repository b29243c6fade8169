'use strict';
// Which prebuilt binary this machine needs, and the facts an install error must show.
// The release builds (scripts/release-pack.js) and the loader (lib/native.js) read the same list.

const pkg = require('../package.json');

/** Prebuilt platforms: napi-rs target triple -> the platform package's suffix. */
const PREBUILT = Object.freeze({
  'x86_64-unknown-linux-gnu': 'linux-x64-gnu',
  'aarch64-unknown-linux-gnu': 'linux-arm64-gnu',
  'x86_64-unknown-linux-musl': 'linux-x64-musl',
});

/** Oldest glibc the gnu builds link against (`.2.17` in the release build's target). */
const MIN_GLIBC = '2.17';

/** Node-API version the addon asks for (Cargo.toml: napi feature "napi8"). */
const NODE_API_VERSION = 8;

function glibcVersion() {
  if (process.platform !== 'linux') return null;
  if (!process.report) return null;
  // Network details are not needed and can be slow to collect.
  const excludeNetwork = process.report.excludeNetwork;
  process.report.excludeNetwork = true;
  const report = process.report.getReport();
  process.report.excludeNetwork = excludeNetwork;
  const header = report && (typeof report === 'string' ? JSON.parse(report).header : report.header);
  return (header && header.glibcVersionRuntime) || null;
}

/** { platform, arch, libc, glibc, suffix } of the running process. */
function detect() {
  const glibc = glibcVersion();
  const libc = process.platform !== 'linux' ? null : glibc ? 'gnu' : 'musl';
  const suffix = [process.platform, process.arch, libc].filter(Boolean).join('-');
  return { platform: process.platform, arch: process.arch, libc, glibc, suffix };
}

function packageName(suffix) {
  return `${pkg.name}-${suffix}`;
}

function supportedSuffixes() {
  return Object.values(PREBUILT);
}

module.exports = {
  PREBUILT,
  MIN_GLIBC,
  NODE_API_VERSION,
  detect,
  packageName,
  supportedSuffixes,
  version: pkg.version,
};
