//! A run's lease (one driver at a time, an OS file lock) and how it ends: finished, failed,
//! and announced on the change feed.

use super::*;

impl Service {
    /// An exclusive lock on `runs/run-ID.lock` in the data dir, held while a run is driven.
    pub(super) fn run_lease(&self, id: i64) -> ServiceResult<std::fs::File> {
        let lock_err = |e: std::io::Error| AgentError::RunLock {
            id,
            reason: e.to_string(),
        };
        let dir = self.data_dir().join("runs");
        std::fs::create_dir_all(&dir).map_err(lock_err)?;
        let file = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(dir.join(format!("run-{id}.lock")))
            .map_err(lock_err)?;
        match file.try_lock() {
            Ok(()) => Ok(file),
            Err(std::fs::TryLockError::WouldBlock) => Err(AgentError::RunBusy(id).into()),
            Err(std::fs::TryLockError::Error(e)) => Err(lock_err(e).into()),
        }
    }

    pub(super) fn finish_run(&self, run: &Run, output: &str) -> ServiceResult<()> {
        // The model's last words may quote a secret a tool echoed; the card keeps them too.
        let output = crate::secrets::redact::scrub_known(output);
        let output = output.as_ref();
        let done = self
            .store()
            .set_run_status(run.id, RunStatus::Completed, Some(output), None)?;
        if let Some(task) = run.task_id {
            self.update_task(
                task,
                TaskPatch {
                    agent_output: Some(Some(output.to_owned())),
                    ..TaskPatch::default()
                },
            )?;
            // Inside a workflow the task is done only when the last step is.
            if run.workflow_run.is_none() {
                self.move_task(task, Status::Completed, None)?;
            }
        }
        self.emit_run(&done);
        Ok(())
    }

    pub(super) fn fail_run(&self, run: &Run, error: &str) -> ServiceResult<()> {
        let failed = self
            .store()
            .set_run_status(run.id, RunStatus::Failed, None, Some(error))?;
        if let Some(task) = run.task_id
            && run.workflow_run.is_none()
            && let Ok(t) = self.get_task(task)
            && t.status != Status::Completed
        {
            self.move_task(task, Status::Blocked, None)?;
        }
        self.emit_run(&failed);
        Ok(())
    }

    pub(super) fn emit_run(&self, run: &Run) {
        self.feed.emit(ChangeEvent::RunUpdated {
            id: run.id,
            task_id: run.task_id,
        });
    }
}
