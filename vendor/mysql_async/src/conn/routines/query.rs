use std::marker::PhantomData;

use futures_core::future::BoxFuture;
use futures_util::FutureExt;
use mysql_common::constants::Command;
#[cfg(feature = "tracing")]
use tracing::{field, span_enabled, Level};

use crate::tracing_utils::TracingLevel;
use crate::{Conn, TextProtocol};

use super::Routine;

/// A routine that performs `COM_QUERY`.
#[derive(Debug, Copy, Clone)]
pub struct QueryRoutine<'a, L: TracingLevel> {
    data: &'a [u8],
    _phantom: PhantomData<L>,
}

impl<'a, L: TracingLevel> QueryRoutine<'a, L> {
    pub fn new(data: &'a [u8]) -> Self {
        Self {
            data,
            _phantom: PhantomData,
        }
    }
}

impl<L: TracingLevel> Routine<()> for QueryRoutine<'_, L> {
    fn call<'a>(self, conn: &'a mut Conn) -> BoxFuture<'a, crate::Result<()>>
    where
        Self: 'a,
    {
        #[cfg(feature = "tracing")]
        let span = create_span!(
            L::LEVEL,
            "mysql_async::query",
            mysql_async.connection.id = conn.id(),
            mysql_async.query.sql = field::Empty,
        );

        #[cfg(feature = "tracing")]
        if span_enabled!(Level::DEBUG) {
            // The statement may contain sensitive data. Restrict to DEBUG.
            span.record(
                "mysql_async.query.sql",
                String::from_utf8_lossy(self.data).as_ref(),
            );
        }

        let fut = async move {
            conn.write_command_data(Command::COM_QUERY, self.data)
                .await?;
            conn.read_result_set::<TextProtocol>(true, None).await?;
            Ok(())
        };

        #[cfg(feature = "tracing")]
        let fut = instrument_result!(fut, span);

        fut.boxed()
    }
}

/// Writes `COM_QUERY` without reading its reply (reconnecting-mysql patch: pipelining).
#[derive(Debug, Copy, Clone)]
pub struct SendAheadRoutine<'a> {
    data: &'a [u8],
}

impl<'a> SendAheadRoutine<'a> {
    pub fn new(data: &'a [u8]) -> Self {
        Self { data }
    }
}

impl Routine<()> for SendAheadRoutine<'_> {
    fn call<'a>(self, conn: &'a mut Conn) -> BoxFuture<'a, crate::Result<()>>
    where
        Self: 'a,
    {
        async move { conn.write_command_data(Command::COM_QUERY, self.data).await }.boxed()
    }
}

/// Reads the reply to a `COM_QUERY` written ahead, once the replies before it are read
/// (reconnecting-mysql patch: pipelining).
#[derive(Debug, Copy, Clone)]
pub struct ReadAheadRoutine;

impl Routine<()> for ReadAheadRoutine {
    fn call<'a>(self, conn: &'a mut Conn) -> BoxFuture<'a, crate::Result<()>>
    where
        Self: 'a,
    {
        async move {
            conn.expect_reply();
            conn.read_result_set::<TextProtocol>(true, None).await?;
            Ok(())
        }
        .boxed()
    }
}
