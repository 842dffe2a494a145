//! Words that point back: "send those home Friday", "run it Wednesday", "both by the end of
//! the month", "the deadline on that is the 26th", and the item said again with its date.
//! First met in the eighth blind set (`tests/eval/hard_dumps_holdout_8.json`), once the ninth
//! had taken its place as the untouched one.

use super::{card, cards, run, titles};

#[test]
fn a_thing_named_then_dated_through_a_pronoun_is_a_to_do() {
    assert_eq!(
        cards(
            "The liquor license renewal and the food handler certs for the new hires, both by the end of the month."
        ),
        vec![
            card("Liquor license renewal", Some("2026-12-31")),
            card("Food handler certs for the new hires", Some("2026-12-31")),
        ]
    );
    assert_eq!(
        cards(
            "Um okay, the manuscript edits for Pellucid Press, my editor wants them back by the 5th."
        ),
        vec![card(
            "Manuscript edits for Pellucid Press",
            Some("2026-12-05")
        )]
    );
    assert_eq!(
        cards(
            "Submittals for the storefront glazing, those go to the architect, Yusupova, by the 27th."
        ),
        vec![card(
            "Submittals for the storefront glazing",
            Some("2026-12-27")
        )]
    );
    // The speaker's own part in an event dates nothing; a thing said after a to-do is that
    // to-do's thing again.
    assert!(titles("And safety meeting, I run it Monday.").is_empty());
    assert_eq!(
        titles("Renew the domain for my side project, dragonfly dot dev, it expires next week."),
        vec!["Renew the domain for my side project"]
    );
}

#[test]
fn a_pronoun_after_a_thing_said_due_or_needed_is_that_thing() {
    assert_eq!(
        cards("Also, payroll's due Thursday, run it Wednesday so it clears."),
        vec![card("Run payroll so it clears", Some("2026-12-09"))]
    );
    assert_eq!(
        titles(
            "The Camry on lift two needs the timing belt kit, order it from NAPA today, rush it."
        ),
        vec!["Order the timing belt kit from NAPA"]
    );
    assert_eq!(
        run("The Camry on lift two needs the timing belt kit, order it from NAPA, rush it.")[0]
            .priority,
        crate::model::Priority::High
    );
    assert_eq!(
        cards(
            "I need the programs printed, and the permission slips for the bus, send those home this Friday."
        ),
        vec![
            card("Print the programs", None),
            card(
                "Send the permission slips for the bus home",
                Some("2026-12-04")
            ),
        ]
    );
    // A preposition with its own object stays where it was.
    assert_eq!(
        titles("Buy milk, and the bread, put it in the freezer."),
        vec!["Buy milk", "Put the bread in the freezer"]
    );
    // Someone coming back is no work; "that's due" dates the item before.
    assert_eq!(titles("Jacob's due back Monday."), Vec::<String>::new());
    assert_eq!(
        cards("File the motion to compel, the deadline on that is the 26th."),
        vec![card("File the motion to compel", Some("2026-12-26"))]
    );
}

#[test]
fn the_item_said_again_gives_it_its_date() {
    assert_eq!(
        cards(
            "Send the stage plot to the sound guy, his name is Teodoro, send it to him tomorrow."
        ),
        vec![card(
            "Send the stage plot to the sound guy",
            Some("2026-12-03")
        )]
    );
    assert_eq!(
        cards(
            "Book flights for the offsite in Lisbon, it's the second week of February, do it by Friday before prices go up."
        ),
        vec![card(
            "Book flights for the offsite in Lisbon",
            Some("2026-12-04")
        )]
    );
}

#[test]
fn a_to_do_that_names_no_thing_is_for_the_thing_before() {
    assert_eq!(
        titles(
            "Then the fire extinguisher inspection, we failed the tag thing, get someone out by February 1st."
        ),
        vec!["Get someone out for the fire extinguisher inspection"]
    );
    assert_eq!(
        titles("Okay so the Lumen and Finch logo revisions, they want three options by Thursday."),
        vec!["Three options for the Lumen and Finch logo revisions"]
    );
}

#[test]
fn not_a_task_and_never_mind_take_the_item_back() {
    assert!(
        titles("And I should go to the gym more but that's, like, a lifestyle, not a task.")
            .is_empty()
    );
    assert!(
        titles(
            "Also I should learn that Bill Evans voicing thing but that's like a someday thing."
        )
        .is_empty()
    );
    assert!(
        titles("And tune the piano, oh wait no, the district's sending someone for that, skip it.")
            .is_empty()
    );
    assert!(titles("And renew the Adobe subscription, oh wait it renews automatically actually, so never mind.").is_empty());
    // A remark in two clauses about a thing still kept.
    assert_eq!(
        titles("Buy the rug but it's, like, the blue one, and the lamp."),
        vec!["Buy the rug", "Buy the lamp"]
    );
}

#[test]
fn what_happened_to_a_thing_is_no_outcome_wanted() {
    assert_eq!(
        titles("Um, and the backup job failed again last night, look at that today."),
        vec!["Look at the backup job"]
    );
    assert_eq!(
        titles(
            "And the smoke detector in the hallway keeps chirping, replace its battery tonight."
        ),
        vec!["Replace the battery of the smoke detector in the hallway"]
    );
    // An outcome wanted still is one, with a "while" after it.
    assert_eq!(
        titles("And I want the fence panels oiled while it's still dry."),
        vec!["Oil the fence panels"]
    );
}

#[test]
fn her_is_the_owner_of_the_thing_said_due() {
    assert_eq!(
        titles("Jess's chair rent is due on the 1st, remind her."),
        vec!["Remind Jess about the chair rent"]
    );
    assert_eq!(
        titles("Sign Maya's field trip form, then put it in her folder."),
        vec![
            "Sign Maya's field trip form",
            "Put Maya's field trip form in her folder"
        ]
    );
    assert_eq!(
        titles("Order the developer and the purple shampoo, we're out of both."),
        vec!["Order the developer and the purple shampoo"]
    );
}

