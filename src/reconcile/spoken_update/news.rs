//! News of the thing a sentence opens with, said in words no pattern reads: "The Greens
//! don't want the garden lights anymore", "Land Registry came back on Price, so that's
//! done", "the barley, that has to be done before anything else", "the aprons, Tasha says
//! get them in navy". People name the work first and then say what became of it in
//! whatever words come. Only the opening names the card, so a sentence is read this way
//! only when its patterns found no card, and only the opening's card can take the news.

use std::sync::LazyLock;

use chrono::NaiveDateTime;
use regex::Regex;

use super::topic::opening;
use super::{Change, SpokenUpdate};
use crate::model::{Priority, Status};

/// "The Greens don't want the garden lights anymore", "the educator said it's off", "not
/// selling it now", "we're dropping that", "I'm not going to apply". Not "it's off to the
/// printers" (sent) or "off sick" (away).
static CANCELLED: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:(?:don't|doesn't|do\s+not|does\s+not|won't)\s+(?:want|need)\b[^.!?]*?\b(?:any\s*more|after\s+all)|no\s+longer\s+(?:need|want|happening|going\s+ahead)|not\s+(?:selling|doing|buying|going\s+ahead\s+with|bothering\s+with)\s+(?:it|that|them)\b|(?:it's|that's|it\s+is|that\s+is)\s+(?:off|cancelled|canceled|called\s+off|not\s+happening)(?:\s*[,;.!?]|\s*$|\s+(?:now|then|too|completely|for\s+good|and|so|but)\b)|(?:scrap|forget|drop|bin)\s+(?:it|that|them)\b|(?:gone|went)\s+with\s+(?:someone|somebody|another)\b|(?:dropping|ditching|scrapping|shelving|binning)\s+(?:it|that|this|them)\b|not\s+going\s+to\s+(?:apply|do\s+(?:it|that)|bother|go\s+ahead)\b|(?:that|this)\s+one(?:'s|\s+is)\s+off\b|said\s+no\s+to\b|voted\s+to\s+(?:skip|drop|cancel|scrap)\b|no\s+(?:call|need)\s+for\b|(?:we're|we\s+are)\s+cutting\s+(?:it|that)\b|(?:got|been|was|were)\s+(?:cancell?ed|called\s+off)\b|(?:not|no)\s+going\s+ahead\b|no\s+need\s+to\b|scratch\s+(?:that|it)\b|take\s+(?:it|that|them)\s+off(?:\s+(?:the|my)\s+(?:list|board))?\s*(?:[,;.!?]|$)|(?:don't|do\s+not)\s+\w+\s+(?:it|that|them)\s+at\s+all\b|(?:don't|do\s+not)\s+bother\b|hold\s+off\s+for\s+good|pull\s+(?:it|that)\s*(?:[,;.!?]|$)|decided\s+(?:not\s+to|against)\b|no\s+point\s+(?:in\s+)?\w+ing\b|pull(?:ed|ing)?\s+the\s+plug\b|so\s+no\s+\w+(?:\s+needed)?\s*(?:[,;.!?]|$)|not\s+interested\b|(?:we're|we\s+are|i'm|i\s+am)\s+not\s+\w+ing\s*(?:it|that|them|this)?\s*(?:any\s*more|at\s+all|after\s+all|now)?\s*(?:[,;.!?]|$))").ok()
});

