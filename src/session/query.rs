//! Running a text query: streaming its result sets to JavaScript in parts (gated by pause()),
//! the per-query timeout, and what a failure means: retry (provably not run), fail with outcome
//! unknown, or leave a node that refuses (read-only, 1047).

use super::*;

/// Why a query did not complete.
pub(super) struct QueryFailure {
    pub(super) error: mysql_async::Error,
    /// Statement index at which it failed (multi-statement queries).
    pub(super) index: u32,
    /// Result parts were already handed to JavaScript: never replay.
    pub(super) emitted: bool,
    pub(super) timed_out: Option<Duration>,
}

/// Reads every result set of a text query into parts; row sets larger than a chunk are sent to
/// JavaScript as PARTIAL messages while they arrive.
/// Where the rows of a running query go: JavaScript, as PARTIAL messages, gated by pause().
pub(super) struct Outlet<'a> {
    pub(super) id: u32,
    pub(super) sink: &'a dyn Sink,
    pub(super) flow: &'a FlowGate,
}

/// How far a query got: its unsent parts, the statement it is at, whether parts were sent.
pub(super) struct Progress<'a> {
    pub(super) parts: &'a mut Vec<ResultPart>,
    pub(super) sent_fields: &'a mut SentColumns,
    pub(super) index: u32,
    pub(super) emitted: bool,
}

pub(super) fn is_local_file_failure(error: &mysql_async::Error) -> bool {
    matches!(
        error,
        mysql_async::Error::Driver(mysql_async::DriverError::LocalInfile(_))
    )
}

/// The connection's last OK packet, in the shape JavaScript gets.
pub(super) fn last_ok(conn: &Conn) -> OkInfo {
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

pub(super) async fn stream_results(
    conn: &mut Conn,
    sql: &str,
    sent_ahead: bool,
    outlet: &Outlet<'_>,
    progress: &mut Progress<'_>,
) -> Result<(), mysql_async::Error> {
    let reply = if sent_ahead {
        conn.read_query_ahead().await
    } else {
        conn.query_iter(sql).await
    };
    let mut result = match reply {
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

impl Session {
    /// `sent_ahead`: the pipeline wrote it already (and made the checks before sending).
    pub(super) async fn query_command(
        &mut self,
        id: u32,
        sql: &str,
        idempotent: bool,
        query_timeout: Option<Duration>,
        infile_from_js: bool,
        sent_ahead: bool,
    ) -> Step {
        if !sent_ahead {
            if let Some(step) = self.refuse_before_sending(id, sql).await {
                return step;
            }
        }
        let was_in_transaction = self.transaction.is_active();
        let mut parts = Vec::new();
        let result = self
            .run_query(
                id,
                sql,
                query_timeout,
                infile_from_js,
                sent_ahead,
                &mut parts,
            )
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
        if sent_ahead && is_local_file_failure(&failure.error) {
            // The server asked for a file while later statements were already written: it read
            // them as the file's content. What follows is out of step: drop the connection.
            self.local_file_asked_ahead = true;
        }
        if failure.timed_out.is_none() && class == ErrorClass::Statement {
            self.track_transaction();
            let in_transaction = was_in_transaction || self.transaction.is_active();
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
        // The connection is gone (or abandoned after a timeout). A query written ahead was sent.
        let not_sent = !sent_ahead
            && failure.timed_out.is_none()
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
            self.set_transaction(true, false);
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

    /// What stops a query before it is written: a lost connection (retry it on the next one),
    /// a packet over `max_allowed_packet`, a lost transaction. None: send it.
    async fn refuse_before_sending(&mut self, id: u32, sql: &str) -> Option<Step> {
        if let Err(cause) = self.check_alive().await {
            self.lose(cause);
            return Some(Step::Retry);
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
                return Some(Step::Done);
            }
        }
        if self.transaction.is_lost() {
            if statement::is_rollback(sql) {
                self.set_transaction(false, false);
            } else {
                self.reply_failed(id, Vec::new(), transaction_lost_error());
                return Some(Step::Done);
            }
        }
        None
    }

    /// The server refused a statement because it is read-only (or, in a Galera cluster, not in
    /// the Primary component): the statement did not run. The host is denied and the session moves to the next one. In autocommit the statement is sent
    /// again there (it never ran, so it cannot run twice; it waits like a queued command, bounded
    /// by the queue timeout). Inside a transaction it fails, and the transaction is lost: its
    /// earlier statements ran on the read-only node, which rolls them back when the connection
    /// closes.
    pub(super) fn leave_refusing_node(
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
        self.set_transaction(in_transaction, false);
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
    pub(super) async fn run_query(
        &mut self,
        id: u32,
        sql: &str,
        query_timeout: Option<Duration>,
        infile_from_js: bool,
        sent_ahead: bool,
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
        let work = stream_results(conn, sql, sent_ahead, &outlet, &mut progress);
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
}
