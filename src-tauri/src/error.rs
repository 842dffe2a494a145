use serde::Serialize;
use utter::service::ErrorCode;

/// What a failed command hands the UI (the generated `CommandError`): a `code` to switch
/// on, one line to show in a toast, and what the user can do about it when the app knows.
#[derive(Debug, Serialize, specta::Type)]
pub struct CommandError {
    pub code: ErrorCode,
    pub message: String,
    pub hint: Option<String>,
}

impl CommandError {
    /// Every message the UI sees passes the core's redaction layer here, once.
    pub fn new(code: ErrorCode, message: impl AsRef<str>) -> Self {
        let clean = utter::secrets::redact::scrub(message.as_ref());
        CommandError {
            code,
            message: utter::sanitize::terminal_safe(&clean).into_owned(),
            hint: hint(code).map(str::to_owned),
        }
    }
}

/// Where in the app the fix is; the core's messages name CLI commands instead.
fn hint(code: ErrorCode) -> Option<&'static str> {
    match code {
        ErrorCode::NoLlm => Some("Choose a language model in Settings → Language model."),
        ErrorCode::NoSpeechModel => Some("Download a speech model in Settings → Transcription."),
        ErrorCode::SignInRequired => Some("Sign in to the server on its card in MCP servers."),
        ErrorCode::Keychain => Some("Unlock the system keychain, then try again."),
        ErrorCode::Busy => Some("Wait for it to finish, then try again."),
        _ => None,
    }
}

impl From<utter::service::ServiceError> for CommandError {
    fn from(e: utter::service::ServiceError) -> Self {
        CommandError::new(e.code(), e.to_string())
    }
}

impl From<tauri::Error> for CommandError {
    fn from(e: tauri::Error) -> Self {
        CommandError::new(ErrorCode::Internal, e.to_string())
    }
}

pub type CmdResult<T> = Result<T, CommandError>;