/// "so I'm stuck till they restock", "can't do a thing till the part comes", "pharmacy
/// still haven't come back to me", "on back order", "the engineer still hasn't sent calcs",
/// "the club said wait until they send the invoice".
static BLOCKED: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:stuck|on\s+hold|held\s+up|waiting\s+(?:on|for)|can't\s+(?:[\w']+\s+){0,7}?(?:till|until)\b|(?:on\s+)?back[\s-]?order(?:ed)?|out\s+of\s+stock|(?:hasn't|haven't|has\s+not|have\s+not)\s+(?:come|got|gotten|rung|called|written)\s+back|(?:hasn't|haven't)\s+(?:replied|answered|picked\s+up)|ignoring\s+(?:me|us|my)|still\s+hasn't|(?:they|he|she)\s+(?:still\s+)?(?:haven't|hasn't)\s+(?:sent|signed|approved|confirmed|delivered|paid|answered|replied)|no\s+(?:reply|answer|response)\s+(?:from|yet)|(?:said\s+(?:to\s+)?|have\s+to\s+|need\s+to\s+|got\s+to\s+|told\s+(?:me|us|them)\s+to\s+)wait\s+(?:for|till|until)\b|nothing\s+to\s+do\s+but\s+wait|waiting\s+list|nothing\s+(?:can|will)\s+(?:happen|move)|(?:don't|do\s+not)\s+\w+\s+(?:him|her|them|it)\s+yet\b|sitting\s+(?:and\s+)?waiting|hold\s+off\s+(?:[\w']+\s+){0,4}?(?:till|until)\b|(?:i'm|we're|i\s+am|we\s+are)\s+(?:just\s+|still\s+)*waiting\b|nothing\s+(?:i|we)\s+can\s+do|nothing\s+moving|on\s+strike|not\s+approved\s+yet|cannot\s+\w+|can't\s+(?:[\w']+\s+){1,4}yet\b|closed\s+(?:till|until)\b)").ok()
});

/// A date that moved: "isn't till the end of the month now", "slipping to next Monday",
/// "giving myself till Friday", "by this Friday, not next week".
static MOVED: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:pushed|moved|moving|shifted|extended|slipping|slipped|slip|postponed|put\s+back|delayed|brought\s+(?:it\s+|that\s+)?forward|pulled\s+forward|(?:isn't|is\s+not|not)\s+(?:due\s+)?(?:till|until)|giving\s+(?:myself|ourselves|us|them|him|her)\s+(?:till|until)|instead|not\s+(?:next|till|until)|bumped|c[ao]me\s+forward)\b").ok()
});

/// "the end of the month now", "it's now Monday": a date said as it now stands.
static NOW_AFTER: LazyLock<Option<Regex>> = LazyLock::new(|| Regex::new(r"(?i)^\s*now\b").ok());
static NOW_BEFORE: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"(?i)\bnow\s+(?:on\s+|for\s+|due\s+)?$").ok());

/// "it actually expires on the 28th", "the renewal's actually the 1st", "has to be renewed
/// by the 5th": the words right before a date say it is when the work is due.
static DEADLINE_BEFORE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:actually|deadline(?:'s|\s+is)?|due(?:\s+on)?|by|expires?(?:\s+on)?|expiring(?:\s+on)?|runs?\s+out(?:\s+on)?|renewal(?:'s|\s+is)(?:\s+actually)?)(?:\s+the)?\s*$").ok()
});

/// "the 5th, not the 20th": a date said to correct the one before.
static CORRECTED_AFTER: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:\s+of\s+\w+)?,?\s+not\s+(?:the\s+|on\s+)?(?:\d|mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|next|this|mid|end|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|twent|thirt)").ok()
});

/// "not next week": a date said only to be ruled out.
static RULED_OUT: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:not|rather\s+than|instead\s+of)\s+(?:on\s+|till\s+|until\s+)?$").ok()
});

static LOW: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:low\s+priority|no\s+(?:rush|hurry)|not\s+(?:that\s+|very\s+)?urgent|can\s+wait|whenever\s+(?:i|we)\s+get|back\s+burner|not\s+a\s+priority|(?:down|low)\s+(?:on\s+)?the\s+list|drop\s+down|not\s+(?:pressing|important)|(?:have|has)\s+to\s+wait|putting\s+(?:that|it)\s+off|hold\s+off|(?:not|isn't|no\s+longer)\s+(?:a|the)\s+fire|chill\s+on|less\s+(?:urgent|pressing))\b").ok()
});

/// "that has to be done before anything else", "gotta go to the top of the list", "it is
/// now the most important thing, so put it first".
static HIGH: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:urgent|urgently|asap|as\s+soon\s+as\s+possible|(?:really|very)\s+quickly|right\s+away|straight\s+away|top\s+of\s+the\s+(?:list|pile)|top\s+priority|high\s+priority|(?:before|ahead\s+of)\s+anything\s+else|jump\s+the\s+queue|priority\s+now|most\s+important\s+thing|(?:put|do)\s+(?:it|that|this)\s+first|to\s+the\s+top\b|priority\s+number\s+one|number\s+one\s+priority|gone\s+urgent|most\s+(?:pressing|urgent)|more\s+pressing|(?:jumped|gone|moved|shot)\s+(?:right\s+)?up\s+(?:the|my)\s+list|(?:that's|it's|that\s+has|it\s+has)\s+(?:gone|moved|jumped)\s+up)\b").ok()
});

