//! Keyset pagination: opaque cursors and the row comparison that resumes a list after one.
//!
//! Every dashboard of [`crate::queries`] and every `list*` of [`crate::crud`] is ordered by a
//! key that ends with a unique column. A [`Cursor`] holds the key of the last row a caller saw
//! (and the name of the list it came from); passed back through
//! [`Page::after`](crate::crud::Page::after), the next query starts with
//! `WHERE (a, b) > ($1, $2)`, a row comparison that PostgreSQL turns into one index range, so
//! page 500 costs what page 1 costs. Offset paging still works; a cursor and an offset combine
//! (the offset counts from the cursor).
//!
//! ```no_run
//! use customer_success_db::crud::{Page, Paged};
//! use customer_success_db::{queries, types::HealthScore};
//! # fn demo(conn: &mut diesel::PgConnection) -> customer_success_db::Result<()> {
//! let threshold = HealthScore::new(70)?;
//! let mut page = Page::first(100).after(None);
//! loop {
//!     let paged = Paged::load(page.clone(), |p| queries::health_dashboard(conn, threshold, p))?;
//!     for row in &paged.rows { println!("{} {}", row.client_id, row.health_score); }
//!     match paged.next_page(&page) {
//!         Some(next) => page = next,
//!         None => break,
//!     }
//! }
//! # Ok(()) }
//! ```
//!
//! # The token
//!
//! A cursor serializes (serde, `Display`, `FromStr`) as a short URL-safe string: base64url of
//! a version byte, the list's name, the typed key values and a 32-bit checksum. It is opaque to
//! callers but **not secret and not signed**: it holds only key values of rows the caller was
//! shown, so a forged cursor can do no more than an offset could. The checksum catches
//! truncated or edited tokens; a token from another list, a corrupted one, or one whose values
//! do not fit the list's key is [`Error::InvalidCursor`] (when
//! parsed, or when the query is run), never a panic or an SQL error.
//!
//! A cursor does not remember the list's filters: used with other filters (another threshold,
//! another customer) it means "rows after this key" in that list.

use std::fmt;
use std::marker::PhantomData;
use std::str::FromStr;

use chrono::{DateTime, NaiveDate, Utc};
use diesel::expression::{AppearsOnTable, Expression, ValidGrouping};
use diesel::expression::{MixedAggregates, SelectableExpression};
use diesel::pg::Pg;
use diesel::query_builder::{AstPass, QueryFragment, QueryId};
use diesel::result::QueryResult;
use diesel::sql_types::Bool;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::{Error, Result};

/// Longest token [`Cursor::from_str`] decodes. The longest real one, a CSM workload cursor
/// whose CSM name is 200 four-byte characters, is about 1,100.
pub const MAX_TOKEN_LEN: usize = 2048;

const VERSION: u8 = 1;
const MAX_LIST_NAME: usize = 64;
const MAX_VALUES: usize = 8;

/// The position after the last row of a page, in one list: pass it to
/// [`Page::after`](crate::crud::Page::after) to get the rows that follow.
///
/// Get one from a row ([`Keyed::cursor`]) or from [`Paged::next`](crate::crud::Paged); send it
/// to clients as a string ([`Display`](fmt::Display), serde) and read it back with
/// [`FromStr`] (or serde). See the [module docs](self).
#[derive(Debug, Clone, PartialEq)]
pub struct Cursor {
    list: String,
    key: Vec<KeyValue>,
}

/// One value of a cursor's key, as stored in the token.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum KeyValue {
    Null,
    Int(i64),
    Float(f64),
    Text(String),
}

impl Cursor {
    pub(crate) fn new(list: &str, key: Vec<KeyValue>) -> Self {
        Cursor {
            list: list.to_owned(),
            key,
        }
    }

    /// The name of the list this cursor belongs to (e.g. `health_dashboard`, or a table name
    /// for [`Crud::list`](crate::crud::Crud::list) and
    /// [`ByClient::list_by_client`](crate::crud::ByClient::list_by_client)).
    pub fn list(&self) -> &str {
        &self.list
    }

