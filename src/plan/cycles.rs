//! Dependency cycles among gaps: one iterative depth-first search (no recursion, O(gaps +
//! dependencies)), reporting each back edge's cycle as `a → b → c → a`.

use super::load_error::visible;
use super::model::Gap;
use super::problem::Problem;

/// At most this many cycles are reported; a plan with more is fixed a few at a time.
const MAX_REPORTED: usize = 20;
/// Cycles longer than this are printed with the middle elided.
const MAX_SHOWN_IDS: usize = 12;

/// `deps[i]` holds `(j, k)`: gap `i`'s `depends_on[k]` names gap `j`.
pub fn find_cycles(gaps: &[Gap], deps: &[Vec<(usize, usize)>]) -> Vec<Problem> {
    #[derive(Clone, Copy, PartialEq)]
    enum Color {
        White,
        Gray,
        Black,
    }
    let n = gaps.len();
    let mut color = vec![Color::White; n];
    // Position of each gray gap on the DFS stack, to cut a cycle out in O(its length).
    let mut on_stack_at = vec![usize::MAX; n];
    let mut stack: Vec<(usize, usize)> = Vec::new(); // (gap, next edge to look at)
    let mut problems = Vec::new();
    for root in 0..n {
        if color[root] != Color::White {
            continue;
        }
        color[root] = Color::Gray;
        on_stack_at[root] = 0;
        stack.push((root, 0));
        while let Some(&mut (u, ref mut next)) = stack.last_mut() {
            if let Some(&(v, k)) = deps[u].get(*next) {
                *next += 1;
                match color[v] {
                    Color::White => {
                        color[v] = Color::Gray;
                        on_stack_at[v] = stack.len();
                        stack.push((v, 0));
                    }
                    Color::Gray if problems.len() < MAX_REPORTED => {
                        let ids: Vec<&str> = stack[on_stack_at[v]..]
                            .iter()
                            .map(|&(g, _)| gaps[g].id.as_str())
                            .collect();
                        problems.push(cycle_problem(u, k, &ids));
                    }
                    _ => {}
                }
            } else {
                color[u] = Color::Black;
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

    #[test]
    fn prints_the_cycle_in_dependency_order() {
        // g0 → g1 → g2 → g0, and g3 → g0 outside the cycle.
        let deps = vec![vec![(1, 0)], vec![(2, 0)], vec![(0, 0)], vec![(0, 0)]];
        let p = find_cycles(&gaps(4), &deps);
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].message, "dependency cycle: g0 → g1 → g2 → g0");
        assert_eq!(p[0].path, "gaps[2].depends_on[0]");
    }

    #[test]
    fn self_dependency_and_acyclic() {
        let p = find_cycles(&gaps(2), &[vec![(0, 0)], vec![]]);
        assert_eq!(p[0].message, "gap 'g0' depends on itself");
        let p = find_cycles(&gaps(3), &[vec![(1, 0), (2, 1)], vec![(2, 0)], vec![]]);
        assert!(p.is_empty());
    }

    #[test]
    fn a_100k_long_chain_does_not_recurse() {
        let n = 100_000;
        let mut deps: Vec<Vec<(usize, usize)>> = (0..n).map(|i| vec![((i + 1) % n, 0)]).collect();
        let p = find_cycles(&gaps(n), &deps);
        assert_eq!(p.len(), 1);
        assert!(p[0].message.contains("(99988 more)"), "{}", p[0].message);
        deps[n - 1].clear();
        assert!(find_cycles(&gaps(n), &deps).is_empty());
    }
}
