'use strict';

// Private, throw-away MariaDB servers for the tests.
//
//   const { startServer } = require('./support/mariadb')
//   const server = await startServer()            // or startServer({ args: ['--wait-timeout=2'] })
//   after(() => server.destroy())
//   const conn = mysql.createConnection(server.config())
//
// More options: `runAs: 'mysql'` (run as that system user, dir chowned to it; tests run as
// root), `appUser: false` (no app user and schema, see `createAppUser(server)`).
//
// Every server gets its own temp dir (datadir, unix socket, pid file, error
// log), listens on 127.0.0.1 only, on a free port (never 3306), and is run
// from the system binaries with --no-defaults so no system config file (and
// nothing of the shared server on 3306) is ever read or touched.
//
// The system tables are created once per machine and MariaDB version by
// mariadb-install-db into a template dir under os.tmpdir(); each server
// starts from a copy of it, which makes starting a server take ~0.2 s.
//
// Cleanup: servers are kept in a registry. On process 'exit' any server still
// running is SIGKILLed and its dir removed; SIGINT/SIGTERM do the same and
// exit with 130/143. A small watchdog process (one per test process) also
// kills the servers and removes their dirs should this process die without
// running its handlers (SIGKILL, crash).
//
// Set DEBUG_MARIADB=1 to get timings and paths on stderr.

const { spawn, execFile } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { promisify } = require('node:util');
const mysql = require('mysql');

const execFileP = promisify(execFile);

const APP_USER = 'app';
const APP_PASSWORD = 'app-secret';
const APP_DATABASE = 'test';
const READY_TIMEOUT_MS = 30000;
const STOP_TIMEOUT_MS = 30000;
const KILL_TIMEOUT_MS = 10000;
const SOCKET_PATH_MAX = 100; // sun_path is 108 bytes on Linux; keep a margin

const NOT_FOUND_MESSAGE =
  'mariadbd not found: install it with `apt-get install mariadb-server` (Debian/Ubuntu)';

function debug(...args) {
  if (process.env.DEBUG_MARIADB) console.error('[mariadb]', ...args);
}

function elapsed(t0) {
  return `${(Number(process.hrtime.bigint() - t0) / 1e6).toFixed(1)} ms`;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// ---------------------------------------------------------------------------
// Binaries

function findBinary(names) {
  const dirs = (process.env.PATH || '').split(path.delimiter).filter(Boolean);
  for (const d of ['/usr/sbin', '/usr/bin', '/usr/local/sbin', '/usr/local/bin', '/sbin']) {
    if (!dirs.includes(d)) dirs.push(d);
  }
  for (const name of names) {
    for (const dir of dirs) {
      const p = path.join(dir, name);
      try {
        fs.accessSync(p, fs.constants.X_OK);
        if (fs.statSync(p).isFile()) return p;
      } catch {}
    }
  }
  return null;
}

let binariesPromise = null;

// { mariadbd, installDb, version, options: Set<string> } — computed once per process.
function binaries() {
  if (!binariesPromise) {
    binariesPromise = (async () => {
      const mariadbd = process.env.MARIADBD || findBinary(['mariadbd']);
      if (!mariadbd) throw new Error(NOT_FOUND_MESSAGE);
      const installDb =
        process.env.MARIADB_INSTALL_DB || findBinary(['mariadb-install-db', 'mysql_install_db']);
      if (!installDb) {
        throw new Error(
          'mariadb-install-db not found: install it with `apt-get install mariadb-server` (Debian/Ubuntu)',
        );
      }
      // One call gives both the version (first line) and the accepted options.
      const { stdout } = await execFileP(mariadbd, ['--no-defaults', '--verbose', '--help'], {
        maxBuffer: 16 * 1024 * 1024,
      });
      const m = /Ver\s+(\S+)/.exec(stdout);
      const version = m ? m[1] : 'unknown';
      const options = new Set();
      for (const line of stdout.split('\n')) {
        const o = /^ {2}--([a-z0-9-]+)/.exec(line) || /^([a-z][a-z0-9-]+)\s{2,}/.exec(line);
        if (o) options.add(o[1].replace(/_/g, '-'));
      }
      return { mariadbd, installDb, version, options };
    })();
    binariesPromise.catch(() => {
      binariesPromise = null;
    });
  }
  return binariesPromise;
}

// Server options that keep a test server small; each is used only if this
// mariadbd accepts it.
function tuningArgs(options) {
  const args = [];
  if (options.has('innodb-buffer-pool-size')) args.push('--innodb-buffer-pool-size=16M');
  if (options.has('innodb-log-file-size')) args.push('--innodb-log-file-size=8M');
  if (options.has('log-bin')) args.push('--skip-log-bin');
  return args;
}

function runAsRootArgs() {
  // mariadbd refuses to run as root unless told to.
  return typeof process.getuid === 'function' && process.getuid() === 0 ? ['--user=root'] : [];
}

// `runAs`: a system user the server drops to (only possible as root); its dir is chowned to it.
function runAsArgs(runAs) {
  return runAs ? [`--user=${runAs}`] : runAsRootArgs();
}

async function chownTree(dir, user) {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) {
    throw new Error(`runAs: '${user}' needs the tests to run as root`);
  }
  let ids;
  try {
    ids = await Promise.all(['-u', '-g'].map((flag) => execFileP('id', [flag, user])));
  } catch {
    throw new Error(`runAs: no system user '${user}' (it comes with \`apt-get install mariadb-server\`)`);
  }
  const [uid, gid] = ids.map(({ stdout }) => Number(stdout.trim()));
  const walk = (p) => {
    fs.lchownSync(p, uid, gid);
    if (fs.lstatSync(p).isDirectory()) for (const e of fs.readdirSync(p)) walk(path.join(p, e));
  };
  walk(dir);
}

