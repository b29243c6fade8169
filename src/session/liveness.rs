//! Whether the live connection is still there: the idle socket watch, keepalive pings, the ping
//! before a command after `pingAfterIdle`, and `lose()`, the one place a connection is dropped.

use super::*;

pub(super) const PING_TIMEOUT_CODE: &str = "PROTOCOL_SEQUENCE_TIMEOUT";

/// The loss the socket probe finds: the server closed (or reset) the connection.
pub(super) fn server_closed() -> ErrorInfo {
    ErrorInfo::client(
        "PROTOCOL_CONNECTION_LOST",
        "The server closed the connection.",
    )
}

pub(super) async fn idle_signal(conn: Option<&Conn>) -> IdleSignal {
    match conn {
        Some(conn) => conn.idle_signal().await,
        None => std::future::pending().await,
    }
}

impl Session {
    /// The server closed the idle connection (found at once, as a socket in `mysql` would), or
    /// sent bytes: a ping reads them (an error packet before a close, or a TLS record).
    pub(super) async fn on_idle_signal(&mut self, signal: IdleSignal) {
        match signal {
            IdleSignal::Closed => self.lose(server_closed()),
            IdleSignal::Data => self.keepalive_ping().await,
        }
    }

    pub(super) fn keepalive_interval(&self) -> Option<Duration> {
        self.conn.as_ref()?;
        match self.options.keepalive {
            Keepalive::Off => None,
            Keepalive::Every(every) => Some(every),
            Keepalive::Auto => self
                .wait_timeout
                .map(|wait| (wait / 2).clamp(Duration::from_secs(1), Duration::from_secs(300))),
        }
    }

    pub(super) async fn keepalive_ping(&mut self) {
        if let Err(cause) = self.ping_connection().await {
            self.lose(cause);
        }
    }

    /// Pings the live connection (bounded by the ping timeout); the error is the cause of a loss.
    pub(super) async fn ping_connection(&mut self) -> Result<(), ErrorInfo> {
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
    pub(super) async fn check_alive(&mut self) -> Result<(), ErrorInfo> {
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
    pub(super) fn lose(&mut self, cause: ErrorInfo) {
        self.sent_fields.clear();
        if let Some(conn) = self.conn.take() {
            abandon(conn);
        }
        // A host that stopped answering (a ping timed out) is skipped at once; after a close or
        // a reset (KILL, wait_timeout, restart) the same host is tried first.
        if cause.code.as_deref() == Some(PING_TIMEOUT_CODE) {
            self.deny_host(self.current_host, REASON_UNAVAILABLE, cause.clone());
        }
        if self.transaction.is_active() {
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
}
