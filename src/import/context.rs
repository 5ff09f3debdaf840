//! Where a gap sits: the plan title, the priority of the section around a gap, and its
//! area (the enclosing topic group, else a topic word in its title).

use std::sync::OnceLock;

use crate::plan::Priority;

use super::log::Found;
use super::outline::{Head, Role};
use super::recog::priority_of;
use super::search::WordSet;
use super::text::{clean_title, split_parens, strip_markers};

pub fn text_title(heads: &[Head]) -> String {
    heads
        .iter()
        .find(|h| h.role == Role::Title)
        .map(|h| clean_title(&h.text))
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| "Imported plan".to_string())
}

/// The section priority and area of gaps, remembered per parent heading: every gap
/// under the same group would otherwise walk the same ancestors again.
pub struct Around<'a> {
    heads: &'a [Head],
    priority: Vec<Option<Option<(Priority, Found)>>>,
    group_area: Vec<Option<Option<String>>>,
}

impl<'a> Around<'a> {
    pub fn new(heads: &'a [Head]) -> Self {
        Around {
            heads,
            priority: vec![None; heads.len()],
            group_area: vec![None; heads.len()],
        }
    }

    pub fn heads(&self) -> &'a [Head] {
        self.heads
    }

    /// The priority of the nearest enclosing heading that states one.
    pub fn priority(&mut self, hi: usize) -> Option<(Priority, Found)> {
        let p = self.heads[hi].parent?;
        let heads = self.heads;
        self.priority[p]
            .get_or_insert_with(|| priority_from(heads, p))
            .clone()
    }

    /// Area: the nearest enclosing group that names a topic rather than a priority, else
    /// a topic word in the title.
    pub fn area(&mut self, hi: usize, title: &str) -> Option<String> {
        let heads = self.heads;
        let group = heads[hi].parent.and_then(|p| {
            self.group_area[p]
                .get_or_insert_with(|| group_area(heads, p))
                .clone()
        });
        group.or_else(|| topic_area(title))
    }
}

/// The first priority stated by heading `from` or its ancestors.
fn priority_from(heads: &[Head], from: usize) -> Option<(Priority, Found)> {
    let mut cur = Some(from);
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

/// The nearest group at or above heading `from` that names a topic.
fn group_area(heads: &[Head], from: usize) -> Option<String> {
    let mut cur = Some(from);
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
    None
}

/// A topic word in a gap title ("secrets" → Security).
fn topic_area(title: &str) -> Option<String> {
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
    // Every topic word in one pass; the first topic with a word found wins.
    static WORDS: OnceLock<WordSet> = OnceLock::new();
    let words = WORDS.get_or_init(|| {
        let all: Vec<&str> = TOPICS
            .iter()
            .flat_map(|(ws, _)| ws.iter().copied())
            .collect();
        WordSet::new(&all)
    });
    let found = words.found_in(&title.to_lowercase());
    let mut at = 0;
    TOPICS
        .iter()
        .find(|(ws, _)| {
            let bits = ((1u64 << ws.len()) - 1) << at;
            at += ws.len();
            found & bits != 0
        })
        .map(|(_, a)| a.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::blocks::parse;
    use crate::import::outline::outline;

    #[test]
    fn siblings_share_the_remembered_group_answers() {
        let md = "# R\n## Gaps\n### 🔴 Critical\n#### Security Issues\n##### 1. Secrets\n##### 2. Backups\n### 3. Disaster recovery\n";
        let heads = outline(&parse(md));
        let mut around = Around::new(&heads);
        let at = |t: &str| heads.iter().position(|h| h.text.contains(t)).unwrap();
        for title in ["Secrets", "Backups"] {
            // Asked twice: the second answer comes from the memo and must not differ.
            for _ in 0..2 {
                assert_eq!(around.area(at(title), title).as_deref(), Some("Security"));
                let (p, f) = around.priority(at(title)).unwrap();
                assert_eq!((p, f.line), (Priority::Critical, 3));
            }
        }
        let dr = at("Disaster");
        assert_eq!(around.priority(dr), None);
        // No topic group above it: the area comes from a word in its own title.
        assert_eq!(
            around.area(dr, "Disaster recovery").as_deref(),
            Some("Reliability")
        );
    }
}
