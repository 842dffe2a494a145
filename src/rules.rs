//! Test support for the pattern rules of extraction and reconciling. Each rule is a
//! `LazyLock<Option<Regex>>` so that a pattern that fails to compile turns the rule off
//! instead of crashing a dump; these checks are what notice it.

/// Asserts that every rule in `rules` (`(name, compiled)`) compiled, and that `source` (the
/// file that declares them) declares no rule missing from the list.
pub(crate) fn assert_all_compile(source: &str, rules: &[(&str, bool)]) {
    for (name, compiled) in rules {
        assert!(compiled, "the pattern of {name} does not compile");
    }
    let declared = source
        .lines()
        .filter(|l| l.contains("static ") && l.contains(concat!("LazyLock<", "Option<")))
        .count();
    assert_eq!(declared, rules.len(), "a rule is missing from the list");
}
