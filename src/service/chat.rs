//! The side chat's loop: the user's message, the model's streamed reply, the tools it calls
//! (the board's, and the MCP tools the `Chat` agent is allowed without asking), until it
//! answers. Every message is saved as it happens, so a closed window or a failed call
//! loses nothing that was already said.

use std::collections::HashSet;

use chrono::{Local, NaiveDateTime};
use serde_json::{Value, json};
use tokio_util::sync::CancellationToken;

use super::agent_runs::{Toolbox, result_for_model};

mod context;
mod reply_loop;
mod tools;

use super::{Service, ServiceResult};
use crate::agents::{AgentDef, CHAT_AGENT, Permission};
use crate::chat::{
    BoardTool, ChatError, ChatEvent, ChatMessage, ChatRole, ChatThread, ChatToolCall,
    HISTORY_WINDOW, MAX_MESSAGE_CHARS, MAX_TOOL_ROUNDS, board_tool_specs,
};
use crate::llm::{ChatRequest, LlmClient, Message, ToolCall, ToolSpec};
use crate::model::{SearchHit, Task, TaskFilter};
use crate::store::NewChatMessage;
use context::{chat_system_prompt, llm_messages};
use tools::cut;

/// Messages the panel loads when it opens.
const THREAD_LIMIT: usize = 500;
/// How much of a task's description and agent output the chat's model is told.
const TASK_CONTEXT_CHARS: usize = 4_000;

type EventSink<'a> = &'a (dyn Fn(ChatEvent) + Send + Sync);

/// Clears a chat's busy mark when its reply ends, however it ends.
struct BusyMark<'a> {
    svc: &'a Service,
    scope: Option<i64>,
}

impl Drop for BusyMark<'_> {
    fn drop(&mut self) {
        if let Ok(mut busy) = self.svc.chats_busy.lock() {
            busy.remove(&self.scope);
        }
    }
}

/// What one reply works with.
struct Turn<'a> {
    chat_id: i64,
    task_id: Option<i64>,
    llm: &'a LlmClient,
    toolbox: Option<&'a Toolbox>,
    /// MCP tools (model names) the chat may call without asking.
    allowed: HashSet<String>,
    stop: &'a CancellationToken,
    on_event: EventSink<'a>,
    now: NaiveDateTime,
}

impl Service {
    /// The conversation for a scope (`None` = the board), as the panel opens it.
    pub fn chat_thread(&self, task: Option<i64>) -> ServiceResult<ChatThread> {
        if let Some(t) = task {
            self.get_task(t)?;
        }
        let chat_id = self.store().chat_id(task)?;
        let messages = match chat_id {
            Some(id) => self.store().chat_messages(id, THREAD_LIMIT)?,
            None => Vec::new(),
        };
        let agent = self.get_agent(CHAT_AGENT)?;
        let busy = self
            .chats_busy
            .lock()
            .map(|b| b.contains_key(&task))
            .unwrap_or(false);
        Ok(ChatThread {
            chat_id,
            task_id: task,
            messages,
            servers: if agent.enabled {
                agent.mcp_servers
            } else {
                Vec::new()
            },
            busy,
            has_model: self.llm_config()?.is_some(),
        })
    }

    /// Forgets a conversation; returns how many messages went.
    pub fn chat_clear(&self, task: Option<i64>) -> ServiceResult<usize> {
        if self.chat_busy(task) {
            return Err(ChatError::Busy.into());
        }
        Ok(self.store().delete_chat(task)?)
    }

    /// Asks a reply in progress to stop; what it said so far is kept. False when none runs.
    pub fn chat_stop(&self, task: Option<i64>) -> bool {
        match self.chats_busy.lock() {
            Ok(busy) => match busy.get(&task) {
                Some(stop) => {
                    stop.cancel();
                    true
                }
                None => false,
            },
            Err(_) => false,
        }
    }

    fn chat_busy(&self, task: Option<i64>) -> bool {
        self.chats_busy
            .lock()
            .map(|b| b.contains_key(&task))
            .unwrap_or(false)
    }

    /// Sends the user's message and drives the reply to its end, streaming it to
    /// `on_event`. Returns the final assistant message. Nothing is saved when the message
    /// is refused up front (empty, no model, busy), so the panel keeps it in the input.
    pub async fn chat_send(
        &self,
        task: Option<i64>,
        text: &str,
        on_event: EventSink<'_>,
    ) -> ServiceResult<ChatMessage> {
        let text = text.trim();
        if text.is_empty() {
            return Err(ChatError::Empty.into());
        }
        if text.chars().count() > MAX_MESSAGE_CHARS {
            return Err(ChatError::TooLong {
                max: MAX_MESSAGE_CHARS,
            }
            .into());
        }
        let task_row = task.map(|t| self.get_task(t)).transpose()?;
        let llm = self.llm_client()?.ok_or(ChatError::NoModel)?;
        let agent = self.get_agent(CHAT_AGENT)?;
        let stop = CancellationToken::new();
        {
            let mut busy = self.chats_busy.lock().map_err(|_| ChatError::Busy)?;
            if busy.contains_key(&task) {
                return Err(ChatError::Busy.into());
            }
            busy.insert(task, stop.clone());
        }
        let _mark = BusyMark {
            svc: self,
            scope: task,
        };
        let chat_id = self.store().ensure_chat(task)?;
        let user = self.store().insert_chat_message(
            chat_id,
            ChatRole::User,
            &NewChatMessage {
                content: text,
                ..NewChatMessage::default()
            },
        )?;
        on_event(ChatEvent::Message {
            task_id: task,
            message: user,
        });

        let toolbox = if agent.enabled && !agent.mcp_servers.is_empty() {
            match self.toolbox(&agent).await {
                Ok(t) => Some(t),
                Err(e) => {
                    on_event(ChatEvent::Notice {
                        task_id: task,
                        text: format!(
                            "The chat's MCP tools are unavailable ({e}); the board tools still work."
                        ),
                    });
                    None
                }
            }
        } else {
            None
        };
        let allowed = toolbox
            .as_ref()
            .map(|t| {
                t.tools
                    .iter()
                    .filter(|(_, o)| o.decision.permission == Permission::Allow)
                    .map(|(name, _)| name.clone())
                    .collect()
            })
            .unwrap_or_default();
        let turn = Turn {
            chat_id,
            task_id: task,
            llm: &llm,
            toolbox: toolbox.as_ref(),
            allowed,
            stop: &stop,
            on_event,
            now: Local::now().naive_local(),
        };
        let result = self.chat_loop(&turn, &agent, task_row.as_ref()).await;
        if let Some(t) = toolbox {
            t.supervisor.shutdown().await;
        }
        match &result {
            Ok(_) => on_event(ChatEvent::Done { task_id: task }),
            Err(e) => on_event(ChatEvent::Failed {
                task_id: task,
                error: e.to_string(),
            }),
        }
        result
    }
}
