//! `LOAD DATA LOCAL INFILE`, safe against a hostile server. A server can answer *any* command
//! with "send me file X"; `mysql` obeys, which lets a rogue server (or anyone on an unencrypted
//! path) read any file the process can. Here a file is sent only while the command in flight is
//! the application's own `LOAD DATA LOCAL INFILE '<name>'` and the server asks for exactly that
//! name, once: the session arms a [`Permit`] for that one statement. Every other request is
//! answered with an empty file, so the server ends the statement and the connection stays in
//! step, and the statement fails with `ER_LOCAL_INFILE_WRONG_FILENAME` without opening anything.
//! A permitted file that cannot be read is answered the same way and fails with Node's fs error.
//! With `infileStreamFactory`, a permitted request is handed to JavaScript instead of opening a
//! file ([`JsFiles`]): the application's stream is fed back chunk by chunk through a [`Feed`].

use std::io;
use std::os::unix::ffi::OsStrExt;
use std::sync::{Arc, Mutex};

use bytes::Bytes;
use futures_util::stream::{self, StreamExt};
use mysql_async::prelude::GlobalHandler;
use mysql_async::InfileData;
use tokio::sync::mpsc;
use tokio_util::io::ReaderStream;

/// The code of a request for another file than the statement names.
pub const REFUSED: &str = "ER_LOCAL_INFILE_WRONG_FILENAME";
/// The code of a request refused because `localInfile` is false.
pub const DISABLED: &str = "ER_LOCAL_INFILE_DISABLED";

/// The one file name the server may ask for while the application's statement runs.
#[derive(Clone, Default)]
pub struct Permit(Arc<Mutex<Option<Grant>>>);

struct Grant {
    name: Vec<u8>,
    /// The command whose statement names the file, and whether JavaScript serves it.
    command: u32,
    from_js: bool,
}

impl Permit {
    /// Arms the permit for `sql` (command `command`; `from_js`: the application serves the
    /// file) if it is a `LOAD DATA LOCAL INFILE` statement, else disarms.
    pub fn arm_for(&self, command: u32, sql: &str, from_js: bool) {
        *lock(&self.0) = local_infile_name(sql).map(|name| Grant {
            name,
            command,
            from_js,
        });
    }

    pub fn disarm(&self) {
        *lock(&self.0) = None;
    }

    /// Takes the permit if it names exactly `requested`: a server gets one file per statement.
    fn take_if(&self, requested: &[u8]) -> Option<Grant> {
        let grant = lock(&self.0).take()?;
        (grant.name == requested).then_some(grant)
    }
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    // A panic elsewhere cannot leave the value half-written: recover it.
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// The bytes of the file being sent, as JavaScript reads them from the application's stream.
/// One transfer at a time: a new request replaces (and so ends) an old, abandoned one.
#[derive(Clone, Default)]
pub struct Feed(Arc<Mutex<Option<mpsc::UnboundedSender<io::Result<Bytes>>>>>);

impl Feed {
    fn open(&self) -> mpsc::UnboundedReceiver<io::Result<Bytes>> {
        let (sender, receiver) = mpsc::unbounded_channel();
        *lock(&self.0) = Some(sender);
        receiver
    }

    /// Passes one chunk on. False when no transfer waits for it (the statement ended, the
    /// connection was lost): JavaScript should stop reading.
    pub fn push(&self, chunk: Vec<u8>) -> bool {
        lock(&self.0)
            .as_ref()
            .is_some_and(|sender| sender.send(Ok(Bytes::from(chunk))).is_ok())
    }

