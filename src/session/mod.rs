//! One session per connection: a tokio task that owns the `mysql_async::Conn` and is the only code
//! touching it. It runs commands in order, finds losses, reconnects, and keeps the contract:
//! a command that may have run is never sent twice, a lost transaction is never continued in
//! autocommit, session state is restored (or reported lost) after a reconnect.
//!
//! The files of this module are named for their concern, each says in its header what it owns:
//! `protocol` (what crosses to JS), `handle`, `options`, `hosts`, `queue`, `connect`,
//! `reconnect`, `liveness`, `hook`, `query`, `pipeline`, `state`, `commands`. This file holds the session
//! itself and its main loop.

use crate::error::{self, Endpoint, ErrorInfo, OUTCOME_NOT_EXECUTED, OUTCOME_UNKNOWN};
use crate::host_gate::{self, HostGate, Outcome, ProbeClaim};
use crate::infile::{Feed, JsFiles, LocalFiles, Permit};
use crate::policy::{self, Backoff, ErrorClass, RetryBudget};
use crate::resultset::{counter, ok_part, OkInfo, ResultPart, RowBuffer, RowBytes, SentColumns};
use crate::runtime::{sleep_until, timeout, timeout_at};
use crate::statement::{self, SessionEffect};
use mysql_async::consts::StatusFlags;
use mysql_async::prelude::Queryable;
use mysql_async::{ChangeUserOpts, Conn, IdleSignal, Opts, OptsBuilder, SslOpts};
use napi_derive::napi;
use std::collections::{BTreeSet, VecDeque};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::sync::{mpsc, Notify};

mod commands;
mod connect;
mod handle;
mod hook;
mod hosts;
mod liveness;
mod options;
mod pipeline;
mod protocol;
mod query;
mod queue;
mod reconnect;
mod state;
#[cfg(test)]
mod testing;

use self::{connect::*, hook::*, hosts::*, liveness::*, queue::*, state::*};
pub use self::{handle::*, options::*, protocol::*};

enum Exit {
    Ended,
    Destroyed,
    GaveUp(ErrorInfo),
    /// Every handle was dropped (the JavaScript object was collected).
    Abandoned,
}

/// How a command's execution ended.
enum Step {
    Done,
    /// The connection was lost before the command could have run: run it on the next one.
    Retry,
    GaveUp(ErrorInfo),
}

enum Next {
    Command(Command),
    KeepaliveDue,
    /// The idle connection's socket turned readable: closed by the server, or unsolicited bytes.
    Socket(IdleSignal),
    Abandoned,
}

pub struct Session {
    options: SessionOptions,
    sink: Arc<dyn Sink>,
    commands: mpsc::UnboundedReceiver<Command>,
    destroyed: Arc<Notify>,
    early_end: Arc<EarlyEnd>,
    flow: Arc<FlowGate>,
    /// The transaction state: its one owner, which JavaScript reads too.
    transaction: Arc<TransactionFlag>,
    /// `in_flight` and `pipelined_sent` counted for JavaScript (see `publish_written`).
    written: Arc<WrittenCount>,
    queue: VecDeque<Command>,
    conn: Option<Conn>,
    in_flight: Option<u32>,
    last_used: Instant,
    thread_id: Option<u32>,
    ever_connected: bool,
    /// An early `end()` abandoned the first connect attempt (see `EarlyEnd`).
    first_connect_abandoned: bool,
    is_mariadb: bool,
    wait_timeout: Option<Duration>,
    /// Replayed after a reconnect: the current database and session SETs, in order.
    current_database: Option<String>,
    replay_sets: Vec<String>,
    /// Unrestorable state created on the current connection, reported after a reconnect.
    unrestorable: BTreeSet<&'static str>,
    /// When and why the connection was lost (None while connected or never connected).
    lost: Option<(Instant, ErrorInfo)>,
    hook_round: u32,
    endpoint: Endpoint,
    /// The columns last sent to JavaScript (it keeps them too).
    sent_fields: SentColumns,
    /// The one LOCAL INFILE name the server may ask for while the app's statement runs.
    infile_permit: Permit,
    /// Serves the permitted LOCAL INFILE requests of statements with `infileStreamFactory`.
    infile_from_js: Arc<JsFiles>,
    hosts: Vec<HostState>,
    /// The host of the live connection, or of the last connect attempt.
    current_host: usize,
    /// The host of the last connection established (a failover is a move away from it).
    connected_host: usize,
    /// The host that failed last (cleared once connected): the next attempt starts after it.
    failed_host: Option<usize>,
    /// Read-only refusals since the last statement that ran: reconnects after them back off, so
    /// a cluster without a writable node is not hammered.
    refusal_streak: u32,
    /// The batch a pipeline took from the queue and has not answered yet; the first
    /// `pipelined_sent` of them were written to the server.
    pipelined: VecDeque<Command>,
    pipelined_sent: usize,
    /// A server asked for a local file while statements were written ahead (see query.rs).
    local_file_asked_ahead: bool,
}

async fn sleep_until_or_never(at: Option<Instant>) {
    match at {
        Some(at) => sleep_until(at).await,
        None => std::future::pending().await,
    }
}

