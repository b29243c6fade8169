//! Results as they cross into JavaScript: one `ResultPart` per statement (or per chunk of a large
//! result set). The rows' packets go into one Buffer as the server sent them (each cell a
//! length-encoded string, 0xFB for NULL), checked here first, so a chunk costs a handful of N-API
//! calls whatever its size; JavaScript reads the lengths and casts the values.

use std::sync::Arc;

use mysql_async::Column;
use napi::bindgen_prelude::{ToNapiValue, TypeName, ValidateNapiValue};
use napi::{sys, ValueType};
use napi_derive::napi;

/// Column metadata, as `mysql`'s FieldPacket needs it.
#[napi(object)]
#[derive(Clone, Debug, PartialEq)]
pub struct FieldInfo {
    pub db: String,
    pub table: String,
    pub org_table: String,
    pub name: String,
    pub org_name: String,
    pub charset_nr: u32,
    pub length: u32,
    #[napi(js_name = "type")]
    pub column_type: u32,
    pub flags: u32,
    pub decimals: u32,
}

impl FieldInfo {
    /// Whether `column` would make this FieldInfo, compared in place (no String built).
    fn describes(&self, column: &Column) -> bool {
        self.column_type == column.column_type() as u32
            && self.charset_nr == u32::from(column.character_set())
            && self.length == column.column_length()
            && self.flags == u32::from(column.flags().bits())
            && self.decimals == u32::from(column.decimals())
            && self.name == column.name_str()
            && self.org_name == column.org_name_str()
            && self.table == column.table_str()
            && self.org_table == column.org_table_str()
            && self.db == column.schema_str()
    }
}

impl From<&Column> for FieldInfo {
    fn from(column: &Column) -> Self {
        FieldInfo {
            db: column.schema_str().into_owned(),
            table: column.table_str().into_owned(),
            org_table: column.org_table_str().into_owned(),
            name: column.name_str().into_owned(),
            org_name: column.org_name_str().into_owned(),
            charset_nr: u32::from(column.character_set()),
            length: column.column_length(),
            column_type: column.column_type() as u32,
            flags: u32::from(column.flags().bits()),
            decimals: u32::from(column.decimals()),
        }
    }
}

/// An OK packet's fields; JavaScript adds `message` parsing and `changedRows` as `mysql` does.
#[napi(object)]
#[derive(Clone, Debug, Default)]
pub struct OkInfo {
    pub affected_rows: f64,
    pub insert_id: f64,
    /// The exact value when it is beyond 2^53 (a JS number would round it).
    pub affected_rows_text: Option<String>,
    pub insert_id_text: Option<String>,
    pub server_status: u32,
    pub warning_count: u32,
    pub info: String,
}

/// One statement's result, or a chunk of it. `fields` is set on the first chunk of a row set;
/// `ok` on a statement without rows.
#[napi(object, object_from_js = false)]
pub struct ResultPart {
    /// Statement index within a multi-statement query.
    pub index: u32,
    pub fields: Option<Vec<FieldInfo>>,
    /// The columns are those the session sent last (fields omitted: JavaScript reuses them).
    pub same_fields: Option<bool>,
    pub rows: u32,
    #[napi(ts_type = "Buffer")]
    pub data: Option<RowBytes>,
    /// Every cell in `data` is ASCII: JavaScript may read strings as latin1, skipping UTF-8
    /// decoding (the same strings).
    pub ascii: Option<bool>,
    pub ok: Option<OkInfo>,
}

/// The row packets of a part. Small ones are copied into a Buffer V8 owns (one call, no
/// finalizer); large ones are handed over without a copy, and their memory comes back to the
/// chunk pool when V8 frees the Buffer.
pub struct RowBytes(Vec<u8>);

const COPY_BELOW: usize = 8 << 10;

impl ToNapiValue for RowBytes {
    unsafe fn to_napi_value(env: sys::napi_env, value: Self) -> napi::Result<sys::napi_value> {
        let bytes = value.0;
        let mut buffer = std::ptr::null_mut();
        if bytes.len() >= COPY_BELOW {
            let mut owned = Box::new(bytes);
            let (data, length) = (owned.as_mut_ptr(), owned.len());
            let hint = Box::into_raw(owned);
            let status = unsafe {
                sys::napi_create_external_buffer(
                    env,
                    length,
                    data.cast(),
                    Some(return_to_pool),
                    hint.cast(),
                    &mut buffer,
                )
            };
            if status == sys::Status::napi_ok {
                return Ok(buffer);
            }
            // Not created (a runtime without external buffers, say): copy it instead.
            let bytes = *unsafe { Box::from_raw(hint) };
            return unsafe { copy_into_buffer(env, bytes) };
        }
        unsafe { copy_into_buffer(env, bytes) }
    }
}

