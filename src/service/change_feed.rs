use serde::{Deserialize, Serialize};
use tokio::sync::broadcast;
use ts_rs::TS;

/// What changed. The UI reloads what it shows; `External` means another process wrote and
/// the exact change is unknown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export)]
pub enum ChangeEvent {
    TaskCreated {
        #[ts(type = "number")]
        id: i64,
    },
    TaskUpdated {
        #[ts(type = "number")]
        id: i64,
    },
    TaskMoved {
        #[ts(type = "number")]
        id: i64,
    },
    TaskDeleted {
        #[ts(type = "number")]
        id: i64,
    },
    TranscriptCreated {
        #[ts(type = "number")]
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
        #[ts(type = "number")]
        id: i64,
        #[ts(type = "number | null")]
        task_id: Option<i64>,
    },
    ApprovalCreated {
        #[ts(type = "number")]
        id: i64,
    },
    ApprovalDecided {
        #[ts(type = "number")]
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
