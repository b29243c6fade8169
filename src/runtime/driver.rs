//! The event-loop driver: libuv watches the runtime's epoll descriptor (`poll`) and a timer
//! armed for the sessions' earliest deadline (`timer`). When either fires, or a napi method
//! hands a session work, the JS thread runs the runtime until no counted task can make
//! progress, then calls in what the sessions posted; a check handle (`flush`) does that later
//! in the same pass of the loop, or the next, when JavaScript must not be called at once.
//!
//! Owns: the [`LoopDriver`] (its runtime and libuv handles), finding tokio's epoll descriptor,
//! and the flag that forbids a nested run. Must not touch: where sessions run (mod.rs decides),
//! the deadlines, counters and messages themselves (it reads `timers`, `counted` and `outbox`
//! and keeps no state of its own about them).

use std::cell::Cell;
use std::os::raw::c_int;
use std::rc::Rc;
use std::time::Instant;

use napi::{sys, Env};
use tokio::runtime::{Builder, Handle, Runtime};

use super::spin::Spin;
use super::uv::{self, UvHandle};
use super::{counted, event_loop_driver, forget_place, outbox, timers};

thread_local! {
    /// The event loop is running the runtime (no nested run).
    static DRIVING: Cell<bool> = const { Cell::new(false) };
}

/// The event loop of this thread is running the runtime right now.
pub(super) fn driving() -> bool {
    DRIVING.with(Cell::get)
}

pub(super) struct LoopDriver {
    runtime: Runtime,
    env: sys::napi_env,
    /// The async context replies are delivered in (async_hooks see one resource).
    async_context: sys::napi_async_context,
    poll: UvHandle,
    timer: UvHandle,
    /// The deadline the timer is armed for.
    armed_for: Cell<Option<Instant>>,
    /// A check handle that delivers what sessions posted while a napi method ran (JavaScript
    /// must not be called back from inside the method), as `setImmediate` does: after the poll
    /// phase, so one connection's replies never keep the loop from its other handles. (A zero
    /// timer did that: on libuv 1.46, Node 20's, a timer armed by a timer callback runs in the
    /// same phase, and a run of quick replies kept the loop in its timers phase for
    /// milliseconds.)
    flush: UvHandle,
    /// Active while `flush` is armed, so the poll phase does not block before it; referenced
    /// then if there are messages: a session that closed must still be heard.
    flush_wake: UvHandle,
    flush_armed: Cell<bool>,
    spin: Spin,
    /// The last command was issued behind unanswered ones (and the sessions have not been idle
    /// since): a burst.
    in_burst: Cell<bool>,
}

impl LoopDriver {
    pub(super) fn start(env: &Env) -> Result<Rc<Self>, String> {
        let event_loop = env
            .get_uv_event_loop()
            .map_err(|err| format!("no event loop: {err}"))?;
        let before = eventpoll_fds();
        let runtime = Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(|err| format!("cannot start the tokio runtime: {err}"))?;
        let opened: Vec<c_int> = eventpoll_fds()
            .into_iter()
            .filter(|fd| !before.contains(fd))
            .collect();
        let epoll_fd = pick_epoll_fd(&opened, epoll_registrations)?;
        let async_context = async_context(env)?;
        let poll = UvHandle::alloc(uv::UV_POLL)?;
        let timer = UvHandle::alloc(uv::UV_TIMER)?;
        let flush = UvHandle::alloc(uv::UV_CHECK)?;
        let flush_wake = UvHandle::alloc(uv::UV_IDLE)?;
        // SAFETY: fresh zeroed handles of libuv's own sizes, on the loop of this (the JS) thread.
        unsafe {
            if uv::uv_poll_init(event_loop, poll.0, epoll_fd) != 0 {
                return Err("uv_poll_init failed on the runtime's epoll descriptor".into());
            }
            if uv::uv_timer_init(event_loop, timer.0) != 0
                || uv::uv_check_init(event_loop, flush.0) != 0
                || uv::uv_idle_init(event_loop, flush_wake.0) != 0
            {
                poll.close();
                return Err("uv_timer_init, uv_check_init or uv_idle_init failed".into());
            }
            // The sessions' threadsafe functions keep Node alive while they are open; these
            // handles must not.
            uv::uv_unref(poll.0);
            uv::uv_unref(timer.0);
            uv::uv_unref(flush.0);
            uv::uv_unref(flush_wake.0);
            uv::uv_poll_start(poll.0, uv::UV_READABLE, on_runtime_ready);
        }
        let driver = Rc::new(LoopDriver {
            runtime,
            env: env.raw(),
            async_context,
            poll,
            timer,
            armed_for: Cell::new(None),
            flush,
            flush_wake,
            flush_armed: Cell::new(false),
            spin: Spin::for_event_loop(),
            in_burst: Cell::new(false),
        });
        let for_cleanup = driver.clone();
        env.add_env_cleanup_hook((), move |()| for_cleanup.stop())
            .map_err(|err| format!("cannot add the cleanup hook: {err}"))?;
        Ok(driver)
    }

