'use strict';
// npm run chaos -- [--seconds=N] [--connections=N] [--seed=N] [--faults=kill,restart,...] [--json]
// Runs the chaos workload against a private MariaDB, prints the counts and exits non-zero on any
// ledger violation.

const { runChaos, FAULT_KINDS } = require('./chaos');
const { formatSummary } = require('./ledger');

const USAGE = `usage: npm run chaos -- [--seconds=60] [--connections=4] [--seed=N] [--faults=${FAULT_KINDS.join(',')}] [--json]`;

function parseArgs(argv) {
  const options = {
    seconds: 60,
    connections: 4,
    seed: Date.now() % 1000000,
    faults: FAULT_KINDS,
    json: false,
  };
  for (const arg of argv) {
    const match = /^--([a-z]+)(?:=(.*))?$/.exec(arg);
    if (!match) throw new Error(`unknown argument: ${arg}`);
    const [, name, value] = match;
    if (name === 'json' && value === undefined) options.json = true;
    else if (name === 'faults' && value) options.faults = value.split(',').filter(Boolean);
    else if (['seconds', 'connections', 'seed'].includes(name)) {
      const n = Number(value);
      const min = name === 'seed' ? 0 : 1;
      if (!Number.isSafeInteger(n) || n < min) throw new Error(`--${name} must be an integer >= ${min}`);
      options[name] = n;
    } else if (name === 'help') {
      console.log(USAGE);
      process.exit(0);
    } else throw new Error(`unknown argument: ${arg}`);
  }
  if (options.seconds < 5) throw new Error('--seconds must be at least 5');
  return options;
}

async function main() {
  let options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (err) {
    console.error(`${err.message}\n${USAGE}`);
    process.exit(2);
  }
  const { summary, violations, faults } = await runChaos({
    ...options,
    log: (line) => console.error(`[chaos] ${line}`),
  });
  if (options.json) {
    console.log(JSON.stringify({ options, summary, violations, faults }, null, 2));
  } else {
    console.log(`chaos: ${options.seconds} s, ${options.connections} connections, seed ${options.seed}`);
    console.log(formatSummary(summary, violations));
    const dry = faults.filter((f) => f.successesAfter === 0);
    if (dry.length) console.log(`faults with no success after them: ${dry.map((f) => f.kind).join(', ')}`);
  }
  process.exitCode = violations.length === 0 ? 0 : 1;
}

main().catch((err) => {
  console.error(err && err.stack ? err.stack : err);
  process.exit(3);
});