unsafe fn copy_into_buffer(env: sys::napi_env, bytes: Vec<u8>) -> napi::Result<sys::napi_value> {
    let mut buffer = std::ptr::null_mut();
    let status = unsafe {
        sys::napi_create_buffer_copy(
            env,
            bytes.len(),
            bytes.as_ptr().cast(),
            std::ptr::null_mut(),
            &mut buffer,
        )
    };
    chunk_pool::give_back(bytes);
    if status == sys::Status::napi_ok {
        Ok(buffer)
    } else {
        Err(napi::Error::from_reason("cannot create a result buffer"))
    }
}

impl TypeName for RowBytes {
    fn type_name() -> &'static str {
        "Buffer"
    }

    fn value_type() -> ValueType {
        ValueType::Object
    }
}

impl ValidateNapiValue for RowBytes {}

/// V8 freed an external chunk Buffer: its memory goes back to the pool.
unsafe extern "C" fn return_to_pool(
    _env: sys::napi_env,
    _data: *mut std::ffi::c_void,
    hint: *mut std::ffi::c_void,
) {
    if !hint.is_null() {
        chunk_pool::give_back(*unsafe { Box::from_raw(hint.cast::<Vec<u8>>()) });
    }
}

/// Chunk buffers, reused. Allocating a fresh 32 KB chunk for every part, and freeing it when V8
/// collects the Buffer, made glibc trim and regrow its heap: 9 page faults per 1,000-row query
/// against mysql2's 4 (measured; `MALLOC_TOP_PAD_` made the difference vanish too).
pub mod chunk_pool {
    use std::sync::Mutex;

    /// At most this many idle chunks are kept (2 MB).
    const MAX_IDLE: usize = 64;
    /// Bigger buffers (a chunk that had to hold one huge row) are freed, not kept.
    const MAX_KEPT_CAPACITY: usize = 2 * super::CHUNK_BYTES;

    pub struct ChunkPool {
        idle: Mutex<Vec<Vec<u8>>>,
    }

    impl Default for ChunkPool {
        fn default() -> Self {
            Self::new()
        }
    }

    impl ChunkPool {
        pub const fn new() -> Self {
            ChunkPool {
                idle: Mutex::new(Vec::new()),
            }
        }

        /// An empty buffer with room for at least `capacity` bytes.
        pub fn take(&self, capacity: usize) -> Vec<u8> {
            let reused = self.idle.lock().ok().and_then(|mut idle| idle.pop());
            let mut buffer = reused.unwrap_or_default();
            buffer.reserve(capacity);
            buffer
        }

        pub fn give_back(&self, mut buffer: Vec<u8>) {
            if buffer.capacity() < super::CHUNK_BYTES || buffer.capacity() > MAX_KEPT_CAPACITY {
                return;
            }
            buffer.clear();
            if let Ok(mut idle) = self.idle.lock() {
                if idle.len() < MAX_IDLE {
                    idle.push(buffer);
                }
            }
        }

        #[cfg(test)]
        pub fn idle_count(&self) -> usize {
            self.idle.lock().map(|idle| idle.len()).unwrap_or(0)
        }
    }

    static POOL: ChunkPool = ChunkPool::new();

    pub fn take(capacity: usize) -> Vec<u8> {
        POOL.take(capacity)
    }

    pub fn give_back(buffer: Vec<u8>) {
        POOL.give_back(buffer)
    }
}

/// Accumulates the rows of one result set until it is flushed as a part.
pub struct RowBuffer {
    pub index: u32,
    fields: Option<Vec<FieldInfo>>,
    /// The result set's header (fields or same_fields) is still to be sent.
    header_pending: bool,
    columns: usize,
    rows: u32,
    data: Vec<u8>,
    ascii: bool,
}

/// A chunk is flushed to JavaScript once it holds this many bytes.
pub const CHUNK_BYTES: usize = 32 << 10;

/// The columns a session sent JavaScript last, and the definitions they were made from.
#[derive(Default)]
pub struct SentColumns {
    fields: Vec<FieldInfo>,
    definitions: Option<Arc<[Column]>>,
}

impl SentColumns {
    /// Parts read before a loss may be dropped (a retry): columns are sent afresh.
    pub fn clear(&mut self) {
        self.fields.clear();
        self.definitions = None;
    }
}

