//! A topic said first, then what to do about it with a word that names no thing: "the water
//! bill, last date is the 15th, pay online", "tyres are getting bald, get a quote from Kwik
//! Fit", "the calibration is due on 18th, call the company". First met in the tenth blind set
//! (`tests/eval/hard_dumps_holdout_10.json`), once the eleventh had taken its place as the
//! untouched one. Now is Wednesday 2026-12-02.

use super::{Priority, card, cards, run, titles};

#[test]
fn a_verb_with_only_a_manner_acts_on_the_topic() {
    assert_eq!(
        cards("Water bill, last date is the 15th, pay online."),
        vec![card("Pay the water bill online", Some("2026-12-15"))]
    );
    assert_eq!(
        cards("The council tax, pay online by Friday."),
        vec![card("Pay the council tax online", Some("2026-12-04"))]
    );
    // With no topic before it, there is nothing to pay.
    assert_eq!(
        titles("Call Bob, pay online."),
        vec!["Call Bob", "Pay online"]
    );
    // "Water the plants" is still a command.
    assert_eq!(titles("Water the plants."), vec!["Water the plants"]);
}

#[test]
fn booking_who_does_a_thing_said_due_is_for_it() {
    assert_eq!(
        cards("Oh and the fire risk assessment is due for renewal on the 30th, book the assessor."),
        vec![card(
            "Book the assessor for fire risk assessment",
            Some("2026-12-30")
        )]
    );
}

#[test]
fn getting_in_touch_after_a_thing_said_due_is_about_it() {
    assert_eq!(
        cards("And the PUC machine calibration is due on 18th, call the company."),
        vec![card(
            "Call the company about PUC machine calibration",
            Some("2026-12-18")
        )]
    );
}

#[test]
fn a_day_number_without_the_is_a_date() {
    assert_eq!(
        cards("Pay the gas bill by 22nd."),
        vec![card("Pay the gas bill", Some("2026-12-22"))]
    );
    // A floor is no date.
    assert_eq!(
        cards("Move the desks on 2nd floor."),
        vec![card("Move the desks on 2nd floor", None)]
    );
}

#[test]
fn quotes_replacements_and_firms_booked_say_what_for() {
    assert_eq!(
        titles("Tyres are getting pretty bald, get a quote from Kwik Fit, whenever."),
        vec!["Get a quote from Kwik Fit for the tyres"]
    );
    assert_eq!(
        titles("The cable on the squat rack is frayed, order a replacement from Rogue."),
        vec!["Order a replacement for the cable on the squat rack from Rogue"]
    );
    assert_eq!(
        titles("The extraction fan cleaning, it's overdue, book Vent-Clean in."),
        vec!["Book Vent-Clean for the extraction fan cleaning"]
    );
    // A quote that already says what for is left alone.
    assert_eq!(
        titles("The van's making a noise, get a quote for the brakes."),
        vec!["Get a quote for the brakes"]
    );
}

#[test]
fn a_remark_between_the_topic_and_its_pronoun_is_passed_over() {
    assert_eq!(
        cards("Right, the vet bill, they emailed again, pay it today."),
        vec![card("Pay the vet bill", Some("2026-12-02"))]
    );
    // The remark's own "it" is the topic too.
    assert_eq!(
        titles("The gym membership, it's a waste of money, cancel it by Friday."),
        vec!["Cancel the gym membership"]
    );
    assert_eq!(
        titles("Broadband renewal, it's up on the 20th, do it online."),
        vec!["Do the broadband renewal online"]
    );
    // Of two names for one thing, the first heads it and the second says more.
    assert_eq!(
        titles(
            "The invoice for the Hendersons, the bathroom refit, that's three weeks overdue, chase that."
        ),
        vec!["Chase the invoice for the Hendersons (the bathroom refit)"]
    );
    // A count is no thing; a thing named after it is.
    assert_eq!(
        titles("Third, a toolbox talk for the lads on working at height, do that Monday."),
        vec!["Do a toolbox talk for the lads on working at height"]
    );
    // "them" may be people: not guessed.
    assert!(
        !titles("The Nguyen return, I still need their 1099s, email them again today.")
            .iter()
            .any(|t| t.contains("Email the Nguyen return"))
    );
}

