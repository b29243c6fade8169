//! Raw mysql_async baseline for bench/run.js: the same work as bench/client.js, with no N-API and
//! no JavaScript. Usage: `bench-raw <scenario> <json params>`; prints one JSON object on stdout.
//!
//! Text protocol (`query`), as the JS clients use; a current-thread tokio runtime; rows are
//! collected as `Vec<Row>` (cells stay raw bytes: no typed conversion, the floor for a client).

use std::time::Instant;

use futures_util::future::try_join_all;
use mysql_async::prelude::*;
use mysql_async::{Conn, OptsBuilder, Row, Value};
use serde_json::{json, Value as Json};

type Res<T> = Result<T, Box<dyn std::error::Error>>;

const ROWS_SQL: &str = "SELECT id, name, created, amount, body, maybe FROM bench_rows WHERE id <= 1000";

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() < 3 {
        eprintln!("usage: bench-raw <scenario> <json params>");
        std::process::exit(2);
    }
    let params: Json = serde_json::from_str(&args[2]).expect("params: bad JSON");
    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    match rt.block_on(run(&args[1], &params)) {
        Ok(out) => println!("{}", out),
        Err(e) => {
            println!("{}", json!({ "ok": false, "error": e.to_string() }));
            std::process::exit(1);
        }
    }
}

fn opts(p: &Json) -> OptsBuilder {
    let c = &p["conn"];
    OptsBuilder::default()
        .ip_or_hostname(c["host"].as_str().unwrap().to_string())
        .tcp_port(c["port"].as_u64().unwrap() as u16)
        .user(Some(c["user"].as_str().unwrap().to_string()))
        .pass(Some(c["password"].as_str().unwrap().to_string()))
        .db_name(Some(c["database"].as_str().unwrap().to_string()))
        // mysql_async would otherwise switch from 127.0.0.1 to the server's unix socket.
        .prefer_socket(false)
}

/// The big select: the first `big_rows` rows (all 100,000 by default).
fn big_sql(p: &Json) -> String {
    format!(
        "SELECT id, name, created, amount, body, maybe FROM bench_rows WHERE id <= {}",
        num(p, "big_rows", 100_000)
    )
}

fn num(p: &Json, key: &str, default: u64) -> u64 {
    p[key].as_u64().unwrap_or(default)
}

// ---------------------------------------------------------------------------------------------
// Resource usage

struct Usage {
    user_us: i64,
    sys_us: i64,
    ctxsw: i64,
    thread_ns: u64,
}

fn usage() -> Usage {
    let mut ru: libc::rusage = unsafe { std::mem::zeroed() };
    unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut ru) };
    Usage {
        user_us: ru.ru_utime.tv_sec as i64 * 1_000_000 + ru.ru_utime.tv_usec as i64,
        sys_us: ru.ru_stime.tv_sec as i64 * 1_000_000 + ru.ru_stime.tv_usec as i64,
        ctxsw: ru.ru_nvcsw as i64 + ru.ru_nivcsw as i64,
        thread_ns: std::fs::read_to_string("/proc/thread-self/schedstat")
            .ok()
            .and_then(|s| s.split_whitespace().next().and_then(|x| x.parse().ok()))
            .unwrap_or(0),
    }
}

fn maxrss_kb() -> i64 {
    let mut ru: libc::rusage = unsafe { std::mem::zeroed() };
    unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut ru) };
    ru.ru_maxrss as i64
}

fn rss_kb() -> i64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1).and_then(|x| x.parse().ok()))
        })
        .unwrap_or(0)
}

/// CPU time (ns) of every thread of the server run.js started (`BENCH_SERVER_PID`), as
/// bench/client.js measures it; None if it is not readable.
fn server_cpu_ns() -> Option<u64> {
    let pid: u32 = std::env::var("BENCH_SERVER_PID").ok()?.parse().ok()?;
    let mut total = 0;
    for task in std::fs::read_dir(format!("/proc/{pid}/task")).ok()?.flatten() {
        let stat = std::fs::read_to_string(task.path().join("schedstat")).unwrap_or_default();
        total += stat.split_whitespace().next().and_then(|x| x.parse::<u64>().ok()).unwrap_or(0);
    }
    Some(total)
}

struct Meter {
    t0: Instant,
    u0: Usage,
    s0: Option<u64>,
}

impl Meter {
    fn start() -> Meter {
        Meter { s0: server_cpu_ns(), u0: usage(), t0: Instant::now() }
    }
    fn stop(self, ops: u64) -> Json {
        let wall = self.t0.elapsed().as_secs_f64() * 1000.0;
        let u1 = usage();
        json!({
            "wall_ms": wall,
            "ops": ops,
            "cpu_user_ms": (u1.user_us - self.u0.user_us) as f64 / 1000.0,
            "cpu_sys_ms": (u1.sys_us - self.u0.sys_us) as f64 / 1000.0,
            "thread_ms": (u1.thread_ns.saturating_sub(self.u0.thread_ns)) as f64 / 1e6,
            "ctxsw": u1.ctxsw - self.u0.ctxsw,
            "server_cpu_ms": match (self.s0, server_cpu_ns()) {
                (Some(a), Some(b)) => Json::from(b.saturating_sub(a) as f64 / 1e6),
                _ => Json::Null,
            },
        })
    }
}

