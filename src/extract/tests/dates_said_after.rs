//! Dates said after the item, past the remarks between: "do the rota for March, I said yes,
//! she needs it by Friday", "register for the conference, early bird ends Friday", and a
//! date corrected with "no sorry"; a house number after "at" is no hour.

use super::cards;

fn card(title: &str, due: Option<&str>) -> (String, Option<String>) {
    (title.to_string(), due.map(str::to_string))
}

#[test]
fn a_date_said_after_remarks_dates_the_item_before_them() {
    assert_eq!(
        cards("Priya asked if I could do the rota for March, I said yes, she needs it by Friday."),
        vec![card("Do the rota for March", Some("2026-12-04"))]
    );
    assert_eq!(
        cards(
            "Return the deposit to the Okafors, they moved out last week, legally I've got ten days so, like, by Friday."
        ),
        vec![card(
            "Return the deposit to the Okafors",
            Some("2026-12-04")
        )]
    );
    // What someone else will do on a day is not the day of the item before it.
    assert_eq!(
        cards(
            "Book the plumber for the dripping tap, it's just annoying, and Marcus said he'll do the grocery shop tonight."
        ),
        vec![card("Book the plumber for the dripping tap", None)]
    );
}

#[test]
fn a_deadline_said_of_the_thing_dates_its_item() {
    assert_eq!(
        cards("Sign Travis up for the ASE test, registration closes the 29th."),
        vec![card("Sign Travis up for the ASE test", Some("2026-12-29"))]
    );
    assert_eq!(
        cards("Oh, register for the conference in Lisbon, early bird ends Friday."),
        vec![card(
            "Register for the conference in Lisbon",
            Some("2026-12-04")
        )]
    );
}

#[test]
fn a_fortnight_and_a_date_corrected_with_no_sorry() {
    assert_eq!(
        cards("Do my neonatal resus refresher, it's due in a fortnight."),
        vec![card("Do my neonatal resus refresher", Some("2026-12-16"))]
    );
    assert_eq!(
        cards("Revise the hiring plan by Thursday, no sorry, Friday."),
        vec![card("Revise the hiring plan", Some("2026-12-04"))]
    );
}

#[test]
fn a_sooner_day_said_after_the_item_is_the_day_to_act_by() {
    // 2026-12-02 is a Wednesday.
    for (said, title, due) in [
        (
            "Get the ewes moved down before the rain Friday, so Thursday then.",
            "Get the ewes moved down before the rain",
            "2026-12-03",
        ),
        (
            "The minibus needs booking for the swimming gala on the 18th, do that tomorrow.",
            "Book the minibus for the swimming gala",
            "2026-12-03",
        ),
        (
            "Renew the domain, it expires the 12th, so, like, by Friday to be safe.",
            "Renew the domain",
            "2026-12-04",
        ),
        (
            "I need to swap my shift on the 30th with Kenji, ask him today.",
            "Swap my shift with Kenji",
            "2026-12-02",
        ),
    ] {
        assert_eq!(cards(said), vec![card(title, Some(due))], "{said}");
    }
    // A later day is the event's, and the day said first stays.
    assert_eq!(
        cards("Call the caterer tomorrow, the party is on the 18th."),
        vec![card("Call the caterer", Some("2026-12-03"))]
    );
}

#[test]
fn a_remark_about_it_dates_it_by_its_soonest_day() {
    assert_eq!(
        cards("I have to finish the appraisal forms for my team, HR wants them by Friday."),
        vec![card(
            "Finish the appraisal forms for my team",
            Some("2026-12-04")
        )]
    );
    assert_eq!(
        cards(
            "Put the Christmas window display together, Christmas is the 25th so let's have it done by the 20th."
        ),
        vec![card(
            "Put the Christmas window display together",
            Some("2026-12-20")
        )]
    );
}

#[test]
fn thursday_week_and_a_day_said_with_a_word_on_it() {
    // Wednesday 2 December: Thursday week is the 10th, and said on a Wednesday,
    // "Wednesday week" is a week today.
    assert_eq!(
        cards("Draft the lease for the Kingsway unit, client wants it Thursday week."),
        vec![card(
            "Draft the lease for the Kingsway unit",
            Some("2026-12-10")
        )]
    );
    assert_eq!(
        cards("Call the surveyor Wednesday week."),
        vec![card("Call the surveyor", Some("2026-12-09"))]
    );
    assert_eq!(
        cards(
            "Shearing's booked for Tuesday week, so I need to get the yards ready before that, Monday I reckon."
        ),
        vec![card("Get the yards ready", Some("2026-12-07"))]
    );
}

#[test]
fn a_house_number_is_no_hour() {
    assert_eq!(
        cards("Drop the keys at 22 Baker Street on Friday."),
        vec![card("Drop the keys at 22 Baker Street", Some("2026-12-04"))]
    );
    assert_eq!(
        cards("I need to book a viewing at 19 Linden Avenue."),
        vec![card("Book a viewing at 19 Linden Avenue", None)]
    );
    // A bare hour before anything else is still a time.
    let said = cards("Call Joe at 3 about the lease.");
    assert_eq!(said.len(), 1);
    assert!(
        said[0].1.as_deref().is_some_and(|d| d.contains("15:00")),
        "{said:?}"
    );
}