#[test]
fn a_thing_someone_says_is_due_is_a_to_do() {
    assert_eq!(
        cards("Oh my god, and the salon insurance renewal, the letter says it's due on the 28th."),
        vec![card("Salon insurance renewal", Some("2026-12-28"))]
    );
    // Corrected in the same breath: the date said last.
    assert_eq!(
        cards(
            "Oh, and my license renewal with the state board, it's due the 31st, actually sorry, it's the 30th."
        ),
        vec![card(
            "My license renewal with the state board",
            Some("2026-12-30")
        )]
    );
    // "book it in" takes the thing, with its date.
    assert_eq!(
        cards("My van's MOT, it's due the 20th, book it in."),
        vec![card("Book my van's MOT", Some("2026-12-20"))]
    );
}

#[test]
fn the_date_said_for_a_to_do_beats_the_remark_before_it() {
    assert_eq!(
        cards(
            "Papa's cataract surgery is on 25th, I have to apply for leave, do it by this Friday."
        ),
        vec![card("Apply for leave", Some("2026-12-04"))]
    );
}

#[test]
fn crossed_off_is_done() {
    assert_eq!(
        titles("Book the course. And the Moretti invoice, they paid, finally, so cross that off."),
        vec!["Book the course"]
    );
    assert_eq!(
        titles("Tyres are getting bald, get them looked at."),
        vec!["Get the tyres looked at"]
    );
}

#[test]
fn the_last_date_said_for_a_thing_named_twice() {
    assert_eq!(
        cards("Then, uh, my nursing council registration, renewal fees, last date is 31st March."),
        vec![card(
            "My nursing council registration (renewal fees)",
            Some("2027-03-31")
        )]
    );
    assert_eq!(
        cards("Then electricity bill, TNEB, last date is 15th, pay online."),
        vec![card(
            "Pay electricity bill (TNEB) online",
            Some("2026-12-15")
        )]
    );
    // "expires the 31st" with its subject said before it.
    assert_eq!(
        cards("And my medical card, the DOT physical, expires the 31st, book that."),
        vec![card("My medical card (DOT physical)", Some("2026-12-31"))]
    );
    // "Oh my god" names nothing.
    assert_eq!(
        titles("Oh my god, and the salon insurance renewal, the letter says it's due on the 28th."),
        vec!["Salon insurance renewal"]
    );
}

#[test]
fn a_thing_not_yet_done_is_still_a_to_do() {
    // "haven't done" is no "done": the item stays.
    let t = titles(
        "Pick up the glasses. And the carers allowance form, I still haven't done the renewal.",
    );
    assert!(
        t.iter().any(|t| t.contains("carers allowance form")),
        "{t:?}"
    );
}

#[test]
fn what_is_arranged_says_what_for() {
    assert_eq!(
        titles(
            "Also the FA safeguarding course, my certificate runs out in April, book a refresher."
        ),
        vec!["Book a refresher for the FA safeguarding course"]
    );
    assert_eq!(
        titles(
            "And the subs, like half the team haven't paid their spring subs, send a reminder on the WhatsApp group."
        ),
        vec!["Send a reminder about the subs on the WhatsApp group"]
    );
    assert_eq!(
        titles(
            "Then the payment gateway migration, we need a go/no-go meeting, schedule that for Monday."
        ),
        vec!["Schedule a go/no-go meeting for the payment gateway migration"]
    );
    assert_eq!(
        titles("And the card machine rental, I reckon we're overpaying, look into switching."),
        vec!["Look into switching the card machine rental"]
    );
    assert_eq!(
        titles(
            "The tenants at 14 Kedron Street, the hot water system's carked it, get a plumber out."
        ),
        vec!["Get a plumber out for the hot water system"]
    );
    // Nothing before it to be for.
    assert_eq!(titles("Book a meeting."), vec!["Book a meeting"]);
}

