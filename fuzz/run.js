'use strict';
// The protocol fuzzer (`npm run fuzz`): runs mutated sessions against a lying server in a worker
// process (fuzz/worker.js) and fails on any problem: a panic, a hang, a callback missing or
// called twice, an uncaught exception, a raw exception as a query error, an honest session whose
// results differ, a crash of the process, or RSS growth (after gc) beyond the bound.
//   node fuzz/run.js [--sessions 20000] [--seconds S] [--from 1] [--concurrency 16] [--batch 1000] [--json]
// A crash is reported with the seed: the crashed batch is rerun with --trace.

const { spawn } = require('node:child_process');
const path = require('node:path');
const readline = require('node:readline');

const WORKER = path.join(__dirname, 'worker.js');
// RSS growth allowed from the end of the first batch (the allocator's and V8's warm-up) to the end.
const RSS_BOUND_BYTES = 10 * 1024 * 1024;
const SEMI_SPACE_MB = 2;

function parseArgs(argv) {
  const out = { sessions: 20000, seconds: Infinity, from: 1, concurrency: 16, batch: 1000, json: false };
  for (let i = 0; i < argv.length; i++) {
    const key = argv[i].replace(/^--/, '');
    if (key === 'json') out.json = true;
    else if (key in out) out[key] = Number(argv[++i]);
    else throw new Error(`fuzz/run.js: unknown option ${argv[i]}`);
  }
  return out;
}

/** Runs the worker; resolves with { lines: [parsed JSON], code, signal }. */
function runWorker(args, onLine) {
  return new Promise((resolve, reject) => {
    // V8 grows its young generation (up to 2 x 16 MB committed) under a high allocation rate
    // and keeps it: measured here, that alone was +29 MB of RSS with 5 MB of heap in use. Capped,
    // RSS growth is what the process retains.
    const flags = ['--expose-gc', `--max-semi-space-size=${SEMI_SPACE_MB}`];
    const child = spawn(process.execPath, [...flags, WORKER, ...args], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const lines = [];
    readline.createInterface({ input: child.stdout }).on('line', (text) => {
      let line;
      try {
        line = JSON.parse(text);
      } catch {
        line = { output: text };
      }
      lines.push(line);
      if (onLine) onLine(line);
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ lines, code, signal }));
  });
}

/** Sums the worker's batches into one report. */
function summarise(lines) {
  const report = { sessions: 0, fired: 0, problems: [], uncaught: [], errors: {}, kinds: {}, batches: [] };
  for (const line of lines) {
    if (line.uncaught) report.uncaught.push(line.uncaught);
    if (line.failed) report.problems.push({ problem: `worker failed: ${line.failed}` });
    if (!line.batch) continue;
    const { batch } = line;
    report.sessions += batch.count;
    report.fired += batch.fired;
    report.problems.push(...batch.problems);
    for (const [code, n] of Object.entries(batch.errors))
      report.errors[code] = (report.errors[code] || 0) + n;
    for (const [kind, n] of Object.entries(batch.kinds)) report.kinds[kind] = (report.kinds[kind] || 0) + n;
    report.batches.push({
      from: batch.from,
      count: batch.count,
      ms: batch.ms,
      rss: batch.rss,
      heapTotal: batch.heapTotal,
      heapUsed: batch.heapUsed,
    });
  }
  const rss = report.batches.map((batch) => batch.rss);
  report.rssAfterFirstBatch = rss[0] || 0;
  report.rssGrowth = rss.length > 1 ? rss[rss.length - 1] - rss[0] : 0;
  report.rssPeakGrowth = rss.length > 1 ? Math.max(...rss) - rss[0] : 0;
  const heapUsed = report.batches.map((batch) => batch.heapUsed);
  report.heapUsedGrowth = heapUsed.length > 1 ? heapUsed[heapUsed.length - 1] - heapUsed[0] : 0;
  report.done = lines.some((line) => line.done);
  return report;
}

async function fuzz(options) {
  const started = Date.now();
  const args = ['--from', options.from, '--count', options.sessions, '--concurrency', options.concurrency];
  args.push('--batch', options.batch);
  if (Number.isFinite(options.seconds)) args.push('--seconds', options.seconds);
  const progress = options.onBatch;
  const run = await runWorker(args.map(String), (line) => line.batch && progress && progress(line.batch));
  const report = summarise(run.lines);
  report.ms = Date.now() - started;
  report.crash = null;
  if (run.code !== 0 || run.signal || !report.done) {
    report.crash = { code: run.code, signal: run.signal };
    // Names the seed: the batch after the last one reported is rerun, one session at a time.
    const last = report.batches[report.batches.length - 1];
    const from = last ? last.from + last.count : options.from;
    const count = Math.min(options.batch, options.from + options.sessions - from);
    const rerun = await runWorker(
      ['--from', from, '--count', count, '--concurrency', 1, '--batch', count, '--trace'].map(String),
    );
    const seeds = rerun.lines.filter((line) => line.start !== undefined).map((line) => line.start);
    report.crash.rerun = { code: rerun.code, signal: rerun.signal, lastSeed: seeds[seeds.length - 1] };
  }
  report.ok =
    report.problems.length === 0 &&
    report.uncaught.length === 0 &&
    report.crash === null &&
    report.rssGrowth < RSS_BOUND_BYTES;
  return report;
}

const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

function print(report) {
  const lines = [
    `fuzz: ${report.sessions} sessions in ${(report.ms / 1000).toFixed(1)} s, ${report.fired} lies fired`,
    `  kinds: ${Object.entries(report.kinds)
      .map(([kind, n]) => `${kind} ${n}`)
      .join(', ')}`,
    `  errors seen: ${Object.entries(report.errors)
      .sort((a, b) => b[1] - a[1])
      .map(([code, n]) => `${code} ${n}`)
      .join(', ')}`,
    `  RSS after gc: ${mb(report.rssAfterFirstBatch)} after the first batch, growth ${mb(report.rssGrowth)} (peak ${mb(report.rssPeakGrowth)}, bound ${mb(RSS_BOUND_BYTES)}); JS heap in use ${mb(report.heapUsedGrowth)}`,
    `  problems: ${report.problems.length}, uncaught: ${report.uncaught.length}, crash: ${report.crash ? JSON.stringify(report.crash) : 'none'}`,
  ];
  for (const problem of report.problems.slice(0, 20))
    lines.push(`  seed ${problem.seed} (${problem.kind}): ${problem.problem}`);
  for (const text of report.uncaught.slice(0, 5)) lines.push(`  uncaught: ${text}`);
  process.stdout.write(`${lines.join('\n')}\n`);
}

if (require.main === module) {
  const options = parseArgs(process.argv.slice(2));
  if (!options.json) {
    options.onBatch = (batch) =>
      process.stdout.write(
        `  batch from ${batch.from}: ${batch.count} sessions in ${batch.ms} ms, rss ${mb(batch.rss)}, heap ${mb(batch.heapUsed)} of ${mb(batch.heapTotal)}, problems ${batch.problems.length}\n`,
      );
  }
  fuzz(options).then((report) => {
    if (options.json) process.stdout.write(`${JSON.stringify(report)}\n`);
    else print(report);
    process.exitCode = report.ok ? 0 : 1;
  });
}

module.exports = { fuzz, RSS_BOUND_BYTES };
