//! The JavaScript `onConnect` hook: only its own commands run on a new connection until it
//! answers; everything else waits in the queue.

use super::*;

pub(super) enum HookOutcome {
    Done,
    /// The connection was lost while the hook ran: reconnect and run it again.
    Lost(ErrorInfo),
    Failed(ErrorInfo),
}

impl Session {
    /// Runs the JavaScript `onConnect` function: only its own commands run until it answers;
    /// everything else waits in the queue.
    pub(super) async fn run_connect_hook(&mut self) -> HookOutcome {
        self.hook_round = self.hook_round.wrapping_add(1);
        self.sink.send(Message::event(
            kind::CONNECT_HOOK,
            EventInfo {
                thread_id: self.conn.as_ref().map(Conn::id),
                attempt: Some(self.hook_round),
                ..Default::default()
            },
        ));
        loop {
            let Some(command) = self.commands.recv().await else {
                return HookOutcome::Failed(
                    ErrorInfo::client(
                        "PROTOCOL_ENQUEUE_AFTER_DESTROY",
                        "The connection was dropped.",
                    )
                    .fatal(),
                );
            };
            match command.request {
                Request::HookDone { round, error } if round == self.hook_round => {
                    return match error {
                        None => HookOutcome::Done,
                        Some(message) => HookOutcome::Failed(
                            ErrorInfo::client(
                                "ER_ON_CONNECT",
                                format!("onConnect failed: {message}"),
                            )
                            .fatal(),
                        ),
                    };
                }
                Request::HookDone { .. } => {}
                _ if command.during_hook => {
                    let step = match &command.request {
                        Request::Query { .. } | Request::Ping => self.execute(&command).await,
                        _ => {
                            let error = ErrorInfo::client(
                                "ER_ON_CONNECT",
                                "Only queries and pings can run inside onConnect.",
                            )
                            .with_outcome(OUTCOME_NOT_EXECUTED);
                            self.reply_failed(command.id, Vec::new(), error);
                            Step::Done
                        }
                    };
                    if let Step::GaveUp(error) = step {
                        return HookOutcome::Failed(error);
                    }
                    if let Step::Retry = step {
                        let cause = self.lost_cause();
                        self.reply_failed(
                            command.id,
                            Vec::new(),
                            ErrorInfo::connection_lost(&cause, OUTCOME_NOT_EXECUTED),
                        );
                    }
                    if self.conn.is_none() {
                        return HookOutcome::Lost(self.lost_cause());
                    }
                }
                _ => self.enqueue(command, QueuePosition::Back),
            }
        }
    }
}
