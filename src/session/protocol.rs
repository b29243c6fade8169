//! What crosses to JavaScript: the reply and event kinds, the `Message` a session sends through
//! its `Sink`, and the flat form of a one-part reply (`into_flat`). `lib/connection.js` reads
//! exactly this; nothing here knows about connections or the queue.

use super::*;

/// Declares the kinds once: as constants for Rust, and by name for JavaScript (`KINDS`).
macro_rules! message_kinds {
    ($($(#[doc = $doc:literal])* $name:ident = $value:literal,)*) => {
        /// Reply and event kinds, as JavaScript reads `Message.kind`.
        pub mod kind {
            $($(#[doc = $doc])* pub const $name: u32 = $value;)*
        }
        /// Every kind by name, handed to JavaScript by `protocol()`: lib/connection.js takes its
        /// numbers from here instead of writing them a second time.
        pub const KINDS: &[(&str, u32)] = &[$((stringify!($name), $value),)*];
    };
}

message_kinds! {
    /// Result parts of a command that is still running.
    PARTIAL = 1,
    /// The command succeeded; the last result parts.
    DONE = 2,
    /// The command failed; `error`, and the result parts of statements that ran before it.
    FAILED = 3,
    /// First connection established (`event.threadId`).
    CONNECT = 10,
    /// The connection was lost (`event.error`).
    DISCONNECT = 11,
    /// A reconnect attempt is about to start (`event.attempt`, `delay`, `error`).
    RECONNECTING = 12,
    /// Reconnected (`attempts`, `downtime`, `threadId`, `previousThreadId`, `lostState`).
    RECONNECT = 13,
    /// Gave up (`error`, fatal); every pending command has failed with it.
    GAVE_UP = 14,
    /// The session has ended; no message follows.
    CLOSED = 15,
    /// A new connection is up: run the `onConnect` function (`event.attempt` is the round to
    /// answer with `hookDone`), before any queued command.
    CONNECT_HOOK = 16,
    /// `statistics()` answer: the server's status line in `text`.
    STATISTICS = 17,
    /// The session moved to another host (`previousHost` -> `host`, `reason`, `error`); the
    /// CONNECT or RECONNECT event follows.
    FAILOVER = 18,
    /// The server asks for the file the running `LOAD DATA LOCAL INFILE` names (`text`), and the
    /// application serves it (`infileStreamFactory`): feed the stream with `infileData`.
    INFILE = 19,
}

#[napi(object)]
#[derive(Clone, Debug, Default)]
pub struct EventInfo {
    pub thread_id: Option<u32>,
    pub previous_thread_id: Option<u32>,
    pub attempt: Option<u32>,
    pub attempts: Option<u32>,
    /// Milliseconds.
    pub delay: Option<f64>,
    /// Milliseconds since the loss.
    pub downtime: Option<f64>,
    pub error: Option<ErrorInfo>,
    /// Session state the reconnect could not restore.
    pub lost_state: Option<Vec<String>>,
    /// `host:port` connected to (CONNECT, RECONNECT, FAILOVER) or about to be tried (RECONNECTING).
    pub host: Option<String>,
    /// `host:port` of the previous connection (RECONNECT, FAILOVER).
    pub previous_host: Option<String>,
    /// Why the session left its previous host (FAILOVER): `unavailable`, `read-only` or `not-ready`.
    pub reason: Option<String>,
}

#[napi(object, object_from_js = false)]
pub struct Message {
    pub kind: u32,
    /// The command this replies to (0 for events).
    pub id: u32,
    pub parts: Option<Vec<ResultPart>>,
    pub error: Option<ErrorInfo>,
    /// The statement that failed, for an ordinary statement error (`err.index`).
    pub index: Option<u32>,
    /// Text payload (`statistics()`).
    pub text: Option<String>,
    pub event: Option<EventInfo>,
}

/// The common replies (one part, no error), which the event loop hands to JavaScript as call
/// arguments instead of an object: N-API sets an object's properties one call each, about 2,000
/// instructions a property (callgrind), and these replies carry 8 to 15 of them; JavaScript
/// builds the same objects for a fraction of that.
pub struct FlatReply {
    pub kind: u32,
    pub id: u32,
    /// The statement the part belongs to.
    pub index: u32,
    pub payload: FlatPayload,
}

/// A message as it crosses to JavaScript: as call arguments when it has a flat shape, else as an
/// object.
// Built and consumed at once on the way out, never stored: boxing the large variant would only
// add an allocation per message.
#[allow(clippy::large_enum_variant)]
pub enum Shaped {
    Flat(FlatReply),
    Whole(Message),
}

/// What a flat reply's part holds.
pub enum FlatPayload {
    /// Rows whose columns JavaScript already has (`sameFields`, or a later chunk).
    Rows {
        same_fields: Option<bool>,
        rows: u32,
        data: Option<RowBytes>,
        ascii: Option<bool>,
    },
    /// A statement without rows whose counters a JavaScript number holds exactly.
    Ok {
        affected_rows: f64,
        insert_id: f64,
        server_status: u32,
        warning_count: u32,
        info: String,
    },
}

impl FlatPayload {
    /// The first argument of each shape (JavaScript reads them from `protocol()`).
    pub const ROWS: u32 = 1;
    pub const OK: u32 = 2;
    /// What follows (shape, kind, id, index) in each shape, in argument order, by the names
    /// JavaScript gives them: lib/connection.js checks its reader against these at load.
    pub const ROWS_SLOTS: &'static [&'static str] = &["sameFields", "rows", "data", "ascii"];
    pub const OK_SLOTS: &'static [&'static str] = &[
        "affectedRows",
        "insertId",
        "serverStatus",
        "warningCount",
        "info",
    ];
}

/// A part of a reply that has a flat shape.
pub(super) fn is_flat(part: &ResultPart) -> bool {
    part.fields.is_none()
        && match &part.ok {
            Some(ok) => {
                part.data.is_none()
                    && ok.affected_rows_text.is_none()
                    && ok.insert_id_text.is_none()
            }
            None => true,
        }
}

impl Message {
    /// The flat form of a reply of one part, or the message as it was.
    pub fn into_flat(mut self) -> Shaped {
        let flat = matches!(self.kind, kind::PARTIAL | kind::DONE)
            && self.error.is_none()
            && self.index.is_none()
            && self.text.is_none()
            && self.event.is_none()
            && self
                .parts
                .as_ref()
                .is_some_and(|parts| parts.len() == 1 && is_flat(&parts[0]));
        if !flat {
            return Shaped::Whole(self);
        }
        // The check above leaves exactly one part.
        let Some(part) = self.parts.take().and_then(|mut parts| parts.pop()) else {
            return Shaped::Whole(self);
        };
        let payload = match part.ok {
            Some(ok) => FlatPayload::Ok {
                affected_rows: ok.affected_rows,
                insert_id: ok.insert_id,
                server_status: ok.server_status,
                warning_count: ok.warning_count,
                info: ok.info,
            },
            None => FlatPayload::Rows {
                same_fields: part.same_fields,
                rows: part.rows,
                data: part.data,
                ascii: part.ascii,
            },
        };
        Shaped::Flat(FlatReply {
            kind: self.kind,
            id: self.id,
            index: part.index,
            payload,
        })
    }

    pub(super) fn reply(
        kind: u32,
        id: u32,
        parts: Vec<ResultPart>,
        error: Option<ErrorInfo>,
    ) -> Self {
        Message {
            kind,
            id,
            parts: (!parts.is_empty()).then_some(parts),
            error,
            index: None,
            text: None,
            event: None,
        }
    }

    pub(super) fn event(kind: u32, event: EventInfo) -> Self {
        Message {
            kind,
            id: 0,
            parts: None,
            error: None,
            index: None,
            text: None,
            event: Some(event),
        }
    }

    /// The session gave up with `error` (CLOSED follows).
    pub fn gave_up(error: ErrorInfo) -> Self {
        Message {
            error: Some(error),
            event: None,
            ..Message::event(kind::GAVE_UP, EventInfo::default())
        }
    }

    /// The session has ended; no message follows.
    pub fn closed() -> Self {
        Message::event(kind::CLOSED, EventInfo::default())
    }
}

/// Where the session's replies and events go (a threadsafe function into JavaScript).
pub trait Sink: Send + Sync + 'static {
    fn send(&self, message: Message);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows_part(index: u32) -> ResultPart {
        ResultPart {
            index,
            fields: None,
            same_fields: Some(true),
            rows: 3,
            data: None,
            ascii: Some(true),
            ok: None,
        }
    }

    fn ok_info(affected_rows: u64) -> OkInfo {
        let (affected_rows, affected_rows_text) = counter(affected_rows);
        OkInfo {
            affected_rows,
            affected_rows_text,
            insert_id: 7.0,
            server_status: 2,
            info: "info".into(),
            ..Default::default()
        }
    }

    #[test]
    fn a_reply_of_one_part_is_flat_and_keeps_its_values() {
        let rows = Message::reply(kind::DONE, 5, vec![rows_part(1)], None).into_flat();
        assert!(matches!(
            rows,
            Shaped::Flat(FlatReply {
                kind: kind::DONE,
                id: 5,
                index: 1,
                payload: FlatPayload::Rows {
                    same_fields: Some(true),
                    rows: 3,
                    ascii: Some(true),
                    ..
                },
            })
        ));
        let ok = Message::reply(kind::PARTIAL, 6, vec![ok_part(0, ok_info(2))], None).into_flat();
        assert!(matches!(
            ok,
            Shaped::Flat(FlatReply {
                kind: kind::PARTIAL,
                id: 6,
                index: 0,
                payload: FlatPayload::Ok { server_status: 2, ref info, .. },
            }) if info == "info"
        ));
    }

    #[test]
    fn other_messages_come_back_whole() {
        let with_fields = ResultPart {
            fields: Some(Vec::new()),
            ..rows_part(0)
        };
        let cases = [
            Message::reply(kind::DONE, 1, vec![rows_part(0), rows_part(1)], None),
            Message::reply(kind::DONE, 1, vec![with_fields], None),
            Message::reply(kind::DONE, 1, Vec::new(), None),
            // Beyond 2^53, the exact digits travel as text: the object form carries them.
            Message::reply(kind::DONE, 1, vec![ok_part(0, ok_info(1 << 60))], None),
            Message::reply(kind::FAILED, 1, vec![rows_part(0)], Some(server_closed())),
        ];
        for message in cases {
            let parts = message.parts.as_ref().map_or(0, Vec::len);
            match message.into_flat() {
                Shaped::Flat(_) => {
                    panic!("flattened a message that is not a plain one-part reply")
                }
                Shaped::Whole(back) => assert_eq!(back.parts.as_ref().map_or(0, Vec::len), parts),
            }
        }
    }
}
