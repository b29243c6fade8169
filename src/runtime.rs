//! The one tokio runtime every session runs on: current-thread, on a thread of its own, so each
//! reply costs one wake-up of the JS thread and no hop through a worker pool.
//!
//! Between a reply and the next command (or a command and the server's answer) the thread would
//! sleep in epoll, and on an idle machine every wake-up from that sleep is slow (the core has gone
//! idle; measured here: 96 us per `SELECT 1` round trip against 84 us when kept awake). So after
//! activity in quick succession it keeps polling for a short window instead of sleeping. On a
//! busy machine the same polling takes a core the server or the JS thread needs (measured: 119 us
//! against 86 us), which shows as the thread being switched out stretch after stretch while it
//! polls: then it stops polling for a while (measured: 86 us, as without polling).
//! `RECONNECTING_MYSQL_SPIN_US` sets the window (0 turns polling off).

use std::cell::Cell;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use tokio::runtime::{Builder, Handle};
use tokio::sync::Notify;

static RUNTIME: OnceLock<Result<Handle, String>> = OnceLock::new();
static ACTIVITY: Notify = Notify::const_new();

const DEFAULT_SPIN: Duration = Duration::from_micros(50);
/// Stretches of polling in a row that saw the thread switched out: the machine is busy.
const CONTENDED_STRETCHES: u32 = 3;
/// How long polling then stays off.
const BACK_OFF: Duration = Duration::from_millis(100);
/// Polling rounds between two checks for being switched out (a round is ~1-2 us).
const ROUNDS_PER_CHECK: u32 = 128;

thread_local! {
    static LAST_ACTIVITY: Cell<Option<Instant>> = const { Cell::new(None) };
}

/// The shared runtime, started on first use.
pub fn handle() -> Result<&'static Handle, String> {
    RUNTIME
        .get_or_init(|| {
            let runtime = Builder::new_current_thread()
                .enable_all()
                .build()
                .map_err(|err| format!("cannot start the tokio runtime: {err}"))?;
            let handle = runtime.handle().clone();
            std::thread::Builder::new()
                .name("reconnecting-mysql".into())
                .spawn(move || runtime.block_on(stay_awake_after_activity(spin_window())))
                .map_err(|err| format!("cannot start the runtime thread: {err}"))?;
            Ok(handle)
        })
        .as_ref()
        .map_err(Clone::clone)
}

/// A session sent a reply or took a command: more is likely to follow within microseconds.
/// Called on the runtime thread.
pub fn note_activity() {
    let now = Instant::now();
    let previous = LAST_ACTIVITY.with(|last| last.replace(Some(now)));
    // Only activity in quick succession (a query loop, a busy server) starts polling: an
    // application that queries now and then never pays for it.
    if previous.is_some_and(|previous| now - previous < spin_window() * 4) {
        ACTIVITY.notify_waiters();
    }
}

fn spin_window() -> Duration {
    static SPIN: OnceLock<Duration> = OnceLock::new();
    *SPIN.get_or_init(|| {
        std::env::var("RECONNECTING_MYSQL_SPIN_US")
            .ok()
            .and_then(|value| value.trim().parse::<u64>().ok())
            .map_or(DEFAULT_SPIN, Duration::from_micros)
    })
}

/// Times this thread was switched out while runnable (preempted, or yielded to another thread).
fn involuntary_switches() -> Option<i64> {
    // SAFETY: getrusage only writes the struct it is given.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let status = unsafe { libc::getrusage(libc::RUSAGE_THREAD, &mut usage) };
    (status == 0).then_some(usage.ru_nivcsw)
}

/// The runtime thread's main future: after activity, yield (the scheduler then polls the sockets
/// without blocking) until the window has passed without new activity, unless the machine is
/// busy: on an idle machine a few stretches of polling see the thread switched out (it yields to
/// the JS thread or the server), on a busy one every stretch does.
async fn stay_awake_after_activity(spin: Duration) {
    let mut paused_until: Option<Instant> = None;
    let mut contended_stretches = 0u32;
    loop {
        ACTIVITY.notified().await;
        if spin.is_zero() || paused_until.is_some_and(|until| Instant::now() < until) {
            continue;
        }
        let mut switches = involuntary_switches();
        let mut rounds = 0u32;
        let mut keep_polling = true;
        while keep_polling {
            keep_polling = LAST_ACTIVITY
                .with(Cell::get)
                .is_some_and(|last| last.elapsed() < spin);
            if keep_polling {
                // Hands the core over at once if another thread wants it (that counts as a switch).
                std::thread::yield_now();
                tokio::task::yield_now().await;
                rounds += 1;
            }
            if !keep_polling || rounds.is_multiple_of(ROUNDS_PER_CHECK) {
                let now = involuntary_switches();
                contended_stretches = if now == switches {
                    0
                } else {
                    contended_stretches + 1
                };
                switches = now;
                if contended_stretches >= CONTENDED_STRETCHES {
                    contended_stretches = 0;
                    paused_until = Some(Instant::now() + BACK_OFF);
                    break;
                }
            }
        }
    }
}
