//! The extractor end to end, one way of talking per test.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use super::*;
use chrono::NaiveDateTime;

fn run(text: &str) -> Vec<ExtractedTask> {
    read(text, false)
}

/// As `utter dump FILE.wav` reads what Whisper wrote down.
fn run_heard(text: &str) -> Vec<ExtractedTask> {
    read(text, true)
}

fn read(text: &str, heard: bool) -> Vec<ExtractedTask> {
    let now = NaiveDateTime::parse_from_str("2026-12-02T14:30:00", "%Y-%m-%dT%H:%M:%S").unwrap();
    let cats: Vec<Category> = [
        "Meetings",
        "Sales",
        "Admin",
        "Personal",
        "Development",
        "Writing",
        "Research",
    ]
    .iter()
    .map(|n| Category {
        name: (*n).to_string(),
        color: "#888".into(),
    })
    .collect();
    extract(
        text,
        &ExtractOptions {
            now,
            categories: &cats,
            heard,
        },
    )
}

fn titles(text: &str) -> Vec<String> {
    run(text).into_iter().map(|t| t.title).collect()
}

/// Title and due date, as the board shows them.
fn cards(text: &str) -> Vec<(String, Option<String>)> {
    run(text)
        .into_iter()
        .map(|t| (t.title, t.due.map(|d| d.to_string())))
        .collect()
}

fn card(title: &str, due: Option<&str>) -> (String, Option<String>) {
    (title.to_string(), due.map(str::to_string))
}

#[test]
fn the_issue_example() {
    let t = run(
        "okay so, call Joe from Acme tomorrow about the renewal, that's urgent, and send Kevin the contract and the NDA",
    );
    assert_eq!(t.len(), 2);
    assert_eq!(t[0].title, "Call Joe from Acme about the renewal");
    assert_eq!(t[0].priority, Priority::High);
    assert_eq!(
        t[0].due.map(|d| d.to_string()).as_deref(),
        Some("2026-12-03")
    );
    assert_eq!(t[1].title, "Send Kevin the contract and the NDA");
    assert_eq!(t[1].priority, Priority::Medium);
    assert_eq!(t[1].due, None);
}

#[test]
fn take_backs_and_corrections() {
    assert_eq!(
        titles("Update the onboarding doc, no wait, forget the onboarding doc. Review the PR."),
        vec!["Review the PR"]
    );
    assert_eq!(
        titles("Buy a new monitor. Never mind. Book a haircut."),
        vec!["Book a haircut"]
    );
    assert_eq!(
        titles("Order business cards. Actually don't, we're rebranding."),
        Vec::<String>::new()
    );
    let t = run("Send the deck to Rachel on Thursday, no wait, Friday.");
    assert_eq!(
        t[0].due.map(|d| d.to_string()).as_deref(),
        Some("2026-12-04")
    );
    assert_eq!(
        titles("Buy milk. No, oat milk. And bananas."),
        vec!["Buy oat milk", "Buy bananas"]
    );
    // A take-back of a musing does not eat the task before it.
    assert_eq!(
        titles("Rewrite the hero copy. And I need to sleep more, but that's not a task."),
        vec!["Rewrite the hero copy"]
    );
}

/// Whisper writes a spoken self-correction without the comma after "no", and a list
/// that goes on after the correction is still the same list.
#[test]
fn lists_and_corrections_as_speech_recognition_writes_them() {
    for heard in [
        "Buy milk, no oat milk, and bananas.",
        "Buy milk, no, oat milk, and bananas.",
        "Buy milk. No, oat milk. And bananas.",
    ] {
        assert_eq!(
            titles(heard),
            vec!["Buy oat milk", "Buy bananas"],
            "{heard}"
        );
    }
    let t = run("Book the venue for the 12th, no the 14th.");
    assert_eq!(t[0].title, "Book the venue");
    assert_eq!(
        t[0].due.map(|d| d.to_string()).as_deref(),
        Some("2026-12-14")
    );
    assert_eq!(
        titles("Email Priya, no Sam, and the caterer."),
        vec!["Email Sam", "Email the caterer"]
    );
    // A "no" that means no keeps its item.
    assert_eq!(titles("Call the bank, no rush."), vec!["Call the bank"]);
    assert_eq!(
        titles("Buy milk. No oat milk. And bananas."),
        vec!["Buy oat milk", "Buy bananas"]
    );
    assert_eq!(
        titles("Reminder to self renew the car registration."),
        vec!["Renew the car registration"]
    );
    // A spoken list written with no punctuation at all.
    assert_eq!(
        titles("Call mom Call dad Call grandpa on Sunday"),
        vec!["Call mom", "Call dad", "Call grandpa"]
    );
}