// ---------------------------------------------------------------------------
// Template datadir, built once per machine and version

let templatePromise = null;

function template() {
  if (!templatePromise) {
    templatePromise = buildTemplate();
    templatePromise.catch(() => {
      templatePromise = null;
    });
  }
  return templatePromise;
}

async function buildTemplate() {
  const bins = await binaries();
  const installArgs = [
    '--no-defaults',
    '--auth-root-authentication-method=normal',
    '--skip-test-db',
    '--skip-name-resolve',
    ...tuningArgs(bins.options),
    ...runAsRootArgs(),
  ];
  const key = crypto
    .createHash('sha256')
    .update(JSON.stringify([bins.mariadbd, bins.version, installArgs]))
    .digest('hex')
    .slice(0, 10);
  const uid = typeof process.getuid === 'function' ? process.getuid() : 'x';
  const safeVersion = bins.version.replace(/[^A-Za-z0-9.+-]/g, '_');
  const name = `reconnecting-mysql-mariadb-${safeVersion}-${key}-u${uid}`;
  const finalDir = path.join(os.tmpdir(), name);
  const finalData = path.join(finalDir, 'data');
  if (fs.existsSync(path.join(finalData, 'mysql'))) return finalData;

  removeStaleTemplateBuilds(name);
  const t0 = process.hrtime.bigint();
  const work = `${finalDir}.tmp-${process.pid}-${crypto.randomBytes(4).toString('hex')}`;
  fs.mkdirSync(work, { recursive: true, mode: 0o700 });
  try {
    try {
      // A private --tmpdir matters: at startup mariadbd deletes every `#sql*`
      // file in its tmpdir, so bootstraps sharing one break each other (and
      // would delete temp tables of any other server using that dir).
      await execFileP(
        bins.installDb,
        [...installArgs, `--datadir=${path.join(work, 'data')}`, `--tmpdir=${work}`],
        { maxBuffer: 16 * 1024 * 1024, cwd: work },
      );
    } catch (err) {
      throw new Error(`mariadb-install-db failed: ${err.message}\n${err.stdout || ''}\n${err.stderr || ''}`);
    }
    if (!fs.existsSync(path.join(work, 'data', 'mysql'))) {
      throw new Error(`mariadb-install-db produced no system tables in ${work}`);
    }
    try {
      // Atomic publish of a fully built dir: whoever renames first wins.
      fs.renameSync(work, finalDir);
      debug(`template built in ${elapsed(t0)}: ${finalData}`);
    } catch (err) {
      if (
        !['EEXIST', 'ENOTEMPTY', 'EPERM', 'EACCES'].includes(err.code) ||
        !fs.existsSync(path.join(finalData, 'mysql'))
      )
        throw err;
      debug('template built concurrently by another process; using theirs');
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  return finalData;
}

// Leftovers of builds whose process died mid-way.
function removeStaleTemplateBuilds(name) {
  let entries;
  try {
    entries = fs.readdirSync(os.tmpdir());
  } catch {
    return;
  }
  for (const e of entries) {
    if (!e.startsWith(`${name}.tmp-`)) continue;
    const pid = Number(e.slice(name.length + 5).split('-')[0]);
    if (pid && pid !== process.pid && !pidAlive(pid)) {
      fs.rmSync(path.join(os.tmpdir(), e), { recursive: true, force: true });
    }
  }
}

function pidAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
}

// ---------------------------------------------------------------------------
// Registry, exit handlers and watchdog

const registry = new Set();
let handlersInstalled = false;
let watchdog = null;

function installHandlers() {
  if (handlersInstalled) return;
  handlersInstalled = true;
  process.on('exit', killAllSync);
  const onSignal = (signal, code) => () => {
    killAllSync();
    process.exit(code);
  };
  process.once('SIGINT', onSignal('SIGINT', 130));
  process.once('SIGTERM', onSignal('SIGTERM', 143));
}

function killAllSync() {
  for (const server of registry) {
    try {
      server._killSync();
    } catch {}
  }
  registry.clear();
}

// A detached helper that, once this process's end of its stdin pipe closes
// (however this process died), SIGKILLs the servers still registered and
// removes their dirs. Servers are identified by pid *and* by their datadir
// appearing on their command line, so a recycled pid is never hit.
const WATCHDOG_SOURCE = `
'use strict'
const fs = require('fs')
const servers = new Map()
const dirs = new Set()
let buf = ''
process.stdin.setEncoding('utf8')
process.stdin.on('data', (d) => {
  buf += d
  let i
  while ((i = buf.indexOf('\\n')) >= 0) {
    const line = buf.slice(0, i); buf = buf.slice(i + 1)
    let m; try { m = JSON.parse(line) } catch { continue }
    if (m.op === 'pid') servers.set(m.pid, m.mark)
    else if (m.op === 'unpid') servers.delete(m.pid)
    else if (m.op === 'dir') dirs.add(m.dir)
    else if (m.op === 'undir') dirs.delete(m.dir)
  }
})
const ours = (pid, mark) => { try { return fs.readFileSync('/proc/' + pid + '/cmdline', 'utf8').includes(mark) } catch { return false } }
let done = false
async function cleanup () {
  if (done) return; done = true
  for (const [pid, mark] of servers) if (ours(pid, mark)) { try { process.kill(pid, 'SIGKILL') } catch {} }
  const deadline = Date.now() + 5000
  while ([...servers].some(([pid, mark]) => ours(pid, mark)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20))
  for (const d of dirs) { try { fs.rmSync(d, { recursive: true, force: true, maxRetries: 5 }) } catch {} }
  process.exit(0)
}
process.stdin.on('end', cleanup)
process.stdin.on('error', cleanup)
process.on('SIGINT', () => {}); process.on('SIGTERM', cleanup); process.on('SIGHUP', () => {})
`;

function tellWatchdog(msg) {
  try {
    if (!watchdog) {
      watchdog = spawn(process.execPath, ['-e', WATCHDOG_SOURCE], {
        detached: true,
        stdio: ['pipe', 'ignore', 'ignore'],
      });
      watchdog.on('error', () => {
        watchdog = null;
      });
      watchdog.stdin.on('error', () => {});
      watchdog.unref();
      watchdog.stdin.unref();
    }
    watchdog.stdin.write(JSON.stringify(msg) + '\n');
  } catch {}
}

// ---------------------------------------------------------------------------
// Helpers

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.once('error', reject);
    srv.listen({ port: 0, host: '127.0.0.1', exclusive: true }, () => {
      const { port } = srv.address();
      srv.close(() => (port === 3306 ? freePort().then(resolve, reject) : resolve(port)));
    });
  });
}

