//! The JavaScript side's handle on a session: the command channel (`Request`, `Command`), the
//! `destroy()` signal, the pause gate for streamed rows and the transaction flag JS reads
//! synchronously. It only sends; it never touches the session's state.

use super::*;

pub enum Request {
    /// Completes once connected (`connect()`).
    Connect,
    Query {
        sql: String,
        /// The user marked it safe to run twice: replayed after a loss mid-flight.
        idempotent: bool,
        timeout: Option<Duration>,
        /// The application serves the file a `LOAD DATA LOCAL INFILE` names
        /// (`infileStreamFactory`): a permitted request goes to JavaScript.
        infile_from_js: bool,
    },
    Ping,
    Statistics,
    /// The `onConnect` function of hook round `round` finished (with an error message if it failed).
    HookDone {
        round: u32,
        error: Option<String>,
    },
    ChangeUser {
        user: Option<String>,
        password: Option<String>,
        database: Option<String>,
        init_statements: Vec<String>,
    },
    /// COM_RESET_CONNECTION, then the init statements: the session is as on a new connection.
    Reset,
    /// Graceful close after every command queued before it.
    End,
}

pub struct Command {
    pub id: u32,
    pub request: Request,
    pub enqueued: Instant,
    /// Issued by the `onConnect` function: runs during the hook, before queued commands.
    pub during_hook: bool,
}

/// `connection.pause()` / `resume()`: while closed, a running query reads no more rows from the
/// socket, so backpressure reaches the server through TCP.
#[derive(Default)]
pub struct FlowGate {
    pub(super) paused: std::sync::atomic::AtomicBool,
    pub(super) resumed: Notify,
}

impl FlowGate {
    pub fn set_paused(&self, paused: bool) {
        self.paused
            .store(paused, std::sync::atomic::Ordering::SeqCst);
        if !paused {
            self.resumed.notify_waiters();
        }
    }

    pub(super) async fn wait_open(&self) {
        loop {
            let resumed = self.resumed.notified();
            if !self.paused.load(std::sync::atomic::Ordering::SeqCst) {
                return;
            }
            resumed.await;
        }
    }
}

/// The transaction state JavaScript reads synchronously (a pool recycles a connection only outside
/// a transaction). Updated before the reply that changed it is sent, so a callback sees it current.
#[derive(Default)]
pub struct TransactionFlag(std::sync::atomic::AtomicU32);

impl TransactionFlag {
    /// The states by value, as JavaScript names them.
    pub const NAMES: [&'static str; 3] = ["none", "active", "lost"];
    pub const NONE: u32 = 0;
    pub const ACTIVE: u32 = 1;
    /// Lost with the connection: statements fail with TRANSACTION_LOST until a rollback.
    pub const LOST: u32 = 2;

    pub fn get(&self) -> u32 {
        self.0.load(std::sync::atomic::Ordering::SeqCst)
    }

    pub(super) fn is_active(&self) -> bool {
        self.get() == Self::ACTIVE
    }

    pub(super) fn is_lost(&self) -> bool {
        self.get() == Self::LOST
    }

    pub(super) fn set(&self, in_transaction: bool, lost: bool) {
        let state = if lost {
            Self::LOST
        } else if in_transaction {
            Self::ACTIVE
        } else {
            Self::NONE
        };
        self.0.store(state, std::sync::atomic::Ordering::SeqCst);
    }
}

/// Commands written to the server and not answered yet, which `stats()` reports as in flight:
/// one at a time, or up to a pipeline's batch.
#[derive(Default)]
pub struct WrittenCount(std::sync::atomic::AtomicU32);

impl WrittenCount {
    pub fn get(&self) -> u32 {
        self.0.load(std::sync::atomic::Ordering::Relaxed)
    }

    pub(super) fn set(&self, count: usize) {
        let count = u32::try_from(count).unwrap_or(u32::MAX);
        self.0.store(count, std::sync::atomic::Ordering::Relaxed);
    }
}

/// The shared half: JavaScript's handle sends commands and can destroy the session at once.
pub struct SessionHandle {
    pub(super) commands: mpsc::UnboundedSender<Command>,
    pub(super) destroyed: Arc<Notify>,
    pub(super) early_end: Arc<EarlyEnd>,
    pub flow: Arc<FlowGate>,
    pub transaction: Arc<TransactionFlag>,
    pub written: Arc<WrittenCount>,
    /// Where JavaScript feeds the stream of a LOCAL INFILE file it serves.
    pub infile_feed: Feed,
}

/// `end()` before any command that needs the server: a first connect still waiting for a server
/// that never answered is abandoned at once instead of after `connectTimeout` (a pool or ORM
/// closing a connection it gave up on). `connect(); query(); end()` still connects and runs.
#[derive(Default)]
pub(super) struct EarlyEnd {
    pub(super) notify: Notify,
    pub(super) work_sent: std::sync::atomic::AtomicBool,
}

impl EarlyEnd {
    pub(super) fn note(&self, request: &Request) {
        use std::sync::atomic::Ordering;
        match request {
            Request::Connect => {}
            Request::End => {
                if !self.work_sent.load(Ordering::Relaxed) {
                    self.notify.notify_one();
                }
            }
            _ => self.work_sent.store(true, Ordering::Relaxed),
        }
    }
}

impl SessionHandle {
    /// False when the session has closed (the command was not taken).
    pub fn send(&self, id: u32, request: Request, during_hook: bool) -> bool {
        self.early_end.note(&request);
        self.commands
            .send(Command {
                id,
                request,
                enqueued: Instant::now(),
                during_hook,
            })
            .is_ok()
    }

    pub fn destroy(&self) {
        self.destroyed.notify_one();
    }
}

/// How long a first connect may still finish after an early `end()` (see `EarlyEnd`).
pub(super) const EARLY_END_GRACE: Duration = Duration::from_millis(100);

#[cfg(test)]
mod tests {
    use super::super::testing::{options, query, session};
    use super::*;

    #[test]
    fn an_end_before_any_work_is_an_early_end_and_after_work_it_is_not() {
        let (_session, handle, _sent) = session(options());
        assert!(handle.send(1, Request::Connect, false));
        assert!(!handle
            .early_end
            .work_sent
            .load(std::sync::atomic::Ordering::Relaxed));
        assert!(handle.send(2, query("SELECT 1"), false));
        assert!(handle
            .early_end
            .work_sent
            .load(std::sync::atomic::Ordering::Relaxed));
    }

    #[test]
    fn a_handle_whose_session_is_gone_says_the_command_was_not_taken() {
        let (session, handle, _sent) = session(options());
        drop(session);
        assert!(!handle.send(1, Request::Ping, false));
    }
}
