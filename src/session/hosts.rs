//! The host list: which host to try, which are denied and why (the failover reasons), and the
//! endpoint and process-wide gate of each. No I/O here.

use super::*;

/// A host of the list and whether it is being skipped.
pub(super) struct HostState {
    pub(super) address: HostAddress,
    /// What the whole process knows of this host (see `host_gate`).
    pub(super) gate: Arc<HostGate>,
    pub(super) denied_until: Option<Instant>,
    /// Why it was last denied: the failover reason and the error.
    pub(super) denied_for: Option<(&'static str, ErrorInfo)>,
}

/// Failover reasons, as the `failover` event names them.
pub(super) const REASON_UNAVAILABLE: &str = "unavailable";

pub(super) const REASON_READ_ONLY: &str = "read-only";

/// A Galera node outside the Primary component (or not synced) refused the statement (1047).
pub(super) const REASON_NOT_READY: &str = "not-ready";

/// Where socket errors say the client was connecting to.
pub(super) fn endpoint_of(options: &SessionOptions, address: &HostAddress) -> Endpoint {
    match &options.socket_path {
        Some(path) => Endpoint {
            address: path.clone(),
            port: None,
        },
        None => Endpoint {
            address: address.host.clone(),
            port: Some(address.port),
        },
    }
}

/// The gate of a host: the socket path, when connecting through one, else `host:port`.
pub(super) fn gate_key(options: &SessionOptions, address: &HostAddress) -> String {
    match &options.socket_path {
        Some(path) => path.clone(),
        None => address.label(),
    }
}

impl Session {
    pub(super) fn denied_until(&self) -> Vec<Option<Instant>> {
        self.hosts.iter().map(|host| host.denied_until).collect()
    }

    pub(super) fn is_denied(&self, index: usize, now: Instant) -> bool {
        self.hosts
            .get(index)
            .and_then(|host| host.denied_until)
            .is_some_and(|until| until > now)
    }

    /// Skips `index` for the deny period while another host can be tried (a single host is
    /// always retried, with the normal backoff).
    pub(super) fn deny_host(&mut self, index: usize, reason: &'static str, error: ErrorInfo) {
        let until = Instant::now() + self.options.failover_deny;
        if let Some(host) = self.hosts.get_mut(index) {
            host.denied_until = Some(until);
            host.denied_for = Some((reason, error));
            self.failed_host = Some(index);
        }
    }

    pub(super) fn set_current_host(&mut self, index: usize) {
        if index == self.current_host || index >= self.hosts.len() {
            return;
        }
        self.current_host = index;
        self.endpoint = endpoint_of(&self.options, &self.hosts[index].address);
    }

    /// With several hosts, a read-only refusal or a Galera node that is not ready (1047) means the
    /// session is on the wrong node: the failover reason, if so.
    pub(super) fn wrong_node_reason(
        &self,
        err: &mysql_async::Error,
        in_transaction: bool,
    ) -> Option<&'static str> {
        if self.hosts.len() < 2 || !self.options.failover_read_only || !self.options.reconnect {
            return None;
        }
        if policy::galera_not_ready(err) {
            return Some(REASON_NOT_READY);
        }
        match policy::read_only_refusal(err) {
            // Inside a transaction, 1792 is what a transaction the application opened
            // READ ONLY gets: its own error, not the node's.
            Some(policy::ER_CANT_EXECUTE_IN_READ_ONLY_TRANSACTION) if in_transaction => None,
            Some(_) => Some(REASON_READ_ONLY),
            None => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{options, session};
    use super::*;

    #[test]
    fn a_denied_host_is_skipped_until_its_deny_ends_and_remembers_why() {
        let (mut session, _handle, _sent) = session(options());
        let now = Instant::now();
        assert!(!session.is_denied(0, now));
        session.deny_host(
            0,
            REASON_READ_ONLY,
            ErrorInfo::server(1290, "HY000", "read only"),
        );
        assert!(session.is_denied(0, now));
        assert!(!session.is_denied(0, now + Duration::from_secs(6)));
        assert_eq!(session.failed_host, Some(0));
        let (reason, _) = session.hosts[0].denied_for.clone().unwrap();
        assert_eq!(reason, REASON_READ_ONLY);
        // Out of range: nothing happens.
        session.deny_host(7, REASON_UNAVAILABLE, ErrorInfo::default());
        assert_eq!(session.denied_until().len(), 2);
    }

    #[test]
    fn moving_to_a_host_moves_the_endpoint_errors_name() {
        let (mut session, _handle, _sent) = session(options());
        assert_eq!(session.endpoint.address, "db1.test");
        session.set_current_host(1);
        assert_eq!(session.current_host, 1);
        assert_eq!(session.endpoint.port, Some(3307));
        session.set_current_host(9);
        assert_eq!(session.current_host, 1);
    }

    #[test]
    fn a_socket_path_names_the_endpoint_and_the_gate() {
        let mut opts = options();
        opts.socket_path = Some("/run/mysqld/mysqld.sock".into());
        let address = opts.hosts[0].clone();
        assert_eq!(gate_key(&opts, &address), "/run/mysqld/mysqld.sock");
        assert_eq!(endpoint_of(&opts, &address).port, None);
        opts.socket_path = None;
        assert_eq!(gate_key(&opts, &address), "db1.test:3306");
        let v6 = HostAddress {
            host: "::1".into(),
            port: 3306,
        };
        assert_eq!(gate_key(&opts, &v6), "[::1]:3306");
    }
}