#[test]
fn drops_musings_and_facts() {
    assert!(run("The quarterly numbers look better. Marketing did a good job.").is_empty());
    assert!(run("Ugh, the meeting ran long again. Just venting.").is_empty());
    assert!(run("I wonder if we should switch to a four-day week.").is_empty());
}

#[test]
fn priority_from_neighbours() {
    let t = run("Sign the NDA from Initech. It's blocking the whole deal.");
    assert_eq!(t[0].priority, Priority::High);
    let t =
        run("Low priority, clean up the old feature flags. Then, whenever, sort out the receipts.");
    assert!(t.iter().all(|t| t.priority == Priority::Low));
}

#[test]
fn pronouns_point_back() {
    assert_eq!(
        titles("Also the rent is due on the first of January, set that up."),
        vec!["Set up rent"]
    );
    assert_eq!(
        titles("Fabrikam wants a demo, set one up for Tuesday."),
        vec!["Set up demo for Fabrikam"]
    );
    assert!(run("They charge on the 5th so do it before then.").is_empty());
}

#[test]
fn dates_stay_with_their_item() {
    let t = run("Things for tomorrow: call the vet, email Professor Liu.");
    assert!(
        t.iter()
            .all(|t| t.due.map(|d| d.to_string()).as_deref() == Some("2026-12-03"))
    );
    let t = run("Don't forget to water the plants and feed the fish before Friday.");
    assert!(
        t.iter()
            .all(|t| t.due.map(|d| d.to_string()).as_deref() == Some("2026-12-04"))
    );
}

fn due_of(t: &ExtractedTask) -> Option<String> {
    t.due.map(|d| d.to_string())
}

#[test]
fn shared_and_trailing_dates() {
    // "both <date>" covers every item listed before it and is no item itself.
    let t = run("Water the ferns and repot the cactus, both by Sunday.");
    assert_eq!(t.len(), 2);
    assert!(t.iter().all(|t| due_of(t).as_deref() == Some("2026-12-06")));
    // A date said alone after the item is the item's.
    let t = run("Text the plumber, tomorrow afternoon. Book the MOT.");
    assert_eq!(due_of(&t[0]).as_deref(), Some("2026-12-03"));
    assert_eq!(t[1].due, None);
    // A header sentence dates the list that follows it.
    let t = run(
        "Four things for Friday. First, file the mileage claim. Second, collect the dry cleaning.",
    );
    assert_eq!(t.len(), 2);
    assert!(t.iter().all(|t| due_of(t).as_deref() == Some("2026-12-04")));
    // "that morning", "two days before": counted from the date said before.
    let t = run("Host the quiz night on the 10th, and print the answer sheets two days before.");
    assert_eq!(due_of(&t[1]).as_deref(), Some("2026-12-08"));
    let t = run("Post the cards on Monday. Oh and the parcel too, same day.");
    assert_eq!(t[1].title, "Post the parcel");
    assert_eq!(due_of(&t[1]).as_deref(), Some("2026-12-07"));
    // "I need to get them done by Friday" dates the items, and is no item itself.
    let t = run(
        "The roof repair and the gutter cleaning are both high priority, I need to get them done by Friday.",
    );
    assert_eq!(titles_of(&t), vec!["Roof repair", "Gutter cleaning"]);
    assert!(t.iter().all(|t| t.priority == Priority::High));
    assert!(t.iter().all(|t| due_of(t).as_deref() == Some("2026-12-04")));
}

fn titles_of(t: &[ExtractedTask]) -> Vec<&str> {
    t.iter().map(|t| t.title.as_str()).collect()
}

#[test]
fn follow_on_items_borrow_the_verb() {
    assert_eq!(
        titles("Renew the gym membership. The library card as well. Oh and the railcard too."),
        vec![
            "Renew the gym membership",
            "Renew the library card",
            "Renew the railcard"
        ]
    );
    let t = run("Descale the kettle, that's urgent. The iron too, also urgent.");
    assert_eq!(t[1].title, "Descale the iron");
    assert_eq!(t[1].priority, Priority::High);
    // "Same for X": the item before, for someone else.
    assert_eq!(
        titles("Book the dentist for Leo on the 9th. Same for Mia."),
        vec!["Book the dentist for Leo", "Book the dentist for Mia"]
    );
}