/// Work said still to do: the opening is a repeat, which the extractor's item carries.
static TO_DO: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)^\W*(?:(?:and|so|yeah|oh|but)\W+)*(?:(?:i|we)\s+)?(?:still\s+|also\s+|really\s+|just\s+)*(?:need|needs|have\s+to|has\s+to|gotta|got\s+to|must|should|'ll|will|want\s+to|wanna|am\s+going\s+to|gonna|remember\s+to|don't\s+forget)\b").ok()
});

/// Started, not done: "coming along", "half the cert", "the first two sections done", "three
/// of my five reflections", "sixty percent through".
static UNDER_WAY: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:started|begun|coming\s+along|under\s*way|in\s+progress|half[\s-]?(?:done|way|finished|written)|half\s+(?:the|of|my|our)\b|(?:first|second)\s+half\b|(?:the\s+)?first\s+(?:\w+\s+)?(?:section|sections|draft|part|parts|chapter|chapters|minute|page|pages|bit|two|three|few)\b[^,.;!?]*?\b(?:done|finished|written|drafted|sorted|cut)|(?:done|written|drafted|finished|cut|marked|painted|filmed|recorded)\s+the\s+first\s+(?:\w+\s+)?(?:section|draft|part|chapter|half|page|bit|few|two|three)\b|percent\s+(?:through|done|there)|(?:done|finished|written|marked)\s+(?:\w+\s+)?(?:of|out\s+of)\s+(?:my|the|our)\s+\w+|made\s+a\s+start|working\s+(?:away\s+)?on\s+(?:it|them)|knee[\s-]deep\s+in|(?:he|she|they)(?:'s|\s+has|\s+have)\s+started|\w+\s+more\s+to\s+go|loads\s+left|digging\s+into|(?:doing|making)\s+(?:it|them)\s+now|(?:two\s+thirds|a\s+third|halfway|half\s+way)\s+through|(?:written|done)\s+most\s+of|almost\s+finished|nearly\s+there|only\s+(?:the\s+)?\w+\s+(?:are|is)\s+left|just\s+need\s+to)\b").ok()
});

/// Done, said first of it ("sorted, new fan's in", "Sentry's live", "Josh is trained now")
/// or of "it" later ("…came back on Price, so that's done"); not "it was her that sorted
/// the donation".
static DONE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)^[^,;.!?]*?\b(?:done|sorted|finished|completed|complete|dealt\s+with|taken\s+care\s+of|fixed|(?:'s|is|are|'re)\s+(?:now\s+)?(?:live|trained))\b|\b(?:that's|it's|that\s+is|it\s+is|they're|all)\s+(?:now\s+|all\s+)?(?:done|sorted|finished|dealt\s+with)\b|[,;]\s*(?:all\s+)?(?:done|sorted|fixed|finished|booked|paid|sent|posted|ordered)\s*(?:[,;.!?]|$)").ok()
});

/// "not done", "haven't finished", "isn't sorted yet", "wants them sorted this week".
static NOT_DONE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:(?:wants?|needs?|get|like)\s+(?:[\w']+\s+){0,3}?(?:done|sorted|finished|fixed)|(?:not|n't|never|nearly|almost|yet\s+to\s+be)\s+(?:\w+\s+)?(?:done|sorted|finished|completed|complete|fixed|live|trained))\b").ok()
});

/// Something learnt about the work: who said what, what was decided, what it really is.
static REMARK: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:says?|said|'s\s+told|told\s+(?:me|us)|wants?|wanted|asked\s+(?:for|us|me)|decided|reckons?|changed|just\s+so\s+you\s+know|heads\s+up|actually|note\s+(?:that|it)|put\s+that\s+(?:down|in|on)|jot\s+(?:that|it)\s+down|add\s+that|make\s+a\s+note|remember\s+that)\b").ok()
});

/// A condition is no news: "the deck, if it's done by Friday…".
static CONDITION: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"(?i)^\W*(?:if|once|when|whether|unless|as\s+soon\s+as)\b").ok());

