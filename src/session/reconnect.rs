//! Getting a connection back: the retry loop with its budget and backoff schedule, the host's
//! probe (see `host_gate`) that answers for attempts while a host refuses, the first connect that
//! fails like `mysql`, and the `connect` / `reconnect` / `failover` events.

use super::*;

/// What a session waiting to retry a host does next (see `Session::wait_for_turn`).
pub(super) enum Turn {
    /// Connect now: the attempt is due, or the host came back with work waiting.
    Attempt,
    /// Connect now, as the probe of a host that refuses.
    Probe(ProbeClaim),
    /// The attempt fell due while the host still refused: the probe's error is its outcome.
    Shared(ErrorInfo),
}

impl Session {
    /// Connected, or an error that means giving up. While it retries, commands keep queueing and
    /// those that wait too long fail.
    pub(super) async fn ensure_connected(&mut self) -> Result<(), ErrorInfo> {
        if self.conn.is_some() {
            return Ok(());
        }
        if self.ever_connected && !self.options.reconnect {
            let cause = self.lost.as_ref().map(|(_, cause)| cause.clone());
            return Err(match cause {
                Some(cause) => ErrorInfo::connection_lost(&cause, OUTCOME_NOT_EXECUTED).fatal(),
                None => ErrorInfo::client("PROTOCOL_CONNECTION_LOST", "Connection lost.").fatal(),
            });
        }
        let started = self
            .lost
            .as_ref()
            .map(|(at, _)| *at)
            .unwrap_or_else(Instant::now);
        let mut last_error = self.lost.as_ref().map(|(_, cause)| cause.clone());
        let mut attempt: u32 = 0;
        loop {
            // `end()` with nothing queued before it: stop reconnecting and close.
            if self.end_is_next() {
                return Ok(());
            }
            attempt += 1;
            let previous_host = self.current_host;
            let count = self.hosts.len();
            // Round from the current host, or from the next one if the current one just failed
            // (so a zero deny period still moves on).
            let start = match self.failed_host {
                Some(failed) if failed == previous_host => (previous_host + 1) % count,
                _ => previous_host,
            };
            let host = policy::choose_host(&self.denied_until(), start, Instant::now());
            let mut delay = Duration::ZERO;
            if self.ever_connected || attempt > 1 {
                // Never connected: as in `mysql`, the first connect fails with the real cause
                // once every host was tried, unless the app asked to wait for the server.
                let first_connect_over = policy::first_connect_over(
                    self.ever_connected,
                    self.options.retry_first_connect,
                    attempt,
                    self.hosts.len(),
                );
                if !self.options.reconnect
                    || first_connect_over
                    || !self.options.budget.allows(attempt, started.elapsed())
                {
                    let cause = last_error.unwrap_or_else(|| {
                        ErrorInfo::client("PROTOCOL_CONNECTION_LOST", "Connection lost.")
                    });
                    return Err(cause.fatal());
                }
                // Moving on to a host that is not denied is immediate, for one pass over the
                // list; retrying a host (or the least recently denied one, when all are) backs
                // off, also across read-only refusals, so nothing spins.
                let first_pass = (attempt - 1).saturating_add(self.refusal_streak) < count as u32;
                let moving_on =
                    first_pass && host != previous_host && !self.is_denied(host, Instant::now());
                delay = if moving_on {
                    Duration::ZERO
                } else {
                    let step = attempt.saturating_add(self.refusal_streak);
                    self.options.backoff.delay(step, rand::random::<f64>())
                };
                self.sink.send(Message::event(
                    kind::RECONNECTING,
                    EventInfo {
                        attempt: Some(attempt),
                        delay: Some(delay.as_secs_f64() * 1000.0),
                        error: last_error.clone(),
                        host: Some(self.hosts[host].address.label()),
                        ..Default::default()
                    },
                ));
            }
            // The first attempt of a fresh connection leaves a startup burst in the channel (as
            // `mysql` queues it); once anything failed, the queue limit and timeout apply.
            let intake = self.lost.is_some() || attempt > 1;
            let result = if self.ever_connected || attempt > 1 {
                let due = Instant::now() + delay;
                match self
                    .retry_when_due(host, due, intake, &mut last_error)
                    .await
                {
                    Some(result) => result,
                    // The host's probe answered for this attempt: it still refuses.
                    None => {
                        let error = last_error.clone().unwrap_or_else(server_closed);
                        self.deny_host(host, REASON_UNAVAILABLE, error);
                        continue;
                    }
                }
            } else {
                self.attempt_connect(host, intake, None).await
            };
            match result {
                Ok(conn) => {
                    self.conn = Some(conn);
                    if self.options.connect_hook {
                        match self.run_connect_hook().await {
                            HookOutcome::Done => {}
                            HookOutcome::Lost(cause) => {
                                last_error = Some(cause);
                                continue;
                            }
                            HookOutcome::Failed(error) => return Err(error),
                        }
                    }
                    self.on_connected(attempt, started);
                    return Ok(());
                }
                Err((error, class)) => {
                    if self.first_connect_abandoned {
                        self.abandon_first_connect(error);
                        return Ok(());
                    }
                    if class == ErrorClass::Fatal || !self.options.reconnect {
                        return Err(error.fatal());
                    }
                    self.deny_host(host, REASON_UNAVAILABLE, error.clone());
                    last_error = Some(error);
                }
            }
        }
    }

