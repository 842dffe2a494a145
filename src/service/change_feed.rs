use serde::{Deserialize, Serialize};
use specta::Type;
use tokio::sync::broadcast;

/// What changed. The UI reloads what it shows; `External` means another process wrote and
/// the exact change is unknown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ChangeEvent {
    TaskCreated {
        id: i64,
    },
    TaskUpdated {
        id: i64,
    },
    TaskMoved {
        id: i64,
    },
    TaskDeleted {
        id: i64,
    },
    TranscriptCreated {
        id: i64,
    },
    SettingChanged {
        key: String,
    },
    AgentChanged {
        name: String,
    },
    /// A run started, took a step, or ended.
    RunUpdated {
        id: i64,
        task_id: Option<i64>,
    },
    ApprovalCreated {
        id: i64,
    },
    ApprovalDecided {
        id: i64,
    },
    External,
}

/// A broadcast channel: every subscriber sees every event; a slow one that falls behind
/// gets `Lagged` and should reload everything.
#[derive(Debug, Clone)]
pub struct ChangeFeed {
    tx: broadcast::Sender<ChangeEvent>,
}

impl Default for ChangeFeed {
    fn default() -> Self {
        Self::new()
    }
}

impl ChangeFeed {
    pub fn new() -> Self {
        let (tx, _) = broadcast::channel(1024);
        ChangeFeed { tx }
    }

    pub fn subscribe(&self) -> broadcast::Receiver<ChangeEvent> {
        self.tx.subscribe()
    }

    pub fn emit(&self, event: ChangeEvent) {
        tracing::trace!(?event, "change");
        // No subscribers is normal (the CLI): the event has nowhere to go.
        let _ = self.tx.send(event);
    }
}
