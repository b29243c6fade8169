//! The outbox: messages the sessions of an event-loop thread [`post`] for JavaScript, in the
//! order they were sent, and calling them in, a bounded number per pass of the event loop.
//!
//! Owns: the queue, and the napi calls around each delivery (handle scope, uncaught exception).
//! Must not touch: libuv or the runtime. When to deliver, and arming the next pass, is the
//! driver's decision; this file only reports that a pass stopped at its bound.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::time::{Duration, Instant};

use napi::sys;

/// Delivers one message to JavaScript: called on the JS thread with the env and the async
/// context, inside a handle scope; returns the status of its napi_make_callback.
pub type Delivery = Box<dyn FnOnce(sys::napi_env, sys::napi_async_context) -> sys::napi_status>;

thread_local! {
    /// Messages for JavaScript, in the order the sessions sent them.
    static OUTBOX: RefCell<VecDeque<Delivery>> = const { RefCell::new(VecDeque::new()) };
}

/// Deliveries per event-loop callback before the rest wait for the next pass (as Node's
/// threadsafe functions do), so a chain of instant replies cannot starve timers and I/O...
const DELIVERIES_PER_PASS: usize = 1000;
/// ...nor a chain of replies that each came while the previous callback's query waited for
/// its reply: measured, one connection's INSERTs one after another (~200 us each) kept timers
/// waiting 20-25 ms at the 99th percentile with the count alone (mysql2: 2 ms).
const TIME_PER_PASS: Duration = Duration::from_millis(1);

/// Queues `delivery` for JavaScript on this thread's event loop (see
/// [`delivers_here`](super::delivers_here)).
pub fn post(delivery: Delivery) {
    OUTBOX.with(|outbox| outbox.borrow_mut().push_back(delivery));
}

/// Something is waiting to be delivered.
pub(super) fn has_messages() -> bool {
    OUTBOX.with(|outbox| !outbox.borrow().is_empty())
}

/// Drops what was never delivered (the environment is going away).
pub(super) fn clear() {
    OUTBOX.with(|outbox| outbox.borrow_mut().clear());
}

/// Hands queued deliveries to `call`, in order, up to the bound of a pass. `call` gives a
/// delivery back when it cannot make it now: it is kept first, for a later pass, never dropped
/// unsaid. True if the pass stopped at its bound (more may be queued).
fn pass(call: impl FnMut(Delivery) -> Result<(), Delivery>) -> bool {
    pass_within(Instant::now() + TIME_PER_PASS, call)
}

/// [`pass`], ending once `deadline` has passed too.
fn pass_within(deadline: Instant, mut call: impl FnMut(Delivery) -> Result<(), Delivery>) -> bool {
    for delivered in 0..DELIVERIES_PER_PASS {
        // Checked after the first: every pass delivers something.
        if delivered > 0 && Instant::now() >= deadline {
            return true;
        }
        // Popped one at a time: a delivery may post more, which run in this same pass.
        let Some(delivery) = OUTBOX.with(|outbox| outbox.borrow_mut().pop_front()) else {
            return false;
        };
        if let Err(delivery) = call(delivery) {
            OUTBOX.with(|outbox| outbox.borrow_mut().push_front(delivery));
            return false;
        }
    }
    true
}

/// Calls JavaScript with what the sessions posted, in order, up to the bound of a pass; true if
/// it stopped there. Each call runs queued ticks and microtasks after it, as a socket's data
/// callback does. An exception thrown by a callback is reported as uncaught.
///
/// # Safety
/// On the JS thread of `env`, outside any JavaScript (at the top of an event-loop callback),
/// with `async_context` created for `env`.
pub(super) unsafe fn deliver(env: sys::napi_env, async_context: sys::napi_async_context) -> bool {
    pass(|delivery| {
        // SAFETY: as the caller promised; the scope is closed before the next delivery.
        unsafe {
            let mut scope = std::ptr::null_mut();
            if sys::napi_open_handle_scope(env, &mut scope) != sys::Status::napi_ok {
                // The env may be going away.
                return Err(delivery);
            }
            let status = delivery(env, async_context);
            if status == sys::Status::napi_pending_exception {
                let mut exception = std::ptr::null_mut();
                if sys::napi_get_and_clear_last_exception(env, &mut exception)
                    == sys::Status::napi_ok
                {
                    sys::napi_fatal_exception(env, exception);
                }
            }
            sys::napi_close_handle_scope(env, scope);
        }
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::rc::Rc;

    /// Posts deliveries 0..count that record their number in `log` when called.
    fn post_numbered(log: &Rc<RefCell<Vec<usize>>>, count: usize) {
        for number in 0..count {
            let log = log.clone();
            post(Box::new(move |_, _| {
                log.borrow_mut().push(number);
                sys::Status::napi_ok
            }));
        }
    }

    fn call(delivery: Delivery) -> Result<(), Delivery> {
        delivery(std::ptr::null_mut(), std::ptr::null_mut());
        Ok(())
    }

    #[test]
    fn a_pass_delivers_in_order_up_to_its_bound() {
        let log = Rc::new(RefCell::new(Vec::new()));
        post_numbered(&log, DELIVERIES_PER_PASS + 5);
        let later = Instant::now() + Duration::from_secs(60);
        assert!(pass_within(later, call), "stopped at the bound");
        assert_eq!(*log.borrow(), (0..DELIVERIES_PER_PASS).collect::<Vec<_>>());
        assert!(has_messages());
        log.borrow_mut().clear();
        assert!(!pass(call), "emptied the outbox");
        assert_eq!(
            *log.borrow(),
            (DELIVERIES_PER_PASS..DELIVERIES_PER_PASS + 5).collect::<Vec<_>>()
        );
        assert!(!has_messages());
    }

    #[test]
    fn a_pass_ends_at_its_deadline_after_one_delivery() {
        let log = Rc::new(RefCell::new(Vec::new()));
        post_numbered(&log, 3);
        assert!(pass_within(Instant::now(), call), "stopped at the deadline");
        assert_eq!(*log.borrow(), vec![0], "one delivery, however late");
        assert!(!pass(call));
        assert_eq!(*log.borrow(), vec![0, 1, 2]);
    }

    #[test]
    fn a_delivery_that_cannot_be_made_is_kept_first() {
        let log = Rc::new(RefCell::new(Vec::new()));
        post_numbered(&log, 3);
        let mut calls = 0;
        let refused = pass(|delivery| {
            calls += 1;
            if calls == 2 {
                return Err(delivery);
            }
            call(delivery)
        });
        assert!(!refused);
        assert_eq!(*log.borrow(), vec![0]);
        assert!(!pass(call));
        assert_eq!(
            *log.borrow(),
            vec![0, 1, 2],
            "nothing lost, nothing reordered"
        );
        post_numbered(&log, 1);
        clear();
        assert!(!has_messages());
    }
}
