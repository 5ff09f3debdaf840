//! The plan: domain types, their RON file form, loading with positioned problems, and saving.

pub mod decimal;
pub mod model;

pub use decimal::Dec2;
pub use model::*;
pub mod problem;
pub use problem::{Position, Problem, Severity};
