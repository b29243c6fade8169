'use strict';
// A fuzzing worker (run by fuzz/run.js, in its own process so that a crash is seen as one):
// runs seeds from..from+count-1 in batches and prints one JSON line per batch, with the RSS
// after a full gc. `--trace` prints each seed before it starts (to name the seed of a crash).
//   node --expose-gc fuzz/worker.js --from 1 --count 20000 --concurrency 16 --batch 1000 [--seconds 60]

const { runSessions, referenceResults } = require('./session');

function args() {
  const out = { from: 1, count: 20000, concurrency: 16, batch: 1000, seconds: Infinity, trace: false };
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i++) {
    const key = argv[i].replace(/^--/, '');
    if (key === 'trace') out.trace = true;
    else out[key] = Number(argv[++i]);
  }
  return out;
}

let uncaught = 0;
process.on('uncaughtException', (err) => {
  uncaught += 1;
  process.stdout.write(`${JSON.stringify({ uncaught: String(err && err.stack) })}\n`);
});
process.on('unhandledRejection', (err) => {
  uncaught += 1;
  process.stdout.write(`${JSON.stringify({ uncaught: String(err && err.stack) })}\n`);
});

/** process.memoryUsage() after full collections. */
async function rssAfterGc() {
  for (let i = 0; i < 3; i++) {
    global.gc();
    await new Promise((resolve) => setImmediate(resolve));
  }
  return process.memoryUsage();
}

async function main() {
  const options = args();
  if (typeof global.gc !== 'function') throw new Error('run with node --expose-gc');
  const deadline = Date.now() + options.seconds * 1000;
  const reference = await referenceResults();
  process.stdout.write(`${JSON.stringify({ reference })}\n`);
  const end = options.from + options.count;
  for (let from = options.from; from < end && Date.now() < deadline; from += options.batch) {
    const count = Math.min(options.batch, end - from);
    const batch = { from, count, fired: 0, problems: [], errors: {}, kinds: {} };
    const started = Date.now();
    await runSessions({
      from,
      count,
      concurrency: options.concurrency,
      reference,
      onStart: options.trace
        ? (seed) => process.stdout.write(`${JSON.stringify({ start: seed })}\n`)
        : undefined,
      onResult: (result) => {
        if (result.fired) batch.fired += 1;
        batch.kinds[result.kind] = (batch.kinds[result.kind] || 0) + 1;
        for (const [code, n] of Object.entries(result.errors))
          batch.errors[code] = (batch.errors[code] || 0) + n;
        for (const problem of result.problems)
          batch.problems.push({ seed: result.seed, kind: result.kind, problem });
      },
    });
    batch.ms = Date.now() - started;
    const memory = await rssAfterGc();
    batch.rss = memory.rss;
    batch.heapTotal = memory.heapTotal;
    batch.heapUsed = memory.heapUsed;
    batch.uncaught = uncaught;
    process.stdout.write(`${JSON.stringify({ batch })}\n`);
  }
  process.stdout.write(`${JSON.stringify({ done: true })}\n`);
}

main().catch((err) => {
  process.stdout.write(`${JSON.stringify({ failed: String(err && err.stack) })}\n`);
  process.exitCode = 1;
});
