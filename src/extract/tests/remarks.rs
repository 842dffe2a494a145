//! What a remark says about the to-do after it: why to get in touch, what "it" is, and what
//! has run out; and remarks or alternatives that must not become to-dos of their own.
//! First met in the sixth blind set (`tests/eval/hard_dumps_holdout_6.json`), once the eighth
//! had taken its place as the untouched one.

use super::{run, titles};

#[test]
fn getting_in_touch_says_what_about() {
    assert_eq!(
        titles("The broadband has been dropping as well, I should ring Virgin."),
        vec!["Ring Virgin about the broadband"]
    );
    assert_eq!(
        titles("My stipend hasn't come through, I need to email the graduate school."),
        vec!["Email the graduate school about my stipend"]
    );
    assert_eq!(
        titles("The Hollowbrook invoice is thirty days overdue, I need to send a reminder."),
        vec!["Send a reminder about the Hollowbrook invoice"]
    );
    // Already said what about, or the thing is in the title: left alone.
    assert_eq!(
        titles("The boiler's playing up, call Dynamo Heating about the boiler."),
        vec!["Call Dynamo Heating about the boiler"]
    );
    // What the speaker did is no thing to call about; nor is time running out.
    assert_eq!(
        titles("I've asked for Friday off, I need to chase Sharon."),
        vec!["Chase Sharon"]
    );
    assert_eq!(
        titles("I'm running out of time, call mum."),
        vec!["Call mum"]
    );
}

#[test]
fn it_at_the_end_is_the_thing_the_remark_was_about() {
    assert_eq!(
        titles("The tractor's got a slow puncture again, I should get Gareth to look at it."),
        vec!["Get Gareth to look at the tractor"]
    );
    // "to them" is who gets it, not the thing.
    assert_eq!(
        titles("The vendor demo is on Monday so get the requirements doc over to them."),
        vec!["Get the requirements doc over to them"]
    );
}

#[test]
fn him_is_the_person_the_remark_named_by_their_job() {
    assert_eq!(
        titles("The vendor at Cobble Lane wants a price reduction chat, call him Monday."),
        vec!["Call the vendor at Cobble Lane"]
    );
}

#[test]
fn another_way_to_do_the_job_is_no_job_of_its_own() {
    assert_eq!(
        titles(
            "The smoke alarm is chirping, I need to replace the battery, or the whole unit maybe."
        ),
        vec!["Replace the battery"]
    );
}

#[test]
fn a_thing_added_after_a_remark_on_the_item_borrows_its_verb_and_day() {
    let tasks = run(
        "Pay the electricity bill tomorrow, it's with Octopus, and the gas bill too, same day.",
    );
    let got: Vec<(String, Option<String>)> = tasks
        .into_iter()
        .map(|t| (t.title, t.due.map(|d| d.to_string())))
        .collect();
    assert_eq!(
        got,
        vec![
            (
                "Pay the electricity bill".to_string(),
                Some("2026-12-03".to_string())
            ),
            (
                "Pay the gas bill".to_string(),
                Some("2026-12-03".to_string())
            ),
        ]
    );
    // Not marked as added: a remark ends the list.
    assert_eq!(
        titles("Buy the paint, it's for the hallway, the blue one."),
        vec!["Buy the paint"]
    );
}

#[test]
fn what_has_run_out_is_to_be_bought() {
    assert_eq!(
        titles("And we're totally out of dishwasher tablets."),
        vec!["Get more dishwasher tablets"]
    );
    assert_eq!(
        titles("We're running low on printer paper again."),
        vec!["Get more printer paper"]
    );
    for said in [
        "We're out of time.",
        "I'm running out of patience with him.",
        "We're out of money.",
    ] {
        assert_eq!(titles(said), Vec::<String>::new(), "{said}");
    }
}