    pub(super) fn runtime_handle(&self) -> &Handle {
        self.runtime.handle()
    }

    /// The environment is going away (a worker thread ends): libuv requires its handles closed.
    fn stop(&self) {
        forget_place();
        outbox::clear();
        // SAFETY: the handles were initialised on this thread's loop.
        unsafe {
            uv::uv_poll_stop(self.poll.0);
            uv::uv_timer_stop(self.timer.0);
            uv::uv_check_stop(self.flush.0);
            uv::uv_idle_stop(self.flush_wake.0);
            sys::napi_async_destroy(self.env, self.async_context);
        }
        self.poll.close();
        self.timer.close();
        self.flush.close();
        self.flush_wake.close();
    }

    /// Calls JavaScript with what the sessions posted; the rest after a pass of the event loop
    /// if there is much. Runs at the top of an event-loop callback, never inside JavaScript.
    fn deliver(&self) {
        // SAFETY: called from libuv callbacks on the JS thread of `env`, outside JavaScript.
        if unsafe { outbox::deliver(self.env, self.async_context) } {
            self.arm_flush();
        }
    }

    /// Delivers what is posted on the next pass of the event loop.
    /// Also runs the runtime again if a run stopped at its bound with tasks still woken.
    fn arm_flush(&self) {
        let messages = outbox::has_messages();
        let work = counted::pending_work();
        if (messages || work) && !self.flush_armed.get() {
            self.flush_armed.set(true);
            // SAFETY: the flush handles were initialised on this thread's loop.
            unsafe {
                if messages {
                    uv::uv_ref(self.flush_wake.0);
                }
                uv::uv_idle_start(self.flush_wake.0, on_flush_wake);
                uv::uv_check_start(self.flush.0, on_flush);
            }
        }
    }

    pub(super) fn run<R>(&self, action: impl FnOnce() -> R, await_reply: bool) -> R {
        self.run_and_wait(action, await_reply).0
    }

    /// [`run`](Self::run), and whether the wait saw a reply come.
    fn run_and_wait<R>(&self, action: impl FnOnce() -> R, await_reply: bool) -> (R, bool) {
        DRIVING.with(|driving| driving.set(true));
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            self.runtime.block_on(async {
                let result = action();
                counted::run_until_idle().await;
                let replied = await_reply && self.spin.wait_for_reply().await;
                (result, replied)
            })
        }));
        DRIVING.with(|driving| driving.set(false));
        self.arm_timer();
        self.arm_flush();
        match result {
            Ok(result) => result,
            Err(panic) => std::panic::resume_unwind(panic),
        }
    }

    /// A command was issued with none unanswered ahead of it on its connection.
    pub(super) fn end_burst(&self) {
        self.in_burst.set(false);
    }

    /// A command was queued behind unanswered ones: runs the runtime on the next pass of the
    /// event loop if a session was woken.
    pub(super) fn run_soon(&self) {
        self.in_burst.set(true);
        if !driving() {
            self.arm_flush();
        }
    }

    /// Arms the libuv timer for the earliest deadline of the sessions.
    fn arm_timer(&self) {
        let next = timers::next_deadline();
        if next == self.armed_for.get() {
            return;
        }
        self.armed_for.set(next);
        // SAFETY: the timer handle was initialised on this thread's loop.
        unsafe {
            match next {
                Some(at) => {
                    let ms = timer_ms(at, Instant::now());
                    uv::uv_timer_start(self.timer.0, on_timer, ms, 0);
                }
                None => {
                    uv::uv_timer_stop(self.timer.0);
                }
            }
        }
    }
}

