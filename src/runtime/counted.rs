//! What a run of the runtime on the event loop waits for: session tasks woken and not yet polled
//! ([`Counted`] counts them through a waker of its own), counted tasks alive (to notice tasks
//! spawned uncounted), and commands in flight ([`InFlight`], read by the reply spin). A run ends
//! when [`run_until_idle`] sees nothing left woken.
//!
//! Owns: the per-thread counters. Must not touch: libuv, the outbox, the deadline registry; it
//! knows nothing of where the runtime runs.

use std::cell::Cell;
use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicU64, AtomicU8, Ordering};
use std::sync::Arc;
use std::task::{Context, Poll, Wake, Waker};

use tokio::runtime::Handle;

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
    /// Commands running on this thread's sessions.
    static IN_FLIGHT: Cell<u32> = const { Cell::new(0) };
}

/// This thread's counters (wake-ups from other threads reach them through the tasks' wakers).
fn counters() -> Arc<Counters> {
    COUNTERS.with(Arc::clone)
}

/// Some session task of this thread is woken and not yet polled.
pub(super) fn pending_work() -> bool {
    COUNTERS.with(|counters| counters.pending.load(Ordering::Acquire) != 0)
}

/// A session task whose wake-ups are counted in its thread's [`Counters`].
pub(super) struct Counted<F> {
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
    pub(super) fn new(inner: F) -> Self {
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

/// Bounds one run of the runtime, so that a bug in counting wake-ups (or a flood of work) can
/// never keep the JS thread: work left over runs on the next pass of the event loop.
const MAX_ROUNDS_PER_RUN: u32 = 256;

/// Scheduler rounds (each runs the ready tasks, then polls the descriptors and timers without
/// blocking) until no session task is left woken. Events that arrive after the last poll of the
/// descriptors leave the epoll descriptor readable, so libuv runs us again for them.
pub(super) async fn run_until_idle() {
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

/// Commands running on this thread's sessions.
pub(super) fn in_flight() -> u32 {
    IN_FLIGHT.with(Cell::get)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::AtomicBool;
    use tokio::runtime::Builder;
    use tokio::sync::Notify;

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

    /// mysql_async closes a dropped connection in a task it spawns itself: a run must not end
    /// before that task has had its turn.
    #[test]
    fn a_run_gives_a_task_spawned_uncounted_its_turn() {
        let runtime = Builder::new_current_thread().enable_all().build().unwrap();
        let ran = Arc::new(AtomicBool::new(false));
        runtime.block_on(async {
            let ran = ran.clone();
            tokio::spawn(Counted::new(async move {
                tokio::spawn(async move { ran.store(true, Ordering::Release) });
            }));
            run_until_idle().await;
        });
        assert!(ran.load(Ordering::Acquire));
        assert!(!pending_work());
    }

    #[test]
    fn commands_in_flight_are_counted_while_they_live() {
        assert_eq!(in_flight(), 0);
        let first = InFlight::start();
        let second = InFlight::start();
        assert_eq!(in_flight(), 2);
        drop(first);
        assert_eq!(in_flight(), 1);
        drop(second);
        assert_eq!(in_flight(), 0);
    }
}
