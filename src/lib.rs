//! # reconnecting-mysql: the native core
//!
//! ## Design
//! - One tokio task per connection ([`session`]) owns the `mysql_async::Conn`. It is the only code that
//!   touches the socket: it runs the command queue in order, finds losses (errors, ping after idle,
//!   keepalive), reconnects with backoff ([`policy`]), guards transactions and restores session state.
//! - The napi class ([`connection`]) holds no logic: each method puts one command on the session's
//!   channel. Replies and events flow back through one threadsafe function per session, which keeps
//!   Node alive exactly while the session is open (as a socket does in `mysql`).
//! - The sessions of a JS thread share one current-thread tokio runtime that Node's event loop drives
//!   on the JS thread itself ([`runtime`]): no thread hop per query, as mysql2 does its I/O. A
//!   runtime thread of its own is the fallback (`RECONNECTING_MYSQL_RUNTIME=thread`).
//! - Results cross the boundary as compact buffers ([`resultset`]): the row packets of a chunk in
//!   one `Buffer`, checked in Rust; JavaScript reads the length-encoded cells, builds the row objects
//!   and casts values as `mysql` does. Errors cross as structured fields ([`error`]), never JSON in a message.
//! - No panic crosses into Node: sessions run under `catch_unwind`, and input-dependent paths return
//!   errors instead of unwrapping.
#![deny(clippy::all)]

pub mod connection;
pub mod error;
pub mod host_gate;
pub mod infile;
pub mod policy;
pub mod resultset;
pub mod runtime;
pub mod session;
pub mod statement;
