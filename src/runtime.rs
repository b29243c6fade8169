//! The one tokio runtime every session runs on: current-thread, on a thread of its own, so each
//! reply costs one wake-up of the JS thread and no hop through a worker pool.
//!
//! Between a reply and the next command (or between a command and the server's answer) the
//! thread would sleep in epoll and pay a scheduler wake-up (10-40 us on a busy 2-core machine)
//! for every hop. So after activity it keeps polling for a short window instead of sleeping:
//! a query loop finds the runtime awake, and an idle application costs nothing beyond one
//! window per command. `RECONNECTING_MYSQL_SPIN_US` sets the window (0 turns it off).

use std::cell::Cell;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use tokio::runtime::{Builder, Handle};
use tokio::sync::Notify;

static RUNTIME: OnceLock<Result<Handle, String>> = OnceLock::new();
static ACTIVITY: Notify = Notify::const_new();

const DEFAULT_SPIN: Duration = Duration::from_micros(50);

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
    // Adaptive: stay awake only while activity comes in quick succession (a query loop, a busy
    // server); an application that queries now and then never pays for a spin.
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

/// The runtime thread's main future: after each activity, yield (the scheduler then polls the
/// sockets without blocking) until the window has passed without new activity.
async fn stay_awake_after_activity(spin: Duration) {
    loop {
        ACTIVITY.notified().await;
        if spin.is_zero() {
            continue;
        }
        while LAST_ACTIVITY
            .with(Cell::get)
            .is_some_and(|last| last.elapsed() < spin)
        {
            // Let the server (often on this machine) have the core when it needs it.
            std::thread::yield_now();
            tokio::task::yield_now().await;
        }
    }
}