/// The sum of two meter readings, field by field (several timed stretches of one run).
fn add_readings(sum: Option<Json>, reading: Json) -> Json {
    let Some(mut sum) = sum else { return reading };
    if let (Some(total), Some(more)) = (sum.as_object_mut(), reading.as_object()) {
        for (key, value) in more {
            let added = match (total.get(key).and_then(Json::as_f64), value.as_f64()) {
                (Some(a), Some(b)) => Json::from(a + b),
                _ => Json::Null,
            };
            total.insert(key.clone(), added);
        }
    }
    sum
}

// ---------------------------------------------------------------------------------------------
// Checksum of the bench_rows columns, as bench/client.js computes it from decoded JS values:
// [rows, sum id, sum name length, sum name last char, sum y*10000+m*100+d, sum h*3600+mi*60+s,
//  sum amount in cents, sum body length, nulls in maybe, sum maybe]

#[derive(Default)]
struct Checksum([i64; 10]);

fn bytes(v: Option<&Value>) -> Option<&[u8]> {
    match v {
        Some(Value::Bytes(b)) => Some(b.as_slice()),
        _ => None,
    }
}

fn int(b: &[u8]) -> i64 {
    std::str::from_utf8(b).unwrap().parse().unwrap()
}

impl Checksum {
    fn add(&mut self, row: &Row) {
        let s = &mut self.0;
        s[0] += 1;
        s[1] += int(bytes(row.as_ref(0)).unwrap());
        let name = bytes(row.as_ref(1)).unwrap();
        s[2] += name.len() as i64;
        s[3] += *name.last().unwrap_or(&0) as i64;
        // "YYYY-MM-DD HH:MM:SS"
        let d = std::str::from_utf8(bytes(row.as_ref(2)).unwrap()).unwrap();
        let part = |a: usize, b: usize| -> i64 { d[a..b].parse().unwrap() };
        s[4] += part(0, 4) * 10000 + part(5, 7) * 100 + part(8, 10);
        s[5] += part(11, 13) * 3600 + part(14, 16) * 60 + part(17, 19);
        let amount: f64 = std::str::from_utf8(bytes(row.as_ref(3)).unwrap()).unwrap().parse().unwrap();
        s[6] += (amount * 100.0).round() as i64;
        s[7] += bytes(row.as_ref(4)).unwrap().len() as i64;
        match bytes(row.as_ref(5)) {
            None => s[8] += 1,
            Some(b) => s[9] += int(b),
        }
    }
    fn of(rows: &[Row]) -> Checksum {
        let mut c = Checksum::default();
        for r in rows {
            c.add(r);
        }
        c
    }
    fn json(&self) -> Json {
        json!(self.0.to_vec())
    }
}

// ---------------------------------------------------------------------------------------------
// Rows for the INSERT scenarios, as bench/client.js generates them.

fn pad(n: u64) -> String {
    format!("{:02}", n)
}

fn insert_values(i: u64) -> String {
    let created = format!(
        "2021-{}-{} {}:{}:{}",
        pad(1 + i % 12),
        pad(1 + i % 28),
        pad(i % 24),
        pad(i % 60),
        pad((i * 7) % 60)
    );
    let cents = (i * 37) % 1_000_000;
    let amount = if cents % 100 == 0 {
        format!("{}", cents / 100)
    } else if cents % 10 == 0 {
        format!("{}.{}", cents / 100, (cents % 100) / 10)
    } else {
        format!("{}.{:02}", cents / 100, cents % 100)
    };
    let body = format!("body-{}-{}", i, "x".repeat(90));
    let maybe = if i % 3 == 0 { "NULL".to_string() } else { (i * 13).to_string() };
    format!("({}, 'ins-{}', '{}', {}, '{}', {})", i, i, created, amount, body, maybe)
}

const INSERT_HEAD: &str = "INSERT INTO bench_ins (id, name, created, amount, body, maybe) VALUES ";

// ---------------------------------------------------------------------------------------------

