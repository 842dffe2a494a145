//! Tests of the offline extraction engine: the date resolver, robustness on bad input, and
//! gold sets of spoken dumps scored like ../shared/eval/score_extraction.py.

mod extraction {
    pub mod dates;
    pub mod gold;
    pub mod robustness;
}
