//! Names the team gave typical patterns, found again after a recompute.
//!
//! Patterns are renumbered whenever they are recomputed: a new case arrives, k changes, a
//! segment filter is set. A name ("frustrated families") belongs to a group of people, not to a
//! number, so it is kept with the cases the pattern had when it was named, and given to the new
//! pattern whose members are mostly those: a Jaccard overlap (shared ÷ either) of at least
//! [`MIN_OVERLAP`]. Each name goes to one pattern, the closest pairs first, so two patterns
//! never share a name and a split pattern keeps its name on its larger part.

use std::collections::HashSet;

use super::{Patterns, Texts};
use crate::model::PatternName;

/// Members "mostly the same": more shared than not. With a handful of new cases the overlap of
/// an unchanged group stays near 1; a group split in two halves falls to 0.5 on its larger part.
pub const MIN_OVERLAP: f64 = 0.5;

/// The member ids of each pattern (index = pattern number − 1), as [`PatternName::members`]
/// stores them.
pub fn pattern_members(patterns: &Patterns, case_ids: &Texts) -> Vec<Vec<String>> {
    let mut members = vec![Vec::new(); patterns.patterns.len()];
    for (row, &pattern) in patterns.assignments.iter().enumerate() {
        if let (Some(list), Some(id)) = (members.get_mut(pattern), case_ids.get(row)) {
            list.push(id.to_owned());
        }
    }
    members
}

/// Shared ÷ either, 0 when both are empty.
pub fn overlap(a: &HashSet<&str>, b: &HashSet<&str>) -> f64 {
    let shared = a.intersection(b).count();
    let either = a.len() + b.len() - shared;
    if either == 0 {
        0.0
    } else {
        shared as f64 / either as f64
    }
}

/// The name of each pattern (index = pattern number − 1), where one of `names` fits it.
pub fn match_pattern_names(
    patterns: &Patterns,
    case_ids: &Texts,
    names: &[PatternName],
) -> Vec<Option<String>> {
    let mut matched = vec![None; patterns.patterns.len()];
    if names.is_empty() {
        return matched;
    }
    let members = pattern_members(patterns, case_ids);
    let now: Vec<HashSet<&str>> = members
        .iter()
        .map(|m| m.iter().map(String::as_str).collect())
        .collect();
    let named: Vec<HashSet<&str>> = names
        .iter()
        .map(|n| n.members.iter().map(String::as_str).collect())
        .collect();
    let mut pairs: Vec<(f64, usize, usize)> = Vec::new();
    for (p, members) in now.iter().enumerate() {
        for (n, given) in named.iter().enumerate() {
            let o = overlap(members, given);
            if o >= MIN_OVERLAP {
                pairs.push((o, p, n));
            }
        }
    }
    // Closest first; on a tie the earlier pattern (the larger) and the earlier name.
    pairs.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut name_used = vec![false; names.len()];
    for (_, p, n) in pairs {
        if matched[p].is_none() && !name_used[n] {
            matched[p] = Some(names[n].name.clone());
            name_used[n] = true;
        }
    }
    matched
}

/// The names as they stand after `name` is given to (or, empty, taken from) the pattern with
/// `members`: any name the pattern carried goes, so a rename replaces it.
pub fn renamed(names: &[PatternName], name: &str, members: &[String]) -> Vec<PatternName> {
    let these: HashSet<&str> = members.iter().map(String::as_str).collect();
    let mut kept: Vec<PatternName> = names
        .iter()
        .filter(|n| {
            let given: HashSet<&str> = n.members.iter().map(String::as_str).collect();
            overlap(&these, &given) < MIN_OVERLAP
        })
        .cloned()
        .collect();
    // Kept as typed: a field that showed "frustrated" after the space of "frustrated " would
    // glue the next word on. Only a blank name counts as none.
    if !name.trim().is_empty() {
        kept.push(PatternName {
            name: name.to_owned(),
            members: members.into(),
        });
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Pattern;

    fn patterns(assignments: &[usize]) -> Patterns {
        let k = assignments.iter().max().map_or(0, |m| m + 1);
        Patterns {
            k,
            patterns: (0..k)
                .map(|i| Pattern {
                    id: i + 1,
                    n: assignments.iter().filter(|&&a| a == i).count(),
                    share: 0.0,
                    mean: Vec::new(),
                    q1: Vec::new(),
                    q3: Vec::new(),
                    medoid: 0,
                    segments: Default::default(),
                })
                .collect(),
            assignments: assignments.to_vec(),
            auto: None,
            silhouettes: Vec::new(),
        }
    }

    fn ids(n: usize) -> Texts {
        (0..n).map(|i| format!("c{i}")).collect()
    }

    fn name(name: &str, members: &[&str]) -> PatternName {
        PatternName {
            name: name.into(),
            members: members
                .iter()
                .map(|m| m.to_string())
                .collect::<Vec<_>>()
                .into(),
        }
    }

    #[test]
    fn a_name_follows_its_members_when_the_patterns_are_renumbered() {
        // Named when the families were pattern 2; after two new cases they are pattern 1.
        let names = [name("frustrated families", &["c0", "c1", "c2", "c3"])];
        let now = patterns(&[0, 0, 0, 0, 1, 1, 0]);
        let matched = match_pattern_names(&now, &ids(7), &names);
        assert_eq!(matched, [Some("frustrated families".into()), None]);
    }

    #[test]
    fn a_group_that_changed_too_much_loses_its_name_and_no_name_is_given_twice() {
        let names = [name("loyal", &["c0", "c1", "c2", "c3"])];
        // c0..c3 split 2 + 2 across two patterns that also took others: neither is "mostly" it.
        let now = patterns(&[0, 0, 1, 1, 0, 0, 1, 1]);
        assert_eq!(match_pattern_names(&now, &ids(8), &names), [None, None]);
        // An exact split in halves: the overlap is 0.5 for both; the name goes to one.
        let now = patterns(&[0, 0, 1, 1]);
        let matched = match_pattern_names(&now, &ids(4), &names);
        assert_eq!(matched, [Some("loyal".into()), None]);
    }

    #[test]
    fn renaming_replaces_the_old_name_and_an_empty_name_removes_it() {
        let names = vec![name("a", &["c0", "c1"]), name("b", &["c2"])];
        let members = vec!["c0".to_owned(), "c1".to_owned(), "c5".to_owned()];
        let after = renamed(&names, "frustrated ", &members);
        assert_eq!(after[1].name, "frustrated ", "kept as typed, mid-word");
        let after = renamed(&after, "frustrated families", &members);
        assert_eq!(
            after.iter().map(|n| n.name.as_str()).collect::<Vec<_>>(),
            ["b", "frustrated families"]
        );
        assert_eq!(renamed(&after, "  ", &members).len(), 1);
    }
}
