//! Pipelining (the `pipelining` option): text queries queued behind each other are written, in
//! one write, before the first reply is read, so the server goes from one to the next without
//! waiting on the network; as replies are answered, what was queued meanwhile is written behind.
//! Each reply is read and answered as a single query's would be. A loss while some were written
//! and not answered leaves those in flight: outcome unknown, run again only if `idempotent` and
//! no transaction was open, as for one query in flight. Queries with a timeout, a LOAD DATA
//! LOCAL, or an `onConnect` query are never written ahead.

use super::*;
use crate::infile::local_infile_name;

/// At most this many queries are written and unanswered at a time...
const MAX_BATCH: usize = 32;
/// ...holding at most this much SQL (the kernel buffers what the server has not read yet).
const MAX_BATCH_BYTES: usize = 1 << 20;

fn query_sql(command: &Command) -> Option<&str> {
    match &command.request {
        Request::Query { sql, .. } => Some(sql),
        _ => None,
    }
}

impl Session {
    /// Takes `first` and the queries queued behind it into the pipeline when at least two can
    /// go; else hands `first` back for a single run.
    pub(super) fn pipeline_from(&mut self, first: Command) -> Result<(), Command> {
        if !self.options.pipelining || self.transaction.is_lost() || !self.can_write_ahead(&first) {
            return Err(first);
        }
        let followers =
            self.fitting_followers(query_sql(&first).map_or(0, str::len), MAX_BATCH - 1);
        if followers == 0 {
            return Err(first);
        }
        self.pipelined.push_back(first);
        self.pipelined.extend(self.queue.drain(..followers));
        self.pipelined_sent = 0;
        Ok(())
    }

    /// How many queries at the front of the queue can be written ahead, at most `room`, with
    /// `bytes` of SQL already in the pipeline (what arrived meanwhile lines up behind the queue,
    /// in order).
    fn fitting_followers(&mut self, mut bytes: usize, room: usize) -> usize {
        while let Ok(command) = self.commands.try_recv() {
            crate::runtime::note_activity();
            self.queue.push_back(command);
        }
        let mut followers = 0;
        for command in self.queue.iter().take(room) {
            let size = query_sql(command).map_or(0, str::len);
            if !self.can_write_ahead(command) || bytes + size > MAX_BATCH_BYTES {
                break;
            }
            bytes += size;
            followers += 1;
        }
        followers
    }

    /// With half the pipeline answered, what was queued meanwhile is written behind the rest,
    /// so the server never waits for the next batch.
    async fn top_up(&mut self) {
        if self.pipelined_sent > MAX_BATCH / 2
            || self.conn.is_none()
            || self.transaction.is_lost()
            || self.local_file_asked_ahead
        {
            return;
        }
        let bytes = self
            .pipelined
            .iter()
            .filter_map(query_sql)
            .map(str::len)
            .sum();
        let room = MAX_BATCH.saturating_sub(self.pipelined.len());
        let followers = self.fitting_followers(bytes, room);
        if followers == 0 {
            return;
        }
        self.pipelined.extend(self.queue.drain(..followers));
        self.write_pipeline().await;
    }

    fn can_write_ahead(&self, command: &Command) -> bool {
        let Request::Query {
            sql,
            timeout: None,
            infile_from_js: false,
            ..
        } = &command.request
        else {
            return false;
        };
        !command.during_hook
            && local_infile_name(sql).is_none()
            && self
                .conn
                .as_ref()
                .is_some_and(|conn| sql.len() < conn.max_allowed_packet())
    }

