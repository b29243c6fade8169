//! The napi class: a handle on one session. Each method puts one command on the session's channel
//! and returns at once; replies and events come back through the `onMessage` callback.

use std::panic::AssertUnwindSafe;
use std::sync::Arc;
use std::time::Duration;

use futures_util::FutureExt;
use napi::bindgen_prelude::{Buffer, Function, FunctionRef, JsValue, ToNapiValue};
use napi::threadsafe_function::{ThreadsafeFunction, ThreadsafeFunctionCallMode};
use napi::{sys, Env, Result};
use napi_derive::napi;

use crate::error::ErrorInfo;
use crate::policy::{Backoff, RetryBudget};
use crate::runtime;
use crate::session::{
    FlatPayload, FlatReply, HostAddress, Keepalive, Message, Request, Session, SessionHandle,
    SessionOptions, Shaped, Sink, TransactionFlag, KINDS,
};

/// Connection options, already validated and defaulted by `lib/config.js`. Times in milliseconds.
#[napi(object)]
pub struct NativeOptions {
    pub host: String,
    pub port: u32,
    /// Failover: the servers in order of preference (`host`/`port` then name the first).
    pub hosts: Option<Vec<NativeHost>>,
    /// Milliseconds a failed host is skipped; default 5000.
    pub failover_deny: Option<u32>,
    /// A read-only refusal (or a Galera node not ready, 1047) moves the session to the next host; default true.
    pub failover_read_only: Option<bool>,
    pub pipelining: Option<bool>,
    pub socket_path: Option<String>,
    pub user: Option<String>,
    pub password: Option<String>,
    pub database: Option<String>,
    pub init_statements: Vec<String>,
    pub connect_timeout: u32,
    pub reconnect: bool,
    /// `reconnect.initial`: a connection never established retries its first connect with the
    /// backoff too (default false: the first failure is final, as in `mysql`).
    pub retry_first_connect: Option<bool>,
    pub backoff_base: u32,
    pub backoff_max: u32,
    /// Absent: unlimited.
    pub max_attempts: Option<u32>,
    pub max_reconnect_time: Option<u32>,
    pub queue_limit: Option<u32>,
    pub queue_timeout: Option<u32>,
    pub ping_after_idle: Option<u32>,
    /// 'off', 'auto' (half of @@wait_timeout) or 'interval' (`keepaliveInterval`).
    pub keepalive: String,
    pub keepalive_interval: Option<u32>,
    pub ping_timeout: u32,
    pub ssl: Option<NativeSsl>,
    pub multiple_statements: bool,
    /// An `onConnect` function is set: the session asks JavaScript to run it on every connect.
    pub connect_hook: bool,
    pub local_infile: bool,
    pub found_rows: bool,
    pub ignore_space: bool,
    /// Test-only (`__panicAfter`): the session task panics when its command number n + 1 starts.
    /// Ignored unless built with the `test-hooks` feature and RECONNECTING_MYSQL_TEST_HOOKS=1, so
    /// no user option can trigger it.
    pub test_panic_after: Option<u32>,
}

#[napi(object)]
pub struct NativeHost {
    pub host: String,
    pub port: u32,
}

fn host_address(host: String, port: u32) -> HostAddress {
    HostAddress {
        host,
        port: u16::try_from(port).unwrap_or(3306),
    }
}

/// The env var that arms the deliberately panicking paths the tests use to prove that no panic
/// crosses into Node.
const TEST_HOOKS_ENV: &str = "RECONNECTING_MYSQL_TEST_HOOKS";

fn test_hooks_enabled() -> bool {
    cfg!(feature = "test-hooks") && std::env::var(TEST_HOOKS_ENV).is_ok_and(|value| value == "1")
}

fn test_hooks_refusal() -> String {
    if cfg!(feature = "test-hooks") {
        format!("test hooks are disabled (set {TEST_HOOKS_ENV}=1)")
    } else {
        "test hooks are not in this build (cargo feature test-hooks)".to_string()
    }
}

