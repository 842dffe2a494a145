//! Word lists the rules lean on. Kept in one place so tuning them never touches the logic.

use std::collections::HashSet;
use std::sync::LazyLock;

/// Verbs that open a to-do when said as a command ("call", "send", "fix").
/// Left out on purpose: words that are more often names or nouns at the start of a
/// clause ("mark", "bill", "lead", "grant") and verbs of musing ("think", "wonder", "sleep").
const VERBS: &str = "a/b chase accept add adjust analyse analyze announce answer apologise apologize appeal apply approve archive arrange \
ask assemble assess assign attach attend audit back backup bake bcc benchmark block book brainstorm bring \
browse bump buy calculate call cancel catch cc celebrate change charge chat check choose circle circulate cite \
claim clarify clean clear close coach code collect commit compare compile complete confirm congratulate \
contact contest continue convert cook coordinate copy correct cover create cut debug decide decline declutter \
decorate defrost delegate delete deliver deploy deposit describe design discuss dispute distribute do donate \
double-check downgrade download draft drop dry dust e-mail edit email enrol enroll escalate estimate evaluate \
exchange expense explain explore export extend fax feed fertilize fetch figure file fill film finalise \
finalize find finish fix flag fold follow forecast forward frame fuel gather get gift give go grab grade hand \
handle hang head help highlight hire hook host implement import improve include inform inspect install \
interview introduce investigate invite invoice iron join keep kick label laminate learn lint list load lock \
lodge look loop mail make meet memorize mention mentor merge message migrate mock monitor mop mount move mow \
negotiate nominate notarize note notify nudge offboard onboard open optimize order organise organize outline \
pack paint pair patch pause pay phone photocopy pick pin ping pitch plan plant plug polish post postpone \
practice practise prep prepare present print prioritize process proof-read proofread prototype prune publish \
purchase push put quote raise rake re-send reach read rebase rebook reboot recharge recommend reconcile record \
recycle redo refactor refill refund register rehearse reimburse reject release remind remove rename render \
renegotiate renew reorder reorganise reorganize repair replace replenish reply report repot request rerun \
reschedule research resend reserve reset resolve respond restart restock resume retest return revert review \
revise rewrite ring roll rsvp run save scan schedule screen scrub search see sell send set settle setup shadow \
share sharpen ship shoot shop shortlist shovel shut sign sketch sort speak specify split stamp start stop \
store study submit subscribe summarise summarize swap sweep swing switch sync take talk tell test text thank \
thaw tidy track train transfer translate triage trim try tune turn tweak tweet type unblock unload unlock \
unplug unsubscribe update upgrade upload vacuum validate verify visit vote walk wash watch water weed wipe \
wire wrap write measure brief pop nip hoover descale mend sew unpack jot show empty deep-clean spring-clean let \
dig";

/// Words that make a clause a statement about the world rather than a command.
const FINITE: &str = "is are was were am be been being isn't aren't wasn't weren't 's 're 've has have had hasn't \
haven't will won't would wouldn't can can't could couldn't did didn't does doesn't do don't went goes ran runs \
looks look seems seem said says starts ends wants want liked likes got gets came comes went feels felt \
thinks think know knows knew needs keeps kept expires expired lapses lapsed renews";

const PRONOUNS: &str = "it that this them one those these him her everything all";
const PARTICLES: &str = "up out off down over in back on through around away together";
const PREPOSITIONS: &str =
    "about for to with from on at in by before after into onto of over regarding re during";
const SOFT_TAIL: &str = "too also again then now please first beforehand afterwards later instead anyway as well hopefully really honestly obviously though basically anymore";
const DETERMINERS: &str = "the a an my our his her their your some all any both another more new";
const EVENT_NOUNS: &str = "appointment meeting call interview dinner lunch breakfast party class session review sync \
standup stand-up demo presentation flight checkup check-up haircut exam deadline game practice rehearsal recital \
play webinar conference workshop offsite retro one-on-one 1:1 visit trip doctor dentist vet gym workout \
yoga therapy physio lesson training prep quiz test essay assignment coursework dissertation thesis";
const CHORES: &str =
    "groceries laundry dishes errands homework chores taxes ironing shopping vacuuming";

