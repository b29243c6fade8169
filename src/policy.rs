//! Error classification and reconnect backoff: pure functions, unit-tested.

use std::io::ErrorKind;
use std::time::{Duration, Instant};

use mysql_async::{DriverError, IoError};

/// What an error means for the connection it happened on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorClass {
    /// The connection is gone (reset, EOF, server shutdown, KILL): reconnect.
    Lost,
    /// Connecting failed for a reason that may pass (refused, timeout, too many connections): retry.
    Transient,
    /// Retrying cannot help (access denied, unknown database, TLS, auth plugin): give up at once.
    Fatal,
    /// An ordinary statement error; the connection is fine.
    Statement,
}

/// Server errnos after which the connection is gone.
const LOST_ERRNOS: &[u16] = &[
    1053, // ER_SERVER_SHUTDOWN
    1927, // ER_CONNECTION_KILLED (MariaDB)
    2006, // CR_SERVER_GONE_ERROR
    2013, // CR_SERVER_LOST
    2055, // CR_SERVER_LOST_EXTENDED
    3169, // ER_SESSION_WAS_KILLED (MySQL)
];
/// ER_CLIENT_INTERACTION_TIMEOUT on MySQL; MariaDB uses 4031 for something else.
const MYSQL_INTERACTION_TIMEOUT: u16 = 4031;
/// Server errnos at connect time that may pass.
const TRANSIENT_ERRNOS: &[u16] = &[
    1040, // ER_CON_COUNT_ERROR
    1042, // ER_BAD_HOST_ERROR
    1203, // ER_TOO_MANY_USER_CONNECTIONS
    1226, // ER_USER_LIMIT_REACHED
];
/// Server errnos at connect time that retrying cannot fix.
const FATAL_ERRNOS: &[u16] = &[
    1044, // ER_DBACCESS_DENIED_ERROR
    1045, // ER_ACCESS_DENIED_ERROR
    1049, // ER_BAD_DB_ERROR
    1129, // ER_HOST_IS_BLOCKED
    1130, // ER_HOST_NOT_PRIVILEGED
    1251, // ER_NOT_SUPPORTED_AUTH_MODE
    1524, // ER_PLUGIN_IS_NOT_LOADED
    1698, // ER_ACCESS_DENIED_NO_PASSWORD_ERROR
];

pub fn classify(err: &mysql_async::Error, is_mariadb: bool) -> ErrorClass {
    match err {
        mysql_async::Error::Server(server) => classify_errno(server.code, is_mariadb),
        mysql_async::Error::Io(IoError::Io(io)) => classify_io(io.kind()),
        mysql_async::Error::Io(IoError::Tls(_)) => ErrorClass::Fatal,
        mysql_async::Error::Driver(driver) => classify_driver(driver),
        mysql_async::Error::Url(_) => ErrorClass::Fatal,
        mysql_async::Error::Other(_) => ErrorClass::Statement,
    }
}

/// The same error from a statement on a live connection: a server error there is the statement's
/// own (even 1044/1045/1049 from `USE` or `CREATE DATABASE`) unless it says the connection is gone.
pub fn classify_statement(err: &mysql_async::Error, is_mariadb: bool) -> ErrorClass {
    match classify(err, is_mariadb) {
        ErrorClass::Lost => ErrorClass::Lost,
        _ if matches!(err, mysql_async::Error::Server(_)) => ErrorClass::Statement,
        ErrorClass::Statement => ErrorClass::Statement,
        // TLS or transient errors in the middle of a session: the stream is gone.
        ErrorClass::Fatal | ErrorClass::Transient => ErrorClass::Lost,
    }
}

pub fn classify_errno(errno: u16, is_mariadb: bool) -> ErrorClass {
    if LOST_ERRNOS.contains(&errno) || (errno == MYSQL_INTERACTION_TIMEOUT && !is_mariadb) {
        ErrorClass::Lost
    } else if TRANSIENT_ERRNOS.contains(&errno) {
        ErrorClass::Transient
    } else if FATAL_ERRNOS.contains(&errno) {
        ErrorClass::Fatal
    } else {
        ErrorClass::Statement
    }
}