/// The libuv timeout for a deadline: tokio fires a timer on the millisecond tick after its
/// deadline, so libuv must not wake us before that tick.
fn timer_ms(at: Instant, now: Instant) -> u64 {
    let wait = at.saturating_duration_since(now);
    u64::try_from(wait.as_micros().div_ceil(1000)).unwrap_or(u64::MAX) + 1
}

/// How many replies in a row one event-loop callback waits for (each within the spin window).
const REPLIES_AWAITED_PER_WAKE: u32 = 16;

fn run_from_event_loop() {
    if let Some(driver) = event_loop_driver() {
        if !driving() {
            // A panic here would unwind into libuv: the sessions catch their own, so this is
            // the runtime itself failing; nothing better than carrying on is possible.
            let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                driver.armed_for.set(None);
                let woke = Instant::now();
                driver.run(|| (), false);
                if outbox::has_messages() {
                    // Most likely the reply a wait missed or skipped: its time counts.
                    driver.spin.reply_came(woke);
                }
                driver.deliver();
                // In a burst, the reply to the command this run wrote next may be microseconds
                // away: wait for it here rather than asleep in epoll (see `Spin`), a few replies
                // in a row at most, so that the loop's other handles still get their turn. Not
                // for one query after another: measured, that wait made them slower (it takes
                // the core the server needs when the reply is slower than the window).
                for _ in 0..REPLIES_AWAITED_PER_WAKE {
                    if !driver.in_burst.get()
                        || outbox::has_messages()
                        || !driver.run_and_wait(|| (), true).1
                    {
                        break;
                    }
                    driver.deliver();
                }
                if counted::in_flight() == 0 {
                    driver.in_burst.set(false);
                }
            }));
        }
    }
}

unsafe extern "C" fn on_runtime_ready(
    _handle: *mut uv::uv_handle_t,
    _status: c_int,
    _events: c_int,
) {
    run_from_event_loop();
}

unsafe extern "C" fn on_timer(_handle: *mut uv::uv_handle_t) {
    run_from_event_loop();
}

/// Nothing to do: an active idle handle only keeps the poll phase from blocking.
unsafe extern "C" fn on_flush_wake(_handle: *mut uv::uv_handle_t) {}

unsafe extern "C" fn on_flush(_handle: *mut uv::uv_handle_t) {
    if let Some(driver) = event_loop_driver() {
        driver.flush_armed.set(false);
        // SAFETY: the flush handles were initialised on this thread's loop.
        unsafe {
            uv::uv_check_stop(driver.flush.0);
            uv::uv_idle_stop(driver.flush_wake.0);
            uv::uv_unref(driver.flush_wake.0);
        }
        if counted::pending_work() {
            run_from_event_loop();
        } else {
            let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| driver.deliver()));
        }
    }
}

/// The async context of this thread's deliveries.
fn async_context(env: &Env) -> Result<sys::napi_async_context, String> {
    const NAME: &str = "reconnecting-mysql";
    let mut name = std::ptr::null_mut();
    let mut context = std::ptr::null_mut();
    // SAFETY: plain napi calls on the JS thread with valid out pointers.
    unsafe {
        if sys::napi_create_string_utf8(
            env.raw(),
            NAME.as_ptr().cast(),
            NAME.len() as isize,
            &mut name,
        ) != sys::Status::napi_ok
            || sys::napi_async_init(env.raw(), std::ptr::null_mut(), name, &mut context)
                != sys::Status::napi_ok
        {
            return Err("napi_async_init failed".into());
        }
    }
    Ok(context)
}

