//! Domain types shared by the store, the service, the CLI and (via specta) the web UI.

use std::fmt;
use std::str::FromStr;

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};
use specta::Type;

/// How the UI types a float that is always finite (a position, a level): `number`. Specta
/// says `number | null` for `f32`/`f64`, since serde_json writes NaN and infinities as null.
/// Use it as `#[specta(type = FiniteNumber)]`.
pub struct FiniteNumber;

impl Type for FiniteNumber {
    fn definition(_: &mut specta::Types) -> specta::datatype::DataType {
        // Any primitive that TypeScript renders as plain `number`.
        specta::datatype::DataType::Primitive(specta::datatype::Primitive::i32)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Pending,
    InProgress,
    Completed,
    Blocked,
}

impl Status {
    pub const ALL: [Status; 4] = [
        Status::Pending,
        Status::InProgress,
        Status::Completed,
        Status::Blocked,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Pending => "pending",
            Status::InProgress => "in_progress",
            Status::Completed => "completed",
            Status::Blocked => "blocked",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Status::Pending => "Pending",
            Status::InProgress => "In progress",
            Status::Completed => "Completed",
            Status::Blocked => "Blocked",
        }
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown {kind} '{given}' (expected one of: {expected})")]
pub struct ParseEnumError {
    pub kind: &'static str,
    pub given: String,
    pub expected: &'static str,
}

impl FromStr for Status {
    type Err = ParseEnumError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        // Stored values take this path; it allocates nothing.
        if let Some(st) = Status::ALL.into_iter().find(|st| st.as_str() == s) {
            return Ok(st);
        }
        // Accept the spellings people type: "in-progress", "In Progress", "doing".
        let norm = s.trim().to_ascii_lowercase().replace(['-', ' '], "_");
        match norm.as_str() {
            "pending" | "todo" | "to_do" => Ok(Status::Pending),
            "in_progress" | "inprogress" | "doing" => Ok(Status::InProgress),
            "completed" | "complete" | "done" => Ok(Status::Completed),
            "blocked" => Ok(Status::Blocked),
            _ => Err(ParseEnumError {
                kind: "status",
                given: s.to_string(),
                expected: "pending, in_progress, completed, blocked",
            }),
        }
    }
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize, Type,
)]
#[serde(rename_all = "snake_case")]
pub enum Priority {
    Low,
    #[default]
    Medium,
    High,
}

impl Priority {
    pub fn as_str(self) -> &'static str {
        match self {
            Priority::Low => "low",
            Priority::Medium => "medium",
            Priority::High => "high",
        }
    }
}

impl fmt::Display for Priority {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Priority {
    type Err = ParseEnumError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "low" => return Ok(Priority::Low),
            "medium" => return Ok(Priority::Medium),
            "high" => return Ok(Priority::High),
            _ => {}
        }
        match s.trim().to_ascii_lowercase().as_str() {
            "low" | "l" => Ok(Priority::Low),
            "medium" | "med" | "m" | "normal" => Ok(Priority::Medium),
            "high" | "h" | "urgent" => Ok(Priority::High),
            _ => Err(ParseEnumError {
                kind: "priority",
                given: s.to_string(),
                expected: "low, medium, high",
            }),
        }
    }
}

/// A due date as the user meant it: a whole day, or a day with a time ("at 3pm").
/// Serialized as `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM:SS` (local time, no zone).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Type)]
#[specta(type = String)]
pub enum Due {
    Date(NaiveDate),
    DateTime(NaiveDateTime),
}

impl Due {
    pub fn date(self) -> NaiveDate {
        match self {
            Due::Date(d) => d,
            Due::DateTime(dt) => dt.date(),
        }
    }
}

impl fmt::Display for Due {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Due::Date(d) => write!(f, "{}", d.format("%Y-%m-%d")),
            Due::DateTime(dt) => write!(f, "{}", dt.format("%Y-%m-%dT%H:%M:%S")),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "cannot read date '{0}' (accepted: YYYY-MM-DD, YYYY-MM-DDTHH:MM, 'YYYY-MM-DD HH:MM', today, tomorrow)"
)]
pub struct ParseDueError(pub String);

impl FromStr for Due {
    type Err = ParseDueError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let t = s.trim();
        // Stored dates are always `YYYY-MM-DD`; reading them without chrono's format parser
        // keeps listing a large board cheap.
        if let Some(d) = fast_ymd(t) {
            return Ok(Due::Date(d));
        }
        if let Ok(d) = NaiveDate::parse_from_str(t, "%Y-%m-%d") {
            return Ok(Due::Date(d));
        }
        for fmt in [
            "%Y-%m-%dT%H:%M:%S",
            "%Y-%m-%dT%H:%M",
            "%Y-%m-%d %H:%M:%S",
            "%Y-%m-%d %H:%M",
        ] {
            if let Ok(dt) = NaiveDateTime::parse_from_str(t, fmt) {
                return Ok(Due::DateTime(dt));
            }
        }
        Err(ParseDueError(s.to_string()))
    }
}

fn fast_ymd(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        b[r].iter().try_fold(0u32, |acc, c| {
            c.is_ascii_digit().then(|| acc * 10 + u32::from(c - b'0'))
        })
    };
    let year = i32::try_from(num(0..4)?).ok()?;
    NaiveDate::from_ymd_opt(year, num(5..7)?, num(8..10)?)
}

