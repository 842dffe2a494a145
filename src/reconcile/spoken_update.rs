//! Things said about work that already exists: "I finished the Henderson proposal", "push the
//! dentist to Friday", "the Acme thing is blocked on legal", "I no longer need the hotel".
//! Found here from the words alone; whether a card is meant is decided by matching the object
//! against the board (see `super::plan`), so a sentence with no matching card stays what the
//! extractor made of it.

use std::sync::LazyLock;

use chrono::NaiveDateTime;
use regex::Regex;

use crate::extract::resolve_due;
use crate::model::{Due, Priority, Status};

/// What a spoken update does to the card it names.
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    Status(Status),
    /// Blocked, with what it waits on when that was said.
    Blocked(Option<String>),
    Cancel,
    Due(Due),
    Priority(Priority),
    Note(String),
}

/// One update found in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct SpokenUpdate {
    /// The words that said it (for the dump's result and to drop the extractor's reading of
    /// the same words as a new task).
    pub said: String,
    /// The verb of "I *called* Joe", when it names the work ("call").
    pub verb: Option<String>,
    /// Only a card whose title holds one of `verb`'s words is meant: "the library books are
    /// back" finishes "Return library books", never "Read the library books".
    pub verb_required: bool,
    /// The words naming the card: "the Henderson proposal".
    pub object: String,
    pub change: Change,
    /// Byte offset of `said` in the text given to [`find`].
    pub start: usize,
    /// Where the object sits: two patterns reading the same object found one update.
    object_span: (usize, usize),
    /// Where the thing a pronoun object stands for was named ("the parcel, I dropped it off").
    topic_start: Option<usize>,
}

impl SpokenUpdate {
    /// Where the words naming the card start: for "forget it" that is the topic it stands for.
    pub fn object_start(&self) -> usize {
        self.topic_start.unwrap_or(self.object_span.0)
    }
}

/// "Can you push the dentist back to Friday?": an order said as a question.
static REQUEST: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)^\W*(?:(?:so|and|oh|okay|um|uh)[,\s]+)*(?:can|could|would|will)\s+(?:you|we)\s+(?:please\s+|just\s+)?").ok()
});

pub fn is_request(sentence: &str) -> bool {
    REQUEST.as_ref().is_some_and(|re| re.is_match(sentence))
}

