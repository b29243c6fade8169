//! The fallback: sessions on a runtime thread of their own, shared by the process
//! (`RECONNECTING_MYSQL_RUNTIME=thread`, or when the event loop cannot be used). Replies go
//! through the sessions' threadsafe functions; tokio's own driver sleeps and wakes the thread,
//! so the deadline registry is kept there too but nobody needs to read it. After activity in
//! quick succession the thread keeps polling for a short window instead of sleeping in epoll.
//!
//! Owns: the runtime thread and its polling after activity. Must not touch: libuv, the outbox,
//! the driver's state (it only asks whether the event loop is running the runtime).

use std::cell::Cell;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use tokio::runtime::{Builder, Handle};
use tokio::sync::Notify;

use super::driver;
use super::spin::{involuntary_switches, spin_setting, BACK_OFF, CONTENDED_STRETCHES};

static THREAD_RUNTIME: OnceLock<Result<Handle, String>> = OnceLock::new();
static ACTIVITY: Notify = Notify::const_new();

const DEFAULT_SPIN: Duration = Duration::from_micros(50);
/// Polling rounds between two checks for being switched out (a round is ~1-2 us).
const ROUNDS_PER_CHECK: u32 = 128;

thread_local! {
    static LAST_ACTIVITY: Cell<Option<Instant>> = const { Cell::new(None) };
}

/// The shared runtime thread, started on first use.
pub(super) fn thread_handle() -> Result<&'static Handle, String> {
    THREAD_RUNTIME
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
/// Only the runtime thread polls; on the event loop this does nothing.
pub fn note_activity() {
    if driver::driving() || THREAD_RUNTIME.get().is_none() {
        return;
    }
    let now = Instant::now();
    let previous = LAST_ACTIVITY.with(|last| last.replace(Some(now)));
    if in_quick_succession(previous, now, spin_window()) {
        ACTIVITY.notify_waiters();
    }
}

/// Only activity in quick succession (a query loop, a busy server) starts polling: an
/// application that queries now and then never pays for it.
fn in_quick_succession(previous: Option<Instant>, now: Instant, window: Duration) -> bool {
    previous.is_some_and(|previous| now - previous < window * 4)
}

fn spin_window() -> Duration {
    static SPIN: OnceLock<Duration> = OnceLock::new();
    *SPIN.get_or_init(|| spin_setting().unwrap_or(DEFAULT_SPIN))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_activity_in_quick_succession_starts_polling() {
        let window = Duration::from_micros(50);
        let now = Instant::now();
        let ago = |micros| now - Duration::from_micros(micros);
        assert!(
            !in_quick_succession(None, now, window),
            "the first activity"
        );
        assert!(in_quick_succession(Some(ago(10)), now, window));
        assert!(in_quick_succession(Some(ago(199)), now, window));
        assert!(!in_quick_succession(Some(ago(200)), now, window));
        assert!(!in_quick_succession(Some(ago(10_000)), now, window));
    }
}
