//! The shape of a catalogue (its keys and each key's variables), read with Fluent's own parser:
//! what the catalogue test compares between the languages.

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};

use super::KeyVariables;

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
            let mut variables = std::collections::BTreeSet::new();
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

fn pattern_variables(pattern: &Pattern<&str>, out: &mut std::collections::BTreeSet<String>) {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            expression_variables(expression, out);
        }
    }
}

fn expression_variables(
    expression: &Expression<&str>,
    out: &mut std::collections::BTreeSet<String>,
) {
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

fn inline_variables(inline: &InlineExpression<&str>, out: &mut std::collections::BTreeSet<String>) {
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
