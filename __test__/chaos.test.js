'use strict';
// A short, bounded chaos run (chaos/chaos.js; `npm run chaos` is the long one): four connections,
// each through its own fault proxy to a private server, run INSERTs, counter UPDATEs, SELECTs (one
// of 6,000 rows) and transactions while every fault kind is injected. The ledger of what the
// client reported must match the tables exactly.

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { runChaos, FAULT_KINDS } = require('../chaos/chaos');
const { formatSummary } = require('../chaos/ledger');

test(
  'chaos: every report matches the table under every fault kind, and work goes on after each fault',
  { timeout: 120000 },
  async (t) => {
    const { summary, violations, faults } = await runChaos({ seconds: 18, connections: 4, seed: 20240601 });
    for (const line of formatSummary(summary, violations).split('\n')) t.diagnostic(line);
    assert.deepEqual(violations, [], 'no ledger violation');
    assert.equal(summary.answered, summary.operations, 'every callback called');
    for (const kind of FAULT_KINDS) assert.ok(summary.faults[kind] >= 1, `fault ${kind} injected`);
    for (const fault of faults) {
      assert.ok(fault.successesAfter > 0, `work succeeded after ${fault.kind} at ${fault.endedAt}`);
    }
    assert.ok(summary.events.reconnect > 0, 'connections were healed');
    assert.ok(summary.totals.ok > summary.operations / 2, 'most calls succeeded');
    for (const label of ['insert', 'update counter', 'commit', 'select big']) {
      assert.ok(summary.byLabel[label].ok > 0, `${label} succeeded`);
    }
  },
);

test(
  'chaos with pipelining: queries written ahead keep the ledger exact under every fault kind',
  { timeout: 120000 },
  async (t) => {
    const { summary, violations } = await runChaos({
      seconds: 18,
      connections: 4,
      seed: 7,
      pipelining: true,
    });
    for (const line of formatSummary(summary, violations).split('\n')) t.diagnostic(line);
    assert.deepEqual(violations, [], 'no ledger violation');
    assert.equal(summary.answered, summary.operations, 'every callback called');
    for (const kind of FAULT_KINDS) assert.ok(summary.faults[kind] >= 1, `fault ${kind} injected`);
    // The transaction issued at once is what pipelining writes ahead.
    assert.ok(summary.byLabel['commit (pipelined)'].ok > 0, 'pipelined transactions committed');
    assert.ok(summary.events.reconnect > 0, 'connections were healed');
  },
);
