//! The one error type at the boundary: every domain's error folds into [`Error`], whose
//! `Display` is a single line a user can act on.

use crate::service::ServiceError;
use crate::store::StoreError;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Service(#[from] ServiceError),
    #[error("{0}")]
    Usage(String),
    #[error("{0}")]
    Io(String),
}

impl From<StoreError> for Error {
    fn from(e: StoreError) -> Self {
        Error::Service(ServiceError::Store(e))
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl From<crate::stt::ModelError> for Error {
    fn from(e: crate::stt::ModelError) -> Self {
        Error::Service(ServiceError::Model(e))
    }
}

impl From<crate::voice::VoiceError> for Error {
    fn from(e: crate::voice::VoiceError) -> Self {
        Error::Service(ServiceError::Voice(e))
    }
}

impl From<crate::agents::AgentError> for Error {
    fn from(e: crate::agents::AgentError) -> Self {
        Error::Service(ServiceError::Agent(e))
    }
}

impl From<crate::backup::BackupError> for Error {
    fn from(e: crate::backup::BackupError) -> Self {
        Error::Service(ServiceError::Backup(e))
    }
}
