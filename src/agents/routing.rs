//! Which agent picks up a new task: its category first (the user chose or confirmed it),
//! then trigger keywords in the title or description.

use super::builtin::CHAT_AGENT;
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
    // The chat panel's agent answers the user, it does not work tasks.
    let enabled = || agents.iter().filter(|a| a.enabled && a.name != CHAT_AGENT);
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
    // The agent with the most matching keywords wins ("log the call with Acme in the CRM"
    // is CRM work, though "call with" also suggests a meeting); ties go to longer matches.
    let mut best: Option<(usize, usize, &AgentDef, String)> = None;
    for a in enabled() {
        let hits: Vec<String> = a
            .trigger_keywords
            .iter()
            .map(|k| k.trim().to_lowercase())
            .filter(|k| !k.is_empty() && contains_words(&text, k))
            .collect();
        let Some(longest) = hits.iter().max_by_key(|k| k.len()).cloned() else {
            continue;
        };
        let score = (hits.len(), hits.iter().map(String::len).sum::<usize>());
        if best
            .as_ref()
            .is_none_or(|(n, len, _, _)| score > (*n, *len))
        {
            best = Some((score.0, score.1, a, longest));
        }
    }
    best.map(|(_, _, a, kw)| Route {
        agent: a.name.clone(),
        reason: format!("keyword '{kw}'"),
    })
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
        let r = route(&agents, "Log the call with Acme in the CRM", None, None).unwrap();
        assert_eq!(r.agent, "CRM Sync");
    }
}