/// The kind of a pattern's match, turned into a [`Change`] with its captures.
#[derive(Clone, Copy)]
enum Kind {
    Done,
    DoneWithVerb,
    /// "finally got round to fixing the tap": the -ing form names the work.
    DoneDoing,
    /// Done, said in words that fit only some work: "the deck went off" (sent), "the books
    /// are back" (returned). The card must be that work.
    DoneAs(&'static str),
    Start,
    /// "started painting the spare room", "kicked off the migration".
    StartDoing,
    /// "waiting on legal before I can sign the lease": the verb names the card's work.
    BlockedBefore,
    Blocked,
    Cancel,
    Reschedule,
    Priority,
    /// "… isn't urgent": low priority.
    Lower,
    /// "bump the passport right up": high priority.
    Raise,
    /// "For the offsite, Kevin is vegetarian": a remark about a card, unless it is an order.
    NoteAbout,
    Mark,
    Note,
}

/// Where an order may start: the start of a clause, after a joining word or a filler.
const LEAD: &str = r"(?:^|[,;:]\s*|\b(?:and|but|also|so|oh|okay|then|please|just|actually|plus|can\s+you|could\s+you|would\s+you|let's)\s+)";
/// Where the object ends.
const END: &str = r"(?:\s+(?:and|but|because|since|as|so)\b|\s*[,;.!?]|\s*$)";
const OBJ: &str = r"(?P<obj>[^,;.!?]+?)";
const BE: &str = r"(?:\s+(?:is|are|was|were|has\s+been|have\s+been)|'s)\s+(?:now\s+|still\s+|all\s+|finally\s+|actually\s+)?";
const SUBJ: &str = r"\b(?:i|we)(?:'ve|\s+have)?\s+(?:just\s+|already\s+|finally\s+|now\s+)?";
/// Words that send something off, for "the deck went off to Priya".
const SENT: &str = "send email mail post submit ship deliver";
/// Words that give something back, for "the library books are back".
const RETURNED: &str = "return drop deliver post send";
/// Words that get something, for "bin bags, got them at Tesco".
const FETCHED: &str = "buy get pick order collect grab fetch";

/// Every pattern, as source; [`patterns`] compiles them (a test checks that all do).
fn specs() -> Vec<(Kind, String)> {
    let done_verbs = r"finished|completed|sent|submitted|called|rang|phoned|booked|paid|emailed|e-mailed|mailed|messaged|texted|fixed|bought|wrote|sorted(?:\s+out)?|wrapped\s+up|took\s+care\s+of|handled|filed|renewed|ordered|picked\s+up|returned|cleaned|signed|reviewed|updated|scheduled|posted|shipped|delivered|drafted|prepared|replied\s+to|followed\s+up\s+(?:with|on)|contacted|confirmed|finali[sz]ed";
    vec![
        (
            Kind::DoneDoing,
            format!(
                r"(?:{LEAD}|\b(?:i|we)\s+)(?:finally\s+|eventually\s+)?got\s+(?:a)?round\s+to\s+(?P<verb>[a-z]+ing)\s+{OBJ}{END}"
            ),
        ),
        (
            Kind::DoneAs(SENT),
            format!(r"{LEAD}{OBJ}\s+(?:went|has\s+gone|have\s+gone|'s\s+gone)\s+(?:off|out)\b"),
        ),
        (Kind::DoneAs(RETURNED), format!(r"{LEAD}{OBJ}{BE}back\b")),
        (
            Kind::DoneAs(SENT),
            format!(r"{LEAD}{OBJ}(?:\s+went|{BE})\s*in\s+the\s+(?:post|mail)\b"),
        ),
        (
            Kind::DoneAs(RETURNED),
            format!(r"(?:{LEAD}|{SUBJ})(?:took|brought|taken)\s+{OBJ}\s+back\b"),
        ),
        // "the handyman sorted the fan in flat one": someone else did the work.
        (
            Kind::Done,
            format!(
                r"\b(?:the\s+[a-z]+|[A-Z][a-z]+)\s+(?:has\s+|'s\s+|finally\s+|already\s+)?(?:sorted(?:\s+out)?|fixed|repaired|serviced|replaced|installed|emptied|unblocked|delivered)\s+{OBJ}{END}"
            ),
        ),
        (
            Kind::DoneWithVerb,
            format!(
                r"(?:{SUBJ}|{LEAD})(?P<verb>went\s+(?:through|over)|looked\s+(?:over|through))\s+{OBJ}{END}"
            ),
        ),
        // Before the cancels' "dropped": "I dropped it at the post office" is done.
        (
            Kind::DoneAs(RETURNED),
            format!(
                r"(?:{LEAD}|{SUBJ})(?:dropped|took)\s+{OBJ}\s+(?:off\s+|back\s+)?(?:at|to|into|round\s+to)\s"
            ),
        ),
        (
            Kind::DoneAs(FETCHED),
            format!(
                r"(?:{LEAD}|{SUBJ})(?:got|grabbed|picked\s+up|bought|collected)\s+{OBJ}\s+(?:at|from|in|on\s+the\s+way)\s"
            ),
        ),
        // "Got the dentist booked", "had the boiler serviced".
        (
            Kind::Done,
            format!(
                r"(?:{LEAD}|{SUBJ})(?:got|had)\s+{OBJ}\s+(?:booked|sorted|done|fixed|paid|sent|ordered|finished|renewed|serviced|repaired|signed|cleaned|printed|posted|checked|looked\s+at)\b"
            ),
        ),
        (
            Kind::DoneWithVerb,
            format!(r"{SUBJ}(?P<verb>{done_verbs}|did|done)\s+{OBJ}{END}"),
        ),
        // Without "I": "Paid the rent", "Called Joe" (a past form never starts an order).
        (
            Kind::DoneWithVerb,
            format!(r"{LEAD}(?P<verb>{done_verbs})\s+{OBJ}{END}"),
        ),
        // Any other past form of a to-do verb: "we hired a designer" (see `is_done_verb`).
        (
            Kind::DoneWithVerb,
            format!(r"{SUBJ}(?P<verb>[a-z]+ed)\s+{OBJ}{END}"),
        ),
        (
            Kind::Done,
            format!(
                r"{LEAD}{OBJ}{BE}(?:done|finished|complete|completed|sorted|sent|paid|booked|handled|taken\s+care\s+of|out\s+of\s+the\s+way|dealt\s+with|submitted|fixed|repaired|resolved|ordered|bought|arranged|organi[sz]ed|renewed|signed|printed|posted|collected|delivered)\b"
            ),
        ),
        (
            Kind::Mark,
            format!(
                r"{LEAD}(?:mark|set)\s+{OBJ}\s+(?:as\s+)?(?P<state>done|complete|completed|finished|blocked|in\s+progress|started|cancell?ed|canceled){END}"
            ),
        ),
        (
            Kind::Done,
            format!(r"{LEAD}(?:tick|cross|check)\s+off\s+{OBJ}{END}"),
        ),
        (
            Kind::Start,
            format!(
                r"\b(?:i|we)(?:'m|\s+am|'re|\s+are)\s+(?:now\s+|still\s+)?(?:working\s+(?:on|through|away\s+at)|starting(?:\s+on)?|in\s+the\s+middle\s+of|(?:half|part)\s*way\s+through|getting\s+on\s+with|cracking\s+on\s+with|making\s+(?:progress|headway)\s+(?:on|with))\s+{OBJ}{END}"
            ),
        ),
        (
            Kind::StartDoing,
            format!(r"(?:{LEAD}|{SUBJ})(?:started|began|begun)\s+(?P<verb>[a-z]+ing)\s+{OBJ}{END}"),
        ),
        (
            Kind::Start,
            format!(
                r"(?:{LEAD}|{SUBJ})(?:made\s+(?:a\s+)?(?:start|headway|progress|a\s+dent)\s+(?:on|with|in)|kicked\s+off|got\s+started\s+on|got\s+going\s+(?:on|with))\s+{OBJ}{END}"
            ),
        ),
        (
            Kind::Start,
            format!(r"{SUBJ}started(?:\s+on|\s+working\s+on)?\s+{OBJ}{END}"),
        ),
        // No object: "House insurance, I've made a start": the sentence's topic is meant.
        (
            Kind::Start,
            r"\b(?:i|we)(?:'ve|\s+have)?\s+(?:just\s+|already\s+)?(?:made\s+a\s+start|made\s+(?:some\s+)?progress|started|begun|kicked\s+off|(?:about\s+)?(?:half|part)\s*way(?:\s+there|\s+through)?)(?P<obj>)(?:\s*[,;.!]|\s*$|\s+(?:and|but|so)\b)"
                .to_string(),
        ),
        (
            Kind::Blocked,
            format!(
                r"{LEAD}{OBJ}{BE}(?:blocked|stuck|on\s+hold|held\s+up|waiting)(?:\s+waiting)?(?:\s+(?:on|by|for|until|with|at|in|because\s+of)\s+(?P<why>[^,;.!?]+?))?{END}"
            ),
        ),
        (
            Kind::Blocked,
            format!(
                r"\b(?:can't|cannot|can\s+not)\s+(?:do\s+anything|do\s+much|get\s+on|go\s+ahead|move\s+forward|get\s+started|start|progress)\s+(?:with|on|about)\s+{OBJ}\s+(?:until|till|before)\s+(?P<why>[^,;.!?]+)"
            ),
        ),
        // "Dave's quote, … so I'm stuck waiting on him": the topic is what is stuck.
        (
            Kind::Blocked,
            r"\b(?:i'm|i\s+am|we're|we\s+are)\s+(?:still\s+|just\s+)?(?:stuck|blocked|waiting)\s+(?:waiting\s+)?(?:on|for)\s+(?P<why>[^,;.!?]+?)(?P<obj>)(?:\s*[,;.!?]|\s*$|\s+(?:and|but|so|because|before|until|till)\b)"
                .to_string(),
        ),
        (
            Kind::BlockedBefore,
            format!(
                r"(?:\b(?:i|we)\s+|{LEAD})(?:can't|cannot|can\s+not)\s+(?P<verb>[a-z]+)\s+{OBJ}\s+(?:until|till|before|unless)\s+(?P<why>[^,;.!?]+)"
            ),
        ),
        (
            Kind::BlockedBefore,
            format!(
                r"\bwait(?:ing)?\s+(?:on|for)\s+(?P<why>[^,;.!?]+?)\s+(?:before|until|till|so)\s+(?:i|we)\s+can\s+(?P<verb>[a-z]+)\s+{OBJ}{END}"
            ),
        ),
        // "drop" is not here: "drop the keys off", "drop Sarah a line" are work to do.
        (
            Kind::Cancel,
            format!(r"{LEAD}(?:cancel|scrap|ditch|nix|call\s+off|forget(?:\s+about)?|don't\s+bother(?:\s+with)?|cancell?ed|canceled|scrapped|ditched)\s+{OBJ}{END}"),
        ),
        (
            Kind::Cancel,
            format!(
                r"(?:{LEAD}|\b(?:i'm|i\s+am|we're|we\s+are)\s+)(?:not|no\s+longer)\s+(?:doing|bothering\s+with|going\s+ahead\s+with|going\s+to\s+do)\s+{OBJ}(?:\s+any\s*more)?{END}"
            ),
        ),
        (
            Kind::Cancel,
            format!(
                r"\b(?:i|we)\s+(?:no\s+longer|don't|do\s+not|won't|will\s+not)\s+(?:need|have)\s+(?:to\s+)?{OBJ}(?:\s+any\s*more)?{END}"
            ),
        ),
        (
            Kind::Cancel,
            format!(r"{SUBJ}(?:cancell?ed|canceled|called\s+off|dropped|scrapped)\s+{OBJ}{END}"),
        ),
        (
            Kind::Cancel,
            format!(r"\bno\s+need\s+(?:to|for)\s+{OBJ}(?:\s+any\s*more)?{END}"),
        ),
        (
            Kind::Cancel,
            format!(
                r"{LEAD}{OBJ}{BE}(?:cancell?ed|canceled|called\s+off|not\s+needed|no\s+longer\s+needed|not\s+happening)\b"
            ),
        ),
        (
            Kind::Reschedule,
            format!(
                r"\b(?:push|move|reschedule|shift|bump|postpone|delay|put\s+off|pushed|moved|rescheduled|postponed)\s+(?:back\s+)?{OBJ}\s+(?:back\s+|out\s+)?(?:(?:a|one|two|three|a\s+couple\s+of)\s+(?:days?|weeks?|months?|fortnight)\s*,?\s+)?(?:to|until|till|til|over\s+to)\s+(?P<when>[^,;.!?]+)"
            ),
        ),
        (
            Kind::Reschedule,
            format!(
                r"{LEAD}{OBJ}(?:{BE}|\s+got\s+|\s+isn't\s+|'s\s+not\s+|\s+is\s+not\s+)(?:moved|pushed|postponed|rescheduled|delayed|due|extended)(?:\s+back)?\s+(?:to\s+|until\s+|till\s+)?(?P<when>[^,;.!?]+)"
            ),
        ),
        (
            Kind::Reschedule,
            format!(r"{LEAD}{OBJ}(?:\s+is|'s)\s+now\s+(?:on|for|due|at)\s+(?P<when>[^,;.!?]+)"),
        ),
        (
            Kind::Reschedule,
            format!(
                r"{LEAD}{OBJ}\s+(?:can|could|will|'ll)\s+(?:wait|keep|hold|move|slip|go|be\s+moved|be\s+pushed)\s+(?:back\s+)?(?:till|until|til|to)\s+(?P<when>[^,;.!?]+)"
            ),
        ),
        // "the induction pack has to be ready by Friday now": "now" says the date moved.
        (
            Kind::Reschedule,
            format!(
                r"{LEAD}{OBJ}\s+(?:has\s+to|needs\s+to|must|should|'s\s+got\s+to|has\s+got\s+to)\s+be\s+(?:ready|done|in|finished|sent|submitted|booked|out)\s+(?:by|for|on)\s+(?P<when>[^,;.!?]+?)(?:\s+(?:now|instead))?(?:\s*[,;.!?]|\s*$|\s+(?:and|but|so|because)\b)"
            ),
        ),
        // "the sweep can't come Thursday, he's moved us to the sixth".
        (
            Kind::Reschedule,
            r"\b(?:he|she|they)(?:'s|'ve|\s+has|\s+have)?\s+(?:moved|pushed|put|rebooked|rescheduled)\s+(?:us|me)\s+(?:back\s+)?to\s+(?P<when>[^,;.!?]+)(?P<obj>)"
                .to_string(),
        ),
        // "…, so it's Thursday the 29th now".
        (
            Kind::Reschedule,
            r"(?:^|[,;:]\s*|\b(?:so|and|but)\s+)(?P<obj>it|that)(?:'s|\s+is)\s+(?P<when>(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|the\s+\w+|next\s+\w+)[^,;.!?]*?)\s+now\b"
                .to_string(),
        ),
        // "can we do his visit Monday instead of tomorrow".
        (
            Kind::Reschedule,
            r"\b(?:do|have|make)\s+(?P<obj>(?:his|her|their|the|my|our)\s+[^,;.!?]+?)\s+(?P<when>(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|next\s+\w+))\s+instead\b"
                .to_string(),
        ),
        // "the December expenses, I need those in by Friday".
        (
            Kind::Reschedule,
            r"\b(?:i|we)\s+need\s+(?P<obj>it|that|those|them|this)\s+(?:in|done|back|sent|finished|ready|sorted)\s+(?:by|for|before)\s+(?P<when>[^,;.!?]+)"
                .to_string(),
        ),
        (
            Kind::Reschedule,
            format!(r"{LEAD}leave\s+{OBJ}\s+(?:till|until|til)\s+(?P<when>[^,;.!?]+)"),
        ),
        (
            Kind::Raise,
            format!(r"{LEAD}(?:bump|move|push)\s+{OBJ}\s+(?:right\s+)?up(?:\s+the\s+list)?{END}"),
        ),
        (
            Kind::Priority,
            format!(
                r"{LEAD}(?:make|mark|set|flag|bump)\s+{OBJ}\s+(?:as\s+|to\s+|up\s+to\s+)?(?:a\s+)?(?P<level>high|top|urgent|low|medium|normal|priority)(?:\s+priority)?(?:\s+(?:one|thing|task|job))?{END}"
            ),
        ),
        (
            Kind::Priority,
            format!(
                r"{LEAD}{OBJ}{BE}(?:really\s+|very\s+|super\s+)?(?P<level>urgent|top\s+priority|high\s+priority|a\s+priority|a\s+top\s+priority|the\s+(?:top\s+)?priority|the\s+big\s+one|top\s+of\s+the\s+list|low\s+priority|not\s+urgent|less\s+urgent|not\s+a\s+priority)\b"
            ),
        ),
        // "the summer campaign briefing can drop down the list a bit".
        (
            Kind::Lower,
            format!(
                r"{LEAD}{OBJ}\s+(?:can|could|will|'ll)\s+(?:drop|go|slip|move)\s+down(?:\s+the\s+list)?(?P<level>)"
            ),
        ),
        (
            Kind::Lower,
            format!(
                r"{LEAD}{OBJ}(?:\s+isn't|\s+aren't|\s+is\s+not|\s+are\s+not|'s\s+not)\s+(?P<level>(?:that\s+|very\s+)?(?:urgent|a\s+priority|important))\b"
            ),
        ),
        // "For Leo's dentist, he needs a check-up": what follows is about that card.
        (
            Kind::NoteAbout,
            r"^\s*(?:(?:so|and|oh|okay|right|um|uh|also)[,\s]+)*(?:for|on|re|about|regarding|with)\s+(?P<obj>[^,;:.!?]+?)\s*[,:]\s*(?P<note>[^.!?]+)"
                .to_string(),
        ),
        // "jack's shoes, remember he's a thirteen now".
        (
            Kind::NoteAbout,
            r"^\s*(?:(?:so|and|oh|okay|right|um|uh|also)[,\s]+)*(?P<obj>[^,;:.!?]{3,40}?)\s*,\s*(?P<note>(?:remember|note|bear\s+in\s+mind|keep\s+in\s+mind|fyi|just\s+so\s+you\s+know)\b[^.!?]+)"
                .to_string(),
        ),
        // "The Amazon return, for that, the code is 4471".
        (
            Kind::NoteAbout,
            r"[,;:]\s*(?:for|on|about|re)\s+(?P<obj>that|this|it|those|them)\s*[,:]\s*(?P<note>[^.!?]+)"
                .to_string(),
        ),
        (
            Kind::Note,
            r"\badd\s+(?:a\s+)?note\s+(?:to|on|for)\s+(?P<obj>[^,;:.!?]+?)\s*(?:[:,]|\s+saying|\s+that)\s+(?P<note>[^.!?]+)"
                .to_string(),
        ),
    ]
}

fn patterns() -> Vec<(Kind, Regex)> {
    specs()
        .into_iter()
        .filter_map(|(k, p)| match Regex::new(&format!("(?i){p}")) {
            Ok(r) => Some((k, r)),
            Err(e) => {
                tracing::error!(error = %e, "a spoken-update pattern does not compile");
                None
            }
        })
        .collect()
}

static PATTERNS: LazyLock<Vec<(Kind, Regex)>> = LazyLock::new(patterns);

/// Joining words inside an object ("call the bank and the report") mark where it really starts.
static JOINER: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"(?i)^.*\b(?:and|but|so|also|then|plus|oh|okay)\s+").ok());
/// "if I've sent the deck, …": a condition, not news.
static CONDITION: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:if|when|once|after|before|until|unless|whether)\s+$").ok()
});
/// "I paid the window cleaner — actually no, I didn't": the update is taken back.
static TAKEN_BACK: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)^[^.!?]{0,40}?\b(?:actually\s+no|no\s+wait|wait\s+no|i\s+didn't|i\s+haven't|we\s+didn't|we\s+haven't|not\s+yet|scratch\s+that|i\s+only\s+meant|only\s+meant\s+to|never\s+mind|i\s+wish)\b").ok()
});
/// Words after the object that are about when or how it happened, not which card:
/// "sent the proposal over first thing this morning".
static OBJECT_TAIL: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)\s+(?:over|across|off|back|first\s+thing|this\s+morning|this\s+afternoon|last\s+night|last\s+week|yesterday|earlier|just\s+now|now|on\s+the\s+way\b.*|in\s+the\s+end|at\s+last|finally|already|(?:so\s+)?that's\b.*|online|live|in\s+person|(?:by|over\s+the)\s+phone|before\b.*|after\b.*|next\s+(?:week|month)|this\s+week|on\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))(?:\s|$).*$").ok()
});
static PRONOUN_ONLY: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:it|that|this|those|these|them|him|her|everything|all|both|one|(?:that|this|the)\s+one|(?:the\s+)?(?:deadline|closing\s+date|due\s+date|date))$").ok()
});

