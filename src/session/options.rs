//! What a session is configured with (`SessionOptions`, built from the JS options in
//! `connection.rs`): hosts, reconnect budget and backoff, queue limits, keepalive, TLS.

use super::*;

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
    pub(super) fn label(&self) -> String {
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
    /// Queued text queries are written before the previous replies are read.
    pub pipelining: bool,
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
