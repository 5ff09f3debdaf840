//! Tests for reading one gap's heading and body.

use super::*;
use crate::import::blocks::parse;

fn read(md: &str) -> Draft {
    let b = parse(md);
    read_gap(&b[0], &b[1..])
}

#[test]
fn production_readiness_style_gap() {
    let d = read(
        "### 1. ❌ Env Setup\n**Status:** Partial (only template exists)\n**What's needed:**\n- Pooling config\n- CORS\n\n**Impact:** HIGH - App won't run\n\n**Files to create:**\n```\n.env.local\n```\n",
    );
    assert_eq!(d.title, "Env Setup");
    assert_eq!(d.status.as_ref().unwrap().0, Status::Partial);
    assert_eq!(d.actions.len(), 2);
    assert_eq!(d.impact_priority.as_ref().unwrap().0, Priority::High);
    assert_eq!(d.impact.as_deref(), Some("HIGH - App won't run"));
    assert!(d.notes.iter().any(|n| n.contains("only template exists")));
    assert!(d.skipped.is_empty());
    assert!(d.notes.iter().any(|n| n == "Files to create: .env.local"));
}

#[test]
fn process_gaps_style_gap() {
    let d = read(
        "#### **2. Secrets**\n**Current State:** ⚠️ **Basic Implementation**\n```bash\n✅ Env vars in dashboard\n❌ No rotation\n```\n\n**Required Actions:**\n- Rotate keys\n- Audit trail\n",
    );
    assert_eq!(d.title, "Secrets");
    assert_eq!(d.status.as_ref().unwrap().0, Status::Partial);
    let acts: Vec<(bool, &str)> = d
        .actions
        .iter()
        .map(|a| (a.done, a.text.as_str()))
        .collect();
    assert_eq!(
        acts,
        vec![
            (true, "Env vars in dashboard"),
            (false, "Rotate keys"),
            (false, "Audit trail")
        ]
    );
    assert_eq!(d.notes[0], "Current state: No rotation");
}

#[test]
fn heading_parentheticals_and_inline_fields() {
    let d = read(
        "### Add rate limiting (2-3 hours) (Priority: Medium)\nNot implemented\n- [x] pick library\n- [ ] wire it\n\n**Cost:** $20/month\n",
    );
    assert_eq!(d.title, "Add rate limiting");
    assert_eq!(d.priority.as_ref().unwrap().0, Priority::Medium);
    assert_eq!(
        d.estimate.as_ref().unwrap().0.hi,
        crate::plan::Dec2::from_units(3)
    );
    assert_eq!(d.status.as_ref().unwrap().0, Status::Missing);
    assert_eq!(d.actions.iter().filter(|a| a.done).count(), 1);
    assert_eq!(d.costs.len(), 1);
}
