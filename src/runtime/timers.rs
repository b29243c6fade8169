//! Timers the event loop knows about: [`sleep_until`], [`timeout`] and [`timeout_at`] are tokio's,
//! plus a per-thread registry that holds each deadline while its timer waits. tokio does not say
//! when its next timer is due, so the driver arms libuv's timer for [`next_deadline`]. A session
//! timer set with tokio's functions directly is missing from the registry, and on the event
//! loop nothing wakes the runtime for it: the session stalls. That is why clippy.toml refuses
//! tokio's timer functions, and this file is the only place allowed to call them.
//!
//! Owns: the deadline registry. Must not touch: libuv, the runtime, the counters; it only
//! answers "when is the earliest deadline".

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::future::Future;
use std::time::{Duration, Instant};

pub use tokio::time::error::Elapsed;

/// Pending deadlines, with how many timers wait for each (several timers can share an instant).
struct Registry(BTreeMap<Instant, u32>);

impl Registry {
    const fn new() -> Self {
        Registry(BTreeMap::new())
    }

    fn insert(&mut self, at: Instant) {
        *self.0.entry(at).or_insert(0) += 1;
    }

    fn remove(&mut self, at: Instant) {
        if let Some(count) = self.0.get_mut(&at) {
            *count -= 1;
            if *count == 0 {
                self.0.remove(&at);
            }
        }
    }

    fn earliest(&self) -> Option<Instant> {
        self.0.keys().next().copied()
    }
}

thread_local! {
    /// Pending deadlines of this thread's sessions.
    static DEADLINES: RefCell<Registry> = const { RefCell::new(Registry::new()) };
}

/// A deadline in the registry for as long as the timer waiting for it lives.
struct Deadline(Instant);

impl Deadline {
    fn register(at: Instant) -> Self {
        DEADLINES.with(|deadlines| deadlines.borrow_mut().insert(at));
        Deadline(at)
    }
}

impl Drop for Deadline {
    fn drop(&mut self) {
        // try_with: a timer can outlive the thread-local at thread exit.
        let _ = DEADLINES.try_with(|deadlines| deadlines.borrow_mut().remove(self.0));
    }
}

/// The earliest deadline any timer of this thread waits for.
pub(super) fn next_deadline() -> Option<Instant> {
    DEADLINES.with(|deadlines| deadlines.borrow().earliest())
}

/// tokio's `sleep_until`, known to the event loop.
#[allow(clippy::disallowed_methods)] // The wrapper clippy.toml points to.
pub async fn sleep_until(at: Instant) {
    let _deadline = Deadline::register(at);
    tokio::time::sleep_until(at.into()).await;
}

/// tokio's `timeout`, known to the event loop.
pub async fn timeout<F: Future>(limit: Duration, work: F) -> Result<F::Output, Elapsed> {
    timeout_at(Instant::now() + limit, work).await
}

/// tokio's `timeout_at`, known to the event loop.
#[allow(clippy::disallowed_methods)] // The wrapper clippy.toml points to.
pub async fn timeout_at<F: Future>(at: Instant, work: F) -> Result<F::Output, Elapsed> {
    let _deadline = Deadline::register(at);
    tokio::time::timeout_at(at.into(), work).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use tokio::runtime::Builder;

    #[test]
    fn the_registry_answers_the_earliest_deadline_and_counts_shared_ones() {
        let now = Instant::now();
        let (early, late) = (
            now + Duration::from_millis(5),
            now + Duration::from_millis(50),
        );
        let mut registry = Registry::new();
        assert_eq!(registry.earliest(), None);
        registry.insert(late);
        registry.insert(early);
        registry.insert(early);
        assert_eq!(registry.earliest(), Some(early));
        registry.remove(early);
        assert_eq!(
            registry.earliest(),
            Some(early),
            "a second timer still waits"
        );
        registry.remove(early);
        assert_eq!(registry.earliest(), Some(late));
        // Removing what is not there (or no longer) changes nothing.
        registry.remove(early);
        assert_eq!(registry.earliest(), Some(late));
        registry.remove(late);
        assert_eq!(registry.earliest(), None);
        assert!(registry.0.is_empty());
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

    #[test]
    fn finished_and_abandoned_timers_leave_the_registry() {
        let runtime = Builder::new_current_thread().enable_all().build().unwrap();
        runtime.block_on(async {
            let done = timeout(Duration::from_secs(60), async { 7 }).await;
            assert_eq!(done.ok(), Some(7));
            assert_eq!(next_deadline(), None, "work done before its deadline");
            let abandoned = tokio::spawn(sleep_until(Instant::now() + Duration::from_secs(60)));
            tokio::task::yield_now().await;
            assert!(next_deadline().is_some());
            abandoned.abort();
            assert!(abandoned.await.unwrap_err().is_cancelled());
            assert_eq!(next_deadline(), None, "a timer dropped before its deadline");
        });
    }
}
