//! Ways of talking first met in blind evaluation sets: corrections said in one breath,
//! take-backs after a remark, dates counted from a named thing, appositions and pronouns that
//! point at the remark before.

use super::{run, titles};

fn due(text: &str) -> Vec<Option<String>> {
    run(text)
        .into_iter()
        .map(|t| t.due.map(|d| d.to_string()))
        .collect()
}

#[test]
fn corrections_said_in_one_breath() {
    assert_eq!(
        titles(
            "Invoice Mrs Abernathy, no wait not her, I did hers last week, invoice the Baptiste job."
        ),
        vec!["Invoice the Baptiste job"]
    );
    assert_eq!(
        titles("Ring Olafur, wait no I mean Oskar, about borrowing his Rhodes."),
        vec!["Ring Oskar"]
    );
    assert!(
        titles("Book her flu jab, actually no she had it in October, I remember now.").is_empty()
    );
    assert_eq!(
        titles("Send the deck to Tom, no wait, not Tom, Priya."),
        vec!["Send the deck to Priya"]
    );
    // A name swap keeps the list going after it.
    assert_eq!(
        titles("Email Priya, no Sam, and the caterer."),
        vec!["Email Sam", "Email the caterer"]
    );
}

#[test]
fn take_backs_after_a_remark_about_the_item() {
    assert!(
        titles("De-ice the van windscreen, oh no that's obviously every morning, forget that.")
            .is_empty()
    );
    assert!(
        titles(
            "Ring the bank about the overdraft. Oh wait, skip the bank, I did that this morning."
        )
        .is_empty()
    );
    assert!(
        titles("Buy more muslins. Oh wait, scratch the muslins, Grandma dropped a pack round.")
            .is_empty()
    );
    assert!(titles("Call Bob, actually I think that's Gordon's job, never mind.").is_empty());
}

#[test]
fn ordinals_that_count_things_are_no_dates() {
    let t = run("Email the admin about the broken printer on the second floor.");
    assert_eq!(
        t[0].title,
        "Email the admin about the broken printer on the second floor"
    );
    assert_eq!(t[0].due, None);
    assert!(run("On the 3rd call grandma.")[0].due.is_some());
}

#[test]
fn dates_counted_from_a_named_thing() {
    assert_eq!(
        titles(
            "I need to re-string the acoustic the day before the gig on the 20th, and send the setlist to the sound engineer two days before the gig."
        ),
        vec![
            "Re-string the acoustic",
            "Send the setlist to the sound engineer"
        ]
    );
    assert_eq!(
        due(
            "I need to re-string the acoustic the day before the gig on the 20th, and send the setlist to the sound engineer two days before the gig."
        ),
        vec![Some("2026-12-19".into()), Some("2026-12-18".into())]
    );
    assert_eq!(
        due(
            "The vendor demo is on Monday so I need the requirements doc over to them by Friday, and then we have the follow-up call with them the day after the demo."
        ),
        vec![Some("2026-12-04".into()), Some("2026-12-08".into())]
    );
    // A date said for a thing, then a to-do "the day before" in the same breath.
    assert_eq!(
        due("The Christmas lunch is on the 23rd so I need the seating plan done the day before."),
        vec![Some("2026-12-22".into())]
    );
    // Nothing was dated: the words stay in the title.
    assert_eq!(
        titles("Send the deck a week before the deadline."),
        vec!["Send the deck a week before the deadline"]
    );
}

#[test]
fn a_scene_date_and_a_remark_before_so() {
    assert_eq!(
        due(
            "First thing tomorrow I need to send the status report, then update the Gantt chart, and after lunch ring Haverford Logistics."
        ),
        vec![Some("2026-12-03".into()); 3]
    );
    let t = run(
        "Okay the health visitor's coming on Friday so the nursery needs tidying by Thursday night.",
    );
    assert_eq!(t.len(), 1);
    assert_eq!(t[0].title, "Tidy the nursery");
    assert_eq!(
        t[0].due.map(|d| d.to_string()).as_deref(),
        Some("2026-12-03")
    );
}