#[test]
fn fragments_are_no_items() {
    assert_eq!(
        titles("Pay the parking fine, otherwise I'll get a letter."),
        vec!["Pay the parking fine"]
    );
    assert!(run("We should do something like that again. Anyway.").is_empty());
    // A name said after the person it names stays with that item.
    let t = run("Email the accountant, Priya, on Monday.");
    assert_eq!(t.len(), 1);
    assert_eq!(t[0].title, "Email the accountant, Priya");
    assert_eq!(due_of(&t[0]).as_deref(), Some("2026-12-07"));
}

#[test]
fn corrections_of_a_detail() {
    assert_eq!(
        titles("Buy the red wellies for Ava, no, make that the yellow ones."),
        vec!["Buy the yellow wellies for Ava"]
    );
    assert_eq!(
        titles("Email Jo the slides, actually, make that the handouts."),
        vec!["Email Jo the handouts"]
    );
    let t = run("Lunch with Omar on Thursday, hang on, he's busy, move it to Friday.");
    assert_eq!(t.len(), 1);
    assert_eq!(due_of(&t[0]).as_deref(), Some("2026-12-04"));
    // "make it a priority" is a cue, not an item.
    let t = run("Call the vet about the cat, make it a priority.");
    assert_eq!(t.len(), 1);
    assert_eq!(t[0].priority, Priority::High);
}

/// Phrasings found in a held-out set of dumps, each rule tried on new words.
#[test]
fn corrections_that_name_who_is_out_and_who_is_in() {
    assert_eq!(
        titles("Forward the invoice to Marek, no wait, not Marek, Ines, he left in May."),
        vec!["Forward the invoice to Ines"]
    );
    assert_eq!(
        titles("Book a table at Rossi's, not Rossi, Nando's."),
        vec!["Book a table at Nando's"]
    );
    // The replacement said as a whole new command replaces the item.
    assert_eq!(
        titles("Ring Carla about the keys, no, not Carla, she's away, ring Pete about the keys."),
        vec!["Ring Pete about the keys"]
    );
    // "not X" that names nothing in the item leaves it alone.
    assert_eq!(titles("Call Mum, not Dad."), vec!["Call Mum"]);
}

#[test]
fn needs_said_as_outcomes() {
    let t = run("I need the tax forms printed by Friday, and the spare keys cut.");
    assert_eq!(
        titles_of(&t),
        vec!["Print the tax forms", "Cut the spare keys"]
    );
    assert_eq!(due_of(&t[0]).as_deref(), Some("2026-12-04"));
    let t = run(
        "Before Christmas I want the gutters cleared, the shed painted and the bins out. Oh and the boiler serviced.",
    );
    assert_eq!(
        titles_of(&t),
        vec![
            "Clear the gutters",
            "Paint the shed",
            "Get the bins out",
            "Service the boiler"
        ]
    );
    // Said about the past, it is news, not a want.
    assert!(run("The shed got painted last week.").is_empty());
}

#[test]
fn everyday_verbs_beyond_the_list() {
    assert_eq!(
        titles("Descale the coffee machine, regrout the shower and winterize the hose."),
        vec![
            "Descale the coffee machine",
            "Regrout the shower",
            "Winterize the hose"
        ]
    );
    // Such a word alone is a noun or a name, not a command.
    assert!(run("Traffic was awful this morning.").is_empty());
}

