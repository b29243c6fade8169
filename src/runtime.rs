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
//! (`Spin`) because a JS thread asleep in epoll wakes slowly on a VM.
//!
//! tokio does not expose its epoll descriptor or its next timer: the descriptor is the one
//! eventpoll descriptor that building the runtime opened (checked in /proc/self/fd), and every
//! timer a session sets goes through [`sleep_until`], [`timeout`] and [`timeout_at`] here, which
//! keep a registry of deadlines. If the descriptor cannot be found, the thread mode is used.
//!
//! **On a thread** (the fallback), between a reply and the next command the thread would sleep
//! in epoll, and on an idle machine every wake-up from that sleep is slow. So after activity in
//! quick succession it keeps polling for a short window (`RECONNECTING_MYSQL_SPIN_US`, 0 = off)
//! unless it finds itself switched out stretch after stretch (a busy machine).

use std::cell::{Cell, RefCell};
use std::collections::{BTreeMap, VecDeque};
use std::future::Future;
use std::os::raw::c_int;
use std::pin::Pin;
use std::rc::Rc;
use std::sync::atomic::{AtomicU64, AtomicU8, Ordering};
use std::sync::{Arc, OnceLock};
use std::task::{Context, Poll, Wake, Waker};
use std::time::{Duration, Instant};

use napi::{sys, Env};
use tokio::runtime::{Builder, Handle, Runtime};
use tokio::sync::Notify;

pub use tokio::time::error::Elapsed;

// ---------------------------------------------------------------------------------------------
// Timers with a registry of deadlines (the event loop must know when to run the runtime next)

thread_local! {
    /// Pending deadlines of this thread's sessions, with how many timers wait for each.
    static DEADLINES: RefCell<BTreeMap<Instant, u32>> = const { RefCell::new(BTreeMap::new()) };
}

/// A deadline in the registry for as long as the timer waiting for it lives.
struct Deadline(Instant);

impl Deadline {
    fn register(at: Instant) -> Self {
        DEADLINES.with(|deadlines| *deadlines.borrow_mut().entry(at).or_insert(0) += 1);
        Deadline(at)
    }
}

impl Drop for Deadline {
    fn drop(&mut self) {
        let _ = DEADLINES.try_with(|deadlines| {
            let mut deadlines = deadlines.borrow_mut();
            if let Some(count) = deadlines.get_mut(&self.0) {
                *count -= 1;
                if *count == 0 {
                    deadlines.remove(&self.0);
                }
            }
        });
    }
}

fn next_deadline() -> Option<Instant> {
    DEADLINES.with(|deadlines| deadlines.borrow().keys().next().copied())
}

/// tokio's `sleep_until`, known to the event loop.
pub async fn sleep_until(at: Instant) {
    let _deadline = Deadline::register(at);
    tokio::time::sleep_until(at.into()).await;
}

/// tokio's `timeout`, known to the event loop.
pub async fn timeout<F: Future>(limit: Duration, work: F) -> Result<F::Output, Elapsed> {
    timeout_at(Instant::now() + limit, work).await
}

/// tokio's `timeout_at`, known to the event loop.
pub async fn timeout_at<F: Future>(at: Instant, work: F) -> Result<F::Output, Elapsed> {
    let _deadline = Deadline::register(at);
    tokio::time::timeout_at(at.into(), work).await
}

// ---------------------------------------------------------------------------------------------
// Spawning and driving

/// The work of one JS thread's runtime (each worker thread has its own).
#[derive(Default)]
struct Counters {
    /// Session tasks woken and not yet polled: the runtime has run out of work when none is.
    pending: AtomicU64,
    /// Counted tasks alive: fewer than the runtime's alive tasks means some task was spawned
    /// uncounted (mysql_async closes a dropped connection in a task of its own).
    alive: AtomicU64,
}

thread_local! {
    static COUNTERS: Arc<Counters> = Arc::new(Counters::default());
}

/// This thread's counters (wake-ups from other threads reach them through the tasks' wakers).
fn counters() -> Arc<Counters> {
    COUNTERS.with(Arc::clone)
}

