use thiserror::Error;

#[derive(Debug, Error, PartialEq, Eq)]
pub enum UpdateError {
    /// Installing now would restart the app under the user's feet.
    #[error("the update waits until {0} has finished")]
    Busy(String),
    /// The package did not match the release key's signature: never installed.
    #[error("update refused: {0}")]
    Refused(String),
    #[error("cannot check for updates: {0}")]
    Check(String),
    #[error("no update is ready to install")]
    NothingReady,
}
