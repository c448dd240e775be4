# The core's messages: see crates/emograph-core/src/i18n/mod.rs.
# Reading Mermaid journey diagrams (prefix mermaid-). Mermaid's own words (`journey`, `title`,
# `section`, `accDescr`, entity codes such as `#58;`) and the examples of diagram text in
# backticks are code: keep them as they are.

## io/mermaid/mod.rs: reading a diagram file

# Given after "the file is larger than N MiB; ".
mermaid-too-big-refusal = emograph refuses Mermaid diagrams that big

## io/mermaid/preprocess.rs: front matter

# $reason is the YAML reader's own explanation (in English).
mermaid-front-matter-yaml = the front matter is not valid YAML: { $reason }
mermaid-front-matter-title = the front matter's `title` must be text

## io/mermaid/grammar.rs: Mermaid's grammar

mermaid-empty = the diagram is empty; expected a Mermaid journey starting with `journey`
mermaid-not-journey = not a Mermaid journey diagram: expected the keyword `journey` (lower case) first, found `{ $found }`
mermaid-journey-not-alone = expected the keyword `journey` alone at the start, found `{ $found }`
mermaid-accdescr-unclosed = `accDescr {"{"}` is never closed: end the description with `{"}"}`
mermaid-task-named-journey = a line cannot start with the word `journey` (Mermaid reads it as the diagram keyword); if it is a task, write its first letter as an entity code, e.g. `#74;ourney to the airport: 4: Me`
# $section is the section's name so far, $rest what follows its `:`, $code the entity code of
# the line's first letter (`#115;` for "s").
mermaid-section-colon = a section name cannot contain `:`; write it as `#58;`, e.g. `section { $section }#58;{ $rest }`. (A task whose name starts with the word "section" needs its first letter as an entity code: `#{ $code };ection…`)
mermaid-colon-without-name = a `:` with no task name before it; expected a task like `Make tea: 4: Me` (a name, a colon, a score from 1 to 5, optional actors)
# Given as $expected in the three messages after it; $name is the task's name.
mermaid-expected-task = expected `{ $name }: 4` or `{ $name }: 4: Actor, Actor` with a score from 1 to 5
mermaid-nothing-after-colon = task "{ $name }" has nothing after its colon; { $expected }
mermaid-hash-comment = `#` starts a comment in Mermaid, so task "{ $name }" ends before its score (write `#` as `#35;`); { $expected }
mermaid-no-score = task "{ $name }" has no score; { $expected }
mermaid-semicolon = `;` cannot appear in a Mermaid journey (it has no statement separator; put each statement on its own line, or write `;` as `#59;`)
# $char is the character in single quotes, as Rust writes it ('@').
mermaid-unexpected-char = unexpected character { $char }

## io/mermaid/to_journey.rs: emograph's own checks of a diagram

mermaid-second-title = a second `title` (the first is on line { $line }); Mermaid would silently keep only this one. If this line is a task whose name starts with "title", write its first letter as an entity code, e.g. `#84;itle check: 4: Me`
mermaid-title-too-long = the title is longer than { $max } characters
mermaid-description-too-long = the accDescr description is longer than { $max } characters
mermaid-section-too-long = the section name is longer than { $max } characters
mermaid-task-too-long = the task name is longer than { $max } characters
mermaid-actor-too-long = an actor's name is longer than { $max } characters
mermaid-too-many-sections = more than { $max } sections: emograph supports at most that many phases
mermaid-too-many-tasks = more than { $max } tasks: emograph supports at most that many touchpoints
mermaid-too-many-actors = more than { $max } actors
mermaid-task-no-name = the task has no name
# $score is the score as the task writes it.
mermaid-extra-field = task "{ $name }" has a third `:` field, which Mermaid ignores; expected `{ $name }: { $score }: Actor, Actor` (write a `:` inside an actor as `#58;`)
mermaid-glued-comment = actor "{ $actor }": a `%%` comment must be on a line of its own; after the actors Mermaid shows it as part of the actor's name
mermaid-score-empty = task "{ $name }" has an empty score; expected a score from 1 (worst) to 5 (best) after the colon, e.g. `{ $name }: 4: Me`
mermaid-score-not-a-number = score "{ $score }" of task "{ $name }" is not a number; expected a score from 1 (worst) to 5 (best), e.g. `{ $name }: 4: Me`
mermaid-score-outside = score { $score } of task "{ $name }" is outside Mermaid's 1 to 5; expected a score from 1 (worst) to 5 (best), e.g. `{ $name }: 4: Me`

## io/mermaid/write.rs: a journey written as a diagram

# A `%%` comment in the written diagram, where a touchpoint without a score would be.
mermaid-left-out = left out "{ $name }": no score to show