/// Where work said as still to do starts: the news ends there, so what follows ("…, and I
/// need to ring the hotel") stays new work. Not "the head says we need…": what was said.
static NEXT_TO_DO: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:[,;]\s*|\s+(?:and|but|also|oh|plus)\s+)(?:(?:and|but|also|oh|plus|which\s+means)\s+)*(?:i|we)(?:'ll|\s+will)?\s+(?:still\s+|also\s+|really\s+)*(?:need|have\s+to|gotta|got\s+to|must|should)\b").ok()
});

/// Work said to be still waiting to be done: "Parkside, the bathroom quote, yeah, still to
/// do", "Lingua, the March invoice, I still haven't sent it".
static STILL_TO_DO: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:still\s+(?:to\s+[a-z]+|pending|on\s+me|owe|got\s+(?:that|it|this)(?:\s+one)?\s+to\s+do|on\s+(?:the|my)\s+list|need|needs|gotta|got\s+to|have\s+to|has\s+to|haven't|not\s+done|to\s+be\s+done|needs?\s+doing)|(?:haven't|have\s+not)\s+(?:done|sent|started|booked|sorted|paid|got\s+round\s+to)\s+(?:it|that|them)|must\s+do\s+(?:it|that)|keep\s+(?:on\s+)?forgetting)\b").ok()
});

fn says(re: &LazyLock<Option<Regex>>, text: &str) -> bool {
    re.as_ref().is_some_and(|r| r.is_match(text))
}

fn first_match<'t>(re: &LazyLock<Option<Regex>>, text: &'t str) -> Option<regex::Match<'t>> {
    re.as_ref().and_then(|r| r.find(text))
}

/// The thing `sentence` opens with, where it starts, and where the words after it start.
fn opened(sentence: &str) -> Option<(String, usize, usize)> {
    let (object, start, rest_at) = opening(sentence)?;
    let rest_at = rest_at.min(sentence.len());
    sentence
        .is_char_boundary(rest_at)
        .then_some((object, start, rest_at))
}

/// The news of the thing `sentence` opens with, when the rest says what became of it.
pub fn news_of_opening(sentence: &str, now: NaiveDateTime) -> Option<SpokenUpdate> {
    let (object, start, rest_at) = opened(sentence)?;
    let rest = &sentence[rest_at..];
    let rest = NEXT_TO_DO
        .as_ref()
        .and_then(|r| r.find(rest))
        .map_or(rest, |m| &rest[..m.start()]);
    if rest.trim().is_empty() || says(&CONDITION, rest) {
        return None;
    }
    let cancelled = first_match(&CANCELLED, rest).filter(|_| !kept_after_all(rest));
    let blocked = first_match(&BLOCKED, rest);
    // "the mechanic can't fit me in till the 23rd", "hold off until Friday": a day said
    // after the wait is when the work now happens, when the words say the day moved.
    // "The plumber can't come till Thursday, so nothing I can do till then" is waiting.
    let till_a_date = blocked.is_some_and(|m| {
        CANT_TILL.as_ref().is_some_and(|r| r.is_match(m.as_str()))
            && date_opening(&rest[m.end()..], now).is_some()
    }) && new_date(rest, now, says(&MOVED, rest)).is_some();
    let blocked = blocked.filter(|_| !till_a_date);
    let high = first_match(&HIGH, rest);
    // "I don't need them done by Thursday anymore": the date is off, not the work.
    let date_off = cancelled.is_some_and(|m| holds_a_date(m.as_str(), now));
    // "top priority now, the car's stuck outside": what is said first is the news.
    let high_first = match (high, blocked) {
        (Some(high), Some(blocked)) => high.start() < blocked.start(),
        _ => false,
    };
    let change = if cancelled.is_some() && !date_off {
        Change::Cancel
    } else if blocked.is_some() && !high_first {
        Change::Blocked(None)
    } else if let Some(due) = new_date(rest, now, date_off || till_a_date || says(&MOVED, rest)) {
        Change::Due(due)
    } else if says(&LOW, rest) || says(&DOWN, rest) {
        Change::Priority(Priority::Low)
    } else if high.is_some() {
        Change::Priority(Priority::High)
    } else if says(&TO_DO, rest) {
        return None;
    } else if says(&UNDER_WAY, rest) {
        Change::Status(Status::InProgress)
    } else if says(&DONE, rest) && !says(&NOT_DONE, rest) {
        Change::Status(Status::Completed)
    } else if says(&REMARK, rest) && !holds_a_date(rest, now) {
        // A remark with a date in it is most often the date moved, in words not read here.
        Change::Note(
            rest.trim()
                .trim_start_matches(['\'', ','])
                .trim_end_matches(['.', '!', ','])
                .trim()
                .to_string(),
        )
    } else {
        return None;
    };
    let said_end = rest_at + rest.len();
    Some(SpokenUpdate {
        said: sentence
            .get(start..said_end)?
            .trim_end_matches([',', '.', '!', ' '])
            .to_string(),
        verb: None,
        verb_required: false,
        object_span: (start, start + object.len()),
        object,
        change,
        start,
        topic_start: None,
        opened_with: None,
    })
}