fn classify_io(kind: ErrorKind) -> ErrorClass {
    match kind {
        ErrorKind::ConnectionRefused
        | ErrorKind::TimedOut
        | ErrorKind::HostUnreachable
        | ErrorKind::NetworkUnreachable
        | ErrorKind::AddrNotAvailable
        // A unix socket that a restarting server has removed.
        | ErrorKind::NotFound => ErrorClass::Transient,
        _ => ErrorClass::Lost,
    }
}

fn classify_driver(err: &DriverError) -> ErrorClass {
    match err {
        DriverError::UnknownAuthPlugin { .. }
        | DriverError::MysqlOldPasswordDisabled
        | DriverError::CleartextPluginDisabled
        | DriverError::NoClientSslFlagFromServer
        | DriverError::NoKeyFound
        | DriverError::InvalidParsecSalt => ErrorClass::Fatal,
        DriverError::LocalInfile(_)
        | DriverError::PacketTooLarge
        | DriverError::FromValue { .. }
        | DriverError::FromRow { .. }
        | DriverError::Params(_)
        | DriverError::MixedParams
        | DriverError::StmtParamsMismatch { .. }
        | DriverError::StmtParamsNumberExceedsLimit { .. } => ErrorClass::Statement,
        // Closed, out-of-order or unexpected packets: the stream can no longer be trusted.
        _ => ErrorClass::Lost,
    }
}

/// True when the error proves the command never reached the server: the write itself failed
/// on a socket the peer had already reset, so no complete packet was delivered.
pub fn proves_not_sent(err: &mysql_async::Error) -> bool {
    matches!(err, mysql_async::Error::Io(IoError::Io(io)) if io.kind() == ErrorKind::BrokenPipe)
}

/// Server errnos that say "this server takes no writes": a replica, or a primary demoted by a
/// failover. The statement was refused before it ran.
const READ_ONLY_ERRNOS: &[u16] = &[
    1290, // ER_OPTION_PREVENTS_STATEMENT (--read-only)
    1792, // ER_CANT_EXECUTE_IN_READ_ONLY_TRANSACTION
    1836, // ER_READ_ONLY_MODE
];
/// The one of them that a transaction the application opened `READ ONLY` also gets.
pub const ER_CANT_EXECUTE_IN_READ_ONLY_TRANSACTION: u16 = 1792;

/// ER_OPTION_PREVENTS_STATEMENT also names other options (`--secure-file-priv`, ...).
const ER_OPTION_PREVENTS_STATEMENT: u16 = 1290;

/// The errno of a read-only refusal, if `err` is one.
pub fn read_only_refusal(err: &mysql_async::Error) -> Option<u16> {
    match err {
        mysql_async::Error::Server(server) if READ_ONLY_ERRNOS.contains(&server.code) => {
            let names_read_only =
                server.message.contains("read-only") || server.message.contains("read_only");
            (server.code != ER_OPTION_PREVENTS_STATEMENT || names_read_only).then_some(server.code)
        }
        _ => None,
    }
}

/// ER_UNKNOWN_COM_ERROR: what a Galera node that is not in the Primary component, or not yet
/// synced, answers to a statement ("WSREP has not yet prepared node for application use"). It
/// checks this before running anything, so like a read-only refusal it proves the statement did
/// not run. Elsewhere 1047 means an unknown protocol command; the message tells them apart.
pub const ER_UNKNOWN_COM_ERROR: u16 = 1047;

/// True when `err` says the Galera node is not ready for statements (see ER_UNKNOWN_COM_ERROR).
pub fn galera_not_ready(err: &mysql_async::Error) -> bool {
    matches!(err, mysql_async::Error::Server(server)
        if server.code == ER_UNKNOWN_COM_ERROR && server.message.contains("WSREP"))
}