    /// Ends the transfer: the file is complete, or (`failure`: code and message) the stream
    /// failed, which fails the statement with that error after an empty remainder.
    pub fn end(&self, failure: Option<(String, String)>) -> bool {
        let Some(sender) = lock(&self.0).take() else {
            return false;
        };
        match failure {
            None => !sender.is_closed(),
            Some((code, message)) => sender
                .send(Err(io::Error::other(StreamFailed { code, message })))
                .is_ok(),
        }
    }
}

/// The application's `infileStreamFactory` failed or its stream emitted an error.
#[derive(Debug)]
pub struct StreamFailed {
    pub code: String,
    pub message: String,
}

impl std::fmt::Display for StreamFailed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for StreamFailed {}

/// Tells JavaScript that command `command` may now send file `name`.
pub type AskJs = Box<dyn Fn(u32, &[u8]) + Send + Sync>;

/// Permitted requests go to JavaScript: `ask` tells it to open the application's stream and feed
/// it through `feed`.
pub struct JsFiles {
    pub ask: AskJs,
    pub feed: Feed,
}

pub struct LocalFiles {
    permit: Permit,
    from_js: Arc<JsFiles>,
}

impl LocalFiles {
    pub fn new(permit: Permit, from_js: Arc<JsFiles>) -> Self {
        LocalFiles { permit, from_js }
    }
}

fn failing(err: io::Error) -> InfileData {
    stream::once(async move { Err(err) }).boxed()
}

/// Node's wording for a failed open, e.g. "ENOENT: no such file or directory, open '/x'".
fn open_error(err: io::Error, path: &str) -> io::Error {
    let (code, text) = match err.kind() {
        io::ErrorKind::NotFound => ("ENOENT", "no such file or directory"),
        io::ErrorKind::PermissionDenied => ("EACCES", "permission denied"),
        _ => ("EIO", "i/o error"),
    };
    io::Error::new(err.kind(), format!("{code}: {text}, open '{path}'"))
}

/// A request refused by the permit, carried inside the io::Error mysql_async hands back, so that
/// error.rs can tell it from a file that could not be read.
#[derive(Debug)]
pub struct Refused(String);

impl std::fmt::Display for Refused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Refused {}

fn refused(requested: &[u8]) -> io::Error {
    io::Error::other(Refused(format!(
        "{REFUSED}: the server asked for LOCAL INFILE '{}', which is not the file this statement names; refused without reading it",
        String::from_utf8_lossy(requested)
    )))
}

impl GlobalHandler for LocalFiles {
    fn handle(
        &self,
        file_name: &[u8],
    ) -> futures_util::future::BoxFuture<'static, Result<InfileData, mysql_async::LocalInfileError>>
    {
        let Some(grant) = self.permit.take_if(file_name) else {
            let err = refused(file_name);
            return Box::pin(async move { Ok(failing(err)) });
        };
        if grant.from_js {
            let receiver = self.from_js.feed.open();
            (self.from_js.ask)(grant.command, file_name);
            let chunks = stream::unfold(receiver, |mut receiver| async move {
                let chunk = receiver.recv().await?;
                Some((chunk, receiver))
            });
            return Box::pin(async move { Ok(chunks.boxed()) });
        }
        let path = std::path::PathBuf::from(std::ffi::OsStr::from_bytes(file_name));
        Box::pin(async move {
            match tokio::fs::File::open(&path).await {
                Ok(file) => Ok(ReaderStream::new(file).boxed()),
                Err(err) => Ok(failing(open_error(err, &path.to_string_lossy()))),
            }
        })
    }
}

/// Skips whitespace and comments (`/* */`, `-- `, `#`) from the start of `sql`.
fn skip_blank(sql: &[u8]) -> &[u8] {
    let mut rest = sql;
    loop {
        let trimmed = rest.trim_ascii_start();
        if let Some(after) = trimmed.strip_prefix(b"/*") {
            match after.windows(2).position(|w| w == b"*/") {
                Some(end) => rest = &after[end + 2..],
                None => return &[],
            }
        } else if trimmed.starts_with(b"#")
            || (trimmed.starts_with(b"--")
                && trimmed.get(2).is_none_or(|c| c.is_ascii_whitespace()))
        {
            match trimmed.iter().position(|&c| c == b'\n') {
                Some(end) => rest = &trimmed[end + 1..],
                None => return &[],
            }
        } else {
            return trimmed;
        }
    }
}

/// Consumes the keyword `word` (case-insensitive, followed by a non-identifier byte).
fn keyword<'a>(sql: &'a [u8], word: &str) -> Option<&'a [u8]> {
    let sql = skip_blank(sql);
    let head = sql.get(..word.len())?;
    let boundary = sql
        .get(word.len())
        .is_none_or(|c| !(c.is_ascii_alphanumeric() || *c == b'_'));
    (head.eq_ignore_ascii_case(word.as_bytes()) && boundary).then(|| &sql[word.len()..])
}

