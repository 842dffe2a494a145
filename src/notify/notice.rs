use serde::Serialize;

/// What a notification is about; do-not-disturb and urgency depend on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NoticeKind {
    TasksAdded,
    AgentFinished,
    ApprovalNeeded,
    Reminder,
    /// A remote MCP server wants the user to sign in (again); agents that use it stop.
    SignInNeeded,
    /// Something the user must fix (a failed recording, a missing model).
    Error,
}

impl NoticeKind {
    /// Errors still show under do-not-disturb: they explain why something the user just did
    /// produced nothing.
    pub fn shows_in_dnd(self) -> bool {
        matches!(self, NoticeKind::Error)
    }
}

/// One notification: a title, a body and at most a few buttons (`(id, label)`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Notice {
    pub kind: NoticeKind,
    pub title: String,
    pub body: String,
    pub actions: Vec<(String, String)>,
}

impl Notice {
    pub fn new(kind: NoticeKind, title: impl Into<String>, body: impl Into<String>) -> Self {
        Self {
            kind,
            title: title.into(),
            body: body.into(),
            actions: Vec::new(),
        }
    }

    pub fn with_action(mut self, id: &str, label: &str) -> Self {
        self.actions.push((id.to_owned(), label.to_owned()));
        self
    }

    /// "3 tasks added" with the titles as the body, and an Undo button.
    pub fn tasks_added<'a>(titles: impl IntoIterator<Item = &'a str>) -> Self {
        let titles: Vec<&str> = titles.into_iter().collect();
        let title = match titles.len() {
            1 => "1 task added".to_owned(),
            n => format!("{n} tasks added"),
        };
        let body = titles
            .iter()
            .map(|t| format!("• {t}"))
            .collect::<Vec<_>>()
            .join("\n");
        Self::new(NoticeKind::TasksAdded, title, body).with_action(UNDO_ACTION, "Undo")
    }
}

/// Action id of the Undo button on "tasks added".
pub const UNDO_ACTION: &str = "undo";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tasks_added_counts_and_lists_titles() {
        let n = Notice::tasks_added(["Call Joe", "Send the proposal"]);
        assert_eq!(n.title, "2 tasks added");
        assert_eq!(n.body, "• Call Joe\n• Send the proposal");
        assert_eq!(n.actions, vec![("undo".to_owned(), "Undo".to_owned())]);
        assert_eq!(Notice::tasks_added(["One"]).title, "1 task added");
    }

    #[test]
    fn only_errors_break_do_not_disturb() {
        assert!(NoticeKind::Error.shows_in_dnd());
        assert!(!NoticeKind::TasksAdded.shows_in_dnd());
        assert!(!NoticeKind::ApprovalNeeded.shows_in_dnd());
    }
}