    /// A retry of `host`, once it is due (taking in commands meanwhile). While the host refuses
    /// connections, the host's probe decides for every session (see `host_gate`): this session
    /// probes when it is its turn, and a failed probe does not count as its attempt (the backoff
    /// schedule still sets when attempts count and when to give up); when a probe gets in, a
    /// session with work waiting connects at once. None: the attempt fell due while the host
    /// still refused, and the probe's error (in `last_error`) is its outcome.
    pub(super) async fn retry_when_due(
        &mut self,
        host: usize,
        due: Instant,
        intake: bool,
        last_error: &mut Option<ErrorInfo>,
    ) -> Option<Result<Conn, (ErrorInfo, ErrorClass)>> {
        loop {
            match self.wait_for_turn(host, due).await {
                Turn::Attempt => return Some(self.attempt_connect(host, intake, None).await),
                Turn::Shared(error) => {
                    *last_error = Some(error);
                    return None;
                }
                Turn::Probe(claim) => {
                    let result = self.attempt_connect(host, intake, Some(claim)).await;
                    match &result {
                        Err((error, class))
                            if *class != ErrorClass::Fatal
                                && host_gate::is_refusal(error)
                                && !self.first_connect_abandoned
                                && !self.end_is_next()
                                && Instant::now() < due =>
                        {
                            *last_error = Some(error.clone());
                        }
                        _ => return Some(result),
                    }
                }
            }
        }
    }

    /// Sleeps until `due`, taking new commands into the queue and failing those that waited
    /// longer than the queue timeout or do not fit in the queue; returns earlier with this
    /// session's turn to probe a down host, or when the host came back and work is waiting.
    pub(super) async fn wait_for_turn(&mut self, host: usize, due: Instant) -> Turn {
        let gate = self.hosts[host].gate.clone();
        let mut changes = gate.subscribe();
        let recoveries_before = changes.borrow_and_update().recoveries;
        let mut intake_open = true;
        loop {
            self.expire_queue();
            if self.end_is_next() {
                return Turn::Attempt;
            }
            let now = Instant::now();
            let state = changes.borrow_and_update().clone();
            let wake = match &state.down {
                Some(down) => {
                    // Only a host seen refusing is probed ahead of the backoff schedule; a
                    // suspect one is probed by the first session whose attempt is due.
                    if down.refused || now >= due {
                        if let Some(claim) = gate.try_probe(now) {
                            return Turn::Probe(claim);
                        }
                    }
                    match (down.probing, now >= due) {
                        // A probe is out: its outcome is this attempt's too.
                        (true, _) => None,
                        (false, true) => return Turn::Shared(down.last_error.clone()),
                        (false, false) if down.refused => Some(due.min(down.next_probe)),
                        (false, false) => Some(due),
                    }
                }
                None => {
                    let recovered = state.recoveries != recoveries_before;
                    if now >= due || (recovered && !self.queue.is_empty()) {
                        return Turn::Attempt;
                    }
                    Some(due)
                }
            };
            let wake = match (wake, self.next_queue_expiry()) {
                (Some(wake), Some(expiry)) => Some(wake.min(expiry)),
                (wake, expiry) => wake.or(expiry),
            };
            tokio::select! {
                command = self.commands.recv(), if intake_open => match command {
                    Some(command) => self.enqueue(command, QueuePosition::Back),
                    // Nobody can send any more; the queue still gets its answers.
                    None => intake_open = false,
                },
                // The gates live as long as the process: the sender never goes away.
                _ = changes.changed() => {}
                _ = sleep_until_or_never(wake) => {}
            }
        }
    }

