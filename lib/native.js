'use strict';
// Loads the native addon. In order:
//   1. RECONNECTING_MYSQL_NATIVE=/path/to/x.node: an explicit build (a site that builds from source);
//   2. ../reconnecting-mysql.<platform>.node: a build in a checkout (`npm install` there runs cargo);
//   3. the platform package (reconnecting-mysql-<platform>), an optionalDependency npm picks by os/cpu/libc.
// Anything else ends in one error that says what was found, what was expected and what to do,
// with the real load failure as its `cause` (napi-rs's generated loader buries it under an npm-bug hint).
const path = require('node:path');
const platform = require('./platform');

const ROOT = path.join(__dirname, '..');
const NO_BINARY = 'RECONNECTING_MYSQL_NO_BINARY';

function describe(found) {
  const parts = [`${found.platform} ${found.arch}`];
  if (found.libc === 'gnu') parts.push(`glibc ${found.glibc}`);
  if (found.libc === 'musl') parts.push('musl libc');
  parts.push(`Node ${process.versions.node}`, `Node-API ${process.versions.napi}`);
  return parts.join(', ');
}

function firstLine(err) {
  return String((err && err.message) || err).split('\n')[0];
}

/** The failure that explains the most: a binary that exists but cannot load beats "not found". */
function realCause(attempts) {
  const loaded = attempts.find((a) => a.error && a.error.code !== 'MODULE_NOT_FOUND');
  return (loaded || attempts[attempts.length - 1]).error;
}

function noBinaryError(found, attempts, explicit) {
  const expected = `${platform.packageName(found.suffix)}@${platform.version}`;
  const supported = platform.supportedSuffixes().includes(found.suffix);
  const lines = [];
  if (explicit) {
    lines.push(
      `reconnecting-mysql: RECONNECTING_MYSQL_NATIVE=${explicit} could not be loaded (${describe(found)}).`,
    );
  } else if (supported) {
    lines.push(
      `reconnecting-mysql: the native binary for this machine (${describe(found)}) is missing or does not load.`,
      `It comes in the optional dependency ${expected}, which npm installs next to reconnecting-mysql.`,
      'Likely causes: dependencies installed with --omit=optional (or --no-optional); a lock file or node_modules',
      'made on another platform or with another version (remove node_modules and reinstall here); or a glibc',
      `older than ${platform.MIN_GLIBC}.`,
    );
  } else {
    lines.push(`reconnecting-mysql: no prebuilt binary for this machine (${describe(found)}).`);
  }
  lines.push('Tried:');
  for (const a of attempts) lines.push(`  - ${a.what}: ${firstLine(a.error)}`);
  lines.push(
    `Prebuilt: ${platform.supportedSuffixes().join(', ')} (gnu: glibc >= ${platform.MIN_GLIBC}; musl: Alpine), ` +
      `Node >= 20 (Node-API >= ${platform.NODE_API_VERSION}).`,
    'Build from source (needs Rust): in a clone of this repository run `npm install`, then set',
    'RECONNECTING_MYSQL_NATIVE to the reconnecting-mysql.*.node file it builds.',
  );
  const err = new Error(lines.join('\n'), { cause: realCause(attempts) });
  err.code = NO_BINARY;
  err.platform = found;
  err.expectedPackage = supported ? expected : null;
  return err;
}

function attempt(attempts, what, load) {
  try {
    return load();
  } catch (error) {
    attempts.push({ what, error });
    return null;
  }
}

function loadPlatformPackage(name) {
  const { version } = require(`${name}/package.json`);
  if (version !== platform.version) {
    // The JS and the binary speak a private protocol (lib/protocol.js): they must come from one release.
    throw new Error(
      `${name} is version ${version}, reconnecting-mysql is ${platform.version}: reinstall both`,
    );
  }
  return require(name);
}

function load() {
  const found = platform.detect();
  const attempts = [];
  const explicit = process.env.RECONNECTING_MYSQL_NATIVE;
  if (explicit) {
    const file = path.resolve(explicit);
    const binding = attempt(attempts, file, () => require(file));
    if (binding) return binding;
    throw noBinaryError(found, attempts, explicit);
  }
  const local = path.join(ROOT, `reconnecting-mysql.${found.suffix}.node`);
  const name = platform.packageName(found.suffix);
  const binding =
    attempt(attempts, `local build ${local}`, () => require(local)) ||
    attempt(attempts, `package ${name}`, () => loadPlatformPackage(name));
  if (binding) return binding;
  throw noBinaryError(found, attempts, null);
}

module.exports = load();