/// How a remark is introduced: "note that", "remember", "just so you know".
static REMARK_LEAD: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:(?:just\s+)?(?:note|remember|bear\s+in\s+mind|keep\s+in\s+mind|don't\s+forget|fyi|just\s+so\s+you\s+know|by\s+the\s+way)(?:\s+that)?[,:]?\s+)").ok()
});

/// "I haven't called Joe yet", "we still haven't paid it": work reported as not done.
static NOT_YET: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:i|we)\s+(?:still\s+)?(?:haven't|havent|have\s+not|'ve\s+not|didn't\s+get\s+(?:a)?round\s+to|never\s+got\s+(?:a)?round\s+to)\b").ok()
});

pub fn says_not_yet(sentence: &str) -> bool {
    NOT_YET.as_ref().is_some_and(|re| re.is_match(sentence))
}

/// Every spoken update in one sentence of a dump. Questions are not updates: callers skip them.
pub fn find(sentence: &str, now: NaiveDateTime) -> Vec<SpokenUpdate> {
    let mut out: Vec<SpokenUpdate> = Vec::new();
    for (kind, re) in PATTERNS.iter() {
        for caps in re.captures_iter(sentence) {
            let (Some(all), Some(obj)) = (caps.get(0), caps.name("obj")) else {
                continue;
            };
            let (object, skip) = trim_object(obj.as_str());
            // Said without commas, an object can run into the next clause: "the lakes
            // weekend's off tom('s done)", "(made a start on) it got the first half drafted".
            if spans_clauses(obj.as_str()) {
                continue;
            }
            let object = match object.split_once(' ') {
                Some((first, _))
                    if first.eq_ignore_ascii_case("it") || first.eq_ignore_ascii_case("them") =>
                {
                    first.to_string()
                }
                _ => object,
            };
            let span = (obj.start() + skip, obj.end());
            if out
                .iter()
                .any(|u| u.object_span.0 < span.1 && span.0 < u.object_span.1)
            {
                continue;
            }
            let before = &sentence[..all.start()];
            if CONDITION.as_ref().is_some_and(|r| r.is_match(before)) {
                continue;
            }
            let after = &sentence[all.end()..];
            if TAKEN_BACK.as_ref().is_some_and(|r| r.is_match(after)) {
                continue;
            }
            // "the agency's booked solid until May": busy, not done.
            if matches!(kind, Kind::Done)
                && after
                    .split_whitespace()
                    .next()
                    .is_some_and(|w| matches!(w.to_lowercase().as_str(), "solid" | "up"))
            {
                continue;
            }
            // "the plumber on Monday, can you push that back to Thursday": "that" is what the
            // sentence is about, its first thing named.
            // The pronoun's own span stays the update's for overlaps: a pattern reading the
            // topic itself ("the passport's urgent, so bump that up") is a second update.
            let (object, topic_start) = if object.is_empty()
                || PRONOUN_ONLY.as_ref().is_some_and(|r| r.is_match(&object))
            {
                // The comma a pattern's lead took is where a spoken topic ends: "Bin
                // bags, got them at Tesco".
                let lead =
                    all.as_str().len() - all.as_str().trim_start_matches([',', ';', ':']).len();
                // Only the last few hundred bytes: what "it" means is named close by, and a
                // long run-on with many of them must not be read again for each.
                let end = all.start() + lead;
                let mut from = end.saturating_sub(TOPIC_WINDOW);
                while !sentence.is_char_boundary(from) {
                    from += 1;
                }
                match topic(&sentence[from..end]) {
                    Some((np, at)) => (np, Some(from + at)),
                    None => continue,
                }
            } else {
                (object, None)
            };
            if object.is_empty() {
                continue;
            }
            let text = |name: &str| caps.name(name).map(|m| m.as_str().trim().to_string());
            let Some(change) = change_of(*kind, &text, now) else {
                continue;
            };
            let verb = match kind {
                Kind::DoneWithVerb | Kind::DoneDoing | Kind::StartDoing | Kind::BlockedBefore => {
                    text("verb").map(|v| v.to_lowercase())
                }
                Kind::DoneAs(words) => Some(words.to_string()),
                _ => None,
            };
            if matches!(kind, Kind::DoneWithVerb) && !verb.as_deref().is_some_and(is_done_verb) {
                continue;
            }
            out.push(SpokenUpdate {
                said: all
                    .as_str()
                    .trim_matches(|c: char| c == ',' || c == ';' || c.is_whitespace())
                    .to_string(),
                verb,
                verb_required: matches!(kind, Kind::DoneAs(_)),
                object,
                change,
                start: all.start(),
                object_span: span,
                topic_start,
            });
        }
    }
    out.sort_by_key(|u| u.start);
    out
}