fn set(words: &'static str) -> HashSet<&'static str> {
    words.split_whitespace().collect()
}

static VERB_SET: LazyLock<HashSet<&'static str>> = LazyLock::new(|| set(VERBS));
/// Everyday verbs beyond `VERBS` ("repaint", "brine", "tip"), from WordNet; see
/// `scripts/gen-wordnet-verbs.py`. Many are nouns or names as often as verbs, so they open a
/// command only with an object after them (`opens_command`).
static WORDNET_VERB_SET: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    include_str!("data/wordnet_verbs.txt")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .collect()
});
/// What can follow a WordNet verb for it to be read as a command: "tip the", "brine it".
const OBJECT_PRONOUNS: &str = "it them him her me us this that these those everything";
static OBJECT_PRONOUN_SET: LazyLock<HashSet<&'static str>> = LazyLock::new(|| set(OBJECT_PRONOUNS));
static FINITE_SET: LazyLock<HashSet<&'static str>> = LazyLock::new(|| set(FINITE));
static PRONOUN_SET: LazyLock<HashSet<&'static str>> = LazyLock::new(|| set(PRONOUNS));
static PARTICLE_SET: LazyLock<HashSet<&'static str>> = LazyLock::new(|| set(PARTICLES));
static PREPOSITION_SET: LazyLock<HashSet<&'static str>> = LazyLock::new(|| set(PREPOSITIONS));
static SOFT_SET: LazyLock<HashSet<&'static str>> = LazyLock::new(|| set(SOFT_TAIL));
static DET_SET: LazyLock<HashSet<&'static str>> = LazyLock::new(|| set(DETERMINERS));
static EVENT_SET: LazyLock<HashSet<&'static str>> = LazyLock::new(|| set(EVENT_NOUNS));
static CHORE_SET: LazyLock<HashSet<&'static str>> = LazyLock::new(|| set(CHORES));

/// Lowercased word without surrounding punctuation.
pub(crate) fn bare(word: &str) -> String {
    word.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '-')
        .to_lowercase()
}

/// `bare`, and without a possessive "'s": "Rossi's" -> "rossi".
pub(crate) fn bare_noun(word: &str) -> String {
    let w = bare(word);
    w.strip_suffix("'s").map(str::to_string).unwrap_or(w)
}

pub(crate) fn is_verb(word: &str) -> bool {
    VERB_SET.contains(bare(word).as_str())
}

/// A verb of either list: for words already known to lead a to-do (a title's first word).
pub(crate) fn is_any_verb(word: &str) -> bool {
    let w = bare(word);
    VERB_SET.contains(w.as_str())
        || WORDNET_VERB_SET.contains(w.as_str())
        || w.strip_prefix("re-").is_some_and(|v| VERB_SET.contains(v))
}

/// Whether `text` opens with a command: a known verb, or a WordNet verb with its object
/// right after it ("repaint the garden fence", "brine it the day after").
pub(crate) fn opens_command(text: &str) -> bool {
    let mut words = text.split_whitespace();
    let Some(first) = words.next() else {
        return false;
    };
    if is_verb(first) {
        return true;
    }
    // "top up the Oyster card": "top" alone is too often "top priority".
    if bare(first) == "top" {
        return words.next().is_some_and(|n| bare(n) == "up");
    }
    // A comma after the word ends it: "Sand, the dog's name" is no command.
    let ends_phrase = first.ends_with([',', ';', ':', '.']);
    let w = bare(first);
    // "regrout", "re-pot": doing a known thing again.
    let again = w
        .strip_prefix("re-")
        .or_else(|| w.strip_prefix("re"))
        .is_some_and(|v| v.len() > 2 && is_any_verb(v));
    // "power-wash", "spot-clean": a known verb with a word before it.
    let compound = w
        .rsplit_once('-')
        .is_some_and(|(_, v)| v.len() > 2 && is_any_verb(v));
    !ends_phrase && (WORDNET_VERB_SET.contains(w.as_str()) || again || compound) && {
        // "sand down that chair leg", "caulk around the window": a particle may come first.
        let mut next = words.next().map(bare);
        if next.as_deref().is_some_and(|n| {
            PARTICLE_SET.contains(n) || matches!(n, "around" | "along" | "under" | "behind")
        }) {
            next = words.next().map(bare);
        }
        // "log yesterday's calls", "service Tom's car": a possessive starts an object too.
        next.is_some_and(|n| {
            DET_SET.contains(n.as_str())
                || OBJECT_PRONOUN_SET.contains(n.as_str())
                || (n.len() > 3 && n.ends_with("'s"))
        })
    }
}

/// "finishing" -> "finish", "getting" -> "get", "making" -> "make", when the result is a known verb.
pub(crate) fn verb_from_gerund(word: &str) -> Option<String> {
    gerund_stems(word)?
        .into_iter()
        .find(|c| !c.is_empty() && VERB_SET.contains(c.as_str()))
}

/// What a gerund's verb may be: "making" -> "mak", "make"; "getting" -> "gett", "get".
fn gerund_stems(word: &str) -> Option<[String; 3]> {
    let w = bare(word);
    let stem = w.strip_suffix("ing")?;
    Some([
        stem.to_string(),
        format!("{stem}e"),
        stem.get(..stem.len().saturating_sub(1))
            .unwrap_or("")
            .to_string(),
    ])
}

/// Like `verb_from_gerund`, with the WordNet verbs too ("sanding" -> "sand", "re-caulking"
/// -> "re-caulk"): for a gerund whose clause already says it is a plan.
pub(crate) fn any_verb_from_gerund(word: &str) -> Option<String> {
    if let Some(v) = verb_from_gerund(word) {
        return Some(v);
    }
    gerund_stems(word)?.into_iter().find(|c| {
        let root = c.strip_prefix("re-").unwrap_or(c);
        c.len() > 2 && is_any_verb(root)
    })
}

