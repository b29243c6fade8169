'use strict';
// The vendored mysql_async is the published crate (vendor/mysql_async-<version>.crate, checked
// against crates.io's checksum) plus the numbered patches in vendor/patches, applied in order.
//   node scripts/vendor.js --check   the tree in vendor/mysql_async equals pristine + patches (npm test)
//   node scripts/vendor.js --apply   rebuilds vendor/mysql_async from pristine + patches
//   node scripts/vendor.js --diff    what vendor/mysql_async adds to pristine + patches: save it
//                                    as the next vendor/patches/NNNN-name.patch, with a header
// Each patch starts with a header (Subject, What, Why, Upstream) that `git apply` skips.

const { execFileSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.join(__dirname, '..');
const CRATE_NAME = 'mysql_async';
const CRATE_VERSION = '0.37.1';
// crates.io's checksum of the published crate (index.crates.io/my/sq/mysql_async, "cksum").
const CRATE_SHA256 = '40d11da0e2d9fad4640c9f9198ee431c6d68444568f83ef1f10f3367270071e4';
const CRATE_FILE = path.join(ROOT, 'vendor', `${CRATE_NAME}-${CRATE_VERSION}.crate`);
const PATCH_DIR = path.join(ROOT, 'vendor', 'patches');
const TREE = path.join(ROOT, 'vendor', CRATE_NAME);

function patches() {
  return fs
    .readdirSync(PATCH_DIR)
    .filter((name) => /^\d{4}-.+\.patch$/.test(name))
    .sort()
    .map((name) => path.join(PATCH_DIR, name));
}

/** Extracts the pristine crate into a fresh temp dir; returns the crate's directory. */
function pristine() {
  const bytes = fs.readFileSync(CRATE_FILE);
  const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
  if (sha256 !== CRATE_SHA256) {
    throw new Error(
      `${path.relative(ROOT, CRATE_FILE)}: sha256 ${sha256}, crates.io publishes ${CRATE_SHA256}`,
    );
  }
  // Outside any git repository, so that `git apply` works as a plain patch tool.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rm-vendor-'));
  execFileSync('tar', ['-xzf', CRATE_FILE, '-C', dir]);
  return { dir, tree: path.join(dir, `${CRATE_NAME}-${CRATE_VERSION}`) };
}

/** Pristine + every patch, in a temp dir. */
function expectedTree() {
  const { dir, tree } = pristine();
  for (const patch of patches()) {
    try {
      execFileSync('git', ['apply', '--whitespace=nowarn', patch], {
        cwd: tree,
        stdio: ['ignore', 'ignore', 'pipe'],
      });
    } catch (err) {
      fs.rmSync(dir, { recursive: true, force: true });
      throw new Error(`${path.basename(patch)} does not apply: ${String(err.stderr || err.message).trim()}`);
    }
  }
  return { dir, tree };
}

function files(root, dir = root, out = []) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files(root, full, out);
    else out.push(path.relative(root, full));
  }
  return out.sort();
}

/** Paths that differ between two trees (missing on either side, or other bytes). */
function differences(expected, actual) {
  const want = files(expected);
  const have = files(actual);
  const out = [];
  const haveSet = new Set(have);
  for (const file of want) {
    if (!haveSet.has(file)) out.push(`missing: ${file}`);
    else if (!fs.readFileSync(path.join(expected, file)).equals(fs.readFileSync(path.join(actual, file)))) {
      out.push(`changed: ${file}`);
    }
  }
  const wantSet = new Set(want);
  for (const file of have) if (!wantSet.has(file)) out.push(`extra: ${file}`);
  return out;
}

function main(mode) {
  const { dir, tree } = expectedTree();
  try {
    if (mode === '--check') {
      const diff = differences(tree, TREE);
      if (diff.length) {
        process.stderr.write(
          `vendor/${CRATE_NAME} is not ${CRATE_NAME} ${CRATE_VERSION} + vendor/patches:\n  ${diff.join('\n  ')}\n` +
            'Put a change into a patch (node scripts/vendor.js --diff) or restore the tree (--apply).\n',
        );
        process.exitCode = 1;
        return;
      }
      process.stdout.write(
        `vendor/${CRATE_NAME}: ${CRATE_NAME} ${CRATE_VERSION} + ${patches().length} patches\n`,
      );
    } else if (mode === '--apply') {
      fs.rmSync(TREE, { recursive: true, force: true });
      fs.cpSync(tree, TREE, { recursive: true });
      process.stdout.write(
        `vendor/${CRATE_NAME} rebuilt from ${CRATE_NAME} ${CRATE_VERSION} + ${patches().length} patches\n`,
      );
    } else if (mode === '--diff') {
      fs.renameSync(tree, path.join(dir, 'a'));
      fs.cpSync(TREE, path.join(dir, 'b'), { recursive: true });
      try {
        execFileSync('git', ['diff', '--no-index', '--no-prefix', 'a', 'b'], { cwd: dir, stdio: 'inherit' });
      } catch (err) {
        // `git diff` exits 1 when the trees differ: the diff is the output.
        if (err.status !== 1) throw err;
      }
    } else {
      throw new Error('usage: node scripts/vendor.js --check | --apply | --diff');
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) main(process.argv[2]);

module.exports = { differences, expectedTree };