    /// The opaque token (the same text as `Display` and serde).
    pub fn token(&self) -> String {
        let mut bytes = vec![VERSION, self.list.len() as u8];
        bytes.extend_from_slice(self.list.as_bytes());
        bytes.push(self.key.len() as u8);
        for v in &self.key {
            match v {
                KeyValue::Null => bytes.push(0),
                KeyValue::Int(i) => {
                    bytes.push(1);
                    bytes.extend_from_slice(&i.to_be_bytes());
                }
                KeyValue::Float(f) => {
                    bytes.push(2);
                    bytes.extend_from_slice(&f.to_bits().to_be_bytes());
                }
                KeyValue::Text(s) => {
                    bytes.push(3);
                    bytes.extend_from_slice(&(s.len() as u16).to_be_bytes());
                    bytes.extend_from_slice(s.as_bytes());
                }
            }
        }
        let sum = fnv1a(&bytes);
        bytes.extend_from_slice(&sum.to_be_bytes());
        base64url_encode(&bytes)
    }

    /// The key of this cursor as `K`, when it belongs to `list`.
    pub(crate) fn key_for<K: KeyTuple>(&self, list: &str) -> Result<K, CursorError> {
        if self.list != list {
            return Err(bad(format!(
                "this cursor belongs to the list `{}`, not to `{list}`",
                crate::error::truncate_for_message(&self.list, MAX_LIST_NAME)
            )));
        }
        K::from_values(&self.key).ok_or_else(|| {
            bad(format!(
                "the cursor's key does not fit the list `{list}` (a cursor of another version?)"
            ))
        })
    }

    fn decode(token: &str) -> Result<Cursor, CursorError> {
        if token.len() > MAX_TOKEN_LEN {
            return Err(bad(format!(
                "token too long: {} characters, at most {MAX_TOKEN_LEN}",
                token.len()
            )));
        }
        let bytes = base64url_decode(token)
            .ok_or_else(|| bad("not a cursor token (expected base64url text)"))?;
        if bytes.len() < 4 {
            return Err(bad("not a cursor token (too short)"));
        }
        let (body, sum) = bytes.split_at(bytes.len() - 4);
        if fnv1a(body).to_be_bytes() != sum {
            return Err(bad(
                "not a cursor token (checksum mismatch: truncated or edited?)",
            ));
        }
        let mut r = Reader(body);
        let version = r.byte()?;
        if version != VERSION {
            return Err(bad(format!("unsupported cursor version {version}")));
        }
        let n = usize::from(r.byte()?);
        if n == 0 || n > MAX_LIST_NAME {
            return Err(bad("malformed cursor (list name)"));
        }
        let list = std::str::from_utf8(r.take(n)?)
            .map_err(|_| bad("malformed cursor (list name)"))?
            .to_owned();
        let k = usize::from(r.byte()?);
        if k > MAX_VALUES {
            return Err(bad("malformed cursor (too many key values)"));
        }
        let mut key = Vec::with_capacity(k);
        for _ in 0..k {
            key.push(match r.byte()? {
                0 => KeyValue::Null,
                1 => KeyValue::Int(i64::from_be_bytes(r.array()?)),
                2 => {
                    let f = f64::from_bits(u64::from_be_bytes(r.array()?));
                    if f.is_nan() {
                        return Err(bad("malformed cursor (NaN key)"));
                    }
                    KeyValue::Float(f)
                }
                3 => {
                    let len = usize::from(u16::from_be_bytes(r.array()?));
                    let text = std::str::from_utf8(r.take(len)?)
                        .map_err(|_| bad("malformed cursor (text key is not UTF-8)"))?;
                    KeyValue::Text(text.to_owned())
                }
                t => return Err(bad(format!("malformed cursor (value tag {t})"))),
            });
        }
        if !r.0.is_empty() {
            return Err(bad("malformed cursor (trailing bytes)"));
        }
        Ok(Cursor { list, key })
    }
}

struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], CursorError> {
        if self.0.len() < n {
            return Err(bad("malformed cursor (truncated)"));
        }
        let (head, tail) = self.0.split_at(n);
        self.0 = tail;
        Ok(head)
    }

    fn byte(&mut self) -> Result<u8, CursorError> {
        Ok(self.take(1)?[0])
    }

    fn array<const N: usize>(&mut self) -> Result<[u8; N], CursorError> {
        let mut a = [0; N];
        a.copy_from_slice(self.take(N)?);
        Ok(a)
    }
}