#[test]
fn a_name_beside_the_item_is_its_apposition() {
    let t = run("Confirm numbers with the caterers, Bright & Bean, by Friday.");
    assert_eq!(t.len(), 1);
    assert!(t[0].title.contains("Bright & Bean"));
    assert_eq!(
        t[0].due.map(|d| d.to_string()).as_deref(),
        Some("2026-12-04")
    );
    assert_eq!(
        titles("I should get the vet out, Alnwick Vets, next week sometime."),
        vec!["Get the vet out, Alnwick Vets"]
    );
    assert_eq!(
        titles("I need to book the venue, probably the Hayloft in Cirencester."),
        vec!["Book the venue"]
    );
    // A list of names is still a list.
    assert_eq!(titles("Invite Priya, Dev and Sam.").len(), 2);
    assert_eq!(
        titles("My manager, Steve, wants a forecast spreadsheet by end of the week."),
        vec!["Forecast spreadsheet for my manager Steve"]
    );
}

#[test]
fn a_pronoun_takes_what_the_remark_before_named() {
    assert_eq!(
        titles("The council tax direct debit, I need to set that up again with the new bank."),
        vec!["Set up the council tax direct debit again with the new bank"]
    );
    assert_eq!(
        titles("And my laptop battery's dying, get it replaced, whenever."),
        vec!["Get my laptop battery replaced"]
    );
    assert_eq!(
        titles("The boiler at number 8 is playing up again, so get it serviced."),
        vec!["Get the boiler at number 8 serviced"]
    );
    // A thing that lapses on a date is renewed by then; "so book that" is the same job.
    let t =
        run("The gas safety certificate for 14 Crown Terrace expires on the 30th, so book that.");
    assert_eq!(t.len(), 1);
    assert_eq!(
        t[0].title,
        "Renew the gas safety certificate for 14 Crown Terrace"
    );
    assert_eq!(
        t[0].due.map(|d| d.to_string()).as_deref(),
        Some("2026-12-30")
    );
    assert_eq!(
        titles("Dad's hearing aid batteries are running low, grab some tomorrow on the way over."),
        vec!["Grab Dad's hearing aid batteries"]
    );
    assert_eq!(
        titles(
            "And someone has to grit the path outside the hall tomorrow morning, I'll just do it myself."
        ),
        vec!["Grit the path outside the hall"]
    );
    assert_eq!(
        titles("And then there's the dishwasher which I need to get someone out to look at."),
        vec!["Get someone out to look at the dishwasher"]
    );
}

#[test]
fn work_said_as_a_deadline_and_remarks_that_are_no_work() {
    assert_eq!(
        titles("I've got the econometrics problem set due Monday."),
        vec!["Econometrics problem set"]
    );
    assert_eq!(
        titles("The only thing I must do is post back the census form."),
        vec!["Post back the census form"]
    );
    let t = run("The PA speaker needs repairing by New Year's Eve, that's a must.");
    assert_eq!(t[0].priority, crate::model::Priority::High);
    assert_eq!(
        titles("Thank god. I need to call the bank."),
        vec!["Call the bank"]
    );
    assert_eq!(
        titles("And order more gloves, the lads keep losing them."),
        vec!["Order more gloves"]
    );
    assert!(titles("And I really should sleep more.").is_empty());
    assert!(
        !titles("And the lessons learned doc, whenever I can get to it.")
            .iter()
            .any(|t| t.contains("Get to it"))
    );
    assert_eq!(
        titles("Deep clean the fridges tomorrow."),
        vec!["Deep-clean the fridges"]
    );
}