/// Whether a connection that was never established has had its first connect: every host tried
/// once (`attempt` is about to be the next try). Then, as in `mysql`, the last failure is final,
/// unless the app asked to wait for the server (`reconnect.initial`).
pub fn first_connect_over(
    ever_connected: bool,
    retry_first_connect: bool,
    attempt: u32,
    host_count: usize,
) -> bool {
    !ever_connected && !retry_first_connect && attempt as usize > host_count.max(1)
}

/// The host to connect to next, given until when each host is denied: the first one not denied,
/// going round from `from` (itself first); when every host is denied, the one whose deny ends
/// first (retrying beats waiting idle for the deny to pass).
pub fn choose_host(denied_until: &[Option<Instant>], from: usize, now: Instant) -> usize {
    let count = denied_until.len();
    if count == 0 {
        return 0;
    }
    let healthy = (0..count)
        .map(|offset| (from + offset) % count)
        .find(|&index| denied_until[index].is_none_or(|until| until <= now));
    healthy.unwrap_or_else(|| {
        (0..count)
            .min_by_key(|&index| denied_until[index])
            .unwrap_or(0)
    })
}

/// Exponential backoff with full jitter: the first retry is immediate, then a random delay in
/// `[0, min(max, base * 2^(attempt-2))]`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Backoff {
    pub base: Duration,
    pub max: Duration,
}

impl Backoff {
    /// `attempt` counts from 1; `unit` is a uniform random number in [0, 1).
    pub fn delay(&self, attempt: u32, unit: f64) -> Duration {
        if attempt <= 1 {
            return Duration::ZERO;
        }
        let exponent = (attempt - 2).min(30);
        let ceiling = self.base.saturating_mul(1u32 << exponent).min(self.max);
        // `mul_f64` panics on NaN; a broken random source must not take the session down.
        let unit = if unit.is_finite() {
            unit.clamp(0.0, 1.0)
        } else {
            0.0
        };
        // Float rounding can land a nanosecond above the ceiling.
        ceiling.mul_f64(unit).min(ceiling)
    }
}

/// How long and how often to try before giving up.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RetryBudget {
    pub max_attempts: Option<u32>,
    pub max_time: Option<Duration>,
}