    /// One connect attempt to `host`; what it found is reported to the host's gate (for a probe,
    /// as the probe's outcome).
    pub(super) async fn attempt_connect(
        &mut self,
        host: usize,
        intake: bool,
        probe: Option<ProbeClaim>,
    ) -> Result<Conn, (ErrorInfo, ErrorClass)> {
        self.set_current_host(host);
        let gate = self.hosts[host].gate.clone();
        gate.note_attempt();
        let result = self.open_connection(intake).await;
        // Abandoned by `end()`: nothing was learnt of the host (a dropped probe hands on).
        if self.first_connect_abandoned {
            return result;
        }
        let outcome = match &result {
            Ok(_) => Outcome::Connected,
            Err((error, _)) => Outcome::of(error),
        };
        let (now, unit) = (Instant::now(), rand::random::<f64>());
        match probe {
            Some(claim) => claim.finish(outcome, now, unit),
            None => gate.report(outcome, now, unit),
        }
        result
    }

    /// An early `end()` abandoned the first connect: the `connect()` callbacks get `error`, and
    /// the `end()` behind them runs next, with no connection to close.
    pub(super) fn abandon_first_connect(&mut self, error: ErrorInfo) {
        self.first_connect_abandoned = false;
        while let Ok(command) = self.commands.try_recv() {
            self.queue.push_back(command);
        }
        let (connects, rest): (VecDeque<Command>, VecDeque<Command>) =
            std::mem::take(&mut self.queue)
                .into_iter()
                .partition(|command| matches!(command.request, Request::Connect));
        self.queue = rest;
        for command in connects {
            self.reply_failed(command.id, Vec::new(), error.clone());
        }
    }

    pub(super) fn lost_cause(&self) -> ErrorInfo {
        self.lost
            .as_ref()
            .map(|(_, cause)| cause.clone())
            .unwrap_or_else(server_closed)
    }

