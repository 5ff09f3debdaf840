//! Markdown import: the three seed reports imported and checked field by field, synthetic
//! variants of each pattern and mojibake family, and a no-panic property test.

use gapdeck::import::log::Verdict;
use gapdeck::import::{Existing, ImportError, ImportOptions, Imported, import_markdown, mojibake};
use gapdeck::plan::{CostKind, Dec2, EffortUnit, Plan, Priority, Status};
use proptest::prelude::*;

type Weeks = Option<(u32, u32)>;

fn opts() -> ImportOptions {
    ImportOptions::new(jiff::civil::date(2026, 1, 5))
}

fn seed(name: &str) -> Imported {
    let path = format!("{}/tests/fixtures/seeds/{name}", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(&path).expect("seed fixture");
    import_markdown(&bytes, &opts()).expect("seed imports")
}

fn md(text: &str) -> Imported {
    import_markdown(text.as_bytes(), &opts()).expect("imports")
}

fn assert_clean(imp: &Imported) {
    for g in &imp.plan.gaps {
        let texts = std::iter::once(g.title.as_str())
            .chain(g.actions.iter().map(|a| a.text.as_str()))
            .chain(g.notes.as_deref())
            .chain(g.impact.as_deref());
        for t in texts {
            assert!(!mojibake::has_mojibake(t), "mojibake in {}: {t:?}", g.id);
        }
    }
}

#[test]
fn process_gaps_seed() {
    use Priority::*;
    let imp = seed("process-gaps.md");
    let p = &imp.plan;
    let got: Vec<(&str, Priority, Status, Option<&str>)> = p
        .gaps
        .iter()
        .map(|g| (g.title.as_str(), g.priority, g.status, g.phase.as_deref()))
        .collect();
    assert_eq!(
        got,
        vec![
            (
                "Disaster Recovery Documentation",
                Critical,
                Status::Missing,
                Some("p1")
            ),
            (
                "Advanced Secrets Management",
                Critical,
                Status::Partial,
                Some("p1")
            ),
            (
                "Production Monitoring & Alerting",
                Critical,
                Status::Partial,
                Some("p1")
            ),
            (
                "API Documentation & Standards",
                High,
                Status::Partial,
                Some("p2")
            ),
            (
                "Load Testing & Capacity Planning",
                High,
                Status::Partial,
                Some("p3")
            ),
            (
                "Security Scanning & Compliance",
                High,
                Status::Partial,
                Some("p2")
            ),
            (
                "Advanced Analytics & Business Intelligence",
                Medium,
                Status::Partial,
                Some("p3")
            ),
            (
                "Team Collaboration & Knowledge Management",
                Medium,
                Status::Partial,
                Some("p4")
            ),
        ]
    );
    let phases: Vec<(&str, &str, Weeks)> = p
        .phases
        .iter()
        .map(|ph| (ph.id.as_str(), ph.name.as_str(), ph.weeks))
        .collect();
    assert_eq!(
        phases,
        vec![
            ("p1", "Critical Infrastructure", Some((1, 2))),
            ("p2", "API & Security", Some((3, 6))),
            ("p3", "Performance & Analytics", Some((7, 10))),
            ("p4", "Team & Process", Some((11, 12))),
        ]
    );
    assert_eq!(
        p.phases[0].goal.as_deref(),
        Some("Address business-critical gaps")
    );
    // ✅ lines are done actions; "Required Actions" are open ones.
    let secrets = &p.gaps[1];
    assert_eq!(secrets.id, "advanced-secrets-management");
    assert_eq!(secrets.actions.len(), 5);
    assert_eq!(secrets.actions.iter().filter(|a| a.done).count(), 1);
    assert!(
        secrets
            .notes
            .as_deref()
            .unwrap()
            .contains("No rotation strategy for API keys")
    );
    // The two priced tools attach to the monitoring gap.
    let mon = &p.gaps[2];
    let costs: Vec<(CostKind, Dec2, &str)> = mon
        .costs
        .iter()
        .map(|c| (c.kind, c.lo, c.label.as_str()))
        .collect();
    assert_eq!(
        costs,
        vec![
            (CostKind::Monthly, Dec2::from_units(26), "Sentry"),
            (CostKind::Monthly, Dec2::from_units(50), "Monitoring tools"),
        ]
    );
    assert!(p.gaps.iter().all(|g| g.estimate.is_none()));
    assert!(p.costs.is_empty());
    // Stated readiness (80%) is checked against the plan and reported.
    assert!(
        imp.log
            .disagreements()
            .any(|t| t.what == "readiness" && t.stated == "80%")
    );
    assert!(
        imp.log
            .totals
            .iter()
            .any(|t| t.what == "total effort" && t.stated.starts_with("40 hours"))
    );
    assert_clean(&imp);
}

#[test]
fn production_readiness_seed() {
    use Priority::*;
    let imp = seed("production-readiness.md");
    let p = &imp.plan;
    assert_eq!(p.title, "Production Readiness Gap Analysis");
    assert_eq!(p.gaps.len(), 15);
    let titles: Vec<&str> = p.gaps.iter().map(|g| g.title.as_str()).collect();
    assert_eq!(titles[0], "Environment Variables Complete Setup");
    assert_eq!(titles[13], "CI/CD Pipeline");
    assert_eq!(p.gaps[13].id, "ci-cd-pipeline");
    // The priority matrix decides over Impact lines.
    let pr: Vec<Priority> = p.gaps.iter().map(|g| g.priority).collect();
    assert_eq!(
        &pr[..8],
        &[
            Critical, Critical, Critical, Critical, High, Critical, Critical, Low
        ]
    );
    assert_eq!(pr[12], Low); // performance: NICE TO HAVE
    assert_eq!(pr[10], High); // GDPR: SHOULD FIX
    assert_eq!(pr[11], Critical); // backups: MUST FIX
    let st: Vec<Status> = p.gaps.iter().map(|g| g.status).collect();
    assert_eq!(st[0], Status::Partial);
    assert_eq!(st[4], Status::Missing); // "Not implemented"
    assert_eq!(st[7], Status::Partial); // "E2E exists, but others missing"
    assert_eq!(st[14], Status::Partial); // "Docker Compose exists (local only)"
    assert_eq!(
        p.gaps[0].impact.as_deref(),
        Some("HIGH - App won't run properly without this")
    );
    assert_eq!(p.gaps[0].actions.len(), 7);
    // Five session phases with stated durations and no week window.
    let names: Vec<&str> = p.phases.iter().map(|ph| ph.name.as_str()).collect();
    assert_eq!(
        names,
        vec![
            "Foundation",
            "Security",
            "Observability",
            "Documentation",
            "Data & Recovery"
        ]
    );
    assert!(p.phases.iter().all(|ph| ph.weeks.is_none()));
    assert_eq!(p.gaps[4].phase.as_deref(), Some("p1")); // rate limiting
    assert_eq!(p.gaps[11].phase.as_deref(), Some("p5")); // backups
    assert_eq!(p.gaps[1].phase, None); // migrations: in no phase
    // Gaps a phase names get a share of its stated hours.
    let rl = p.gaps[4].estimate.unwrap();
    assert_eq!(
        (rl.unit, rl.lo, rl.hi),
        (
            EffortUnit::Hours,
            Dec2::from_hundredths(40),
            Dec2::from_hundredths(60)
        )
    );
    assert!(p.gaps[1].estimate.is_none());
    assert!(p.gaps.iter().all(|g| g.costs.is_empty()));
    // "Total time: 8-10 hours" and "85% production-ready" are cross-checked.
    let effort = imp
        .log
        .totals
        .iter()
        .find(|t| t.what == "total effort")
        .unwrap();
    assert!(effort.stated.starts_with("8-10 hours"));
    assert!(
        imp.log
            .disagreements()
            .any(|t| t.what == "readiness" && t.stated == "85%")
    );
    assert!(imp.log.source.iter().any(|s| s.contains("windows-1252")));
    assert_clean(&imp);
}

#[test]
fn whats_missing_seed() {
    use Priority::*;
    let imp = seed("whats-missing.md");
    let p = &imp.plan;
    assert_eq!(p.gaps.len(), 14);
    let pr: Vec<Priority> = p.gaps.iter().map(|g| g.priority).collect();
    assert_eq!(
        pr,
        vec![
            Critical, Critical, Critical, Critical, Critical, High, High, High, Medium, Medium,
            Low, Low, Low, Low
        ]
    );
    let st: Vec<Status> = p.gaps.iter().map(|g| g.status).collect();
    use Status::*;
    assert_eq!(
        st,
        vec![
            Missing, Partial, Missing, Missing, Partial, Missing, Missing, Partial, Missing,
            Partial, Partial, Partial, Missing, Missing
        ]
    );
    assert_eq!(p.gaps[3].title, "SSL/TLS Certificates");
    assert_eq!(p.gaps[3].phase.as_deref(), Some("p2"));
    assert_eq!(p.gaps[0].phase.as_deref(), Some("p1"));
    assert_eq!(p.gaps[13].phase, None);
    let phases: Vec<(&str, Weeks, Option<&str>)> = p
        .phases
        .iter()
        .map(|ph| (ph.name.as_str(), ph.weeks, ph.goal.as_deref()))
        .collect();
    assert_eq!(
        phases,
        vec![
            (
                "Core Application Deployment",
                Some((1, 1)),
                Some("Working application on Azure")
            ),
            (
                "Production Hardening",
                Some((2, 2)),
                Some("Production-grade deployment")
            ),
            (
                "Operational Excellence",
                Some((3, 3)),
                Some("Fully operational system")
            ),
        ]
    );
    assert!(
        p.gaps
            .iter()
            .all(|g| g.actions.len() >= 4 && g.estimate.is_none() && g.costs.is_empty())
    );
    // The matrix disagrees with six gaps' own Priority lines: flagged for review.
    let flagged = imp
        .log
        .gaps
        .iter()
        .filter(|g| g.review.iter().any(|r| r.contains("priority matrix")))
        .count();
    assert_eq!(flagged, 6);
    assert!(imp.log.source.iter().any(|s| s.contains("windows-1254")));
    assert_clean(&imp);
    // "What we have" parts become Done gaps only on request.
    let mut o = opts();
    o.existing = Existing::AsDoneGaps;
    let path = format!(
        "{}/tests/fixtures/seeds/whats-missing.md",
        env!("CARGO_MANIFEST_DIR")
    );
    let all = import_markdown(&std::fs::read(path).unwrap(), &o).unwrap();
    assert!(all.plan.gaps.len() > 14);
    assert_eq!(all.plan.gaps[0].status, Status::Done);
}

#[test]
fn synthetic_report_with_every_pattern() {
    let imp = md(
        "# Launch review\n\nReadiness 50%\n\n## Gaps\n\n### 1. **Backups** (1-2 days)\n**Priority:** High\n**Status:** In progress\n- [x] pick tool\n- [ ] restore drill\n**Cost:** $1.2k/mo\n\n### 2. Pen test\nNot implemented\n**Estimate:** ~40 hours\n- Hire firm for $300 one-time\n\n### 3. Backups\n**Impact:** LOW - nice\n\n## Roadmap\n\nWeek 1-2:\n- Backup restore drill\n\nWeek 3-4:\n- Pen test by external firm\n\n## Costs\n- Datadog: $500-1,500/month\n\n**Total:** $2,300-8,500/month\n**Total time:** 8-10 hours\n",
    );
    let p = &imp.plan;
    let ids: Vec<&str> = p.gaps.iter().map(|g| g.id.as_str()).collect();
    assert_eq!(ids, vec!["backups", "pen-test", "backups-2"]);
    let b = &p.gaps[0];
    assert_eq!((b.priority, b.status), (Priority::High, Status::InProgress));
    let e = b.estimate.unwrap();
    assert_eq!(
        (e.unit, e.lo, e.hi),
        (EffortUnit::Days, Dec2::from_units(1), Dec2::from_units(2))
    );
    assert_eq!(b.costs[0].lo, Dec2::from_units(1200));
    assert_eq!(b.costs[0].kind, CostKind::Monthly);
    let pen = &p.gaps[1];
    assert_eq!(pen.status, Status::Missing);
    assert_eq!(pen.estimate.unwrap().lo, Dec2::from_units(40));
    assert_eq!(
        (pen.costs[0].kind, pen.costs[0].lo),
        (CostKind::Once, Dec2::from_units(300))
    );
    assert_eq!(p.gaps[2].priority, Priority::Low);
    assert_eq!(p.phases.len(), 2);
    assert_eq!(p.phases[1].weeks, Some((3, 4)));
    assert_eq!(pen.phase.as_deref(), Some("p2"));
    // Datadog names no gap: kept as a plan-level line, not dropped.
    assert_eq!(p.costs.len(), 1);
    assert_eq!(
        (p.costs[0].lo, p.costs[0].hi),
        (Dec2::from_units(500), Dec2::from_units(1500))
    );
    let cost_total = imp
        .log
        .totals
        .iter()
        .find(|t| t.what == "monthly cost total")
        .unwrap();
    assert_eq!(cost_total.stated, "2300-8500");
    assert!(cost_total.computed.starts_with("1700-2700"));
    assert!(imp.log.disagreements().count() >= 2);
    let text = imp.log.to_string();
    assert!(text.contains("DISAGREES"));
    assert!(text.contains("priority rule"));
}

#[test]
fn mojibake_families_import_clean() {
    for enc in [
        encoding_rs::WINDOWS_1252,
        encoding_rs::WINDOWS_1254,
        encoding_rs::MACINTOSH,
    ] {
        let good = "# Report\n## 🔴 Critical Gaps\n### 1. ❌ Backups — “nightly”\n**Status:** ⚠️ Partial\n- ✅ Snapshot script\n- ❌ Restore test\n";
        let bad = enc
            .decode_without_bom_handling(good.as_bytes())
            .0
            .into_owned();
        let imp = md(&bad);
        let g = &imp.plan.gaps[0];
        assert_eq!(g.title, "Backups — “nightly”", "via {}", enc.name());
        assert_eq!(
            (g.priority, g.status),
            (Priority::Critical, Status::Partial)
        );
        assert_eq!(g.actions.len(), 2);
        assert!(g.actions[0].done && !g.actions[1].done);
        assert_clean(&imp);
    }
}

#[test]
fn bad_inputs_fail_cleanly() {
    assert_eq!(import_markdown(b"", &opts()), Err(ImportError::Empty));
    assert!(matches!(
        import_markdown(b"\x7fELF\x02\x01\x00\x00", &opts()),
        Err(ImportError::Binary { .. })
    ));
    let huge = vec![b'x'; 5_000_000];
    let t = std::time::Instant::now();
    assert!(matches!(
        import_markdown(&huge, &opts()),
        Err(ImportError::LineTooLong { line: 1, .. })
    ));
    assert!(t.elapsed().as_secs() < 2);
    let err = import_markdown(b"just some prose\nwith no headings\n", &opts()).unwrap_err();
    assert!(err.to_string().contains("no gaps found"));
    // Legacy single-byte files decode as Windows-1252.
    let imp = import_markdown(b"# R\n## Gaps\n### 1. Caf\xe9 backups\n", &opts()).unwrap();
    assert_eq!(imp.plan.gaps[0].title, "Café backups");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    #[test]
    fn import_never_panics_on_text(s in "(#{0,4} ?[0-9]?\\.? ?[a-zA-Z🔴✅❌ðŸâœ$%:*\\-\\[\\]() ]{0,40}\n){0,30}") {
        let _ = import_markdown(s.as_bytes(), &opts());
    }

    #[test]
    fn import_never_panics_on_bytes(b in proptest::collection::vec(any::<u8>(), 0..2000)) {
        let _ = import_markdown(&b, &opts());
    }
}

#[test]
fn imported_seeds_round_trip_through_the_plan_file_with_no_errors() {
    for name in [
        "process-gaps.md",
        "production-readiness.md",
        "whats-missing.md",
    ] {
        let imp = seed(name);
        let text = gapdeck::plan::to_ron_string(&imp.plan);
        let loaded = gapdeck::plan::parse(&text).expect("parses");
        let errors: Vec<String> = loaded
            .problems
            .iter()
            .filter(|p| p.is_error())
            .map(|p| p.to_string())
            .collect();
        assert!(errors.is_empty(), "{name}: {errors:?}");
        assert_eq!(
            loaded.plan, imp.plan,
            "{name} survives a save/load round trip"
        );
    }
}

fn fixture(name: &str) -> Imported {
    let path = format!(
        "{}/tests/fixtures/import/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    import_markdown(&std::fs::read(path).expect("fixture"), &opts()).expect("imports")
}

/// Each gap's title, priority and status, in rank order.
fn triage(p: &Plan) -> Vec<(&str, Priority, Status)> {
    p.gaps
        .iter()
        .map(|g| (g.title.as_str(), g.priority, g.status))
        .collect()
}

#[test]
fn gaps_as_table_rows_with_cost_summary_and_window_phases() {
    let imp = fixture("table-report.md");
    let p = &imp.plan;
    let got = triage(p);
    assert_eq!(
        got,
        vec![
            ("Centralized logging", Priority::High, Status::Missing),
            ("Secrets rotation", Priority::Critical, Status::Partial),
            ("Load testing", Priority::Medium, Status::Missing),
        ]
    );
    assert_eq!(p.gaps[2].estimate.unwrap().unit, EffortUnit::Weeks);
    // "Immediate (Week 1)" / "Short-term (Weeks 2-4)" are phases with windows.
    let phases: Vec<(&str, Weeks)> = p
        .phases
        .iter()
        .map(|ph| (ph.name.as_str(), ph.weeks))
        .collect();
    assert_eq!(
        phases,
        vec![("Immediate", Some((1, 1))), ("Short-term", Some((2, 4)))]
    );
    assert_eq!(p.gaps[1].phase.as_deref(), Some("p1"));
    // The cost summary restates the gaps' own lines; the pen test is plan-level.
    assert_eq!(p.gaps[0].costs.len(), 1);
    assert_eq!(p.costs.len(), 1);
    assert_eq!(
        (p.costs[0].kind, p.costs[0].label.as_str()),
        (CostKind::Once, "Pen test")
    );
    let verdicts: Vec<(&str, Verdict)> =
        imp.log.totals.iter().map(|t| (t.what, t.verdict)).collect();
    assert_eq!(
        verdicts,
        vec![
            ("readiness", Verdict::Disagrees),
            ("monthly cost total", Verdict::Agrees),
            ("one-time cost total", Verdict::Agrees),
        ]
    );
}

#[test]
fn gaps_as_bullets_under_priority_headings_and_sprints() {
    let imp = fixture("bullet-report.md");
    let p = &imp.plan;
    let got = triage(p);
    assert_eq!(
        got,
        vec![
            ("Backups", Priority::Critical, Status::Missing),
            ("Monitoring", Priority::Critical, Status::Missing),
            ("Dark mode", Priority::Low, Status::Missing),
            ("Favicon", Priority::Low, Status::Done),
        ]
    );
    assert_eq!(p.gaps[1].costs[0].label, "Monitoring");
    // Sprints of stated length follow each other; their length is not effort.
    let weeks: Vec<Weeks> = p.phases.iter().map(|ph| ph.weeks).collect();
    assert_eq!(weeks, vec![Some((1, 2)), Some((3, 4))]);
    assert!(p.gaps[1].estimate.is_none());
    let effort = imp
        .log
        .totals
        .iter()
        .find(|t| t.what == "total effort")
        .unwrap();
    assert_eq!(effort.verdict, Verdict::Disagrees);
    assert!(effort.computed.starts_with("16-24 hours from 1 of 4"));
}

#[test]
fn numbered_categories_with_sub_gaps() {
    let imp = fixture("nested-findings.md");
    let p = &imp.plan;
    let titles: Vec<&str> = p.gaps.iter().map(|g| g.title.as_str()).collect();
    assert_eq!(
        titles,
        vec![
            "Secrets in repository",
            "No MFA for admins",
            "Single database instance"
        ]
    );
    assert_eq!(p.gaps[0].area.as_deref(), Some("Security & Compliance"));
    assert_eq!(p.gaps[0].priority, Priority::Critical);
    assert_eq!(
        p.gaps[0].actions[0].text,
        "Move secrets to a vault and rotate them."
    );
    assert_eq!(p.gaps[1].priority, Priority::High);
    assert_eq!(p.gaps[1].actions.len(), 2);
    let db = &p.gaps[2];
    assert_eq!((db.priority, db.status), (Priority::High, Status::Partial));
    assert_eq!(
        (db.costs[0].lo, db.costs[0].hi),
        (Dec2::from_units(300), Dec2::from_units(500))
    );
    assert_eq!(db.area.as_deref(), Some("Reliability"));
}

#[test]
fn large_reports_import_in_linear_time() {
    let mut md = String::from("# Big\n## Gaps\n");
    let n = 10_000;
    for i in 0..n {
        md.push_str(&format!(
            "### {i}. Gap number {i} widget{i}\n**Status:** Partial\n**Effort:** 2-3 hours\n- [ ] fix widget{i}\n- cost $5/month\n"
        ));
    }
    md.push_str("## Roadmap\n### Phase 1: All (Weeks 1-4)\n");
    for i in 0..n {
        md.push_str(&format!("- Fix widget{i}\n"));
    }
    let t = std::time::Instant::now();
    let imp = md_big(&md);
    assert_eq!(imp.plan.gaps.len(), n);
    assert!(
        imp.plan
            .gaps
            .iter()
            .all(|g| g.phase.as_deref() == Some("p1"))
    );
    assert!(t.elapsed().as_secs() < 20, "took {:?}", t.elapsed());
}

fn md_big(text: &str) -> Imported {
    import_markdown(text.as_bytes(), &opts()).expect("imports")
}

#[test]
fn costs_under_a_topic_heading_attach_to_that_topic_and_totals_agree() {
    let imp = fixture("cost-categories.md");
    let p = &imp.plan;
    assert_eq!(p.gaps[0].costs.len(), 1);
    assert_eq!(p.gaps[0].costs[0].label, "Datadog");
    assert_eq!(p.costs.len(), 1);
    assert_eq!(p.costs[0].label, "Misc");
    let t = &imp.log.totals[0];
    assert_eq!((t.what, t.verdict), ("monthly cost total", Verdict::Agrees));
    assert!(
        imp.log
            .costs
            .iter()
            .any(|c| c.contains("it sits under 'Observability'"))
    );
}

#[test]
fn a_checklist_alone_becomes_the_gaps() {
    let imp = fixture("checklist-only.md");
    let got = triage(&imp.plan);
    assert_eq!(
        got,
        vec![
            ("TLS everywhere", Priority::High, Status::Done),
            ("Backups tested", Priority::High, Status::Missing),
            ("Alerting on error rate", Priority::High, Status::Missing),
            ("Chaos testing", Priority::Medium, Status::Missing),
        ]
    );
    assert!(
        imp.log
            .skipped
            .iter()
            .any(|s| s.why.contains("checklist item imported"))
    );
}

#[test]
fn what_we_have_parts_import_as_done_gaps_on_request() {
    let path = format!(
        "{}/tests/fixtures/seeds/process-gaps.md",
        env!("CARGO_MANIFEST_DIR")
    );
    let mut o = opts();
    o.existing = Existing::AsDoneGaps;
    let imp = import_markdown(&std::fs::read(path).unwrap(), &o).unwrap();
    let done: Vec<&str> = imp
        .plan
        .gaps
        .iter()
        .filter(|g| g.status == Status::Done)
        .map(|g| g.title.as_str())
        .collect();
    assert_eq!(done.len(), 7);
    assert_eq!(done[0], "CI/CD & Deployment");
    assert_eq!(imp.plan.gaps.len(), 15);
    let cicd = &imp.plan.gaps[0];
    assert_eq!(cicd.actions.len(), 5);
    assert!(cicd.actions.iter().all(|a| a.done));
}
