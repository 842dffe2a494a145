//! Names the model sees for MCP tools. Providers accept `^[a-zA-Z0-9_-]{1,64}$`, and two
//! servers may both have a `search` tool, so the server goes in front.

/// `server__tool`, with anything a provider would reject replaced by `_`, cut to 64.
pub fn model_tool_name(server: &str, tool: &str) -> String {
    let raw = format!("{server}__{tool}");
    raw.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '_' || c == '-' {
                c
            } else {
                '_'
            }
        })
        .take(64)
        .collect()
}

/// The first line of a tool result or model reply, short enough for a timeline row.
pub fn summarize(text: &str, max_chars: usize) -> String {
    let line = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("");
    if line.chars().count() <= max_chars {
        line.to_owned()
    } else {
        let cut: String = line.chars().take(max_chars.saturating_sub(1)).collect();
        format!("{cut}…")
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn names_are_provider_safe() {
        assert_eq!(model_tool_name("files", "read_file"), "files__read_file");
        assert_eq!(model_tool_name("my.crm", "log call"), "my_crm__log_call");
        assert_eq!(model_tool_name(&"x".repeat(70), "t").len(), 64);
    }
}
