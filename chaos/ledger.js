'use strict';
// The chaos ledger: what the client reported for every operation, and the check of those reports
// against the table afterwards. The rules are the contract's (DESIGN.md, "Never executed twice"):
//
//   reported success               -> the row exists exactly once
//   outcome 'unknown'              -> the row exists at most once
//   outcome 'not_executed'         -> the row does not exist
//   any other error (the server's) -> the row does not exist (the server rejected the statement)
//   transaction pair               -> both rows or neither; both if COMMIT succeeded, neither if it
//                                     was never sent or provably not executed
//   counter                        -> final value within [acknowledged, acknowledged + unknown]
//
// plus: every callback called exactly once, within a bounded time.

/** What an error tells about whether its statement ran. */
function statusOf(err) {
  if (!err) return 'ok';
  if (err.outcome === 'unknown') return 'unknown';
  if (err.outcome === 'not_executed') return 'not_executed';
  // No outcome: the server answered with an error, so it did not apply the statement.
  return 'rejected';
}

const STATUSES = ['ok', 'unknown', 'not_executed', 'rejected'];

class Ledger {
  constructor() {
    this.inserts = new Map(); // opId -> status of the INSERT
    this.pairs = new Map(); // pairId -> 'committed' | 'unknown' | 'aborted'
    this.counters = new Map(); // counter id -> { acknowledged, unknown }
    this.byLabel = new Map(); // label -> { ok, unknown, not_executed, rejected }
    this.errorCodes = new Map(); // 'CODE (outcome)' -> count
    this.successTimes = []; // start time of every successful call, in order
    this.faults = []; // { kind, target, startedAt, endedAt, detail }
    this.events = { disconnect: 0, reconnect: 0 };
    this.violations = [];
    this.calls = 0;
    this.answered = 0;
  }

  violation(rule, detail) {
    this.violations.push({ rule, detail });
  }

  /**
   * Issues one call and settles with { err, results } when its callback runs; records the result
   * under `label`. A second callback is a violation; so is none within `hangMs`.
   */
  call(label, hangMs, issue) {
    this.calls++;
    const startedAt = Date.now();
    return new Promise((resolve) => {
      let answers = 0;
      const timer = setTimeout(() => {
        this.violation('callback within bounded time', `${label}: no callback after ${hangMs} ms`);
        resolve({ err: Object.assign(new Error('hung'), { code: 'CHAOS_HANG' }), hung: true });
      }, hangMs);
      const callback = (err, results) => {
        answers++;
        if (answers > 1) {
          this.violation('callback exactly once', `${label}: callback called ${answers} times`);
          return;
        }
        clearTimeout(timer);
        this.answered++;
        this.record(label, err, startedAt);
        resolve({ err, results });
      };
      try {
        issue(callback);
      } catch (err) {
        this.violation('no throw', `${label}: ${err && err.stack}`);
        callback(err);
      }
    });
  }

  record(label, err, startedAt) {
    const status = statusOf(err);
    let row = this.byLabel.get(label);
    if (!row) this.byLabel.set(label, (row = { ok: 0, unknown: 0, not_executed: 0, rejected: 0 }));
    row[status]++;
    if (status === 'ok') this.successTimes.push(startedAt);
    else {
      const key = `${err.code || err.errno || 'NO_CODE'} (${err.outcome || 'no outcome'})`;
      this.errorCodes.set(key, (this.errorCodes.get(key) || 0) + 1);
    }
  }

  insertIssued(opId) {
    this.inserts.set(opId, 'pending');
  }

  insertAnswered(opId, err) {
    this.inserts.set(opId, statusOf(err));
  }

  pairSettled(pairId, outcome) {
    this.pairs.set(pairId, outcome);
  }

  counterAnswered(id, err) {
    let counter = this.counters.get(id);
    if (!counter) this.counters.set(id, (counter = { acknowledged: 0, unknown: 0 }));
    const status = statusOf(err);
    if (status === 'ok') counter.acknowledged++;
    else if (status === 'unknown') counter.unknown++;
  }

  /** Returns a fault record; call `.end()` on it when the fault is over. */
  fault(kind, target, detail) {
    const record = { kind, target, detail, startedAt: Date.now(), endedAt: null };
    this.faults.push(record);
    return { end: () => (record.endedAt = Date.now()), record };
  }

