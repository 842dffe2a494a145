use crate::store::StoreError;

#[derive(Debug, thiserror::Error)]
pub enum ServiceError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("a task needs a title (it was empty)")]
    EmptyTitle,
    #[error("the title is longer than {max} characters; put the rest in the description")]
    TitleTooLong { max: usize },
    #[error("unknown category '{given}' (known: {known})")]
    UnknownCategory { given: String, known: String },
}

impl ServiceError {
    pub fn is_not_found(&self) -> bool {
        matches!(self, ServiceError::Store(StoreError::NotFound { .. }))
    }
}
