'use strict';
// Throw-away X.509 material for the TLS tests, made with the system's `openssl` in a temp dir.
//
//   const pki = await makeTestPki()
//   pki.ca, pki.otherCa                   PEM strings of two unrelated CAs
//   pki.server    { cert, key, certFile, keyFile }   signed by ca, SAN IP:127.0.0.1 + DNS:localhost
//   pki.wrongHost { cert, key, certFile, keyFile }   signed by ca, SAN DNS:db.example.test only
//   pki.client    { cert, key }                      signed by ca, CN=app-client (client auth)
//   pki.caFile                            path of ca (for mariadbd --ssl-ca)
//   pki.remove()                          deletes the dir
//
// EC P-256 keys: fast to make, and accepted by both rustls and MariaDB's OpenSSL.

const { execFile } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { promisify } = require('node:util');

const execFileP = promisify(execFile);

async function openssl(dir, args) {
  try {
    await execFileP('openssl', args, { cwd: dir });
  } catch (err) {
    throw new Error(`openssl ${args.join(' ')} failed: ${err.message}\n${err.stderr || ''}`);
  }
}

/** `openssl req` arguments for a new P-256 key, unencrypted, written to `${name}-key.pem`. */
const newKey = (name) => [
  '-newkey',
  'ec',
  '-pkeyopt',
  'ec_paramgen_curve:prime256v1',
  '-nodes',
  '-keyout',
  `${name}-key.pem`,
];

async function makeCa(dir, name) {
  await openssl(dir, [
    'req',
    '-x509',
    ...newKey(name),
    '-out',
    `${name}.pem`,
    '-days',
    '2',
    '-subj',
    `/CN=reconnecting-mysql test ${name}`,
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
  ]);
}

/** A leaf certificate signed by `ca`, with the given extensions (one per line of an extfile). */
async function makeLeaf(dir, name, ca, subject, extensions) {
  await openssl(dir, ['req', ...newKey(name), '-out', `${name}.csr`, '-subj', subject]);
  fs.writeFileSync(path.join(dir, `${name}.ext`), extensions.join('\n') + '\n');
  await openssl(dir, [
    'x509',
    '-req',
    '-in',
    `${name}.csr`,
    '-CA',
    `${ca}.pem`,
    '-CAkey',
    `${ca}-key.pem`,
    '-CAcreateserial',
    '-days',
    '2',
    '-extfile',
    `${name}.ext`,
    '-out',
    `${name}.pem`,
  ]);
  const certFile = path.join(dir, `${name}.pem`);
  const keyFile = path.join(dir, `${name}-key.pem`);
  return {
    cert: fs.readFileSync(certFile, 'utf8'),
    key: fs.readFileSync(keyFile, 'utf8'),
    certFile,
    keyFile,
  };
}

async function makeTestPki() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rmysql-pki-'));
  try {
    await makeCa(dir, 'ca');
    await makeCa(dir, 'other-ca');
    const serverExt = [
      'basicConstraints=critical,CA:FALSE',
      'keyUsage=critical,digitalSignature',
      'extendedKeyUsage=serverAuth',
    ];
    const server = await makeLeaf(dir, 'server', 'ca', '/CN=localhost', [
      ...serverExt,
      'subjectAltName=IP:127.0.0.1,DNS:localhost',
    ]);
    const wrongHost = await makeLeaf(dir, 'wrong-host', 'ca', '/CN=db.example.test', [
      ...serverExt,
      'subjectAltName=DNS:db.example.test',
    ]);
    const client = await makeLeaf(dir, 'client', 'ca', '/CN=app-client', [
      'basicConstraints=critical,CA:FALSE',
      'keyUsage=critical,digitalSignature',
      'extendedKeyUsage=clientAuth',
    ]);
    return {
      dir,
      caFile: path.join(dir, 'ca.pem'),
      ca: fs.readFileSync(path.join(dir, 'ca.pem'), 'utf8'),
      otherCa: fs.readFileSync(path.join(dir, 'other-ca.pem'), 'utf8'),
      server,
      wrongHost,
      client,
      remove: () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  } catch (err) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw err;
  }
}

/** mariadbd arguments that turn TLS on with `leaf` (from makeTestPki) as its certificate. */
function tlsServerArgs(pki, leaf) {
  return [`--ssl-ca=${pki.caFile}`, `--ssl-cert=${leaf.certFile}`, `--ssl-key=${leaf.keyFile}`];
}

module.exports = { makeTestPki, tlsServerArgs };