/// The thing a sentence opens with, when the rest says it is still to do: a repeat of a
/// card, news of nothing.
pub fn repeat_of_opening(sentence: &str) -> Option<SpokenUpdate> {
    let (object, start, rest_at) = opened(sentence)?;
    let rest = &sentence[rest_at..];
    if says(&CONDITION, rest) || !says(&STILL_TO_DO, rest) {
        return None;
    }
    Some(SpokenUpdate {
        said: sentence[start..]
            .trim_end_matches([',', '.', '!', ' '])
            .to_string(),
        verb: None,
        verb_required: false,
        object_span: (start, start + object.len()),
        object,
        change: Change::Note(String::new()),
        start,
        topic_start: None,
        opened_with: None,
    })
}

/// The date `rest` moves the work to: the first not said only to be ruled out ("by this
/// Friday, not next week"), when the words say it moved (`moved`) or the date is said as
/// it now stands ("the end of the month now"). "Now" itself names no day.
fn new_date(rest: &str, now: NaiveDateTime, moved: bool) -> Option<crate::model::Due> {
    let said_due = |hit: &crate::extract::dates::DateHit| {
        !says(&RULED_OUT, &rest[..hit.start])
            && (moved
                || says(&NOW_AFTER, &rest[hit.end..])
                || says(&NOW_BEFORE, &rest[..hit.start])
                || says(&DEADLINE_BEFORE, &rest[..hit.start])
                || says(&CORRECTED_AFTER, &rest[hit.end..]))
    };
    // "can't come next Thursday, he's moved us to the sixth": the day said after the move.
    let moved_at = MOVED
        .as_ref()
        .and_then(|r| r.find(rest))
        .map_or(0, |m| m.start());
    let hits: Vec<_> = dates_in(rest, now).filter(said_due).collect();
    hits.iter()
        .find(|hit| hit.start >= moved_at)
        .or(hits.first())
        .and_then(|hit| hit.due(now, None))
}

/// "can't fit me in till", "hold off until": not "closed till" (the shop is shut).
static CANT_TILL: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"(?i)^(?:can't|hold)\b.*\b(?:till|until)$").ok());

/// The date `after` opens with: "(till) the 23rd", "(booked for) next Friday".
fn date_opening(after: &str, now: NaiveDateTime) -> Option<crate::extract::dates::DateHit> {
    dates_in(after, now)
        .next()
        .filter(|hit| after[..hit.start].trim().is_empty())
}

/// "I rang her and left a message, she's not got back to me": the call was made, the work
/// it was for is waiting on them.
static NO_REPLY: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:left\s+(?:(?:her|him|them)\s+)?(?:a\s+)?(?:message|voicemail|voice\s*mail)|(?:not|hasn't|haven't|hadn't|never)\s+(?:got|gotten|come|rung|called)\s+back|no\s+(?:answer|reply|response)|(?:didn't|did\s+not)\s+(?:answer|pick\s+up|reply|get\s+back)|went\s+(?:straight\s+)?to\s+voice\s*mail|waiting\s+(?:on|for)\s+(?:her|him|them)\b)").ok()
});

/// "I've sent Monday's and Tuesday's, need to do the rest", "sketched a design, just need to
/// pick colours": a step is done, the work is not.
static REMAINDER: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:(?:do|finish)\s+the\s+rest|the\s+rest\s+(?:at|on|this|next|tomorrow|later|after)|just\s+need\s+to|still\s+(?:need|have|got)\s+(?:to\s+(?:do|finish|go\s+back)|the\s+\w+\s+to\s+(?:do|go))|need\s+to\s+go\s+back|\w+\s+more\s+to\s+go|aiming\s+for)\b").ok()
});

