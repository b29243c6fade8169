//! Results as they cross into JavaScript: one `ResultPart` per statement (or per chunk of a large
//! result set). Cell bytes go into one Buffer, their lengths (-1 for NULL) into an Int32Array, so a
//! chunk costs a handful of N-API calls whatever its size; JavaScript casts the values.

use mysql_async::{Column, Row, Value};
use napi::bindgen_prelude::{Buffer, Int32Array};
use napi_derive::napi;

/// Column metadata, as `mysql`'s FieldPacket needs it.
#[napi(object)]
#[derive(Clone, Debug)]
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
#[napi(object)]
pub struct ResultPart {
    /// Statement index within a multi-statement query.
    pub index: u32,
    pub fields: Option<Vec<FieldInfo>>,
    pub rows: u32,
    pub data: Option<Buffer>,
    pub lengths: Option<Int32Array>,
    pub ok: Option<OkInfo>,
}

/// Accumulates the rows of one result set until it is flushed as a part.
pub struct RowBuffer {
    pub index: u32,
    pub fields: Option<Vec<FieldInfo>>,
    rows: u32,
    data: Vec<u8>,
    lengths: Vec<i32>,
}

/// A chunk is flushed to JavaScript once it holds this many bytes.
pub const CHUNK_BYTES: usize = 32 << 10;

impl RowBuffer {
    pub fn new(index: u32, columns: &[Column]) -> Self {
        RowBuffer {
            index,
            fields: Some(columns.iter().map(FieldInfo::from).collect()),
            rows: 0,
            data: Vec::new(),
            lengths: Vec::new(),
        }
    }

    pub fn push(&mut self, row: Row) {
        for value in row.unwrap_raw() {
            match value {
                Some(Value::Bytes(bytes)) => self.push_cell(&bytes),
                None | Some(Value::NULL) => self.lengths.push(-1),
                // The text protocol only sends bytes; other variants would come from the binary one.
                Some(other) => self.push_cell(other.as_sql(true).trim_matches('\'').as_bytes()),
            }
        }
        self.rows += 1;
    }

    fn push_cell(&mut self, bytes: &[u8]) {
        self.data.extend_from_slice(bytes);
        // A single cell is limited by max_allowed_packet (1 GiB), so it fits in i32.
        self.lengths
            .push(i32::try_from(bytes.len()).unwrap_or(i32::MAX));
    }

    pub fn is_full(&self) -> bool {
        self.data.len() >= CHUNK_BYTES
    }

    pub fn has_rows(&self) -> bool {
        self.rows > 0
    }

    /// Hands over what is buffered; the buffer keeps its index and forgets its fields (sent once).
    pub fn take_part(&mut self) -> ResultPart {
        let data = std::mem::take(&mut self.data);
        let lengths = std::mem::take(&mut self.lengths);
        let rows = std::mem::replace(&mut self.rows, 0);
        ResultPart {
            index: self.index,
            fields: self.fields.take(),
            rows,
            data: Some(Buffer::from(data)),
            lengths: Some(Int32Array::new(lengths)),
            ok: None,
        }
    }
}

pub fn ok_part(index: u32, ok: OkInfo) -> ResultPart {
    ResultPart {
        index,
        fields: None,
        rows: 0,
        data: None,
        lengths: None,
        ok: Some(ok),
    }
}

/// An unsigned counter as JavaScript sees it: a number, and the exact digits when they matter.
pub fn counter(value: u64) -> (f64, Option<String>) {
    const EXACT: u64 = 1 << 53;
    (value as f64, (value > EXACT).then(|| value.to_string()))
}