#[test]
fn a_promise_is_a_to_do() {
    assert_eq!(
        titles("I promised to send Hamid my notes on his draft."),
        vec!["Send Hamid my notes on his draft"]
    );
    assert_eq!(
        titles("I said I'd ring Marco back about the van."),
        vec!["Ring Marco back about the van"]
    );
}

#[test]
fn what_others_wait_for_or_hold_for_the_speaker() {
    assert_eq!(
        titles("The Beaumonts are still waiting on that garden lights price from me."),
        vec!["Send the Beaumonts the garden lights price"]
    );
    assert_eq!(
        titles("Oh and Screwfix have my fire rated downlights ready to collect."),
        vec!["Collect my fire rated downlights from Screwfix"]
    );
    assert_eq!(
        titles("The pharmacy has my prescription ready for collection."),
        vec!["Collect my prescription from the pharmacy"]
    );
}

#[test]
fn who_asked_and_who_to_answer() {
    // "want me to" said of several; "Aisha's also asked": the asker all the same.
    assert_eq!(
        titles("Brookfield Estates want me to look at a tripping RCD in one of their shops."),
        vec!["Look at a tripping RCD in one of their shops"]
    );
    // Answering the request is part of it, not a to-do of its own.
    assert_eq!(
        titles("Aisha's also asked if I can cover her day shift, need to let her know."),
        vec!["Cover Aisha's day shift"]
    );
    assert_eq!(
        titles("Mum also wants me to let her know what train I'm getting home."),
        vec!["Let Mum know what train I'm getting home"]
    );
    assert_eq!(
        titles("The Fletchers want to know if they can have a cat, I need to get back to them."),
        vec!["Get back to the Fletchers"]
    );
}

#[test]
fn one_more_of_the_thing_named() {
    assert_eq!(
        titles("And the hose on the yard tap has split, need a new one."),
        vec!["Get a new hose on the yard tap"]
    );
    // What was found is news; looking into it is the to-do.
    assert_eq!(
        titles("Found another one, the printer is jamming again, need to dig into that."),
        vec!["Dig into the printer"]
    );
}

#[test]
fn someone_coming_on_a_day_is_the_reason_for_the_to_do_after_it() {
    // "coming Saturday" is Mum's coming, not a date phrase that swallows the verb.
    let t = run("Mum's coming Saturday so tidy the spare room Friday night.");
    assert_eq!(t.len(), 1, "{t:?}");
    assert_eq!(t[0].title, "Tidy the spare room");
    assert_eq!(
        t[0].due.map(|d| d.to_string()).as_deref(),
        Some("2026-12-04")
    );
    // "for coming Saturday" is still the day.
    let t = run("Book the table for coming Saturday.");
    assert_eq!(t[0].title, "Book the table");
    assert_eq!(
        t[0].due.map(|d| d.to_string()).as_deref(),
        Some("2026-12-05")
    );
}

#[test]
fn a_pronoun_after_the_person_asked_is_the_thing_named_before() {
    assert_eq!(
        titles("The keg returns from the Royal Hotel, chase Gazza for those, we're short."),
        vec!["Chase Gazza for the keg returns from the Royal Hotel"]
    );
    // "IT" is the department.
    assert_eq!(
        titles(
            "Approve Gareth's expenses, he's been on at me about it. Chase IT about the broken \
             printer."
        ),
        vec![
            "Approve Gareth's expenses",
            "Chase IT about the broken printer"
        ]
    );
    // A participle before a plural is part of the thing's name.
    assert_eq!(
        titles("The controlled drugs register audit, I need to do that by Friday."),
        vec!["Do the controlled drugs register audit"]
    );
}

#[test]
fn a_thing_someone_else_is_arranging_borrows_no_verb() {
    assert_eq!(
        titles("Book the CO2 delivery. And the fire warden training, HR's arranging it."),
        vec!["Book the CO2 delivery"]
    );
    assert_eq!(
        titles("Book the CO2 delivery. And the fire warden training, I'm sorting it."),
        vec!["Book the CO2 delivery", "Book the fire warden training"]
    );
}