/// TLS options in `mysql`'s shape, checked by `lib/config.js`: PEM contents (the key decrypted
/// and in PKCS#8), versions as 'TLSv1.2' / 'TLSv1.3'.
#[napi(object)]
pub struct NativeSsl {
    pub ca: Option<Vec<Buffer>>,
    pub cert: Option<Buffer>,
    pub key: Option<Buffer>,
    pub reject_unauthorized: bool,
    /// The name the server's certificate must carry, when not the host connected to.
    pub servername: Option<String>,
    pub min_version: Option<String>,
    pub max_version: Option<String>,
}

const DEFAULT_FAILOVER_DENY_MS: u32 = 5000;

fn millis(ms: u32) -> Duration {
    Duration::from_millis(u64::from(ms))
}

impl TryFrom<NativeOptions> for SessionOptions {
    type Error = napi::Error;

    fn try_from(options: NativeOptions) -> Result<Self> {
        let keepalive = match (options.keepalive.as_str(), options.keepalive_interval) {
            ("auto", _) => Keepalive::Auto,
            ("interval", Some(every)) if every > 0 => Keepalive::Every(millis(every)),
            _ => Keepalive::Off,
        };
        let hosts = match options.hosts {
            Some(hosts) if !hosts.is_empty() => hosts
                .into_iter()
                .map(|host| host_address(host.host, host.port))
                .collect(),
            _ => vec![host_address(options.host, options.port)],
        };
        Ok(SessionOptions {
            hosts,
            failover_deny: millis(options.failover_deny.unwrap_or(DEFAULT_FAILOVER_DENY_MS)),
            failover_read_only: options.failover_read_only.unwrap_or(true),
            pipelining: options.pipelining.unwrap_or(false),
            socket_path: options.socket_path,
            user: options.user,
            password: options.password,
            database: options.database,
            init_statements: options.init_statements,
            connect_timeout: millis(options.connect_timeout),
            reconnect: options.reconnect,
            retry_first_connect: options.reconnect && options.retry_first_connect.unwrap_or(false),
            backoff: Backoff {
                base: millis(options.backoff_base),
                max: millis(options.backoff_max),
            },
            budget: RetryBudget {
                max_attempts: options.max_attempts,
                max_time: options.max_reconnect_time.map(millis),
            },
            queue_limit: options
                .queue_limit
                .map_or(usize::MAX, |limit| limit as usize),
            queue_timeout: options.queue_timeout.map(millis),
            ping_after_idle: options.ping_after_idle.map(millis),
            keepalive,
            ping_timeout: millis(options.ping_timeout),
            ssl: options.ssl.map(ssl_opts).transpose()?,
            multiple_statements: options.multiple_statements,
            connect_hook: options.connect_hook,
            local_infile: options.local_infile,
            found_rows: options.found_rows,
            ignore_space: options.ignore_space,
            test_panic_after: options.test_panic_after.filter(|_| test_hooks_enabled()),
        })
    }
}

fn tls_version(field: &str, name: Option<String>) -> Result<Option<mysql_async::TlsVersion>> {
    match name.as_deref() {
        None => Ok(None),
        Some("TLSv1.2") => Ok(Some(mysql_async::TlsVersion::Tls12)),
        Some("TLSv1.3") => Ok(Some(mysql_async::TlsVersion::Tls13)),
        Some(other) => Err(napi::Error::new(
            napi::Status::InvalidArg,
            format!("Invalid option ssl.{field}: expected 'TLSv1.2' or 'TLSv1.3', got {other:?}"),
        )),
    }
}