#[test]
fn dates_counted_from_what_was_said() {
    let t = run(
        "The movers come on the 18th. Label the boxes the day before, and return the van the day after.",
    );
    assert_eq!(titles_of(&t), vec!["Label the boxes", "Return the van"]);
    assert_eq!(due_of(&t[0]).as_deref(), Some("2026-12-17"));
    assert_eq!(due_of(&t[1]).as_deref(), Some("2026-12-19"));
    let t = run("Marinate the lamb on the 24th, and roast it the day after.");
    assert_eq!(titles_of(&t), vec!["Marinate the lamb", "Roast the lamb"]);
    assert_eq!(due_of(&t[1]).as_deref(), Some("2026-12-25"));
    let t = run("Pay the deposit on the 10th. Send the balance a week after that.");
    assert_eq!(due_of(&t[1]).as_deref(), Some("2026-12-17"));
    // The day's number says which Friday: "Friday the 11th" is not this Friday (the 4th).
    let t = run("Return their deposit by Friday the 11th.");
    assert_eq!(due_of(&t[0]).as_deref(), Some("2026-12-11"));
    let t = run("Book the hall for Saturday 19th December, and call Joe Friday 3 pm.");
    assert_eq!(due_of(&t[0]).as_deref(), Some("2026-12-19"));
    assert_eq!(due_of(&t[1]).as_deref(), Some("2026-12-04T15:00:00"));
    // "end of May" is the month's last day; the month we are in ends this year.
    let t = run("Send the P60s by end of May, and finish the audit by the end of December.");
    assert_eq!(due_of(&t[0]).as_deref(), Some("2027-05-31"));
    assert_eq!(due_of(&t[1]).as_deref(), Some("2026-12-31"));
    // A date said alone after the item, softened, is still its date.
    let t = run("Renew the parking permit. Monday at the latest.");
    assert_eq!(due_of(&t[0]).as_deref(), Some("2026-12-07"));
    // "it" after "sort" is the same job, not a new one.
    assert_eq!(
        titles("Call the garage and sort it out."),
        vec!["Call the garage"]
    );
}

#[test]
fn take_backs_by_position() {
    assert_eq!(
        titles(
            "Wrap the presents, buy batteries and clean the oven. Actually forget the second one."
        ),
        vec!["Wrap the presents", "Clean the oven"]
    );
    assert_eq!(
        titles("Renew the domain, pay the invoice, update the roadmap, scratch the last one."),
        vec!["Renew the domain", "Pay the invoice"]
    );
    // A position past the end of the list drops nothing.
    assert_eq!(
        titles("Feed the cat. Forget the third one."),
        vec!["Feed the cat"]
    );
}

#[test]
fn requests_and_things_left_undone() {
    let t = run(
        "The accountant wants the receipts by Monday, and Priti asked if I could proofread her essay.",
    );
    assert_eq!(
        titles_of(&t),
        vec!["Receipts for the accountant", "Proofread Priti's essay"]
    );
    assert_eq!(due_of(&t[0]).as_deref(), Some("2026-12-07"));
    assert_eq!(t[1].due, None);
    assert_eq!(
        titles("I still haven't returned Lena's drill."),
        vec!["Return Lena's drill"]
    );
    let t = run("Email the brochure to Olu. He needs it by Thursday.");
    assert_eq!(due_of(&t[0]).as_deref(), Some("2026-12-03"));
    // Said to the app, not a task.
    assert_eq!(
        titles("Put down: water the plants."),
        vec!["Water the plants"]
    );
    let t = run("Book the tyre change. Same with the MOT, same deadline.");
    assert_eq!(titles_of(&t), vec!["Book the tyre change", "Book the MOT"]);
    // A noun's "'s" that is "is" makes a remark, not a thing to act on.
    assert_eq!(
        titles("Clean the grill, the grease's gone everywhere."),
        vec!["Clean the grill"]
    );
}

#[test]
fn headers_holidays_and_who_asked() {
    // A header that only announces the list dates it and is no item.
    let t = run(
        "Busy evening, I want all of this sorted tonight: descale the kettle, top up the gas meter.",
    );
    assert_eq!(
        titles_of(&t),
        vec!["Descale the kettle", "Top up the gas meter"]
    );
    assert!(t.iter().all(|t| due_of(t).as_deref() == Some("2026-12-02")));
    assert_eq!(
        titles("Garden jobs: prune the apple tree, power-wash the path."),
        vec!["Prune the apple tree", "Power-wash the path"]
    );
    let t = run("Post the cards by Christmas Eve, and book the taxi for New Year's Eve.");
    assert_eq!(due_of(&t[0]).as_deref(), Some("2026-12-24"));
    assert_eq!(due_of(&t[1]).as_deref(), Some("2026-12-31"));
    // "her" is who asked, and so is a possessive "her" or "his".
    assert_eq!(
        titles("Oksana asked if I could lend her the projector."),
        vec!["Lend Oksana the projector"]
    );
    assert_eq!(
        titles("Ravi asked me to feed his cat."),
        vec!["Feed Ravi's cat"]
    );
    let t = run("Print the agenda, and the seating plan, the venue needs both by Monday.");
    assert!(t.iter().all(|t| due_of(t).as_deref() == Some("2026-12-07")));
    assert_eq!(
        titles("Service Tom's bike, or I'll never hear the end of it."),
        vec!["Service Tom's bike"]
    );
    assert_eq!(
        titles("The gate's loose and the bin's cracked. Fix the gate. Put both on the list."),
        vec!["Fix the gate"]
    );
    let t = run("Top of my list is the grant report, it has to be in by the 18th.");
    assert_eq!(t[0].priority, Priority::High);
}