impl fmt::Display for Cursor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.token())
    }
}

impl FromStr for Cursor {
    type Err = Error;

    /// Parses a token; a malformed or edited one is [`Error::InvalidCursor`].
    fn from_str(token: &str) -> Result<Self> {
        Ok(Cursor::decode(token)?)
    }
}

impl Serialize for Cursor {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(&self.token())
    }
}

impl<'de> Deserialize<'de> for Cursor {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let token = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        Cursor::decode(&token).map_err(|e| serde::de::Error::custom(format!("invalid cursor: {e}")))
    }
}

/// A row of a list that can be resumed after: the dashboards' rows and every table's row
/// struct.
pub trait Keyed {
    /// The cursor that resumes the list after this row.
    fn cursor(&self) -> Cursor;
}

/// Why a cursor was refused; becomes [`Error::InvalidCursor`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CursorError(String);

impl fmt::Display for CursorError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for CursorError {}

impl From<CursorError> for Error {
    fn from(e: CursorError) -> Self {
        Error::InvalidCursor { message: e.0 }
    }
}

fn bad(message: impl Into<String>) -> CursorError {
    CursorError(message.into())
}

// ---------------------------------------------------------------------------------------------
// Typed keys.
// ---------------------------------------------------------------------------------------------

/// One column of a key, as a cursor value.
pub(crate) trait KeyPart: Sized {
    fn to_value(&self) -> KeyValue;
    fn from_value(v: &KeyValue) -> Option<Self>;
}

impl KeyPart for i64 {
    fn to_value(&self) -> KeyValue {
        KeyValue::Int(*self)
    }
    fn from_value(v: &KeyValue) -> Option<Self> {
        match v {
            KeyValue::Int(i) => Some(*i),
            _ => None,
        }
    }
}

impl KeyPart for i32 {
    fn to_value(&self) -> KeyValue {
        KeyValue::Int(i64::from(*self))
    }
    fn from_value(v: &KeyValue) -> Option<Self> {
        i64::from_value(v).and_then(|i| i32::try_from(i).ok())
    }
}

impl KeyPart for f64 {
    fn to_value(&self) -> KeyValue {
        KeyValue::Float(*self)
    }
    fn from_value(v: &KeyValue) -> Option<Self> {
        match v {
            KeyValue::Float(f) => Some(*f),
            _ => None,
        }
    }
}

impl KeyPart for String {
    fn to_value(&self) -> KeyValue {
        KeyValue::Text(self.clone())
    }
    fn from_value(v: &KeyValue) -> Option<Self> {
        match v {
            KeyValue::Text(s) => Some(s.clone()),
            _ => None,
        }
    }
}

impl KeyPart for Option<String> {
    fn to_value(&self) -> KeyValue {
        self.as_ref().map_or(KeyValue::Null, String::to_value)
    }
    fn from_value(v: &KeyValue) -> Option<Self> {
        match v {
            KeyValue::Null => Some(None),
            other => String::from_value(other).map(Some),
        }
    }
}

/// Days since 0001-01-01 (chrono's "common era" day count).
impl KeyPart for NaiveDate {
    fn to_value(&self) -> KeyValue {
        KeyValue::Int(i64::from(chrono::Datelike::num_days_from_ce(self)))
    }
    fn from_value(v: &KeyValue) -> Option<Self> {
        let days = i32::from_value(v)?;
        NaiveDate::from_num_days_from_ce_opt(days)
    }
}

/// Microseconds since the Unix epoch (PostgreSQL's precision).
impl KeyPart for DateTime<Utc> {
    fn to_value(&self) -> KeyValue {
        KeyValue::Int(self.timestamp_micros())
    }
    fn from_value(v: &KeyValue) -> Option<Self> {
        DateTime::from_timestamp_micros(i64::from_value(v)?)
    }
}

