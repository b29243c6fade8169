//! What the whole process knows about each server it connects to, shared by every session on
//! every thread. While a host refuses connections (nothing listens, or a proxy accepts and closes
//! at once), sessions do not each retry it on their own backoff: one probe at a time, at most one
//! per `PROBE_INTERVAL`, speaks for all of them, and when a probe gets in, the sessions that have
//! work waiting reconnect at once. A server back from a restart is served again within a probe
//! interval, and a process with hundreds of waiting connections makes at most ~50 connect
//! attempts a second against it. Other failures (a timeout, an auth error, `Too many
//! connections`) say the host answered or may be slow: each session backs off on its own.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

use tokio::sync::watch;

use crate::error::ErrorInfo;

/// The shortest time between two probes of a host that refuses; a random share of
/// `PROBE_JITTER` is added, so that processes restarted together do not probe in step.
pub const PROBE_INTERVAL: Duration = Duration::from_millis(20);
pub const PROBE_JITTER: Duration = Duration::from_millis(10);

#[derive(Clone, Debug, Default)]
pub struct GateState {
    /// Set while the host is believed down: a session lost its connection to it, or a connect
    /// was refused.
    pub down: Option<Down>,
    /// How many times the host came back: a connect got in while it was believed down.
    pub recoveries: u64,
}

#[derive(Clone, Debug)]
pub struct Down {
    /// What the last attempt got (or the loss that made the host suspect).
    pub last_error: ErrorInfo,
    /// A connect was refused (not only a connection lost): the host is probed ahead of the
    /// sessions' backoff schedules.
    pub refused: bool,
    /// A probe is in flight; its outcome is everyone's.
    pub probing: bool,
    /// When the next probe may start.
    pub next_probe: Instant,
}

/// How a connect attempt ended, as far as the host's reachability goes.
#[derive(Debug)]
pub enum Outcome {
    Connected,
    /// Refused, or closed before the greeting: the host is down, and cheap to ask again.
    Refused(ErrorInfo),
    /// Anything else (a timeout, an error packet, a failed handshake): sessions back off alone.
    Other,
}

impl Outcome {
    pub fn of(error: &ErrorInfo) -> Outcome {
        if is_refusal(error) {
            Outcome::Refused(error.clone())
        } else {
            Outcome::Other
        }
    }
}

/// A connect failure that says nothing listens (or a listener closed at once): no error packet,
/// no timeout.
pub fn is_refusal(error: &ErrorInfo) -> bool {
    // Server errors carry no code.
    matches!(
        error.code.as_deref(),
        Some(
            "ECONNREFUSED"
                | "ECONNRESET"
                | "ECONNABORTED"
                | "EPIPE"
                | "ENOENT"
                | "PROTOCOL_CONNECTION_LOST"
        )
    )
}

pub struct HostGate {
    state: watch::Sender<GateState>,
    /// Connect attempts made to this host by the whole process (for tests and diagnostics).
    attempts: AtomicU64,
}

impl HostGate {
    fn new() -> HostGate {
        HostGate {
            state: watch::Sender::new(GateState::default()),
            attempts: AtomicU64::new(0),
        }
    }

    pub fn subscribe(&self) -> watch::Receiver<GateState> {
        self.state.subscribe()
    }

    pub fn snapshot(&self) -> GateState {
        self.state.borrow().clone()
    }

    pub fn attempts(&self) -> u64 {
        self.attempts.load(Ordering::Relaxed)
    }

    /// A connect attempt goes out to this host.
    pub fn note_attempt(&self) {
        self.attempts.fetch_add(1, Ordering::Relaxed);
    }

    /// A session lost its connection: until a connect gets in, the host is suspect, and the first
    /// session to retry is the probe for all of them (a single lost connection, as after
    /// `wait_timeout`, retries at once as before).
    pub fn suspect(&self, cause: &ErrorInfo, now: Instant) {
        self.state.send_if_modified(|state| {
            if state.down.is_some() {
                return false;
            }
            state.down = Some(Down {
                last_error: cause.clone(),
                refused: false,
                probing: false,
                next_probe: now,
            });
            true
        });
    }

    /// The probe, if it is this caller's turn: the host is down, no probe is in flight, and the
    /// interval since the last one has passed.
    pub fn try_probe(self: &Arc<Self>, now: Instant) -> Option<ProbeClaim> {
        let claimed = self
            .state
            .send_if_modified(|state| match state.down.as_mut() {
                Some(down) if !down.probing && now >= down.next_probe => {
                    down.probing = true;
                    true
                }
                _ => false,
            });
        claimed.then(|| ProbeClaim {
            gate: self.clone(),
            finished: false,
        })
    }