#[test]
fn a_thing_with_its_own_deadline_and_a_chore_with_no_object_are_to_dos() {
    assert_eq!(
        cards("The wedding's the 6th, so headcount by the 30th."),
        vec![card("Headcount", Some("2026-12-30"))]
    );
    assert_eq!(
        cards("So the meet is Saturday, so I gotta pack Friday night."),
        vec![card("Pack", Some("2026-12-04"))]
    );
    // "let's say by …" names no thing; a verb alone that names none is still no to-do.
    assert!(titles("Let's say by the end of the month.").is_empty());
    assert!(titles("I need to go.").is_empty());
}

#[test]
fn the_speaker_having_done_it_or_leaving_it_takes_it_back() {
    assert!(
        titles(
            "And hire a seasonal admin, but I already posted the job, so that's handled actually."
        )
        .is_empty()
    );
    assert!(
        titles("Fix the leaking sink at station three, no, the landlord's supposed to do that, I'll just, yeah, leave it.")
            .is_empty()
    );
    assert_eq!(
        run("And I want to look into that EMDR training, the one in Portland, just look into it, no rush.")
            .into_iter()
            .map(|t| (t.title, t.priority))
            .collect::<Vec<_>>(),
        vec![("Look into that EMDR training".to_string(), crate::model::Priority::Low)]
    );
}

#[test]
fn a_thing_brought_up_as_due_is_a_to_do_and_their_deadline_dates_it() {
    assert_eq!(
        cards("And there's a Physics lab report due Monday that I haven't even looked at, great."),
        vec![card("Physics lab report", Some("2026-12-07"))]
    );
    assert_eq!(
        cards("I should apply for the KPMG internship as well, their deadline's the 28th."),
        vec![card("Apply for the KPMG internship", Some("2026-12-28"))]
    );
}

#[test]
fn an_errand_on_the_way_is_one_errand_and_first_thing_is_introduces() {
    assert_eq!(
        titles("Then I gotta swing by Ferguson and pick up the half inch PEX fittings."),
        vec!["Pick up the half inch PEX fittings at Ferguson"]
    );
    assert_eq!(
        titles("Stop by the bank and pay in the cheques."),
        vec!["Pay in the cheques at the bank"]
    );
    // Going somewhere to do something that is no errand stays two.
    assert_eq!(
        titles("Swing by the office and call Dana about the lease."),
        vec!["Swing by the office", "Call Dana about the lease"]
    );
    assert_eq!(
        cards(
            "Right so tomorrow morning first thing is the Okonkwo job, the leaking water heater."
        ),
        vec![card("Okonkwo job", Some("2026-12-03"))]
    );
}

#[test]
fn a_new_one_needed_is_one_to_get() {
    assert_eq!(
        titles("And, um, we need a new chalkboard sign for the window, no rush on that."),
        vec!["Get a new chalkboard sign for the window"]
    );
    assert_eq!(
        titles("We need more salt, like two pallets."),
        vec!["Get more salt"]
    );
    // Needs that no shop sells.
    assert!(titles("I need more time.").is_empty());
    assert!(titles("I need a new job.").is_empty());
}

#[test]
fn who_someone_is_is_no_second_person_to_call() {
    assert_eq!(
        titles("And call Lyle, the inspector, to get the rough-in on the books."),
        vec!["Call Lyle"]
    );
    assert_eq!(
        titles("Email Priya, the landlord, and Tom."),
        vec!["Email Priya", "Email the landlord", "Email Tom"]
    );
}

#[test]
fn the_rest_is_the_rest_of_the_thing_just_named() {
    assert_eq!(
        titles(
            "Right, so I've got through about half the Year 9 essays, I'll finish the rest tonight hopefully."
        ),
        vec!["Finish the rest of the Year 9 essays"]
    );
    assert_eq!(
        titles("I've done half the essays, I'll finish the rest of them tonight."),
        vec!["Finish the rest of the essays"]
    );
}

#[test]
fn her_and_him_are_the_person_the_remark_is_about() {
    assert_eq!(
        titles("And Chloe's off sick today, so I need to ring round her clients and rebook them."),
        vec!["Ring round Chloe's clients"]
    );
    assert_eq!(
        titles("Oh, Mrs. Abubakar emailed about Yusuf's reading, reply to her today."),
        vec!["Reply to Mrs. Abubakar"]
    );
    assert_eq!(
        titles("Siobhán wants Christmas Eve off, so I need to sort cover for her."),
        vec!["Sort cover for Siobhán"]
    );
    assert_eq!(
        titles("The colourist, Priyanka, book her for the week of the 22nd."),
        vec!["Book Priyanka for the week"]
    );
}

#[test]
fn who_is_called_out_and_who_is_told_say_what_for() {
    assert_eq!(
        titles(
            "Okay, so, the walk-in fridge is running warm again, get Reyes Refrigeration out today, that can't slip, we'll fail the inspection."
        ),
        vec!["Get Reyes Refrigeration out for the walk-in fridge"]
    );
    assert_eq!(
        titles("The boiler man is coming Monday, let the tenants know."),
        vec!["Let the tenants know about the boiler man"]
    );
    // What happens otherwise is no to-do, and "that can't slip" is urgent.
    let t = run(
        "The disclosure bundle has to be served by Friday, that can't slip, we'll lose the hearing.",
    );
    assert_eq!(t.len(), 1, "{t:?}");
    assert_eq!(t[0].priority, crate::model::Priority::High);
}