/// A list's whole key, as cursor values.
pub(crate) trait KeyTuple: Sized {
    fn to_values(&self) -> Vec<KeyValue>;
    fn from_values(v: &[KeyValue]) -> Option<Self>;
}

macro_rules! key_tuple {
    ($n:expr; $($T:ident $i:tt),+) => {
        impl<$($T: KeyPart),+> KeyTuple for ($($T,)+) {
            fn to_values(&self) -> Vec<KeyValue> {
                vec![$(self.$i.to_value()),+]
            }
            fn from_values(v: &[KeyValue]) -> Option<Self> {
                if v.len() != $n {
                    return None;
                }
                Some(($($T::from_value(&v[$i])?,)+))
            }
        }
    };
}
key_tuple!(1; A 0);
key_tuple!(2; A 0, B 1);
key_tuple!(3; A 0, B 1, C 2);

impl Cursor {
    /// The cursor of a row whose key in `list` is `key`.
    pub(crate) fn of<K: KeyTuple>(list: &str, key: &K) -> Cursor {
        Cursor::new(list, key.to_values())
    }
}

/// Where a keyset query starts: after the cursor's key when there is a cursor for `list`, else
/// after `start`, a key that precedes every row. When the cursor is refused, the query starts
/// at `start` and carries the error, which running it returns (see [`RowCompare`]).
pub(crate) fn resume<K: KeyTuple>(
    cursor: Option<&Cursor>,
    list: &str,
    start: K,
) -> (K, Option<CursorError>) {
    match cursor.map(|c| c.key_for::<K>(list)) {
        None => (start, None),
        Some(Ok(key)) => (key, None),
        Some(Err(e)) => (start, Some(e)),
    }
}

/// The earliest date PostgreSQL stores (4714-11-24 BC): the start key of a date-ordered list
/// (a first page compares with it).
pub fn min_pg_date() -> NaiveDate {
    NaiveDate::from_ymd_opt(-4713, 11, 24).unwrap_or(NaiveDate::MIN)
}

/// The earliest timestamp PostgreSQL stores (4714-11-24 00:00 BC, UTC): the start key of a
/// timestamp-ordered list.
pub fn min_pg_timestamp() -> DateTime<Utc> {
    min_pg_date()
        .and_hms_opt(0, 0, 0)
        .map(|t| t.and_utc())
        .unwrap_or(DateTime::<Utc>::MIN_UTC)
}

// ---------------------------------------------------------------------------------------------
// The row comparison.
// ---------------------------------------------------------------------------------------------

/// `(a, b, …) > ($1, $2, …)` (or `<`): SQL's row comparison, which PostgreSQL evaluates
/// lexicographically and uses as one index range when the index's columns match. Diesel has
/// no row-value comparison; this is it, typed: both sides must have the same SQL types.
///
/// Built by [`row_gt`] and [`row_lt`]. Its query id is static when both sides' are, so
/// statements that use it stay in Diesel's prepared-statement cache.
#[derive(Debug, Clone)]
pub struct RowCompare<L, R, Op> {
    lhs: L,
    rhs: R,
    // A refused cursor: building the SQL fails with it, so running the query returns
    // `Error::InvalidCursor` and nothing reaches the server. (Query builders cannot fail.)
    invalid: Option<CursorError>,
    op: PhantomData<Op>,
}

/// The operator of a [`RowCompare`].
pub trait RowOperator: 'static {
    /// The SQL operator.
    const SQL: &'static str;
}

/// `>`: the row sorts after.
#[derive(Debug, Clone, Copy)]
pub struct Greater;
/// `<`: the row sorts before.
#[derive(Debug, Clone, Copy)]
pub struct Less;

impl RowOperator for Greater {
    const SQL: &'static str = " > ";
}
impl RowOperator for Less {
    const SQL: &'static str = " < ";
}

/// `(lhs) > (rhs)`, for a list ordered ascending by `lhs`. `lhs` is a tuple of columns (or
/// other expressions), `rhs` the tuple of values, e.g.
/// `row_gt((customers::health_score, customers::id), (70.into_sql::<Integer>(), 5_i64.into_sql::<BigInt>()))`.
pub fn row_gt<L, R>(lhs: L, rhs: R) -> RowCompare<L, R, Greater> {
    RowCompare {
        lhs,
        rhs,
        invalid: None,
        op: PhantomData,
    }
}

