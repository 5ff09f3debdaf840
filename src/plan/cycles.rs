//! Dependency cycles among gaps: one iterative depth-first search (no recursion, O(gaps +
//! dependencies)), reporting each back edge's cycle as `a → b → c → a`.

use super::load_error::visible;
use super::model::Gap;
use super::problem::Problem;

/// At most this many cycles are reported; a plan with more is fixed a few at a time.
const MAX_REPORTED: usize = 20;
/// Cycles longer than this are printed with the middle elided.
const MAX_SHOWN_IDS: usize = 12;

/// Resolved dependency edges of every gap in one flat list (no vector per gap):
/// gap `i`'s edges are `edges[starts[i]..starts[i + 1]]`, each `(j, k)` meaning its
/// `depends_on[k]` names gap `j`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DepGraph {
    starts: Vec<u32>,
    edges: Vec<(u32, u32)>,
}

impl DepGraph {
    pub fn with_capacity(gaps: usize) -> Self {
        let mut starts = Vec::with_capacity(gaps + 1);
        starts.push(0);
        DepGraph {
            starts,
            edges: Vec::new(),
        }
    }

    /// Edges of the gap being added (after the last `finish_gap`).
    pub fn current(&self) -> &[(u32, u32)] {
        let from = self.starts.last().copied().unwrap_or(0) as usize;
        &self.edges[from..]
    }

    pub fn push_edge(&mut self, to: usize, dep: usize) {
        self.edges.push((to as u32, dep as u32));
    }

    /// Closes the current gap's edge list; call once per gap, in order.
    pub fn finish_gap(&mut self) {
        self.starts.push(self.edges.len() as u32);
    }

    pub fn of(&self, gap: usize) -> &[(u32, u32)] {
        &self.edges[self.starts[gap] as usize..self.starts[gap + 1] as usize]
    }

    /// Number of gaps added.
    pub fn gap_count(&self) -> usize {
        self.starts.len().saturating_sub(1)
    }
}

/// Cycles among `gaps` along `deps` (built for exactly these gaps).
pub fn find_cycles(gaps: &[Gap], deps: &DepGraph) -> Vec<Problem> {
    const WHITE: u8 = 0;
    const GRAY: u8 = 1;
    const BLACK: u8 = 2;
    let n = deps.gap_count().min(gaps.len());
    let mut problems = Vec::new();
    if deps.edges.is_empty() {
        return problems;
    }
    let mut color = vec![WHITE; n];
    // Position of each gray gap on the DFS stack, to cut a cycle out in O(its length).
    let mut on_stack_at = vec![u32::MAX; n];
    let mut stack: Vec<(usize, usize)> = Vec::new(); // (gap, next edge to look at)
    for root in 0..n {
        if color[root] != WHITE {
            continue;
        }
        color[root] = GRAY;
        on_stack_at[root] = 0;
        stack.push((root, 0));
        while let Some(&mut (u, ref mut next)) = stack.last_mut() {
            if let Some(&(v, k)) = deps.of(u).get(*next) {
                *next += 1;
                let v = v as usize;
                match color[v] {
                    WHITE => {
                        color[v] = GRAY;
                        on_stack_at[v] = stack.len() as u32;
                        stack.push((v, 0));
                    }
                    GRAY if problems.len() < MAX_REPORTED => {
                        let ids: Vec<&str> = stack[on_stack_at[v] as usize..]
                            .iter()
                            .map(|&(g, _)| gaps[g].id.as_str())
                            .collect();
                        problems.push(cycle_problem(u, k as usize, &ids));
                    }
                    _ => {}
                }
            } else {
                color[u] = BLACK;
                stack.pop();
            }
        }
    }
    problems
}

fn cycle_problem(gap: usize, dep: usize, ids: &[&str]) -> Problem {
    let mut shown: Vec<String> = Vec::with_capacity(MAX_SHOWN_IDS + 2);
    if ids.len() <= MAX_SHOWN_IDS {
        shown.extend(ids.iter().map(|s| visible(s).into_owned()));
    } else {
        let half = MAX_SHOWN_IDS / 2;
        shown.extend(ids[..half].iter().map(|s| visible(s).into_owned()));
        shown.push(format!("… ({} more)", ids.len() - 2 * half));
        shown.extend(
            ids[ids.len() - half..]
                .iter()
                .map(|s| visible(s).into_owned()),
        );
    }
    shown.push(visible(ids[0]).into_owned());
    let message = if ids.len() == 1 {
        format!("gap '{}' depends on itself", shown[0])
    } else {
        format!("dependency cycle: {}", shown.join(" → "))
    };
    Problem::error(format!("gaps[{gap}].depends_on[{dep}]"), message)
        .with_fix("remove one dependency of the cycle")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gaps(n: usize) -> Vec<Gap> {
        (0..n).map(|i| Gap::new(format!("g{i}"), "t")).collect()
    }

    fn graph(lists: &[Vec<(usize, usize)>]) -> DepGraph {
        let mut g = DepGraph::with_capacity(lists.len());
        for list in lists {
            for &(j, k) in list {
                g.push_edge(j, k);
            }
            g.finish_gap();
        }
        g
    }

    #[test]
    fn prints_the_cycle_in_dependency_order() {
        // g0 → g1 → g2 → g0, and g3 → g0 outside the cycle.
        let deps = graph(&[vec![(1, 0)], vec![(2, 0)], vec![(0, 0)], vec![(0, 0)]]);
        let p = find_cycles(&gaps(4), &deps);
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].message, "dependency cycle: g0 → g1 → g2 → g0");
        assert_eq!(p[0].path, "gaps[2].depends_on[0]");
    }

    #[test]
    fn self_dependency_and_acyclic() {
        let p = find_cycles(&gaps(2), &graph(&[vec![(0, 0)], vec![]]));
        assert_eq!(p[0].message, "gap 'g0' depends on itself");
        let acyclic = graph(&[vec![(1, 0), (2, 1)], vec![(2, 0)], vec![]]);
        assert_eq!(acyclic.of(0), &[(1, 0), (2, 1)]);
        assert!(find_cycles(&gaps(3), &acyclic).is_empty());
    }

    #[test]
    fn a_100k_long_chain_does_not_recurse() {
        let n = 100_000;
        let mut lists: Vec<Vec<(usize, usize)>> = (0..n).map(|i| vec![((i + 1) % n, 0)]).collect();
        let p = find_cycles(&gaps(n), &graph(&lists));
        assert_eq!(p.len(), 1);
        assert!(p[0].message.contains("(99988 more)"), "{}", p[0].message);
        lists[n - 1].clear();
        assert!(find_cycles(&gaps(n), &graph(&lists)).is_empty());
    }
}