fn ssl_opts(ssl: NativeSsl) -> Result<mysql_async::SslOpts> {
    use mysql_async::ClientIdentity;
    // rejectUnauthorized: false turns off all of verification (chain and name), as in Node.
    let mut opts = mysql_async::SslOpts::default()
        .with_danger_accept_invalid_certs(!ssl.reject_unauthorized)
        .with_danger_skip_domain_validation(!ssl.reject_unauthorized)
        .with_min_tls_version(tls_version("minVersion", ssl.min_version)?)
        .with_max_tls_version(tls_version("maxVersion", ssl.max_version)?);
    if let Some(ca) = ssl.ca {
        // As in Node, a given `ca` replaces the built-in roots rather than adding to them.
        opts = opts
            .with_root_certs(ca.into_iter().map(|pem| pem.to_vec().into()).collect())
            .with_disable_built_in_roots(true);
    }
    if let (Some(cert), Some(key)) = (ssl.cert, ssl.key) {
        opts = opts.with_client_identity(Some(ClientIdentity::new(
            cert.to_vec().into(),
            key.to_vec().into(),
        )));
    }
    if let Some(name) = ssl.servername {
        opts = opts.with_danger_tls_hostname_override(Some(name));
    }
    Ok(opts)
}

/// Delivers messages to JavaScript. The threadsafe function is strong: while the session holds
/// it, Node stays alive, as an open socket keeps it alive in `mysql`. When the session runs on
/// the event loop, messages are called in directly from there instead (`direct`): no wake-up of
/// the loop through the threadsafe function's queue.
struct JsSink {
    tsfn: ThreadsafeFunction<Message, (), Message, napi::Status, false>,
    direct: Option<Arc<FunctionRef<Message, ()>>>,
}

impl Sink for JsSink {
    fn send(&self, message: Message) {
        if let Some(function) = self.direct.as_ref().filter(|_| runtime::delivers_here()) {
            let function = function.clone();
            runtime::post(Box::new(move |env, context| {
                // SAFETY: the runtime calls deliveries on the JS thread of `env`, inside a handle
                // scope, outside any JavaScript.
                unsafe { call_directly(env, context, &function, message) }
            }));
            return;
        }
        self.tsfn
            .call(message, ThreadsafeFunctionCallMode::NonBlocking);
        runtime::note_activity();
    }
}

/// Calls `function(message)` as a callback from the event loop (ticks and microtasks run after).
unsafe fn call_directly(
    env: sys::napi_env,
    context: sys::napi_async_context,
    function: &FunctionRef<Message, ()>,
    message: Message,
) -> sys::napi_status {
    // SAFETY: the caller's contract (JS thread, open handle scope).
    unsafe {
        let js_env = Env::from_raw(env);
        let Ok(callee) = function.borrow_back(&js_env) else {
            return sys::Status::napi_generic_failure;
        };
        let mut arguments = [std::ptr::null_mut(); FLAT_ARGUMENTS];
        let count = match message.into_flat() {
            Shaped::Flat(flat) => flat_arguments(env, flat, &mut arguments),
            Shaped::Whole(message) => Message::to_napi_value(env, message).map(|object| {
                arguments[0] = object;
                1
            }),
        };
        let Ok(count) = count else {
            return sys::Status::napi_generic_failure;
        };
        let mut receiver = std::ptr::null_mut();
        // napi_make_callback wants an object as `this`; the callback ignores it.
        sys::napi_get_global(env, &mut receiver);
        let mut result = std::ptr::null_mut();
        sys::napi_make_callback(
            env,
            context,
            receiver,
            callee.value().value,
            count,
            arguments.as_ptr(),
            &mut result,
        )
    }
}

/// The most arguments a flat reply takes: shape, kind, id, index and five values.
const FLAT_ARGUMENTS: usize = 9;

