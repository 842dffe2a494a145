//! Dumps as Whisper writes them down, against the same dumps typed: a full stop where the
//! speaker paused, "A," for an "uh", quotes, "by" for "buy". Transcripts of the eighth
//! blind set read aloud by a neural voice (`tests/eval/hard_dumps_holdout_8.json`).

use super::{run, run_heard, titles};

#[test]
fn a_sentence_that_points_back_reads_on_from_the_one_before() {
    // Typed: "send the stage plot to the sound guy, his name is Teodoro, send it to him tomorrow".
    let t = run(
        "And send the stage plot to the sound guy. His name is Teodoro. Send it to him tomorrow.",
    );
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].title.contains("stage plot"), "{t:?}");
    assert_eq!(
        t[0].due.map(|d| d.to_string()).as_deref(),
        Some("2026-12-03")
    );
    // Typed: "Maya's field trip form is due Thursday, sign it and put it in her folder".
    let t = titles("Maya's field trip form is due Thursday. Sign it and put it in her folder.");
    assert!(
        !t.is_empty() && t.iter().all(|t| t.contains("form")),
        "{t:?}"
    );
    // A new sentence about something else stays its own.
    assert_eq!(
        titles("Book the flu jab. Her hairdresser comes on Friday, so remind Mum tomorrow."),
        vec!["Book the flu jab", "Remind Mum"]
    );
}

/// Titles and due dates of a transcript read as heard.
fn heard(text: &str) -> Vec<(String, Option<String>)> {
    run_heard(text)
        .into_iter()
        .map(|t| (t.title, t.due.map(|d| d.to_string())))
        .collect()
}

#[test]
fn a_full_stop_whisper_heard_at_a_pause_does_not_cut_a_topic_from_its_to_do() {
    // Typed: "the cable on the squat rack is frayed, order a replacement from Rogue".
    let said = "Oh, and the cable on the squat rack is frayed. Order a replacement from Rogue.";
    assert_eq!(
        heard(said),
        vec![(
            "Order a replacement for the cable on the squat rack from Rogue".to_string(),
            None
        )]
    );
    // Typed text keeps its full stops: someone who typed one meant it.
    assert_eq!(titles(said), vec!["Order a replacement from Rogue"]);
    let t = heard(
        "And, uh, the engagement survey results. Pull together a summary for the leadership \
         team by the 19th.",
    );
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].0.contains("engagement survey results"), "{t:?}");
    assert_eq!(t[0].1.as_deref(), Some("2026-12-19"));
    let t = heard("So the payroll cutoff is the 22nd. Make sure the new starters are on it.");
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].0.contains("payroll"), "{t:?}");
}

#[test]
fn an_is_whisper_heard_as_a_plural_is_put_back() {
    // Typed: "my mum's coming to stay on the 13th, so clean the spare room before then".
    assert_eq!(
        heard("Oh, and my mums coming to stay on the 13th. So clean the spare room before then."),
        vec![(
            "Clean the spare room".to_string(),
            Some("2026-12-13".to_string())
        )]
    );
    let t = heard("Um, also the chillers making that noise again, so ring the fridge bloke.");
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].0.ends_with("about the chiller"), "{t:?}");
    let t = heard("Oh, and the coffee machines broken again. Ring Hughes about it.");
    assert_eq!(t.len(), 1, "{t:?}");
    assert_eq!(t[0].0, "Ring Hughes about the coffee machine", "{t:?}");
    // Typed: "the Science Museum trip, collect the consent slips, the deadline's Friday".
    let t = heard("I need to collect the consent slips. The deadlines Friday.");
    assert_eq!(
        t,
        vec![(
            "Collect the consent slips".to_string(),
            Some("2026-12-04".to_string())
        )]
    );
    // A plural said after a verb, and a name, stay as they are.
    assert_eq!(
        heard("Book the flights leaving Friday."),
        vec![(
            "Book the flights leaving".to_string(),
            Some("2026-12-04".to_string())
        )]
    );
}

#[test]
fn a_name_spelled_letter_by_letter_is_written_as_its_letters() {
    assert_eq!(
        heard("Oh, and my N.M.B.I. registration renewal is due at the end of the month."),
        vec![(
            "My NMBI registration renewal".to_string(),
            Some("2026-12-31".to_string())
        )]
    );
    // The last dot of "H-O-A." still ends its sentence.
    let t = heard("Ring the H-O-A. Book the dentist.");
    assert_eq!(
        t,
        vec![
            ("Ring the HOA".to_string(), None),
            ("Book the dentist".to_string(), None)
        ]
    );
}

