//! A session built without a server, for the unit tests of this module's files: its sink
//! records what the session would send to JavaScript.

use super::*;
use std::sync::Mutex;

#[derive(Default)]
pub struct Recorder(pub Mutex<Vec<Message>>);

impl Sink for Recorder {
    fn send(&self, message: Message) {
        self.0.lock().unwrap().push(message);
    }
}

impl Recorder {
    /// (kind, command id, error code) of everything sent so far.
    pub fn sent(&self) -> Vec<(u32, u32, Option<String>)> {
        self.0
            .lock()
            .unwrap()
            .iter()
            .map(|m| (m.kind, m.id, m.error.as_ref().and_then(|e| e.code.clone())))
            .collect()
    }
}

pub fn options() -> SessionOptions {
    SessionOptions {
        hosts: vec![
            HostAddress {
                host: "db1.test".into(),
                port: 3306,
            },
            HostAddress {
                host: "db2.test".into(),
                port: 3307,
            },
        ],
        failover_deny: Duration::from_secs(5),
        failover_read_only: true,
        pipelining: false,
        socket_path: None,
        user: None,
        password: None,
        database: Some("app".into()),
        init_statements: vec!["SET NAMES utf8mb4".into()],
        connect_timeout: Duration::from_secs(10),
        reconnect: true,
        retry_first_connect: false,
        backoff: Backoff {
            base: Duration::from_millis(100),
            max: Duration::from_secs(10),
        },
        budget: RetryBudget {
            max_attempts: None,
            max_time: None,
        },
        queue_limit: 3,
        queue_timeout: Some(Duration::from_secs(30)),
        ping_after_idle: Some(Duration::from_secs(5)),
        keepalive: Keepalive::Off,
        ping_timeout: Duration::from_secs(5),
        ssl: None,
        multiple_statements: false,
        connect_hook: false,
        local_infile: false,
        found_rows: true,
        ignore_space: false,
        test_panic_after: None,
    }
}

pub fn session(options: SessionOptions) -> (Session, SessionHandle, Arc<Recorder>) {
    let recorder = Arc::new(Recorder::default());
    let (session, handle) = Session::new(options, recorder.clone());
    (session, handle, recorder)
}

pub fn command(id: u32, request: Request) -> Command {
    Command {
        id,
        request,
        enqueued: Instant::now(),
        during_hook: false,
    }
}

pub fn query(sql: &str) -> Request {
    Request::Query {
        sql: sql.into(),
        idempotent: false,
        timeout: None,
        infile_from_js: false,
    }
}
