//! Cache prefetch hints for the validation passes over 100,000 gaps: each gap's strings
//! live in their own heap blocks, and a loop that checks one gap at a time waits on each
//! block in turn. Asking for gap `i + AHEAD`'s blocks while checking gap `i` overlaps
//! those waits. A hint only: no effect on results, a no-op off x86_64.

use super::model::Gap;

/// How many gaps ahead to ask for.
pub const AHEAD: usize = 10;

#[inline(always)]
fn hint(p: *const u8) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: a prefetch never dereferences in a way that can fault or change memory;
    // any address, even dangling, is allowed.
    unsafe {
        use std::arch::x86_64::{_MM_HINT_T0, _mm_prefetch};
        _mm_prefetch::<_MM_HINT_T0>(p.cast());
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = p;
}

/// The id and phase of `gaps[i]`, if it exists (the index pass reads those).
#[inline(always)]
pub fn id_and_phase(gaps: &[Gap], i: usize) {
    if let Some(g) = gaps.get(i) {
        hint(g.id.as_ptr());
        if let Some(p) = &g.phase {
            hint(p.as_ptr());
        }
    }
}

/// The fields the per-gap checks read of `gaps[i]`, if it exists.
#[inline(always)]
pub fn checked_fields(gaps: &[Gap], i: usize) {
    if let Some(g) = gaps.get(i) {
        hint(g.title.as_ptr());
        hint(g.actions.as_ptr().cast());
        if let Some(o) = &g.owner {
            hint(o.as_ptr());
        }
        if let Some(d) = g.depends_on.first() {
            hint(d.as_ptr());
        }
    }
}