pub(crate) fn is_finite(word: &str) -> bool {
    let w = bare(word);
    // A possessive "'s" ("Tom's pull request") is not a verb; only pronoun contractions are.
    let contracted_is = matches!(
        w.as_str(),
        "it's"
            | "that's"
            | "he's"
            | "she's"
            | "there's"
            | "here's"
            | "what's"
            | "who's"
            | "one's"
            | "everything's"
    );
    FINITE_SET.contains(w.as_str())
        || contracted_is
        || ["'re", "'ve", "'ll", "'d", "'m"]
            .iter()
            .any(|s| w.ends_with(s))
}

/// "the caulk's gone", "Friday's the nativity": a noun's "'s" that is "is" or "has", told
/// from a possessive ("the caulk's colour") by the word after it.
pub(crate) fn contracted_verb(word: &str, next: Option<&str>) -> bool {
    if !bare(word).ends_with("'s") {
        return false;
    }
    let Some(n) = next.map(bare) else {
        return false;
    };
    matches!(
        n.as_str(),
        "gone"
            | "been"
            | "got"
            | "not"
            | "the"
            | "a"
            | "an"
            | "all"
            | "just"
            | "still"
            | "really"
            | "so"
            | "too"
            | "very"
            | "already"
            | "always"
            | "never"
            | "due"
            | "done"
            | "off"
            | "over"
            | "finally"
            | "broken"
            | "my"
            | "our"
            | "on"
            | "in"
            | "at"
            | "coming"
            | "going"
            | "getting"
            | "being"
            | "having"
            | "almost"
            | "nearly"
            | "probably"
            // "the drill battery's dead", "the van's overdue": a state.
            | "dead"
            | "full"
            | "empty"
            | "flat"
            | "low"
            | "loose"
            | "overdue"
            | "late"
            | "cracked"
            | "knackered"
            | "ready"
            | "expired"
            | "out"
    ) || (n.len() > 4 && n.ends_with("ing"))
        // "the hot water system's carked it", "the boiler's packed up": "has".
        || (n.len() > 4 && n.ends_with("ed"))
}

pub(crate) fn is_pronoun(word: &str) -> bool {
    PRONOUN_SET.contains(bare(word).as_str())
}

pub(crate) fn is_particle(word: &str) -> bool {
    PARTICLE_SET.contains(bare(word).as_str())
}

pub(crate) fn is_preposition(word: &str) -> bool {
    PREPOSITION_SET.contains(bare(word).as_str())
}

pub(crate) fn is_soft_tail(word: &str) -> bool {
    SOFT_SET.contains(bare(word).as_str())
}

pub(crate) fn is_determiner(word: &str) -> bool {
    DET_SET.contains(bare(word).as_str())
}

pub(crate) fn is_event_noun(word: &str) -> bool {
    let w = bare(word);
    EVENT_SET.contains(w.as_str()) || w.strip_suffix('s').is_some_and(|s| EVENT_SET.contains(s))
}

/// "Calls for today", "meetings": a plural event noun on its own heads a list, it is no event.
pub(crate) fn plural_heading(words: &[&str]) -> bool {
    words.len() <= 3
        && !words.first().is_some_and(|w| is_determiner(w))
        && words
            .iter()
            .filter(|w| is_event_noun(w))
            .all(|w| bare(w).ends_with('s'))
}

pub(crate) fn is_chore(word: &str) -> bool {
    CHORE_SET.contains(bare(word).as_str())
}

/// An ordinary word of to-do speech (a verb, determiner, pronoun, event or chore noun):
/// capitalised at the start of a title, it is still no name.
pub(crate) fn is_common_word(word: &str) -> bool {
    is_verb(word)
        || verb_from_gerund(word).is_some()
        || is_finite(word)
        || is_pronoun(word)
        || is_particle(word)
        || is_soft_tail(word)
        || is_determiner(word)
        || is_event_noun(word)
        || is_chore(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn knows_verbs_and_gerunds() {
        assert!(is_verb("Call"));
        assert!(is_verb("email,"));
        assert!(!is_verb("Mark"));
        assert!(opens_command("Repaint the garden fence"));
        assert!(opens_command("brine it the day after"));
        assert!(opens_command("tip the bin men"));
        // Alone, or before something that is no object, such a word is no command.
        assert!(!opens_command("House prices are mad"));
        assert!(!opens_command("Sand"));
        assert!(!opens_command("Forget the onboarding doc"));
        assert!(!opens_command("Like the other day"));
        assert!(!opens_command("Still the same"));
        assert!(is_any_verb("Repaint"));
        assert_eq!(verb_from_gerund("finishing").as_deref(), Some("finish"));
        assert_eq!(
            verb_from_gerund("rescheduling").as_deref(),
            Some("reschedule")
        );
        assert_eq!(verb_from_gerund("getting").as_deref(), Some("get"));
        assert_eq!(verb_from_gerund("thinking"), None);
    }

    #[test]
    fn knows_statements() {
        assert!(is_finite("is"));
        assert!(is_finite("that's"));
        assert!(!is_finite("Tom's"));
        assert!(!is_finite("send"));
    }
}
