//! Where the sessions run: a current-thread tokio runtime driven by Node's own event loop, on the
//! JS thread (the default), or on a thread of its own (`RECONNECTING_MYSQL_RUNTIME=thread`).
//!
//! **On the event loop.** A reply that goes through a second thread costs two wake-ups of a
//! sleeping thread per query (JS thread to runtime thread, and back), 10-40 us each on this kind
//! of machine, plus a core the server needs. mysql2 does its I/O on the JS thread and pays none
//! of that, so we do the same: libuv watches the runtime's epoll descriptor and a timer for the
//! earliest deadline of the sessions, and each time either fires, or a napi method hands a
//! session a command, the JS thread runs the runtime until no task can make progress. That never
//! blocks: the runtime only ever polls its descriptors with a zero timeout there. Replies are
//! called into JavaScript straight from libuv's callback ([`post`]), or, when a napi method
//! produced them, on the next pass of the loop; a lone command waits briefly for its reply
//! (`Spin`) because a JS thread asleep in epoll wakes slowly on a VM, and so does a run from the
//! loop that wrote the next queued command (up to 16 replies in a row). A command issued behind
//! unanswered ones on its connection does not run the runtime at once ([`drive_later`]): a burst
//! of queries reaches the session together instead of being answered one by one inside the
//! issuing calls.
//!
//! tokio does not expose its epoll descriptor or its next timer: the descriptor is the one
//! eventpoll descriptor that building the runtime opened (checked in /proc/self/fd), and every
//! timer a session sets goes through [`sleep_until`], [`timeout`] and [`timeout_at`] here, which
//! keep a registry of deadlines. If the descriptor cannot be found, the thread mode is used.
//! tokio's own timer functions are refused by clippy (clippy.toml) everywhere but `timers`.
//!
//! **On a thread** (the fallback), between a reply and the next command the thread would sleep
//! in epoll, and on an idle machine every wake-up from that sleep is slow. So after activity in
//! quick succession it keeps polling for a short window (`RECONNECTING_MYSQL_SPIN_US`, 0 = off)
//! unless it finds itself switched out stretch after stretch (a busy machine).
//!
//! **The parts.** This file decides where a thread's sessions run ([`init`], [`mode`]) and is
//! the only way in for the rest of the crate ([`spawn`], [`drive`], ...); it holds no mechanism.
//! - `timers`: the deadline registry behind [`sleep_until`], [`timeout`], [`timeout_at`].
//! - `counted`: what a run waits for (woken session tasks, commands in flight, [`InFlight`]).
//! - `uv`: the raw libuv FFI and handle memory.
//! - `driver`: the event-loop driver, the only user of `uv`.
//! - `outbox`: messages for JavaScript ([`post`], [`Delivery`]) and calling them in.
//! - `spin`: waiting briefly for a reply, and the back-off both modes share.
//! - `thread`: the fallback runtime thread ([`note_activity`]).

mod counted;
mod driver;
mod outbox;
mod spin;
mod thread;
mod timers;
mod uv;

use std::cell::RefCell;
use std::future::Future;
use std::rc::Rc;

use napi::Env;
use tokio::runtime::Handle;

use counted::Counted;
use driver::LoopDriver;

pub use counted::InFlight;
pub use outbox::{post, Delivery};
pub use thread::note_activity;
pub use timers::{sleep_until, timeout, timeout_at, Elapsed};

