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