/// The runtime's epoll descriptor among the eventpoll descriptors that building it opened. mio
/// keeps a duplicate of its descriptor: every candidate must watch the same registrations (the
/// waker's eventfd), or this is not tokio's alone.
fn pick_epoll_fd(
    opened: &[c_int],
    registrations: impl Fn(c_int) -> Option<String>,
) -> Result<c_int, String> {
    let Some(&epoll_fd) = opened.first() else {
        return Err("building the runtime opened no epoll descriptor".into());
    };
    let first = registrations(epoll_fd);
    if first.as_deref().is_none_or(str::is_empty)
        || opened.iter().any(|&fd| registrations(fd) != first)
    {
        return Err(format!(
            "cannot tell the runtime's epoll descriptor among {opened:?}"
        ));
    }
    Ok(epoll_fd)
}

/// The descriptors an epoll descriptor watches (its `tfd:` lines in /proc/self/fdinfo).
fn epoll_registrations(fd: c_int) -> Option<String> {
    std::fs::read_to_string(format!("/proc/self/fdinfo/{fd}"))
        .ok()
        .map(|info| {
            info.lines()
                .filter(|line| line.starts_with("tfd:"))
                .collect::<Vec<_>>()
                .join("\n")
        })
}

/// This process's open eventpoll descriptors.
fn eventpoll_fds() -> Vec<c_int> {
    let Ok(entries) = std::fs::read_dir("/proc/self/fd") else {
        return Vec::new();
    };
    entries
        .filter_map(|entry| {
            let entry = entry.ok()?;
            let target = std::fs::read_link(entry.path()).ok()?;
            if target.to_str()? != "anon_inode:[eventpoll]" {
                return None;
            }
            entry.file_name().to_str()?.parse().ok()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn the_timer_wakes_on_the_millisecond_tick_after_the_deadline() {
        let now = Instant::now();
        let after = |micros| timer_ms(now + Duration::from_micros(micros), now);
        assert_eq!(after(0), 1);
        assert_eq!(after(1), 2);
        assert_eq!(after(1000), 2);
        assert_eq!(after(1001), 3);
        assert_eq!(after(250_000), 251);
        assert_eq!(
            timer_ms(now, now + Duration::from_secs(1)),
            1,
            "already past"
        );
    }

    #[test]
    fn the_epoll_descriptor_is_told_by_its_registrations() {
        let watched = |fd: c_int| match fd {
            7 | 8 => Some("tfd:       11 events:       19 data: 0".to_string()),
            9 => Some("tfd:       12 events:       19 data: 0".to_string()),
            10 => Some(String::new()),
            _ => None,
        };
        assert_eq!(pick_epoll_fd(&[7], watched), Ok(7));
        assert_eq!(pick_epoll_fd(&[7, 8], watched), Ok(7), "mio's duplicate");
        let refused = |opened: &[c_int]| pick_epoll_fd(opened, watched).is_err();
        assert!(refused(&[]), "none opened");
        assert!(
            refused(&[7, 9]),
            "another epoll descriptor opened meanwhile"
        );
        assert!(refused(&[10]), "watches nothing");
        assert!(refused(&[11]), "unreadable");
    }

    #[test]
    fn eventpoll_descriptors_are_found_in_proc() {
        // SAFETY: plain syscalls on a descriptor this test owns.
        let fd = unsafe { libc::epoll_create1(libc::EPOLL_CLOEXEC) };
        assert!(fd >= 0);
        assert!(eventpoll_fds().contains(&fd));
        unsafe { libc::close(fd) };
    }
}
