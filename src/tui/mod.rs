//! The interactive terminal UI: key → action → update → recompute → draw.