    /// Writes the batch, then reads and answers each reply in order.
    pub(super) async fn run_pipeline(&mut self) {
        if let Err(cause) = self.check_alive().await {
            self.lose(cause);
            self.requeue_pipeline(Vec::new());
            return;
        }
        self.write_pipeline().await;
        let mut retry = Vec::new();
        while self.pipelined_sent > 0 && self.conn.is_some() {
            let Some((id, sql, idempotent)) = self.pipelined.front().and_then(|command| {
                let Request::Query {
                    sql, idempotent, ..
                } = &command.request
                else {
                    return None;
                };
                Some((command.id, sql.clone(), *idempotent))
            }) else {
                break;
            };
            #[cfg(feature = "test-hooks")]
            self.test_panic_hook();
            let step = self
                .query_command(id, &sql, idempotent, None, false, true)
                .await;
            let Some(command) = self.pipelined.pop_front() else {
                break;
            };
            self.pipelined_sent -= 1;
            self.publish_written();
            match step {
                Step::Done => {}
                Step::Retry => retry.push(command),
                Step::GaveUp(error) => self.reply_failed(command.id, Vec::new(), error),
            }
            if std::mem::take(&mut self.local_file_asked_ahead)
                && self.conn.is_some()
                && self.pipelined_sent > 0
            {
                self.lose(ErrorInfo::client(
                    "PROTOCOL_PACKETS_OUT_OF_ORDER",
                    "The server asked for a local file while later statements were already sent.",
                ));
            }
            self.top_up().await;
        }
        self.fail_written(&mut retry);
        self.requeue_pipeline(retry);
    }

    /// Writes the queries of the pipeline not written yet, with one flush. A failed write loses
    /// the connection, and any of them may have reached the server: all count as written.
    async fn write_pipeline(&mut self) {
        let Session {
            conn,
            pipelined,
            pipelined_sent,
            ..
        } = self;
        let Some(conn) = conn.as_mut() else {
            return;
        };
        let unwritten: Vec<&[u8]> = pipelined
            .iter()
            .skip(*pipelined_sent)
            .filter_map(query_sql)
            .map(str::as_bytes)
            .collect();
        let count = unwritten.len();
        let result = conn.send_queries_ahead(&unwritten).await;
        *pipelined_sent += count;
        self.publish_written();
        if let Err(error) = result {
            let cause = error::from_mysql(&error, &self.endpoint);
            self.lose(cause);
        }
    }

    /// The connection was lost with queries written and not answered: each is in flight. One the
    /// application marked idempotent runs again if no transaction was open; the others fail with
    /// outcome unknown.
    fn fail_written(&mut self, retry: &mut Vec<Command>) {
        let cause = self.lost.as_ref().map(|(_, cause)| cause.clone());
        let mut opened_transaction = false;
        while self.pipelined_sent > 0 {
            let Some(command) = self.pipelined.pop_front() else {
                break;
            };
            self.pipelined_sent -= 1;
            let (sql, idempotent) = match &command.request {
                Request::Query {
                    sql, idempotent, ..
                } => (sql.as_str(), *idempotent),
                _ => ("", false),
            };
            let may_open = statement::starts_transaction(sql);
            let replay = idempotent
                && !may_open
                && !statement::is_commit(sql)
                && !self.transaction.is_lost();
            if replay {
                retry.push(command);
                continue;
            }
            opened_transaction |= may_open;
            let error = match &cause {
                Some(cause) => ErrorInfo::connection_lost(cause, OUTCOME_UNKNOWN),
                None => ErrorInfo::client("PROTOCOL_CONNECTION_LOST", "Connection lost")
                    .with_outcome(OUTCOME_UNKNOWN),
            };
            self.reply_failed(command.id, Vec::new(), error);
        }
        self.publish_written();
        // It may have run: what the application queued behind it must not run in autocommit.
        if opened_transaction {
            self.set_transaction(false, true);
        }
    }

    /// The retries, then what was never written, go back to the front of the queue in order.
    fn requeue_pipeline(&mut self, retry: Vec<Command>) {
        let unsent: Vec<Command> = self.pipelined.drain(..).collect();
        self.pipelined_sent = 0;
        self.publish_written();
        for command in retry.into_iter().chain(unsent).rev() {
            self.queue.push_front(command);
        }
    }
}
