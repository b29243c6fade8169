'use strict';
// A user's site, installed from a private registry the way a user would install it: a fresh dir
// with a package.json naming reconnecting-mysql, a PATH without Rust, an empty package cache.
//
//   const site = await installSite(registry, { tool: 'npm', args: ['--ignore-scripts'] })
//   const seen = await runSeedPost(site, server.config())   // the seed post's code, in that site
const { execFile } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { promisify } = require('node:util');

const execFileP = promisify(execFile);
const ROOT = path.join(__dirname, '..', '..');
const PNPM = path.join(ROOT, 'node_modules', 'pnpm', 'bin', 'pnpm.cjs');
const { version } = require('../../package.json');

/**
 * Publishes a release (scripts/stage.js's { main, platforms } tarballs) and the one runtime
 * dependency, taken from the npm registry as a tarball: the private registry has nothing else.
 */
async function publishRelease(registry, tarballs) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rm-deps-'));
  try {
    for (const [name, range] of Object.entries(require('../../package.json').dependencies)) {
      const packed = await execFileP('npm', ['pack', `${name}@${range}`, '--json'], { cwd: dir });
      await registry.publish(path.join(dir, JSON.parse(packed.stdout)[0].filename));
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  for (const tarball of Object.values(tarballs.platforms)) await registry.publish(tarball);
  await registry.publish(tarballs.main);
}

/** PATH with Node and the system's tools, without ~/.cargo/bin: no compiler can run. */
function pathWithoutRust() {
  return [path.dirname(process.execPath), '/usr/bin', '/bin']
    .filter((dir) => !fs.existsSync(path.join(dir, 'cargo')) && !fs.existsSync(path.join(dir, 'rustc')))
    .join(':');
}

function siteEnv(dir, registry) {
  return {
    PATH: pathWithoutRust(),
    HOME: path.join(dir, '.home'),
    npm_config_userconfig: registry.npmrc,
    npm_config_registry: registry.url,
    npm_config_cache: path.join(dir, '.cache', 'npm'),
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
  };
}

/** Installs reconnecting-mysql@<this version> into a new site; returns { dir, tool, ms, output }. */
async function installSite(registry, { tool = 'npm', args = [] } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `rm-site-${tool}-`));
  fs.mkdirSync(path.join(dir, '.home'));
  fs.writeFileSync(
    path.join(dir, 'package.json'),
    JSON.stringify({
      name: 'site',
      version: '1.0.0',
      private: true,
      dependencies: { 'reconnecting-mysql': version },
    }),
  );
  fs.copyFileSync(registry.npmrc, path.join(dir, '.npmrc'));
  const command =
    tool === 'pnpm'
      ? [process.execPath, PNPM, 'install', '--store-dir', path.join(dir, '.cache', 'pnpm'), ...args]
      : ['npm', 'install', '--no-package-lock', ...args];
  const t0 = process.hrtime.bigint();
  // Async: the registry serves from this very process.
  const { stdout, stderr } = await execFileP(command[0], command.slice(1), {
    cwd: dir,
    env: siteEnv(dir, registry),
    timeout: 120000,
  });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  return { dir, tool, ms, output: stdout + stderr };
}

/** Names of the packages installed in the site (npm's flat tree, or pnpm's virtual store). */
function installedPackages(site) {
  const modules = path.join(site.dir, 'node_modules');
  if (site.tool === 'pnpm') {
    return fs
      .readdirSync(path.join(modules, '.pnpm'))
      .filter((name) => name.includes('@') && !name.startsWith('node_modules'))
      .map((name) => name.replace(/@[^@]+$/, ''));
  }
  const lock = JSON.parse(fs.readFileSync(path.join(modules, '.package-lock.json'), 'utf8'));
  return Object.keys(lock.packages).map((key) => key.replace(/^.*node_modules\//, ''));
}

/** Bytes on disk under node_modules, symlinks not followed. */
function installedBytes(site) {
  let total = 0;
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) total += fs.statSync(full).size;
    }
  };
  walk(path.join(site.dir, 'node_modules'));
  return total;
}

/**
 * Runs the seed post's code (support/seed-post-app.js) in the site. `node` is the command that
 * runs Node there (an emulator and its arguments for another architecture). Resolves with what it printed.
 */
async function runSeedPost(site, dbConfig, { node = [process.execPath], env = {} } = {}) {
  const app = path.join(site.dir, 'app.js');
  fs.copyFileSync(path.join(__dirname, 'seed-post-app.js'), app);
  const { stdout } = await execFileP(node[0], [...node.slice(1), app], {
    cwd: site.dir,
    env: { PATH: pathWithoutRust(), DB_CONFIG: JSON.stringify(dbConfig), ...env },
    timeout: 120000,
  });
  return JSON.parse(stdout.trim().split('\n').pop());
}

function removeSite(site) {
  fs.rmSync(site.dir, { recursive: true, force: true });
}

/**
 * A temp site whose node_modules/reconnecting-mysql is this checkout (and @types its dev types),
 * so that code there imports the package by name and resolution goes through package.json as for
 * an installed copy. Returns its path; remove it with removeSite({ dir }).
 */
function linkCheckout(prefix) {
  const root = path.join(__dirname, '..', '..');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  fs.mkdirSync(path.join(dir, 'node_modules'));
  fs.symlinkSync(root, path.join(dir, 'node_modules', 'reconnecting-mysql'), 'dir');
  fs.symlinkSync(path.join(root, 'node_modules', '@types'), path.join(dir, 'node_modules', '@types'), 'dir');
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'site', private: true }));
  return dir;
}

module.exports = {
  linkCheckout,
  publishRelease,
  installSite,
  installedPackages,
  installedBytes,
  runSeedPost,
  removeSite,
  pathWithoutRust,
};