#[test]
fn things_that_lapse_go_or_need_doing_together() {
    let t = run("And my car tax runs out on the 31st, and the breakdown cover too, same day.");
    assert_eq!(
        t.iter().map(|t| t.title.as_str()).collect::<Vec<_>>(),
        vec!["Renew my car tax", "Renew the breakdown cover"]
    );
    assert!(
        t.iter()
            .all(|t| t.due.map(|d| d.to_string()).as_deref() == Some("2026-12-31"))
    );
    assert_eq!(
        titles("And my draft chapter goes to Dr Lindqvist by the twenty-second."),
        vec!["Send my draft chapter to Dr Lindqvist"]
    );
    // The date that names which order is not its deadline.
    let t = run("The milk order for Friday has to go to Hollybrook Dairy tonight.");
    assert_eq!(t[0].title, "Send the milk order to Hollybrook Dairy");
    assert_eq!(
        t[0].due.map(|d| d.to_string()).as_deref(),
        Some("2026-12-02")
    );
    assert_eq!(
        due("Um so the swimming lessons and the piano lessons both need paying, by Monday."),
        vec![Some("2026-12-07".into()), Some("2026-12-07".into())]
    );
    assert!(titles("The kids go to school Monday.").is_empty());
}

#[test]
fn jobs_taken_on_and_things_said_by_others() {
    assert_eq!(
        titles("The staging database is full again, someone should clean it up, probably me."),
        vec!["Clean up the staging database"]
    );
    assert!(titles("Someone needs to triage the bug backlog.").is_empty());
    assert_eq!(
        titles(
            "So the tenant in flat 3 says the smoke alarm's beeping, I need to replace that by tomorrow."
        ),
        vec!["Replace the smoke alarm"]
    );
    assert_eq!(
        titles("Also, like, my mate Ollie wants me to play on his EP."),
        vec!["Play on Ollie's EP"]
    );
    assert!(titles("Sam keeps saying I should take up running but I can't face it.").is_empty());
    assert_eq!(
        titles("So this week, um, the Pembertons want their hedge cut back before their party."),
        vec!["Cut back their hedge before their party"]
    );
}

#[test]
fn plans_deadlines_and_waiting_to_hear() {
    let t = run(
        "Um so Monday I'm sanding the floors at the Okafor place and then varnishing them on the Tuesday.",
    );
    assert_eq!(
        t.iter().map(|t| t.title.as_str()).collect::<Vec<_>>(),
        vec!["Sand the floors at the Okafor place", "Varnish the floors"]
    );
    assert_eq!(
        t.iter()
            .map(|t| t.due.map(|d| d.to_string()))
            .collect::<Vec<_>>(),
        vec![Some("2026-12-07".into()), Some("2026-12-08".into())]
    );
    assert_eq!(
        titles(
            "Grab silicone from Screwfix tomorrow and then Friday I'm re-caulking the bath at Carol's."
        ),
        vec![
            "Grab silicone from Screwfix",
            "Re-caulk the bath at Carol's"
        ]
    );
    let t = run("Oh the conference abstract deadline is the 22nd, that's critical.");
    assert_eq!(t[0].title, "Conference abstract");
    assert_eq!(
        t[0].due.map(|d| d.to_string()).as_deref(),
        Some("2026-12-22")
    );
    assert!(
        titles("I guess we'll find out more in January when they do the all hands.").is_empty()
    );
    assert_eq!(
        titles("Also the marking for the stats module, forty scripts, due Monday."),
        vec!["Marking for the stats module"]
    );
    assert_eq!(
        titles("And the ladder rack on the van is loose, get that fixed, no rush."),
        vec!["Fix the ladder rack on the van"]
    );
    assert_eq!(
        titles("Order the tiles for the Adebayo kitchen tomorrow at the latest."),
        vec!["Order the tiles for the Adebayo kitchen"]
    );
    assert_eq!(
        titles("Order more formula, the big tins not the little ones."),
        vec!["Order more formula"]
    );
    assert_eq!(
        titles("Dave said he's finished his report, so I need to read it before Tuesday."),
        vec!["Read his report"]
    );
}

