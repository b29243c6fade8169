//! What the session needs to know about a statement from its text: transaction boundaries, and
//! session state it can restore after a reconnect (database, SET) or must report as lost.
//! Conservative by design: anything it cannot read with certainty is not replayed.

/// Session state that a reconnect cannot bring back.
pub const LOST_TEMPORARY_TABLES: &str = "temporary tables";
pub const LOST_USER_VARIABLES: &str = "user variables";
pub const LOST_LOCKS: &str = "locks";
pub const LOST_PREPARED_STATEMENTS: &str = "prepared statements";

/// How a successful statement changes what must be restored after a reconnect.
#[derive(Debug, PartialEq, Eq)]
pub enum SessionEffect {
    None,
    /// `USE db`: the new current database.
    UseDatabase(String),
    /// A session `SET` that can be replayed as written.
    ReplayableSet,
    /// State that cannot be restored.
    Unrestorable(&'static str),
}

/// The text after leading blanks and comments.
fn skip_blanks_and_comments(sql: &str) -> &str {
    let mut rest = sql;
    loop {
        let trimmed = rest.trim_start();
        if let Some(after) = trimmed.strip_prefix("/*") {
            // An executable comment (/*! ... */) is a statement, not a comment.
            if after.starts_with('!') || after.starts_with('M') {
                return trimmed;
            }
            match after.find("*/") {
                Some(end) => rest = &after[end + 2..],
                None => return "",
            }
        } else if trimmed.starts_with("-- ") || trimmed.starts_with('#') {
            match trimmed.find('\n') {
                Some(end) => rest = &trimmed[end + 1..],
                None => return "",
            }
        } else {
            return trimmed;
        }
    }
}

/// The words of the statement, uppercased, up to `count`.
fn leading_words(sql: &str, count: usize) -> Vec<String> {
    skip_blanks_and_comments(sql)
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '@' || c == '`'))
        .filter(|w| !w.is_empty())
        .take(count)
        .map(|w| w.to_ascii_uppercase())
        .collect()
}

fn first_word_is(sql: &str, word: &str) -> bool {
    let text = skip_blanks_and_comments(sql);
    text.len() >= word.len()
        && text.as_bytes()[..word.len()].eq_ignore_ascii_case(word.as_bytes())
        && text[word.len()..]
            .chars()
            .next()
            .is_none_or(|c| !(c.is_ascii_alphanumeric() || c == '_'))
}

/// A plain `ROLLBACK` (not `ROLLBACK TO SAVEPOINT`): ends the transaction.
pub fn is_rollback(sql: &str) -> bool {
    let words = leading_words(sql, 2);
    words.first().map(String::as_str) == Some("ROLLBACK")
        && words.get(1).map(String::as_str) != Some("TO")
}

pub fn is_commit(sql: &str) -> bool {
    first_word_is(sql, "COMMIT")
}

/// The text opens a transaction: `START TRANSACTION`, `BEGIN [WORK]` (not the compound
/// `BEGIN NOT ATOMIC`), `XA START`/`XA BEGIN`, in any of its statements. Conservative: a `;` inside
/// a string literal also splits, so a false match only ever means "may have opened one".
pub fn starts_transaction(sql: &str) -> bool {
    sql.split(';').any(|statement| {
        let words = leading_words(statement, 2);
        let word = |i: usize| words.get(i).map(String::as_str);
        match word(0) {
            Some("START") => word(1) == Some("TRANSACTION"),
            Some("BEGIN") => word(1) != Some("NOT"),
            Some("XA") => matches!(word(1), Some("START") | Some("BEGIN")),
            _ => false,
        }
    })
}

/// More than one statement in the text (a `;` followed by anything but blanks). Conservative:
/// a `;` inside a string literal also counts.
fn has_several_statements(sql: &str) -> bool {
    match sql.find(';') {
        Some(pos) => !sql[pos + 1..].trim().is_empty(),
        None => false,
    }
}

/// A user variable (`@name`, not `@@system`) anywhere in the text.
fn mentions_user_variable(sql: &str) -> bool {
    let bytes = sql.as_bytes();
    bytes.iter().enumerate().any(|(i, &b)| {
        b == b'@'
            && (i == 0 || bytes[i - 1] != b'@')
            && bytes.get(i + 1).is_some_and(|&next| next != b'@')
    })
}

fn contains_ignore_case(haystack: &str, needle: &str) -> bool {
    haystack
        .as_bytes()
        .windows(needle.len())
        .any(|window| window.eq_ignore_ascii_case(needle.as_bytes()))
}

fn unquote_identifier(word: &str) -> String {
    word.trim_matches('`').replace("``", "`")
}

