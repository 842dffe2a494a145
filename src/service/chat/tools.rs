//! The tools a reply may call: the board's own and the MCP tools the Chat agent may use
//! without asking.

use super::*;

impl Service {
    /// Runs one tool call; the text is what the model sees, the flag says it failed.
    pub(super) async fn chat_tool(&self, turn: &Turn<'_>, call: &ToolCall) -> (String, bool) {
        if let Some(parsed) = BoardTool::parse(&call.name, &call.arguments, turn.now) {
            let done = parsed.and_then(|t| self.run_board_tool(t).map_err(|e| e.to_string()));
            return match done {
                Ok(text) => (text, false),
                Err(e) => (format!("Error: {e}"), true),
            };
        }
        let offered = turn
            .toolbox
            .and_then(|tb| tb.tools.get(&call.name))
            .filter(|_| turn.allowed.contains(&call.name));
        let (Some(tb), Some(offered)) = (turn.toolbox, offered) else {
            return (
                format!("Error: there is no tool named {} in this chat.", call.name),
                true,
            );
        };
        let args = match call.arguments_json() {
            Ok(v @ Value::Object(_)) => v,
            _ => {
                return (
                    "Error: the arguments were not a JSON object; call the tool again with valid JSON."
                        .to_owned(),
                    true,
                );
            }
        };
        match tb
            .supervisor
            .call_tool(&offered.server, &offered.tool.name, args)
            .await
        {
            Ok(r) => (result_for_model(&r), r.is_error),
            Err(e) => (format!("Error: {e}"), true),
        }
    }

    pub(super) fn run_board_tool(&self, tool: BoardTool) -> ServiceResult<String> {
        let out = match tool {
            BoardTool::Search {
                query,
                status,
                limit,
            } => {
                let tasks: Vec<Task> = match query {
                    // By words and meaning ("anything medical?" finds the dentist).
                    Some(q) => self
                        .search_smart(&q, limit)?
                        .into_iter()
                        .filter_map(|h| match h {
                            SearchHit::Task { task, .. } => Some(*task),
                            SearchHit::Transcript { .. } => None,
                        })
                        .filter(|t| status.is_none_or(|s| t.status == s))
                        .collect(),
                    None => {
                        let mut all = self.list_tasks(&TaskFilter {
                            status,
                            ..TaskFilter::default()
                        })?;
                        all.truncate(limit);
                        all
                    }
                };
                if tasks.is_empty() {
                    return Ok("No tasks match.".into());
                }
                Value::Array(tasks.iter().map(brief).collect())
            }
            BoardTool::Get { id } => {
                serde_json::to_value(self.get_task(id)?).unwrap_or_else(|_| json!({ "id": id }))
            }
            BoardTool::Create(new) => json!({ "created": brief(&self.create_task(new)?) }),
            BoardTool::Update { id, patch } => {
                json!({ "updated": brief(&self.update_task(id, patch)?) })
            }
            BoardTool::Move { id, status } => {
                json!({ "moved": brief(&self.move_task(id, status, None)?) })
            }
        };
        Ok(out.to_string())
    }
}

/// A task as the model sees it in tool results.
pub(super) fn brief(t: &Task) -> Value {
    json!({
        "id": t.id,
        "title": t.title,
        "status": t.status.as_str(),
        "priority": t.priority.as_str(),
        "due": t.due.map(|d| d.to_string()),
        "category": t.category,
        "agent": t.assigned_agent,
    })
}

pub(super) fn cut(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let head: String = text.chars().take(max).collect();
    format!("{head} […]")
}
