//! Session and transaction state: the transaction flag JS reads, what a statement changes
//! (database, SETs to replay, unrestorable state), and the `TRANSACTION_LOST` guard.

use super::*;

pub(super) const MAX_REPLAYED_SETS: usize = 64;

pub(super) fn transaction_lost_error() -> ErrorInfo {
    ErrorInfo::client(
        "TRANSACTION_LOST",
        "The connection was lost inside a transaction, which the server rolled back. \
         Call rollback() (or issue ROLLBACK) before running more statements.",
    )
    .with_outcome(OUTCOME_NOT_EXECUTED)
}

impl Session {
    /// Tracks the transaction state from the last OK packet of the command.
    pub(super) fn track_transaction(&mut self) {
        let status = self
            .conn
            .as_ref()
            .and_then(|conn| conn.last_ok_packet())
            .map(|ok| ok.status_flags());
        if let Some(status) = status {
            self.set_transaction(status.contains(StatusFlags::SERVER_STATUS_IN_TRANS), false);
        }
    }

    /// The transaction state has one owner, the flag JavaScript reads too.
    pub(super) fn set_transaction(&mut self, in_transaction: bool, lost: bool) {
        self.transaction.set(in_transaction, lost);
    }

    /// Tracks what a statement did to the session, for restoring it after a reconnect.
    pub(super) fn after_statement(&mut self, sql: &str) {
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
}

#[cfg(test)]
mod tests {
    use super::super::testing::{options, session};
    use super::*;

    #[test]
    fn statements_change_what_a_reconnect_restores() {
        let (mut session, _handle, _sent) = session(options());
        session.after_statement("USE shop");
        session.after_statement("SET time_zone = '+00:00';");
        session.after_statement("SET sql_mode = ''");
        // The same SET again moves to the end instead of being replayed twice.
        session.after_statement("SET time_zone = '+00:00'");
        session.after_statement("CREATE TEMPORARY TABLE t (id INT)");
        session.after_statement("SELECT 1");
        assert_eq!(session.current_database.as_deref(), Some("shop"));
        assert_eq!(
            session.restore_statements(),
            [
                "SET NAMES utf8mb4",
                "SET sql_mode = ''",
                "SET time_zone = '+00:00'"
            ]
        );
        assert_eq!(session.unrestorable.len(), 1);
    }

    #[test]
    fn replayed_sets_are_capped_oldest_first() {
        let (mut session, _handle, _sent) = session(options());
        for n in 0..(MAX_REPLAYED_SETS + 5) {
            session.after_statement(&format!("SET @@session.sort_buffer_size = {}", 1000 + n));
        }
        assert_eq!(session.replay_sets.len(), MAX_REPLAYED_SETS);
        assert!(session.replay_sets[0].ends_with("1005"));
    }

    #[test]
    fn the_flag_javascript_reads_follows_the_transaction() {
        let (mut session, handle, _sent) = session(options());
        session.set_transaction(true, false);
        assert_eq!(handle.transaction.get(), TransactionFlag::ACTIVE);
        session.set_transaction(false, true);
        assert_eq!(handle.transaction.get(), TransactionFlag::LOST);
        assert!(session.transaction.is_lost());
        session.set_transaction(false, false);
        assert_eq!(handle.transaction.get(), TransactionFlag::NONE);
    }
}