fn pending_work() -> bool {
    COUNTERS.with(|counters| counters.pending.load(Ordering::Acquire) != 0)
}

/// A session task whose wake-ups are counted in its thread's [`Counters`].
struct Counted<F> {
    inner: Pin<Box<F>>,
    counters: Arc<Counters>,
    state: Arc<AtomicU8>,
    /// The scheduler's waker, and ours around it.
    waker: Option<(Waker, Waker)>,
}

/// [`Counted::state`]: polled and not woken since, woken (counted as pending), or finished (a
/// waker kept by a channel or a timer may still fire; it must not count).
const IDLE: u8 = 0;
const WOKEN: u8 = 1;
const FINISHED: u8 = 2;

impl<F> Counted<F> {
    fn new(inner: F) -> Self {
        let counters = counters();
        counters.pending.fetch_add(1, Ordering::AcqRel);
        counters.alive.fetch_add(1, Ordering::AcqRel);
        Counted {
            inner: Box::pin(inner),
            counters,
            state: Arc::new(AtomicU8::new(WOKEN)),
            waker: None,
        }
    }
}

struct CountingWaker {
    scheduler: Waker,
    counters: Arc<Counters>,
    state: Arc<AtomicU8>,
}

impl Wake for CountingWaker {
    fn wake(self: Arc<Self>) {
        self.wake_by_ref();
    }

    fn wake_by_ref(self: &Arc<Self>) {
        if self
            .state
            .compare_exchange(IDLE, WOKEN, Ordering::AcqRel, Ordering::Acquire)
            .is_ok()
        {
            self.counters.pending.fetch_add(1, Ordering::AcqRel);
        }
        self.scheduler.wake_by_ref();
    }
}

impl<F: Future<Output = ()>> Future for Counted<F> {
    type Output = ();

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        let this = &mut *self;
        if this
            .state
            .compare_exchange(WOKEN, IDLE, Ordering::AcqRel, Ordering::Acquire)
            .is_ok()
        {
            this.counters.pending.fetch_sub(1, Ordering::AcqRel);
        }
        let counting = match &this.waker {
            Some((scheduler, counting)) if scheduler.will_wake(cx.waker()) => counting.clone(),
            _ => {
                let counting = Waker::from(Arc::new(CountingWaker {
                    scheduler: cx.waker().clone(),
                    counters: this.counters.clone(),
                    state: this.state.clone(),
                }));
                this.waker = Some((cx.waker().clone(), counting.clone()));
                counting
            }
        };
        this.inner
            .as_mut()
            .poll(&mut Context::from_waker(&counting))
    }
}

impl<F> Drop for Counted<F> {
    fn drop(&mut self) {
        self.counters.alive.fetch_sub(1, Ordering::AcqRel);
        if self.state.swap(FINISHED, Ordering::AcqRel) == WOKEN {
            self.counters.pending.fetch_sub(1, Ordering::AcqRel);
        }
    }
}