/// Where this thread's sessions run.
#[derive(Clone)]
enum Place {
    EventLoop(Rc<LoopDriver>),
    Thread(&'static Handle),
}

thread_local! {
    static PLACE: RefCell<Option<Place>> = const { RefCell::new(None) };
    static FALLBACK_REASON: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Where this thread's sessions run, once [`init`] has set it up.
fn place() -> Option<Place> {
    PLACE.with(|place| place.borrow().clone())
}

/// This thread's event-loop driver, if its sessions run on the event loop.
fn event_loop_driver() -> Option<Rc<LoopDriver>> {
    match place() {
        Some(Place::EventLoop(driver)) => Some(driver),
        _ => None,
    }
}

/// The environment is going away: its sessions have nowhere to run any more.
fn forget_place() {
    PLACE.with(|place| place.borrow_mut().take());
}

/// Sets up where this JS thread's sessions run, once per thread. Called on the JS thread.
pub fn init(env: &Env) -> Result<(), String> {
    if PLACE.with(|place| place.borrow().is_some()) {
        return Ok(());
    }
    let wants_thread =
        std::env::var("RECONNECTING_MYSQL_RUNTIME").is_ok_and(|mode| mode.trim() == "thread");
    let place = if wants_thread {
        Place::Thread(thread::thread_handle()?)
    } else {
        match LoopDriver::start(env) {
            Ok(driver) => Place::EventLoop(driver),
            Err(reason) => {
                FALLBACK_REASON.with(|slot| *slot.borrow_mut() = Some(reason));
                Place::Thread(thread::thread_handle()?)
            }
        }
    };
    PLACE.with(|slot| *slot.borrow_mut() = Some(place));
    Ok(())
}

/// Where this thread's sessions run: "loop", "thread" or "none" (not yet set up), and why the
/// event loop could not be used, if it could not (for tests and diagnostics).
pub fn mode() -> (&'static str, Option<String>) {
    let mode = match place() {
        Some(Place::EventLoop(_)) => "loop",
        Some(Place::Thread(_)) => "thread",
        None => "none",
    };
    (mode, FALLBACK_REASON.with(|reason| reason.borrow().clone()))
}

/// This thread's sessions run on its event loop, so [`post`] delivers here.
pub fn delivers_here() -> bool {
    PLACE.with(|place| matches!(place.borrow().as_ref(), Some(Place::EventLoop(_))))
}

/// Starts a session task where this thread's sessions run ([`init`] first).
pub fn spawn<F>(task: F) -> Result<(), String>
where
    F: Future<Output = ()> + Send + 'static,
{
    match place() {
        Some(Place::EventLoop(driver)) => {
            let handle = driver.runtime_handle().clone();
            drive(|| {
                handle.spawn(Counted::new(task));
            });
            Ok(())
        }
        Some(Place::Thread(handle)) => {
            handle.spawn(task);
            Ok(())
        }
        None => Err("reconnecting-mysql: runtime not initialised".into()),
    }
}

/// Spawns a task from inside a session task (on whichever runtime runs it), counted on the
/// event loop so that a run of the runtime does not end before it has run.
pub fn spawn_from_task<F>(task: F)
where
    F: Future<Output = ()> + Send + 'static,
{
    if delivers_here() {
        tokio::spawn(Counted::new(task));
    } else {
        tokio::spawn(task);
    }
}

/// Runs `action` (a napi method waking a session), then, on the event loop, the runtime until
/// nothing can make progress. In thread mode, just `action`.
pub fn drive<R>(action: impl FnOnce() -> R) -> R {
    drive_with(action, false)
}

/// [`drive`] for a napi method handing a session a command: the command is written to the
/// socket before the method returns (as `mysql` writes it), and if the server tends to answer
/// within microseconds, the reply is awaited that long (see `Spin`).
pub fn drive_command<R>(action: impl FnOnce() -> R) -> R {
    drive_issued(action, true)
}

/// [`drive_command`] without the wait for the reply: the command is written, and the caller
/// does its own work (`trace` takes the caller's stack) while the server answers, then calls
/// [`await_reply`]. The stack capture costs about a tenth of a `SELECT 1` round trip
/// (`bench/trace.js`); done during the round trip, about 1%.
pub fn drive_command_awaited_later<R>(action: impl FnOnce() -> R) -> R {
    drive_issued(action, false)
}

fn drive_issued<R>(action: impl FnOnce() -> R, await_reply: bool) -> R {
    if let Some(driver) = event_loop_driver() {
        // Issued with nothing unanswered ahead of it: one query after another, not a burst.
        driver.end_burst();
    }
    drive_with(action, await_reply)
}

/// The wait [`drive_command`] does after writing, for a command sent with
/// [`drive_command_awaited_later`]. Nothing in thread mode.
pub fn await_reply() {
    drive_with(|| (), true);
}

/// [`drive`] for a command queued behind others on its session: it cannot be written before
/// they are answered, so instead of a run now (which in a burst of commands would answer them
/// one by one inside the issuing calls), the runtime runs on the next pass of the event loop,
/// or when a reply arrives. The commands issued together then reach the session together.
pub fn drive_later<R>(action: impl FnOnce() -> R) -> R {
    let result = action();
    if let Some(driver) = event_loop_driver() {
        driver.run_soon();
    }
    result
}

fn drive_with<R>(action: impl FnOnce() -> R, await_reply: bool) -> R {
    match event_loop_driver() {
        Some(driver) if !driver::driving() => driver.run(action, await_reply),
        _ => action(),
    }
}
