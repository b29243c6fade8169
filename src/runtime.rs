//! The one tokio runtime every session runs on: current-thread, on a thread of its own, so each
//! reply costs one wake-up of the JS thread and no hop through a worker pool.

use std::sync::OnceLock;

use tokio::runtime::{Builder, Handle};

static RUNTIME: OnceLock<Result<Handle, String>> = OnceLock::new();

/// The shared runtime, started on first use.
pub fn handle() -> Result<&'static Handle, String> {
    RUNTIME
        .get_or_init(|| {
            let runtime = Builder::new_current_thread()
                .enable_all()
                .build()
                .map_err(|err| format!("cannot start the tokio runtime: {err}"))?;
            let handle = runtime.handle().clone();
            std::thread::Builder::new()
                .name("reconnecting-mysql".into())
                .spawn(move || runtime.block_on(std::future::pending::<()>()))
                .map_err(|err| format!("cannot start the runtime thread: {err}"))?;
            Ok(handle)
        })
        .as_ref()
        .map_err(Clone::clone)
}
