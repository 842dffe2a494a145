use serde::Serialize;

/// What a failed command hands the UI: one line it can show in a toast.
#[derive(Debug, Serialize)]
pub struct CommandError {
    pub message: String,
    pub not_found: bool,
}

impl CommandError {
    /// Every message the UI sees passes the core's redaction layer here, once.
    pub fn new(message: impl AsRef<str>, not_found: bool) -> Self {
        let clean = utter::secrets::redact::scrub(message.as_ref());
        CommandError {
            message: utter::sanitize::terminal_safe(&clean).into_owned(),
            not_found,
        }
    }
}

impl From<utter::service::ServiceError> for CommandError {
    fn from(e: utter::service::ServiceError) -> Self {
        CommandError::new(e.to_string(), e.is_not_found())
    }
}

impl From<tauri::Error> for CommandError {
    fn from(e: tauri::Error) -> Self {
        CommandError::new(e.to_string(), false)
    }
}

pub type CmdResult<T> = Result<T, CommandError>;