impl Session {
    pub fn new(options: SessionOptions, sink: Arc<dyn Sink>) -> (Session, SessionHandle) {
        let (sender, receiver) = mpsc::unbounded_channel();
        let destroyed = Arc::new(Notify::new());
        let early_end = Arc::new(EarlyEnd::default());
        let flow = Arc::new(FlowGate::default());
        let transaction = Arc::new(TransactionFlag::default());
        let written = Arc::new(WrittenCount::default());
        let host_state = |address: HostAddress| HostState {
            gate: host_gate::gate(&gate_key(&options, &address)),
            address,
            denied_until: None,
            denied_for: None,
        };
        let mut hosts: Vec<HostState> = options.hosts.iter().cloned().map(host_state).collect();
        if hosts.is_empty() {
            hosts.push(host_state(HostAddress {
                host: "localhost".into(),
                port: 3306,
            }));
        }
        let endpoint = endpoint_of(&options, &hosts[0].address);
        let infile_feed = Feed::default();
        let infile_from_js = {
            let sink = sink.clone();
            let ask = move |command: u32, name: &[u8]| {
                sink.send(Message {
                    kind: kind::INFILE,
                    id: command,
                    parts: None,
                    error: None,
                    index: None,
                    text: Some(String::from_utf8_lossy(name).into_owned()),
                    event: None,
                })
            };
            Arc::new(JsFiles {
                ask: Box::new(ask),
                feed: infile_feed.clone(),
            })
        };
        let session = Session {
            current_database: options.database.clone(),
            options,
            sink,
            commands: receiver,
            destroyed: destroyed.clone(),
            early_end: early_end.clone(),
            flow: flow.clone(),
            transaction: transaction.clone(),
            written: written.clone(),
            queue: VecDeque::new(),
            conn: None,
            in_flight: None,
            last_used: Instant::now(),
            thread_id: None,
            ever_connected: false,
            first_connect_abandoned: false,
            is_mariadb: true,
            wait_timeout: None,
            replay_sets: Vec::new(),
            unrestorable: BTreeSet::new(),
            lost: None,
            hook_round: 0,
            sent_fields: SentColumns::default(),
            infile_permit: Permit::default(),
            infile_from_js,
            endpoint,
            hosts,
            current_host: 0,
            connected_host: 0,
            failed_host: None,
            refusal_streak: 0,
            pipelined: VecDeque::new(),
            pipelined_sent: 0,
            local_file_asked_ahead: false,
        };
        let handle = SessionHandle {
            commands: sender,
            destroyed,
            early_end,
            flow,
            transaction,
            written,
            infile_feed,
        };
        (session, handle)
    }

    /// Runs until `end()`, `destroy()`, giving up, or the handle being dropped; then fails whatever
    /// is still pending and reports CLOSED.
    pub async fn run(mut self) {
        let destroyed = self.destroyed.clone();
        let exit = tokio::select! {
            biased;
            _ = destroyed.notified() => Exit::Destroyed,
            exit = self.serve() => exit,
        };
        self.finish(exit).await;
    }

    async fn serve(&mut self) -> Exit {
        loop {
            // Commands run only on a live connection: while there is none, they wait in the
            // queue, where the queue limit and timeout apply. A loss found while idle reconnects
            // at once, not when the next query arrives. `end()` needs no connection.
            if self.conn.is_none()
                && !self.end_is_next()
                && (self.lost.is_some() || !self.queue.is_empty())
            {
                if let Err(error) = self.ensure_connected().await {
                    return Exit::GaveUp(error);
                }
                continue;
            }
            let command = match self.next_command().await {
                Next::Command(command) => command,
                Next::KeepaliveDue => {
                    self.keepalive_ping().await;
                    continue;
                }
                Next::Socket(signal) => {
                    self.on_idle_signal(signal).await;
                    continue;
                }
                Next::Abandoned => return Exit::Abandoned,
            };
            if let Request::End = command.request {
                self.end(command.id).await;
                return Exit::Ended;
            }
            if self.conn.is_none() {
                self.enqueue(command, QueuePosition::Front);
                continue;
            }
            let command = match self.pipeline_from(command) {
                Ok(()) => {
                    let _in_flight = crate::runtime::InFlight::start();
                    self.run_pipeline().await;
                    continue;
                }
                Err(command) => command,
            };
            self.in_flight = Some(command.id);
            self.publish_written();
            let _in_flight = crate::runtime::InFlight::start();
            #[cfg(feature = "test-hooks")]
            self.test_panic_hook();
            let step = self.execute(&command).await;
            self.in_flight = None;
            self.publish_written();
            match step {
                Step::Done => {}
                // Lost before the command could have run: it goes first on the new connection.
                Step::Retry => self.queue.push_front(command),
                Step::GaveUp(error) => {
                    self.reply_failed(command.id, Vec::new(), error.clone());
                    return Exit::GaveUp(error);
                }
            }
        }
    }