  /** Successful calls that started after `time`. */
  successesAfter(time) {
    let lo = 0;
    let hi = this.successTimes.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.successTimes[mid] > time) hi = mid;
      else lo = mid + 1;
    }
    return this.successTimes.length - lo;
  }

  /**
   * Checks the ledger against the table contents: `rows` is [{ op_id, part, n }] (n = how many
   * rows carry that op_id and part), `counters` is [{ id, n }].
   */
  check(rows, counters) {
    const found = new Map();
    for (const row of rows) found.set(`${row.op_id}/${row.part}`, Number(row.n));
    const count = (opId, part) => found.get(`${opId}/${part}`) || 0;
    const known = new Set();

    for (const [opId, status] of this.inserts) {
      known.add(`${opId}/-`);
      const n = count(opId, '-');
      const ok = status === 'ok' ? n === 1 : status === 'unknown' || status === 'pending' ? n <= 1 : n === 0;
      if (!ok) this.violation(`insert ${status}`, `${opId} found ${n} times`);
    }
    for (const [pairId, outcome] of this.pairs) {
      known.add(`${pairId}/a`);
      known.add(`${pairId}/b`);
      const a = count(pairId, 'a');
      const b = count(pairId, 'b');
      let ok = a === b && a <= 1;
      if (outcome === 'committed') ok = ok && a === 1;
      if (outcome === 'aborted') ok = ok && a === 0;
      if (!ok) this.violation(`transaction ${outcome}`, `${pairId}: a found ${a}, b found ${b} times`);
    }
    for (const [key, n] of found) {
      if (!known.has(key) && key !== 'seed/-')
        this.violation('no unexplained row', `${key} found ${n} times`);
    }
    for (const { id, n } of counters) {
      const counter = this.counters.get(Number(id)) || { acknowledged: 0, unknown: 0 };
      const value = Number(n);
      if (value < counter.acknowledged || value > counter.acknowledged + counter.unknown) {
        this.violation(
          'counter',
          `counter ${id} = ${value}, acknowledged ${counter.acknowledged}, unknown ${counter.unknown}`,
        );
      }
    }
    if (this.answered !== this.calls) {
      this.violation('every callback called', `${this.calls} calls, ${this.answered} answered`);
    }
  }

  /** The counts, as plain data. */
  summary() {
    const totals = { ok: 0, unknown: 0, not_executed: 0, rejected: 0 };
    for (const row of this.byLabel.values()) for (const s of STATUSES) totals[s] += row[s];
    const faults = {};
    for (const f of this.faults) faults[f.kind] = (faults[f.kind] || 0) + 1;
    return {
      operations: this.calls,
      answered: this.answered,
      totals,
      byLabel: Object.fromEntries([...this.byLabel].sort()),
      errorCodes: Object.fromEntries([...this.errorCodes].sort((x, y) => y[1] - x[1])),
      faults,
      faultsInjected: this.faults.length,
      events: { ...this.events },
      inserts: this.inserts.size,
      transactions: countValues(this.pairs),
      violations: this.violations.length,
    };
  }
}

function countValues(map) {
  const out = {};
  for (const v of map.values()) out[v] = (out[v] || 0) + 1;
  return out;
}

/** The counts table, as text. */
function formatSummary(summary, violations = []) {
  const lines = [];
  const pad = (s, n) => String(s).padEnd(n);
  const num = (s, n) => String(s).padStart(n);
  lines.push(
    `operations ${summary.operations} (answered ${summary.answered}), faults injected ${summary.faultsInjected}`,
  );
  lines.push(
    'faults: ' +
      Object.entries(summary.faults)
        .map(([k, v]) => `${k} ${v}`)
        .join(', '),
  );
  lines.push(`events: disconnect ${summary.events.disconnect}, reconnect ${summary.events.reconnect}`);
  lines.push(
    `${pad('call', 26)}${num('ok', 8)}${num('unknown', 9)}${num('not_exec', 10)}${num('rejected', 10)}`,
  );
  for (const [label, row] of Object.entries(summary.byLabel)) {
    lines.push(
      `${pad(label, 26)}${num(row.ok, 8)}${num(row.unknown, 9)}${num(row.not_executed, 10)}${num(row.rejected, 10)}`,
    );
  }
  const t = summary.totals;
  lines.push(
    `${pad('total', 26)}${num(t.ok, 8)}${num(t.unknown, 9)}${num(t.not_executed, 10)}${num(t.rejected, 10)}`,
  );
  lines.push(
    'transactions: ' +
      Object.entries(summary.transactions)
        .map(([k, v]) => `${k} ${v}`)
        .join(', '),
  );
  lines.push('errors by kind:');
  for (const [code, n] of Object.entries(summary.errorCodes)) lines.push(`  ${pad(code, 52)}${num(n, 7)}`);
  lines.push(`violations: ${summary.violations}`);
  for (const v of violations.slice(0, 50)) lines.push(`  VIOLATION ${v.rule}: ${v.detail}`);
  if (violations.length > 50) lines.push(`  ... and ${violations.length - 50} more`);
  return lines.join('\n');
}

module.exports = { Ledger, statusOf, formatSummary };
