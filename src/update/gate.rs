use super::UpdateError;

/// What is going on that a restart would cut short.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Activity {
    /// Recording or still transcribing the last recording.
    pub recording: bool,
    /// Agent runs executing right now (a run waiting for an approval is checkpointed and
    /// resumes after a restart, so it does not count).
    pub running_agents: usize,
}

/// Installing restarts the app: allowed only when nothing is under way.
pub fn install_allowed(activity: &Activity) -> Result<(), UpdateError> {
    if activity.recording {
        return Err(UpdateError::Busy("the recording".into()));
    }
    match activity.running_agents {
        0 => Ok(()),
        1 => Err(UpdateError::Busy("the agent run".into())),
        n => Err(UpdateError::Busy(format!("{n} agent runs"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_recording_or_an_agent_run_holds_the_install() {
        assert_eq!(install_allowed(&Activity::default()), Ok(()));
        let recording = Activity {
            recording: true,
            running_agents: 0,
        };
        assert_eq!(
            install_allowed(&recording),
            Err(UpdateError::Busy("the recording".into()))
        );
        let agents = Activity {
            recording: false,
            running_agents: 2,
        };
        assert!(
            matches!(install_allowed(&agents), Err(UpdateError::Busy(m)) if m == "2 agent runs")
        );
    }
}
