//! Fuzz targets for every parser that reads input nobody controls: WAV files, spoken dates,
//! quick-add lines, transcripts, Claude Desktop configs, the importers and backup archives.
//!
//! Each target is a [`bolero`] harness and runs two ways:
//! - `cargo test --test fuzz` (so `make test`): the committed corpus under
//!   `tests/fuzz/__fuzz__/<target>/corpus` plus a fixed number of random inputs per target,
//!   in the ordinary test build. `BOLERO_RANDOM_ITERATIONS=N` changes the number.
//! - `scripts/fuzz-long.sh [TARGET] [SECONDS]`: coverage-guided with libFuzzer through
//!   `cargo bolero test` (a separate instrumented build under `target/fuzz/`), growing the
//!   corpus; commit what it adds.
//!
//! Besides "does not panic", each target checks something cheap that must hold: a round
//! trip, or an invariant the parser promises.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod fuzz {
    pub mod backup;
    pub mod dates;
    pub mod extract;
    pub mod import;
    pub mod mcp_config;
    pub mod quick_add;
    pub mod support;
    pub mod wav;
}