/// What a statement that succeeded did to the session state.
pub fn session_effect(sql: &str) -> SessionEffect {
    let text = skip_blanks_and_comments(sql);
    // The common statements change no session state: decided on the first word, without
    // allocating or scanning the rest (an INSERT may be megabytes). A GET_LOCK() hidden in one
    // (INSERT ... SELECT GET_LOCK(...)) goes unreported in `lostState`.
    let first_word_end = text
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(text.len());
    let first_word = &text[..first_word_end];
    if [
        "INSERT", "UPDATE", "DELETE", "REPLACE", "COMMIT", "BEGIN", "START", "ROLLBACK",
    ]
    .iter()
    .any(|word| first_word.eq_ignore_ascii_case(word))
    {
        return SessionEffect::None;
    }
    let words = leading_words(text, 3);
    let first = words.first().map(String::as_str).unwrap_or("");
    match first {
        "USE" if !has_several_statements(text) => {
            let name = text[3..].trim().trim_end_matches(';').trim();
            if name.is_empty() {
                SessionEffect::None
            } else {
                SessionEffect::UseDatabase(unquote_identifier(name))
            }
        }
        "SET" => {
            let second = words.get(1).map(String::as_str).unwrap_or("");
            if mentions_user_variable(text) {
                SessionEffect::Unrestorable(LOST_USER_VARIABLES)
            } else if matches!(
                second,
                "GLOBAL" | "PASSWORD" | "TRANSACTION" | "STATEMENT" | "@@GLOBAL" | "DEFAULT"
            ) || second.starts_with("@@GLOBAL")
                || has_several_statements(text)
            {
                SessionEffect::None
            } else {
                SessionEffect::ReplayableSet
            }
        }
        "CREATE" if words.get(1).map(String::as_str) == Some("TEMPORARY") => {
            SessionEffect::Unrestorable(LOST_TEMPORARY_TABLES)
        }
        "PREPARE" => SessionEffect::Unrestorable(LOST_PREPARED_STATEMENTS),
        "LOCK" => SessionEffect::Unrestorable(LOST_LOCKS),
        _ if contains_ignore_case(text, "GET_LOCK") => SessionEffect::Unrestorable(LOST_LOCKS),
        "SELECT" | "CALL" if contains_ignore_case(text, "INTO @") || text.contains(":=") => {
            SessionEffect::Unrestorable(LOST_USER_VARIABLES)
        }
        _ => SessionEffect::None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_statements_change_no_session_state() {
        assert_eq!(
            session_effect("INSERT INTO t VALUES ('GET_LOCK', @x)"),
            SessionEffect::None
        );
        assert_eq!(session_effect(" update t set a = 1"), SessionEffect::None);
        assert_eq!(
            session_effect("SELECT GET_LOCK('a', 1)"),
            SessionEffect::Unrestorable(LOST_LOCKS)
        );
        assert_eq!(
            session_effect("DO GET_LOCK('a', 1)"),
            SessionEffect::Unrestorable(LOST_LOCKS)
        );
    }

    #[test]
    fn rollback_but_not_to_savepoint() {
        assert!(is_rollback("ROLLBACK"));
        assert!(is_rollback("  /* c */ rollback work"));
        assert!(!is_rollback("ROLLBACK TO SAVEPOINT a"));
        assert!(!is_rollback("SELECT 'ROLLBACK'"));
    }

    #[test]
    fn statements_that_open_a_transaction() {
        assert!(starts_transaction("START TRANSACTION"));
        assert!(starts_transaction("/* c */ start transaction read only"));
        assert!(starts_transaction("BEGIN"));
        assert!(starts_transaction("begin work;"));
        assert!(starts_transaction("XA START 'x'"));
        assert!(starts_transaction("SET @a = 1; START TRANSACTION"));
        assert!(!starts_transaction("BEGIN NOT ATOMIC SELECT 1; END"));
        assert!(!starts_transaction("SELECT 'START TRANSACTION'"));
        assert!(!starts_transaction("INSERT INTO t VALUES (1)"));
        assert!(!starts_transaction("COMMIT"));
    }

    #[test]
    fn commit_is_found_after_comments() {
        assert!(is_commit("-- x\nCOMMIT"));
        assert!(is_commit("commit;"));
        assert!(!is_commit("COMMITTED"));
    }

    #[test]
    fn use_database_is_tracked() {
        assert_eq!(
            session_effect("USE shop"),
            SessionEffect::UseDatabase("shop".into())
        );
        assert_eq!(
            session_effect("use `my db`;"),
            SessionEffect::UseDatabase("my db".into())
        );
        assert_eq!(session_effect("USE a; DELETE FROM t"), SessionEffect::None);
    }

    #[test]
    fn session_sets_replay_but_global_and_user_variables_do_not() {
        assert_eq!(
            session_effect("SET sql_mode = ''"),
            SessionEffect::ReplayableSet
        );
        assert_eq!(
            session_effect("SET NAMES utf8mb4"),
            SessionEffect::ReplayableSet
        );
        assert_eq!(
            session_effect("SET @@session.time_zone='+00:00'"),
            SessionEffect::ReplayableSet
        );
        assert_eq!(
            session_effect("SET GLOBAL wait_timeout = 5"),
            SessionEffect::None
        );
        assert_eq!(session_effect("SET @@global.x = 1"), SessionEffect::None);
        assert_eq!(
            session_effect("SET TRANSACTION ISOLATION LEVEL READ COMMITTED"),
            SessionEffect::None
        );
        assert_eq!(
            session_effect("SET x = 1; DROP TABLE t"),
            SessionEffect::None
        );
        assert_eq!(
            session_effect("SET @x = 1"),
            SessionEffect::Unrestorable(LOST_USER_VARIABLES)
        );
        assert_eq!(
            session_effect("SET @@sql_mode = @old"),
            SessionEffect::Unrestorable(LOST_USER_VARIABLES)
        );
    }

    #[test]
    fn unrestorable_state_is_named() {
        assert_eq!(
            session_effect("CREATE TEMPORARY TABLE t (a int)"),
            SessionEffect::Unrestorable(LOST_TEMPORARY_TABLES)
        );
        assert_eq!(
            session_effect("SELECT GET_LOCK('a', 1)"),
            SessionEffect::Unrestorable(LOST_LOCKS)
        );
        assert_eq!(
            session_effect("LOCK TABLES t WRITE"),
            SessionEffect::Unrestorable(LOST_LOCKS)
        );
        assert_eq!(
            session_effect("PREPARE s FROM 'SELECT 1'"),
            SessionEffect::Unrestorable(LOST_PREPARED_STATEMENTS)
        );
        assert_eq!(
            session_effect("SELECT 1 INTO @a"),
            SessionEffect::Unrestorable(LOST_USER_VARIABLES)
        );
        assert_eq!(session_effect("SELECT 'a@b'"), SessionEffect::None);
    }
}
