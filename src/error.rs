//! Errors as they cross into JavaScript: structured fields in the shape of `mysql`'s error objects.
//!
//! Server errors carry `errno`, `sqlState` and `sqlMessage`; JavaScript derives `code` and `message`
//! from the errno exactly as `mysql` does. Every other error carries its `code` from here.

use std::io::ErrorKind;

use mysql_async::{DriverError, IoError, LocalInfileError};
use mysql_common::proto::codec::error::PacketCodecError;
use napi_derive::napi;

/// What is known about whether a failed command ran on the server.
pub const OUTCOME_UNKNOWN: &str = "unknown";
pub const OUTCOME_NOT_EXECUTED: &str = "not_executed";

#[napi(object)]
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ErrorInfo {
    /// Client-side code (`PROTOCOL_CONNECTION_LOST`, `ECONNREFUSED`, ...); absent for server errors.
    pub code: Option<String>,
    /// Server errno, or the negated OS errno for socket errors (as Node reports them).
    pub errno: Option<i32>,
    pub sql_state: Option<String>,
    pub sql_message: Option<String>,
    /// Message for client-side errors; JavaScript builds server error messages itself.
    pub message: String,
    pub fatal: bool,
    /// `unknown` when the command may have run, `not_executed` when it provably did not.
    pub outcome: Option<String>,
    pub syscall: Option<String>,
    pub address: Option<String>,
    pub port: Option<u32>,
    /// Milliseconds, for `PROTOCOL_SEQUENCE_TIMEOUT`.
    pub timeout: Option<u32>,
}

impl ErrorInfo {
    pub fn client(code: &str, message: impl Into<String>) -> Self {
        ErrorInfo {
            code: Some(code.to_string()),
            message: message.into(),
            ..Default::default()
        }
    }

    pub fn server(errno: u16, sql_state: &str, sql_message: &str) -> Self {
        ErrorInfo {
            errno: Some(errno as i32),
            sql_state: Some(sql_state.to_string()),
            sql_message: Some(sql_message.to_string()),
            message: sql_message.to_string(),
            ..Default::default()
        }
    }

    pub fn with_outcome(mut self, outcome: &str) -> Self {
        self.outcome = Some(outcome.to_string());
        self
    }

    pub fn fatal(mut self) -> Self {
        self.fatal = true;
        self
    }

    /// The reply broke the protocol (see [`PROTOCOL_VIOLATIONS`]).
    pub fn is_protocol_violation(&self) -> bool {
        self.code
            .as_deref()
            .is_some_and(|code| PROTOCOL_VIOLATIONS.contains(&code))
    }

    pub fn is_server(&self) -> bool {
        self.code.is_none() && self.errno.is_some()
    }

    /// The connection was lost under a command: `mysql`'s PROTOCOL_CONNECTION_LOST, keeping the cause.
    pub fn connection_lost(cause: &ErrorInfo, outcome: &str) -> Self {
        let detail = if cause.code.as_deref() == Some("PROTOCOL_CONNECTION_LOST") {
            cause.message.clone()
        } else {
            cause.describe()
        };
        let mut err = ErrorInfo::client(
            "PROTOCOL_CONNECTION_LOST",
            format!("Connection lost: {detail}"),
        )
        .with_outcome(outcome);
        err.fatal = false;
        err
    }

    /// One line for logs and for wrapping: `CODE: message`.
    pub fn describe(&self) -> String {
        match (&self.code, self.errno) {
            (Some(code), _) => format!("{code}: {}", self.message),
            (None, Some(errno)) => format!("{errno}: {}", self.message),
            _ => self.message.clone(),
        }
    }
}

/// Where the client was trying to reach, for socket error fields (`address`, `port`).
#[derive(Clone, Debug, Default)]
pub struct Endpoint {
    pub address: String,
    pub port: Option<u16>,
}

/// The server's own error for a packet above `max_allowed_packet` (what `mysql` reports).
pub fn packet_too_large() -> ErrorInfo {
    ErrorInfo::server(
        1153,
        "08S01",
        "Got a packet bigger than 'max_allowed_packet' bytes",
    )
}

/// Codes for a reply that broke the protocol (a lying or broken server or proxy): the stream can
/// no longer be trusted, and the command may have run.
pub const PROTOCOL_VIOLATIONS: &[&str] = &[
    "PROTOCOL_PACKETS_OUT_OF_ORDER",
    "PROTOCOL_INCORRECT_PACKET",
    "PROTOCOL_UNEXPECTED_PACKET",
];

/// mysql_async's codec error, which it wraps in an I/O error.
fn codec_error(io: &std::io::Error) -> Option<&PacketCodecError> {
    io.get_ref()
        .and_then(|inner| inner.downcast_ref::<PacketCodecError>())
}

fn is_codec_packet_too_large(io: &std::io::Error) -> bool {
    matches!(codec_error(io), Some(PacketCodecError::PacketTooLarge))
}