impl RetryBudget {
    /// May attempt number `attempt` (from 1) start, `elapsed` after the loss?
    pub fn allows(&self, attempt: u32, elapsed: Duration) -> bool {
        self.max_attempts.is_none_or(|max| attempt <= max)
            && self.max_time.is_none_or(|max| elapsed < max)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn io(kind: ErrorKind) -> mysql_async::Error {
        mysql_async::Error::Io(IoError::Io(std::io::Error::from(kind)))
    }

    fn server_error(code: u16, message: &str, state: &str) -> mysql_async::Error {
        mysql_async::Error::Server(mysql_async::ServerError {
            code,
            message: message.into(),
            state: state.into(),
        })
    }

    #[test]
    fn resets_and_eof_are_losses() {
        for kind in [
            ErrorKind::ConnectionReset,
            ErrorKind::BrokenPipe,
            ErrorKind::UnexpectedEof,
            ErrorKind::ConnectionAborted,
        ] {
            assert_eq!(classify(&io(kind), true), ErrorClass::Lost, "{kind:?}");
        }
        assert_eq!(
            classify(
                &mysql_async::Error::Driver(DriverError::ConnectionClosed),
                true
            ),
            ErrorClass::Lost
        );
    }

    #[test]
    fn refused_is_transient() {
        assert_eq!(
            classify(&io(ErrorKind::ConnectionRefused), true),
            ErrorClass::Transient
        );
        assert_eq!(classify_errno(1040, true), ErrorClass::Transient);
    }

    #[test]
    fn access_denied_and_unknown_database_are_fatal() {
        assert_eq!(classify_errno(1045, true), ErrorClass::Fatal);
        assert_eq!(classify_errno(1049, false), ErrorClass::Fatal);
    }

    #[test]
    fn statement_errors_leave_the_connection_alone() {
        for errno in [1064, 1062, 1213, 1205, 1146] {
            assert_eq!(
                classify_errno(errno, true),
                ErrorClass::Statement,
                "{errno}"
            );
        }
    }

    #[test]
    fn access_errors_from_a_statement_are_the_statements_own() {
        for errno in [1044, 1045, 1049] {
            let err = server_error(errno, "denied", "42000");
            assert_eq!(
                classify_statement(&err, true),
                ErrorClass::Statement,
                "{errno}"
            );
            assert_eq!(
                classify(&err, true),
                ErrorClass::Fatal,
                "{errno} at connect"
            );
        }
        assert_eq!(
            classify_statement(&io(ErrorKind::ConnectionReset), true),
            ErrorClass::Lost
        );
    }

    #[test]
    fn errno_4031_depends_on_flavor() {
        assert_eq!(classify_errno(4031, false), ErrorClass::Lost);
        assert_eq!(classify_errno(4031, true), ErrorClass::Statement);
        assert_eq!(classify_errno(1927, true), ErrorClass::Lost);
    }

    #[test]
    fn only_a_failed_write_proves_not_sent() {
        assert!(proves_not_sent(&io(ErrorKind::BrokenPipe)));
        assert!(!proves_not_sent(&io(ErrorKind::ConnectionReset)));
        assert!(!proves_not_sent(&io(ErrorKind::UnexpectedEof)));
    }

    #[test]
    fn read_only_refusals_are_recognised() {
        let server = |code, message: &str| server_error(code, message, "HY000");
        let read_only = "The MariaDB server is running with the --read-only option so it cannot execute this statement";
        assert_eq!(read_only_refusal(&server(1290, read_only)), Some(1290));
        let file_priv = "The MariaDB server is running with the --secure-file-priv option so it cannot execute this statement";
        assert_eq!(read_only_refusal(&server(1290, file_priv)), None);
        let transaction = "Cannot execute statement in a READ ONLY transaction";
        assert_eq!(read_only_refusal(&server(1792, transaction)), Some(1792));
        assert_eq!(
            read_only_refusal(&server(1836, "Running in read-only mode")),
            Some(1836)
        );
        assert_eq!(read_only_refusal(&server(1062, read_only)), None);
        assert_eq!(read_only_refusal(&io(ErrorKind::ConnectionReset)), None);
    }

    #[test]
    fn galera_non_primary_refusals_are_recognised() {
        let server = |code, message: &str| server_error(code, message, "08S01");
        let not_ready = "WSREP has not yet prepared node for application use";
        assert!(galera_not_ready(&server(1047, not_ready)));
        assert!(!galera_not_ready(&server(1047, "Unknown command")));
        assert!(!galera_not_ready(&server(1290, not_ready)));
        assert!(!galera_not_ready(&io(ErrorKind::ConnectionReset)));
        // A statement error, not a lost connection: the node is up, it just takes no statements.
        assert_eq!(classify_errno(1047, true), ErrorClass::Statement);
    }

    #[test]
    fn a_first_connect_tries_every_host_once_unless_asked_to_wait() {
        // One host: the second try would be a retry.
        assert!(!first_connect_over(false, false, 1, 1));
        assert!(first_connect_over(false, false, 2, 1));
        // Three hosts: each is tried once.
        assert!(!first_connect_over(false, false, 3, 3));
        assert!(first_connect_over(false, false, 4, 3));
        // reconnect.initial, or a connection that was established once: the budget decides.
        assert!(!first_connect_over(false, true, 50, 1));
        assert!(!first_connect_over(true, false, 50, 1));
    }

    #[test]
    fn hosts_are_chosen_round_robin_skipping_denied_ones() {
        let now = Instant::now();
        let later = |ms| Some(now + Duration::from_millis(ms));
        // Nothing denied: stay on the current host.
        assert_eq!(choose_host(&[None, None, None], 1, now), 1);
        // The current host is denied: the next one round from it.
        assert_eq!(choose_host(&[None, later(10), None], 1, now), 2);
        assert_eq!(choose_host(&[None, None, later(10)], 2, now), 0);
        // A deny that has passed no longer counts.
        assert_eq!(choose_host(&[Some(now), later(10), None], 1, now), 2);
        assert_eq!(choose_host(&[Some(now), later(10), later(5)], 1, now), 0);
        // All denied: the one whose deny ends first.
        assert_eq!(choose_host(&[later(30), later(10), later(20)], 0, now), 1);
        // A single host is always chosen.
        assert_eq!(choose_host(&[later(30)], 0, now), 0);
        assert_eq!(choose_host(&[], 0, now), 0);
    }

    #[test]
    fn backoff_starts_immediately_then_grows_and_caps() {
        let backoff = Backoff {
            base: Duration::from_millis(100),
            max: Duration::from_secs(2),
        };
        assert_eq!(backoff.delay(1, 0.99), Duration::ZERO);
        assert_eq!(backoff.delay(2, 1.0), Duration::from_millis(100));
        assert_eq!(backoff.delay(4, 1.0), Duration::from_millis(400));
        assert_eq!(backoff.delay(40, 1.0), Duration::from_secs(2));
        assert_eq!(backoff.delay(3, 0.5), Duration::from_millis(100));
        assert_eq!(backoff.delay(3, 0.0), Duration::ZERO);
    }

    #[test]
    fn budget_counts_attempts_and_time() {
        let budget = RetryBudget {
            max_attempts: Some(3),
            max_time: Some(Duration::from_secs(10)),
        };
        assert!(budget.allows(3, Duration::from_secs(1)));
        assert!(!budget.allows(4, Duration::from_secs(1)));
        assert!(!budget.allows(2, Duration::from_secs(10)));
        let unlimited = RetryBudget {
            max_attempts: None,
            max_time: None,
        };
        assert!(unlimited.allows(u32::MAX, Duration::from_secs(86_400)));
    }
}

/// Property tests: classification is total and backoff stays in bounds for any input.
#[cfg(test)]
mod properties {
    use super::*;
    use proptest::prelude::*;

