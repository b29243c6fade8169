//! One session per connection: a tokio task that owns the `mysql_async::Conn` and is the only code
//! touching it. It runs commands in order, finds losses, reconnects, and keeps the contract:
//! a command that may have run is never sent twice, a lost transaction is never continued in
//! autocommit, session state is restored (or reported lost) after a reconnect.

use std::collections::{BTreeSet, VecDeque};
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::runtime::{sleep_until, timeout, timeout_at};
use mysql_async::consts::StatusFlags;
use mysql_async::prelude::Queryable;
use mysql_async::{ChangeUserOpts, Conn, IdleSignal, Opts, OptsBuilder, SslOpts};
use napi_derive::napi;
use tokio::sync::{mpsc, Notify};

use crate::error::{self, Endpoint, ErrorInfo, OUTCOME_NOT_EXECUTED, OUTCOME_UNKNOWN};
use crate::host_gate::{self, HostGate, Outcome, ProbeClaim};
use crate::infile::{Feed, JsFiles, LocalFiles, Permit};
use crate::policy::{self, Backoff, ErrorClass, RetryBudget};
use crate::resultset::{counter, ok_part, FieldInfo, OkInfo, ResultPart, RowBuffer, RowBytes};
use crate::statement::{self, SessionEffect};

/// Reply and event kinds, as JavaScript reads `Message.kind`.
pub mod kind {
    /// Result parts of a command that is still running.
    pub const PARTIAL: u32 = 1;
    /// The command succeeded; the last result parts.
    pub const DONE: u32 = 2;
    /// The command failed; `error`, and the result parts of statements that ran before it.
    pub const FAILED: u32 = 3;
    /// First connection established (`event.threadId`).
    pub const CONNECT: u32 = 10;
    /// The connection was lost (`event.error`).
    pub const DISCONNECT: u32 = 11;
    /// A reconnect attempt is about to start (`event.attempt`, `delay`, `error`).
    pub const RECONNECTING: u32 = 12;
    /// Reconnected (`attempts`, `downtime`, `threadId`, `previousThreadId`, `lostState`).
    pub const RECONNECT: u32 = 13;
    /// Gave up (`error`, fatal); every pending command has failed with it.
    pub const GAVE_UP: u32 = 14;
    /// The session has ended; no message follows.
    pub const CLOSED: u32 = 15;
    /// A new connection is up: run the `onConnect` function (`event.attempt` is the round to
    /// answer with `hookDone`), before any queued command.
    pub const CONNECT_HOOK: u32 = 16;
    /// `statistics()` answer: the server's status line in `text`.
    pub const STATISTICS: u32 = 17;
    /// The session moved to another host (`previousHost` -> `host`, `reason`, `error`); the
    /// CONNECT or RECONNECT event follows.
    pub const FAILOVER: u32 = 18;
    /// The server asks for the file the running `LOAD DATA LOCAL INFILE` names (`text`), and the
    /// application serves it (`infileStreamFactory`): feed the stream with `infileData`.
    pub const INFILE: u32 = 19;
}

#[napi(object)]
#[derive(Clone, Debug, Default)]
pub struct EventInfo {
    pub thread_id: Option<u32>,
    pub previous_thread_id: Option<u32>,
    pub attempt: Option<u32>,
    pub attempts: Option<u32>,
    /// Milliseconds.
    pub delay: Option<f64>,
    /// Milliseconds since the loss.
    pub downtime: Option<f64>,
    pub error: Option<ErrorInfo>,
    /// Session state the reconnect could not restore.
    pub lost_state: Option<Vec<String>>,
    /// `host:port` connected to (CONNECT, RECONNECT, FAILOVER) or about to be tried (RECONNECTING).
    pub host: Option<String>,
    /// `host:port` of the previous connection (RECONNECT, FAILOVER).
    pub previous_host: Option<String>,
    /// Why the session left its previous host (FAILOVER): `unavailable`, `read-only` or `not-ready`.
    pub reason: Option<String>,
}

#[napi(object, object_from_js = false)]
pub struct Message {
    pub kind: u32,
    /// The command this replies to (0 for events).
    pub id: u32,
    pub parts: Option<Vec<ResultPart>>,
    pub error: Option<ErrorInfo>,
    /// The statement that failed, for an ordinary statement error (`err.index`).
    pub index: Option<u32>,
    /// Text payload (`statistics()`).
    pub text: Option<String>,
    pub event: Option<EventInfo>,
}

/// The common replies (one part, no error), which the event loop hands to JavaScript as call
/// arguments instead of an object: N-API sets an object's properties one call each, about 2,000
/// instructions a property (callgrind), and these replies carry 8 to 15 of them; JavaScript
/// builds the same objects for a fraction of that.
pub struct FlatReply {
    pub kind: u32,
    pub id: u32,
    /// The statement the part belongs to.
    pub index: u32,
    pub payload: FlatPayload,
}

/// A message as it crosses to JavaScript: as call arguments when it has a flat shape, else as an
/// object.
// Built and consumed at once on the way out, never stored: boxing the large variant would only
// add an allocation per message.
#[allow(clippy::large_enum_variant)]
pub enum Shaped {
    Flat(FlatReply),
    Whole(Message),
}

/// What a flat reply's part holds.
pub enum FlatPayload {
    /// Rows whose columns JavaScript already has (`sameFields`, or a later chunk).
    Rows {
        same_fields: Option<bool>,
        rows: u32,
        data: Option<RowBytes>,
        ascii: Option<bool>,
    },
    /// A statement without rows whose counters a JavaScript number holds exactly.
    Ok {
        affected_rows: f64,
        insert_id: f64,
        server_status: u32,
        warning_count: u32,
        info: String,
    },
}

impl FlatPayload {
    /// The first argument of each shape (lib/connection.js has the same numbers).
    pub const ROWS: u32 = 1;
    pub const OK: u32 = 2;
}

/// A part of a reply that has a flat shape.
fn is_flat(part: &ResultPart) -> bool {
    part.fields.is_none()
        && match &part.ok {
            Some(ok) => {
                part.data.is_none()
                    && ok.affected_rows_text.is_none()
                    && ok.insert_id_text.is_none()
            }
            None => true,
        }
}

impl Message {
    /// The flat form of a reply of one part, or the message as it was.
    pub fn into_flat(mut self) -> Shaped {
        let flat = matches!(self.kind, kind::PARTIAL | kind::DONE)
            && self.error.is_none()
            && self.index.is_none()
            && self.text.is_none()
            && self.event.is_none()
            && self
                .parts
                .as_ref()
                .is_some_and(|parts| parts.len() == 1 && is_flat(&parts[0]));
        if !flat {
            return Shaped::Whole(self);
        }
        // The check above leaves exactly one part.
        let Some(part) = self.parts.take().and_then(|mut parts| parts.pop()) else {
            return Shaped::Whole(self);
        };
        let payload = match part.ok {
            Some(ok) => FlatPayload::Ok {
                affected_rows: ok.affected_rows,
                insert_id: ok.insert_id,
                server_status: ok.server_status,
                warning_count: ok.warning_count,
                info: ok.info,
            },
            None => FlatPayload::Rows {
                same_fields: part.same_fields,
                rows: part.rows,
                data: part.data,
                ascii: part.ascii,
            },
        };
        Shaped::Flat(FlatReply {
            kind: self.kind,
            id: self.id,
            index: part.index,
            payload,
        })
    }

    fn reply(kind: u32, id: u32, parts: Vec<ResultPart>, error: Option<ErrorInfo>) -> Self {
        Message {
            kind,
            id,
            parts: (!parts.is_empty()).then_some(parts),
            error,
            index: None,
            text: None,
            event: None,
        }
    }

    fn event(kind: u32, event: EventInfo) -> Self {
        Message {
            kind,
            id: 0,
            parts: None,
            error: None,
            index: None,
            text: None,
            event: Some(event),
        }
    }
}

/// Where the session's replies and events go (a threadsafe function into JavaScript).
pub trait Sink: Send + Sync + 'static {
    fn send(&self, message: Message);
}

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

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Keepalive {
    Off,
    /// Ping at half the server's `wait_timeout` (read at connect).
    Auto,
    Every(Duration),
}

/// One server of the host list.
#[derive(Clone, Debug, PartialEq)]
pub struct HostAddress {
    pub host: String,
    pub port: u16,
}