/// mysql_common could not parse a packet. It reports a packet shorter than its fields say as an
/// UnexpectedEof, as a closed socket ("connection closed"), and other parse failures as
/// InvalidData or Other; none of them carries an OS errno, as a real socket error does.
fn is_parse_failure(io: &std::io::Error) -> bool {
    if io.raw_os_error().is_some() {
        return false;
    }
    match io.kind() {
        ErrorKind::InvalidData | ErrorKind::Other => true,
        ErrorKind::UnexpectedEof => io.get_ref().is_some_and(|inner| {
            let text = inner.to_string();
            text.contains("can't parse") || text.contains("end of buffer")
        }),
        _ => false,
    }
}

/// A reply that is not the protocol: bad sequence ids, a packet that does not parse.
fn protocol_violation(io: &std::io::Error) -> Option<ErrorInfo> {
    let (code, what) = match codec_error(io) {
        Some(PacketCodecError::PacketsOutOfSync) => (
            "PROTOCOL_PACKETS_OUT_OF_ORDER",
            "Packets out of order: the server's reply broke the packet sequence".to_string(),
        ),
        Some(PacketCodecError::BadCompressedPacketHeader) => (
            "PROTOCOL_INCORRECT_PACKET",
            "Bad compressed packet header".to_string(),
        ),
        Some(_) => return None,
        None if is_parse_failure(io) => (
            "PROTOCOL_INCORRECT_PACKET",
            format!("Incorrect packet from the server: {io}"),
        ),
        None => return None,
    };
    Some(ErrorInfo::client(code, what))
}

/// Maps a mysql_async error to the fields `mysql` would give it.
pub fn from_mysql(err: &mysql_async::Error, endpoint: &Endpoint) -> ErrorInfo {
    match err {
        mysql_async::Error::Server(server) => {
            ErrorInfo::server(server.code, &server.state, &server.message)
        }
        mysql_async::Error::Io(IoError::Io(io)) if is_codec_packet_too_large(io) => {
            packet_too_large()
        }
        mysql_async::Error::Driver(DriverError::PacketTooLarge) => packet_too_large(),
        mysql_async::Error::Io(IoError::Io(io)) => {
            protocol_violation(io).unwrap_or_else(|| from_io(io, endpoint))
        }
        mysql_async::Error::Io(IoError::Tls(tls)) => {
            ErrorInfo::client("HANDSHAKE_SSL_ERROR", format!("TLS error: {tls}"))
        }
        mysql_async::Error::Driver(driver) => from_driver(driver),
        mysql_async::Error::Url(url) => ErrorInfo::client("ER_BAD_URL", url.to_string()),
        mysql_async::Error::Other(other) => ErrorInfo::client("ER_CLIENT", other.to_string()),
    }
}

fn from_driver(err: &DriverError) -> ErrorInfo {
    match err {
        DriverError::LocalInfile(LocalInfileError::ReadError(io)) => return from_local_file(io),
        DriverError::LocalInfile(LocalInfileError::NoHandler) => {
            return ErrorInfo::client(
                crate::infile::DISABLED,
                "The server asked for a LOCAL INFILE file while localInfile is false; refused without reading any file",
            )
        }
        _ => {}
    }
    let code = match err {
        DriverError::ConnectionClosed => "PROTOCOL_CONNECTION_LOST",
        DriverError::PacketOutOfOrder => "PROTOCOL_PACKETS_OUT_OF_ORDER",
        DriverError::UnexpectedPacket { .. } | DriverError::CantParseServerVersion { .. } => {
            "PROTOCOL_UNEXPECTED_PACKET"
        }
        DriverError::BadCompressedPacketHeader => "PROTOCOL_BAD_PACKET",
        DriverError::PacketTooLarge => "ER_NET_PACKET_TOO_LARGE",
        DriverError::UnknownAuthPlugin { .. }
        | DriverError::MysqlOldPasswordDisabled
        | DriverError::CleartextPluginDisabled
        | DriverError::InvalidParsecSalt => "ER_AUTH_PLUGIN",
        DriverError::NoClientSslFlagFromServer => "HANDSHAKE_NO_SSL_SUPPORT",
        DriverError::NoKeyFound => "HANDSHAKE_SSL_ERROR",
        DriverError::LocalInfile(_) => "ER_LOCAL_INFILE",
        _ => "ER_CLIENT",
    };
    ErrorInfo::client(code, err.to_string())
}

/// A LOAD DATA LOCAL file that could not be read (Node's fs error fields, as `mysql` reports them).
fn from_local_file(io: &std::io::Error) -> ErrorInfo {
    let message = io.to_string();
    if io
        .get_ref()
        .is_some_and(|inner| inner.is::<crate::infile::Refused>())
    {
        return ErrorInfo::client(crate::infile::REFUSED, message);
    }
    if let Some(failed) = io
        .get_ref()
        .and_then(|inner| inner.downcast_ref::<crate::infile::StreamFailed>())
    {
        return ErrorInfo::client(&failed.code, failed.message.clone());
    }
    let (code, errno) = match io.kind() {
        ErrorKind::NotFound => ("ENOENT", -2),
        ErrorKind::PermissionDenied => ("EACCES", -13),
        _ => ("EIO", -5),
    };
    let mut err = ErrorInfo::client(code, message);
    err.errno = Some(errno);
    err.syscall = Some("open".to_string());
    err
}

