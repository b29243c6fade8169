//! Polling instead of sleeping, when a reply is due within microseconds. On the event loop,
//! [`Spin`] waits briefly on the JS thread for the reply to a command just written; the thread
//! mode polls after activity (see `thread`). Both back off the same way, with what is here: the
//! `RECONNECTING_MYSQL_SPIN_US` setting, the count of involuntary context switches, and the
//! back-off constants.
//!
//! Owns: when to wait and when to stop waiting for a while. Must not touch: libuv, the outbox's
//! contents (it only asks whether a reply is queued), the counters (it only reads them).

use std::cell::Cell;
use std::time::{Duration, Instant};

use super::{counted, outbox};

/// On the event loop, a `SELECT 1` round trip here takes 50-65 us on a quiet day: the window
/// must cover it, or every wait misses and backs off. The least window.
const DEFAULT_LOOP_SPIN: Duration = Duration::from_micros(100);
/// The most: the JS thread runs nothing else while it waits, so a reply expected later than
/// this is waited for in epoll instead.
const MAX_LOOP_SPIN: Duration = Duration::from_micros(400);
/// Stretches of polling in a row that saw the thread switched out: the machine is busy.
pub(super) const CONTENDED_STRETCHES: u32 = 3;
/// How long polling then stays off.
pub(super) const BACK_OFF: Duration = Duration::from_millis(100);

/// Waiting a little for the reply to a command just written, on the JS thread.
///
/// A JS thread that goes to sleep in epoll right after writing a query is woken by the reply,
/// and on a VM an idle core wakes slowly: measured here, 5,000 `SELECT 1` took 143-159 us each
/// that way, against 80-85 us when the thread polls the runtime for up to 60 us after the
/// write (mysql2: 91-93 us). The wait is bounded and backs off: after 3 waits in a row that
/// saw no reply (the server is slower than the window) or saw the thread switched out (the
/// machine is busy: the server needs the core), it stops waiting for 100 ms.
///
/// The window follows the replies: 1.5x their recent time (a miss counts when its reply comes,
/// in epoll), within 100-400 us. A fixed 100 us missed the INSERTs that take the server
/// 110-200 us on a slow day, and they then paid epoll's slow wake (measured: a 10-DATETIME
/// INSERT 0.87x mysql2's throughput with 100 us, 1.02x with 250 us). Replies slower than
/// 400 us are not waited for at all. `RECONNECTING_MYSQL_SPIN_US` fixes the window instead.
pub(super) struct Spin {
    window: Duration,
    adaptive: bool,
    /// Write-to-reply time, smoothed over recent commands.
    reply_time: Cell<Option<Duration>>,
    /// When the command whose reply has not come yet was written (its wait missed or was skipped).
    awaiting_since: Cell<Option<Instant>>,
    paused_until: Cell<Option<Instant>>,
    misses: Cell<u32>,
    contended: Cell<u32>,
}

impl Spin {
    fn new(window: Duration, adaptive: bool) -> Self {
        Spin {
            window,
            adaptive,
            reply_time: Cell::new(None),
            awaiting_since: Cell::new(None),
            paused_until: Cell::new(None),
            misses: Cell::new(0),
            contended: Cell::new(0),
        }
    }

    /// The event loop's spin: its window from the environment (fixed), or adaptive.
    pub(super) fn for_event_loop() -> Self {
        match spin_setting() {
            Some(window) => Spin::new(window, false),
            None => Spin::new(DEFAULT_LOOP_SPIN, true),
        }
    }

    /// Polls the runtime until a reply is queued or the window has passed, if waiting is worth
    /// it; whether a reply came.
    pub(super) async fn wait_for_reply(&self) -> bool {
        let started = Instant::now();
        let in_flight = counted::in_flight();
        if in_flight == 1 {
            self.written(started);
        }
        if !self.should_wait(in_flight, started) {
            return false;
        }
        let window = self.window_now();
        let switches = involuntary_switches();
        let replied = loop {
            if outbox::has_messages() {
                break true;
            }
            if started.elapsed() >= window {
                break false;
            }
            // One scheduler round: polls the sockets without blocking.
            tokio::task::yield_now().await;
            if counted::pending_work() {
                counted::run_until_idle().await;
            }
        };
        let now = Instant::now();
        if replied {
            self.reply_came(now);
        }
        self.record(replied, involuntary_switches() != switches, now);
        replied
    }

    /// The lone command in flight was written at `at`: its reply's time will count.
    fn written(&self, at: Instant) {
        if !self.window.is_zero() {
            self.awaiting_since.set(Some(at));
        }
    }

    /// A reply reached the event loop (`now`): the time of the command awaiting it, if any.
    pub(super) fn reply_came(&self, now: Instant) {
        if let Some(since) = self.awaiting_since.take() {
            let took = now.saturating_duration_since(since);
            // Smoothed over about four commands: quick to follow, not thrown by one outlier.
            let smoothed = match self.reply_time.get() {
                Some(before) => (before * 3 + took) / 4,
                None => took,
            };
            self.reply_time.set(Some(smoothed));
        }
    }

    /// How long a wait may last now.
    fn window_now(&self) -> Duration {
        match self.reply_time.get() {
            Some(time) if self.adaptive => (time + time / 2).max(self.window),
            _ => self.window,
        }
    }

    fn should_wait(&self, in_flight: u32, now: Instant) -> bool {
        // With several commands in flight the thread has other replies to handle: waiting for
        // one would take a core from the server.
        !(self.window.is_zero()
            || in_flight != 1
            || (self.adaptive && self.window_now() > MAX_LOOP_SPIN)
            || self.paused_until.get().is_some_and(|until| now < until))
    }