    const IO_KINDS: &[ErrorKind] = &[
        ErrorKind::NotFound,
        ErrorKind::PermissionDenied,
        ErrorKind::ConnectionRefused,
        ErrorKind::ConnectionReset,
        ErrorKind::HostUnreachable,
        ErrorKind::NetworkUnreachable,
        ErrorKind::ConnectionAborted,
        ErrorKind::NotConnected,
        ErrorKind::AddrInUse,
        ErrorKind::AddrNotAvailable,
        ErrorKind::BrokenPipe,
        ErrorKind::WouldBlock,
        ErrorKind::InvalidInput,
        ErrorKind::InvalidData,
        ErrorKind::TimedOut,
        ErrorKind::WriteZero,
        ErrorKind::Interrupted,
        ErrorKind::Unsupported,
        ErrorKind::UnexpectedEof,
        ErrorKind::OutOfMemory,
        ErrorKind::Other,
    ];

    fn any_error() -> impl Strategy<Value = mysql_async::Error> {
        prop_oneof![
            (any::<u16>(), ".{0,20}", "[0-9A-Z]{5}").prop_map(|(code, message, state)| {
                mysql_async::Error::Server(mysql_async::ServerError {
                    code,
                    message,
                    state,
                })
            }),
            prop::sample::select(IO_KINDS).prop_map(|kind| {
                mysql_async::Error::Io(IoError::Io(std::io::Error::from(kind)))
            }),
            (0u8..14, prop::collection::vec(any::<u8>(), 0..8), ".{0,12}").prop_map(
                |(which, payload, name)| {
                    mysql_async::Error::Driver(match which {
                        0 => DriverError::ConnectionClosed,
                        1 => DriverError::PacketOutOfOrder,
                        2 => DriverError::PacketTooLarge,
                        3 => DriverError::BadCompressedPacketHeader,
                        4 => DriverError::MixedParams,
                        5 => DriverError::NoKeyFound,
                        6 => DriverError::MysqlOldPasswordDisabled,
                        7 => DriverError::CleartextPluginDisabled,
                        8 => DriverError::NoClientSslFlagFromServer,
                        9 => DriverError::UnexpectedPacket { payload },
                        10 => DriverError::UnknownAuthPlugin { name },
                        11 => DriverError::CantParseServerVersion {
                            version_string: name,
                        },
                        12 => DriverError::NestedTransaction,
                        _ => DriverError::InvalidParsecSalt,
                    })
                }
            ),
        ]
    }