/// Where this thread's sessions run.
#[derive(Clone)]
enum Place {
    EventLoop(Rc<LoopDriver>),
    Thread(&'static Handle),
}

thread_local! {
    static PLACE: RefCell<Option<Place>> = const { RefCell::new(None) };
    /// The event loop is running the runtime (no nested run).
    static DRIVING: Cell<bool> = const { Cell::new(false) };
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

/// Sets up where this JS thread's sessions run, once per thread. Called on the JS thread.
pub fn init(env: &Env) -> Result<(), String> {
    if PLACE.with(|place| place.borrow().is_some()) {
        return Ok(());
    }
    let wants_thread =
        std::env::var("RECONNECTING_MYSQL_RUNTIME").is_ok_and(|mode| mode.trim() == "thread");
    let place = if wants_thread {
        Place::Thread(thread_handle()?)
    } else {
        match LoopDriver::start(env) {
            Ok(driver) => Place::EventLoop(driver),
            Err(reason) => {
                FALLBACK_REASON.with(|slot| *slot.borrow_mut() = Some(reason));
                Place::Thread(thread_handle()?)
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

/// Starts a session task where this thread's sessions run ([`init`] first).
pub fn spawn<F>(task: F) -> Result<(), String>
where
    F: Future<Output = ()> + Send + 'static,
{
    match place() {
        Some(Place::EventLoop(driver)) => {
            let handle = driver.runtime.handle().clone();
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

thread_local! {
    /// Commands running on this thread's sessions.
    static IN_FLIGHT: Cell<u32> = const { Cell::new(0) };
}

/// A command running on a session, for as long as it lives.
pub struct InFlight(());

impl InFlight {
    pub fn start() -> Self {
        IN_FLIGHT.with(|count| count.set(count.get() + 1));
        InFlight(())
    }
}

impl Drop for InFlight {
    fn drop(&mut self) {
        let _ = IN_FLIGHT.try_with(|count| count.set(count.get().saturating_sub(1)));
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
    drive_with(action, true)
}

fn drive_with<R>(action: impl FnOnce() -> R, await_reply: bool) -> R {
    match event_loop_driver() {
        Some(driver) if !DRIVING.with(Cell::get) => driver.run(action, await_reply),
        _ => action(),
    }
}

// ---------------------------------------------------------------------------------------------
// The event-loop driver

/// libuv, as Node exports it.
#[allow(non_camel_case_types)]
mod uv {
    use std::os::raw::{c_int, c_void};

    pub type uv_loop_t = napi::sys::uv_loop_s;
    pub type uv_handle_t = c_void;
    pub type uv_poll_cb = unsafe extern "C" fn(*mut uv_handle_t, c_int, c_int);
    pub type uv_timer_cb = unsafe extern "C" fn(*mut uv_handle_t);
    pub type uv_close_cb = unsafe extern "C" fn(*mut uv_handle_t);

    pub const UV_POLL: c_int = 8;
    pub const UV_TIMER: c_int = 13;
    pub const UV_READABLE: c_int = 1;

    extern "C" {
        pub fn uv_handle_size(kind: c_int) -> usize;
        pub fn uv_poll_init(
            event_loop: *mut uv_loop_t,
            handle: *mut uv_handle_t,
            fd: c_int,
        ) -> c_int;
        pub fn uv_poll_start(handle: *mut uv_handle_t, events: c_int, cb: uv_poll_cb) -> c_int;
        pub fn uv_poll_stop(handle: *mut uv_handle_t) -> c_int;
        pub fn uv_timer_init(event_loop: *mut uv_loop_t, handle: *mut uv_handle_t) -> c_int;
        pub fn uv_timer_start(
            handle: *mut uv_handle_t,
            cb: uv_timer_cb,
            timeout: u64,
            repeat: u64,
        ) -> c_int;
        pub fn uv_timer_stop(handle: *mut uv_handle_t) -> c_int;
        pub fn uv_unref(handle: *mut uv_handle_t);
        pub fn uv_ref(handle: *mut uv_handle_t);
        pub fn uv_close(handle: *mut uv_handle_t, cb: uv_close_cb);
    }
}

/// A libuv handle's memory: libuv owns it from init until its close callback frees it.
struct UvHandle(*mut uv::uv_handle_t);

/// Room for any libuv handle (uv_poll_t and uv_timer_t take 100-200 bytes).
type HandleMemory = [u64; 64];

impl UvHandle {
    fn alloc(kind: c_int) -> Result<Self, String> {
        // SAFETY: uv_handle_size only reads its argument.
        let size = unsafe { uv::uv_handle_size(kind) };
        if size == 0 || size > std::mem::size_of::<HandleMemory>() {
            return Err(format!("unexpected libuv handle size {size}"));
        }
        Ok(UvHandle(Box::into_raw(Box::new([0u64; 64])).cast()))
    }

    /// Closes the handle; its memory is freed once libuv is done with it.
    fn close(&self) {
        // SAFETY: the handle was initialised on this thread's loop and is closed once.
        unsafe { uv::uv_close(self.0, free_closed_handle) };
    }
}

unsafe extern "C" fn free_closed_handle(handle: *mut uv::uv_handle_t) {
    // SAFETY: allocated in UvHandle::alloc as a boxed HandleMemory; libuv no longer uses it.
    drop(unsafe { Box::from_raw(handle.cast::<HandleMemory>()) });
}

struct LoopDriver {
    runtime: Runtime,
    env: sys::napi_env,
    /// The async context replies are delivered in (async_hooks see one resource).
    async_context: sys::napi_async_context,
    poll: UvHandle,
    timer: UvHandle,
    /// The deadline the timer is armed for.
    armed_for: Cell<Option<Instant>>,
    /// A zero timer that delivers what sessions posted while a napi method ran (JavaScript must
    /// not be called back from inside the method). Referenced while armed: a session that
    /// closed must still be heard.
    flush: UvHandle,
    flush_armed: Cell<bool>,
    spin: Spin,
}

/// Waiting a little for the reply to a command just written, on the JS thread.
///
/// A JS thread that goes to sleep in epoll right after writing a query is woken by the reply,
/// and on a VM an idle core wakes slowly: measured here, 5,000 `SELECT 1` took 143-159 us each
/// that way, against 80-85 us when the thread polls the runtime for up to 60 us after the
/// write (mysql2: 91-93 us). The wait is bounded and backs off: after 3 waits in a row that
/// saw no reply (the server is slower than the window) or saw the thread switched out (the
/// machine is busy: the server needs the core), it stops waiting for 100 ms.
struct Spin {
    window: Duration,
    paused_until: Cell<Option<Instant>>,
    misses: Cell<u32>,
    contended: Cell<u32>,
}

impl Spin {
    fn new(window: Duration) -> Self {
        Spin {
            window,
            paused_until: Cell::new(None),
            misses: Cell::new(0),
            contended: Cell::new(0),
        }
    }

    async fn wait_for_reply(&self) {
        // With several commands in flight the thread has other replies to handle: waiting for
        // one would take a core from the server.
        if self.window.is_zero()
            || IN_FLIGHT.with(Cell::get) != 1
            || self
                .paused_until
                .get()
                .is_some_and(|until| Instant::now() < until)
        {
            return;
        }
        let switches = involuntary_switches();
        let started = Instant::now();
        let replied = loop {
            if OUTBOX.with(|outbox| !outbox.borrow().is_empty()) {
                break true;
            }
            if started.elapsed() >= self.window {
                break false;
            }
            // One scheduler round: polls the sockets without blocking.
            tokio::task::yield_now().await;
            if pending_work() {
                run_until_idle().await;
            }
        };
        let bump =
            |counter: &Cell<u32>, hit: bool| counter.set(if hit { counter.get() + 1 } else { 0 });
        bump(&self.misses, !replied);
        bump(&self.contended, involuntary_switches() != switches);
        if self.misses.get() >= CONTENDED_STRETCHES || self.contended.get() >= CONTENDED_STRETCHES {
            self.misses.set(0);
            self.contended.set(0);
            self.paused_until.set(Some(Instant::now() + BACK_OFF));
        }
    }
}

/// Delivers one message to JavaScript: called on the JS thread with the env and the async
/// context, inside a handle scope; returns the status of its napi_make_callback.
pub type Delivery = Box<dyn FnOnce(sys::napi_env, sys::napi_async_context) -> sys::napi_status>;

thread_local! {
    /// Messages for JavaScript, in the order the sessions sent them.
    static OUTBOX: RefCell<VecDeque<Delivery>> = const { RefCell::new(VecDeque::new()) };
}

/// Deliveries per event-loop callback before the rest wait for the next pass (as Node's
/// threadsafe functions do), so a chain of instant replies cannot starve timers and I/O.
const DELIVERIES_PER_PASS: usize = 1000;

/// This thread's sessions run on its event loop, so [`post`] delivers here.
pub fn delivers_here() -> bool {
    PLACE.with(|place| matches!(place.borrow().as_ref(), Some(Place::EventLoop(_))))
}

/// Queues `delivery` for JavaScript on this thread's event loop (see [`delivers_here`]).
pub fn post(delivery: Delivery) {
    OUTBOX.with(|outbox| outbox.borrow_mut().push_back(delivery));
}

impl LoopDriver {
    fn start(env: &Env) -> Result<Rc<Self>, String> {
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
        // mio keeps a duplicate of its descriptor: every candidate must watch the same
        // registrations (the waker's eventfd), or this is not tokio's alone.
        let registrations = |fd: &c_int| {
            std::fs::read_to_string(format!("/proc/self/fdinfo/{fd}"))
                .ok()
                .map(|info| {
                    info.lines()
                        .filter(|line| line.starts_with("tfd:"))
                        .collect::<Vec<_>>()
                        .join("\n")
                })
        };
        let Some(&epoll_fd) = opened.first() else {
            return Err("building the runtime opened no epoll descriptor".into());
        };
        let first = registrations(&epoll_fd);
        if first.as_deref().is_none_or(str::is_empty)
            || opened.iter().any(|fd| registrations(fd) != first)
        {
            return Err(format!(
                "cannot tell the runtime's epoll descriptor among {opened:?}"
            ));
        }
        let async_context = async_context(env)?;
        let poll = UvHandle::alloc(uv::UV_POLL)?;
        let timer = UvHandle::alloc(uv::UV_TIMER)?;
        let flush = UvHandle::alloc(uv::UV_TIMER)?;
        // SAFETY: fresh zeroed handles of libuv's own sizes, on the loop of this (the JS) thread.
        unsafe {
            if uv::uv_poll_init(event_loop, poll.0, epoll_fd) != 0 {
                return Err("uv_poll_init failed on the runtime's epoll descriptor".into());
            }
            if uv::uv_timer_init(event_loop, timer.0) != 0
                || uv::uv_timer_init(event_loop, flush.0) != 0
            {
                poll.close();
                return Err("uv_timer_init failed".into());
            }
            // The sessions' threadsafe functions keep Node alive while they are open; these
            // handles must not.
            uv::uv_unref(poll.0);
            uv::uv_unref(timer.0);
            uv::uv_unref(flush.0);
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
            flush_armed: Cell::new(false),
            spin: Spin::new(spin_setting().unwrap_or(DEFAULT_LOOP_SPIN)),
        });
        let for_cleanup = driver.clone();
        env.add_env_cleanup_hook((), move |()| for_cleanup.stop())
            .map_err(|err| format!("cannot add the cleanup hook: {err}"))?;
        Ok(driver)
    }

    /// The environment is going away (a worker thread ends): libuv requires its handles closed.
    fn stop(&self) {
        PLACE.with(|place| place.borrow_mut().take());
        OUTBOX.with(|outbox| outbox.borrow_mut().clear());
        // SAFETY: the handles were initialised on this thread's loop.
        unsafe {
            uv::uv_poll_stop(self.poll.0);
            uv::uv_timer_stop(self.timer.0);
            uv::uv_timer_stop(self.flush.0);
            sys::napi_async_destroy(self.env, self.async_context);
        }
        self.poll.close();
        self.timer.close();
        self.flush.close();
    }

    /// Calls JavaScript with what the sessions posted, in order; the rest after a pass of the
    /// event loop if there is much. Runs at the top of an event-loop callback, never inside
    /// JavaScript: each call runs queued ticks and microtasks after it, as a socket's data
    /// callback does. An exception thrown by a callback is reported as uncaught.
    fn deliver(&self) {
        for _ in 0..DELIVERIES_PER_PASS {
            let Some(delivery) = OUTBOX.with(|outbox| outbox.borrow_mut().pop_front()) else {
                return;
            };
            // SAFETY: on the JS thread of `env`, outside any JavaScript; the scope is closed
            // before the next delivery.
            unsafe {
                let mut scope = std::ptr::null_mut();
                if sys::napi_open_handle_scope(self.env, &mut scope) != sys::Status::napi_ok {
                    // Kept for a later pass (the env may be going away), never dropped unsaid.
                    OUTBOX.with(|outbox| outbox.borrow_mut().push_front(delivery));
                    return;
                }
                let status = delivery(self.env, self.async_context);
                if status == sys::Status::napi_pending_exception {
                    let mut exception = std::ptr::null_mut();
                    if sys::napi_get_and_clear_last_exception(self.env, &mut exception)
                        == sys::Status::napi_ok
                    {
                        sys::napi_fatal_exception(self.env, exception);
                    }
                }
                sys::napi_close_handle_scope(self.env, scope);
            }
        }
        self.arm_flush();
    }

    /// Delivers what is posted on the next pass of the event loop.
    /// Also runs the runtime again if a run stopped at its bound with tasks still woken.
    fn arm_flush(&self) {
        let messages = OUTBOX.with(|outbox| !outbox.borrow().is_empty());
        let work = pending_work();
        if (messages || work) && !self.flush_armed.get() {
            self.flush_armed.set(true);
            // SAFETY: the flush timer was initialised on this thread's loop.
            unsafe {
                if messages {
                    uv::uv_ref(self.flush.0);
                }
                uv::uv_timer_start(self.flush.0, on_flush, 0, 0);
            }
        }
    }

    fn run<R>(&self, action: impl FnOnce() -> R, await_reply: bool) -> R {
        DRIVING.with(|driving| driving.set(true));
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            self.runtime.block_on(async {
                let result = action();
                run_until_idle().await;
                if await_reply {
                    self.spin.wait_for_reply().await;
                }
                result
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

    /// Arms the libuv timer for the earliest deadline of the sessions.
    fn arm_timer(&self) {
        let next = next_deadline();
        if next == self.armed_for.get() {
            return;
        }
        self.armed_for.set(next);
        // SAFETY: the timer handle was initialised on this thread's loop.
        unsafe {
            match next {
                Some(at) => {
                    // tokio fires a timer on the millisecond tick after its deadline.
                    let wait = at.saturating_duration_since(Instant::now());
                    let ms = u64::try_from(wait.as_micros().div_ceil(1000)).unwrap_or(u64::MAX) + 1;
                    uv::uv_timer_start(self.timer.0, on_timer, ms, 0);
                }
                None => {
                    uv::uv_timer_stop(self.timer.0);
                }
            }
        }
    }
}

/// Scheduler rounds (each runs the ready tasks, then polls the descriptors and timers without
/// blocking) until no session task is left woken. Events that arrive after the last poll of the
/// descriptors leave the epoll descriptor readable, so libuv runs us again for them.
async fn run_until_idle() {
    let mut uncounted_round = false;
    for _ in 0..MAX_ROUNDS_PER_RUN {
        tokio::task::yield_now().await;
        if !pending_work() {
            // An uncounted task may be queued: one more round runs it.
            if uncounted_round || !has_uncounted_tasks() {
                return;
            }
            uncounted_round = true;
        }
    }
}

fn has_uncounted_tasks() -> bool {
    let alive = Handle::current().metrics().num_alive_tasks();
    let counted = COUNTERS.with(|counters| counters.alive.load(Ordering::Acquire));
    u64::try_from(alive).unwrap_or(u64::MAX) > counted
}

/// Bounds one run of the runtime, so that a bug in counting wake-ups (or a flood of work) can
/// never keep the JS thread: work left over runs on the next pass of the event loop.
const MAX_ROUNDS_PER_RUN: u32 = 256;

fn run_from_event_loop() {
    if let Some(driver) = event_loop_driver() {
        if !DRIVING.with(Cell::get) {
            // A panic here would unwind into libuv: the sessions catch their own, so this is
            // the runtime itself failing; nothing better than carrying on is possible.
            let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                driver.armed_for.set(None);
                driver.run(|| (), false);
                driver.deliver();
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

unsafe extern "C" fn on_flush(_handle: *mut uv::uv_handle_t) {
    if let Some(driver) = event_loop_driver() {
        driver.flush_armed.set(false);
        // SAFETY: the flush timer was initialised on this thread's loop.
        unsafe { uv::uv_unref(driver.flush.0) };
        if pending_work() {
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

// ---------------------------------------------------------------------------------------------
// The thread mode

static THREAD_RUNTIME: OnceLock<Result<Handle, String>> = OnceLock::new();
static ACTIVITY: Notify = Notify::const_new();

const DEFAULT_SPIN: Duration = Duration::from_micros(50);
/// On the event loop, a `SELECT 1` round trip here takes 50-65 us: the window must cover it,
/// or every wait misses and backs off.
const DEFAULT_LOOP_SPIN: Duration = Duration::from_micros(100);
/// Stretches of polling in a row that saw the thread switched out: the machine is busy.
const CONTENDED_STRETCHES: u32 = 3;
/// How long polling then stays off.
const BACK_OFF: Duration = Duration::from_millis(100);
/// Polling rounds between two checks for being switched out (a round is ~1-2 us).
const ROUNDS_PER_CHECK: u32 = 128;

thread_local! {
    static LAST_ACTIVITY: Cell<Option<Instant>> = const { Cell::new(None) };
}

/// The shared runtime thread, started on first use.
fn thread_handle() -> Result<&'static Handle, String> {
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
    if DRIVING.with(Cell::get) || THREAD_RUNTIME.get().is_none() {
        return;
    }
    let now = Instant::now();
    let previous = LAST_ACTIVITY.with(|last| last.replace(Some(now)));
    // Only activity in quick succession (a query loop, a busy server) starts polling: an
    // application that queries now and then never pays for it.
    if previous.is_some_and(|previous| now - previous < spin_window() * 4) {
        ACTIVITY.notify_waiters();
    }
}

/// `RECONNECTING_MYSQL_SPIN_US`, if set.
fn spin_setting() -> Option<Duration> {
    std::env::var("RECONNECTING_MYSQL_SPIN_US")
        .ok()
        .and_then(|value| value.trim().parse::<u64>().ok())
        .map(Duration::from_micros)
}

fn spin_window() -> Duration {
    static SPIN: OnceLock<Duration> = OnceLock::new();
    *SPIN.get_or_init(|| spin_setting().unwrap_or(DEFAULT_SPIN))
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The event loop stops running the runtime when nothing is pending, so every wake-up counted must
    /// be uncounted exactly once: by the poll it causes, or when the task ends. A waker that
    /// fires after its task ended (a channel or timer outliving it) once left the count stuck
    /// above 0, and the JS thread spun.
    #[test]
    fn pending_returns_to_zero_whatever_order_tasks_are_woken_and_end_in() {
        let runtime = Builder::new_current_thread().enable_all().build().unwrap();
        let counters = counters();
        let pending = || counters.pending.load(Ordering::Acquire);
        let base = pending();
        let (stash_sender, stash) = std::sync::mpsc::channel::<Waker>();
        let notify = Arc::new(Notify::new());
        runtime.block_on(async {
            for task in 0..4u32 {
                let notify = notify.clone();
                let stash_sender = stash_sender.clone();
                tokio::spawn(Counted::new(async move {
                    // Keep this task's waker, to fire it after the task has ended.
                    std::future::poll_fn(|cx| {
                        stash_sender.send(cx.waker().clone()).unwrap();
                        Poll::Ready(())
                    })
                    .await;
                    if task % 2 == 0 {
                        notify.notified().await;
                    }
                }));
            }
            run_until_idle().await;
            // The odd tasks ended; the even ones wait.
            assert_eq!(pending(), base);
            notify.notify_waiters();
            assert!(pending() > base, "wake-ups are counted");
            run_until_idle().await;
            assert_eq!(pending(), base);
            // Every task has ended: its wakers must not count any more.
            for waker in stash.try_iter() {
                waker.wake();
            }
            assert_eq!(pending(), base);
        });
        assert_eq!(counters.alive.load(Ordering::Acquire), 0);
    }

    #[test]
    fn deadlines_are_registered_while_their_timers_wait() {
        let runtime = Builder::new_current_thread().enable_all().build().unwrap();
        runtime.block_on(async {
            let at = Instant::now() + Duration::from_millis(30);
            let sleeper = tokio::spawn(async move { sleep_until(at).await });
            tokio::task::yield_now().await;
            assert_eq!(next_deadline(), Some(at));
            let short = timeout(Duration::from_millis(5), std::future::pending::<()>()).await;
            assert!(short.is_err());
            assert_eq!(
                next_deadline(),
                Some(at),
                "an elapsed timeout leaves the registry"
            );
            sleeper.await.unwrap();
            assert_eq!(next_deadline(), None);
        });
    }
}
