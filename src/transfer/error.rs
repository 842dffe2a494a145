use std::path::PathBuf;

/// What went wrong reading or writing an export. `at` names the place in the file (a line,
/// a line and column, or a JSON path such as `cards[3].due`) so the user can fix it.
#[derive(Debug, thiserror::Error)]
pub enum TransferError {
    #[error("{source_name} file, {at}: {message}; nothing was imported")]
    Malformed {
        source_name: &'static str,
        at: String,
        message: String,
    },
    #[error("{source_name} file: {message}; nothing was imported")]
    Invalid {
        source_name: &'static str,
        message: String,
    },
    #[error(
        "cannot tell what kind of file {} is; name it with --from todoist|trello|markdown|utter",
        path.display()
    )]
    UnknownFormat { path: PathBuf },
    #[error(
        "this export was written by a newer Utter (schema {found}, this build knows {known}); update Utter to import it"
    )]
    NewerExport { found: i64, known: i64 },
    #[error("cannot read {}: {reason}", path.display())]
    Read { path: PathBuf, reason: String },
    #[error("cannot write {}: {reason}", path.display())]
    Write { path: PathBuf, reason: String },
    #[error("cannot render the {format} export: {reason}")]
    Render {
        format: &'static str,
        reason: String,
    },
}

impl TransferError {
    pub(crate) fn at(
        source_name: &'static str,
        at: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        TransferError::Malformed {
            source_name,
            at: at.into(),
            message: message.into(),
        }
    }

    pub(crate) fn invalid(source_name: &'static str, message: impl Into<String>) -> Self {
        TransferError::Invalid {
            source_name,
            message: message.into(),
        }
    }

    /// A serde_json syntax or shape error, placed at its line and column.
    pub(crate) fn json(source_name: &'static str, e: &serde_json::Error) -> Self {
        let message = e.to_string();
        // serde_json appends " at line L column C"; the location goes first in ours.
        let message = message
            .split(" at line ")
            .next()
            .unwrap_or(&message)
            .to_string();
        let message = if e.is_eof() {
            format!("{message} (the file is cut short)")
        } else {
            message
        };
        TransferError::at(
            source_name,
            format!("line {}, column {}", e.line(), e.column()),
            message,
        )
    }
}
