//! Mistakes the type system must reject: raw numbers where a validated newtype is expected,
//! an insert struct missing a required column, a row inserted into the wrong table, and
//! bypassing a constructor that keeps derived columns consistent.
//!
//! Each `tests/ui/*.rs` must fail to compile with the error in its `.stderr` file
//! (regenerate with `TRYBUILD=overwrite cargo test --test compile_fail` after a compiler
//! upgrade, and review the diff).

#[test]
fn ui() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("tests/ui/*.rs");
}