async fn run(scenario: &str, p: &Json) -> Res<Json> {
    let rss_start = rss_kb();
    let mut conn = Conn::new(opts(p)).await?;
    let mut result = match scenario {
        "select1" => {
            let n = num(p, "n", 5000);
            for _ in 0..20 {
                let _: Option<i64> = conn.query_first("SELECT 1").await?;
            }
            let m = Meter::start();
            let mut sum = 0i64;
            for _ in 0..n {
                let v: Option<i64> = conn.query_first("SELECT 1").await?;
                sum += v.unwrap();
            }
            let mut r = m.stop(n);
            r["rows"] = json!(sum);
            r["checksum"] = json!([sum]);
            r
        }
        "rows" => {
            let n = num(p, "n", 200);
            for _ in 0..5 {
                let _: Vec<Row> = conn.query(ROWS_SQL).await?;
            }
            let m = Meter::start();
            let mut rows = 0usize;
            let mut first: Option<Vec<Row>> = None;
            let mut last: Option<Vec<Row>> = None;
            for i in 0..n {
                let r: Vec<Row> = conn.query(ROWS_SQL).await?;
                rows += r.len();
                if i == 0 {
                    first = Some(r);
                } else if i == n - 1 {
                    last = Some(r);
                }
            }
            let mut out = m.stop(n);
            let first = Checksum::of(first.as_deref().unwrap_or(&[])).0;
            let last = last.map(|l| Checksum::of(&l).0).unwrap_or(first);
            out["rows"] = json!(rows);
            out["checksum"] = json!(first.to_vec());
            out["checksum_consistent"] = json!(first == last);
            out
        }
        "big" => {
            for _ in 0..3 {
                let _: Vec<Row> = conn.query(ROWS_SQL).await?;
            }
            let m = Meter::start();
            let r: Vec<Row> = conn.query(big_sql(p)).await?;
            let mut out = m.stop(1);
            out["rows"] = json!(r.len());
            out["checksum"] = Checksum::of(&r).json();
            out
        }
        "bigstream" => {
            for _ in 0..3 {
                let _: Vec<Row> = conn.query(ROWS_SQL).await?;
            }
            let m = Meter::start();
            let mut sum = Checksum::default();
            let mut res = conn.query_iter(big_sql(p)).await?;
            res.for_each(|row| sum.add(&row)).await?;
            drop(res);
            let mut out = m.stop(1);
            out["rows"] = json!(sum.0[0]);
            out["checksum"] = sum.json();
            out
        }
        "insert" => {
            let n = num(p, "n", 10000);
            let stmts: Vec<String> = (1..=n).map(|i| format!("{}{}", INSERT_HEAD, insert_values(i))).collect();
            let m = Meter::start();
            let mut affected = 0u64;
            for s in &stmts {
                conn.query_drop(s.as_str()).await?;
                affected += conn.affected_rows();
            }
            let mut out = m.stop(n);
            out["rows"] = json!(affected);
            out
        }
        "bulk" => {
            let n = num(p, "n", 10000);
            let values: Vec<String> = (1..=n).map(insert_values).collect();
            let m = Meter::start();
            let sql = format!("{}{}", INSERT_HEAD, values.join(", "));
            conn.query_drop(sql).await?;
            let affected = conn.affected_rows();
            let mut out = m.stop(1);
            out["rows"] = json!(affected);
            out
        }
        "bulkwarm" => {
            // As bench/client.js: untimed warm-up runs, then timed ones, the table emptied first.
            let n = num(p, "n", 10000);
            let warmup = num(p, "warmup", 2);
            let reps = num(p, "reps", 5);
            let values: Vec<String> = (1..=n).map(insert_values).collect();
            let mut timed: Option<Json> = None;
            let mut affected = 0;
            for r in 0..warmup + reps {
                conn.query_drop("TRUNCATE TABLE bench_ins").await?;
                let m = (r >= warmup).then(Meter::start);
                let sql = format!("{}{}", INSERT_HEAD, values.join(", "));
                conn.query_drop(sql).await?;
                affected = conn.affected_rows();
                if let Some(m) = m {
                    timed = Some(add_readings(timed, m.stop(1)));
                }
            }
            let mut out = timed.unwrap_or_else(|| json!({}));
            out["rows"] = json!(affected);
            out
        }
        "parallel" => {
            let c = num(p, "connections", 8) as usize;
            let n = num(p, "n", 50);
            let mut conns = vec![conn];
            for _ in 1..c {
                conns.push(Conn::new(opts(p)).await?);
            }
            for cn in conns.iter_mut() {
                let _: Vec<Row> = cn.query(ROWS_SQL).await?;
            }
            let m = Meter::start();
            let results = try_join_all(conns.iter_mut().map(|cn| async move {
                let mut rows = 0usize;
                let mut first = None;
                for i in 0..n {
                    let r: Vec<Row> = cn.query(ROWS_SQL).await?;
                    rows += r.len();
                    if i == 0 {
                        first = Some(Checksum::of(&r).0);
                    }
                }
                Ok::<_, mysql_async::Error>((rows, first))
            }))
            .await?;
            let mut out = m.stop(n * c as u64);
            let rows: usize = results.iter().map(|r| r.0).sum();
            let first = results[0].1.unwrap_or_default();
            out["rows"] = json!(rows);
            out["checksum"] = json!(first.to_vec());
            out["checksum_consistent"] = json!(results.iter().all(|r| r.1 == Some(first)));
            conn = conns.remove(0);
            for cn in conns {
                cn.disconnect().await?;
            }
            out
        }
        other => return Err(format!("unknown scenario {}", other).into()),
    };
    conn.disconnect().await?;
    result["ok"] = json!(true);
    result["rss_start_kb"] = json!(rss_start);
    result["rss_end_kb"] = json!(rss_kb());
    result["maxrss_kb"] = json!(maxrss_kb());
    Ok(result)
}
