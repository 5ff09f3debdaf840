//! Writing a `Plan` as RON text in one stable, diff-friendly form: one field per line,
//! defaulted fields left out, actions one per line. Saving twice gives identical bytes and
//! `parse(to_ron_string(p))` gives back `p`. Comments of a hand-written file are not kept.

use std::fmt::Write;

use super::model::{Cost, CostKind, EffortUnit, Gap, MonthlyFrom, Phase, Plan, Settings};

const I1: &str = "    ";
const I2: &str = "        ";
const I3: &str = "            ";
const I4: &str = "                ";

/// The plan as RON text, ending in a newline.
pub fn to_ron_string(plan: &Plan) -> String {
    // ~500 bytes per gap is typical; reserving avoids regrowing a 50 MB buffer.
    let mut o = String::with_capacity(1024 + plan.gaps.len() * 512);
    o.push_str("#![enable(implicit_some)]\nPlan(\n");
    field_str(&mut o, I1, "title", &plan.title);
    let _ = writeln!(o, "{I1}start: \"{}\",", plan.start);
    field_str(&mut o, I1, "currency", &plan.currency);
    if plan.settings != Settings::default() {
        let s = &plan.settings;
        let from = match s.monthly_from {
            MonthlyFrom::Start => "Start",
            MonthlyFrom::Finish => "Finish",
        };
        let _ = writeln!(
            o,
            "{I1}settings: (hours_per_day: {}, hours_per_week: {}, monthly_from: {from}),",
            s.hours_per_day, s.hours_per_week
        );
    }
    if !plan.holidays.is_empty() {
        let _ = writeln!(o, "{I1}holidays: [");
        for h in &plan.holidays {
            let _ = writeln!(o, "{I2}\"{h}\",");
        }
        let _ = writeln!(o, "{I1}],");
    }
    costs(&mut o, I1, &plan.costs);
    if !plan.team.is_empty() {
        let _ = writeln!(o, "{I1}team: [");
        for m in &plan.team {
            o.push_str(I2);
            o.push_str("Member(name: ");
            quoted(&mut o, &m.name);
            let _ = writeln!(o, ", hours_per_week: {}),", m.hours_per_week);
        }
        let _ = writeln!(o, "{I1}],");
    }
    if !plan.phases.is_empty() {
        let _ = writeln!(o, "{I1}phases: [");
        for p in &plan.phases {
            phase(&mut o, p);
        }
        let _ = writeln!(o, "{I1}],");
    }
    if !plan.gaps.is_empty() {
        let _ = writeln!(o, "{I1}gaps: [");
        for g in &plan.gaps {
            gap(&mut o, g);
        }
        let _ = writeln!(o, "{I1}],");
    }
    o.push_str(")\n");
    o
}

/// `Phase(id: "p1", name: "…", goal: "…", weeks: (1, 2))` on one line; with costs, one field per line.
fn phase(o: &mut String, p: &Phase) {
    let mut parts: Vec<String> = Vec::with_capacity(4);
    let mut s = String::new();
    quoted(&mut s, &p.id);
    parts.push(format!("id: {s}"));
    let mut s = String::new();
    quoted(&mut s, &p.name);
    parts.push(format!("name: {s}"));
    if let Some(goal) = &p.goal {
        let mut s = String::new();
        quoted(&mut s, goal);
        parts.push(format!("goal: {s}"));
    }
    if let Some((from, to)) = p.weeks {
        parts.push(format!("weeks: ({from}, {to})"));
    }
    if p.costs.is_empty() {
        let _ = writeln!(o, "{I2}Phase({}),", parts.join(", "));
    } else {
        let _ = writeln!(o, "{I2}Phase(");
        for part in parts {
            let _ = writeln!(o, "{I3}{part},");
        }
        costs(o, I3, &p.costs);
        let _ = writeln!(o, "{I2}),");
    }
}

fn gap(o: &mut String, g: &Gap) {
    let _ = writeln!(o, "{I2}Gap(");
    field_str(o, I3, "id", &g.id);
    field_str(o, I3, "title", &g.title);
    opt_str(o, "area", &g.area);
    let _ = writeln!(o, "{I3}priority: {},", g.priority.name());
    let _ = writeln!(o, "{I3}status: {},", g.status.name());
    opt_str(o, "phase", &g.phase);
    if let Some(e) = &g.estimate {
        let unit = match e.unit {
            EffortUnit::Hours => "Hours",
            EffortUnit::Days => "Days",
            EffortUnit::Weeks => "Weeks",
        };
        let _ = writeln!(o, "{I3}estimate: {unit}({}, {}),", e.lo, e.hi);
    }
    if !g.actions.is_empty() {
        let _ = writeln!(o, "{I3}actions: [");
        for a in &g.actions {
            o.push_str(I4);
            // The box is always written so text that itself starts with "[x]" survives.
            let mut text = String::with_capacity(a.text.len() + 4);
            text.push_str(if a.done { "[x] " } else { "[ ] " });
            text.push_str(&a.text);
            quoted(o, &text);
            o.push_str(",\n");
        }
        let _ = writeln!(o, "{I3}],");
    }
    opt_str(o, "impact", &g.impact);
    opt_str(o, "notes", &g.notes);
    costs(o, I3, &g.costs);
    if !g.depends_on.is_empty() {
        let _ = write!(o, "{I3}depends_on: [");
        for (i, d) in g.depends_on.iter().enumerate() {
            if i > 0 {
                o.push_str(", ");
            }
            quoted(o, d);
        }
        o.push_str("],\n");
    }
    opt_str(o, "owner", &g.owner);
    if let Some(p) = g.progress {
        let _ = writeln!(o, "{I3}progress: {p},");
    }
    let _ = writeln!(o, "{I2}),");
}

/// One cost inline; several, one per line.
fn costs(o: &mut String, indent: &str, list: &[Cost]) {
    match list {
        [] => {}
        [c] => {
            let _ = write!(o, "{indent}costs: [");
            cost(o, c);
            o.push_str("],\n");
        }
        _ => {
            let _ = writeln!(o, "{indent}costs: [");
            for c in list {
                let _ = write!(o, "{indent}{I1}");
                cost(o, c);
                o.push_str(",\n");
            }
            let _ = writeln!(o, "{indent}],");
        }
    }
}

fn cost(o: &mut String, c: &Cost) {
    let kind = match c.kind {
        CostKind::Monthly => "Monthly",
        CostKind::Once => "Once",
    };
    let _ = write!(o, "{kind}({}, {}, ", c.lo, c.hi);
    quoted(o, &c.label);
    o.push(')');
}

fn field_str(o: &mut String, indent: &str, key: &str, value: &str) {
    o.push_str(indent);
    o.push_str(key);
    o.push_str(": ");
    quoted(o, value);
    o.push_str(",\n");
}

fn opt_str(o: &mut String, key: &str, value: &Option<String>) {
    if let Some(v) = value {
        field_str(o, I3, key, v);
    }
}

/// A RON string literal: quotes, backslashes and control characters escaped; all other
/// characters (any language, emoji) written as they are.
pub fn quoted(o: &mut String, s: &str) {
    o.reserve(s.len() + 2);
    o.push('"');
    for c in s.chars() {
        match c {
            '"' => o.push_str("\\\""),
            '\\' => o.push_str("\\\\"),
            '\n' => o.push_str("\\n"),
            '\r' => o.push_str("\\r"),
            '\t' => o.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(o, "\\u{{{:x}}}", c as u32);
            }
            c => o.push(c),
        }
    }
    o.push('"');
}
