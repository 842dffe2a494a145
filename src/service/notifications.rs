//! Whether and what to tell the user through the OS: do-not-disturb, due-date reminders, and
//! undoing a dump from its "tasks added" notification.

use chrono::{Duration, NaiveDateTime, NaiveTime};

use super::{Service, ServiceResult};
use crate::model::{Due, Status, Task, TaskFilter};
use crate::notify::{Notice, NoticeKind};
use crate::settings::NOTIFY_DND;

/// Settings key: reminders have been sent for due times up to here (local time, ISO).
pub const REMINDER_CURSOR_SETTING: &str = "reminders.checked_until";
/// A timed task is announced this long before it is due.
pub const REMINDER_LEAD_MINUTES: i64 = 15;
/// A task due on a day (no time) is announced at this hour that morning.
pub const DATE_ONLY_REMINDER_HOUR: u32 = 9;

impl Service {
    /// Shows `notice` unless do-not-disturb hides it. Returns whether it was sent.
    pub fn notify(
        &self,
        notice: &Notice,
        on_action: impl FnOnce(&str) + Send + 'static,
    ) -> ServiceResult<bool> {
        if self.flag(&NOTIFY_DND)? && !notice.kind.shows_in_dnd() {
            tracing::debug!(title = %notice.title, "notification held back: do not disturb");
            return Ok(false);
        }
        self.notifier.send(notice, on_action)?;
        Ok(true)
    }

    /// Deletes the tasks a dump created (Undo on "3 tasks added"); tasks already gone are
    /// skipped. Returns how many were deleted.
    pub fn undo_dump(&self, task_ids: &[i64]) -> ServiceResult<usize> {
        let mut deleted = 0;
        for &id in task_ids {
            match self.delete_task(id) {
                Ok(_) => deleted += 1,
                Err(e) if e.is_not_found() => {}
                Err(e) => return Err(e),
            }
        }
        Ok(deleted)
    }

    /// Open tasks whose reminder time passed since the last call, oldest first. The first
    /// call only starts the clock, so installing (or upgrading) does not announce every
    /// overdue task at once; a clock that went backwards restarts it the same way.
    pub fn due_reminders(&self, now: NaiveDateTime) -> ServiceResult<Vec<Task>> {
        let since = self
            .get_setting(REMINDER_CURSOR_SETTING)?
            .and_then(|v| NaiveDateTime::parse_from_str(&v, "%Y-%m-%dT%H:%M:%S").ok());
        let mut due = Vec::new();
        if let Some(since) = since.filter(|s| *s <= now) {
            for task in self.list_tasks(&TaskFilter::default())? {
                if task.status == Status::Completed {
                    continue;
                }
                if let Some(at) = task.due.map(reminder_time)
                    && at > since
                    && at <= now
                {
                    due.push((at, task));
                }
            }
        }
        due.sort_by_key(|(at, t)| (*at, t.id));
        // Not through set_setting: a clock tick is not a change the UI should reload for.
        self.store().set_setting(
            REMINDER_CURSOR_SETTING,
            &now.format("%Y-%m-%dT%H:%M:%S").to_string(),
        )?;
        Ok(due.into_iter().map(|(_, t)| t).collect())
    }
}

/// When a task with this due date is announced.
pub fn reminder_time(due: Due) -> NaiveDateTime {
    match due {
        Due::DateTime(dt) => dt - Duration::minutes(REMINDER_LEAD_MINUTES),
        Due::Date(d) => d.and_time(
            NaiveTime::from_hms_opt(DATE_ONLY_REMINDER_HOUR, 0, 0).unwrap_or(NaiveTime::MIN),
        ),
    }
}

/// One notification for the tasks that came due together.
pub fn reminder_notice(tasks: &[Task]) -> Option<Notice> {
    let first = tasks.first()?;
    let title = if tasks.len() == 1 {
        format!("Due: {}", first.title)
    } else {
        format!("{} tasks due", tasks.len())
    };
    let body = tasks
        .iter()
        .map(|t| match t.due {
            Some(Due::DateTime(dt)) => format!("• {} at {}", t.title, dt.format("%H:%M")),
            _ => format!("• {} today", t.title),
        })
        .collect::<Vec<_>>()
        .join("\n");
    Some(Notice::new(NoticeKind::Reminder, title, body).with_action("open", "Open"))
}
