//! Where a gap sits: the plan title, the priority of the section around a gap, and its
//! area (the enclosing topic group, else a topic word in its title).

use crate::plan::Priority;

use super::log::Found;
use super::outline::{Head, Role};
use super::recog::priority_of;
use super::text::{clean_title, contains_any, split_parens, strip_markers};

pub fn text_title(heads: &[Head]) -> String {
    heads
        .iter()
        .find(|h| h.role == Role::Title)
        .map(|h| clean_title(&h.text))
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| "Imported plan".to_string())
}

pub fn context_priority(heads: &[Head], hi: usize) -> Option<(Priority, Found)> {
    let mut cur = heads[hi].parent;
    while let Some(i) = cur {
        if let Some(p) = priority_of(&heads[i].text) {
            let f = Found {
                what: strip_markers(&heads[i].text),
                from: "section heading".into(),
                line: heads[i].line,
            };
            return Some((p, f));
        }
        cur = heads[i].parent;
    }
    None
}

/// Area: the nearest enclosing group that names a topic rather than a priority, else a
/// topic word in the title.
pub fn area_of(heads: &[Head], hi: usize, title: &str) -> Option<String> {
    let mut cur = heads[hi].parent;
    while let Some(i) = cur {
        let h = &heads[i];
        let (bare, _) = split_parens(&strip_markers(&h.text));
        if h.role != Role::Title
            && priority_of(&bare).is_none()
            && h.parent.is_some_and(|p| heads[p].context == Role::Gaps)
        {
            let t = clean_title(&bare);
            let t = t
                .trim_end_matches(" Issues")
                .trim_end_matches(" Gaps")
                .to_string();
            if !t.is_empty() {
                return Some(t);
            }
        }
        cur = h.parent;
    }
    const TOPICS: &[(&[&str], &str)] = &[
        (
            &[
                "secur",
                "auth",
                "secret",
                "cors",
                "ddos",
                "ssl",
                "tls",
                "vulnerab",
                "rbac",
                "permission",
            ],
            "Security",
        ),
        (
            &["privacy", "gdpr", "complian", "legal", "polic"],
            "Compliance",
        ),
        (
            &[
                "monitor", "logging", "observab", "alert", "tracing", "error",
            ],
            "Observability",
        ),
        (
            &["disaster", "recovery", "backup", "failover"],
            "Reliability",
        ),
        (&["database", "migration", "redis", "cache", "data"], "Data"),
        (&["test", "qa", "quality"], "Testing"),
        (
            &["document", "docs", "runbook", "knowledge"],
            "Documentation",
        ),
        (
            &[
                "deploy",
                "ci/cd",
                "pipeline",
                "docker",
                "infrastructure",
                "environment",
                "load balanc",
                "cdn",
                "rate limit",
            ],
            "Infrastructure",
        ),
        (
            &["performance", "scal", "load", "capacity", "optimi"],
            "Performance",
        ),
        (&["cost", "analytics", "business"], "Business"),
    ];
    let l = title.to_lowercase();
    TOPICS
        .iter()
        .find(|(ws, _)| contains_any(&l, ws))
        .map(|(_, a)| a.to_string())
}
