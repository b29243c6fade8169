//! The command queue while there is no connection: where a command goes, the queue limit and the
//! queue timeout. It never runs a command.

use super::*;

/// Where a waiting command goes: first in line (it was taken before the loss), or last.
pub(super) enum QueuePosition {
    Front,
    Back,
}

pub(super) fn queue_full_error(limit: usize) -> ErrorInfo {
    ErrorInfo::client(
        "QUEUE_LIMIT_REACHED",
        format!("Queue limit reached: {limit} commands are already waiting for the connection."),
    )
    .with_outcome(OUTCOME_NOT_EXECUTED)
}

impl Session {
    /// `end()` is first in line: it needs no connection.
    pub(super) fn end_is_next(&self) -> bool {
        matches!(
            self.queue.front(),
            Some(Command {
                request: Request::End,
                ..
            })
        )
    }

    /// Puts a command in the queue if it fits (`end()` always does); else it fails at once.
    pub(super) fn enqueue(&mut self, command: Command, position: QueuePosition) {
        if matches!(command.request, Request::End) || self.queue.len() < self.options.queue_limit {
            match position {
                QueuePosition::Front => self.queue.push_front(command),
                QueuePosition::Back => self.queue.push_back(command),
            }
        } else {
            self.reply_failed(
                command.id,
                Vec::new(),
                queue_full_error(self.options.queue_limit),
            );
        }
    }

    pub(super) fn next_queue_expiry(&self) -> Option<Instant> {
        let limit = self.options.queue_timeout?;
        self.queue
            .iter()
            .filter(|command| !matches!(command.request, Request::End))
            .map(|command| command.enqueued + limit)
            .min()
    }

    pub(super) fn expire_queue(&mut self) {
        let Some(limit) = self.options.queue_timeout else {
            return;
        };
        let now = Instant::now();
        let (expired, kept): (Vec<Command>, Vec<Command>) =
            self.queue.drain(..).partition(|command| {
                !matches!(command.request, Request::End) && now >= command.enqueued + limit
            });
        self.queue = kept.into();
        for command in expired {
            let cause = self
                .lost
                .as_ref()
                .map(|(_, cause)| format!(" (last error: {})", cause.describe()))
                .unwrap_or_default();
            let error = ErrorInfo::client(
                "QUEUE_TIMEOUT",
                format!("Waited {} ms for a connection{cause}", limit.as_millis()),
            )
            .with_outcome(OUTCOME_NOT_EXECUTED);
            self.reply_failed(command.id, Vec::new(), error);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{command, options, query, session};
    use super::*;

    #[test]
    fn the_queue_limit_refuses_commands_but_never_end() {
        let (mut session, _handle, sent) = session(options()); // queue_limit 3
        for id in 1..=4 {
            session.enqueue(command(id, query("SELECT 1")), QueuePosition::Back);
        }
        session.enqueue(command(5, Request::End), QueuePosition::Back);
        let ids: Vec<u32> = session.queue.iter().map(|c| c.id).collect();
        assert_eq!(ids, [1, 2, 3, 5]);
        assert_eq!(
            sent.sent(),
            [(kind::FAILED, 4, Some("QUEUE_LIMIT_REACHED".to_string()))]
        );
    }

    #[test]
    fn a_command_taken_before_a_loss_goes_first_and_end_is_seen_only_first_in_line() {
        let (mut session, _handle, _sent) = session(options());
        session.enqueue(command(1, Request::End), QueuePosition::Back);
        assert!(session.end_is_next());
        session.enqueue(command(2, query("SELECT 2")), QueuePosition::Front);
        assert!(!session.end_is_next());
        assert_eq!(session.queue.front().map(|c| c.id), Some(2));
    }

    #[test]
    fn commands_past_the_queue_timeout_fail_not_executed_and_end_stays() {
        let mut opts = options();
        opts.queue_timeout = Some(Duration::from_millis(50));
        let (mut session, _handle, sent) = session(opts);
        let mut old = command(1, query("SELECT 1"));
        old.enqueued = Instant::now() - Duration::from_millis(60);
        let mut old_end = command(2, Request::End);
        old_end.enqueued = old.enqueued;
        session.enqueue(old, QueuePosition::Back);
        session.enqueue(old_end, QueuePosition::Back);
        session.enqueue(command(3, query("SELECT 3")), QueuePosition::Back);
        let expiry = session.next_queue_expiry().unwrap();
        assert!(expiry <= Instant::now(), "the oldest query is due");
        session.expire_queue();
        let ids: Vec<u32> = session.queue.iter().map(|c| c.id).collect();
        assert_eq!(ids, [2, 3]);
        assert_eq!(
            sent.sent(),
            [(kind::FAILED, 1, Some("QUEUE_TIMEOUT".to_string()))]
        );
        let messages = sent.0.lock().unwrap();
        let error = messages[0].error.as_ref().unwrap();
        assert_eq!(error.outcome.as_deref(), Some(OUTCOME_NOT_EXECUTED));
    }
}
