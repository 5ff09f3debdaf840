//! The plan: domain types, their RON file form, loading with positioned problems, and saving.
//!
//! - [`model`]: the domain `Plan` everything downstream trusts.
//! - [`raw`] → [`convert`]: the file's exact serde shape and its one conversion to `Plan`.
//! - [`load`]: bytes → `Loaded { plan, problems }` or a `LoadError` (hostile input included);
//!   `fast` (+ `fast_lex`) reads the common syntax quickly, ron reads the rest and words errors.
//! - [`validate`] (+ `validate_values`, `cycles`): every problem at once, by field path;
//!   [`locate`] (+ `locate_scan`) maps those paths to line:col.
//! - [`save`]: the stable pretty RON form.

pub mod convert;
mod cycles;
pub mod decimal;
mod fast;
mod fast_lex;
mod id_index;
pub mod load;
pub mod load_error;
pub mod locate;
mod locate_scan;
pub mod model;
mod prefetch;
pub mod problem;
pub mod raw;
pub mod save;
pub mod validate;
mod validate_gaps;
mod validate_values;

pub use decimal::Dec2;
pub use load::{Loaded, MAX_FILE_BYTES, load_file, parse, parse_bytes};
pub use load_error::{LoadError, LoadErrorKind};
pub use model::*;
pub use problem::{Position, Problem, Severity};
pub use save::to_ron_string;
pub use validate::validate;

#[cfg(test)]
mod fast_tests;
#[cfg(test)]
mod fixture_tests;
#[cfg(test)]
mod generated_tests;
#[cfg(test)]
mod load_tests;
#[cfg(test)]
mod locate_tests;
#[cfg(test)]
mod save_tests;
#[cfg(test)]
mod validate_oracle;
#[cfg(test)]
mod validate_prop_tests;
#[cfg(test)]
mod validate_tests;
