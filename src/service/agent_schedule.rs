//! Scheduled agents: an agent with `daily HH:MM` works its open tasks once a day at that
//! time. The desktop app asks every half minute; `utter agents run-due` does the same from
//! cron. Pausing agents (the tray's "Pause agents") holds every schedule.

use chrono::{NaiveDateTime, NaiveTime};

use super::{Service, ServiceResult};
use crate::agents::parse_schedule;
use crate::model::{Status, TaskFilter};
use crate::settings::AGENTS_PAUSED;

fn last_key(agent: &str) -> String {
    format!("schedule.last.{agent}")
}

impl Service {
    /// `(agent, task id)` pairs whose daily time has come since they last ran today. Each
    /// schedule is marked done for the day before it is returned, so a crash or a second
    /// caller does not start the same work twice.
    pub fn due_scheduled(&self, now: NaiveDateTime) -> ServiceResult<Vec<(String, i64)>> {
        if self.flag(&AGENTS_PAUSED)? {
            return Ok(Vec::new());
        }
        let today = now.date().format("%Y-%m-%d").to_string();
        let mut due = Vec::new();
        for agent in self.list_agents()? {
            let Some(schedule) = agent.schedule.as_deref().filter(|_| agent.enabled) else {
                continue;
            };
            let Ok((h, m)) = parse_schedule(schedule) else {
                tracing::warn!(agent = %agent.name, schedule, "unreadable schedule skipped");
                continue;
            };
            let Some(at) = NaiveTime::from_hms_opt(h, m, 0) else {
                continue;
            };
            let key = last_key(&agent.name);
            if now.time() < at || self.get_setting(&key)?.as_deref() == Some(today.as_str()) {
                continue;
            }
            // Not through set_setting: a clock tick is not a change the UI should reload for.
            self.store().set_setting(&key, &today)?;
            for task in self.list_tasks(&TaskFilter::default())? {
                if task.assigned_agent.as_deref() == Some(agent.name.as_str())
                    && matches!(task.status, Status::Pending | Status::InProgress)
                {
                    due.push((agent.name.clone(), task.id));
                }
            }
        }
        Ok(due)
    }
}
