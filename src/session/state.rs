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

    pub(super) fn set_transaction(&mut self, in_transaction: bool, lost: bool) {
        self.in_transaction = in_transaction;
        self.transaction_lost = lost;
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