/// The first thing named with "the" / "my" / "our" in `text` and where it starts: "The
/// loft clear-out, that's not a priority any more" → "The loft clear-out". Dates ("the
/// fourteenth") are no topic.
fn topic(text: &str) -> Option<(String, usize)> {
    const ENDS: &[&str] = &[
        "on", "at", "by", "for", "to", "from", "in", "is", "are", "was", "were", "has", "have",
        "had", "needs", "need", "will", "can", "and", "but", "so", "till", "until", "with",
        "about", "we", "i", "that", "this", "it",
    ];
    let mut offset = 0;
    let words: Vec<(usize, &str)> = text
        .split(' ')
        .map(|w| {
            let at = offset;
            offset += w.len() + 1;
            (at, w)
        })
        .filter(|(_, w)| !w.is_empty())
        .collect();
    // A thing said on its own to open the sentence is what it is about: "And fire safety
    // training, that's urgent, the inspector's coming, bump it up".
    if let Some(found) = leading_fragment(&words) {
        return Some(found);
    }
    for (k, (at, w)) in words.iter().enumerate() {
        let b = w
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        // "That Amazon parcel, I dropped it off": a pointing word opens a topic only where a
        // clause starts, elsewhere it is mostly "so that", "I think that".
        let opens_clause = k == 0 || words[k - 1].1.ends_with([',', ';', ':']);
        let pointing = opens_clause && matches!(b.as_str(), "that" | "this" | "those" | "these");
        if !(pointing || matches!(b.as_str(), "the" | "my" | "our")) || w.ends_with([',', '.', ';'])
        {
            continue;
        }
        let mut np: Vec<&str> = vec![w];
        for (j, (_, next)) in words.iter().enumerate().skip(k + 1) {
            let nb = next
                .trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '-')
                .to_lowercase();
            if nb.is_empty() || ENDS.contains(&nb.as_str()) || nb.ends_with("'s") && np.len() > 1 {
                break;
            }
            // "the business cards turned up": the name ends where its verb starts.
            if np.len() > 1 && (nb.ends_with("ed") || PAST.contains(&nb.as_str())) {
                break;
            }
            // "The passport's actually urgent": the 's is "is", and the name ends there.
            if let Some(stem) = next.strip_suffix("'s")
                && words.get(j + 1).is_some_and(|(_, w)| says_is(w))
            {
                np.push(stem);
                break;
            }
            np.push(next);
            if next.ends_with([',', '.', ';', '!', '?']) || np.len() > 4 {
                break;
            }
        }
        let phrase = np.join(" ");
        let phrase = phrase
            .trim_end_matches([',', '.', ';', '!', '?'])
            .to_string();
        // "the fourteenth" is a date, not a topic; "the December expenses" is one.
        let content = phrase.split_whitespace().skip(1).collect::<Vec<_>>();
        if content.last().is_none_or(|w| {
            crate::extract::dates::is_date_word(w.trim_matches(|c: char| !c.is_alphanumeric()))
        }) {
            continue;
        }
        return Some((phrase, *at));
    }
    None
}