impl HostAddress {
    /// `host:port`, as events name it (`[::1]:3306` for IPv6).
    fn label(&self) -> String {
        if self.host.contains(':') {
            format!("[{}]:{}", self.host, self.port)
        } else {
            format!("{}:{}", self.host, self.port)
        }
    }
}

pub struct SessionOptions {
    /// The servers to use, in order of preference; one for the single-host form. Never empty.
    pub hosts: Vec<HostAddress>,
    /// How long a host that failed is skipped while another one can be tried.
    pub failover_deny: Duration,
    /// With several hosts: a read-only refusal (1290, 1792, 1836) or a Galera node not ready
    /// (1047) means "wrong node", move on.
    pub failover_read_only: bool,
    pub socket_path: Option<String>,
    pub user: Option<String>,
    pub password: Option<String>,
    pub database: Option<String>,
    /// Run on every connect, in order: charset, then the user's `onConnect` statements.
    pub init_statements: Vec<String>,
    pub connect_timeout: Duration,
    /// False: `mysql`'s behaviour, the first loss is final.
    pub reconnect: bool,
    /// A connection never established retries its first connect (`reconnect.initial`); when
    /// false, each host is tried once and the last failure is final, as in `mysql`.
    pub retry_first_connect: bool,
    pub backoff: Backoff,
    pub budget: RetryBudget,
    pub queue_limit: usize,
    pub queue_timeout: Option<Duration>,
    /// Ping before a command when the connection has been idle this long.
    pub ping_after_idle: Option<Duration>,
    pub keepalive: Keepalive,
    pub ping_timeout: Duration,
    pub ssl: Option<SslOpts>,
    /// `multipleStatements`: when false the server is told to refuse stacked queries.
    pub multiple_statements: bool,
    /// An `onConnect` function runs in JavaScript on every connect.
    pub connect_hook: bool,
    /// `LOAD DATA LOCAL INFILE` may read the file it names.
    pub local_infile: bool,
    /// Client flags `mysql` sets by default (its `flags` option can turn them off).
    pub found_rows: bool,
    pub ignore_space: bool,
    /// Test-only: panic when command number n + 1 starts (armed by an env var, see connection.rs).
    pub test_panic_after: Option<u32>,
}

/// `connection.pause()` / `resume()`: while closed, a running query reads no more rows from the
/// socket, so backpressure reaches the server through TCP.
#[derive(Default)]
pub struct FlowGate {
    paused: std::sync::atomic::AtomicBool,
    resumed: Notify,
}

impl FlowGate {
    pub fn set_paused(&self, paused: bool) {
        self.paused
            .store(paused, std::sync::atomic::Ordering::SeqCst);
        if !paused {
            self.resumed.notify_waiters();
        }
    }