fn from_io(io: &std::io::Error, endpoint: &Endpoint) -> ErrorInfo {
    let (code, os_errno) = match io.kind() {
        ErrorKind::ConnectionRefused => ("ECONNREFUSED", 111),
        ErrorKind::ConnectionReset => ("ECONNRESET", 104),
        ErrorKind::ConnectionAborted => ("ECONNABORTED", 103),
        ErrorKind::BrokenPipe => ("EPIPE", 32),
        ErrorKind::TimedOut => ("ETIMEDOUT", 110),
        ErrorKind::HostUnreachable => ("EHOSTUNREACH", 113),
        ErrorKind::NetworkUnreachable => ("ENETUNREACH", 101),
        ErrorKind::AddrNotAvailable => ("EADDRNOTAVAIL", 99),
        ErrorKind::NotFound => ("ENOENT", 2),
        ErrorKind::PermissionDenied => ("EACCES", 13),
        ErrorKind::UnexpectedEof => ("PROTOCOL_CONNECTION_LOST", 0),
        ErrorKind::NotConnected => ("PROTOCOL_CONNECTION_LOST", 0),
        _ if is_dns_failure(io) => ("ENOTFOUND", 0),
        _ => ("ECONNRESET", 0),
    };
    let os_errno = io.raw_os_error().unwrap_or(os_errno);
    let target = match endpoint.port {
        Some(port) => format!("{}:{port}", endpoint.address),
        None => endpoint.address.clone(),
    };
    let message = match code {
        "PROTOCOL_CONNECTION_LOST" => "The server closed the connection.".to_string(),
        "ENOTFOUND" => format!("getaddrinfo ENOTFOUND {}", endpoint.address),
        _ => format!("connect {code} {target}"),
    };
    let mut err = ErrorInfo::client(code, message);
    if os_errno != 0 {
        err.errno = Some(-os_errno);
        err.syscall = Some("connect".to_string());
        err.address = Some(endpoint.address.clone());
        err.port = endpoint.port.map(u32::from);
    }
    err
}

fn is_dns_failure(io: &std::io::Error) -> bool {
    let text = io.to_string();
    text.contains("failed to lookup address") || text.contains("Name or service not known")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn endpoint() -> Endpoint {
        Endpoint {
            address: "127.0.0.1".into(),
            port: Some(3307),
        }
    }

    #[test]
    fn refused_connect_looks_like_node() {
        let io = std::io::Error::from(ErrorKind::ConnectionRefused);
        let err = from_mysql(&mysql_async::Error::Io(IoError::Io(io)), &endpoint());
        assert_eq!(err.code.as_deref(), Some("ECONNREFUSED"));
        assert_eq!(err.errno, Some(-111));
        assert_eq!(err.message, "connect ECONNREFUSED 127.0.0.1:3307");
        assert_eq!(err.port, Some(3307));
    }

    #[test]
    fn codec_packet_too_large_is_the_servers_error() {
        let io = std::io::Error::other(PacketCodecError::PacketTooLarge);
        let err = from_mysql(&mysql_async::Error::Io(IoError::Io(io)), &endpoint());
        assert_eq!(err, packet_too_large());
        assert_eq!(err.errno, Some(1153));
    }

    #[test]
    fn codec_out_of_sync_is_packets_out_of_order() {
        let io = std::io::Error::other(PacketCodecError::PacketsOutOfSync);
        let err = from_mysql(&mysql_async::Error::Io(IoError::Io(io)), &endpoint());
        assert_eq!(err.code.as_deref(), Some("PROTOCOL_PACKETS_OUT_OF_ORDER"));
        assert!(err.is_protocol_violation());
        let io = std::io::Error::new(ErrorKind::InvalidData, "bad column");
        let err = from_mysql(&mysql_async::Error::Io(IoError::Io(io)), &endpoint());
        assert_eq!(err.code.as_deref(), Some("PROTOCOL_INCORRECT_PACKET"));
    }

    #[test]
    fn eof_is_connection_lost() {
        let io = std::io::Error::from(ErrorKind::UnexpectedEof);
        let err = from_mysql(&mysql_async::Error::Io(IoError::Io(io)), &endpoint());
        assert_eq!(err.code.as_deref(), Some("PROTOCOL_CONNECTION_LOST"));
        assert_eq!(err.errno, None);
    }

    #[test]
    fn server_error_keeps_fields_and_leaves_code_to_js() {
        let err = ErrorInfo::server(1064, "42000", "You have an error");
        assert!(err.is_server());
        assert_eq!(err.code, None);
        assert_eq!(err.sql_state.as_deref(), Some("42000"));
    }

    #[test]
    fn connection_lost_wraps_cause_with_outcome() {
        let cause = ErrorInfo::client("ECONNRESET", "read ECONNRESET");
        let lost = ErrorInfo::connection_lost(&cause, OUTCOME_UNKNOWN);
        assert_eq!(lost.code.as_deref(), Some("PROTOCOL_CONNECTION_LOST"));
        assert_eq!(lost.outcome.as_deref(), Some("unknown"));
        assert!(lost.message.contains("ECONNRESET"));
    }
}