impl RowBuffer {
    /// `sent`: the columns this session sent last; a result set with the same columns (the
    /// same query again, typically) does not send them again.
    pub fn new(index: u32, columns: &Arc<[Column]>, sent: &mut SentColumns) -> Self {
        // mysql_async hands back the previous definitions when the server's are the same bytes.
        if sent
            .definitions
            .as_ref()
            .is_some_and(|last| Arc::ptr_eq(last, columns))
        {
            return Self::with_header(index, None, columns.len());
        }
        // Compared in place first: building the FieldInfo of each column (five Strings) only to
        // find them equal was most of the native time of a repeated 100-column query.
        let same = columns.len() == sent.fields.len()
            && sent
                .fields
                .iter()
                .zip(columns.iter())
                .all(|(field, column)| field.describes(column));
        sent.definitions = Some(columns.clone());
        if same {
            return Self::with_header(index, None, columns.len());
        }
        Self::with_fields(
            index,
            columns.iter().map(FieldInfo::from).collect(),
            &mut sent.fields,
        )
    }

    fn with_fields(index: u32, fields: Vec<FieldInfo>, sent_fields: &mut Vec<FieldInfo>) -> Self {
        let columns = fields.len();
        let fields = if fields == *sent_fields {
            None
        } else {
            sent_fields.clone_from(&fields);
            Some(fields)
        };
        Self::with_header(index, fields, columns)
    }

    /// `fields` None: the same columns as the session sent last.
    fn with_header(index: u32, fields: Option<Vec<FieldInfo>>, columns: usize) -> Self {
        RowBuffer {
            index,
            fields,
            header_pending: true,
            columns,
            rows: 0,
            data: Vec::new(),
            ascii: true,
        }
    }

    /// Appends one text-protocol row packet: each cell is a length-encoded string, or 0xFB for
    /// NULL. The packet is checked against the column count first, so a malformed (or lying)
    /// packet is a protocol error here, never misaligned cells in JavaScript.
    pub fn push_raw(&mut self, packet: &[u8]) -> Result<(), mysql_async::Error> {
        // Once a row is not ASCII, the part is not: the later rows are not counted.
        self.ascii = check_row(packet, self.columns, self.ascii)?;
        // Sized once (from the pool) instead of doubling into it; a row too big for a chunk
        // still fits, and its part is sent at once.
        if self.data.capacity() == 0 {
            self.data = chunk_pool::take(CHUNK_BYTES + packet.len());
        }
        self.data.extend_from_slice(packet);
        self.rows += 1;
        Ok(())
    }

    pub fn is_full(&self) -> bool {
        self.data.len() >= CHUNK_BYTES
    }

    /// Rows to send, or the header of an empty result set.
    pub fn has_content(&self) -> bool {
        self.rows > 0 || self.header_pending
    }

    /// Hands over what is buffered; the header goes with the first part only.
    pub fn take_part(&mut self) -> ResultPart {
        let data = std::mem::take(&mut self.data);
        let rows = std::mem::replace(&mut self.rows, 0);
        let header = std::mem::replace(&mut self.header_pending, false);
        let fields = self.fields.take();
        let ascii = std::mem::replace(&mut self.ascii, true);
        ResultPart {
            index: self.index,
            same_fields: (header && fields.is_none()).then_some(true),
            fields,
            rows,
            data: Some(RowBytes(data)),
            ascii: (rows > 0 && ascii).then_some(true),
            ok: None,
        }
    }
}

/// Checks that `packet` is exactly `columns` cells, each NULL or a length-encoded string that
/// fits in the packet. With `want_ascii`, also says whether every cell is ASCII: the packet's
/// bytes above 127 are counted in one pass (vectorised) and must all be length prefixes, which
/// is much cheaper than a check per (short) cell.
fn check_row(packet: &[u8], columns: usize, want_ascii: bool) -> Result<bool, mysql_async::Error> {
    let mut rest = packet;
    let mut high_in_prefixes = 0;
    for _ in 0..columns {
        let (&first, after) = rest.split_first().ok_or_else(malformed_row)?;
        let (width, length) = match first {
            0xfb => (0, 0),
            0xfc => (2, read_le(after, 2)?),
            0xfd => (3, read_le(after, 3)?),
            0xfe => (8, read_le(after, 8)?),
            0xff => return Err(malformed_row()),
            short => (0, u64::from(short)),
        };
        if want_ascii {
            high_in_prefixes += usize::from(first > 0x7f) + count_high(&after[..width]);
        }
        let after = &after[width..];
        let length = usize::try_from(length).map_err(|_| malformed_row())?;
        rest = after.get(length..).ok_or_else(malformed_row)?;
    }
    if !rest.is_empty() {
        return Err(malformed_row());
    }
    Ok(want_ascii && count_high(packet) == high_in_prefixes)
}