/// Words that make a part between commas a clause, not a name: "took about two minutes",
/// "so that needs doing", "it's just sitting there".
const CLAUSE_WORDS: &[&str] = &[
    "i", "we", "you", "he", "she", "they", "it", "that", "this", "there", "these", "those", "him",
    "her", "them", "me", "us", "is", "are", "was", "were", "be", "been", "do", "did", "does",
    "has", "have", "had", "can", "could", "will", "would", "should", "must", "need", "needs",
    "about", "just", "not", "what", "how", "why", "when", "where", "who",
];

/// How far back from a pronoun its topic is looked for, in bytes.
const TOPIC_WINDOW: usize = 300;

/// Past forms that end a topic's name: "the Henderson thing *went* off".
const PAST: &[&str] = &[
    "went", "came", "got", "took", "gave", "fell", "broke", "made", "sent", "paid", "left",
    "found", "turned", "arrived", "looks", "looked", "seems", "got", "needs", "wants",
];

/// "the lakes weekend's off tom": an object with a "'s" that is "is" inside it holds two
/// clauses.
fn spans_clauses(object: &str) -> bool {
    let words: Vec<&str> = object.split_whitespace().collect();
    words
        .windows(2)
        .any(|w| w[0].ends_with("'s") && says_is(w[1]))
}

/// Whether `word`, after "X's", shows the 's to be "is": "the passport's *actually* urgent",
/// "the report's *done*", not "the vet's *appointment*".
fn says_is(word: &str) -> bool {
    let w = word
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    matches!(
        w.as_str(),
        "actually"
            | "really"
            | "been"
            | "not"
            | "done"
            | "got"
            | "gone"
            | "still"
            | "now"
            | "urgent"
            | "all"
            | "back"
            | "due"
            | "very"
            | "so"
            | "a"
            | "the"
            | "on"
            | "in"
            | "at"
            | "for"
            | "off"
            | "going"
            | "getting"
            | "sorted"
    ) || w.ends_with("ly")
        || w.ends_with("ed")
        || w.ends_with("ing")
}

