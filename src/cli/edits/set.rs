//! `gapdeck set`: change status, priority, progress, phase or owner of one gap in one step.

use std::io::Write;
use std::path::PathBuf;

use clap::{ArgGroup, Args};

use super::{Change, edit_file, find_gap};
use crate::cli::exit::{CliError, Exit};
use crate::cli::values::{ProgressArg, parse_priority, parse_progress, parse_status};
use crate::edit::{Edit, GapField};
use crate::plan::{Gap, Plan, Priority, Status};

const EXAMPLES: &str = "\
Examples:
  gapdeck set plans/minimal.ron dr-docs --status done
  gapdeck set plans/minimal.ron monitoring --priority high --owner ops --progress 40
  gapdeck set plans/minimal.ron monitoring --progress auto --no-phase

Values are case-insensitive. Statuses: Missing, Partial, InProgress, Blocked, Done,
Dropped. Priorities: Critical, High, Medium, Low. `--progress auto` derives progress from
the ticked actions. The plan is saved in its canonical form (comments are not kept).";

#[derive(Debug, Args)]
#[command(
    after_help = EXAMPLES,
    override_usage = "gapdeck set PLAN GAP [--status S] [--priority P] [--progress N|auto] \
                      [--phase ID|--no-phase] [--owner NAME|--no-owner]",
    group(ArgGroup::new("change").required(true).multiple(true))
)]
pub struct SetArgs {
    /// Plan file (.ron).
    #[arg(value_name = "PLAN")]
    pub plan: PathBuf,

    /// Id of the gap to change.
    #[arg(value_name = "GAP")]
    pub gap: String,

    /// New status.
    #[arg(long, value_name = "STATUS", value_parser = parse_status, group = "change")]
    pub status: Option<Status>,

    /// New priority.
    #[arg(long, value_name = "PRIORITY", value_parser = parse_priority, group = "change")]
    pub priority: Option<Priority>,

    /// Percent done (0–100), or `auto` to derive it from the ticked actions.
    #[arg(long, value_name = "N|auto", value_parser = parse_progress, group = "change")]
    pub progress: Option<ProgressArg>,

    /// Phase id to move the gap to.
    #[arg(long, value_name = "ID", group = "change", conflicts_with = "no_phase")]
    pub phase: Option<String>,

    /// Take the gap out of its phase (it is scheduled after the last phase).
    #[arg(long, group = "change")]
    pub no_phase: bool,

    /// Team member who must do the gap.
    #[arg(
        long,
        value_name = "NAME",
        group = "change",
        conflicts_with = "no_owner"
    )]
    pub owner: Option<String>,

    /// Let whoever is free first do the gap.
    #[arg(long, group = "change")]
    pub no_owner: bool,
}

impl SetArgs {
    /// The requested field values, in a fixed order.
    fn fields(&self) -> Vec<GapField> {
        let mut f = Vec::new();
        if let Some(s) = self.status {
            f.push(GapField::Status(s));
        }
        if let Some(p) = self.priority {
            f.push(GapField::Priority(p));
        }
        if let Some(p) = self.progress {
            f.push(GapField::Progress(p.as_field()));
        }
        if let Some(p) = &self.phase {
            f.push(GapField::Phase(Some(p.clone())));
        } else if self.no_phase {
            f.push(GapField::Phase(None));
        }
        if let Some(o) = &self.owner {
            f.push(GapField::Owner(Some(o.clone())));
        } else if self.no_owner {
            f.push(GapField::Owner(None));
        }
        f
    }
}

pub fn run(args: &SetArgs, out: &mut dyn Write, err: &mut dyn Write) -> Result<Exit, CliError> {
    edit_file(&args.plan, out, err, |plan: &Plan| {
        let gap = find_gap(plan, &args.gap)?;
        let fields = args.fields();
        let before: Vec<String> = fields.iter().map(|f| show(&plan.gaps[gap], f)).collect();
        let asked = fields.clone();
        let id = args.gap.clone();
        Ok(Change {
            edit: Edit::Batch(
                fields
                    .into_iter()
                    .map(|field| Edit::Set { gap, field })
                    .collect(),
            ),
            describe: Box::new(move |plan: &Plan| {
                let g = &plan.gaps[gap];
                let parts: Vec<String> = asked
                    .iter()
                    .zip(before)
                    .filter_map(|(f, old)| {
                        let new = show(g, f);
                        (new != old).then(|| format!("{} {old} → {new}", name(f)))
                    })
                    .collect();
                format!("{id}: {}", parts.join(", "))
            }),
        })
    })
}

fn name(f: &GapField) -> &'static str {
    match f {
        GapField::Status(_) => "status",
        GapField::Priority(_) => "priority",
        GapField::Progress(_) => "progress",
        GapField::Phase(_) => "phase",
        GapField::Owner(_) => "owner",
        _ => "field",
    }
}

/// The current value in `g` of the field `f` names, for "old → new" messages.
fn show(g: &Gap, f: &GapField) -> String {
    let opt = |v: &Option<String>| v.clone().unwrap_or_else(|| "(none)".to_string());
    match f {
        GapField::Status(_) => g.status.name().to_string(),
        GapField::Priority(_) => g.priority.name().to_string(),
        GapField::Progress(_) => g.progress.map_or("auto".to_string(), |p| format!("{p}%")),
        GapField::Phase(_) => opt(&g.phase),
        GapField::Owner(_) => opt(&g.owner),
        _ => String::new(),
    }
}
