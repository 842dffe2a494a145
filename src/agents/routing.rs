//! Which agent picks up a new task: its category first (the user chose or confirmed it),
//! then trigger keywords in the title or description.

use super::definition::AgentDef;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Route {
    pub agent: String,
    pub reason: String,
}

pub fn route(
    agents: &[AgentDef],
    title: &str,
    description: Option<&str>,
    category: Option<&str>,
) -> Option<Route> {
    let enabled = || agents.iter().filter(|a| a.enabled);
    if let Some(cat) = category
        && let Some(a) =
            enabled().find(|a| a.categories.iter().any(|c| c.eq_ignore_ascii_case(cat)))
    {
        return Some(Route {
            agent: a.name.clone(),
            reason: format!("category {cat}"),
        });
    }
    let text = format!(" {} {} ", title, description.unwrap_or_default()).to_lowercase();
    for a in enabled() {
        for kw in &a.trigger_keywords {
            let kw = kw.trim().to_lowercase();
            if !kw.is_empty() && contains_words(&text, &kw) {
                return Some(Route {
                    agent: a.name.clone(),
                    reason: format!("keyword '{kw}'"),
                });
            }
        }
    }
    None
}

/// `kw` as whole words: "qa" must not match "aqua".
fn contains_words(text: &str, kw: &str) -> bool {
    text.match_indices(kw).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + kw.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::agents::builtin_agents;

    #[test]
    fn category_wins_then_whole_word_keywords() {
        let agents = builtin_agents();
        let r = route(&agents, "Call Joe", None, Some("meetings")).map(|r| r.agent);
        assert_eq!(r.as_deref(), Some("Meeting Prep"));
        let r = route(&agents, "Draft the Henderson proposal", None, None).unwrap();
        assert_eq!(r.agent, "Proposal Generator");
        assert_eq!(r.reason, "keyword 'proposal'");
        assert_eq!(route(&agents, "Buy aqua paint", None, None), None);
    }
}