#[test]
fn them_is_the_things_named_not_the_person_in_the_remark() {
    assert_eq!(
        titles(
            "Mrs Wallace's dosette boxes, her GP's changed her amlodipine dose so I need to redo them before Friday."
        ),
        vec!["Redo Mrs Wallace's dosette boxes"]
    );
    assert_eq!(
        titles("And the kits, the new kits from Kitlocker still haven't come, chase them up."),
        vec!["Chase up the kits"]
    );
}

#[test]
fn an_adverb_before_want_is_still_a_request() {
    assert_eq!(
        titles("They also want the centrepieces changed."),
        vec!["Change the centrepieces"]
    );
}

#[test]
fn being_stuck_or_scrapping_it_is_no_to_do() {
    assert!(
        titles("Ozempic, the wholesaler's got none, so nothing I can do on that right now.")
            .is_empty()
    );
    assert!(
        titles("The Ferreira contract, the deal's fallen through, so I can scrap that.").is_empty()
    );
}

#[test]
fn a_summary_says_of_what_and_a_thing_then_its_date_is_a_to_do() {
    assert_eq!(
        titles(
            "And, uh, the engagement survey results, pull together a summary for the leadership team by the 19th."
        ),
        vec!["Pull together a summary of the engagement survey results for the leadership team"]
    );
    assert_eq!(
        cards("Um, the monthly analytics report for all clients, end of month as always."),
        vec![card(
            "Monthly analytics report for all clients",
            Some("2026-12-31")
        )]
    );
    // A count is no thing, and an event said with its date is no to-do.
    assert!(titles("Eight thousand words, end of month.").is_empty());
    // "park that": on hold, no to-do; "still" is no part of who.
    assert!(
        titles("Oh, and Mark's disciplinary, legal said to hold off, so park that.").is_empty()
    );
    assert_eq!(
        titles("And the Brennans still haven't sent their 1099s, call them again."),
        vec!["Call the Brennans"]
    );
}

#[test]
fn what_a_broken_thing_needs_is_a_to_do_about_it() {
    let t = run("The trough in the back paddock's cracked, needs replacing, like urgently.");
    assert_eq!(t.len(), 1, "{t:?}");
    assert_eq!(t[0].title, "Replace the trough in the back paddock");
    assert_eq!(t[0].priority, Priority::High);
    assert_eq!(
        titles("The gate's broken, it needs fixing."),
        vec!["Fix the gate"]
    );
    assert_eq!(
        titles("The gate's broken and needs fixing."),
        vec!["Fix the gate"]
    );
    // Someone's thing that needs doing is still one thing.
    assert_eq!(
        titles("The mower's blade needs sharpening, no rush."),
        vec!["Sharpen the mower's blade"]
    );
    // A trailing "really" is no word of the title.
    assert_eq!(
        titles(
            "And the autoclave's making that clunking noise again, we need the engineer out \
             ASAP really."
        ),
        vec!["Get the engineer out for the autoclave"]
    );
}

#[test]
fn which_of_the_thing_or_an_example_of_it_is_no_second_item() {
    assert_eq!(
        titles("Order more of the Metacam, the big bottles, we're running low."),
        vec!["Order more of the Metacam"]
    );
    assert_eq!(
        titles("I need to order the PEX fittings from Ferguson, like the half-inch elbows."),
        vec!["Order the PEX fittings from Ferguson"]
    );
    // A list of things stays a list.
    assert_eq!(
        titles("Buy milk, the bread, the eggs."),
        vec!["Buy milk", "Buy the bread", "Buy the eggs"]
    );
}

#[test]
fn a_thing_due_for_a_service_is_a_to_do() {
    let t = run("Oh and the truck's due for an oil change, whenever, no rush.");
    assert_eq!(t.len(), 1, "{t:?}");
    assert_eq!(t[0].title, "Truck's oil change");
    assert_eq!(t[0].priority, Priority::Low);
    assert_eq!(
        cards("The dog's due for her jabs next week."),
        vec![card("Dog's jabs", Some("2026-12-07"))]
    );
    // "due for a week off" is no thing; "due its service, book it in" keeps its pronoun.
    assert!(titles("Sam's due for a week off.").is_empty());
    assert_eq!(
        titles("The tractor's due its service, book it in with Hodgsons."),
        vec!["Book in the tractor with Hodgsons"]
    );
}