/// "Release notes for 2.3", "Dog food": a noun that could be a verb, followed by a plain
/// word, names a thing; "Call Joe", "Book the dentist" are orders.
fn names_a_thing(fragment: &[(usize, &str)]) -> bool {
    fragment.get(1).is_some_and(|(_, w)| {
        let b = w.trim_matches(|c: char| !c.is_alphanumeric());
        b.chars().next().is_some_and(char::is_lowercase)
            && !matches!(
                b,
                "the"
                    | "a"
                    | "an"
                    | "my"
                    | "our"
                    | "his"
                    | "her"
                    | "their"
                    | "your"
                    | "some"
                    | "it"
                    | "them"
                    | "him"
                    | "up"
                    | "off"
                    | "in"
                    | "out"
                    | "to"
            )
    })
}

/// "Henderson proposal, yeah, forget it": a name said on its own before the first comma.
fn leading_fragment(words: &[(usize, &str)]) -> Option<(String, usize)> {
    const NOT_A_NAME: &[&str] = &[
        "i",
        "we",
        "you",
        "he",
        "she",
        "they",
        "it",
        "so",
        "and",
        "oh",
        "okay",
        "ok",
        "right",
        "yeah",
        "yes",
        "no",
        "um",
        "uh",
        "er",
        "well",
        "then",
        "also",
        "but",
        "anyway",
        "hmm",
        "actually",
        "sorry",
        "wait",
        "look",
        "listen",
        "also",
        "honestly",
        "basically",
    ];
    const FILLER: &[&str] = &[
        "and", "so", "oh", "okay", "ok", "um", "uh", "er", "right", "yeah", "also", "then",
        "anyway", "ugh",
    ];
    // The nearest part between commas that names a thing: in "the lease, push that back,
    // and fire safety training, that's urgent, bump it up" that is the training.
    let ends: Vec<usize> = words
        .iter()
        .enumerate()
        .filter(|(_, (_, w))| w.ends_with(','))
        .map(|(k, _)| k)
        .collect();
    ends.iter().enumerate().rev().find_map(|(n, &end)| {
        let start = if n == 0 { 0 } else { ends[n - 1] + 1 };
        fragment_name(&words[start..=end], NOT_A_NAME, FILLER)
    })
}

/// The thing `part` (words up to and with a comma) names, when it is only a name.
fn fragment_name(
    part: &[(usize, &str)],
    not_a_name: &[&str],
    filler: &[&str],
) -> Option<(String, usize)> {
    let end = part.len().checked_sub(1)?;
    let words = part;
    let lead = words[..end]
        .iter()
        .take_while(|(_, w)| {
            filler.contains(
                &w.trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase()
                    .as_str(),
            )
        })
        .count();
    let fragment = &words[lead..=end];
    let first = fragment[0]
        .1
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    // "Friday," is when, not what: the name's last word must not be a date.
    if fragment.last().is_some_and(|(_, w)| {
        crate::extract::dates::is_date_word(
            &w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase(),
        )
    }) {
        return None;
    }
    // One bare word is too often someone spoken to: "Sarah, forget it".
    let one_bare_word =
        lead == 0 && fragment.len() == 1 && !fragment[0].1.trim_end_matches(',').ends_with("'s");
    if fragment.len() > 4
        || one_bare_word
        || not_a_name.contains(&first.as_str())
        || crate::extract::is_verb(&first) && !names_a_thing(fragment)
        || fragment.iter().any(|(_, w)| {
            let b = w
                .trim_matches(|c: char| !c.is_alphanumeric() && c != '\'')
                .to_lowercase();
            let stem = b.split('\'').next().unwrap_or("");
            b.contains('\'') && !b.ends_with("'s")
                || CLAUSE_WORDS.contains(&stem)
                || PAST.contains(&stem)
                || stem.len() > 4 && stem.ends_with("ed")
        })
    {
        return None;
    }
    let phrase = fragment
        .iter()
        .map(|(_, w)| *w)
        .collect::<Vec<_>>()
        .join(" ");
    let phrase = phrase.trim_end_matches(',');
    let phrase = phrase.strip_suffix("'s").unwrap_or(phrase);
    Some((phrase.to_string(), fragment[0].0))
}

/// Past forms that say work is done. The listed ones always do; any other "-ed" form does
/// when it is a to-do verb ("hired", "installed") and not one of wanting or trying.
fn is_done_verb(verb: &str) -> bool {
    const NOT_DONE: &[&str] = &[
        "wanted",
        "needed",
        "tried",
        "planned",
        "decided",
        "started",
        "forgot",
        "used",
        "liked",
        "hoped",
        "intended",
        "promised",
        "agreed",
        "offered",
        "asked",
        "attempted",
        "failed",
        "missed",
        "wondered",
        "considered",
        "expected",
        "meant",
        "noticed",
        "realized",
        "realised",
        "remembered",
        "heard",
        "learned",
        "mentioned",
        "suggested",
        "proposed",
        "talked",
        "thought",
        "moved",
        "pushed",
        "postponed",
        "delayed",
        "cancelled",
        "canceled",
        "dropped",
        "scrapped",
    ];
    if NOT_DONE.contains(&verb) {
        return false;
    }
    let Some(stem) = verb.strip_suffix("ed") else {
        return true;
    };
    if DONE_VERBS.contains(&verb) {
        return true;
    }
    let single = stem
        .char_indices()
        .last()
        .filter(|(i, c)| *i > 0 && stem[..*i].ends_with(*c))
        .map(|(i, _)| &stem[..i]);
    [
        Some(stem.to_string()),
        Some(format!("{stem}e")),
        single.map(str::to_string),
    ]
    .into_iter()
    .flatten()
    .any(|v| crate::extract::is_verb(&v))
}

/// The past forms in the patterns' list (checked by [`is_done_verb`]).
const DONE_VERBS: &[&str] = &[
    "finished",
    "completed",
    "called",
    "booked",
    "emailed",
    "e-mailed",
    "mailed",
    "messaged",
    "texted",
    "fixed",
    "sorted",
    "wrapped",
    "handled",
    "filed",
    "renewed",
    "ordered",
    "picked",
    "returned",
    "cleaned",
    "signed",
    "reviewed",
    "updated",
    "posted",
    "shipped",
    "delivered",
    "drafted",
    "prepared",
    "replied",
    "followed",
    "contacted",
    "confirmed",
    "finalised",
    "finalized",
    "submitted",
    "phoned",
];