    /// Counts a wait that ended with or without a reply, switched out or not.
    fn record(&self, replied: bool, switched: bool, now: Instant) {
        let bump =
            |counter: &Cell<u32>, hit: bool| counter.set(if hit { counter.get() + 1 } else { 0 });
        bump(&self.misses, !replied);
        bump(&self.contended, switched);
        if self.misses.get() >= CONTENDED_STRETCHES || self.contended.get() >= CONTENDED_STRETCHES {
            self.misses.set(0);
            self.contended.set(0);
            self.paused_until.set(Some(now + BACK_OFF));
        }
    }
}

/// `RECONNECTING_MYSQL_SPIN_US`, if set.
pub(super) fn spin_setting() -> Option<Duration> {
    std::env::var("RECONNECTING_MYSQL_SPIN_US")
        .ok()
        .and_then(|value| parse_micros(&value))
}

fn parse_micros(value: &str) -> Option<Duration> {
    value.trim().parse::<u64>().ok().map(Duration::from_micros)
}

/// Times this thread was switched out while runnable (preempted, or yielded to another thread).
pub(super) fn involuntary_switches() -> Option<i64> {
    // SAFETY: getrusage only writes the struct it is given.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let status = unsafe { libc::getrusage(libc::RUSAGE_THREAD, &mut usage) };
    (status == 0).then_some(usage.ru_nivcsw)
}

#[cfg(test)]
mod tests {
    use super::*;

    const WINDOW: Duration = Duration::from_micros(100);

    #[test]
    fn waits_only_for_a_lone_command_with_a_window() {
        let now = Instant::now();
        let spin = Spin::new(WINDOW, false);
        assert!(spin.should_wait(1, now));
        assert!(!spin.should_wait(0, now), "nothing to wait for");
        assert!(!spin.should_wait(2, now), "other replies to handle");
        assert!(
            !Spin::new(Duration::ZERO, false).should_wait(1, now),
            "0 = off"
        );
    }

    #[test]
    fn three_misses_in_a_row_pause_waiting() {
        let now = Instant::now();
        let spin = Spin::new(WINDOW, false);
        for _ in 0..CONTENDED_STRETCHES - 1 {
            spin.record(false, false, now);
        }
        assert!(spin.should_wait(1, now));
        spin.record(false, false, now);
        assert!(!spin.should_wait(1, now));
        assert!(!spin.should_wait(1, now + BACK_OFF - Duration::from_millis(1)));
        assert!(spin.should_wait(1, now + BACK_OFF), "the pause ends");
        // The counts start over after a pause.
        spin.record(false, false, now + BACK_OFF);
        assert!(spin.should_wait(1, now + BACK_OFF));
    }

    #[test]
    fn a_reply_or_a_quiet_wait_resets_its_count() {
        let now = Instant::now();
        let spin = Spin::new(WINDOW, false);
        for _ in 0..2 {
            spin.record(false, true, now);
            spin.record(false, true, now);
            spin.record(true, false, now);
        }
        assert!(spin.should_wait(1, now));
    }

    #[test]
    fn three_waits_switched_out_in_a_row_pause_waiting_even_with_replies() {
        let now = Instant::now();
        let spin = Spin::new(WINDOW, false);
        for _ in 0..CONTENDED_STRETCHES {
            spin.record(true, true, now);
        }
        assert!(!spin.should_wait(1, now));
    }

    #[test]
    fn the_adaptive_window_follows_the_replies() {
        let t0 = Instant::now();
        let us = Duration::from_micros;
        let spin = Spin::new(DEFAULT_LOOP_SPIN, true);
        assert_eq!(spin.window_now(), DEFAULT_LOOP_SPIN, "nothing learned yet");
        spin.written(t0);
        spin.reply_came(t0 + us(200));
        assert_eq!(spin.window_now(), us(300), "1.5x the reply's time");
        spin.reply_came(t0 + us(5000));
        assert_eq!(
            spin.window_now(),
            us(300),
            "no command awaiting: nothing to learn"
        );
        spin.written(t0);
        spin.reply_came(t0 + us(20));
        assert_eq!(
            spin.window_now(),
            Duration::from_nanos(232_500),
            "smoothed: (3 x 200 + 20) / 4, x1.5"
        );
        for _ in 0..4 {
            spin.written(t0);
            spin.reply_came(t0 + us(2000));
        }
        assert!(
            !spin.should_wait(1, t0),
            "replies slower than the most are not waited for"
        );
        for _ in 0..20 {
            spin.written(t0);
            spin.reply_came(t0 + us(30));
        }
        assert_eq!(
            spin.window_now(),
            DEFAULT_LOOP_SPIN,
            "never below the least"
        );
        assert!(spin.should_wait(1, t0), "quick again: waited for");
    }

    #[test]
    fn a_fixed_window_stays() {
        let t0 = Instant::now();
        let spin = Spin::new(WINDOW, false);
        spin.written(t0);
        spin.reply_came(t0 + Duration::from_millis(3));
        assert_eq!(spin.window_now(), WINDOW);
        assert!(spin.should_wait(1, t0));
        let off = Spin::new(Duration::ZERO, true);
        off.written(t0);
        assert_eq!(off.awaiting_since.get(), None, "0 = off: nothing tracked");
    }

    #[test]
    fn the_setting_is_microseconds() {
        assert_eq!(parse_micros(" 250\n"), Some(Duration::from_micros(250)));
        assert_eq!(parse_micros("0"), Some(Duration::ZERO));
        assert_eq!(parse_micros("fast"), None);
        assert_eq!(parse_micros("-5"), None);
    }
}
