//! The board as tools for the chat's model: search, read, create, update and move tasks.
//! Their names carry no `__`, so they can never collide with an MCP tool (`server__tool`).
//! Arguments are checked here, and a bad one becomes an error the model can read and fix.

use chrono::NaiveDateTime;
use serde_json::{Map, Value, json};

use crate::extract::resolve_due;
use crate::llm::ToolSpec;
use crate::model::{Due, NewTask, Priority, Status, TaskPatch};

/// Most tasks one search returns to the model.
const MAX_SEARCH: usize = 25;

/// A board tool call with its arguments read.
#[derive(Debug, Clone, PartialEq)]
pub enum BoardTool {
    Search {
        query: Option<String>,
        status: Option<Status>,
        limit: usize,
    },
    Get {
        id: i64,
    },
    Create(NewTask),
    Update {
        id: i64,
        patch: TaskPatch,
    },
    Move {
        id: i64,
        status: Status,
    },
}

const STATUS_ENUM: [&str; 4] = ["pending", "in_progress", "completed", "blocked"];
const PRIORITY_ENUM: [&str; 3] = ["low", "medium", "high"];

/// The tool list sent to the model, in a stable order.
pub fn board_tool_specs() -> Vec<ToolSpec> {
    let task_fields = json!({
        "title": {"type": "string", "description": "Short imperative title, e.g. \"Call Joe about the renewal\""},
        "description": {"type": "string", "description": "Details, in Markdown"},
        "due": {"type": "string", "description": "YYYY-MM-DD, or YYYY-MM-DDTHH:MM for a time"},
        "priority": {"type": "string", "enum": PRIORITY_ENUM},
        "category": {"type": "string", "description": "One of the board's categories"}
    });
    let mut create_props = task_fields.clone();
    if let Some(m) = create_props.as_object_mut() {
        m.insert(
            "status".into(),
            json!({"type": "string", "enum": STATUS_ENUM, "description": "Column; pending if left out"}),
        );
    }
    let mut update_props = task_fields;
    if let Some(m) = update_props.as_object_mut() {
        m.insert(
            "id".into(),
            json!({"type": "integer", "description": "The task's number"}),
        );
        m.insert(
            "due".into(),
            json!({"type": ["string", "null"], "description": "YYYY-MM-DD or YYYY-MM-DDTHH:MM; null removes the date"}),
        );
    }
    vec![
        ToolSpec {
            name: "search_tasks".into(),
            description: "Find tasks on the board by words in their title or description, or list a column. Returns id, title, status, priority, due and category.".into(),
            parameters: json!({
                "type": "object",
                "properties": {
                    "query": {"type": "string", "description": "Words to look for; leave out to list"},
                    "status": {"type": "string", "enum": STATUS_ENUM},
                    "limit": {"type": "integer", "minimum": 1, "maximum": MAX_SEARCH}
                }
            }),
        },
        ToolSpec {
            name: "get_task".into(),
            description: "Read one task in full: description, agent and the agent's output.".into(),
            parameters: json!({
                "type": "object",
                "properties": {"id": {"type": "integer"}},
                "required": ["id"]
            }),
        },
        ToolSpec {
            name: "create_task".into(),
            description: "Add a task to the board.".into(),
            parameters: json!({"type": "object", "properties": create_props, "required": ["title"]}),
        },
        ToolSpec {
            name: "update_task".into(),
            description: "Change a task's title, description, due date, priority or category. Only the fields given change.".into(),
            parameters: json!({"type": "object", "properties": update_props, "required": ["id"]}),
        },
        ToolSpec {
            name: "move_task".into(),
            description: "Move a task to another column (pending, in_progress, completed, blocked).".into(),
            parameters: json!({
                "type": "object",
                "properties": {
                    "id": {"type": "integer"},
                    "status": {"type": "string", "enum": STATUS_ENUM}
                },
                "required": ["id", "status"]
            }),
        },
    ]
}

impl BoardTool {
    /// `None` when `name` is not a board tool; otherwise the call, or what is wrong with its
    /// arguments. Due dates also accept phrases ("tomorrow 3pm"), read relative to `now`.
    pub fn parse(name: &str, arguments: &str, now: NaiveDateTime) -> Option<Result<Self, String>> {
        if !matches!(
            name,
            "search_tasks" | "get_task" | "create_task" | "update_task" | "move_task"
        ) {
            return None;
        }
        Some(parse_args(arguments).and_then(|args| Self::from_args(name, &args, now)))
    }