    async fn wait_open(&self) {
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
    pub const NONE: u32 = 0;
    pub const ACTIVE: u32 = 1;
    /// Lost with the connection: statements fail with TRANSACTION_LOST until a rollback.
    pub const LOST: u32 = 2;

    pub fn get(&self) -> u32 {
        self.0.load(std::sync::atomic::Ordering::SeqCst)
    }

    fn set(&self, in_transaction: bool, lost: bool) {
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

/// The shared half: JavaScript's handle sends commands and can destroy the session at once.
pub struct SessionHandle {
    commands: mpsc::UnboundedSender<Command>,
    destroyed: Arc<Notify>,
    early_end: Arc<EarlyEnd>,
    pub flow: Arc<FlowGate>,
    pub transaction: Arc<TransactionFlag>,
    /// Where JavaScript feeds the stream of a LOCAL INFILE file it serves.
    pub infile_feed: Feed,
}

/// `end()` before any command that needs the server: a first connect still waiting for a server
/// that never answered is abandoned at once instead of after `connectTimeout` (a pool or ORM
/// closing a connection it gave up on). `connect(); query(); end()` still connects and runs.
#[derive(Default)]
struct EarlyEnd {
    notify: Notify,
    work_sent: std::sync::atomic::AtomicBool,
}

impl EarlyEnd {
    fn note(&self, request: &Request) {
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

enum Exit {
    Ended,
    Destroyed,
    GaveUp(ErrorInfo),
    /// Every handle was dropped (the JavaScript object was collected).
    Abandoned,
}

enum HookOutcome {
    Done,
    /// The connection was lost while the hook ran: reconnect and run it again.
    Lost(ErrorInfo),
    Failed(ErrorInfo),
}

/// Where a waiting command goes: first in line (it was taken before the loss), or last.
enum QueuePosition {
    Front,
    Back,
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

/// Why a query did not complete.
struct QueryFailure {
    error: mysql_async::Error,
    /// Statement index at which it failed (multi-statement queries).
    index: u32,
    /// Result parts were already handed to JavaScript: never replay.
    emitted: bool,
    timed_out: Option<Duration>,
}

pub struct Session {
    options: SessionOptions,
    sink: Arc<dyn Sink>,
    commands: mpsc::UnboundedReceiver<Command>,
    destroyed: Arc<Notify>,
    early_end: Arc<EarlyEnd>,
    flow: Arc<FlowGate>,
    transaction: Arc<TransactionFlag>,
    queue: VecDeque<Command>,
    conn: Option<Conn>,
    in_flight: Option<u32>,
    last_used: Instant,
    in_transaction: bool,
    transaction_lost: bool,
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
    sent_fields: Vec<FieldInfo>,
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
}

/// A host of the list and whether it is being skipped.
struct HostState {
    address: HostAddress,
    /// What the whole process knows of this host (see `host_gate`).
    gate: Arc<HostGate>,
    denied_until: Option<Instant>,
    /// Why it was last denied: the failover reason and the error.
    denied_for: Option<(&'static str, ErrorInfo)>,
}

/// Failover reasons, as the `failover` event names them.
const REASON_UNAVAILABLE: &str = "unavailable";
const REASON_READ_ONLY: &str = "read-only";
/// A Galera node outside the Primary component (or not synced) refused the statement (1047).
const REASON_NOT_READY: &str = "not-ready";

const MAX_REPLAYED_SETS: usize = 64;
/// How long a first connect may still finish after an early `end()` (see `EarlyEnd`).
const EARLY_END_GRACE: Duration = Duration::from_millis(100);

impl Session {
    pub fn new(options: SessionOptions, sink: Arc<dyn Sink>) -> (Session, SessionHandle) {
        let (sender, receiver) = mpsc::unbounded_channel();
        let destroyed = Arc::new(Notify::new());
        let early_end = Arc::new(EarlyEnd::default());
        let flow = Arc::new(FlowGate::default());
        let transaction = Arc::new(TransactionFlag::default());
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
            queue: VecDeque::new(),
            conn: None,
            in_flight: None,
            last_used: Instant::now(),
            in_transaction: false,
            transaction_lost: false,
            thread_id: None,
            ever_connected: false,
            first_connect_abandoned: false,
            is_mariadb: true,
            wait_timeout: None,
            replay_sets: Vec::new(),
            unrestorable: BTreeSet::new(),
            lost: None,
            hook_round: 0,
            sent_fields: Vec::new(),
            infile_permit: Permit::default(),
            infile_from_js,
            endpoint,
            hosts,
            current_host: 0,
            connected_host: 0,
            failed_host: None,
            refusal_streak: 0,
        };
        let handle = SessionHandle {
            commands: sender,
            destroyed,
            early_end,
            flow,
            transaction,
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
            self.in_flight = Some(command.id);
            let _in_flight = crate::runtime::InFlight::start();
            self.test_panic_hook();
            let step = self.execute(&command).await;
            self.in_flight = None;
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

    /// Test-only: the deliberate panic that proves a panicking session fails its commands.
    fn test_panic_hook(&mut self) {
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
                self.query_command(command.id, sql, *idempotent, *timeout, *infile_from_js)
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

    /// The server closed the idle connection (found at once, as a socket in `mysql` would), or
    /// sent bytes: a ping reads them (an error packet before a close, or a TLS record).
    async fn on_idle_signal(&mut self, signal: IdleSignal) {
        match signal {
            IdleSignal::Closed => self.lose(server_closed()),
            IdleSignal::Data => self.keepalive_ping().await,
        }
    }

    fn keepalive_interval(&self) -> Option<Duration> {
        self.conn.as_ref()?;
        match self.options.keepalive {
            Keepalive::Off => None,
            Keepalive::Every(every) => Some(every),
            Keepalive::Auto => self
                .wait_timeout
                .map(|wait| (wait / 2).clamp(Duration::from_secs(1), Duration::from_secs(300))),
        }
    }

    async fn keepalive_ping(&mut self) {
        if let Err(cause) = self.ping_connection().await {
            self.lose(cause);
        }
    }

    /// Pings the live connection (bounded by the ping timeout); the error is the cause of a loss.
    async fn ping_connection(&mut self) -> Result<(), ErrorInfo> {
        let Some(conn) = self.conn.as_mut() else {
            return Ok(());
        };
        let result = timeout(self.options.ping_timeout, conn.ping()).await;
        self.last_used = Instant::now();
        match result {
            Ok(Ok(())) => Ok(()),
            Ok(Err(err)) => Err(error::from_mysql(&err, &self.endpoint)),
            Err(_) => Err(ErrorInfo::client(
                PING_TIMEOUT_CODE,
                format!(
                    "Ping inactivity timeout after {} ms",
                    self.options.ping_timeout.as_millis()
                ),
            )),
        }
    }

    /// Finds a connection the server closed while it sat idle, before a command is written to it.
    /// Two checks: the socket probe (free: a closed or reset socket is never written to), then a
    /// ping after `pingAfterIdle`, for peers that vanished without closing (a dead host, a cut
    /// link).
    async fn check_alive(&mut self) -> Result<(), ErrorInfo> {
        let Some(conn) = self.conn.as_ref() else {
            return Ok(());
        };
        match conn.idle_signal_now() {
            Some(IdleSignal::Closed) => return Err(server_closed()),
            Some(IdleSignal::Data) => return self.ping_connection().await,
            None => {}
        }
        match self.options.ping_after_idle {
            Some(threshold) if self.last_used.elapsed() >= threshold => {
                self.ping_connection().await
            }
            _ => Ok(()),
        }
    }

    /// The connection is gone: drop it, remember why, and whether a transaction died with it.
    fn lose(&mut self, cause: ErrorInfo) {
        // Parts read before a loss may be dropped (a retry), columns included: send them afresh.
        self.sent_fields.clear();
        if let Some(conn) = self.conn.take() {
            abandon(conn);
        }
        // A host that stopped answering (a ping timed out) is skipped at once; after a close or
        // a reset (KILL, wait_timeout, restart) the same host is tried first.
        if cause.code.as_deref() == Some(PING_TIMEOUT_CODE) {
            self.deny_host(self.current_host, REASON_UNAVAILABLE, cause.clone());
        }
        if self.in_transaction {
            self.set_transaction(false, true);
        }
        // A server error (a read-only refusal, 1047) says the host is up.
        if !cause.is_server() {
            self.hosts[self.current_host]
                .gate
                .suspect(&cause, Instant::now());
        }
        self.lost = Some((Instant::now(), cause.clone()));
        self.sink.send(Message::event(
            kind::DISCONNECT,
            EventInfo {
                thread_id: self.thread_id,
                error: Some(cause),
                ..Default::default()
            },
        ));
    }

    /// Connected, or an error that means giving up. While it retries, commands keep queueing and
    /// those that wait too long fail.
    async fn ensure_connected(&mut self) -> Result<(), ErrorInfo> {
        if self.conn.is_some() {
            return Ok(());
        }
        if self.ever_connected && !self.options.reconnect {
            let cause = self.lost.as_ref().map(|(_, cause)| cause.clone());
            return Err(match cause {
                Some(cause) => ErrorInfo::connection_lost(&cause, OUTCOME_NOT_EXECUTED).fatal(),
                None => ErrorInfo::client("PROTOCOL_CONNECTION_LOST", "Connection lost.").fatal(),
            });
        }
        let started = self
            .lost
            .as_ref()
            .map(|(at, _)| *at)
            .unwrap_or_else(Instant::now);
        let mut last_error = self.lost.as_ref().map(|(_, cause)| cause.clone());
        let mut attempt: u32 = 0;
        loop {
            // `end()` with nothing queued before it: stop reconnecting and close.
            if self.end_is_next() {
                return Ok(());
            }
            attempt += 1;
            let previous_host = self.current_host;
            let count = self.hosts.len();
            // Round from the current host, or from the next one if the current one just failed
            // (so a zero deny period still moves on).
            let start = match self.failed_host {
                Some(failed) if failed == previous_host => (previous_host + 1) % count,
                _ => previous_host,
            };
            let host = policy::choose_host(&self.denied_until(), start, Instant::now());
            let mut delay = Duration::ZERO;
            if self.ever_connected || attempt > 1 {
                // Never connected: as in `mysql`, the first connect fails with the real cause
                // once every host was tried, unless the app asked to wait for the server.
                let first_connect_over = policy::first_connect_over(
                    self.ever_connected,
                    self.options.retry_first_connect,
                    attempt,
                    self.hosts.len(),
                );
                if !self.options.reconnect
                    || first_connect_over
                    || !self.options.budget.allows(attempt, started.elapsed())
                {
                    let cause = last_error.unwrap_or_else(|| {
                        ErrorInfo::client("PROTOCOL_CONNECTION_LOST", "Connection lost.")
                    });
                    return Err(cause.fatal());
                }
                // Moving on to a host that is not denied is immediate, for one pass over the
                // list; retrying a host (or the least recently denied one, when all are) backs
                // off, also across read-only refusals, so nothing spins.
                let first_pass = (attempt - 1).saturating_add(self.refusal_streak) < count as u32;
                let moving_on =
                    first_pass && host != previous_host && !self.is_denied(host, Instant::now());
                delay = if moving_on {
                    Duration::ZERO
                } else {
                    let step = attempt.saturating_add(self.refusal_streak);
                    self.options.backoff.delay(step, rand::random::<f64>())
                };
                self.sink.send(Message::event(
                    kind::RECONNECTING,
                    EventInfo {
                        attempt: Some(attempt),
                        delay: Some(delay.as_secs_f64() * 1000.0),
                        error: last_error.clone(),
                        host: Some(self.hosts[host].address.label()),
                        ..Default::default()
                    },
                ));
            }
            // The first attempt of a fresh connection leaves a startup burst in the channel (as
            // `mysql` queues it); once anything failed, the queue limit and timeout apply.
            let intake = self.lost.is_some() || attempt > 1;
            let result = if self.ever_connected || attempt > 1 {
                let due = Instant::now() + delay;
                match self
                    .retry_when_due(host, due, intake, &mut last_error)
                    .await
                {
                    Some(result) => result,
                    // The host's probe answered for this attempt: it still refuses.
                    None => {
                        let error = last_error.clone().unwrap_or_else(server_closed);
                        self.deny_host(host, REASON_UNAVAILABLE, error);
                        continue;
                    }
                }
            } else {
                self.attempt_connect(host, intake, None).await
            };
            match result {
                Ok(conn) => {
                    self.conn = Some(conn);
                    if self.options.connect_hook {
                        match self.run_connect_hook().await {
                            HookOutcome::Done => {}
                            HookOutcome::Lost(cause) => {
                                last_error = Some(cause);
                                continue;
                            }
                            HookOutcome::Failed(error) => return Err(error),
                        }
                    }
                    self.on_connected(attempt, started);
                    return Ok(());
                }
                Err((error, class)) => {
                    if self.first_connect_abandoned {
                        self.abandon_first_connect(error);
                        return Ok(());
                    }
                    if class == ErrorClass::Fatal || !self.options.reconnect {
                        return Err(error.fatal());
                    }
                    self.deny_host(host, REASON_UNAVAILABLE, error.clone());
                    last_error = Some(error);
                }
            }
        }
    }

    /// A retry of `host`, once it is due (taking in commands meanwhile). While the host refuses
    /// connections, the host's probe decides for every session (see `host_gate`): this session
    /// probes when it is its turn, and a failed probe does not count as its attempt (the backoff
    /// schedule still sets when attempts count and when to give up); when a probe gets in, a
    /// session with work waiting connects at once. None: the attempt fell due while the host
    /// still refused, and the probe's error (in `last_error`) is its outcome.
    async fn retry_when_due(
        &mut self,
        host: usize,
        due: Instant,
        intake: bool,
        last_error: &mut Option<ErrorInfo>,
    ) -> Option<Result<Conn, (ErrorInfo, ErrorClass)>> {
        loop {
            match self.wait_for_turn(host, due).await {
                Turn::Attempt => return Some(self.attempt_connect(host, intake, None).await),
                Turn::Shared(error) => {
                    *last_error = Some(error);
                    return None;
                }
                Turn::Probe(claim) => {
                    let result = self.attempt_connect(host, intake, Some(claim)).await;
                    match &result {
                        Err((error, class))
                            if *class != ErrorClass::Fatal
                                && host_gate::is_refusal(error)
                                && !self.first_connect_abandoned
                                && !self.end_is_next()
                                && Instant::now() < due =>
                        {
                            *last_error = Some(error.clone());
                        }
                        _ => return Some(result),
                    }
                }
            }
        }
    }

    /// Sleeps until `due`, taking new commands into the queue and failing those that waited
    /// longer than the queue timeout or do not fit in the queue; returns earlier with this
    /// session's turn to probe a down host, or when the host came back and work is waiting.
    async fn wait_for_turn(&mut self, host: usize, due: Instant) -> Turn {
        let gate = self.hosts[host].gate.clone();
        let mut changes = gate.subscribe();
        let recoveries_before = changes.borrow_and_update().recoveries;
        let mut intake_open = true;
        loop {
            self.expire_queue();
            if self.end_is_next() {
                return Turn::Attempt;
            }
            let now = Instant::now();
            let state = changes.borrow_and_update().clone();
            let wake = match &state.down {
                Some(down) => {
                    // Only a host seen refusing is probed ahead of the backoff schedule; a
                    // suspect one is probed by the first session whose attempt is due.
                    if down.refused || now >= due {
                        if let Some(claim) = gate.try_probe(now) {
                            return Turn::Probe(claim);
                        }
                    }
                    match (down.probing, now >= due) {
                        // A probe is out: its outcome is this attempt's too.
                        (true, _) => None,
                        (false, true) => return Turn::Shared(down.last_error.clone()),
                        (false, false) if down.refused => Some(due.min(down.next_probe)),
                        (false, false) => Some(due),
                    }
                }
                None => {
                    let recovered = state.recoveries != recoveries_before;
                    if now >= due || (recovered && !self.queue.is_empty()) {
                        return Turn::Attempt;
                    }
                    Some(due)
                }
            };
            let wake = match (wake, self.next_queue_expiry()) {
                (Some(wake), Some(expiry)) => Some(wake.min(expiry)),
                (wake, expiry) => wake.or(expiry),
            };
            tokio::select! {
                command = self.commands.recv(), if intake_open => match command {
                    Some(command) => self.enqueue(command, QueuePosition::Back),
                    // Nobody can send any more; the queue still gets its answers.
                    None => intake_open = false,
                },
                // The gates live as long as the process: the sender never goes away.
                _ = changes.changed() => {}
                _ = sleep_until_or_never(wake) => {}
            }
        }
    }

    /// One connect attempt to `host`; what it found is reported to the host's gate (for a probe,
    /// as the probe's outcome).
    async fn attempt_connect(
        &mut self,
        host: usize,
        intake: bool,
        probe: Option<ProbeClaim>,
    ) -> Result<Conn, (ErrorInfo, ErrorClass)> {
        self.set_current_host(host);
        let gate = self.hosts[host].gate.clone();
        gate.note_attempt();
        let result = self.open_connection(intake).await;
        // Abandoned by `end()`: nothing was learnt of the host (a dropped probe hands on).
        if self.first_connect_abandoned {
            return result;
        }
        let outcome = match &result {
            Ok(_) => Outcome::Connected,
            Err((error, _)) => Outcome::of(error),
        };
        let (now, unit) = (Instant::now(), rand::random::<f64>());
        match probe {
            Some(claim) => claim.finish(outcome, now, unit),
            None => gate.report(outcome, now, unit),
        }
        result
    }

    /// An early `end()` abandoned the first connect: the `connect()` callbacks get `error`, and
    /// the `end()` behind them runs next, with no connection to close.
    fn abandon_first_connect(&mut self, error: ErrorInfo) {
        self.first_connect_abandoned = false;
        while let Ok(command) = self.commands.try_recv() {
            self.queue.push_back(command);
        }
        let (connects, rest): (VecDeque<Command>, VecDeque<Command>) =
            std::mem::take(&mut self.queue)
                .into_iter()
                .partition(|command| matches!(command.request, Request::Connect));
        self.queue = rest;
        for command in connects {
            self.reply_failed(command.id, Vec::new(), error.clone());
        }
    }

    fn denied_until(&self) -> Vec<Option<Instant>> {
        self.hosts.iter().map(|host| host.denied_until).collect()
    }

    fn is_denied(&self, index: usize, now: Instant) -> bool {
        self.hosts
            .get(index)
            .and_then(|host| host.denied_until)
            .is_some_and(|until| until > now)
    }

    /// Skips `index` for the deny period while another host can be tried (a single host is
    /// always retried, with the normal backoff).
    fn deny_host(&mut self, index: usize, reason: &'static str, error: ErrorInfo) {
        let until = Instant::now() + self.options.failover_deny;
        if let Some(host) = self.hosts.get_mut(index) {
            host.denied_until = Some(until);
            host.denied_for = Some((reason, error));
            self.failed_host = Some(index);
        }
    }

    fn set_current_host(&mut self, index: usize) {
        if index == self.current_host || index >= self.hosts.len() {
            return;
        }
        self.current_host = index;
        self.endpoint = endpoint_of(&self.options, &self.hosts[index].address);
    }

    /// With several hosts, a read-only refusal or a Galera node that is not ready (1047) means the
    /// session is on the wrong node: the failover reason, if so.
    fn wrong_node_reason(
        &self,
        err: &mysql_async::Error,
        in_transaction: bool,
    ) -> Option<&'static str> {
        if self.hosts.len() < 2 || !self.options.failover_read_only || !self.options.reconnect {
            return None;
        }
        if policy::galera_not_ready(err) {
            return Some(REASON_NOT_READY);
        }
        match policy::read_only_refusal(err) {
            // Inside a transaction, 1792 is what a transaction the application opened
            // READ ONLY gets: its own error, not the node's.
            Some(policy::ER_CANT_EXECUTE_IN_READ_ONLY_TRANSACTION) if in_transaction => None,
            Some(_) => Some(REASON_READ_ONLY),
            None => None,
        }
    }

    /// `end()` is first in line: it needs no connection.
    fn end_is_next(&self) -> bool {
        matches!(
            self.queue.front(),
            Some(Command {
                request: Request::End,
                ..
            })
        )
    }

    /// Puts a command in the queue if it fits (`end()` always does); else it fails at once.
    fn enqueue(&mut self, command: Command, position: QueuePosition) {
        if matches!(command.request, Request::End) || self.queue.len() < self.options.queue_limit {
            match position {
                QueuePosition::Front => self.queue.push_front(command),
                QueuePosition::Back => self.queue.push_back(command),
            }
        } else {
            self.reply_failed(
                command.id,
                Vec::new(),
                queue_full_error(self.options.queue_limit),
            );
        }
    }

    fn next_queue_expiry(&self) -> Option<Instant> {
        let limit = self.options.queue_timeout?;
        self.queue
            .iter()
            .filter(|command| !matches!(command.request, Request::End))
            .map(|command| command.enqueued + limit)
            .min()
    }

    fn expire_queue(&mut self) {
        let Some(limit) = self.options.queue_timeout else {
            return;
        };
        let now = Instant::now();
        let (expired, kept): (Vec<Command>, Vec<Command>) =
            self.queue.drain(..).partition(|command| {
                !matches!(command.request, Request::End) && now >= command.enqueued + limit
            });
        self.queue = kept.into();
        for command in expired {
            let cause = self
                .lost
                .as_ref()
                .map(|(_, cause)| format!(" (last error: {})", cause.describe()))
                .unwrap_or_default();
            let error = ErrorInfo::client(
                "QUEUE_TIMEOUT",
                format!("Waited {} ms for a connection{cause}", limit.as_millis()),
            )
            .with_outcome(OUTCOME_NOT_EXECUTED);
            self.reply_failed(command.id, Vec::new(), error);
        }
    }

    fn connect_opts(&self) -> Opts {
        let address = &self.hosts[self.current_host].address;
        let builder =
            OptsBuilder::default()
                .ip_or_hostname(address.host.clone())
                .tcp_port(address.port)
                .user(self.options.user.clone())
                .pass(self.options.password.clone())
                .db_name(self.current_database.clone())
                // Given 127.0.0.1, mysql_async would otherwise move to the server's unix socket.
                .prefer_socket(false)
                .socket(self.options.socket_path.clone())
                // `mysql` reports found rows, not changed rows, in affectedRows.
                .client_found_rows(self.options.found_rows)
                .client_ignore_space(self.options.ignore_space)
                .stmt_cache_size(0)
                .tcp_nodelay(true)
                .local_infile_handler(self.options.local_infile.then(|| {
                    LocalFiles::new(self.infile_permit.clone(), self.infile_from_js.clone())
                }))
                .ssl_opts(self.options.ssl.clone());
        Opts::from(builder)
    }

    /// One connect attempt, bounded by the connect timeout, with session state restored. With
    /// `intake`, commands that arrive meanwhile are queued, refused past the queue limit and
    /// expired past the queue timeout, exactly as between attempts: an attempt into a dead network
    /// takes the whole connect timeout.
    async fn open_connection(&mut self, intake: bool) -> Result<Conn, (ErrorInfo, ErrorClass)> {
        let attempt = connect(ConnectPlan {
            opts: self.connect_opts(),
            connect_timeout: self.options.connect_timeout,
            restore: self.restore_statements(),
            keepalive_auto: self.options.keepalive == Keepalive::Auto,
            endpoint: self.endpoint.clone(),
            is_mariadb: self.is_mariadb,
            multiple_statements: self.options.multiple_statements,
        });
        tokio::pin!(attempt);
        let early_end = self.early_end.clone();
        let started = Instant::now();
        // Set by an early `end()`: the attempt may still finish until then (a server that
        // answers does so within milliseconds), else it is abandoned.
        let mut end_deadline: Option<Instant> = None;
        let (conn, wait_timeout) = loop {
            self.expire_queue();
            let next_expiry = self.next_queue_expiry();
            tokio::select! {
                result = &mut attempt => break result?,
                _ = early_end.notify.notified(), if !self.ever_connected && end_deadline.is_none() => {
                    end_deadline = Some(started + EARLY_END_GRACE);
                }
                _ = sleep_until_or_never(end_deadline) => {
                    self.first_connect_abandoned = true;
                    let error = ErrorInfo::client(
                        "PROTOCOL_CONNECTION_LOST",
                        "Connection ended (end()) before the server answered the connect.",
                    );
                    return Err((error, ErrorClass::Fatal));
                }
                // None: nobody can send any more; the branch just sleeps for this round.
                Some(command) = self.commands.recv(), if intake => {
                    self.enqueue(command, QueuePosition::Back)
                }
                _ = sleep_until_or_never(next_expiry) => {}
            }
        };
        self.wait_timeout = wait_timeout;
        Ok(conn)
    }

    /// What runs on every new connection: charset and `onConnect`, then replayed session SETs.
    fn restore_statements(&self) -> Vec<String> {
        self.options
            .init_statements
            .iter()
            .chain(self.replay_sets.iter())
            .cloned()
            .collect()
    }

    /// Runs the JavaScript `onConnect` function: only its own commands run until it answers;
    /// everything else waits in the queue.
    async fn run_connect_hook(&mut self) -> HookOutcome {
        self.hook_round = self.hook_round.wrapping_add(1);
        self.sink.send(Message::event(
            kind::CONNECT_HOOK,
            EventInfo {
                thread_id: self.conn.as_ref().map(Conn::id),
                attempt: Some(self.hook_round),
                ..Default::default()
            },
        ));
        loop {
            let Some(command) = self.commands.recv().await else {
                return HookOutcome::Failed(
                    ErrorInfo::client(
                        "PROTOCOL_ENQUEUE_AFTER_DESTROY",
                        "The connection was dropped.",
                    )
                    .fatal(),
                );
            };
            match command.request {
                Request::HookDone { round, error } if round == self.hook_round => {
                    return match error {
                        None => HookOutcome::Done,
                        Some(message) => HookOutcome::Failed(
                            ErrorInfo::client(
                                "ER_ON_CONNECT",
                                format!("onConnect failed: {message}"),
                            )
                            .fatal(),
                        ),
                    };
                }
                Request::HookDone { .. } => {}
                _ if command.during_hook => {
                    let step = match &command.request {
                        Request::Query { .. } | Request::Ping => self.execute(&command).await,
                        _ => {
                            let error = ErrorInfo::client(
                                "ER_ON_CONNECT",
                                "Only queries and pings can run inside onConnect.",
                            )
                            .with_outcome(OUTCOME_NOT_EXECUTED);
                            self.reply_failed(command.id, Vec::new(), error);
                            Step::Done
                        }
                    };
                    if let Step::GaveUp(error) = step {
                        return HookOutcome::Failed(error);
                    }
                    if let Step::Retry = step {
                        let cause = self.lost_cause();
                        self.reply_failed(
                            command.id,
                            Vec::new(),
                            ErrorInfo::connection_lost(&cause, OUTCOME_NOT_EXECUTED),
                        );
                    }
                    if self.conn.is_none() {
                        return HookOutcome::Lost(self.lost_cause());
                    }
                }
                _ => self.enqueue(command, QueuePosition::Back),
            }
        }
    }

    fn lost_cause(&self) -> ErrorInfo {
        self.lost
            .as_ref()
            .map(|(_, cause)| cause.clone())
            .unwrap_or_else(server_closed)
    }

    fn on_connected(&mut self, attempts: u32, started: Instant) {
        let Some(conn) = self.conn.as_ref() else {
            return;
        };
        let previous_thread_id = self.thread_id;
        self.thread_id = Some(conn.id());
        let host = self.hosts[self.current_host].address.label();
        let previous_host = self.hosts[self.connected_host].address.label();
        if self.current_host != self.connected_host {
            let (reason, error) = match &self.hosts[self.connected_host].denied_for {
                Some((reason, error)) => (*reason, Some(error.clone())),
                None => (REASON_UNAVAILABLE, None),
            };
            self.sink.send(Message::event(
                kind::FAILOVER,
                EventInfo {
                    host: Some(host.clone()),
                    previous_host: Some(previous_host.clone()),
                    reason: Some(reason.to_string()),
                    error,
                    ..Default::default()
                },
            ));
            self.connected_host = self.current_host;
        }
        self.failed_host = None;
        // MariaDB reports 10.x and 11.x; MySQL went from 5.7 to 8 and 9.
        self.is_mariadb = conn.server_version().0 >= 10;
        self.last_used = Instant::now();
        self.set_transaction(false, self.transaction_lost);
        let lost = self.lost.take();
        if self.ever_connected {
            let lost_state: Vec<String> = std::mem::take(&mut self.unrestorable)
                .into_iter()
                .map(String::from)
                .collect();
            self.sink.send(Message::event(
                kind::RECONNECT,
                EventInfo {
                    thread_id: self.thread_id,
                    previous_thread_id,
                    attempts: Some(attempts),
                    downtime: Some(
                        lost.map(|(at, _)| at.elapsed())
                            .unwrap_or_else(|| started.elapsed())
                            .as_secs_f64()
                            * 1000.0,
                    ),
                    lost_state: (!lost_state.is_empty()).then_some(lost_state),
                    host: Some(host),
                    previous_host: Some(previous_host),
                    ..Default::default()
                },
            ));
        } else {
            self.ever_connected = true;
            self.sink.send(Message::event(
                kind::CONNECT,
                EventInfo {
                    thread_id: self.thread_id,
                    host: Some(host),
                    ..Default::default()
                },
            ));
        }
    }

    async fn statistics_command(&mut self, id: u32) -> Step {
        if let Err(cause) = self.check_alive().await {
            self.lose(cause);
            return Step::Retry;
        }
        let Some(conn) = self.conn.as_mut() else {
            return Step::Retry;
        };
        let result = conn.statistics().await;
        self.last_used = Instant::now();
        match result {
            Ok(text) => {
                let mut reply = Message::reply(kind::DONE, id, Vec::new(), None);
                reply.text = Some(text);
                self.sink.send(reply);
                Step::Done
            }
            Err(err) => {
                let cause = error::from_mysql(&err, &self.endpoint);
                if policy::classify_statement(&err, self.is_mariadb) == ErrorClass::Statement {
                    self.reply_failed(id, Vec::new(), cause);
                    Step::Done
                } else {
                    // Statistics are safe to ask again.
                    self.lose(cause);
                    Step::Retry
                }
            }
        }
    }

    /// COM_RESET_CONNECTION (a pool's reset on release): the server drops user variables,
    /// temporary tables, locks, prepared statements and session variables and rolls back; the
    /// init statements then run again, and nothing of the old session is replayed or reported
    /// after a later reconnect. Safe to repeat, so a loss just means reset the new connection.
    async fn reset_command(&mut self, id: u32) -> Step {
        self.replay_sets.clear();
        self.unrestorable.clear();
        self.set_transaction(false, false);
        if let Err(cause) = self.check_alive().await {
            self.lose(cause);
            return Step::Retry;
        }
        let Some(conn) = self.conn.as_mut() else {
            return Step::Retry;
        };
        let restore = self.options.init_statements.clone();
        let database = self.current_database.clone();
        let multiple_statements = self.options.multiple_statements;
        let result = async {
            if !conn.reset().await? {
                // Servers before MySQL 5.7.3 / MariaDB 10.2.4: a change to the same user resets too.
                conn.change_user(ChangeUserOpts::default().with_db_name(database))
                    .await?;
            }
            // Set again after the reset, as on a new connection: stacked queries stay refused.
            if !multiple_statements {
                conn.set_multi_statements(false).await?;
            }
            for sql in &restore {
                conn.query_drop(sql.as_str()).await?;
            }
            Ok::<_, mysql_async::Error>(())
        }
        .await;
        self.last_used = Instant::now();
        if let Err(err) = result {
            let cause = error::from_mysql(&err, &self.endpoint);
            if policy::classify_statement(&err, self.is_mariadb) == ErrorClass::Statement {
                self.reply_failed(id, Vec::new(), cause);
                return Step::Done;
            }
            self.lose(cause);
            return Step::Retry;
        }
        if self.options.connect_hook {
            // Boxed: the hook's own commands run through execute(), which can reach this again.
            match Box::pin(self.run_connect_hook()).await {
                HookOutcome::Done => {}
                HookOutcome::Lost(_) => return Step::Retry,
                HookOutcome::Failed(error) => return Step::GaveUp(error),
            }
        }
        self.reply_done(id, Vec::new());
        Step::Done
    }

    async fn ping_command(&mut self, id: u32) -> Step {
        // A ping is safe to repeat: a loss just means ping the new connection.
        match self.ping_connection().await {
            Ok(()) => {
                self.reply_done(id, Vec::new());
                Step::Done
            }
            Err(cause) => {
                self.lose(cause);
                Step::Retry
            }
        }
    }

    async fn query_command(
        &mut self,
        id: u32,
        sql: &str,
        idempotent: bool,
        query_timeout: Option<Duration>,
        infile_from_js: bool,
    ) -> Step {
        if let Err(cause) = self.check_alive().await {
            self.lose(cause);
            return Step::Retry;
        }
        if let Some(conn) = self.conn.as_ref() {
            // COM_QUERY is one byte and the SQL. mysql_async would refuse a bigger packet only
            // after dropping the stream; refused here, it costs nothing and is provably unsent.
            if sql.len() + 1 > conn.max_allowed_packet() {
                self.reply_failed(
                    id,
                    Vec::new(),
                    error::packet_too_large().with_outcome(OUTCOME_NOT_EXECUTED),
                );
                return Step::Done;
            }
        }
        if self.transaction_lost {
            if statement::is_rollback(sql) {
                self.set_transaction(false, false);
            } else {
                self.reply_failed(id, Vec::new(), transaction_lost_error());
                return Step::Done;
            }
        }
        let was_in_transaction = self.in_transaction;
        let mut parts = Vec::new();
        let result = self
            .run_query(id, sql, query_timeout, infile_from_js, &mut parts)
            .await;
        self.last_used = Instant::now();
        let failure = match result {
            Ok(()) => {
                self.refusal_streak = 0;
                self.after_statement(sql);
                self.track_transaction();
                self.reply_done(id, parts);
                return Step::Done;
            }
            Err(failure) => failure,
        };
        let class = policy::classify_statement(&failure.error, self.is_mariadb);
        let cause = error::from_mysql(&failure.error, &self.endpoint);
        if failure.timed_out.is_none() && class == ErrorClass::Statement {
            self.track_transaction();
            let in_transaction = was_in_transaction || self.in_transaction;
            if let Some(reason) = self.wrong_node_reason(&failure.error, in_transaction) {
                return self.leave_refusing_node(
                    id,
                    reason,
                    cause,
                    parts,
                    &failure,
                    in_transaction,
                );
            }
            self.refusal_streak = 0;
            let mut error = cause;
            error.fatal = false;
            // The parts of the statements that ran; `index` tells JavaScript which one failed.
            // A LOAD DATA LOCAL whose file failed has none: the statement itself finished (as
            // `mysql`'s load error, the callback gets its OK packet as for a success).
            let mut reply = Message::reply(kind::FAILED, id, parts, Some(error));
            if !is_local_file_failure(&failure.error) {
                reply.index = Some(failure.index);
            }
            self.sink.send(reply);
            return Step::Done;
        }
        // The connection is gone (or abandoned after a timeout).
        let not_sent = failure.timed_out.is_none()
            && !failure.emitted
            && (policy::proves_not_sent(&failure.error)
                || matches!(
                    failure.error,
                    mysql_async::Error::Driver(mysql_async::DriverError::ConnectionClosed)
                ));
        let opens_transaction = statement::starts_transaction(sql);
        if opens_transaction && !not_sent {
            // It may have run: a transaction may have been open on the lost connection, so what
            // the application queued behind it must not run in autocommit.
            self.in_transaction = true;
        }
        self.lose(cause.clone());
        if not_sent {
            return Step::Retry;
        }
        let replay = idempotent
            && failure.timed_out.is_none()
            && !failure.emitted
            && !was_in_transaction
            && !opens_transaction
            && !statement::is_commit(sql);
        if replay {
            return Step::Retry;
        }
        let error = match failure.timed_out {
            Some(limit) => {
                let mut error =
                    ErrorInfo::client("PROTOCOL_SEQUENCE_TIMEOUT", "Query inactivity timeout")
                        .with_outcome(OUTCOME_UNKNOWN);
                error.timeout = u32::try_from(limit.as_millis()).ok();
                error
            }
            // A reply that broke the protocol says so (the connection is replaced all the same).
            None if cause.is_protocol_violation() => cause.with_outcome(OUTCOME_UNKNOWN),
            None => ErrorInfo::connection_lost(&cause, OUTCOME_UNKNOWN),
        };
        self.reply_failed(id, parts, error);
        Step::Done
    }

    /// The server refused a statement because it is read-only (or, in a Galera cluster, not in
    /// the Primary component): the statement did not run. The host is denied and the session moves to the next one. In autocommit the statement is sent
    /// again there (it never ran, so it cannot run twice; it waits like a queued command, bounded
    /// by the queue timeout). Inside a transaction it fails, and the transaction is lost: its
    /// earlier statements ran on the read-only node, which rolls them back when the connection
    /// closes.
    fn leave_refusing_node(
        &mut self,
        id: u32,
        reason: &'static str,
        cause: ErrorInfo,
        parts: Vec<ResultPart>,
        failure: &QueryFailure,
        in_transaction: bool,
    ) -> Step {
        self.deny_host(self.current_host, reason, cause.clone());
        self.refusal_streak = self.refusal_streak.saturating_add(1);
        self.in_transaction = in_transaction;
        self.lose(cause.clone());
        let nothing_ran = failure.index == 0 && parts.is_empty() && !failure.emitted;
        if nothing_ran && !in_transaction {
            return Step::Retry;
        }
        let mut error = cause;
        error.fatal = false;
        if nothing_ran {
            error.outcome = Some(OUTCOME_NOT_EXECUTED.to_string());
        }
        let mut reply = Message::reply(kind::FAILED, id, parts, Some(error));
        reply.index = Some(failure.index);
        self.sink.send(reply);
        Step::Done
    }

    /// Runs one text query, handing large row sets to JavaScript in chunks as they arrive.
    async fn run_query(
        &mut self,
        id: u32,
        sql: &str,
        query_timeout: Option<Duration>,
        infile_from_js: bool,
        parts: &mut Vec<ResultPart>,
    ) -> Result<(), QueryFailure> {
        let Some(conn) = self.conn.as_mut() else {
            return Err(QueryFailure {
                error: mysql_async::DriverError::ConnectionClosed.into(),
                index: 0,
                emitted: false,
                timed_out: None,
            });
        };
        let sink = self.sink.clone();
        let flow = self.flow.clone();
        let outlet = Outlet {
            id,
            sink: sink.as_ref(),
            flow: flow.as_ref(),
        };
        let mut progress = Progress {
            parts,
            sent_fields: &mut self.sent_fields,
            index: 0,
            emitted: false,
        };
        // Only the application's own statement may have the server read a local file.
        self.infile_permit.arm_for(id, sql, infile_from_js);
        let work = stream_results(conn, sql, &outlet, &mut progress);
        let result = match query_timeout {
            Some(limit) => match timeout(limit, work).await {
                Ok(result) => result.map_err(|error| (error, None)),
                Err(_) => Err((
                    mysql_async::DriverError::ConnectionClosed.into(),
                    Some(limit),
                )),
            },
            None => work.await.map_err(|error| (error, None)),
        };
        self.infile_permit.disarm();
        result.map_err(|(error, timed_out)| QueryFailure {
            error,
            index: progress.index,
            emitted: progress.emitted,
            timed_out,
        })
    }

    /// Tracks the transaction state from the last OK packet of the command.
    fn track_transaction(&mut self) {
        let status = self
            .conn
            .as_ref()
            .and_then(|conn| conn.last_ok_packet())
            .map(|ok| ok.status_flags());
        if let Some(status) = status {
            self.set_transaction(status.contains(StatusFlags::SERVER_STATUS_IN_TRANS), false);
        }
    }

    fn set_transaction(&mut self, in_transaction: bool, lost: bool) {
        self.in_transaction = in_transaction;
        self.transaction_lost = lost;
        self.transaction.set(in_transaction, lost);
    }

    /// Tracks what a statement did to the session, for restoring it after a reconnect.
    fn after_statement(&mut self, sql: &str) {
        match statement::session_effect(sql) {
            SessionEffect::None => {}
            SessionEffect::UseDatabase(database) => self.current_database = Some(database),
            SessionEffect::ReplayableSet => {
                let sql = sql.trim().trim_end_matches(';').to_string();
                self.replay_sets.retain(|known| *known != sql);
                if self.replay_sets.len() >= MAX_REPLAYED_SETS {
                    self.replay_sets.remove(0);
                }
                self.replay_sets.push(sql);
            }
            SessionEffect::Unrestorable(what) => {
                self.unrestorable.insert(what);
            }
        }
    }

    async fn change_user_command(
        &mut self,
        id: u32,
        user: &Option<String>,
        password: &Option<String>,
        database: &Option<String>,
        init_statements: &[String],
    ) -> Step {
        if let Err(cause) = self.check_alive().await {
            self.lose(cause);
            return Step::Retry;
        }
        let Some(conn) = self.conn.as_mut() else {
            return Step::Retry;
        };
        let opts = ChangeUserOpts::default()
            .with_user(user.clone())
            .with_pass(password.clone())
            .with_db_name(database.clone());
        let result = async {
            conn.change_user(opts).await?;
            for sql in init_statements {
                conn.query_drop(sql.as_str()).await?;
            }
            Ok::<_, mysql_async::Error>(conn.id())
        }
        .await;
        self.last_used = Instant::now();
        match result {
            Ok(thread_id) => {
                // The new identity is what every reconnect uses from now on.
                self.options.user = user.clone();
                self.options.password = password.clone();
                self.current_database = database.clone();
                self.options.init_statements = init_statements.to_vec();
                self.replay_sets.clear();
                self.unrestorable.clear();
                self.set_transaction(false, false);
                self.thread_id = Some(thread_id);
                self.reply_done(id, Vec::new());
                Step::Done
            }
            // As in `mysql`, a failed change of user is fatal for the connection.
            Err(err) => Step::GaveUp(error::from_mysql(&err, &self.endpoint).fatal()),
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
        if let (Some(id), Some(error)) = (self.in_flight.take(), in_flight_error) {
            self.reply_failed(id, Vec::new(), error);
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
            self.sink.send(Message {
                kind: kind::GAVE_UP,
                id: 0,
                parts: None,
                error: Some(error),
                index: None,
                text: None,
                event: None,
            });
        }
        self.sink
            .send(Message::event(kind::CLOSED, EventInfo::default()));
    }

    fn reply_done(&self, id: u32, parts: Vec<ResultPart>) {
        self.sink.send(Message::reply(kind::DONE, id, parts, None));
    }

    fn reply_failed(&self, id: u32, parts: Vec<ResultPart>, error: ErrorInfo) {
        self.sink
            .send(Message::reply(kind::FAILED, id, parts, Some(error)));
    }
}

const PING_TIMEOUT_CODE: &str = "PROTOCOL_SEQUENCE_TIMEOUT";

/// Where socket errors say the client was connecting to.
fn endpoint_of(options: &SessionOptions, address: &HostAddress) -> Endpoint {
    match &options.socket_path {
        Some(path) => Endpoint {
            address: path.clone(),
            port: None,
        },
        None => Endpoint {
            address: address.host.clone(),
            port: Some(address.port),
        },
    }
}

/// The gate of a host: the socket path, when connecting through one, else `host:port`.
fn gate_key(options: &SessionOptions, address: &HostAddress) -> String {
    match &options.socket_path {
        Some(path) => path.clone(),
        None => address.label(),
    }
}

/// What a session waiting to retry a host does next (see `Session::wait_for_turn`).
enum Turn {
    /// Connect now: the attempt is due, or the host came back with work waiting.
    Attempt,
    /// Connect now, as the probe of a host that refuses.
    Probe(ProbeClaim),
    /// The attempt fell due while the host still refused: the probe's error is its outcome.
    Shared(ErrorInfo),
}

/// A lost connection at connect time is worth retrying like a refused one.
fn connect_class(class: ErrorClass) -> ErrorClass {
    match class {
        ErrorClass::Lost | ErrorClass::Statement => ErrorClass::Transient,
        other => other,
    }
}

fn queue_full_error(limit: usize) -> ErrorInfo {
    ErrorInfo::client(
        "QUEUE_LIMIT_REACHED",
        format!("Queue limit reached: {limit} commands are already waiting for the connection."),
    )
    .with_outcome(OUTCOME_NOT_EXECUTED)
}

fn transaction_lost_error() -> ErrorInfo {
    ErrorInfo::client(
        "TRANSACTION_LOST",
        "The connection was lost inside a transaction, which the server rolled back. \
         Call rollback() (or issue ROLLBACK) before running more statements.",
    )
    .with_outcome(OUTCOME_NOT_EXECUTED)
}

/// Closes a connection without waiting for it: sends COM_QUIT if the socket still takes it, and
/// never drains a pending result from a peer that may not answer.
fn abandon(conn: Conn) {
    if conn.is_disconnected() {
        return;
    }
    crate::runtime::spawn_from_task(async move {
        let _ = timeout(Duration::from_secs(1), conn.disconnect()).await;
    });
}

/// What one connect attempt needs, taken out of the session so that the session can keep taking
/// in commands while it runs.
struct ConnectPlan {
    opts: Opts,
    connect_timeout: Duration,
    /// Charset, `onConnect` statements and replayed session SETs.
    restore: Vec<String>,
    keepalive_auto: bool,
    endpoint: Endpoint,
    is_mariadb: bool,
    multiple_statements: bool,
}

/// Connects and restores the session; with `keepalive: true`, also reads `@@wait_timeout`.
async fn connect(plan: ConnectPlan) -> Result<(Conn, Option<Duration>), (ErrorInfo, ErrorClass)> {
    let timeout_error = || {
        let mut error = ErrorInfo::client("ETIMEDOUT", "connect ETIMEDOUT");
        error.syscall = Some("connect".into());
        error.errno = Some(-110);
        (error, ErrorClass::Transient)
    };
    let deadline = Instant::now() + plan.connect_timeout;
    let mut conn = match timeout(plan.connect_timeout, Conn::new(plan.opts)).await {
        Ok(Ok(conn)) => conn,
        Ok(Err(err)) => {
            let class = policy::classify(&err, plan.is_mariadb);
            return Err((
                error::from_mysql(&err, &plan.endpoint),
                connect_class(class),
            ));
        }
        Err(_) => return Err(timeout_error()),
    };
    let setup = async {
        if !plan.multiple_statements {
            conn.set_multi_statements(false).await?;
        }
        for sql in &plan.restore {
            conn.query_drop(sql.as_str()).await?;
        }
        let wait_timeout = if plan.keepalive_auto {
            conn.query_first::<u64, _>("SELECT @@wait_timeout").await?
        } else {
            None
        };
        Ok::<_, mysql_async::Error>(wait_timeout)
    };
    match timeout_at(deadline, setup).await {
        Ok(Ok(wait_timeout)) => Ok((conn, wait_timeout.map(Duration::from_secs))),
        Ok(Err(err)) => {
            let class = policy::classify(&err, plan.is_mariadb);
            abandon(conn);
            // A statement error in the init statements is a configuration error: retrying
            // cannot fix it.
            let class = match class {
                ErrorClass::Statement => ErrorClass::Fatal,
                other => connect_class(other),
            };
            Err((error::from_mysql(&err, &plan.endpoint), class))
        }
        Err(_) => {
            abandon(conn);
            Err(timeout_error())
        }
    }
}

/// The loss the socket probe finds: the server closed (or reset) the connection.
fn server_closed() -> ErrorInfo {
    ErrorInfo::client(
        "PROTOCOL_CONNECTION_LOST",
        "The server closed the connection.",
    )
}

async fn idle_signal(conn: Option<&Conn>) -> IdleSignal {
    match conn {
        Some(conn) => conn.idle_signal().await,
        None => std::future::pending().await,
    }
}

async fn sleep_until_or_never(at: Option<Instant>) {
    match at {
        Some(at) => sleep_until(at).await,
        None => std::future::pending().await,
    }
}

/// Reads every result set of a text query into parts; row sets larger than a chunk are sent to
/// JavaScript as PARTIAL messages while they arrive.
/// Where the rows of a running query go: JavaScript, as PARTIAL messages, gated by pause().
struct Outlet<'a> {
    id: u32,
    sink: &'a dyn Sink,
    flow: &'a FlowGate,
}

/// How far a query got: its unsent parts, the statement it is at, whether parts were sent.
struct Progress<'a> {
    parts: &'a mut Vec<ResultPart>,
    sent_fields: &'a mut Vec<FieldInfo>,
    index: u32,
    emitted: bool,
}

fn is_local_file_failure(error: &mysql_async::Error) -> bool {
    matches!(
        error,
        mysql_async::Error::Driver(mysql_async::DriverError::LocalInfile(_))
    )
}

/// The connection's last OK packet, in the shape JavaScript gets.
fn last_ok(conn: &Conn) -> OkInfo {
    let (affected_rows, affected_rows_text) = counter(conn.affected_rows());
    let (insert_id, insert_id_text) = counter(conn.last_insert_id().unwrap_or(0));
    OkInfo {
        affected_rows,
        insert_id,
        affected_rows_text,
        insert_id_text,
        server_status: conn
            .last_ok_packet()
            .map_or(0, |ok| u32::from(ok.status_flags().bits())),
        warning_count: u32::from(conn.get_warnings()),
        info: conn.info().into_owned(),
    }
}

async fn stream_results(
    conn: &mut Conn,
    sql: &str,
    outlet: &Outlet<'_>,
    progress: &mut Progress<'_>,
) -> Result<(), mysql_async::Error> {
    let mut result = match conn.query_iter(sql).await {
        Ok(result) => result,
        Err(error) => {
            // As `mysql`: a LOAD DATA LOCAL whose file could not be sent (or was refused) still
            // ends with the server's OK packet, which the callback gets beside the error.
            if is_local_file_failure(&error) {
                progress.parts.push(ok_part(progress.index, last_ok(conn)));
            }
            return Err(error);
        }
    };
    loop {
        match result.columns() {
            Some(columns) if columns.is_empty() => {
                let (affected_rows, affected_rows_text) = counter(result.affected_rows());
                let (insert_id, insert_id_text) = counter(result.last_insert_id().unwrap_or(0));
                let ok = OkInfo {
                    affected_rows,
                    insert_id,
                    affected_rows_text,
                    insert_id_text,
                    server_status: result
                        .ok_status_flags()
                        .map_or(0, |flags| u32::from(flags.bits())),
                    warning_count: u32::from(result.warnings()),
                    info: result.info().into_owned(),
                };
                progress.parts.push(ok_part(progress.index, ok));
                // Moves to the next result set, if any.
                result.next().await?;
            }
            Some(columns) => {
                let mut rows = RowBuffer::new(progress.index, &columns, progress.sent_fields);
                while result
                    .next_raw_rows(|packet| {
                        rows.push_raw(packet)?;
                        Ok(!rows.is_full())
                    })
                    .await?
                {
                    if rows.is_full() {
                        progress.parts.push(rows.take_part());
                        let chunk = std::mem::take(progress.parts);
                        outlet
                            .sink
                            .send(Message::reply(kind::PARTIAL, outlet.id, chunk, None));
                        progress.emitted = true;
                        outlet.flow.wait_open().await;
                    }
                }
                if rows.has_content() {
                    progress.parts.push(rows.take_part());
                }
            }
            None => {
                // Nothing pending, or a statement of a multi-statement query failed: `next()`
                // surfaces that error.
                result.next().await?;
                return Ok(());
            }
        }
        progress.index += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows_part(index: u32) -> ResultPart {
        ResultPart {
            index,
            fields: None,
            same_fields: Some(true),
            rows: 3,
            data: None,
            ascii: Some(true),
            ok: None,
        }
    }

    fn ok_info(affected_rows: u64) -> OkInfo {
        let (affected_rows, affected_rows_text) = counter(affected_rows);
        OkInfo {
            affected_rows,
            affected_rows_text,
            insert_id: 7.0,
            server_status: 2,
            info: "info".into(),
            ..Default::default()
        }
    }

    #[test]
    fn a_reply_of_one_part_is_flat_and_keeps_its_values() {
        let rows = Message::reply(kind::DONE, 5, vec![rows_part(1)], None).into_flat();
        assert!(matches!(
            rows,
            Shaped::Flat(FlatReply {
                kind: kind::DONE,
                id: 5,
                index: 1,
                payload: FlatPayload::Rows {
                    same_fields: Some(true),
                    rows: 3,
                    ascii: Some(true),
                    ..
                },
            })
        ));
        let ok = Message::reply(kind::PARTIAL, 6, vec![ok_part(0, ok_info(2))], None).into_flat();
        assert!(matches!(
            ok,
            Shaped::Flat(FlatReply {
                kind: kind::PARTIAL,
                id: 6,
                index: 0,
                payload: FlatPayload::Ok { server_status: 2, ref info, .. },
            }) if info == "info"
        ));
    }

    #[test]
    fn other_messages_come_back_whole() {
        let with_fields = ResultPart {
            fields: Some(Vec::new()),
            ..rows_part(0)
        };
        let cases = [
            Message::reply(kind::DONE, 1, vec![rows_part(0), rows_part(1)], None),
            Message::reply(kind::DONE, 1, vec![with_fields], None),
            Message::reply(kind::DONE, 1, Vec::new(), None),
            // Beyond 2^53, the exact digits travel as text: the object form carries them.
            Message::reply(kind::DONE, 1, vec![ok_part(0, ok_info(1 << 60))], None),
            Message::reply(kind::FAILED, 1, vec![rows_part(0)], Some(server_closed())),
        ];
        for message in cases {
            let parts = message.parts.as_ref().map_or(0, Vec::len);
            match message.into_flat() {
                Shaped::Flat(_) => {
                    panic!("flattened a message that is not a plain one-part reply")
                }
                Shaped::Whole(back) => assert_eq!(back.parts.as_ref().map_or(0, Vec::len), parts),
            }
        }
    }
}
