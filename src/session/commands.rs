//! The commands other than queries: ping, statistics, reset (COM_RESET_CONNECTION) and
//! changeUser, each with the same liveness check and loss handling as a query.

use super::*;

impl Session {
    pub(super) async fn statistics_command(&mut self, id: u32) -> Step {
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
    pub(super) async fn reset_command(&mut self, id: u32) -> Step {
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

    pub(super) async fn ping_command(&mut self, id: u32) -> Step {
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

    pub(super) async fn change_user_command(
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
}