    /// What a connect attempt (a probe or not) found; `unit` in [0, 1) draws the jitter.
    pub fn report(&self, outcome: Outcome, now: Instant, unit: f64) {
        // Only a change wakes the waiting sessions.
        self.state.send_if_modified(|state| match outcome {
            Outcome::Connected => {
                let recovered = state.down.take().is_some();
                if recovered {
                    state.recoveries += 1;
                }
                recovered
            }
            Outcome::Refused(error) => {
                let unit = if unit.is_finite() {
                    unit.clamp(0.0, 1.0)
                } else {
                    0.0
                };
                state.down = Some(Down {
                    last_error: error,
                    refused: true,
                    probing: false,
                    next_probe: now + PROBE_INTERVAL + PROBE_JITTER.mul_f64(unit),
                });
                true
            }
            // The host answered (or is slow): nothing is known that spares a session its own try.
            Outcome::Other => state.down.take().is_some(),
        });
    }

    /// A probe ended without a result (its session was destroyed or ended): the next session
    /// may probe at once.
    fn release(&self, now: Instant) {
        self.state
            .send_if_modified(|state| match state.down.as_mut() {
                Some(down) if down.probing => {
                    down.probing = false;
                    down.next_probe = now;
                    true
                }
                _ => false,
            });
    }
}

/// The right to probe a down host; its outcome is reported with `finish`, or, if dropped
/// unreported, the next session may probe.
pub struct ProbeClaim {
    gate: Arc<HostGate>,
    finished: bool,
}

impl ProbeClaim {
    pub fn finish(mut self, outcome: Outcome, now: Instant, unit: f64) {
        self.finished = true;
        self.gate.report(outcome, now, unit);
    }
}

impl Drop for ProbeClaim {
    fn drop(&mut self) {
        if !self.finished {
            self.gate.release(Instant::now());
        }
    }
}

/// The gate of a host, by address: `host:port`, or the socket path. Hosts are few and kept for
/// the life of the process.
pub fn gate(key: &str) -> Arc<HostGate> {
    static GATES: OnceLock<Mutex<HashMap<String, Arc<HostGate>>>> = OnceLock::new();
    let mut gates = GATES
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    gates
        .entry(key.to_string())
        .or_insert_with(|| Arc::new(HostGate::new()))
        .clone()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refused() -> ErrorInfo {
        ErrorInfo::client("ECONNREFUSED", "connect ECONNREFUSED 127.0.0.1:1")
    }

    #[test]
    fn refusals_are_told_apart_from_answers_and_timeouts() {
        assert!(is_refusal(&refused()));
        assert!(is_refusal(&ErrorInfo::client(
            "PROTOCOL_CONNECTION_LOST",
            "closed"
        )));
        assert!(!is_refusal(&ErrorInfo::client("ETIMEDOUT", "timeout")));
        assert!(!is_refusal(&ErrorInfo::client("ENOTFOUND", "dns")));
        assert!(!is_refusal(&ErrorInfo::server(
            1040,
            "08004",
            "Too many connections"
        )));
    }

    #[test]
    fn one_probe_at_a_time_then_one_per_interval() {
        let gate = Arc::new(HostGate::new());
        let now = Instant::now();
        // Up: nobody needs a probe.
        assert!(gate.try_probe(now).is_none());
        gate.suspect(&refused(), now);
        let probe = gate.try_probe(now).expect("the first retry probes at once");
        assert!(gate.try_probe(now).is_none(), "one probe in flight");
        probe.finish(Outcome::Refused(refused()), now, 0.5);
        let next = gate.snapshot().down.unwrap().next_probe;
        assert_eq!(next, now + PROBE_INTERVAL + PROBE_JITTER / 2);
        assert!(gate.try_probe(next - Duration::from_millis(1)).is_none());
        let probe = gate.try_probe(next).expect("the interval has passed");
        probe.finish(Outcome::Connected, next, 0.0);
        let state = gate.snapshot();
        assert!(state.down.is_none());
        assert_eq!(state.recoveries, 1);
    }

    #[test]
    fn a_dropped_probe_hands_the_turn_on() {
        let gate = Arc::new(HostGate::new());
        let now = Instant::now();
        gate.suspect(&refused(), now);
        drop(gate.try_probe(now).unwrap());
        assert!(gate.try_probe(Instant::now()).is_some());
    }

    #[test]
    fn an_answer_that_is_not_a_refusal_clears_the_gate_without_a_recovery() {
        let gate = Arc::new(HostGate::new());
        let now = Instant::now();
        gate.report(Outcome::Refused(refused()), now, 0.0);
        gate.report(Outcome::Other, now, 0.0);
        let state = gate.snapshot();
        assert!(state.down.is_none());
        assert_eq!(state.recoveries, 0);
        // A suspect host is not re-marked while already down.
        gate.report(Outcome::Refused(refused()), now, 0.0);
        let before = gate.snapshot().down.unwrap().next_probe;
        gate.suspect(&refused(), now + Duration::from_secs(1));
        assert_eq!(gate.snapshot().down.unwrap().next_probe, before);
    }
}
