//! No library: the benchmarks are the `[[bench]]` targets of this crate; cargo needs a library or binary target in every package.
