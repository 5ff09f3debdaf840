//! `gapdeck move`: move a gap one place up or down in the order shown by phase, or next
//! to another gap (joining that gap's phase). Rank order is the order of `gaps` in the file.

use std::io::Write;
use std::path::PathBuf;

use clap::{ArgGroup, Args};

use super::{Change, edit_file, find_gap, refused};
use crate::cli::exit::{CliError, Exit};
use crate::edit::{Direction, Placement, display_order, move_within_phase, relocate};
use crate::plan::Plan;

const EXAMPLES: &str = "\
Examples:
  gapdeck move plans/minimal.ron monitoring --up
  gapdeck move plans/minimal.ron monitoring --before dr-docs

Gaps are ordered by phase (in phase order, unphased last) and by rank within a phase.
--up/--down step past the neighbour in that order, joining the neighbouring phase at a
phase boundary; --before/--after put the gap next to another one, in that gap's phase.";

#[derive(Debug, Args)]
#[command(
    after_help = EXAMPLES,
    override_usage = "gapdeck move PLAN GAP (--up | --down | --before GAP | --after GAP)",
    group(ArgGroup::new("where").required(true).multiple(false))
)]
pub struct MoveArgs {
    /// Plan file (.ron).
    #[arg(value_name = "PLAN")]
    pub plan: PathBuf,

    /// Id of the gap to move.
    #[arg(value_name = "GAP")]
    pub gap: String,

    /// One place up (earlier).
    #[arg(long, group = "where")]
    pub up: bool,

    /// One place down (later).
    #[arg(long, group = "where")]
    pub down: bool,

    /// Right before this gap, in its phase.
    #[arg(long, value_name = "GAP", group = "where")]
    pub before: Option<String>,

    /// Right after this gap, in its phase.
    #[arg(long, value_name = "GAP", group = "where")]
    pub after: Option<String>,
}

/// Where the gap goes, from the mutually exclusive flags.
enum Destination<'a> {
    Step(Direction),
    Next(Placement, &'a str),
}

impl MoveArgs {
    fn destination(&self) -> Destination<'_> {
        match (&self.before, &self.after) {
            (Some(t), _) => Destination::Next(Placement::Before, t),
            (_, Some(t)) => Destination::Next(Placement::After, t),
            _ if self.up => Destination::Step(Direction::Up),
            _ => Destination::Step(Direction::Down),
        }
    }
}

pub fn run(args: &MoveArgs, out: &mut dyn Write, err: &mut dyn Write) -> Result<Exit, CliError> {
    edit_file(&args.plan, out, err, |plan: &Plan| {
        let gap = find_gap(plan, &args.gap)?;
        let edit = match args.destination() {
            Destination::Step(dir) => move_within_phase(plan, gap, dir),
            Destination::Next(place, target) => relocate(plan, gap, find_gap(plan, target)?, place),
        }
        .map_err(refused)?;
        let id = args.gap.clone();
        Ok(Change {
            edit,
            describe: Box::new(move |plan: &Plan| where_now(plan, &id)),
        })
    })
}

/// "monitoring: now 2nd in phase p1, after 'dr-docs', before 'ci'"
fn where_now(plan: &Plan, id: &str) -> String {
    let order = display_order(plan);
    let Some(pos) = order.iter().position(|&i| plan.gaps[i].id == id) else {
        return format!("{id}: moved");
    };
    let phase = plan.gaps[order[pos]].phase.clone();
    let same = |i: &usize| plan.gaps[*i].phase == phase;
    let in_group = order[..pos].iter().rev().take_while(|i| same(i)).count() + 1;
    let place = match &phase {
        Some(p) => format!("phase {p}"),
        None => "the unphased gaps".to_string(),
    };
    let mut s = format!("{id}: now #{in_group} in {place}");
    if let Some(prev) = pos.checked_sub(1).map(|p| order[p]).filter(same) {
        s.push_str(&format!(", after '{}'", plan.gaps[prev].id));
    }
    if let Some(next) = order.get(pos + 1).filter(|i| same(i)) {
        s.push_str(&format!(", before '{}'", plan.gaps[*next].id));
    }
    s
}