    proptest! {
        #[test]
        fn classification_is_total_and_consistent(err in any_error(), is_mariadb in any::<bool>()) {
            let at_connect = classify(&err, is_mariadb);
            let in_session = classify_statement(&err, is_mariadb);
            // Mid-session an error either belongs to the statement or means the link is gone.
            prop_assert!(matches!(in_session, ErrorClass::Statement | ErrorClass::Lost));
            if at_connect == ErrorClass::Lost {
                prop_assert_eq!(in_session, ErrorClass::Lost);
            }
            if let mysql_async::Error::Server(server) = &err {
                prop_assert_eq!(at_connect, classify_errno(server.code, is_mariadb));
            }
            // Only a failed write proves the command was not sent, and that is always a loss.
            if proves_not_sent(&err) {
                prop_assert_eq!(in_session, ErrorClass::Lost);
            }
        }

        #[test]
        fn backoff_stays_within_zero_and_max(
            base_ms in any::<u32>(),
            max_ms in any::<u32>(),
            attempt in any::<u32>(),
            unit in prop_oneof![
                any::<f64>(),
                Just(f64::NAN),
                Just(f64::INFINITY),
                Just(f64::NEG_INFINITY),
                -10.0f64..10.0,
            ],
        ) {
            let backoff = Backoff {
                base: Duration::from_millis(u64::from(base_ms)),
                max: Duration::from_millis(u64::from(max_ms)),
            };
            let delay = backoff.delay(attempt, unit);
            prop_assert!(delay <= backoff.max);
            if attempt <= 1 {
                prop_assert_eq!(delay, Duration::ZERO);
            }
        }

        #[test]
        fn backoff_ceiling_never_shrinks(
            base_ms in 0u32..100_000,
            max_ms in any::<u32>(),
            attempt in 2u32..u32::MAX,
        ) {
            let backoff = Backoff {
                base: Duration::from_millis(u64::from(base_ms)),
                max: Duration::from_millis(u64::from(max_ms)),
            };
            // With the top of the jitter range, the delay is the ceiling itself.
            prop_assert!(backoff.delay(attempt, 1.0) <= backoff.delay(attempt + 1, 1.0));
        }

        #[test]
        fn budget_is_monotonic_and_never_overflows(
            max_attempts in proptest::option::of(any::<u32>()),
            max_time_ms in proptest::option::of(any::<u64>()),
            attempt in any::<u32>(),
            elapsed_ms in any::<u64>(),
        ) {
            let budget = RetryBudget {
                max_attempts,
                max_time: max_time_ms.map(Duration::from_millis),
            };
            let elapsed = Duration::from_millis(elapsed_ms);
            let allowed = budget.allows(attempt, elapsed);
            if allowed {
                // Anything allowed later was allowed earlier, too.
                prop_assert!(budget.allows(attempt.saturating_sub(1), elapsed));
                prop_assert!(budget.allows(attempt, elapsed / 2));
            }
            if max_attempts.is_none() && max_time_ms.is_none() {
                prop_assert!(allowed);
            }
        }
    }
}