/// `(lhs) < (rhs)`, for a list ordered descending by `lhs`.
pub fn row_lt<L, R>(lhs: L, rhs: R) -> RowCompare<L, R, Less> {
    RowCompare {
        lhs,
        rhs,
        invalid: None,
        op: PhantomData,
    }
}

impl<L, R, Op> RowCompare<L, R, Op> {
    /// Makes running the query fail with `invalid` (a refused cursor).
    pub(crate) fn refusing(mut self, invalid: Option<CursorError>) -> Self {
        self.invalid = invalid;
        self
    }
}

impl<L, R, Op> Expression for RowCompare<L, R, Op>
where
    L: Expression,
    R: Expression<SqlType = L::SqlType>,
{
    type SqlType = Bool;
}

impl<L, R, Op> QueryFragment<Pg> for RowCompare<L, R, Op>
where
    L: QueryFragment<Pg>,
    R: QueryFragment<Pg>,
    Op: RowOperator,
{
    fn walk_ast<'b>(&'b self, mut out: AstPass<'_, 'b, Pg>) -> QueryResult<()> {
        if let Some(e) = &self.invalid {
            return Err(diesel::result::Error::QueryBuilderError(Box::new(
                e.clone(),
            )));
        }
        out.push_sql("(");
        self.lhs.walk_ast(out.reborrow())?;
        out.push_sql(")");
        out.push_sql(Op::SQL);
        out.push_sql("(");
        self.rhs.walk_ast(out.reborrow())?;
        out.push_sql(")");
        Ok(())
    }
}

impl<L, R, Op> QueryId for RowCompare<L, R, Op>
where
    L: QueryId,
    R: QueryId,
    Op: RowOperator,
{
    type QueryId = RowCompare<L::QueryId, R::QueryId, Op>;
    const HAS_STATIC_QUERY_ID: bool = L::HAS_STATIC_QUERY_ID && R::HAS_STATIC_QUERY_ID;
}

impl<L, R, Op, QS> AppearsOnTable<QS> for RowCompare<L, R, Op>
where
    L: AppearsOnTable<QS>,
    R: AppearsOnTable<QS, SqlType = L::SqlType>,
{
}

impl<L, R, Op, QS> SelectableExpression<QS> for RowCompare<L, R, Op>
where
    L: SelectableExpression<QS>,
    R: SelectableExpression<QS, SqlType = L::SqlType>,
{
}

impl<L, R, Op, GB> ValidGrouping<GB> for RowCompare<L, R, Op>
where
    L: ValidGrouping<GB>,
    R: ValidGrouping<GB>,
    L::IsAggregate: MixedAggregates<R::IsAggregate>,
{
    type IsAggregate = <L::IsAggregate as MixedAggregates<R::IsAggregate>>::Output;
}

/// `(-e)`: turns a descending key column into an ascending one, so that one row comparison can
/// serve an ordering that mixes directions (the CSM workload: count descending, CSM ascending).
#[derive(Debug, Clone, Copy)]
pub struct Negated<E>(pub E);

impl<E: Expression> Expression for Negated<E> {
    type SqlType = E::SqlType;
}

impl<E: QueryFragment<Pg>> QueryFragment<Pg> for Negated<E> {
    fn walk_ast<'b>(&'b self, mut out: AstPass<'_, 'b, Pg>) -> QueryResult<()> {
        out.push_sql("(-");
        self.0.walk_ast(out.reborrow())?;
        out.push_sql(")");
        Ok(())
    }
}

impl<E: QueryId> QueryId for Negated<E> {
    type QueryId = Negated<E::QueryId>;
    const HAS_STATIC_QUERY_ID: bool = E::HAS_STATIC_QUERY_ID;
}

impl<E: AppearsOnTable<QS>, QS> AppearsOnTable<QS> for Negated<E> {}

impl<E: SelectableExpression<QS>, QS> SelectableExpression<QS> for Negated<E> {}

