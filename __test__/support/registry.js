'use strict';
// A real, private npm registry (verdaccio) on 127.0.0.1 for install tests: temp storage, no
// uplinks (only what a test publishes exists), one user whose token publishes.
//
//   const registry = await startRegistry()
//   await registry.publish(tarball) // npm publish against it
//   registry.npmrc                  // path of a userconfig that points npm/pnpm at it
//   await registry.close()
const { execFile } = require('node:child_process');
const { promisify } = require('node:util');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

async function startRegistry() {
  const { runServer } = require('verdaccio');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rm-registry-'));
  const config = {
    self_path: dir,
    storage: path.join(dir, 'storage'),
    uplinks: {},
    packages: { '**': { access: '$all', publish: '$authenticated' } },
    auth: { htpasswd: { file: path.join(dir, 'htpasswd'), max_users: 10 } },
    web: { enable: false },
    log: { type: 'stdout', format: 'pretty', level: 'fatal' },
    max_body_size: '64mb',
  };
  const app = await runServer(config);
  const server = await new Promise((resolve, reject) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
    s.once('error', reject);
  });
  const url = `http://127.0.0.1:${server.address().port}/`;

  const res = await fetch(`${url}-/user/org.couchdb.user:ci`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'ci', password: 'ci-secret-1' }),
  });
  const { token } = await res.json();
  if (!token) throw new Error(`registry: adduser failed (${res.status})`);
  const npmrc = path.join(dir, 'npmrc');
  const host = url.replace(/^http:/, '');
  fs.writeFileSync(npmrc, `registry=${url}\n${host}:_authToken=${token}\n`);

  return {
    url,
    npmrc,
    // Async: the registry runs in this process, so a blocking npm call would deadlock it.
    async publish(tarball) {
      await promisify(execFile)('npm', ['publish', tarball, '--userconfig', npmrc, '--registry', url], {
        cwd: dir,
      });
    },
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

module.exports = { startRegistry };
