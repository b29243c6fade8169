//! `LOAD DATA LOCAL INFILE`: as in `mysql`, the client reads the file the statement names when
//! `localInfile` is on (the default). When it is off, no handler is installed, the client does not
//! announce LOCAL_FILES, and the server refuses the statement itself. A file that cannot be read
//! is answered with an empty one, so the connection stays in step and the statement fails cleanly.

use std::io;
use std::os::unix::ffi::OsStrExt;

use futures_util::stream::{self, StreamExt};
use mysql_async::prelude::GlobalHandler;
use mysql_async::InfileData;
use tokio_util::io::ReaderStream;

pub struct LocalFiles;

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

impl GlobalHandler for LocalFiles {
    fn handle(
        &self,
        file_name: &[u8],
    ) -> futures_util::future::BoxFuture<'static, Result<InfileData, mysql_async::LocalInfileError>>
    {
        let path = std::path::PathBuf::from(std::ffi::OsStr::from_bytes(file_name));
        Box::pin(async move {
            match tokio::fs::File::open(&path).await {
                Ok(file) => Ok(ReaderStream::new(file).boxed()),
                Err(err) => Ok(failing(open_error(err, &path.to_string_lossy()))),
            }
        })
    }
}