#[test]
fn pronouns_for_people_and_take_backs_after_news() {
    assert_eq!(
        titles("Oh, and Jacob's birthday party is on Saturday, I need to get him a present."),
        vec!["Get Jacob a present"]
    );
    assert_eq!(
        titles("Chris's sister has just moved to Leeds, I should send her a housewarming card."),
        vec!["Send Chris's sister a housewarming card"]
    );
    // "them" before the thing sent is who gets it.
    assert_eq!(
        titles("The investor meeting went well, so I need to send them the financial model."),
        vec!["Send them the financial model"]
    );
    assert_eq!(
        titles("The tractor's due its service, it's overdue actually, book it in with Hodgsons."),
        vec!["Book in the tractor with Hodgsons"]
    );
    assert!(titles("And buy oat milk, we're out. Actually Tom said he'd get the oat milk on his way home so scratch that.").is_empty());
}

#[test]
fn corrections_of_a_remark_and_who_him_is() {
    // The correction fixes the remark's day; the item before it stays.
    let t = run(
        "The swimming lessons and the piano lessons both need paying, by Monday. And Leo's got the dentist on Thursday, no, it's Friday, so I need to take him out of school early.",
    );
    assert_eq!(
        t.iter().map(|t| t.title.as_str()).collect::<Vec<_>>(),
        vec![
            "Pay the swimming lessons",
            "Pay the piano lessons",
            "Take Leo out of school early"
        ]
    );
    assert_eq!(
        t[2].due.map(|d| d.to_string()).as_deref(),
        Some("2026-12-04")
    );
    assert_eq!(
        titles(
            "Jonno's CSCS card has expired, he has to renew it, that's his problem really, but I should remind him."
        ),
        vec!["Remind Jonno"]
    );
    assert_eq!(
        titles("The plumber's coming Thursday. Also the recycling goes out tonight, put it out."),
        vec!["Put out the recycling"]
    );
    assert_eq!(
        titles("And book the kennels for Easter, Happy Paws fill up really fast."),
        vec!["Book the kennels for Easter"]
    );
}

#[test]
fn questions_tails_headers_and_one_more_of_a_thing() {
    // The question is only the part that asks.
    assert_eq!(
        titles(
            "I need to send the speaker packs out by next Monday, wait, is next Monday the 18th? Yeah."
        ),
        vec!["Send the speaker packs out"]
    );
    assert!(titles("And the van insurance, is that March? I think it's March.").is_empty());
    assert!(titles("Did I call Joe?").is_empty());
    // A plural heading announces a list; it is no event.
    assert_eq!(
        titles("So calls for today. Ring back Derek about the renewal."),
        vec!["Ring back Derek about the renewal"]
    );
    assert_eq!(
        titles("Oh, and the drill battery's dead, get a new one from Toolstation."),
        vec!["Get a new drill battery from Toolstation"]
    );
    assert_eq!(
        titles(
            "Um, Jamal's mum emailed again about his detention so I need to reply to her tomorrow."
        ),
        vec!["Reply to Jamal's mum"]
    );
    assert_eq!(
        titles("Also I keep forgetting to log my hours in Tempo."),
        vec!["Log my hours in Tempo"]
    );
    assert_eq!(
        due("Submit the abstract to the workshop, the deadline is in two weeks."),
        vec![Some("2026-12-16".into())]
    );
    assert_eq!(
        due("Um, Biscuit needs his booster jab, the reminder says by the end of the month."),
        vec![Some("2026-12-31".into())]
    );
}

#[test]
fn done_already_in_the_past_said_irregularly() {
    for said in [
        "Um, the window cleaner, pay him, no, I paid him Friday.",
        "Pay the gas bill, no, I paid that last night.",
        "Reply to that recruiter on LinkedIn? Nah, not interested, ignore it.",
    ] {
        assert!(titles(said).is_empty(), "{said}: {:?}", titles(said));
    }
    // The thing named between is what was paid: the to-do before it stays.
    assert_eq!(
        titles(
            "And send the Millers their timeline draft by Friday. Oh, and the tent deposit for \
             the Garcia wedding, wait, I paid that Monday."
        ),
        vec!["Send the Millers their timeline draft"]
    );
}

#[test]
fn what_falls_due_is_said_of_the_thing_named_first() {
    assert_eq!(
        titles("My DEA registration, renewal's due the 30th."),
        vec!["My DEA registration renewal"]
    );
}