function makeTempDir() {
  let dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rmysql-'));
  if (path.join(dir, 'mysqld.sock').length > SOCKET_PATH_MAX) {
    fs.rmSync(dir, { recursive: true, force: true });
    dir = fs.mkdtempSync('/tmp/rmysql-');
  }
  return dir;
}

function readFrom(file, offset, maxBytes = 8192) {
  try {
    const fd = fs.openSync(file, 'r');
    try {
      const size = fs.fstatSync(fd).size;
      const start = Math.max(offset, size - maxBytes);
      const buf = Buffer.alloc(Math.max(0, size - start));
      fs.readSync(fd, buf, 0, buf.length, start);
      return buf.toString('utf8');
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return '';
  }
}

function fileSize(file) {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}

// Runs one or more statements as root over a unix socket, on a fresh connection.
function query(socketPath, sql, values, { connectTimeout = 10000 } = {}) {
  return new Promise((resolve, reject) => {
    const conn = mysql.createConnection({
      socketPath,
      user: 'root',
      password: '',
      connectTimeout,
      multipleStatements: true,
      supportBigNumbers: true,
    });
    conn.on('error', () => {}); // errors after the query are not ours to report
    conn.query(sql, values, (err, rows) => {
      if (err) {
        conn.destroy();
        reject(err);
      } else {
        conn.end(() => conn.destroy());
        resolve(rows);
      }
    });
  });
}

// ---------------------------------------------------------------------------
// Server

class Server {
  constructor({ dir, port, args, bins, runAs }) {
    this.host = '127.0.0.1';
    this.port = port;
    this.user = APP_USER;
    this.password = APP_PASSWORD;
    this.database = APP_DATABASE;
    this.dir = dir;
    this.datadir = path.join(dir, 'data');
    this.socketPath = path.join(dir, 'mysqld.sock');
    this.pidFile = path.join(dir, 'mysqld.pid');
    this.errorLog = path.join(dir, 'error.log');
    this.extraArgs = args;
    this.runAs = runAs || null;
    this._bins = bins;
    this._child = null;
    this._exited = null; // promise resolved with { code, signal } when _child exits
    this._destroyed = false;
    this._starting = null;
  }

  get running() {
    return this._child !== null;
  }

  get pid() {
    return this._child ? this._child.pid : null;
  }

  config() {
    return {
      host: this.host,
      port: this.port,
      user: this.user,
      password: this.password,
      database: this.database,
    };
  }

  args() {
    return [
      '--no-defaults', // must stay first
      `--datadir=${this.datadir}`,
      `--port=${this.port}`,
      '--bind-address=127.0.0.1',
      `--socket=${this.socketPath}`,
      `--pid-file=${this.pidFile}`,
      `--log-error=${this.errorLog}`,
      `--tmpdir=${this.dir}`, // private: mariadbd deletes `#sql*` files in its tmpdir at startup
      '--skip-name-resolve',
      ...tuningArgs(this._bins.options),
      ...runAsArgs(this.runAs),
      ...this.extraArgs,
    ];
  }

  // Resolves with { code, signal } when the running process exits (null if none runs).
  whenExited() {
    return this._child ? this._exited : null;
  }

  async admin(sql, values) {
    return query(this.socketPath, sql, values);
  }

  async killConnection(threadId) {
    const id = Number(threadId);
    if (!Number.isSafeInteger(id) || id <= 0) throw new TypeError(`bad thread id: ${threadId}`);
    await this.admin(`KILL ${id}`);
  }

  async threadIds(user = this.user) {
    const rows = await this.admin(
      'SELECT ID AS id FROM information_schema.PROCESSLIST WHERE USER = ? ORDER BY ID',
      [user],
    );
    return rows.map((r) => Number(r.id));
  }

  async start() {
    if (this._destroyed) throw new Error('server was destroyed');
    if (this._starting) return this._starting;
    if (this._child) return;
    this._starting = this._start().finally(() => {
      this._starting = null;
    });
    return this._starting;
  }

  async _start() {
    const t0 = process.hrtime.bigint();
    // Leftovers of a SIGKILLed run (the process is gone; we waited for it).
    for (const f of [this.socketPath, `${this.socketPath}.lock`, this.pidFile]) {
      fs.rmSync(f, { force: true });
    }
    const logOffset = fileSize(this.errorLog);
    const child = spawn(this._bins.mariadbd, this.args(), {
      cwd: this.dir,
      detached: true, // own process group: a terminal ^C reaches us, not the server
      stdio: 'ignore',
    });
    let spawnError = null;
    const exited = new Promise((resolve) => {
      child.once('error', (err) => {
        spawnError = err;
        resolve({ code: null, signal: null, err });
      });
      child.once('exit', (code, signal) => resolve({ code, signal }));
    });
    exited.then(() => {
      if (this._child === child) {
        this._child = null;
        tellWatchdog({ op: 'unpid', pid: child.pid });
      }
    });
    this._child = child;
    this._exited = exited;
    child.unref(); // a forgotten server must not keep the test process alive
    if (child.pid) tellWatchdog({ op: 'pid', pid: child.pid, mark: `--datadir=${this.datadir}` });

    const deadline = Date.now() + READY_TIMEOUT_MS;
    let exitInfo = null;
    exited.then((info) => {
      exitInfo = info;
    });
    child.ref(); // keep the loop alive while we wait for it
    try {
      for (;;) {
        if (exitInfo) {
          const why = spawnError
            ? spawnError.message
            : `exit code ${exitInfo.code}, signal ${exitInfo.signal}`;
          const err = new Error(
            `mariadbd exited during startup (${why}); error log:\n${readFrom(this.errorLog, logOffset)}`,
          );
          err.errorLog = readFrom(this.errorLog, logOffset);
          throw err;
        }
        try {
          await query(this.socketPath, 'SELECT 1', undefined, { connectTimeout: 2000 });
          break;
        } catch {}
        if (Date.now() > deadline) {
          await this._killChild();
          throw new Error(
            `mariadbd not ready after ${READY_TIMEOUT_MS} ms; error log:\n${readFrom(this.errorLog, logOffset)}`,
          );
        }
        await Promise.race([sleep(20), exited]);
      }
    } finally {
      child.unref();
    }
    debug(`server on port ${this.port} ready in ${elapsed(t0)} (${this.dir})`);
  }

  async _killChild(signal = 'SIGKILL', timeoutMs = KILL_TIMEOUT_MS) {
    const child = this._child;
    if (!child) return;
    const exited = this._exited;
    child.ref();
    try {
      try {
        process.kill(child.pid, signal);
      } catch {}
      let timer;
      const timedOut = await Promise.race([
        exited.then(() => false),
        new Promise((resolve) => {
          timer = setTimeout(resolve, timeoutMs, true);
        }),
      ]);
      clearTimeout(timer);
      if (timedOut && signal !== 'SIGKILL') {
        debug(`mariadbd ${child.pid} ignored ${signal} for ${timeoutMs} ms; SIGKILL`);
        try {
          process.kill(child.pid, 'SIGKILL');
        } catch {}
        await exited;
      } else if (timedOut) {
        throw new Error(`mariadbd ${child.pid} did not exit after SIGKILL`);
      }
    } finally {
      child.unref();
    }
  }

  // Graceful shutdown (SIGTERM), waits for the process to exit.
  async stop() {
    if (this._starting) await this._starting.catch(() => {});
    const t0 = process.hrtime.bigint();
    await this._killChild('SIGTERM', STOP_TIMEOUT_MS);
    debug(`server on port ${this.port} stopped in ${elapsed(t0)}`);
  }

  // Crash (SIGKILL), waits for the process to exit.
  async kill() {
    if (this._starting) await this._starting.catch(() => {});
    await this._killChild('SIGKILL');
  }

  async restart() {
    await this.stop();
    await this.start();
  }

  async destroy() {
    if (this._destroyed) return;
    this._destroyed = true;
    try {
      if (this._starting) await this._starting.catch(() => {});
      await this.stop();
    } finally {
      registry.delete(this);
      fs.rmSync(this.dir, { recursive: true, force: true, maxRetries: 5 });
      tellWatchdog({ op: 'undir', dir: this.dir });
    }
  }

  _killSync() {
    this._destroyed = true;
    if (this._child) {
      try {
        process.kill(this._child.pid, 'SIGKILL');
      } catch {}
      this._child = null;
    }
    try {
      fs.rmSync(this.dir, { recursive: true, force: true, maxRetries: 5 });
    } catch {}
  }
}

// ---------------------------------------------------------------------------
// API

// The application user and its schema (grants on its own schema only).
async function createAppUser(server) {
  await server.admin(
    `CREATE DATABASE IF NOT EXISTS \`${APP_DATABASE}\`;` +
      ['127.0.0.1', 'localhost', '%']
        .map(
          (h) =>
            `CREATE USER '${APP_USER}'@'${h}' IDENTIFIED BY '${APP_PASSWORD}';` +
            `GRANT ALL PRIVILEGES ON \`${APP_DATABASE}\`.* TO '${APP_USER}'@'${h}';` +
            `GRANT ALL PRIVILEGES ON \`${APP_DATABASE}\\_%\`.* TO '${APP_USER}'@'${h}';` +
            `GRANT PROCESS, RELOAD ON *.* TO '${APP_USER}'@'${h}';`,
        )
        .join('') +
      'FLUSH PRIVILEGES;',
  );
}

async function startServer(opts = {}) {
  const t0 = process.hrtime.bigint();
  const extraArgs = Array.isArray(opts.args) ? opts.args.map(String) : [];
  const bins = await binaries();
  let templateData = await template();
  installHandlers();

  const maxAttempts = 3; // the free port can be taken between probing and binding
  for (let attempt = 1; ; attempt++) {
    const dir = makeTempDir();
    tellWatchdog({ op: 'dir', dir });
    const server = new Server({ dir, port: await freePort(), args: extraArgs, bins, runAs: opts.runAs });
    registry.add(server);
    try {
      const tCopy = process.hrtime.bigint();
      try {
        fs.cpSync(templateData, server.datadir, { recursive: true });
      } catch (err) {
        if (err.code !== 'ENOENT') throw err;
        // The cached template was removed under us (tmp cleaner): rebuild it.
        templatePromise = null;
        templateData = await template();
        fs.rmSync(server.datadir, { recursive: true, force: true });
        fs.cpSync(templateData, server.datadir, { recursive: true });
      }
      debug(`datadir copied in ${elapsed(tCopy)}`);
      if (opts.runAs) await chownTree(dir, opts.runAs);
      await server.start();
      // `appUser: false`: a cluster creates them once (on one node, when it is ready).
      if (opts.appUser !== false) await createAppUser(server);
      debug(`startServer took ${elapsed(t0)} (port ${server.port})`);
      return server;
    } catch (err) {
      await server.destroy().catch(() => {});
      const portTaken = /Address already in use|Bind on TCP\/IP port/i.test(err.errorLog || '');
      if (portTaken && attempt < maxAttempts) continue;
      throw err;
    }
  }
}

async function stopAll() {
  await Promise.all([...registry].map((s) => s.destroy()));
}

// A private server for one test file: started before its tests (then `setup(server)`, if given)
// and destroyed after them. Returns a live view of the server, usable once the tests run.
function usePrivateServer(opts = {}, setup) {
  const { before, after } = require('node:test');
  let server = null;
  before(async () => {
    server = await startServer(opts);
    if (setup) await setup(server);
  });
  after(async () => {
    if (server) await server.destroy();
  });
  return new Proxy(
    {},
    {
      get(_, key) {
        if (server === null) throw new Error('the private server is used before the tests started it');
        const value = server[key];
        return typeof value === 'function' ? value.bind(server) : value;
      },
    },
  );
}

module.exports = { startServer, stopAll, Server, usePrivateServer, createAppUser };