/// `(shape, kind, id, index, ...)`, as lib/connection.js reads them; absent values are undefined,
/// as absent properties of the object form are.
///
/// # Safety
/// On the JS thread of `env`, inside a handle scope.
unsafe fn flat_arguments(
    env: sys::napi_env,
    flat: FlatReply,
    arguments: &mut [sys::napi_value; FLAT_ARGUMENTS],
) -> Result<usize> {
    // SAFETY: the caller's contract.
    unsafe fn value<T: ToNapiValue>(env: sys::napi_env, value: T) -> Result<sys::napi_value> {
        unsafe { T::to_napi_value(env, value) }
    }
    unsafe fn optional<T: ToNapiValue>(
        env: sys::napi_env,
        value: Option<T>,
    ) -> Result<sys::napi_value> {
        match value {
            Some(value) => unsafe { T::to_napi_value(env, value) },
            None => {
                let mut undefined = std::ptr::null_mut();
                napi::check_status!(unsafe { sys::napi_get_undefined(env, &mut undefined) })?;
                Ok(undefined)
            }
        }
    }
    let FlatReply {
        kind,
        id,
        index,
        payload,
    } = flat;
    unsafe {
        arguments[1] = value(env, kind)?;
        arguments[2] = value(env, id)?;
        arguments[3] = value(env, index)?;
        match payload {
            FlatPayload::Rows {
                same_fields,
                rows,
                data,
                ascii,
            } => {
                arguments[0] = value(env, FlatPayload::ROWS)?;
                arguments[4] = optional(env, same_fields)?;
                arguments[5] = value(env, rows)?;
                arguments[6] = optional(env, data)?;
                arguments[7] = optional(env, ascii)?;
                Ok(8)
            }
            FlatPayload::Ok {
                affected_rows,
                insert_id,
                server_status,
                warning_count,
                info,
            } => {
                arguments[0] = value(env, FlatPayload::OK)?;
                arguments[4] = value(env, affected_rows)?;
                arguments[5] = value(env, insert_id)?;
                arguments[6] = value(env, server_status)?;
                arguments[7] = value(env, warning_count)?;
                arguments[8] = value(env, info)?;
                Ok(9)
            }
        }
    }
}

/// A native session: one connection that heals itself.
#[napi]
pub struct NativeSession {
    handle: SessionHandle,
}

impl NativeSession {
    /// Hands the session a command; on the event loop, the session starts on it at once.
    fn send(&self, id: u32, request: Request, during_hook: bool) -> bool {
        runtime::drive_command(|| self.handle.send(id, request, during_hook))
    }

    /// [`send`](Self::send) without waiting for the reply: JavaScript calls
    /// [`await_reply`](NativeSession::await_reply) once it has done its own work.
    fn send_awaited_later(&self, id: u32, request: Request) -> bool {
        runtime::drive_command_awaited_later(|| self.handle.send(id, request, false))
    }

    /// Hands the session a command queued behind others it has not answered yet: it cannot
    /// be written before them, so the session takes it up on its next run, with the commands
    /// issued with it.
    fn send_behind(&self, id: u32, request: Request) -> bool {
        runtime::drive_later(|| self.handle.send(id, request, false))
    }
}

#[napi]
impl NativeSession {
    /// Starts the session task. It connects when the first command arrives.
    #[napi(constructor, catch_unwind)]
    pub fn new(
        env: Env,
        options: NativeOptions,
        on_message: Function<Message, ()>,
    ) -> Result<Self> {
        let tsfn = on_message
            .build_threadsafe_function::<Message>()
            .callee_handled::<false>()
            .build()?;
        runtime::init(&env).map_err(napi::Error::from_reason)?;
        let direct = if runtime::delivers_here() {
            Some(Arc::new(on_message.create_ref()?))
        } else {
            None
        };
        let sink: Arc<dyn Sink> = Arc::new(JsSink { tsfn, direct });
        let (session, handle) = Session::new(options.try_into()?, sink.clone());
        runtime::spawn(async move {
            if AssertUnwindSafe(session.run())
                .catch_unwind()
                .await
                .is_err()
            {
                // A bug, not a state the caller can fix: say so, and let JavaScript fail what is
                // pending rather than leave callbacks hanging.
                // Nothing is known about the commands it held: any of them may have run.
                let error = ErrorInfo::client(
                    "ER_INTERNAL",
                    "reconnecting-mysql: internal error in the connection task (please report)",
                )
                .with_outcome(crate::error::OUTCOME_UNKNOWN)
                .fatal();
                sink.send(Message::gave_up(error));
                sink.send(Message::closed());
            }
        })
        .map_err(napi::Error::from_reason)?;
        Ok(NativeSession { handle })
    }