    pub(super) fn on_connected(&mut self, attempts: u32, started: Instant) {
        let Some(conn) = self.conn.as_ref() else {
            return;
        };
        let previous_thread_id = self.thread_id;
        self.thread_id = Some(conn.id());
        let host = self.hosts[self.current_host].address.label();
        let previous_host = self.hosts[self.connected_host].address.label();
        if self.current_host != self.connected_host {
            let (reason, error) = match &self.hosts[self.connected_host].denied_for {
                Some((reason, error)) => (*reason, Some(error.clone())),
                None => (REASON_UNAVAILABLE, None),
            };
            self.sink.send(Message::event(
                kind::FAILOVER,
                EventInfo {
                    host: Some(host.clone()),
                    previous_host: Some(previous_host.clone()),
                    reason: Some(reason.to_string()),
                    error,
                    ..Default::default()
                },
            ));
            self.connected_host = self.current_host;
        }
        self.failed_host = None;
        // MariaDB reports 10.x and 11.x; MySQL went from 5.7 to 8 and 9.
        self.is_mariadb = conn.server_version().0 >= 10;
        self.last_used = Instant::now();
        self.set_transaction(false, self.transaction.is_lost());
        let lost = self.lost.take();
        if self.ever_connected {
            let lost_state: Vec<String> = std::mem::take(&mut self.unrestorable)
                .into_iter()
                .map(String::from)
                .collect();
            self.sink.send(Message::event(
                kind::RECONNECT,
                EventInfo {
                    thread_id: self.thread_id,
                    previous_thread_id,
                    attempts: Some(attempts),
                    downtime: Some(
                        lost.map(|(at, _)| at.elapsed())
                            .unwrap_or_else(|| started.elapsed())
                            .as_secs_f64()
                            * 1000.0,
                    ),
                    lost_state: (!lost_state.is_empty()).then_some(lost_state),
                    host: Some(host),
                    previous_host: Some(previous_host),
                    ..Default::default()
                },
            ));
        } else {
            self.ever_connected = true;
            self.sink.send(Message::event(
                kind::CONNECT,
                EventInfo {
                    thread_id: self.thread_id,
                    host: Some(host),
                    ..Default::default()
                },
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{command, options, query, session};
    use super::*;
    use std::time::Duration;

    /// A session whose only host is `name` (each test its own: gates are process-wide).
    fn on_host(name: &str) -> (Session, SessionHandle, Arc<HostGate>) {
        let mut opts = options();
        opts.hosts.truncate(1);
        opts.hosts[0].host = name.into();
        let (session, handle, _sent) = session(opts);
        let gate = session.hosts[0].gate.clone();
        (session, handle, gate)
    }

    fn refused() -> ErrorInfo {
        ErrorInfo::client("ECONNREFUSED", "connect ECONNREFUSED")
    }

    fn block_on<F: std::future::Future>(work: F) -> F::Output {
        tokio::runtime::Builder::new_current_thread()
            .enable_time()
            .build()
            .unwrap()
            .block_on(work)
    }

    #[test]
    fn a_refusing_host_is_probed_ahead_of_the_schedule() {
        let (mut session, _handle, gate) = on_host("probe-ahead.test");
        gate.report(
            Outcome::Refused(refused()),
            Instant::now() - Duration::from_secs(1),
            0.0,
        );
        let due = Instant::now() + Duration::from_secs(10);
        let turn = block_on(session.wait_for_turn(0, due));
        assert!(matches!(turn, Turn::Probe(_)));
    }

    #[test]
    fn a_suspect_host_is_not_probed_before_the_attempt_is_due() {
        let (mut session, _handle, gate) = on_host("suspect.test");
        gate.suspect(&refused(), Instant::now());
        let due = Instant::now() + Duration::from_millis(40);
        let turn = block_on(session.wait_for_turn(0, due));
        assert!(matches!(turn, Turn::Probe(_)));
        assert!(Instant::now() >= due);
    }

    #[test]
    fn an_attempt_due_while_another_probe_is_out_takes_its_refusal() {
        let (mut session, _handle, gate) = on_host("shared.test");
        gate.report(
            Outcome::Refused(refused()),
            Instant::now() - Duration::from_secs(1),
            0.0,
        );
        let other = gate.try_probe(Instant::now()).unwrap();
        let turn = block_on(async {
            let report = async {
                crate::runtime::sleep_until(Instant::now() + Duration::from_millis(20)).await;
                other.finish(Outcome::Refused(refused()), Instant::now(), 0.0);
                std::future::pending::<()>().await
            };
            tokio::select! {
                turn = session.wait_for_turn(0, Instant::now()) => turn,
                _ = report => unreachable!(),
            }
        });
        match turn {
            Turn::Shared(error) => assert_eq!(error.code.as_deref(), Some("ECONNREFUSED")),
            _ => panic!("expected the probe's refusal"),
        }
    }

    #[test]
    fn work_waiting_reconnects_as_soon_as_a_probe_gets_in() {
        let (mut session, _handle, gate) = on_host("recovered.test");
        gate.report(
            Outcome::Refused(refused()),
            Instant::now() - Duration::from_secs(1),
            0.0,
        );
        let other = gate.try_probe(Instant::now()).unwrap();
        session.enqueue(command(1, query("SELECT 1")), QueuePosition::Back);
        let due = Instant::now() + Duration::from_secs(10);
        let turn = block_on(async {
            let report = async {
                crate::runtime::sleep_until(Instant::now() + Duration::from_millis(20)).await;
                other.finish(Outcome::Connected, Instant::now(), 0.0);
                std::future::pending::<()>().await
            };
            tokio::select! {
                turn = session.wait_for_turn(0, due) => turn,
                _ = report => unreachable!(),
            }
        });
        assert!(matches!(turn, Turn::Attempt));
        assert!(Instant::now() < due);
    }
}
