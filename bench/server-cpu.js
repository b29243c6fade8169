'use strict';
// The CPU the bench's server spent, for the clients bench/run.js and bench/statements.js start.

const fs = require('node:fs');

const serverPid = Number(process.env.BENCH_SERVER_PID) || 0;

/**
 * CPU time (ns) of every thread of the server process the parent started (`BENCH_SERVER_PID`),
 * from /proc/<pid>/task/<tid>/schedstat: what the server spent on this client's work, the floor
 * of its wall time on one connection. NaN if the server is not readable.
 */
function serverCpuNs() {
  if (!serverPid) return NaN;
  try {
    let total = 0;
    for (const tid of fs.readdirSync(`/proc/${serverPid}/task`)) {
      try {
        total += Number(fs.readFileSync(`/proc/${serverPid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]);
      } catch {} // a thread that just ended
    }
    return total;
  } catch {
    return NaN;
  }
}

module.exports = { serverCpuNs };