#[test]
fn a_fresh_start_a_question_and_a_title_keep_their_full_stop() {
    // "And…", "Oh…" open a new thought; "Dr." is no sentence end; a question is asked.
    assert_eq!(
        heard(
            "Book the flu jab. And email Dr. Alvarez the draft. Did I pay the levy? \
             Renew the car tax."
        ),
        vec![
            ("Book the flu jab".to_string(), None),
            ("Email Dr. Alvarez the draft".to_string(), None),
            ("Renew the car tax".to_string(), None),
        ]
    );
    // A sentence that names a topic, then a comma, is no list of the verb before it; one
    // that says something of the thing before still reads on from it.
    let t = heard(
        "Send the call sheet to the crew Thursday. Location release, the diner owner, Mr. \
         Casalanos, still needs to sign it. Oh and print the posters, no. Derek's grandson did \
         those already.",
    );
    assert!(
        !t.iter()
            .any(|(t, _)| t.starts_with("Send") && !t.contains("call sheet")),
        "{t:?}"
    );
    assert!(!t.iter().any(|(t, _)| t.contains("posters")), "{t:?}");
    // A name that opens the joined sentence keeps its capital.
    let t = heard("The chiller's making that noise again. Gary at Coolserve can fix it, ring him.");
    assert!(t.iter().any(|(t, _)| t.contains("Gary")), "{t:?}");
}

#[test]
fn an_uh_heard_as_a_letter_or_us_is_no_word() {
    assert_eq!(
        titles("And A, sign Travis up for the ASE test. And us send the stage plot to Teo."),
        vec![
            "Sign Travis up for the ASE test",
            "Send the stage plot to Teo"
        ]
    );
}

#[test]
fn quotes_and_homophones_whisper_writes() {
    assert_eq!(
        titles(
            "Then invoice \"Morrow and Sons\" for December. Oh, and by a phone mount, the current one keeps falling off."
        ),
        vec!["Invoice Morrow and Sons for December", "Buy a phone mount"]
    );
    // "by" a time is still a deadline.
    assert_eq!(
        titles("And by a week on Friday, send the deck to Priya."),
        vec!["Send the deck to Priya"]
    );
    let t = run(
        "The quarterly taxes are due January 15th, weight that was last week, so pay them asap.",
    );
    assert!(
        t.iter().all(|t| !t.title.to_lowercase().contains("weight")),
        "{t:?}"
    );
}

#[test]
fn days_and_numbers_as_whisper_writes_them() {
    // "8,000 words" is no pause; "do Thursday and of day" is "due Thursday end of day".
    let t = run(
        "So the contract for Van Der Berg legal, 8,000 words, do Thursday and of day, that's the big one.",
    );
    assert_eq!(t.len(), 1, "{t:?}");
    assert!(t[0].title.contains("Van Der Berg"), "{t:?}");
    assert_eq!(
        t[0].due.map(|d| d.to_string()).as_deref(),
        Some("2026-12-03")
    );
    // "the 26" said as "the twenty-sixth".
    let t = run("The car insurance renewal, sort it by Friday the 11, it auto-renews after that.");
    assert_eq!(t.len(), 1, "{t:?}");
    assert_eq!(
        t[0].due.map(|d| d.to_string()).as_deref(),
        Some("2026-12-11")
    );
    // Who does a thing is no thing due: "we do Fridays" stays.
    assert_eq!(
        titles("We do Fridays at the market, so book the van."),
        vec!["Book the van"]
    );
    assert_eq!(
        titles("O and Tamaz wants his hoodie back, bring it to practice tomorrow."),
        titles("Oh and Tamaz wants his hoodie back, bring it to practice tomorrow.")
    );
}

fn titles_heard(text: &str) -> Vec<String> {
    run_heard(text).into_iter().map(|t| t.title).collect()
}

#[test]
fn fillers_and_names_heard_as_other_words() {
    // "Um, ring Mrs Kavanagh", "Uh. Ring Chadwicks", "Oh and uh, book the window cleaners",
    // "text her today".
    assert_eq!(
        titles_heard("M, ring misses Kavanagh about her methotrexate."),
        vec!["Ring Mrs Kavanagh about her methotrexate"]
    );
    assert_eq!(
        titles_heard("A. Ring Chadwicks today."),
        vec!["Ring Chadwicks"]
    );
    assert_eq!(
        titles_heard("O&A book the window cleaners."),
        vec!["Book the window cleaners"]
    );
    // "texture today" is "text her today": the day is read.
    let t = run_heard("I need to swap my shift with Kayla, texture today.");
    assert_eq!(
        t.iter()
            .map(|t| (t.title.as_str(), t.due.map(|d| d.to_string())))
            .collect::<Vec<_>>(),
        vec![("Swap my shift with Kayla", Some("2026-12-02".to_string()))]
    );
}
