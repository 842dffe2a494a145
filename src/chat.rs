//! The side chat: a conversation with the configured model, global or about one task, that
//! streams its reply and can act on the board (search, create, update, move tasks) and call
//! the MCP tools the `Chat` agent is allowed. The loop lives in `service/chat.rs`; this
//! module holds what does not touch the database.

mod board_tools;
mod error;
mod message;

pub use board_tools::{BoardTool, board_tool_specs};
pub use error::ChatError;
pub use message::{ChatEvent, ChatMessage, ChatRole, ChatThread, ChatToolCall};

/// Tool rounds one message may take before the chat stops and says so.
pub const MAX_TOOL_ROUNDS: usize = 8;
/// Earlier messages sent back to the model with each new one.
pub const HISTORY_WINDOW: usize = 40;
/// The longest message the user may send.
pub const MAX_MESSAGE_CHARS: usize = 8_000;