impl<E: ValidGrouping<GB>, GB> ValidGrouping<GB> for Negated<E> {
    type IsAggregate = E::IsAggregate;
}

// ---------------------------------------------------------------------------------------------
// Encoding: FNV-1a checksum and base64url without padding (no dependency for either).
// ---------------------------------------------------------------------------------------------

fn fnv1a(bytes: &[u8]) -> u32 {
    bytes.iter().fold(0x811c_9dc5_u32, |h, &b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    })
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

fn base64url_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..=chunk.len() {
            out.push(char::from(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize]));
        }
    }
    out
}

fn base64url_decode(text: &str) -> Option<Vec<u8>> {
    let sextet = |c: u8| -> Option<u32> {
        Some(u32::from(match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'-' => 62,
            b'_' => 63,
            _ => return None,
        }))
    };
    let text = text.as_bytes();
    // A final group of one character cannot hold a whole byte.
    if text.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(text.len() / 4 * 3 + 2);
    for group in text.chunks(4) {
        let mut n = 0u32;
        for (i, &c) in group.iter().enumerate() {
            n |= sextet(c)? << (18 - 6 * i);
        }
        let bytes = n.to_be_bytes();
        out.extend_from_slice(&bytes[1..group.len()]);
        // Non-zero bits past the last byte: not what the encoder produces.
        let used = (group.len() - 1) * 8;
        if used < 24 && (n & ((1 << (24 - used)) - 1)) != 0 {
            return None;
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64url_round_trips_every_length() {
        for len in 0..40u8 {
            let bytes: Vec<u8> = (0..len).map(|i| i.wrapping_mul(37) ^ 0xa5).collect();
            let text = base64url_encode(&bytes);
            assert!(!text.contains('='));
            assert_eq!(
                base64url_decode(&text).as_deref(),
                Some(&bytes[..]),
                "{len}"
            );
        }
        assert_eq!(base64url_encode(b"foobar"), "Zm9vYmFy");
        assert_eq!(base64url_encode(&[0xfb, 0xff]), "-_8");
        assert_eq!(base64url_decode("A"), None);
        assert_eq!(base64url_decode("a+b/"), None);
        // "-_9" has a stray low bit after the two bytes.
        assert_eq!(base64url_decode("-_9"), None);
    }

    #[test]
    fn tokens_round_trip_and_refuse_edits() {
        let c = Cursor::of(
            "csm_workload",
            &(12_i64, Some("Zoë O'Brien".to_owned()), 0.25_f64),
        );
        let token = c.token();
        let back: Cursor = token.parse().unwrap();
        assert_eq!(back, c);
        let key: (i64, Option<String>, f64) = back.key_for("csm_workload").unwrap();
        assert_eq!(key, (12, Some("Zoë O'Brien".to_owned()), 0.25));
        assert!(back.key_for::<(i64,)>("csm_workload").is_err());
        assert!(back
            .key_for::<(i64, Option<String>, f64)>("health_dashboard")
            .is_err());
        // Flip each character in turn: every edit is refused.
        for i in 0..token.len() {
            let mut t = token.clone().into_bytes();
            t[i] = if t[i] == b'A' { b'B' } else { b'A' };
            let t = String::from_utf8(t).unwrap();
            assert!(t.parse::<Cursor>().is_err(), "edit at {i} accepted: {t}");
        }
        assert!(token[..token.len() - 1].parse::<Cursor>().is_err());
        assert!("".parse::<Cursor>().is_err());
        assert!("not a cursor!".parse::<Cursor>().is_err());
        assert!("x".repeat(MAX_TOKEN_LEN + 1).parse::<Cursor>().is_err());
    }

    #[test]
    fn dates_and_timestamps_keep_their_value() {
        let d = min_pg_date();
        let t = min_pg_timestamp();
        let c = Cursor::of("x", &(d, t, NaiveDate::MAX));
        let back: Cursor = c.token().parse().unwrap();
        assert_eq!(
            back.key_for::<(NaiveDate, DateTime<Utc>, NaiveDate)>("x")
                .unwrap(),
            (d, t, NaiveDate::MAX)
        );
        assert_eq!(d.to_string(), "-4713-11-24");
    }
}