/// A quoted string literal with the escapes MySQL (and `mysql`'s escaping) use.
fn string_literal(sql: &[u8]) -> Option<Vec<u8>> {
    let sql = skip_blank(sql);
    let quote = *sql.first().filter(|q| **q == b'\'' || **q == b'"')?;
    let mut out = Vec::new();
    let mut i = 1;
    while i < sql.len() {
        let c = sql[i];
        if c == b'\\' {
            let escaped = *sql.get(i + 1)?;
            out.extend_from_slice(match escaped {
                b'0' => b"\0",
                b'b' => b"\x08",
                b'n' => b"\n",
                b'r' => b"\r",
                b't' => b"\t",
                b'Z' => b"\x1a",
                // MySQL keeps the backslash before % and _ (they are LIKE wildcards).
                b'%' => b"\\%",
                b'_' => b"\\_",
                _ => std::slice::from_ref(&sql[i + 1]),
            });
            i += 2;
        } else if c == quote {
            if sql.get(i + 1) == Some(&quote) {
                out.push(quote);
                i += 2;
            } else {
                return Some(out);
            }
        } else {
            out.push(c);
            i += 1;
        }
    }
    None
}

/// The file a `LOAD DATA|XML [LOW_PRIORITY|CONCURRENT] LOCAL INFILE '<name>'` statement names, as
/// the server will ask for it; None for any other statement.
pub fn local_infile_name(sql: &str) -> Option<Vec<u8>> {
    let rest = keyword(sql.as_bytes(), "LOAD")?;
    let rest = keyword(rest, "DATA").or_else(|| keyword(rest, "XML"))?;
    let rest = keyword(rest, "LOW_PRIORITY")
        .or_else(|| keyword(rest, "CONCURRENT"))
        .unwrap_or(rest);
    let rest = keyword(rest, "LOCAL")?;
    string_literal(keyword(rest, "INFILE")?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(sql: &str) -> Option<String> {
        local_infile_name(sql).map(|n| String::from_utf8(n).unwrap())
    }

    #[test]
    fn names_the_file_of_a_load_data_local_statement() {
        assert_eq!(
            name("LOAD DATA LOCAL INFILE '/tmp/a.csv' INTO TABLE t").as_deref(),
            Some("/tmp/a.csv")
        );
        assert_eq!(
            name("  load data local infile \"b.tsv\" into table t").as_deref(),
            Some("b.tsv")
        );
        assert_eq!(
            name("LOAD DATA LOW_PRIORITY LOCAL INFILE 'c' INTO TABLE t").as_deref(),
            Some("c")
        );
        assert_eq!(
            name("LOAD DATA CONCURRENT LOCAL INFILE 'c' INTO TABLE t").as_deref(),
            Some("c")
        );
        assert_eq!(
            name("LOAD XML LOCAL INFILE 'x.xml' INTO TABLE t").as_deref(),
            Some("x.xml")
        );
        assert_eq!(
            name("/* hint */ LOAD DATA -- c\n LOCAL INFILE 'd' INTO TABLE t").as_deref(),
            Some("d")
        );
        assert_eq!(
            name("# c\nLOAD\tDATA\nLOCAL\nINFILE'e'").as_deref(),
            Some("e")
        );
    }

    #[test]
    fn decodes_escapes_as_mysql_and_sqlstring_write_them() {
        assert_eq!(
            name(r"LOAD DATA LOCAL INFILE 'it\'s.csv' INTO TABLE t").as_deref(),
            Some("it's.csv")
        );
        assert_eq!(
            name("LOAD DATA LOCAL INFILE 'it''s.csv' INTO TABLE t").as_deref(),
            Some("it's.csv")
        );
        assert_eq!(
            name(r#"LOAD DATA LOCAL INFILE "a\"b" INTO TABLE t"#).as_deref(),
            Some("a\"b")
        );
        assert_eq!(
            name(r"LOAD DATA LOCAL INFILE 'C:\\dir\\f' INTO TABLE t").as_deref(),
            Some(r"C:\dir\f")
        );
        assert_eq!(
            name(r"LOAD DATA LOCAL INFILE 'a\nb\tc\0' INTO TABLE t").as_deref(),
            Some("a\nb\tc\0")
        );
        assert_eq!(
            name(r"LOAD DATA LOCAL INFILE '50\%_\_x' INTO TABLE t").as_deref(),
            Some(r"50\%_\_x")
        );
    }

    #[test]
    fn other_statements_name_no_file() {
        for sql in [
            "SELECT 1",
            "LOAD DATA INFILE '/etc/passwd' INTO TABLE t", // server-side file: never ours to send
            "SELECT 'LOAD DATA LOCAL INFILE ''x'''",
            "LOADDATA LOCAL INFILE 'x'",
            "LOAD DATA LOCALINFILE 'x'",
            "LOAD DATA LOCAL INFILE x",
            "LOAD DATA LOCAL INFILE 'unterminated",
            "/* LOAD DATA LOCAL INFILE 'x' */ SELECT 1",
            "-- LOAD DATA LOCAL INFILE 'x'",
            "",
        ] {
            assert_eq!(name(sql), None, "{sql}");
        }
    }

    #[test]
    fn a_permit_grants_exactly_its_name_once() {
        let permit = Permit::default();
        let load = "LOAD DATA LOCAL INFILE 'a.csv' INTO TABLE t";
        let granted = |name: &[u8]| permit.take_if(name).map(|g| (g.command, g.from_js));
        permit.arm_for(7, load, false);
        assert_eq!(granted(b"/etc/passwd"), None, "another name is refused");
        assert_eq!(granted(b"a.csv"), None, "and a refusal spends the permit");
        permit.arm_for(8, load, true);
        assert_eq!(granted(b"a.csv"), Some((8, true)), "granted to its command");
        assert_eq!(
            granted(b"a.csv"),
            None,
            "a second request in the same statement is refused"
        );
        permit.arm_for(9, "SELECT 1", true);
        assert_eq!(granted(b"a.csv"), None);
        permit.arm_for(10, load, false);
        permit.disarm();
        assert_eq!(granted(b"a.csv"), None);
    }

    #[test]
    fn a_feed_passes_chunks_until_ended_and_refuses_after() {
        let feed = Feed::default();
        assert!(
            !feed.push(b"early".to_vec()),
            "nothing waits before a request"
        );
        let mut receiver = feed.open();
        assert!(feed.push(b"a,b\n".to_vec()));
        assert!(feed.end(None));
        assert_eq!(
            receiver.try_recv().unwrap().unwrap(),
            Bytes::from_static(b"a,b\n")
        );
        assert!(
            receiver.try_recv().is_err(),
            "ended: the stream is complete"
        );
        assert!(
            !feed.push(b"late".to_vec()),
            "a chunk after the end is refused"
        );

        let mut receiver = feed.open();
        assert!(feed.end(Some(("EBADF".into(), "bad stream".into()))));
        let failure = receiver.try_recv().unwrap().unwrap_err();
        let inner = failure
            .get_ref()
            .unwrap()
            .downcast_ref::<StreamFailed>()
            .unwrap();
        assert_eq!(inner.code, "EBADF");

        let receiver = feed.open();
        drop(receiver); // the statement was abandoned
        assert!(
            !feed.push(b"x".to_vec()),
            "JavaScript is told to stop reading"
        );
    }
}
