//! The work said after its thing: "three essays to mark", "the car, it needs washing", "I
//! need a haircut".

use super::{card, cards, titles};

#[test]
fn the_work_after_what_is_got_is_the_to_do() {
    assert_eq!(
        cards("I've got three reports to write by Friday."),
        vec![card("Write three reports", Some("2026-12-04"))]
    );
    assert_eq!(
        titles("We've got two new starters to train next week."),
        vec!["Train two new starters"]
    );
    // Idle time and plain verbs say no work.
    for said in [
        "I've got a lot to do today.",
        "We've got two weeks to finish it.",
        "I've got a few things to say about that.",
    ] {
        assert!(titles(said).is_empty(), "{said}: {:?}", titles(said));
    }
}

#[test]
fn a_thing_then_what_it_needs() {
    assert_eq!(titles("The car, it needs washing."), vec!["Wash the car"]);
    assert_eq!(
        titles("The gutters, still need doing."),
        vec!["Do the gutters"]
    );
    assert_eq!(
        titles("The gutters still need doing."),
        vec!["Do the gutters"]
    );
}

#[test]
fn something_needed_is_an_errand_but_a_wish_is_not() {
    assert_eq!(titles("I need a haircut."), vec!["Get a haircut"]);
    assert_eq!(
        titles("And I need a dietitian referral for Mrs Lowe as well."),
        vec!["Get a dietitian referral for Mrs Lowe"]
    );
    // Said with weight: "we do need".
    assert_eq!(
        titles("But we do need a storage unit for the Parkers, they're between houses."),
        vec!["Get a storage unit for the Parkers"]
    );
    for said in [
        "I need a break.",
        "I want a refund.",
        "We need a plan for the launch.",
    ] {
        assert!(titles(said).is_empty(), "{said}: {:?}", titles(said));
    }
}

#[test]
fn a_title_and_a_name_are_who_the_pronoun_is() {
    assert_eq!(
        titles("Father Brennan, I still have to ring him about the christening."),
        vec!["Ring Father Brennan about the christening"]
    );
}

#[test]
fn which_one_and_a_stressed_day_are_no_words_of_the_title() {
    assert_eq!(
        cards(
            "The production bug in the payment service, the one Karthik flagged, fix it today itself."
        ),
        vec![card(
            "Fix the production bug in the payment service",
            Some("2026-12-02")
        )]
    );
    assert_eq!(
        titles("The broadband keeps dropping, have a word with Virgin."),
        vec!["Speak to Virgin about the broadband"]
    );
}

#[test]
fn a_trailing_anymore_leaves_no_dangling_is() {
    assert_eq!(
        titles("So the moodboard's not urgent anymore."),
        vec!["Moodboard"]
    );
    assert_eq!(titles("Get Sam's too."), vec!["Get Sam's"]);
}