    /// Test-only: the deliberate panic that proves a panicking session fails its commands (also
    /// those written ahead by `pipelining`: counted as each reply is read).
    #[cfg(feature = "test-hooks")]
    pub(super) fn test_panic_hook(&mut self) {
        if let Some(remaining) = self.options.test_panic_after.as_mut() {
            if *remaining == 0 {
                panic!("reconnecting-mysql test hook: deliberate panic in the session task");
            }
            *remaining -= 1;
        }
    }

    /// Runs one command on the live connection.
    async fn execute(&mut self, command: &Command) -> Step {
        match &command.request {
            Request::End => Step::Done,
            Request::Connect => {
                self.reply_done(command.id, Vec::new());
                Step::Done
            }
            Request::Ping => self.ping_command(command.id).await,
            Request::Statistics => self.statistics_command(command.id).await,
            Request::Reset => self.reset_command(command.id).await,
            // A hook answer after its connection was lost: nothing waits for it.
            Request::HookDone { .. } => Step::Done,
            Request::Query {
                sql,
                idempotent,
                timeout,
                infile_from_js,
            } => {
                self.query_command(
                    command.id,
                    sql,
                    *idempotent,
                    *timeout,
                    *infile_from_js,
                    false,
                )
                .await
            }
            Request::ChangeUser {
                user,
                password,
                database,
                init_statements,
            } => {
                self.change_user_command(command.id, user, password, database, init_statements)
                    .await
            }
        }
    }

    /// The next command, from the queue or the channel; between commands, keepalive pings.
    async fn next_command(&mut self) -> Next {
        if let Some(command) = self.queue.pop_front() {
            return Next::Command(command);
        }
        let keepalive_at = self
            .keepalive_interval()
            .map(|every| self.last_used + every);
        let conn = self.conn.as_ref();
        tokio::select! {
            command = self.commands.recv() => match command {
                Some(command) => {
                    crate::runtime::note_activity();
                    Next::Command(command)
                }
                None => Next::Abandoned,
            },
            _ = sleep_until_or_never(keepalive_at) => Next::KeepaliveDue,
            signal = idle_signal(conn) => Next::Socket(signal),
        }
    }

    async fn end(&mut self, id: u32) {
        if let Some(conn) = self.conn.take() {
            let _ = timeout(self.options.ping_timeout, conn.disconnect()).await;
        }
        self.reply_done(id, Vec::new());
    }

    /// Fails everything still pending with the reason the session ended, then reports CLOSED.
    async fn finish(&mut self, exit: Exit) {
        if let Some(conn) = self.conn.take() {
            abandon(conn);
        }
        let (pending_error, in_flight_error, gave_up) = match exit {
            Exit::Ended => (
                ErrorInfo::client(
                    "PROTOCOL_ENQUEUE_AFTER_QUIT",
                    "Cannot enqueue Query after invoking quit.",
                )
                .with_outcome(OUTCOME_NOT_EXECUTED),
                None,
                None,
            ),
            Exit::Destroyed | Exit::Abandoned => {
                let error = ErrorInfo::client(
                    "PROTOCOL_ENQUEUE_AFTER_DESTROY",
                    "Cannot enqueue Query after being destroyed.",
                );
                (
                    error.clone().with_outcome(OUTCOME_NOT_EXECUTED),
                    Some(error.with_outcome(OUTCOME_UNKNOWN)),
                    None,
                )
            }
            Exit::GaveUp(error) => {
                let error = error.fatal();
                (
                    error.clone().with_outcome(OUTCOME_NOT_EXECUTED),
                    None,
                    Some(error),
                )
            }
        };
        if let (Some(id), Some(error)) = (self.in_flight.take(), in_flight_error.clone()) {
            self.reply_failed(id, Vec::new(), error);
        }
        // A pipeline's batch (only a destroy() stops one midway): what was written may have run.
        let sent = std::mem::take(&mut self.pipelined_sent);
        self.publish_written();
        for (index, command) in std::mem::take(&mut self.pipelined).into_iter().enumerate() {
            let error = match &in_flight_error {
                Some(error) if index < sent => error.clone(),
                _ => pending_error.clone(),
            };
            self.reply_failed(command.id, Vec::new(), error);
        }
        self.commands.close();
        let mut pending: Vec<Command> = self.queue.drain(..).collect();
        while let Ok(command) = self.commands.try_recv() {
            pending.push(command);
        }
        for command in pending {
            self.reply_failed(command.id, Vec::new(), pending_error.clone());
        }
        if let Some(error) = gave_up {
            self.sink.send(Message::gave_up(error));
        }
        self.sink.send(Message::closed());
    }

    /// What `stats().inFlight` reads: the commands written and not answered.
    pub(super) fn publish_written(&self) {
        self.written
            .set(usize::from(self.in_flight.is_some()) + self.pipelined_sent);
    }

    fn reply_done(&self, id: u32, parts: Vec<ResultPart>) {
        self.sink.send(Message::reply(kind::DONE, id, parts, None));
    }

    fn reply_failed(&self, id: u32, parts: Vec<ResultPart>, error: ErrorInfo) {
        self.sink
            .send(Message::reply(kind::FAILED, id, parts, Some(error)));
    }
}
