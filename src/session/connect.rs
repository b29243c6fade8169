//! One connect attempt: the mysql_async options, the connect timeout, restoring the session
//! (charset, `onConnect` statements, replayed SETs), and closing a connection without waiting.
//! Whether and when to try is `reconnect`'s business.

use super::*;

/// What one connect attempt needs, taken out of the session so that the session can keep taking
/// in commands while it runs.
pub(super) struct ConnectPlan {
    pub(super) opts: Opts,
    pub(super) connect_timeout: Duration,
    /// Charset, `onConnect` statements and replayed session SETs.
    pub(super) restore: Vec<String>,
    pub(super) keepalive_auto: bool,
    pub(super) endpoint: Endpoint,
    pub(super) is_mariadb: bool,
    pub(super) multiple_statements: bool,
}

/// Connects and restores the session; with `keepalive: true`, also reads `@@wait_timeout`.
pub(super) async fn connect(
    plan: ConnectPlan,
) -> Result<(Conn, Option<Duration>), (ErrorInfo, ErrorClass)> {
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

/// A lost connection at connect time is worth retrying like a refused one.
pub(super) fn connect_class(class: ErrorClass) -> ErrorClass {
    match class {
        ErrorClass::Lost | ErrorClass::Statement => ErrorClass::Transient,
        other => other,
    }
}

/// Closes a connection without waiting for it: sends COM_QUIT if the socket still takes it, and
/// never drains a pending result from a peer that may not answer.
pub(super) fn abandon(conn: Conn) {
    if conn.is_disconnected() {
        return;
    }
    crate::runtime::spawn_from_task(async move {
        let _ = timeout(Duration::from_secs(1), conn.disconnect()).await;
    });
}

impl Session {
    pub(super) fn connect_opts(&self) -> Opts {
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
    pub(super) async fn open_connection(
        &mut self,
        intake: bool,
    ) -> Result<Conn, (ErrorInfo, ErrorClass)> {
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
    pub(super) fn restore_statements(&self) -> Vec<String> {
        self.options
            .init_statements
            .iter()
            .chain(self.replay_sets.iter())
            .cloned()
            .collect()
    }
}