/// What "For the offsite, note that Kevin is vegetarian" says about the card: "Kevin is
/// vegetarian". An order ("For the offsite, book a coach") is new work, not a remark.
fn remark(said: &str) -> Option<String> {
    let lead = REMARK_LEAD
        .as_ref()
        .and_then(|r| r.find(said))
        .map_or(0, |m| m.end());
    let rest = said[lead..].trim();
    let first = rest.split_whitespace().next()?;
    // "For the offsite, book a coach" is an order; "…, remember to add a VPN section" is
    // what to bear in mind about the card.
    if lead == 0 && (first.eq_ignore_ascii_case("to") || crate::extract::is_verb(first)) {
        return None;
    }
    Some(rest.to_string())
}

/// The object without what came before its last joining word, and where it starts in `obj`.
fn trim_object(obj: &str) -> (String, usize) {
    let skip = JOINER
        .as_ref()
        .and_then(|r| r.find(obj))
        .map_or(0, |m| m.end());
    let object = obj[skip..].trim();
    let object = OBJECT_TAIL
        .as_ref()
        .and_then(|r| r.find(object))
        .filter(|m| m.start() > 0)
        .map_or(object, |m| &object[..m.start()]);
    (object.trim().to_string(), skip)
}

fn change_of(
    kind: Kind,
    text: &dyn Fn(&str) -> Option<String>,
    now: NaiveDateTime,
) -> Option<Change> {
    Some(match kind {
        Kind::Done | Kind::DoneWithVerb | Kind::DoneDoing | Kind::DoneAs(_) => {
            Change::Status(Status::Completed)
        }
        Kind::Start | Kind::StartDoing => Change::Status(Status::InProgress),
        Kind::Blocked | Kind::BlockedBefore => Change::Blocked(text("why")),
        Kind::Raise => Change::Priority(Priority::High),
        Kind::NoteAbout => Change::Note(remark(&text("note")?)?),
        Kind::Cancel => Change::Cancel,
        Kind::Note => Change::Note(text("note")?),
        Kind::Reschedule => {
            let when = text("when")?;
            let when = when
                .split(" and ")
                .next()
                .unwrap_or(&when)
                .split(" but ")
                .next()
                .unwrap_or(&when)
                .to_string();
            Change::Due(resolve_due(&when, now)?)
        }
        Kind::Priority => {
            let level = text("level")?.to_lowercase();
            let p =
                if level.contains("low") || level.starts_with("not") || level.starts_with("less") {
                    Priority::Low
                } else if level == "medium" || level == "normal" {
                    Priority::Medium
                } else {
                    Priority::High
                };
            Change::Priority(p)
        }
        Kind::Lower => Change::Priority(Priority::Low),
        Kind::Mark => {
            let state = text("state")?.to_lowercase();
            if state.starts_with("cancel") {
                Change::Cancel
            } else if state == "blocked" {
                Change::Blocked(None)
            } else if state.contains("progress") || state == "started" {
                Change::Status(Status::InProgress)
            } else {
                Change::Status(Status::Completed)
            }
        }
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn a_pronoun_update_is_about_the_sentence_topic() {
        assert_eq!(
            super::topic("I'm not gonna get round to the plumber on Monday, can you ").map(|t| t.0),
            Some("the plumber".to_string())
        );
        assert_eq!(
            super::topic("The loft clear-out, that's not a priority any more, ").map(|t| t.0),
            Some("The loft clear-out".to_string())
        );
        // A date is no topic.
        assert_eq!(
            super::topic("Joe is away till the fourteenth, so the renewal call has to wait, ")
                .map(|t| t.0),
            Some("the renewal call".to_string())
        );
        assert_eq!(super::topic("so can you "), None);
    }

    fn now() -> NaiveDateTime {
        chrono::NaiveDate::from_ymd_opt(2026, 12, 5)
            .unwrap()
            .and_hms_opt(10, 0, 0)
            .unwrap()
    }

    fn one(s: &str) -> (String, Change) {
        let found = find(s, now());
        assert_eq!(found.len(), 1, "{s}: {found:?}");
        (found[0].object.clone(), found[0].change.clone())
    }

    #[test]
    fn every_pattern_compiles() {
        assert_eq!(patterns().len(), specs().len());
    }

    #[test]
    fn the_issue_sentences() {
        assert_eq!(
            one("I finished the Henderson proposal."),
            (
                "the Henderson proposal".into(),
                Change::Status(Status::Completed)
            )
        );
        let (obj, ch) = one("Push the dentist to Friday.");
        assert_eq!(obj, "the dentist");
        assert_eq!(ch, Change::Due("2026-12-11".parse().unwrap()));
        assert_eq!(
            one("the Acme thing is blocked on legal"),
            (
                "the Acme thing".into(),
                Change::Blocked(Some("legal".into()))
            )
        );
        assert_eq!(
            one("I no longer need the hotel booking, but I do need a taxi"),
            ("the hotel booking".into(), Change::Cancel)
        );
    }

    #[test]
    fn more_ways_of_saying_it() {
        assert_eq!(
            one("oh and the report's done").1,
            Change::Status(Status::Completed)
        );
        assert_eq!(one("I rang Joe").0, "Joe");
        assert_eq!(
            one("make the tax return high priority").1,
            Change::Priority(Priority::High)
        );
        assert_eq!(
            one("the newsletter is not urgent").1,
            Change::Priority(Priority::Low)
        );
        assert_eq!(
            one("I'm working on the budget").1,
            Change::Status(Status::InProgress)
        );
        assert_eq!(one("mark the invoice as done").0, "the invoice");
        assert_eq!(
            one("add a note to the Globex deal: they want a discount").1,
            Change::Note("they want a discount".into())
        );
        assert_eq!(one("call the bank and the report is done").0, "the report");
    }

    /// People name the thing first and then say what happened to it.
    #[test]
    fn a_topic_said_first_is_what_the_rest_is_about() {
        let cases: &[(&str, &str, Change)] = &[
            (
                "Bin bags, got them at Tesco.",
                "Bin bags",
                Change::Status(Status::Completed),
            ),
            (
                "Pottery class, not doing it anymore, it clashes with work.",
                "Pottery class",
                Change::Cancel,
            ),
            (
                "Suit fitting, forget it, I'll wear the navy one.",
                "Suit fitting",
                Change::Cancel,
            ),
            (
                "House insurance, I've made a start, got three quotes.",
                "House insurance",
                Change::Status(Status::InProgress),
            ),
            (
                "Leo's laptop, it's stuck with procurement.",
                "Leo's laptop",
                Change::Blocked(Some("procurement".into())),
            ),
            (
                "The Monzo application, the closing date got pushed to the 23rd.",
                "The Monzo application",
                Change::Due("2026-12-23".parse().unwrap()),
            ),
            (
                "And Henderson, I'm cracking on with that now.",
                "Henderson",
                Change::Status(Status::InProgress),
            ),
            (
                "Release notes, I started drafting them this morning.",
                "Release notes",
                Change::Status(Status::InProgress),
            ),
            (
                "And fire safety training, that's urgent, the inspector's coming, bump it up.",
                "fire safety training",
                Change::Priority(Priority::High),
            ),
            (
                "The Amazon return, for that, the drop-off code is 4471.",
                "The Amazon return",
                Change::Note("the drop-off code is 4471".into()),
            ),
            (
                "That Amazon parcel, I dropped it at the post office earlier.",
                "That Amazon parcel",
                Change::Status(Status::Completed),
            ),
        ];
        for (said, object, change) in cases {
            let found = find(said, now());
            assert!(
                found
                    .iter()
                    .any(|u| u.object == *object && u.change == *change),
                "{said}: {found:?}"
            );
        }
        // Someone spoken to is no topic.
        assert!(find("Sarah, forget it, I'll do it myself.", now()).is_empty());
        // An order said first is no topic: "Call Joe, forget it" takes the order back.
        assert!(find("Call Joe, forget it.", now()).is_empty());
    }

    #[test]
    fn done_started_blocked_in_other_words() {
        let cases: &[(&str, &str, Change)] = &[
            (
                "Um, the Q3 deck went off to Priya last night.",
                "the Q3 deck",
                Change::Status(Status::Completed),
            ),
            (
                "Finally got round to fixing that kitchen tap.",
                "that kitchen tap",
                Change::Status(Status::Completed),
            ),
            (
                "Library books are back.",
                "Library books",
                Change::Status(Status::Completed),
            ),
            (
                "Got the dentist booked, it's next Tuesday.",
                "the dentist",
                Change::Status(Status::Completed),
            ),
            (
                "Uniform's ordered, came to sixty quid.",
                "Uniform",
                Change::Status(Status::Completed),
            ),
            (
                "I've made a start on the annual report.",
                "the annual report",
                Change::Status(Status::InProgress),
            ),
            (
                "Started painting the spare room yesterday.",
                "the spare room",
                Change::Status(Status::InProgress),
            ),
            (
                "I'm working through the inbox backlog.",
                "the inbox backlog",
                Change::Status(Status::InProgress),
            ),
            (
                "Kicked off the migration this morning.",
                "the migration",
                Change::Status(Status::InProgress),
            ),
            (
                "I'm waiting on legal to get back to me before I can sign the lease.",
                "the lease",
                Change::Blocked(Some("legal to get back to me".into())),
            ),
            (
                "Can't do anything with the dishwasher until the plumber comes.",
                "the dishwasher",
                Change::Blocked(Some("the plumber comes".into())),
            ),
            (
                "The slides can wait till next Wednesday.",
                "The slides",
                Change::Due("2026-12-09".parse().unwrap()),
            ),
            (
                "Let's push the team lunch back a week, to the 22nd.",
                "the team lunch",
                Change::Due("2026-12-22".parse().unwrap()),
            ),
            (
                "The passport's actually really urgent.",
                "The passport",
                Change::Priority(Priority::High),
            ),
            (
                "The pension stuff, make that a high priority one.",
                "The pension stuff",
                Change::Priority(Priority::High),
            ),
            (
                "For the offsite, note that Kevin is vegetarian.",
                "the offsite",
                Change::Note("Kevin is vegetarian".into()),
            ),
        ];
        for (said, object, change) in cases {
            let found = find(said, now());
            assert!(
                found
                    .iter()
                    .any(|u| u.object == *object && u.change == *change),
                "{said}: {found:?}"
            );
        }
        for (said, object, change) in [
            (
                "Oh and the December expenses, I need those in by Friday.",
                "the December expenses",
                Change::Due("2026-12-11".parse().unwrap()),
            ),
            (
                "Dave's quote, he's away till the 25th, so I'm stuck waiting on him.",
                "Dave's quote",
                Change::Blocked(Some("him".into())),
            ),
            (
                "The passport, we fly in February, so it has to be done by the 30th.",
                "The passport",
                Change::Due("2026-12-30".parse().unwrap()),
            ),
            (
                "And for the onboarding docs, remember to add a VPN section.",
                "the onboarding docs",
                Change::Note("to add a VPN section".into()),
            ),
        ] {
            let found = find(said, now());
            assert!(
                found
                    .iter()
                    .any(|u| u.object == object && u.change == change),
                "{said}: {found:?}"
            );
        }
        let found = find(
            "And the induction pack has to be ready by Friday now.",
            now(),
        );
        assert_eq!(
            found[0].change,
            Change::Due("2026-12-11".parse().unwrap()),
            "{found:?}"
        );
        // An order after "For the offsite," is new work, not a remark.
        assert!(find("For the offsite, book a coach.", now()).is_empty());
    }

    #[test]
    fn not_updates() {
        for s in [
            "I need to call Joe",
            "I haven't finished the report",
            "if I've sent the deck, call Joe",
            "that's urgent",
            "move the meeting to the big room",
            "call Joe tomorrow",
            "I didn't pay the rent",
            "I wanted to call Joe",
            "we talked about the budget",
            "drop the keys off at the office",
            "I paid the window cleaner, well, actually no, I didn't",
        ] {
            assert!(find(s, now()).is_empty(), "{s}: {:?}", find(s, now()));
        }
    }
}

#[cfg(test)]
mod rules_compile {
    #[test]
    fn every_rule_compiles() {
        crate::rules::assert_all_compile(
            include_str!("spoken_update.rs"),
            &[
                ("JOINER", super::JOINER.is_some()),
                ("CONDITION", super::CONDITION.is_some()),
                ("TAKEN_BACK", super::TAKEN_BACK.is_some()),
                ("OBJECT_TAIL", super::OBJECT_TAIL.is_some()),
                ("PRONOUN_ONLY", super::PRONOUN_ONLY.is_some()),
                ("NOT_YET", super::NOT_YET.is_some()),
                ("REMARK_LEAD", super::REMARK_LEAD.is_some()),
                ("REQUEST", super::REQUEST.is_some()),
            ],
        );
    }
}