#[test]
fn a_thing_named_again_gets_its_deadline() {
    let t = run(
        "Draft the press release, then book the photographer. The press release has to go out by Thursday.",
    );
    assert_eq!(t.len(), 2);
    assert_eq!(due_of(&t[0]).as_deref(), Some("2026-12-03"));
    let t = run(
        "Get the venue deposit paid, and print the menus. The deposit by Friday at the latest.",
    );
    assert_eq!(due_of(&t[0]).as_deref(), Some("2026-12-04"));
    assert_eq!(t[1].due, None);
    // News about the thing, with no deadline in it, dates nothing.
    let t = run("Call the plumber. The plumber comes Thursday.");
    assert_eq!(t[0].due, None);
    assert_eq!(
        titles("Hire the van from Hertz, no, use Enterprise instead."),
        vec!["Hire the van from Enterprise"]
    );
    // A correction that gives its reason first still corrects.
    let t = run("Send the lease to Marta by Monday, no wait, she's away till Tuesday, so Tuesday.");
    assert_eq!(titles_of(&t), vec!["Send the lease to Marta"]);
    assert_eq!(due_of(&t[0]).as_deref(), Some("2026-12-08"));
}

#[test]
fn no_longer_but_still() {
    assert_eq!(
        titles("I don't need to buy printer ink any more, but I do need to order more paper."),
        vec!["Order more paper"]
    );
}

#[test]
fn introduced_items() {
    let t = run(
        "Number one is the budget spreadsheet, that's urgent. Number two is chasing the refund from Argos, no rush.",
    );
    assert_eq!(
        titles_of(&t),
        vec!["Budget spreadsheet", "Chase the refund from Argos"]
    );
    assert_eq!(t[0].priority, Priority::High);
    assert_eq!(t[1].priority, Priority::Low);
    assert_eq!(
        titles("Next up is the boiler service."),
        vec!["Boiler service"]
    );
    assert_eq!(
        titles("The first thing is to call the bank."),
        vec!["Call the bank"]
    );
    assert!(run("The main thing is the kids are happy.").is_empty());
    let t = run(
        "The tax return is critical, it has to be filed by the 31st. The garden shed can wait.",
    );
    assert_eq!(titles_of(&t), vec!["Tax return", "Garden shed"]);
    assert_eq!(due_of(&t[0]).as_deref(), Some("2026-12-31"));
    assert_eq!(
        (t[0].priority, t[1].priority),
        (Priority::High, Priority::Low)
    );
    assert!(run("My family is important.").is_empty());
    assert!(run("The rest can wait.").is_empty());
    // Examples said as gerunds after "like".
    let t = run("Other stuff is whenever, like tidying the shed and emptying the gutters.");
    assert_eq!(titles_of(&t), vec!["Tidy the shed", "Empty the gutters"]);
    assert!(t.iter().all(|t| t.priority == Priority::Low));
    // "Did I ...? If not, <verb> it": the thing asked about.
    let t = run("Did we ever pay the window cleaner? If not, pay him today.");
    assert_eq!(titles_of(&t), vec!["Pay the window cleaner"]);
}

#[test]
fn priority_stays_with_its_item() {
    let t = run("Send Kevin the contract, that's top priority. The brochure, no rush.");
    assert_eq!(t[0].priority, Priority::High);
    assert_eq!(t[1].title, "Brochure");
    assert_eq!(t[1].priority, Priority::Low);
}

#[test]
fn categories_only_from_options() {
    let now = NaiveDateTime::parse_from_str("2026-12-02T14:30:00", "%Y-%m-%dT%H:%M:%S").unwrap();
    let cats = vec![Category {
        name: "personal".into(),
        color: "#fff".into(),
    }];
    let t = extract(
        "Fix the login bug. Call mom.",
        &ExtractOptions {
            now,
            categories: &cats,
            heard: false,
        },
    );
    assert_eq!(t[0].category, None);
    assert_eq!(t[1].category.as_deref(), Some("personal"));
}

mod asides;
mod dates_said_after;
mod heard_speech;
mod pointing_back;
mod remarks;
mod second_thoughts;
mod topics;
mod work_said_after;