    /// Completes once connected. Returns false if the session has closed.
    #[napi(catch_unwind)]
    pub fn connect(&self, id: u32) -> bool {
        self.send(id, Request::Connect, false)
    }

    /// Runs `sql` as a text query. `idempotent`: may be replayed after a loss mid-flight;
    /// `duringHook`: issued by the `onConnect` function, runs before queued commands;
    /// `behind`: the connection has commands not answered yet; `awaitLater`: JavaScript calls
    /// `awaitReply()` after this returns, once it has taken the caller's stack.
    // Flat arguments: an options object would cost JavaScript an allocation per query.
    #[allow(clippy::too_many_arguments)]
    #[napi(catch_unwind)]
    pub fn query(
        &self,
        id: u32,
        sql: String,
        idempotent: bool,
        timeout_ms: Option<u32>,
        during_hook: bool,
        infile_from_js: Option<bool>,
        behind: Option<bool>,
        await_later: Option<bool>,
    ) -> bool {
        let request = Request::Query {
            sql,
            idempotent,
            timeout: timeout_ms.filter(|ms| *ms > 0).map(millis),
            infile_from_js: infile_from_js.unwrap_or(false),
        };
        if behind == Some(true) && !during_hook {
            return self.send_behind(id, request);
        }
        if await_later == Some(true) && !during_hook {
            return self.send_awaited_later(id, request);
        }
        self.send(id, request, during_hook)
    }

    /// Waits briefly for the reply to the command `query(..., awaitLater)` wrote, as `query`
    /// does without the flag (see `Spin`). The reply itself comes from the event loop.
    #[napi(catch_unwind)]
    pub fn await_reply(&self) {
        runtime::await_reply();
    }

    #[napi(catch_unwind)]
    pub fn ping(&self, id: u32, during_hook: bool) -> bool {
        self.send(id, Request::Ping, during_hook)
    }

    /// COM_STATISTICS; the reply carries the server's status line.
    #[napi(catch_unwind)]
    pub fn statistics(&self, id: u32) -> bool {
        self.send(id, Request::Statistics, false)
    }

    /// The `onConnect` function of hook round `round` finished; `error` if it failed.
    #[napi(catch_unwind)]
    pub fn hook_done(&self, round: u32, error: Option<String>) -> bool {
        self.send(0, Request::HookDone { round, error }, true)
    }

    #[napi(catch_unwind)]
    pub fn change_user(
        &self,
        id: u32,
        user: Option<String>,
        password: Option<String>,
        database: Option<String>,
        init_statements: Vec<String>,
    ) -> bool {
        let request = Request::ChangeUser {
            user,
            password,
            database,
            init_statements,
        };
        self.send(id, request, false)
    }

    /// COM_RESET_CONNECTION, then the init statements (and `onConnect`) again.
    #[napi(catch_unwind)]
    pub fn reset(&self, id: u32) -> bool {
        self.send(id, Request::Reset, false)
    }

    /// The transaction state: 0 none, 1 in a transaction, 2 lost with the connection (until a
    /// rollback). Current when a command's callback runs.
    #[napi(catch_unwind)]
    pub fn transaction_state(&self) -> u32 {
        self.handle.transaction.get()
    }

    /// Commands written to the server and not answered yet (`stats().inFlight`).
    #[napi(catch_unwind)]
    pub fn written(&self) -> u32 {
        self.handle.written.get()
    }

    /// A chunk of the LOCAL INFILE file JavaScript serves (after an INFILE message). False: no
    /// transfer waits for it any more; stop reading.
    #[napi(catch_unwind)]
    pub fn infile_data(&self, chunk: Buffer) -> bool {
        runtime::drive(|| self.handle.infile_feed.push(chunk.to_vec()))
    }