/// "not doing it this weekend, so I'm pushing it to the weekend after": moved, not off;
/// "we can drop it down the list": lower, not off.
pub fn kept_after_all(text: &str) -> bool {
    says(&MOVED_TO, text) || says(&DOWN, text)
}

/// "drop it down", "bump that down": lower on the list.
static DOWN: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"(?i)\b(?:drop|bump|knock)\s+(?:it|that|this)\s+down\b").ok());

/// "pushing it to", "moved that back till": the work goes to another day.
static MOVED_TO: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:push(?:ing|ed)?|mov(?:e|ed|ing)|shift(?:ed|ing)?|bump(?:ed|ing)?|put(?:ting)?)\s+(?:it|that|them|this)\s+(?:back\s+)?(?:to|till|until)\b").ok()
});

/// Whether `said` (what came after a thing said done) says part of the work is left.
pub fn part_left(said: &str) -> bool {
    says(&REMAINDER, said)
}

/// "the service is now booked for the 19th": a day was set for the work, it is not done.
static BOOKED_FOR: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:booked|scheduled|arranged|set)\s+(?:in\s+)?(?:for|on)\s+").ok()
});

/// The day `said` books the work for, when it says one.
pub fn booked_for(said: &str, now: NaiveDateTime) -> Option<crate::model::Due> {
    let m = first_match(&BOOKED_FOR, said)?;
    date_opening(&said[m.end()..], now).and_then(|hit| hit.due(now, None))
}

/// "can't send them until it's back", "wants them sorted this week": done is said of
/// what is not done.
static UNDONE: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"(?i)\b(?:can't|cannot|can\s+not|won't)\b").ok());

/// Whether a thing read as done is said not to be.
pub fn said_undone(said: &str) -> bool {
    says(&NOT_DONE, said) || says(&UNDONE, said)
}

/// Whether `said` (what came after a thing said done) says no reply came.
pub fn no_reply(said: &str) -> bool {
    says(&NO_REPLY, said)
}

fn holds_a_date(rest: &str, now: NaiveDateTime) -> bool {
    dates_in(rest, now).next().is_some()
}

fn dates_in(
    rest: &str,
    now: NaiveDateTime,
) -> impl Iterator<Item = crate::extract::dates::DateHit> {
    crate::extract::dates::find_dates(rest, now)
        .into_iter()
        .filter(|hit| !rest[hit.start..hit.end].eq_ignore_ascii_case("now"))
}

#[cfg(test)]
mod rules_compile {
    #[test]
    fn every_rule_compiles() {
        crate::rules::assert_all_compile(
            include_str!("news.rs"),
            &[
                ("CANCELLED", super::CANCELLED.is_some()),
                ("BLOCKED", super::BLOCKED.is_some()),
                ("MOVED", super::MOVED.is_some()),
                ("RULED_OUT", super::RULED_OUT.is_some()),
                ("NOW_AFTER", super::NOW_AFTER.is_some()),
                ("NOW_BEFORE", super::NOW_BEFORE.is_some()),
                ("LOW", super::LOW.is_some()),
                ("HIGH", super::HIGH.is_some()),
                ("TO_DO", super::TO_DO.is_some()),
                ("UNDER_WAY", super::UNDER_WAY.is_some()),
                ("DONE", super::DONE.is_some()),
                ("NOT_DONE", super::NOT_DONE.is_some()),
                ("REMARK", super::REMARK.is_some()),
                ("CONDITION", super::CONDITION.is_some()),
                ("NEXT_TO_DO", super::NEXT_TO_DO.is_some()),
                ("STILL_TO_DO", super::STILL_TO_DO.is_some()),
                ("NO_REPLY", super::NO_REPLY.is_some()),
                ("CANT_TILL", super::CANT_TILL.is_some()),
                ("REMAINDER", super::REMAINDER.is_some()),
                ("UNDONE", super::UNDONE.is_some()),
                ("BOOKED_FOR", super::BOOKED_FOR.is_some()),
                ("DEADLINE_BEFORE", super::DEADLINE_BEFORE.is_some()),
                ("CORRECTED_AFTER", super::CORRECTED_AFTER.is_some()),
                ("MOVED_TO", super::MOVED_TO.is_some()),
                ("DOWN", super::DOWN.is_some()),
            ],
        );
    }
}
