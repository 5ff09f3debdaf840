//! Import of Markdown gap-analysis reports into plans (with mojibake repair).
//! Pure: bytes in, `Plan` plus an `ImportLog` out; the CLI does all file I/O.

pub mod mojibake;
