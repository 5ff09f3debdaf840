//! placeholder
mod import;