    /// The served file is complete, or (`code`, `message`) its stream failed.
    #[napi(catch_unwind)]
    pub fn infile_end(&self, code: Option<String>, message: Option<String>) -> bool {
        let failure =
            message.map(|message| (code.unwrap_or_else(|| "ER_LOCAL_INFILE".into()), message));
        runtime::drive(|| self.handle.infile_feed.end(failure))
    }

    /// Closes gracefully after the commands queued before it.
    #[napi(catch_unwind)]
    pub fn end(&self, id: u32) -> bool {
        self.send(id, Request::End, false)
    }

    /// Stops reading rows of the running query until `resume()` (backpressure to the server).
    #[napi(catch_unwind)]
    pub fn pause(&self) {
        runtime::drive(|| self.handle.flow.set_paused(true));
    }

    #[napi(catch_unwind)]
    pub fn resume(&self) {
        runtime::drive(|| self.handle.flow.set_paused(false));
    }

    /// Closes at once; pending commands fail.
    #[napi(catch_unwind)]
    pub fn destroy(&self) {
        runtime::drive(|| self.handle.destroy());
    }

    /// Test-only: panics inside a napi method, to prove the panic reaches JavaScript as an
    /// Error. Refuses unless built with the `test-hooks` feature and RECONNECTING_MYSQL_TEST_HOOKS=1.
    #[napi(catch_unwind)]
    pub fn test_panic(&self) -> Result<()> {
        #[cfg(feature = "test-hooks")]
        if test_hooks_enabled() {
            panic!("reconnecting-mysql test hook: deliberate panic in a napi method");
        }
        Err(napi::Error::from_reason(test_hooks_refusal()))
    }
}

/// Where this thread's sessions run (`mode`: "loop", "thread", or "none" before the first
/// connection) and, if the event loop could not be used, why. For tests and diagnostics.
#[napi(object)]
pub struct RuntimeInfo {
    pub mode: String,
    pub fallback_reason: Option<String>,
}

#[napi(catch_unwind)]
pub fn runtime_info() -> RuntimeInfo {
    let (mode, fallback_reason) = runtime::mode();
    RuntimeInfo {
        mode: mode.to_string(),
        fallback_reason,
    }
}

/// Connect attempts this process made to a host (`host:port`, or the socket path), counted by
/// every connection on every thread. For tests and diagnostics.
#[napi(catch_unwind)]
pub fn connect_attempts(address: String) -> u32 {
    let attempts = crate::host_gate::gate(&address).attempts();
    u32::try_from(attempts).unwrap_or(u32::MAX)
}

/// The JS<->Rust reply protocol, from its one definition in `session::protocol`:
/// lib/connection.js takes its numbers from here at load.
#[napi(object)]
pub struct Protocol {
    /// Message kinds by name.
    pub kinds: std::collections::HashMap<String, u32>,
    /// The flat reply shapes (`ROWS`, `OK`), and what follows (shape, kind, id, index) in each.
    pub shapes: std::collections::HashMap<String, u32>,
    pub rows_slots: Vec<String>,
    pub ok_slots: Vec<String>,
    /// `transactionState()` values, by value.
    pub transaction_states: Vec<String>,
}

#[napi(catch_unwind)]
pub fn protocol() -> Protocol {
    let names = |list: &[&str]| list.iter().map(|name| name.to_string()).collect();
    Protocol {
        kinds: KINDS
            .iter()
            .map(|(name, value)| (name.to_string(), *value))
            .collect(),
        shapes: [("ROWS", FlatPayload::ROWS), ("OK", FlatPayload::OK)]
            .into_iter()
            .map(|(name, value)| (name.to_string(), value))
            .collect(),
        rows_slots: names(FlatPayload::ROWS_SLOTS),
        ok_slots: names(FlatPayload::OK_SLOTS),
        transaction_states: names(&TransactionFlag::NAMES),
    }
}
