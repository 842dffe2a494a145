use serde::Serialize;

/// What a failed command hands the UI: one line it can show in a toast.
#[derive(Debug, Serialize)]
pub struct CommandError {
    pub message: String,
    pub not_found: bool,
}

impl From<utter::service::ServiceError> for CommandError {
    fn from(e: utter::service::ServiceError) -> Self {
        CommandError {
            not_found: e.is_not_found(),
            message: e.to_string(),
        }
    }
}

impl From<tauri::Error> for CommandError {
    fn from(e: tauri::Error) -> Self {
        CommandError {
            message: e.to_string(),
            not_found: false,
        }
    }
}

pub type CmdResult<T> = Result<T, CommandError>;
