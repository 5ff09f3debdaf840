//! Tests for the phrase recognisers: each pattern of the genre and its variants.

use super::*;
use crate::plan::CostKind;

fn est(unit: EffortUnit, lo: i64, hi: i64) -> Option<Estimate> {
    Some(Estimate {
        unit,
        lo: Dec2::from_hundredths(lo),
        hi: Dec2::from_hundredths(hi),
    })
}

#[test]
fn priorities_follow_the_rule() {
    use Priority::*;
    for (t, p) in [
        ("🔥 CRITICAL PRIORITY (Fix Within 2 Weeks)", Critical),
        ("🔴 Critical", Critical),
        ("🟡 High", High),
        ("🟢 Nice to have", Low),
        ("Must fix", Critical),
        ("Should fix", High),
        ("NICE TO HAVE (After launch)", Low),
        ("(Priority: Medium)", Medium),
        ("HIGH - App won't run properly", High),
        ("Medium (Nice to Have):", Medium),
        ("🟡 What's Missing - Important Features", High),
        ("🔴", Critical),
        ("🟢", Low),
        ("P0", Critical),
    ] {
        assert_eq!(priority_of(t), Some(p), "{t}");
    }
    assert_eq!(priority_of("Database Migration Strategy"), None);
}

#[test]
fn statuses_follow_the_rule() {
    use Status::*;
    for (t, s) in [
        ("Partial (only template exists)", Partial),
        ("❌ Missing", Missing),
        ("⚠️ Basic implementation", Partial),
        ("Not implemented", Missing),
        ("Documented only", Partial),
        ("⚠️ Missing", Missing),
        ("⚠️ Not Configured", Missing),
        ("E2E exists, but others missing", Partial),
        ("⚠️ Development-Focused", Partial),
        ("✅ Production Ready", Done),
        ("In progress", InProgress),
        ("Blocked on vendor", Blocked),
        ("⚠️", Partial),
        ("Not started", Missing),
    ] {
        assert_eq!(status_of(t), Some(s), "{t}");
    }
}

#[test]
fn estimates_in_every_form() {
    use EffortUnit::*;
    assert_eq!(
        estimate_of("Environment Setup (30 min)"),
        est(Hours, 50, 50)
    );
    assert_eq!(estimate_of("2-3 hours"), est(Hours, 200, 300));
    assert_eq!(estimate_of("1-2 days"), est(Days, 100, 200));
    assert_eq!(
        estimate_of("~40 hours over 12 weeks"),
        est(Hours, 4000, 4000)
    );
    assert_eq!(
        estimate_of("1–2 weeks with focused effort"),
        est(Weeks, 100, 200)
    );
    assert_eq!(estimate_of("3 to 5 business days"), est(Days, 300, 500));
    assert_eq!(estimate_of("45 min"), est(Hours, 75, 75));
    assert_eq!(estimate_of("1.5h"), est(Hours, 150, 150));
    assert_eq!(estimate_of("1-2 months"), est(Weeks, 400, 800));
    assert_eq!(estimate_of("Weeks 1-2"), None);
    assert_eq!(estimate_of("Uptime 99.9%"), None);
    assert_eq!(estimate_of("$500/month"), None);
}

#[test]
fn money_in_every_form() {
    let m = money_of("Datadog: $500-1,500/month");
    assert_eq!(m.len(), 1);
    assert_eq!(m[0].kind, CostKind::Monthly);
    assert_eq!(
        (m[0].lo, m[0].hi),
        (Dec2::from_units(500), Dec2::from_units(1500))
    );
    assert_eq!(m[0].label, "Datadog");
    let m = money_of("Third-party Tools: Sentry ($26/month), Monitoring tools (~$50/month)");
    let got: Vec<(&str, Dec2)> = m.iter().map(|m| (m.label.as_str(), m.lo)).collect();
    assert_eq!(
        got,
        vec![
            ("Sentry", Dec2::from_units(26)),
            ("Monitoring tools", Dec2::from_units(50))
        ]
    );
    let m = money_of("Log storage $1.2k/mo");
    assert_eq!(
        (m[0].kind, m[0].lo),
        (CostKind::Monthly, Dec2::from_units(1200))
    );
    let m = money_of("Pen test $300 one-time");
    assert_eq!(
        (m[0].kind, m[0].lo, m[0].label.as_str()),
        (CostKind::Once, Dec2::from_units(300), "Pen test")
    );
    let m = money_of("License: $1,200/year");
    assert_eq!(
        (m[0].kind, m[0].lo),
        (CostKind::Monthly, Dec2::from_units(100))
    );
    let m = money_of("Total: $2,300-8,500/month");
    assert_eq!(
        (m[0].lo, m[0].hi),
        (Dec2::from_units(2300), Dec2::from_units(8500))
    );
    let m = money_of("Backups €40 per month");
    assert_eq!((m[0].kind, m[0].currency), (CostKind::Monthly, "EUR"));
    assert!(money_of("no money here 50%").is_empty());
}

#[test]
fn phases_and_percentages() {
    let p = phase_head("Phase 1: Critical Infrastructure (Weeks 1-2)").unwrap();
    assert_eq!(
        (p.name.as_str(), p.weeks),
        ("Critical Infrastructure", Some((1, 2)))
    );
    let p = phase_head("Week 3-4:").unwrap();
    assert_eq!(p.weeks, Some((3, 4)));
    let p = phase_head("Phase 2: Important (Week 2)").unwrap();
    assert_eq!((p.name.as_str(), p.weeks), ("Important", Some((2, 2))));
    let p = phase_head("Phase 1: Foundation (2-3 hours)").unwrap();
    assert_eq!(p.weeks, None);
    assert_eq!(p.duration, est(EffortUnit::Hours, 200, 300));
    assert_eq!(phase_head("Month 2 - Scale").unwrap().weeks, Some((5, 8)));
    assert!(phase_head("Phased rollout").is_none());
    assert!(phase_head("Weekly review").is_none());
    assert_eq!(percent_of("**Status:** 85% production-ready"), Some(85));
    assert_eq!(percent_of("nothing"), None);
}
