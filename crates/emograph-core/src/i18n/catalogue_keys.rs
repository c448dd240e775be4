//! The shape of a catalogue (its keys and each key's variables), read with Fluent's own parser:
//! what the catalogue tests (the core's and the app's) compare between the languages.

use std::collections::{BTreeMap, BTreeSet};

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};

/// Each message's key with the names of the variables it uses.
pub type KeyVariables = BTreeMap<String, BTreeSet<String>>;

/// Every message of `source` with the variables it uses, or the parser's complaints.
pub fn catalogue_keys(source: &str) -> Result<KeyVariables, Vec<String>> {
    let resource = fluent_syntax::parser::parse(source).map_err(|(_, errors)| {
        errors
            .into_iter()
            .map(|e| format!("{:?} at bytes {:?}", e.kind, e.pos))
            .collect::<Vec<_>>()
    })?;
    let mut keys = KeyVariables::new();
    for entry in resource.body {
        if let Entry::Message(message) = entry {
            let mut variables = BTreeSet::new();
            if let Some(value) = &message.value {
                pattern_variables(value, &mut variables);
            }
            for attribute in &message.attributes {
                pattern_variables(&attribute.value, &mut variables);
            }
            keys.insert(message.id.name.to_owned(), variables);
        }
    }
    Ok(keys)
}

/// How the Hebrew of a catalogue differs in shape from its English: parse errors, keys in one
/// language only, keys whose variables differ; empty where the two agree.
pub fn catalogue_mismatches(name: &str, en: &str, he: &str) -> Vec<String> {
    let (en, he) = match (catalogue_keys(en), catalogue_keys(he)) {
        (Ok(en), Ok(he)) => (en, he),
        (en, he) => {
            return [("en", en.err()), ("he", he.err())]
                .into_iter()
                .filter_map(|(lang, errors)| Some(format!("{lang} {name}: {:?}", errors?)))
                .collect();
        }
    };
    let mut problems = Vec::new();
    for key in en.keys().filter(|k| !he.contains_key(*k)) {
        problems.push(format!("{name}: {key} is missing in Hebrew"));
    }
    for key in he.keys().filter(|k| !en.contains_key(*k)) {
        problems.push(format!("{name}: {key} is missing in English"));
    }
    for (key, vars) in &en {
        if let Some(he_vars) = he.get(key).filter(|v| *v != vars) {
            problems.push(format!(
                "{name}: {key} uses {vars:?} in English, {he_vars:?} in Hebrew"
            ));
        }
    }
    problems
}

fn pattern_variables(pattern: &Pattern<&str>, out: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            expression_variables(expression, out);
        }
    }
}

fn expression_variables(expression: &Expression<&str>, out: &mut BTreeSet<String>) {
    match expression {
        Expression::Select { selector, variants } => {
            inline_variables(selector, out);
            for variant in variants {
                pattern_variables(&variant.value, out);
            }
        }
        Expression::Inline(inline) => inline_variables(inline, out),
    }
}

fn inline_variables(inline: &InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match inline {
        InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_owned());
        }
        InlineExpression::FunctionReference { arguments, .. } => {
            for argument in &arguments.positional {
                inline_variables(argument, out);
            }
            for named in &arguments.named {
                inline_variables(&named.value, out);
            }
        }
        InlineExpression::Placeable { expression } => expression_variables(expression, out),
        _ => {}
    }
}