/// Bytes above 127. Summed in u8 lanes, 255 bytes at a time, so it vectorises 16 bytes a step.
fn count_high(bytes: &[u8]) -> usize {
    bytes
        .chunks(255)
        .map(|chunk| usize::from(chunk.iter().fold(0u8, |n, byte| n + (byte >> 7))))
        .sum()
}

fn malformed_row() -> mysql_async::Error {
    std::io::Error::new(
        std::io::ErrorKind::InvalidData,
        "malformed row packet from the server",
    )
    .into()
}

/// A little-endian integer of `width` bytes (a length-encoded integer's payload).
fn read_le(bytes: &[u8], width: usize) -> Result<u64, mysql_async::Error> {
    let payload = bytes.get(..width).ok_or_else(malformed_row)?;
    Ok(payload
        .iter()
        .rev()
        .fold(0u64, |value, byte| (value << 8) | u64::from(*byte)))
}

pub fn ok_part(index: u32, ok: OkInfo) -> ResultPart {
    ResultPart {
        index,
        fields: None,
        same_fields: None,
        rows: 0,
        data: None,
        ascii: None,
        ok: Some(ok),
    }
}

/// An unsigned counter as JavaScript sees it: a number, and the exact digits when they matter.
pub fn counter(value: u64) -> (f64, Option<String>) {
    const EXACT: u64 = 1 << 53;
    (value as f64, (value > EXACT).then(|| value.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn buffer(columns: usize) -> RowBuffer {
        RowBuffer {
            index: 0,
            fields: None,
            header_pending: false,
            columns,
            rows: 0,
            data: Vec::new(),
            ascii: true,
        }
    }

    #[test]
    fn parts_say_whether_every_cell_is_ascii() {
        let mut rows = buffer(2);
        rows.push_raw(&[1, b'a', 0xfb]).unwrap();
        assert_eq!(rows.take_part().ascii, Some(true));
        // A length byte above 127 is not a cell byte; a cell byte above 127 is.
        let mut long = vec![200];
        long.extend(std::iter::repeat_n(b'x', 200));
        long.extend([2, 0xc3, 0xa9]);
        rows.push_raw(&long).unwrap();
        assert_eq!(rows.take_part().ascii, None);
        let mut long_ascii = vec![200];
        long_ascii.extend(std::iter::repeat_n(b'x', 200));
        long_ascii.push(0xfb);
        rows.push_raw(&long_ascii).unwrap();
        assert_eq!(
            rows.take_part().ascii,
            Some(true),
            "each part starts ASCII again"
        );
        // Wide length prefixes with high bytes are prefixes, not cell bytes.
        let mut wide = vec![0xfc, 0xc8, 0x00];
        wide.extend(std::iter::repeat_n(b'y', 200));
        wide.extend([0xfd, 0x81, 0, 0]);
        wide.extend(std::iter::repeat_n(b'z', 0x81));
        rows.push_raw(&wide).unwrap();
        assert_eq!(rows.take_part().ascii, Some(true));
        wide[50] = 0x80;
        rows.push_raw(&wide).unwrap();
        assert_eq!(rows.take_part().ascii, None);
    }

    #[test]
    fn well_formed_rows_are_kept_as_sent() {
        let mut rows = buffer(3);
        let mut packet = vec![2, b'4', b'2', 0xfb, 0xfc, 0x2c, 0x01];
        packet.extend(std::iter::repeat_n(b'x', 300));
        rows.push_raw(&packet).unwrap();
        rows.push_raw(&[0, 0xfb, 1, b'z']).unwrap();
        assert_eq!(rows.rows, 2);
        assert_eq!(rows.data.len(), packet.len() + 4);
        assert_eq!(&rows.data[..3], &[2, b'4', b'2']);
    }

    #[test]
    fn chunk_buffers_are_reused_within_bounds() {
        let pool = chunk_pool::ChunkPool::new();
        let mut first = pool.take(CHUNK_BYTES);
        first.extend_from_slice(b"rows");
        let address = first.as_ptr();
        pool.give_back(first);
        let again = pool.take(CHUNK_BYTES);
        assert_eq!(
            again.as_ptr(),
            address,
            "the idle chunk is handed out again"
        );
        assert!(again.is_empty() && again.capacity() >= CHUNK_BYTES);
        // Neither a small buffer nor one that grew for a huge row is kept.
        pool.give_back(Vec::with_capacity(100));
        pool.give_back(Vec::with_capacity(10 * CHUNK_BYTES));
        assert_eq!(pool.idle_count(), 0);
        // Nor more than the cap.
        for _ in 0..200 {
            pool.give_back(Vec::with_capacity(CHUNK_BYTES));
        }
        assert_eq!(pool.idle_count(), 64);
    }

    #[test]
    fn malformed_rows_are_errors_not_misaligned_cells() {
        for packet in [
            &[5, b'a'][..],          // cell longer than the packet
            &[1, b'a', 1, b'b'][..], // fewer cells than columns
            &[0xfc, 0x01][..],       // truncated length
            &[0xff, 0, 0][..],       // not a length prefix
            &[0, 0, 0, 9][..],       // trailing bytes
        ] {
            let mut rows = buffer(3);
            assert!(rows.push_raw(packet).is_err(), "{packet:?}");
            assert_eq!((rows.rows, rows.data.len()), (0, 0));
        }
    }
}

#[cfg(test)]
mod header_tests {
    use super::*;

    fn info(name: &str) -> FieldInfo {
        FieldInfo {
            db: "test".into(),
            table: "t".into(),
            org_table: "t".into(),
            name: name.into(),
            org_name: name.into(),
            charset_nr: 33,
            length: 11,
            column_type: 3,
            flags: 0,
            decimals: 0,
        }
    }

    fn column(name: &str) -> Column {
        Column::new(mysql_async::consts::ColumnType::MYSQL_TYPE_LONG)
            .with_schema(b"test")
            .with_table(b"t")
            .with_org_table(b"t")
            .with_name(name.as_bytes())
            .with_org_name(name.as_bytes())
            .with_character_set(33)
            .with_column_length(11)
    }

    #[test]
    fn columns_are_compared_with_what_was_sent_without_building_them() {
        let columns =
            |names: &[&str]| -> Arc<[Column]> { names.iter().map(|n| column(n)).collect() };
        let mut sent = SentColumns::default();
        let first = RowBuffer::new(0, &columns(&["a", "b"]), &mut sent);
        assert!(first.fields.is_some());
        assert_eq!(sent.fields, vec![info("a"), info("b")]);
        assert!(info("a").describes(&column("a")));
        assert!(!info("a").describes(&column("b")));
        assert!(!info("a").describes(&column("a").with_decimals(2)));
        assert!(!info("a").describes(&column("a").with_table(b"u")));
        let again = RowBuffer::new(0, &columns(&["a", "b"]), &mut sent);
        assert!(
            again.fields.is_none(),
            "the same columns are not sent again"
        );
        let fewer = RowBuffer::new(0, &columns(&["a"]), &mut sent);
        assert!(fewer.fields.is_some());
        assert_eq!(sent.fields, vec![info("a")]);
    }

    #[test]
    fn the_definitions_sent_last_are_known_by_identity_until_cleared() {
        let shared: Arc<[Column]> = vec![column("a")].into();
        let mut sent = SentColumns::default();
        assert!(RowBuffer::new(0, &shared, &mut sent).fields.is_some());
        assert!(RowBuffer::new(0, &shared, &mut sent).fields.is_none());
        sent.clear();
        assert!(
            RowBuffer::new(0, &shared, &mut sent).fields.is_some(),
            "after a clear the columns go again"
        );
    }

    fn buffer_with(fields: Vec<FieldInfo>, sent: &mut Vec<FieldInfo>) -> RowBuffer {
        RowBuffer::with_fields(0, fields, sent)
    }

    #[test]
    fn repeated_columns_are_sent_once_per_change() {
        let mut sent = Vec::new();
        let mut first = buffer_with(vec![info("a")], &mut sent);
        let part = first.take_part();
        assert!(part.fields.is_some() && part.same_fields.is_none());
        assert!(
            !first.has_content(),
            "the header goes with the first part only"
        );
        let part = buffer_with(vec![info("a")], &mut sent).take_part();
        assert!(part.fields.is_none() && part.same_fields == Some(true));
        let part = buffer_with(vec![info("b")], &mut sent).take_part();
        assert_eq!(
            part.fields.map(|f| f[0].name.clone()),
            Some("b".to_string())
        );
    }
}