impl Serialize for Due {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Due {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct Task {
    pub id: i64,
    pub title: String,
    pub description: Option<String>,
    pub category: Option<String>,
    pub priority: Priority,
    pub status: Status,
    pub due: Option<Due>,
    pub assigned_agent: Option<String>,
    /// Order inside its status column; lower comes first.
    #[specta(type = FiniteNumber)]
    pub position: f64,
    pub source_transcript_id: Option<i64>,
    pub agent_output: Option<String>,
    /// Why the task went to `assigned_agent` ("category Research", "keyword 'proposal'",
    /// "assigned by you").
    #[serde(default)]
    #[specta(optional)]
    pub agent_reason: Option<String>,
    /// When the card was cancelled (RFC 3339, UTC): kept, but off the board.
    #[serde(default)]
    #[specta(optional)]
    pub cancelled_at: Option<String>,
    /// RFC 3339, UTC.
    pub created_at: String,
    pub updated_at: String,
}

impl Task {
    /// A pending, medium-priority card with nothing else set (unit tests).
    #[cfg(test)]
    pub(crate) fn sample(id: i64, title: &str) -> Task {
        Task {
            id,
            title: title.into(),
            description: None,
            category: None,
            priority: Priority::Medium,
            status: Status::Pending,
            due: None,
            assigned_agent: None,
            position: 0.0,
            source_transcript_id: None,
            agent_output: None,
            agent_reason: None,
            cancelled_at: None,
            created_at: String::new(),
            updated_at: String::new(),
        }
    }
}

/// Fields for a new task; everything but the title is optional.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, Type)]
pub struct NewTask {
    pub title: String,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub category: Option<String>,
    #[serde(default)]
    pub priority: Option<Priority>,
    #[serde(default)]
    pub status: Option<Status>,
    #[serde(default)]
    pub due: Option<Due>,
    #[serde(default)]
    #[specta(optional)]
    pub source_transcript_id: Option<i64>,
}

/// A partial edit. Outer `None` leaves a field alone; `Some(None)` clears it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, Type)]
pub struct TaskPatch {
    #[serde(default)]
    #[specta(optional)]
    pub title: Option<String>,
    #[serde(default, with = "double_option")]
    #[specta(optional, type = Option<String>)]
    pub description: Option<Option<String>>,
    #[serde(default, with = "double_option")]
    #[specta(optional, type = Option<String>)]
    pub category: Option<Option<String>>,
    #[serde(default)]
    #[specta(optional)]
    pub priority: Option<Priority>,
    #[serde(default, with = "double_option")]
    #[specta(optional, type = Option<Due>)]
    pub due: Option<Option<Due>>,
    #[serde(default, with = "double_option")]
    #[specta(optional, type = Option<String>)]
    pub assigned_agent: Option<Option<String>>,
    #[serde(default, with = "double_option")]
    #[specta(optional, type = Option<String>)]
    pub agent_output: Option<Option<String>>,
    #[serde(default, with = "double_option")]
    #[specta(optional, type = Option<String>)]
    pub agent_reason: Option<Option<String>>,
}

impl TaskPatch {
    pub fn is_empty(&self) -> bool {
        *self == TaskPatch::default()
    }
}

mod double_option {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<T: Serialize, S: Serializer>(
        v: &Option<Option<T>>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        match v {
            Some(inner) => inner.serialize(s),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, T: Deserialize<'de>, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Option<Option<T>>, D::Error> {
        Option::<T>::deserialize(d).map(Some)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct Category {
    pub name: String,
    /// CSS hex color, e.g. `#4f7cff`.
    pub color: String,
}

/// The categories a new database is seeded with (migration v1 inserts the same rows; a test
/// keeps the two in step). Used as-is where no database exists yet, e.g. `utter extract`.
pub fn default_categories() -> Vec<Category> {
    [
        ("Meetings", "#4f7cff"),
        ("Sales", "#18a058"),
        ("Research", "#8a5cf6"),
        ("Writing", "#e0a100"),
        ("Development", "#0ea5b7"),
        ("Admin", "#8b8f98"),
        ("Personal", "#e8590c"),
    ]
    .into_iter()
    .map(|(name, color)| Category {
        name: name.into(),
        color: color.into(),
    })
    .collect()
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct Transcript {
    pub id: i64,
    pub text: String,
    pub audio_path: Option<String>,
    pub duration_ms: Option<i64>,
    pub model: Option<String>,
    pub language: Option<String>,
    pub created_at: String,
    pub extracted_task_ids: Vec<i64>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct NewTranscript {
    pub text: String,
    #[serde(default)]
    pub audio_path: Option<String>,
    #[serde(default)]
    pub duration_ms: Option<i64>,
    #[serde(default)]
    pub model: Option<String>,
    #[serde(default)]
    pub language: Option<String>,
}

/// A hit from full-text search over tasks and transcripts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum SearchHit {
    Task { task: Box<Task>, snippet: String },
    Transcript { transcript_id: i64, snippet: String },
}

/// Filters for listing tasks; all optional and combined with AND.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, Type)]
pub struct TaskFilter {
    #[serde(default)]
    pub status: Option<Status>,
    #[serde(default)]
    pub category: Option<String>,
    #[serde(default)]
    pub priority: Option<Priority>,
}

/// One entry of the user's vocabulary: a spelling Whisper is told about and, when
/// `replace_from` is set, a word it hears that is rewritten to `word` after transcription.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct VocabularyEntry {
    pub id: i64,
    pub word: String,
    pub replace_from: Option<String>,
    pub created_at: String,
}
