//! The patterns of spoken updates: how each is said, and what kind of change it makes.

use std::sync::LazyLock;

use regex::Regex;

/// The kind of a pattern's match, turned into a [`Change`] with its captures.
#[derive(Clone, Copy)]
pub(super) enum Kind {
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
    /// Called off, said in words that fit only some work: "Thursday's interview is off",
    /// "so that's dead" (an event, not the lights). The card must be that work.
    CancelAs(&'static str),
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
const BE: &str = r"(?:\s+(?:is|are|was|were|has\s+been|have\s+been)|'s\s+been|'ve\s+been|'s|'re)\s+(?:now\s+|still\s+|all\s+|finally\s+|actually\s+)?";
const SUBJ: &str =
    r"\b(?:i|we)(?:'ve|\s+have)?\s+(?:(?:just|already|finally|now|also|actually)\s+)*";
/// Words that send something off, for "the deck went off to Priya".
const SENT: &str = "send email mail post submit ship deliver";
/// Words that give something back, for "the library books are back".
const RETURNED: &str = "return drop deliver post send";
/// Words for getting hold of someone, for "I spoke to Mrs Patel at lunch".
const SPOKE: &str = "call ring phone speak talk chat contact chase catch";
/// Words that get something, for "bin bags, got them at Tesco".
const FETCHED: &str = "buy get pick order collect grab fetch";
/// Work a payment ends, for "Dave finally paid up".
const PAID: &str = "chase pay payment invoice bill";
/// Work that ends when money or a form goes through: "the refund went through".
const PAID_THROUGH: &str = "refund pay payment transfer invoice application sale claim";
/// Things that happen at a time, for "the interview's off".
const EVENTS: &str = "interview meeting call appointment visit trip dinner lunch party session class lesson viewing demo tasting shoot gig match booking event";

/// Every pattern, as source; [`patterns`] compiles them (a test checks that all do).
pub(super) fn specs() -> Vec<(Kind, String)> {
    let done_verbs = r"finished|completed|sent|submitted|called|rang|phoned|booked|paid|emailed|e-mailed|mailed|messaged|texted|fixed|bought|wrote|sorted(?:\s+out)?|wrapped\s+up|took\s+care\s+of|handled|filed|renewed|ordered|picked\s+up|returned|cleaned|signed|reviewed|updated|scheduled|posted|shipped|delivered|drafted|prepared|replied\s+to|followed\s+up\s+(?:with|on)|contacted|confirmed|finali[sz]ed";
    vec![
        // Before "got X at/in": "I've got it half stripped down in the workshop" is begun.
        (
            Kind::Start,
            format!(
                r"{SUBJ}got\s+(?P<obj>it|them)\s+(?:half|partly|part)[-\s]+[a-z]+\b"
            ),
        ),
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
        // "the Millers' refund went through yesterday": paid.
        (
            Kind::DoneAs(PAID_THROUGH),
            // Not "went through the results with her": nothing follows "through" but when.
            format!(
                r"{LEAD}{OBJ}\s+(?:went|has\s+gone|have\s+gone|'s\s+gone)\s+through(?:\s+(?:yesterday|today|this\s+morning|last\s+night|fine|okay|at\s+last|finally))?(?:\s*[,;.!?]|\s*$|\s+(?:and|but|so)\b)"
            ),
        ),
        // "Trailer 12 passed inspection this morning".
        (
            Kind::Done,
            format!(r"{LEAD}{OBJ}\s+(?:has\s+|'s\s+)?passed\s+(?:its\s+|the\s+)?(?:inspection|mot|test|audit|check|service)\b"),
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
        // "Library books, dropped them back on the school run".
        (
            Kind::DoneAs(RETURNED),
            format!(r"(?:{LEAD}|{SUBJ})dropped\s+{OBJ}\s+(?:back|off)\b"),
        ),
        // "Dave finally paid up": the chasing is done.
        (
            Kind::DoneAs(PAID),
            r"(?:^|[,;:]\s*|\b(?:and|so|oh)\s+)(?P<obj>(?-i:\p{Lu})[\w'-]+(?:\s+(?-i:\p{Lu})[\w'-]+)?)\s+(?:has\s+|have\s+|'s\s+)?(?:finally\s+|eventually\s+|already\s+)?paid(?:\s+up|\s+(?:me|us)|\s+in\s+full)?(?:\s*[,;.!?]|\s*$|\s+(?:and|but|so|cash|today|yesterday)\b)"
                .to_string(),
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
                r"(?:{LEAD}|{SUBJ})(?:finally\s+|eventually\s+)?(?:got|had)\s+{OBJ}\s+(?:booked|sorted|done|fixed|paid|sent|ordered|finished|renewed|serviced|repaired|signed|cleaned|printed|posted|checked|looked\s+at|registered|submitted|approved|installed|fitted|delivered|returned|replaced|collected|published|uploaded|filed)\b"
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
        // The same without "I", where a sentence or clause opens with it: "Photocopied the
        // mocks at lunch", "Reconciled HSBC March" (not after "please" or "can you").
        (
            Kind::DoneWithVerb,
            format!(
                r"(?:^|[,;:]\s*|\b(?:and|also|then|oh|so)\s+)(?:(?:just|already|finally|also|actually)\s+)*(?P<verb>[a-z]+ed)\s+{OBJ}{END}"
            ),
        ),
        (
            Kind::Done,
            format!(
                r"{LEAD}{OBJ}{BE}(?:done|finished|complete|completed|sorted|sent|paid|booked|handled|taken\s+care\s+of|out\s+of\s+the\s+way|dealt\s+with|submitted|fixed|repaired|resolved|ordered|bought|arranged|organi[sz]ed|renewed|signed|printed|posted|collected|delivered|marked|wrapped|written|drafted|fitted|installed|tested|uploaded|published|registered|approved|filed|emailed|returned|replaced|serviced|cleaned|cleared|confirmed|scheduled)\b"
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
        // "…, so tick that off", "so that's that": the sentence's topic is done.
        (
            Kind::Done,
            r"(?:^|[,;:]\s*|\b(?:so|and)\s+)(?:tick|cross|check)\s+(?P<obj>that|it|this)\s+off\b"
                .to_string(),
        ),
        (
            Kind::Done,
            r"(?:^|[,;:]\s*|\b(?:so|and)\s+)(?P<obj>that)(?:'s|s)\s+(?:that|done|sorted|ticked\s+off)\b"
                .to_string(),
        ),
        // "Car insurance, I went with Admiral in the end, all paid, done.": a last word that
        // only says it is finished.
        (
            Kind::Done,
            r"[,;:]\s*(?:all\s+|now\s+)?(?:done|sorted|paid|booked|finished|sent)(?:\s*,\s*(?:all\s+)?(?:done|sorted))?(?P<obj>)\s*[.!]?\s*$"
                .to_string(),
        ),
        // "I spoke to Mrs Patel at lunch": the call is made.
        (
            Kind::DoneAs(SPOKE),
            format!(
                r"{SUBJ}(?:(?:spoke|talked|chatted)\s+(?:to|with)|caught\s+up\s+with|got\s+hold\s+of|got\s+through\s+to)\s+{OBJ}{END}"
            ),
        ),
        (
            Kind::Start,
            format!(
                r"\b(?:i|we)(?:'m|\s+am|'re|\s+are)\s+(?:now\s+|still\s+)?(?:working\s+(?:on|through|away\s+at)|starting(?:\s+on)?|in\s+the\s+middle\s+of|(?:about\s+|nearly\s+|almost\s+)?(?:half|part)\s*way\s+through|getting\s+on\s+with|cracking\s+on\s+with|making\s+(?:progress|headway)\s+(?:on|with))\s+{OBJ}{END}"
            ),
        ),
        // "I've got the plumber over there, he's working on the faucet as we speak".
        (
            Kind::Start,
            format!(
                r"\b(?:he|she|they)(?:'s|'re|\s+is|\s+are)\s+(?:now\s+|already\s+)?(?:working\s+on|cracking\s+on\s+with|getting\s+on\s+with)\s+{OBJ}{END}"
            ),
        ),
        // "Driver logs, I'm about a third through the audit".
        (
            Kind::Start,
            format!(
                r"\b(?:i|we)(?:'m|\s+am|'re|\s+are)\s+(?:about\s+|nearly\s+|almost\s+|maybe\s+)?(?:a\s+third|a\s+quarter|two\s+thirds|three\s+quarters)\s+(?:of\s+the\s+way\s+)?(?:through|into|done\s+with)\s+{OBJ}{END}"
            ),
        ),
        // "Dawson migration, I've kicked it off".
        (
            Kind::Start,
            r"\b(?:i|we)(?:'ve|\s+have)?\s+(?:just\s+|finally\s+)?(?:kicked|started)\s+(?P<obj>it|that|them)\s+off\b".to_string(),
        ),
        // "I'm on page twenty-two of the Brandt manual".
        (
            Kind::Start,
            format!(
                r"\b(?:i|we)(?:'m|\s+am|'re|\s+are)\s+(?:now\s+|only\s+|already\s+)?(?:on|up\s+to|at)\s+(?:page|chapter|section|part|step|slide|question|unit|module|episode)\s+[\w-]+\s+(?:of|in)\s+{OBJ}{END}"
            ),
        ),
        (
            Kind::StartDoing,
            format!(r"(?:{LEAD}|{SUBJ})(?:started|began|begun)\s+(?P<verb>[a-z]+ing)\s+{OBJ}{END}"),
        ),
        // Part of it done: "got through about half the Year 9 essays", "halfway through
        // writing Nadia's programme", "I've got it half stripped down".
        (
            Kind::Start,
            format!(
                r"(?:{LEAD}|{SUBJ})(?:got|worked|gone)\s+through\s+(?:about\s+|nearly\s+|almost\s+|roughly\s+|maybe\s+)?(?:half|a\s+third|a\s+quarter|a\s+few|some|part)\s+(?:of\s+)?{OBJ}{END}"
            ),
        ),
        (
            Kind::Start,
            format!(
                r"(?:{LEAD}|{SUBJ})(?:about\s+|nearly\s+|almost\s+)?half\s*way\s+(?:through|done\s+with)\s+(?:[a-z]+ing\s+)?{OBJ}{END}"
            ),
        ),
        (
            Kind::Start,
            format!(
                r"{LEAD}{OBJ}{BE}(?:half|partly|part)[-\s]+(?:done|finished|written|built|painted|marked|drafted|complete|stripped|fitted|sorted)\b"
            ),
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
        (
            Kind::Blocked,
            format!(
                r"\b(?:can't|cannot|can\s+not)\s+(?:start|begin|finish|do)\s+(?:on\s+)?{OBJ}\s+(?:until|till|before)\s+(?P<why>[^,;.!?]+)"
            ),
        ),
        // "The pricing page can't go live until legal signs off".
        (
            Kind::Blocked,
            format!(
                r"{LEAD}{OBJ}\s+(?:can't|cannot|can\s+not|won't)\s+(?:go\s+(?:live|ahead|out)|happen|start|move|be\s+(?:done|sent|finished|signed))\s+(?:until|till|before|unless)\s+(?P<why>[^,;.!?]+)"
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
        // "Can't print the place cards yet, the bride still hasn't sent the list".
        (
            Kind::BlockedBefore,
            format!(
                r"(?:\b(?:i|we)\s+|{LEAD})(?:can't|cannot|can\s+not)\s+(?:even\s+)?(?P<verb>[a-z]+)\s+{OBJ}\s+yet\b(?P<why>)"
            ),
        ),
        // "waiting on a part, so nothing's happening on that till it arrives".
        (
            Kind::Blocked,
            r"\bnothing(?:'s|\s+is|\s+can)\s+(?:be\s+)?(?:happening|happen|moving|move|going\s+on)\s+(?:on|with)\s+(?P<obj>that|it|this|them)\s+(?:till|until|before)\s+[^,;.!?]+(?P<why>)"
                .to_string(),
        ),
        // "Ozempic, the wholesaler's got none, so nothing I can do on that right now".
        (
            Kind::Blocked,
            r"\bnothing\s+(?:i|we)\s+can\s+do\s+(?:on|about|with)\s+(?P<obj>that|it|this|them)\b(?P<why>)"
                .to_string(),
        ),
        (
            Kind::BlockedBefore,
            format!(
                r"\bwait(?:ing)?\s+(?:on|for)\s+(?P<why>[^,;.!?]+?)\s+(?:before|until|till|so)\s+(?:i|we)\s+can\s+(?P<verb>[a-z]+)\s+{OBJ}{END}"
            ),
        ),
        // "drop" is not here: "drop the keys off", "drop Sarah a line" are work to do.
        // "… so I can scrap that".
        (
            Kind::Cancel,
            format!(r"(?:{LEAD}|\b(?:i|we)\s+(?:can|could|might\s+as\s+well)\s+)(?:cancel|scrap|ditch|nix|call\s+off|forget(?:\s+about)?|don't\s+bother(?:\s+with)?|cancell?ed|canceled|scrapped|ditched)\s+{OBJ}{END}"),
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
                r"(?:\b(?:i|we)\s+|^|[,;:]\s*|\bso\s+)(?:no\s+longer|don't|do\s+not|won't|will\s+not)\s+(?:need|have)\s+(?:to\s+(?:[a-z]+\s+)?)?{OBJ}(?:\s+any\s*more)?{END}"
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
        // "so no need to review that one", "so that one's dead, don't bother": the topic.
        (
            Kind::Cancel,
            r"\bno\s+need\s+to\s+[a-z]+\s+(?P<obj>that(?:\s+one)?|it|them|those)(?:\s+any\s*more)?(?:\s*[,;.!?]|\s*$|\s+(?:and|but|so)\b)"
                .to_string(),
        ),
        (
            Kind::Cancel,
            r"(?:^|[,;:]\s*|\b(?:so|and)\s+)don't\s+bother(?P<obj>)(?:\s*[,;.!]|\s*$)".to_string(),
        ),
        (
            Kind::Cancel,
            format!(
                r"{LEAD}{OBJ}{BE}(?:cancell?ed|canceled|called\s+off|not\s+needed|no\s+longer\s+needed|not\s+happening)\b"
            ),
        ),
        (
            Kind::CancelAs(EVENTS),
            format!(r"{LEAD}{OBJ}{BE}(?:off|dead|not\s+on)(?:\s+now)?{END}"),
        ),
        (
            Kind::Reschedule,
            format!(
                r"\b(?:push|move|reschedule|shift|bump|postpone|delay|put\s+off|pushed|moved|rescheduled|postponed|pushing|moving|shifting|postponing)\s+(?:back\s+)?{OBJ}\s+(?:back\s+|out\s+)?(?:(?:a|one|two|three|a\s+couple\s+of)\s+(?:days?|weeks?|months?|fortnight)\s*,?\s+)?(?:to|until|till|til|over\s+to)\s+(?P<when>[^,;.!?]+)"
            ),
        ),
        (
            Kind::Reschedule,
            format!(
                r"{LEAD}{OBJ}(?:{BE}|\s+got\s+|\s+isn't\s+|'s\s+not\s+|\s+is\s+not\s+)(?:moved|pushed|postponed|rescheduled|delayed|due|extended|pulled\s+forward|brought\s+forward|moved\s+up)(?:\s+back)?\s+(?:to\s+|until\s+|till\s+)?(?P<when>[^,;.!?]+)"
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
        // "P60s aren't needed till end of May".
        (
            Kind::Reschedule,
            format!(
                r"{LEAD}{OBJ}\s+(?:aren't|isn't|is\s+not|are\s+not|'re\s+not|'s\s+not)\s+(?:needed|due|wanted)\s+(?:till|until|before)\s+(?P<when>[^,;.!?]+)"
            ),
        ),
        // "Manual handling's been brought forward, they want everyone done by this Friday".
        (
            Kind::Reschedule,
            format!(
                r"{LEAD}{OBJ}{BE}(?:brought|pulled|moved)\s+(?:forward|up)\b[^.!?]*?\b(?:by|to|for|on)\s+(?P<when>(?:this|next)\s+\w+|monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|the\s+\w+)"
            ),
        ),
        // "Venue wants the seating chart by Friday now, not the 20th".
        (
            Kind::Reschedule,
            format!(
                r"\b(?:wants?|needs?|asked\s+for|expects?)\s+{OBJ}\s+(?:by|for|on)\s+(?P<when>[^,;.!?]+?)(?:\s+(?:now|instead)\b|,?\s+not\s+(?:the\s+|on\s+)?\w+|\s+rather\s+than\b)"
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
            r"(?:^|[,;:]\s*|\b(?:so|and|but)\s+)(?P<obj>it|that)(?:'s|\s+is)\s+(?P<when>(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|the\s+\w+|next\s+\w+|this\s+\w+)[^,;.!?]*?)\s+now\b"
                .to_string(),
        ),
        // "the inventory's the nineteenth now", "so it's now Monday the 21st at ten".
        (
            Kind::Reschedule,
            format!(
                r"{LEAD}{OBJ}(?:'s|\s+is)\s+(?P<when>(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|the\s+\w+|next\s+\w+|this\s+\w+)[^,;.!?]*?)\s+now\b"
            ),
        ),
        (
            Kind::Reschedule,
            r"(?:^|[,;:]\s*|\b(?:so|and|but)\s+)(?P<obj>it|that)(?:'s|\s+is)\s+now\s+(?P<when>(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|the\s+\w+|next\s+\w+|this\s+\w+)[^,;.!?]*)"
                .to_string(),
        ),
        // "we can hand in the macbeth essay monday instead".
        (
            Kind::Reschedule,
            r"\bcan\s+(?:hand\s+in|do|submit|send|have|bring|take)\s+(?P<obj>(?:his|her|their|the|my|our)\s+[^,;.!?]+?)\s+(?P<when>(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|next\s+\w+))\s+instead\b"
                .to_string(),
        ),
        // "can we do his visit Monday instead of tomorrow".
        (
            Kind::Reschedule,
            r"\b(?:do|have|make)\s+(?P<obj>(?:his|her|their|the|my|our)\s+[^,;.!?]+?)\s+(?P<when>(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|next\s+\w+))\s+instead\b"
                .to_string(),
        ),
        // "the December expenses, I need those in by Friday"; "the Khan lease, the client's
        // asked for it by this Friday"; "matron wants everyone done by Friday".
        (
            Kind::Reschedule,
            r"\b(?:need|needs|want|wants|wanted|asked\s+for|asking\s+for|expects?)\s+(?P<obj>it|that|those|them|this|everyone|everybody)\s+(?:(?:in|done|back|sent|finished|ready|sorted|submitted|completed)\s+)?(?:by|for|before)\s+(?P<when>[^,;.!?]+?)(?:\s+(?:rather\s+than|instead\s+of|not)\b[^,;.!?]*)?(?:\s*[,;.!?]|\s*$)"
                .to_string(),
        ),
        // "Orchard Way valuation tomorrow, the vendor's pulled out, so that's off".
        (
            Kind::Cancel,
            r"(?:^|[,;:]\s*|\b(?:so|and|but)\s+)(?P<obj>that|it)(?:'s|\s+is)\s+(?:off|not\s+happening|called\s+off)(?:\s+(?:now|then|too|completely))?(?:\s*[,;.!?]|\s*$)"
                .to_string(),
        ),
        // "Pine Lodge survey can't go ahead, the vendor won't let anyone in".
        (
            Kind::Blocked,
            format!(
                r"{LEAD}{OBJ}\s+(?:can't|cannot|can\s+not|won't)\s+(?:go\s+ahead|happen|go\s+live)(?:\s+(?:yet|for\s+now))?(?P<why>)(?:\s*[,;.!?]|\s*$)"
            ),
        ),
        // "Started on the Chopin today": said without "I".
        (
            Kind::Start,
            format!(r"{LEAD}(?:started|began)\s+(?:on|working\s+on)\s+{OBJ}{END}"),
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
            Kind::Raise,
            format!(r"{LEAD}(?:bump|move|push|put)\s+{OBJ}\s+(?:right\s+)?(?:up\s+)?to\s+the\s+top\b"),
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
                r"{LEAD}{OBJ}(?:{BE}|(?:'s|\s+has)\s+(?:now\s+)?(?:become|got|gotten)\s+)(?:really\s+|very\s+|super\s+)?(?P<level>urgent|top\s+priority|high\s+priority|a\s+priority|a\s+top\s+priority|the\s+(?:top\s+)?priority|the\s+big\s+one|top\s+of\s+the\s+list|low\s+priority|not\s+urgent|less\s+urgent|not\s+a\s+priority)\b"
            ),
        ),
        // "The ATA membership can wait", "the website can go to the bottom of the pile".
        (
            Kind::Lower,
            format!(
                r"{LEAD}{OBJ}\s+(?:can|could|will|'ll)\s+(?:wait(?:\s+(?:honestly|really|a\s+bit|for\s+now))?(?:\s*[,;.!?]|\s*$|\s+(?:and|but|so)\b)|(?:go|drop|move|sink)\s+(?:to\s+)?(?:the\s+)?bottom\s+of\s+(?:the|my)\s+(?:list|pile|heap))(?P<level>)"
            ),
        ),
        // "the parking permit needs to go right to the top of my list".
        (
            Kind::Raise,
            format!(
                r"{LEAD}{OBJ}\s+(?:(?:needs\s+to|has\s+to|must|should|is\s+going\s+to|'s\s+going\s+to|can)\s+(?:go|jump|move|shoot|get\s+bumped)|(?:needs|wants)\s+(?:bumping|moving|pushing|putting))\s+(?:right\s+)?(?:up\s+)?to\s+the\s+top(?:\s+of\s+(?:the|my)\s+(?:list|pile))?\b"
            ),
        ),
        // "the summer campaign briefing can drop down the list a bit".
        // "…, so there's no rush on those".
        (
            Kind::Lower,
            format!(
                r"\b(?:there's|there\s+is)\s+no\s+(?:rush|hurry)\s+(?:on|with|for)\s+{OBJ}{END}"
            ),
        ),
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

pub(super) fn patterns() -> Vec<(Kind, Regex)> {
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

pub(super) static PATTERNS: LazyLock<Vec<(Kind, Regex)>> = LazyLock::new(patterns);