    fn from_args(name: &str, a: &Map<String, Value>, now: NaiveDateTime) -> Result<Self, String> {
        Ok(match name {
            "search_tasks" => BoardTool::Search {
                query: opt_str(a, "query")?.filter(|q| !q.trim().is_empty()),
                status: opt_str(a, "status")?
                    .map(|s| s.parse::<Status>().map_err(|e| e.to_string()))
                    .transpose()?,
                limit: match a.get("limit").and_then(Value::as_u64) {
                    Some(n) => usize::try_from(n)
                        .unwrap_or(MAX_SEARCH)
                        .clamp(1, MAX_SEARCH),
                    None => MAX_SEARCH,
                },
            },
            "get_task" => BoardTool::Get { id: id(a)? },
            "create_task" => BoardTool::Create(NewTask {
                title: opt_str(a, "title")?
                    .filter(|t| !t.trim().is_empty())
                    .ok_or("create_task needs a title")?,
                description: opt_str(a, "description")?,
                category: opt_str(a, "category")?,
                priority: priority(a)?,
                status: opt_str(a, "status")?
                    .map(|s| s.parse::<Status>().map_err(|e| e.to_string()))
                    .transpose()?,
                due: opt_str(a, "due")?.map(|d| due(&d, now)).transpose()?,
                source_transcript_id: None,
            }),
            "update_task" => {
                let patch = TaskPatch {
                    title: opt_str(a, "title")?,
                    description: opt_str(a, "description")?.map(Some),
                    category: opt_str(a, "category")?.map(Some),
                    priority: priority(a)?,
                    due: match a.get("due") {
                        None => None,
                        Some(Value::Null) => Some(None),
                        Some(Value::String(d)) => Some(Some(due(d, now)?)),
                        Some(other) => return Err(format!("due must be a string, not {other}")),
                    },
                    ..TaskPatch::default()
                };
                if patch == TaskPatch::default() {
                    return Err("update_task needs at least one field to change".into());
                }
                BoardTool::Update { id: id(a)?, patch }
            }
            _ => BoardTool::Move {
                id: id(a)?,
                status: opt_str(a, "status")?
                    .ok_or("move_task needs a status")?
                    .parse::<Status>()
                    .map_err(|e| e.to_string())?,
            },
        })
    }
}

fn parse_args(arguments: &str) -> Result<Map<String, Value>, String> {
    if arguments.trim().is_empty() {
        return Ok(Map::new());
    }
    match serde_json::from_str::<Value>(arguments) {
        Ok(Value::Object(m)) => Ok(m),
        Ok(_) => Err("the arguments must be a JSON object".into()),
        Err(e) => Err(format!("the arguments are not valid JSON ({e})")),
    }
}

fn opt_str(a: &Map<String, Value>, key: &str) -> Result<Option<String>, String> {
    match a.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(other) => Err(format!("{key} must be a string, not {other}")),
    }
}

fn id(a: &Map<String, Value>) -> Result<i64, String> {
    match a.get("id") {
        Some(Value::Number(n)) => n
            .as_i64()
            .ok_or_else(|| format!("id {n} is not a task number")),
        // Weak models quote numbers, or write "#12".
        Some(Value::String(s)) => s
            .trim()
            .trim_start_matches('#')
            .parse()
            .map_err(|_| format!("id '{s}' is not a task number")),
        _ => Err("the task's id is missing (search_tasks finds it)".into()),
    }
}

fn priority(a: &Map<String, Value>) -> Result<Option<Priority>, String> {
    opt_str(a, "priority")?
        .map(|p| p.parse::<Priority>().map_err(|e| e.to_string()))
        .transpose()
}

fn due(text: &str, now: NaiveDateTime) -> Result<Due, String> {
    text.parse::<Due>()
        .ok()
        .or_else(|| resolve_due(text, now))
        .ok_or_else(|| format!("cannot read the due date '{text}'; use YYYY-MM-DD"))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn now() -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 11, 24)
            .unwrap()
            .and_hms_opt(9, 0, 0)
            .unwrap()
    }

    #[test]
    fn mcp_names_are_not_board_tools() {
        assert!(BoardTool::parse("files__read_file", "{}", now()).is_none());
        for spec in board_tool_specs() {
            assert!(!spec.name.contains("__"), "{}", spec.name);
            assert!(BoardTool::parse(&spec.name, "{}", now()).is_some());
        }
    }

    #[test]
    fn create_reads_dates_and_phrases() {
        let t = BoardTool::parse(
            "create_task",
            r#"{"title":"Call Joe","due":"tomorrow","priority":"high"}"#,
            now(),
        )
        .unwrap()
        .unwrap();
        let BoardTool::Create(n) = t else {
            panic!("{t:?}")
        };
        assert_eq!(n.title, "Call Joe");
        assert_eq!(n.priority, Some(Priority::High));
        assert_eq!(n.due.unwrap().to_string(), "2026-11-25");
    }

    #[test]
    fn update_clears_due_with_null_and_needs_a_field() {
        let t = BoardTool::parse("update_task", r##"{"id":"#7","due":null}"##, now())
            .unwrap()
            .unwrap();
        assert_eq!(
            t,
            BoardTool::Update {
                id: 7,
                patch: TaskPatch {
                    due: Some(None),
                    ..TaskPatch::default()
                }
            }
        );
        let err = BoardTool::parse("update_task", r#"{"id":7}"#, now())
            .unwrap()
            .unwrap_err();
        assert!(err.contains("at least one field"), "{err}");
    }

    #[test]
    fn bad_arguments_say_what_is_wrong() {
        let cases = [
            (
                "move_task",
                r#"{"id":3,"status":"later"}"#,
                "unknown status",
            ),
            ("move_task", r#"{"status":"done"}"#, "id is missing"),
            ("create_task", r#"{"title":""}"#, "needs a title"),
            (
                "create_task",
                r#"{"title":"x","due":"someday soon"}"#,
                "cannot read the due date",
            ),
            ("get_task", "[1]", "JSON object"),
            ("get_task", "{id:", "not valid JSON"),
        ];
        for (name, args, want) in cases {
            let err = BoardTool::parse(name, args, now()).unwrap().unwrap_err();
            assert!(err.contains(want), "{name} {args}: {err}");
        }
    }
}
