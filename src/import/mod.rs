//! Import of Markdown gap-analysis reports into plans.
