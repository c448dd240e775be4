# emograph's interface in English. Every key here is in he.ftl too, with the same variables
# (tests/i18n_catalogue.rs checks it). Numbers that choose a plural are passed as numbers.

## Counts
cases-count = { $n ->
    [one] { $n } case
   *[other] { $n } cases
}
touchpoints-count = { $n ->
    [one] { $n } touchpoint
   *[other] { $n } touchpoints
}
critical-points-count = { $n ->
    [one] { $n } critical point
   *[other] { $n } critical points
}

## The chart, for a screen reader
chart-summary = { $cases ->
    [one] { $cases } case
   *[other] { $cases } cases
}; lowest point: { $touchpoint }, mean { $mean }; { $critical ->
    [one] { $critical } critical point
   *[other] { $critical } critical points
}
chart-summary-empty = No scores yet
chart-curve-point = { $curve } — { $touchpoint }: { $score }
chart-point-unscored = { $curve } — { $touchpoint }: not scored
chart-critical = Critical point { $rank }: { $touchpoint } — { $badge }
chart-critical-plain = Critical point { $rank }: { $touchpoint }
chart-summary-unanalysed = { $cases ->
    [one] { $cases } case
   *[other] { $cases } cases
}; lowest point: { $touchpoint }, mean { $mean }
chart-name = Chart: { $title }
chart-badge = Badge of critical point { $rank }: { $text }
chart-score-changed = { $touchpoint }: { $score }
chart-time-axis = time ({ $unit })

## src/app/panels/bars.rs
menu-file = File
menu-new-journey = New journey
menu-open = Open…
menu-import-csv = Import CSV…
menu-import-csv-tip = A survey or CRM export (CSV or workbook), previewed before it is imported
menu-open-recent = Open recent
menu-no-recent = No recent files
menu-save = Save
menu-save-as = Save as…
menu-export = Export…
menu-copy-chart = Copy chart
menu-copy-chart-tip = The chart on screen as an image, 1600×900
menu-copy-mermaid = Copy as Mermaid
menu-copy-mermaid-tip = A Mermaid journey diagram for wikis and Markdown
menu-quit = Quit
menu-edit = Edit
menu-undo = Undo
menu-redo = Redo
menu-new-case = New case…
menu-view = View
menu-theme = Theme
menu-zoom-in = Zoom in
menu-zoom-out = Zoom out
menu-actual-size = Actual size
menu-presenter = Presenter mode
menu-workshop = Workshop
menu-start-live = Start live session
menu-end-live = End live session
menu-help = Help
menu-shortcuts = Keyboard shortcuts
menu-presenter-f5 = Presenter mode (F5)
status-unsaved-journey = unsaved journey
status-unsaved-changes = (unsaved changes)
status-keys-hint = Keys on the graph: ←/→ touchpoint · ↑/↓ ±0.5 (Shift ±1) · type a score · Enter next · Ctrl+Shift+N new case · F1 all keys
status-more-lines = { $first }  (+{ $more } more lines: hover to read)

## src/app/mod.rs
status-not-changed = Not changed: { $error }
status-undid = Undid: { $label }
status-redid = Redid: { $label }
case-default-name = Case { $n }
status-new-case-ready = { $case }: type the score at { $touchpoint }, Enter for the next touchpoint
status-new-journey = New journey
menu-language = Language

## src/app/panels/view_bar.rs
view-label = View:
view-cases = Cases
view-overall = Overall
view-patterns = Patterns
view-segments = Segments
view-segments-tip = Each segment's mean curve over the overall mean
view-waves = Waves
view-waves-tip = One curve per survey wave, and which touchpoints changed
view-owners = Owners & actions
view-rtl = Right to left
view-rtl-tip = Run the process from right to left, as a right-to-left reader expects (exports follow)
view-time-axis = Time axis
view-pattern-count = Number of patterns:
view-segment = Segment:
view-analysing = analysing…
view-time-axis-tip = Space the touchpoints by their time offsets ({ $unit }) instead of evenly
view-auto = auto
view-all-cases = all cases
view-analysed-in = analysed in { $seconds } s

## src/app/panels/cases.rs
cases-heading = Cases
cases-add = Add case
cases-duplicate = Duplicate case
cases-delete = Delete case
cases-show-all = Show all
cases-hide-all = Hide all
cases-select-hint = Select a case to edit its curve.
cases-name = Case name
cases-segment = Segment
cases-source = Source
cases-note-hint = Click a touchpoint on the graph to add a note there.

## src/app/case_entry.rs
new-case-heading = New case
new-case-name-hint = e.g. Dana at the till
new-case-start = Start scoring
dialog-cancel = Cancel

## src/app/panels/patterns.rs
patterns-heading = Typical patterns
patterns-none = No cases to group yet.
patterns-edit-representative = Edit the representative case
patterns-members = Members:
patterns-open-case-tip = Open this case in the Cases view

## src/app/panels/cases.rs (formats)
cases-graph-shows-band = the graph shows these { $n } cases as their mean and middle half
cases-show-on-graph = Show { $name } on the graph
cases-copy-name = { $name } (copy)
cases-deleted = Deleted { $name } (Ctrl+Z brings it back)
cases-case-heading = Case: { $name }
cases-not-scored = not scored
cases-score-at = At { $touchpoint }: { $score }
cases-note-at = Note at { $touchpoint }

## src/app/case_entry.rs (formats)
new-case-optional = optional
new-case-example = e.g. { $example }
new-case-keys = Enter: start scoring at touchpoint 1 · Esc: cancel
new-case-keys-segments = Segments used: { $segments } (Tab completes) · Enter: start scoring · Esc: cancel

## src/app/panels/patterns.rs (formats)
patterns-fewer = Fewer patterns: { $reason }.
patterns-entry = Pattern { $id } · { $share }% · { $n ->
    [one] { $n } case
   *[other] { $n } cases
}
patterns-entry-named = Pattern { $id } · { $name } · { $share }% · { $n ->
    [one] { $n } case
   *[other] { $n } cases
}
patterns-name = Pattern name
patterns-name-hint = e.g. frustrated families
patterns-no-segment = no segment
patterns-representative = Representative case: { $name }
patterns-summary = { $cases ->
    [one] { $cases } case
   *[other] { $cases } cases
} in { $k ->
    [one] { $k } pattern
   *[other] { $k } patterns
}
patterns-summary-auto = { patterns-summary } (chosen automatically)

## src/app/panels/journey.rs
journey-heading = Journey
journey-title = Title
journey-title-needed = A title is needed: the journey cannot be saved without one.
journey-description = Description
journey-phases = Phases
journey-add-phase = Add phase
journey-new-phase = New phase
journey-touchpoints = Touchpoints
journey-add-touchpoint = Add touchpoint
journey-insert-before = Insert before
touchpoint-name = Touchpoint name
touchpoint-name-needed = A name is needed before the journey can be saved.
touchpoint-phase = Phase
touchpoint-channel = Channel
touchpoint-office = Office
touchpoint-front-office = Front office
touchpoint-back-office = Back office
touchpoint-time-offset = Time offset
touchpoint-offset-set = set
touchpoint-process = CRM process
touchpoint-owner = Owner
touchpoint-delete = Delete touchpoint

## src/app/panels/journey.rs (formats)
journey-phase-n = Phase { $n }
journey-drag-to-move = Drag to move { $name }
journey-grip = Move { $name }: drag, or Alt+↑ / Alt+↓
journey-move-down = Move { $name } down
journey-move-up = Move { $name } up
touchpoint-default-name = Touchpoint { $n }
touchpoint-nobody = nobody

## src/app/critical_panel.rs
critical-no-notes = No case left a note here.
critical-flag-assign = Flag & assign
critical-flag-assign-tip = Make this point work the team owns, then give it an owner here
critical-action-owner = Action owner
critical-success-shows-in = Success shows in
critical-no-metrics = No metrics yet (Owners & actions → Add metric).
critical-action = Action
critical-amplify = amplify
critical-prevent = prevent
critical-shorten = shorten response
critical-due = Due (YYYY-MM-DD)
critical-due-hint = e.g. 2027-03-31

## src/app/critical_panel.rs (formats)
critical-score-made-of = Score { $score }, made of
critical-cases-said = What the cases said here ({ $n }):
critical-and-more = … and { $n } more
critical-flag-given = Gave the flag at { $at } to { $who }: it is on their page in Owners & actions
critical-due-set = Due date of the flag at { $at } set
critical-flag-updated = Flag at { $at } updated

## src/app/export_dialog.rs
export-heading = Export a chart, the report or a diagram
export-intro = The chart is the view on screen; the report covers the whole journey.
export-format = Format:
export-width = Width:
export-height = Height:
export-scale = Scale:
export-scale-tip = 2× or 3× for print: 1600×900 at 3× is crisp at 300 dpi on a 16 cm wide page
export-file = File:
export-export = Export
export-type-path = Type a file path.
export-copied-chart = Copied the chart to the clipboard (1600×900)

## src/app/export_dialog.rs (formats)
export-format-png = PNG image
export-format-svg = SVG drawing
export-format-report = HTML report
export-format-mermaid = Mermaid diagram
export-copy-mermaid-failed = Could not copy as Mermaid: { $error }
export-copy-chart-failed = Could not copy the chart: { $error }
export-exported-chart = Exported the chart to { $path }
export-wrote-report = Wrote the report to { $path }
export-wrote-mermaid = Wrote the Mermaid diagram to { $path }

## src/app/panels/history.rs (formats)
history-heading = History
history-none = No edits yet.
history-undone = (undone) { $label }

## src/app/file_dialogs.rs (formats)
status-opened = Opened { $path }
status-saved = Saved { $path }
status-restored = Restored the recovery copy. Save it to keep it.
dialog-delete-touchpoint = Delete touchpoint “{ $name }”?

## src/app/file_dialogs.rs
dialog-file-changed = The file changed on disk
dialog-overwrite = Overwrite
dialog-import-csv = Import a CSV of cases
dialog-import-csv-intro = One row per case, one column per touchpoint; a case and a segment column are found by their names.
dialog-not-applicable = Not applicable:
dialog-touchpoints = Touchpoints:
dialog-case-column = Case column:
dialog-segment-column = Segment column:
dialog-import = Import
dialog-type-csv-path = Type the CSV file's path.
dialog-open-journey = Open journey
dialog-path = Path:
dialog-recent = Recent:
dialog-open = Open
dialog-save-journey-as = Save journey as
dialog-unsaved-body = This journey has changes that are not saved.
dialog-save-before-closing = Save changes before closing?
dialog-save-and-close = Save and close
dialog-close-without-saving = Close without saving
dialog-open-unsaved-body = The open journey has changes that are not saved.
dialog-discard-unsaved = Discard unsaved changes?
dialog-save-first = Save first
dialog-discard-changes = Discard changes
dialog-delete-with-scores = Delete it and its scores
dialog-recover = Recover unsaved work?
dialog-recover-journey = Journey:
dialog-recover-holds = Holds:
dialog-recover-original = Original file:
dialog-recover-written = Written:
dialog-restore = Restore
dialog-discard-recovery = Discard recovery copy
dialog-decide-later = Decide later

## src/app/dialogs.rs
dialog-browse = Browse…

## src/export/report.rs
report-meta = { $cases ->
    [one] { $cases } case
   *[other] { $cases } cases
} · { $touchpoints } touchpoints · { $patterns } typical pattern(s) · scale { $min } … { $max }
report-section-journey = The journey
report-section-overall = Overall
report-section-patterns = Typical patterns
report-section-segments = Segments
report-section-critical = Critical points
report-section-scenarios = Scenarios
report-section-waves = Waves
report-section-owners = Owners
report-section-unowned = Points nobody owns
report-overall-intro = The mean of all cases at each touchpoint, the band holding the middle half of them, and the most critical points, numbered by rank.
report-footer = Made with emograph { $version } from { $cases } cases.
report-th-phase = Phase
report-th-touchpoint = Touchpoint
report-th-channel = Channel
report-th-office = Office
report-th-owner = Owner
report-office-front = front
report-office-back = back
report-no-patterns = No cases, so no patterns.
report-patterns-intro = The cases fall into { $n } typical pattern(s): curves of similar shape, grouped. Each pattern's mean is drawn over the overall mean (dashed).
report-representative = Representative case:
report-segment-of = segment { $segment }
report-segments-label = Segments:
report-no-segments = No case has a segment, so there is nothing to compare.
report-segments-intro = Each segment's mean curve over the mean of all cases (dashed), and where each segment's customers feel worst, best, and furthest below everyone.
report-th-segment = Segment
report-th-cases = Cases
report-th-lowest = Lowest
report-th-highest = Highest
report-th-furthest-below = Furthest below all cases
report-critical-intro = Turning points ranked by how much they matter: how deep the mean sits, how sharply it got there, how many cases show the turn themselves and how close to the end it comes (score 0 … 1).
report-no-critical = No critical points were found.
report-th-where = Where
report-th-rank = #
report-th-direction = Direction
report-th-turn = Turn
report-th-mean = Mean
report-th-change = Change
report-th-cases-showing = Cases showing it
report-th-score = Score
report-scope-overall = overall
report-scope-pattern = pattern { $id }
report-no-owners = The journey names no owners yet.
report-owner-critical = Critical points at their touchpoints
report-actions = Actions
report-no-actions = No actions agreed yet.
report-unowned-intro = Critical points at touchpoints without an owner, and flags nobody has taken on: each needs someone to decide about it.
report-unowned-flags = Flags without an owner

## src/export/report_redesign.rs
verdict-better = better
verdict-worse = worse
verdict-no-change = no change shown
verdict-none = no verdict: { $why }
did-it-work = did it work? { $answer }
did-it-work-no-answer = no answer yet: { $why }

## src/cli.rs
cli-check-ok = { $file }: ok ({ $touchpoints ->
    [one] { $touchpoints } touchpoint
   *[other] { $touchpoints } touchpoints
}, { $cases ->
    [one] { $cases } case
   *[other] { $cases } cases
})
cli-check-upgraded = { $file }: ok, rewritten as version 2 ({ $touchpoints ->
    [one] { $touchpoints } touchpoint
   *[other] { $touchpoints } touchpoints
}, { $cases ->
    [one] { $cases } case
   *[other] { $cases } cases
})
cli-open-needs-gui = emograph: `open` needs the GUI; this build has none
cli-cannot-write = emograph: cannot write the output: { $error }

## src/app/critical_view.rs
critical-flag = Flag
critical-heading = Critical points
critical-none = None above the thresholds: no moment stands out.
critical-sort-by = Sort by:
critical-sort-rank = rank
critical-sort-score = score
critical-sort-share = share of cases
critical-sort-touchpoint = touchpoint
critical-none-in-scope = None in the scope on screen.
critical-flagged-by-team = Flagged by the team (not detected):
critical-prone = Prone to trouble:
critical-angry-inconsistent = many angry, inconsistent
critical-angry = many angry
critical-inconsistent = inconsistent service

## src/app/update.rs
presenter-leave = Leave presenter mode (F5)
graph-no-touchpoints = This journey has no touchpoints yet.

## src/app/scenario_view.rs
scenario-to-be = To-be:
scenario-draw-tip = The to-be mean dashed over the as-is, the change shaded

## src/app/update.rs (formats)
presenter-editing = Editing: { $name }
graph-add-first-touchpoint = Add the first one in the Journey panel on the left ("Add touchpoint").

## src/app/keys.rs (formats)
status-editing = Editing { $name }

## src/app/critical_view.rs (formats)
critical-flagged = flagged ({ $status })

## src/app/scenario_view.rs (formats)
scenario-draw = Draw to-be: { $name }
scenario-add-flag-action = Add a flag's action to { $name }
scenario-make-from-flag = Make a to-be scenario from a flag

## src/app/look.rs
theme-light = Light
theme-dark = Dark
theme-high-contrast = High contrast

## src/app/critical_view.rs (more)
critical-prone-line = { $name }: { $why } ({ $angry }% at −3 or below, spread { $spread })
critical-flag-added = Flagged { $at }: it is now work the team owns

## src/app/owners_view/flags.rs
owners-click-edit-action = Click to edit this action
owners-direction = Direction
owners-positive = positive
owners-negative = negative
owners-flag-owner = Flag owner
owners-metrics-success = Metrics that will show success
owners-no-metrics-above = No metrics yet (“Add metric” above).
owners-amplify-tip = Make a positive moment bigger or more frequent
owners-prevent-tip = Remove the cause of a negative moment
owners-shorten-tip = Where it can't be prevented: respond faster and soften the drop
owners-agreed-action = Agreed action
owners-agreed-hint = What the team agreed to do
owners-due-date = Due date (YYYY-MM-DD)
owners-status = Status
owners-note = Note
owners-delete-flag = Delete flag
owners-flag-by-hand = Flag a moment by hand
owners-add-touchpoints-first = Add touchpoints first.
owners-flag-by-hand-at = Flag by hand at
owners-flag-exists = There is already such a flag here

## src/app/owners_view/metrics.rs
owners-click-edit-metric = Click to edit this metric
owners-metric-name = Metric name
owners-unit = Unit
owners-against-target = Against target
owners-better = Better
owners-level = Level
owners-sla = SLA
owners-sla-hint = e.g. call back within 24 h
owners-metric-owner = Metric owner
owners-measures-label = Measures
owners-delete-metric = Delete metric

## src/app/owners_view/owner_list.rs
owners-owner = Owner:
owners-add-owner = Add owner
owners-delete-owner = Delete owner
owners-owner-name = Owner name
owners-role = Role
owners-process = CRM process they own
owners-delete-owner-refs = Delete owner and clear their references
owners-none-touchpoints = None yet: assign touchpoints under Unowned below, or in a touchpoint's editor.
owners-critical-there = Critical points there
owners-no-critical-there = No critical point at their touchpoints.
owners-metrics-against-target = Metrics against target
owners-no-metric = No metric yet: what number would show that a redesign worked?
owners-add-metric = Add metric
owners-actions-open-first = Actions (open first)
owners-no-actions = No actions yet: flag a critical point above or a moment by hand below.
owners-unowned = Unowned
owners-everything-owned = Everything has an owner.
owners-touchpoints-nobody = Touchpoints nobody owns
owners-critical-nobody = Critical points nobody owns
owners-actions-nobody = Actions nobody owns
owners-metrics-nobody = Metrics nobody owns

## src/app/owners_view/mod.rs
owners-finding = finding the critical points…
owners-segment-note = Critical points of the segment “{ $segment }” (change it in the view bar).
owners-no-owners = No owners yet: add the first with “Add owner”.

## src/app/live_panel.rs
live-add-touchpoints-first = Add touchpoints first: participants score the journey's touchpoints.
live-heading = Live session
live-scan = Scan the code or open the address on your phone:
live-pause = Pause submissions
live-resume = Resume submissions
live-close = Close submissions

## src/app/panels/segments.rs
segments-smaller = Smaller segments are listed but not drawn.

## src/app/waves_view.rs
waves-none = No case belongs to a wave yet.
waves-holm = Difference with its 95 % interval; verdicts Holm-corrected over the touchpoints.

## src/app/panels/segments.rs (formats)
segments-count = { $n } segments · click one to see it alone
segments-show-only = Show only the { $segment } cases on the overall view
segments-lowest = lowest: { $touchpoint } ({ $score })
segments-highest = highest: { $touchpoint } ({ $score })
segments-furthest-below = furthest below all cases: { $touchpoint } ({ $score })

## src/app/waves_view.rs (formats)
waves-one-wave = All cases are in one wave ({ $wave }): a second round of measurement shows whether the journey changed.

## src/app/owners_view/metrics.rs (formats)
metric-no-target = no target yet
metric-no-current = no current value yet
metric-beats-target = on track: beats target by { $by }
metric-target-met = on track: target met
metric-off-track = off track: { $to_go } to go
metric-higher-better = higher is better
metric-lower-better = lower is better

## src/app/owners_view/owner_list.rs (formats)
owners-deleted = Deleted owner { $name } (Ctrl+Z brings them back)
owners-none-yet = no owners yet
owners-default-name = Owner { $n }
owners-delete-question = Delete owner “{ $name }”?
owners-touchpoints-of = Touchpoints { $name } owns
owners-in-patterns = In the typical patterns ({ $n })

## src/app/live_panel.rs (formats)
live-code = Code { $code }
live-status-open = open
live-status-paused = paused
live-status-closed = closed
live-arrived = { $n } curves arrived · submissions { $status }
live-ended = Live session ended: { $n } curves arrived, saved.

## src/app/graph/access.rs
chart-curve = Curve: { $curve }

## src/i18n/chart_words.rs
chart-word-mean = Mean
chart-word-middle-half = Middle half of the cases (q1–q3)
chart-word-middle-half-all = Middle half of all cases
chart-word-middle-half-pattern = Middle half of the pattern (q1–q3)
chart-word-member-cases = Member cases
chart-word-critical-negative = critical point (negative)
chart-word-critical-positive = critical point (positive)
chart-word-critical = critical point
chart-word-peak = peak
chart-word-trough = trough
chart-word-crosses-positive = crosses into positive
chart-word-crosses-negative = crosses into negative
chart-word-steep-drop = steep drop
chart-word-steep-rise = steep rise
chart-word-flag = flag
chart-word-mean-band = mean and quartile band

## src/app/shortcuts.rs (the cheat sheet; keys are "shortcut-" and the English words)
shortcuts-heading = Keyboard shortcuts
shortcut-live-entry = Live entry
shortcut-new-case-name-tab-segment-tab = new case: name, Tab, segment (Tab completes), Enter
shortcut-type-the-score-at-the-cursor = type the score at the cursor (−5 … +5)
shortcut-next-touchpoint-on-the-last-one = next touchpoint; on the last one, the next case
shortcut-previous-next-touchpoint = previous / next touchpoint
shortcut-score-0-5-with-shift-1 = score ±0.5 (with Shift ±1)
shortcut-clear-the-score-at-the-cursor = clear the score at the cursor
shortcut-previous-next-case = previous / next case
shortcut-drop-what-is-typed-leave-the = drop what is typed; leave the new-case prompt
shortcut-file = File
shortcut-new-journey = new journey
shortcut-open = open
shortcut-save = save
shortcut-save-as = save as
shortcut-export-a-chart-the-report-or = export a chart, the report or a diagram
shortcut-quit-asks-first-when-there-are = quit (asks first when there are unsaved changes)
shortcut-edit = Edit
shortcut-undo = undo
shortcut-redo = redo
shortcut-view = View
shortcut-zoom-in-out-actual-size = zoom in / out / actual size
shortcut-presenter-mode-on-and-off-esc = presenter mode on and off (Esc leaves it)
shortcut-this-list = this list
shortcut-everywhere = Everywhere
shortcut-next-previous-control-space-or-enter = next / previous control; Space or Enter presses it

## src/export/report_redesign.rs
report-th-from-action = From the action
report-th-cases-changed = Cases it changes
report-th-critical-before = Critical before
report-th-critical-after = Critical after
report-th-to-be = To-be
report-th-remembered = Remembered
report-th-ending-angry = Ending angry
report-th-difference = Difference
report-th-interval = 95 % interval
report-th-p-corrected = p (corrected)
report-th-verdict = Verdict
chart-word-overall-mean = Overall mean
chart-word-pattern = Pattern { $n }
chart-word-patterns-of = { $k ->
    [one] { $k } typical pattern
   *[other] { $k } typical patterns
} of { $cases ->
    [one] { $cases } case
   *[other] { $cases } cases
}

## src/cli/ (the commands' tables and messages; the words for the core's labels are the labels)
cli-none = none
cli-yes = yes
cli-no = no
cli-scope-overall = overall
cli-scope-pattern-id = pattern:{ $id }
cli-pattern-n = pattern { $id }
cli-kind-positive = positive
cli-kind-negative = negative
cli-turn-peak = peak
cli-turn-trough = trough
cli-turn-crossing-up = crossing up
cli-turn-crossing-down = crossing down
cli-turn-rise = rise
cli-turn-drop = drop
cli-turn-erosion = erosion
cli-turn-end = end
cli-th-touchpoint = touchpoint
cli-th-n = n
cli-th-mean = mean
cli-th-median = median
cli-th-q1 = q1
cli-th-q3 = q3
cli-th-min = min
cli-th-max = max
cli-th-std = std
cli-th-negative = negative
cli-th-angry = angry
cli-th-pattern = pattern
cli-th-cases = cases
cli-th-share = share
cli-th-representative = representative case
cli-th-segments = segments
cli-th-scope = scope
cli-th-rank = rank
cli-th-kind = kind
cli-th-turning = turning
cli-th-change = change
cli-th-score = score
cli-th-owner = owner
cli-th-flag = flag
cli-th-spread = spread (std)
cli-th-why = why
cli-th-metric = metric
cli-th-level = level
cli-th-current = current
cli-th-target = target
cli-th-gap = gap
cli-th-on-track = on track
cli-th-sla = SLA
cli-th-status = status
cli-th-action = action
cli-th-due = due
cli-th-agreed = what was agreed
cli-th-n-from = n from
cli-th-n-to = n to
cli-th-difference = difference
cli-th-interval = 95 % interval
cli-th-p = p
cli-th-p-corrected = p corrected
cli-th-verdict = verdict
cli-th-change-kind = change
cli-th-from-flag = from flag
cli-th-cases-changed = cases changed
cli-th-critical-before = critical before
cli-th-critical-after = critical after
cli-th-to-be = to-be
cli-th-remembered = remembered
cli-th-ending-angry = ending angry
cli-th-auc = AUC
cli-th-mean-fav = mean fav.
cli-th-mean-unfav = mean unfav.
cli-th-bottom-box-unfav = bottom box unfav.
cli-th-n-fav = n fav.
cli-th-n-unfav = n unfav.
cli-th-summary = summary
cli-th-correlation = correlation
cli-stats-heading = { $cases ->
    [one] { $cases } case
   *[other] { $cases } cases
}, { $touchpoints ->
    [one] { $touchpoints } touchpoint
   *[other] { $touchpoints } touchpoints
} (scores on -5..+5; negative = below 0, angry = -3 or below)
cli-patterns-heading = { $cases ->
    [one] { $cases } case
   *[other] { $cases } cases
}, { $k ->
    [one] { $k } pattern
   *[other] { $k } patterns
}
cli-patterns-curves = mean score per touchpoint
cli-segments-none = the cases have no segments
cli-segments-are = the segments are: { $list }
cli-segment-unknown = no case is in segment { $segment }; { $list }
cli-k-invalid = { $text }: give a number of patterns (1 or more) or auto
cli-import-give-output = emograph: give -o OUT.ron (or --into JOURNEY.ron)
cli-import-mermaid-whole = emograph: --segment selects the cases of a CSV; a Mermaid diagram is imported whole
cli-import-wrote = wrote { $path } ({ $cases ->
    [one] { $cases } case
   *[other] { $cases } cases
}, { $touchpoints ->
    [one] { $touchpoints } touchpoint
   *[other] { $touchpoints } touchpoints
})
cli-import-wrote-added = wrote { $path } ({ $added ->
    [one] { $added } case added
   *[other] { $added } cases added
}, { $cases ->
    [one] { $cases } case
   *[other] { $cases } cases
}, { $touchpoints ->
    [one] { $touchpoints } touchpoint
   *[other] { $touchpoints } touchpoints
})
cli-import-into-needs-wave = emograph: --into adds a wave: say which with --wave LABEL (or --wave-column NAME)
cli-import-cannot-add = { $file }: cannot add: { $line }
cli-import-note = { $file }: note: { $line }
cli-import-not-changed = emograph: { $path } was not changed
cli-import-not-changed-allow-missing = emograph: { $path } was not changed (--allow-missing adds the cases anyway)
cli-import-cannot = { $file }: cannot import: { $problem }
cli-import-too-large = emograph: { $file }: cannot import: the journey would be { $mib } MiB, more than the { $limit } MiB a journey file may hold; import fewer cases (--segment …) or keep the CSV and run the verbs on it directly ({ $output } was not written)
cli-cannot-write-csv = emograph: cannot write CSV: { $error }
cli-cannot-write-file = emograph: cannot write { $path }: { $error }
cli-check-not-rewritten = not rewritten: { $error }
cli-output-is-input = emograph: the output { $output } is the input file { $input }; choose another output file (nothing was written, the input is untouched)
cli-removed-temporary = emograph: removed { $path }, a temporary file left by an interrupted write
cli-export-pixel-scale = emograph: --pixel-scale { $scale } is outside 0.25 … 8
cli-export-csv-views = emograph: CSV holds the statistics (--view overall), the patterns (--view patterns) or the segments (--view segments), not { $view }
cli-critical-heading = Critical points (score = { $depth }·depth + { $sharpness }·sharpness + { $share }·share of cases + { $end }·closeness to end; critical from { $from })
cli-prone-heading = Prone to trouble (many cases at −3 or below, or a large spread)
cli-why-angry = many angry
cli-why-inconsistent = inconsistent
cli-owners-unknown = emograph: { $file }: no owner with id { $id } (owners: { $owners })
cli-owner-owns = owns { $process }
cli-section-critical = Critical points
cli-section-metrics = Metrics
cli-section-actions = Actions
cli-section-flags = Flags
cli-unowned = Unowned
cli-touchpoints-line = Touchpoints: { $list }
cli-compare-no-group = { $by ->
    [wave] no case has a wave (a journey's cases carry `wave: "…"`; for a CSV use --wave-column or --wave)
   *[segment] no case has a segment
}
cli-compare-groups-are = { $by ->
    [wave] the waves are: { $list }
   *[segment] the segments are: { $list }
}
cli-compare-name-two = { $by ->
    [wave] emograph: name the two waves to compare with --from and --to; { $listed }
   *[segment] emograph: name the two segments to compare with --from and --to; { $listed }
}
cli-compare-unknown-group = { $by ->
    [wave] emograph: no case is in wave { $name }; { $listed }
   *[segment] emograph: no case is in segment { $name }; { $listed }
}
cli-compare-same-group = { $by ->
    [wave] emograph: --from and --to name the same wave
   *[segment] emograph: --from and --to name the same segment
}
cli-compare-heading = { $from } → { $to } ({ $by ->
    [wave] waves
   *[segment] segments
}; { $from_cases } and { $to_cases } cases). Difference = { $to } − { $from }; verdicts by { $test } at 5 %, Holm-corrected over the { $tested ->
    [one] { $tested } touchpoint
   *[other] { $tested } touchpoints
} tested.
cli-test-welch = Welch's t-test
cli-test-mann-whitney = Mann–Whitney U
cli-scenario-none = the journey has no scenarios (add `scenarios: [(id: "s1", name: "to-be", changes: [...])]`, or make one from a flag in the Owners view)
cli-scenario-unknown = there is no scenario { $name }; the scenarios are: { $list }
cli-change-prevent = prevent
cli-change-shorten = shorten response ×{ $factor }
cli-change-amplify = amplify +{ $by }
cli-change-drawn-pattern = drawn for pattern { $id }
cli-change-drawn-all = drawn for every case
cli-scenario-heading = Scenario { $name } ({ $id }): { $n ->
    [one] { $n } change
   *[other] { $n } changes
}
cli-scenario-footnote = mean: each case's own mean, averaged; remembered: (worst + end) / 2 (peak-end rule); ending angry: last score at or below -3.
cli-drivers-no-outcome = { $file }: the cases carry no outcome; give the outcome column, e.g. --outcome "Satisfaction=satisfied" or --outcome "Overall>=4" (on import, or with a CSV here)
cli-drivers-no-values = { $file }: no case has an outcome value in column { $column }
cli-drivers-or = or
cli-drivers-is = { $name } is { $values }
cli-drivers-is-yes = { $name } is yes
cli-drivers-heading = Drivers of { $name }: favourable when { $favourable }; { $good } of { $n } cases with an outcome ({ $percent } %)
cli-drivers-predicts = What predicts the outcome best: a case's …
cli-summary-mean = mean
cli-summary-worst = worst
cli-summary-last = last
cli-summary-peak-end = peak-end (worst + last) / 2
cli-summary-regression = regression on the touchpoints (logistic, 5-fold cross-validated)
cli-drivers-unordered = (an attribute survey: last and peak-end need time order)
cli-drivers-rate-pattern = Favourable rate per pattern
cli-drivers-rate-segment = Favourable rate per segment
cli-drivers-group-n = n { $n }
cli-serve-no-touchpoints = { $file }: the journey has no touchpoints for participants to score
cli-serve-cannot-read-journal = cannot read the journal { $path }: { $error }
cli-serve-skipped-line = { $path }:{ $line }: skipped an unreadable line of the journal: { $why }
cli-serve-not-replayed = emograph: a journalled curve ({ $id }) was not replayed: { $error }
cli-serve-replayed = emograph: replayed { $n ->
    [one] { $n } curve
   *[other] { $n } curves
} from a session that did not end cleanly (journal { $journal }); they are saved in { $file }, and the session goes on with the same code
cli-serve-cannot-open-journal = cannot open the journal { $path }: { $error }
cli-serve-cannot-catch = cannot catch Ctrl+C: { $error }
cli-serve-journal-not-removed = emograph: could not remove the journal: { $error }
cli-serve-ended = Session ended: { $n ->
    [one] { $n } live curve
   *[other] { $n } live curves
}, saved in { $file }.
cli-serve-journal-keeps = Every curve is still in the journal { $path }: the next `emograph serve` of this file replays it.
cli-serve-title = Live session for “{ $title }”
cli-serve-participants-open = Participants open
cli-serve-session-code = Session code
cli-serve-saved-into = Curves are saved into { $path } as they arrive. Ctrl+C ends the session.
cli-serve-not-applied = emograph: the curve { $id } was not applied: { $error }
## The core's words on screen and in the report (gui-i18n)
word-status-open = open
word-status-in-progress = in progress
word-status-done = done
word-level-firm = firm
word-level-customer-strategy = customer strategy
word-level-operational = operational
word-level-infrastructure = infrastructure
word-turn-peak = peak
word-turn-trough = trough
word-turn-crossing-up = crossing up
word-turn-crossing-down = crossing down
word-turn-rise = rise
word-turn-drop = drop
word-turn-erosion = erosion
word-turn-end = end
word-turning-peak = a peak
word-turning-trough = a trough
word-turning-crossing-up = the mood turns positive
word-turning-crossing-down = the mood turns negative
word-turning-rise = a steep rise
word-turning-drop = a steep drop
word-turning-erosion = a slow erosion
word-turning-end = the end, which is remembered most
patterns-distinct-one = one pattern: the cases do not fall into distinct groups
patterns-distinct-clearly = clearly distinct patterns
patterns-distinct-fairly = fairly distinct patterns
patterns-distinct-weakly = weakly distinct patterns: read them as tendencies
patterns-distinct-silhouette = { $words } (silhouette { $s })
patterns-fewer-reason = { $k } patterns would leave one with only { $smallest ->
    [one] { $smallest } case
   *[other] { $smallest } cases
}; a pattern needs at least { $min }
chart-word-target = target
chart-word-no-owner = no owner
critical-stands-out = a moment that stands out
critical-turns-and = { $rest } and { $last }
critical-part-depth = depth { $v }: how far from neutral the mean is
critical-part-sharpness = sharpness { $v }: how sudden the change is
critical-part-share = share { $v }: how many cases show it themselves
critical-part-end = end { $v }: how near the end, which weighs in memory
critical-mean-line = { $turn }: mean { $mean }, { $delta } from the touchpoint before
critical-share-line = { $share }% of the cases show it in their own curve
critical-flag-tip = Make { $kind } at { $at } a flag the team owns
critical-point-tip = { $turn }
    mean { $mean }, { $delta } from the touchpoint before
    { $share }% of the cases show it themselves
    score { $score } = depth { $depth } · sharpness { $sharpness } · share { $part_share } · end { $end }
    Click for the details and to flag and assign it
owners-no-due-date = no due date
owners-due = due { $date }
owners-flagged-by-hand = (flagged by hand)
owners-why = why: { $note }
owners-success-shows-in = success shows in: { $metrics }
owners-flag-moved = Moved the flag at { $at } to { $who }: pick { $who } under Owner: to see it (Ctrl+Z undoes)
owners-flag-deleted = Deleted the flag at { $at } (Ctrl+Z brings it back)
owners-add-positive-flag = Add positive flag
owners-add-negative-flag = Add negative flag
edit-move-flag = Move flag to { $to }
edit-flag-at = Flag at { $at }: { $what }
edit-give-flag = Give flag at { $at } to { $who }
edit-flag-counts-on = Flag at { $at } counts on { $metric }
edit-flag-no-longer-counts-on = Flag at { $at } no longer counts on { $metric }
edit-action-at = Action at { $at }: { $action }
edit-agree-action = Agree action at { $at }
edit-due-date = Due date at { $at }
edit-flag-note = Note on flag at { $at }
owners-sla-line = SLA: { $sla }
owners-default-metric-name = Metric { $n }
owners-metric-deleted = Deleted metric { $name } (Ctrl+Z brings it back)
owners-current-value = Current value
owners-target = Target
owners-metric-used-by = { $n ->
    [one] { $n } flag counts on it; it is taken off it (Ctrl+Z undoes)
   *[other] { $n } flags count on it; it is taken off them (Ctrl+Z undoes)
}
owners-name-empty = type a name; it can't be empty
owners-type-a-number = type a number, e.g. 12.5 (or leave it empty)
owners-not-a-date = not a date like 2026-12-31 yet
edit-metric-direction = Direction of { $name }: { $direction }
edit-metric-level = Level of { $name }: { $level }
edit-give-metric = Give metric { $name } to { $who }
edit-metric-measures = { $name } measures { $at }
edit-metric-no-longer-measures = { $name } no longer measures { $at }
owners-n-touchpoints = { $n ->
    [one] { $n } touchpoint
   *[other] { $n } touchpoints
}
owners-n-metrics = { $n ->
    [one] { $n } metric
   *[other] { $n } metrics
}
owners-n-flags = { $n ->
    [one] { $n } flag
   *[other] { $n } flags
}
owners-still-owns = { $name } still owns { $owned }. They will have no owner and show under Unowned until you assign someone. You can undo this.
owners-touchpoint-mean = mean { $mean } ({ $n ->
    [one] { $n } case
   *[other] { $n } cases
})
owners-critical-line = { $heading } · mean { $mean } · Δ { $delta } · { $share }% of cases · score { $score }
owners-critical-parts = depth { $depth } · sharpness { $sharpness } · share { $share } · end { $end }
owners-assign-to = { $n }. { $name }: assign to
owners-now-owns = { $who } now owns { $name }

## The import dialog (gui-i18n)
import-intro = A CSV, TSV or workbook (.xlsx, .xls, .ods): one row per case, one column per touchpoint, or long rows. The preview shows the first rows as they will be read.
import-filter = CSV or workbook
import-type-path = Type the file's path.
import-scale = Scale:
import-scale-hint = e.g. 1..5; empty if already −5..5
import-na-hint = e.g. 0 or n/a, comma-separated
import-touchpoints-hint = names A,B,C or columns 10..23
import-header-rows = Header rows:
import-header-rows-hint = empty: detected
import-case-column-hint = empty: case, else id
import-segment-column-hint = e.g. Class
import-outcome = Outcome:
import-outcome-hint = e.g. Satisfaction=satisfied
import-long = Long format:
import-long-hint = CASE,TOUCHPOINT,SCORE
import-encoding = Encoding:
import-encoding-hint = e.g. windows-1252; empty: UTF-8
import-sheet = Sheet:
import-sheet-hint = a workbook's sheet; empty: the first
import-unordered = Attribute survey (columns are not in time order)
import-reading = Reading the first rows…
import-type-path-to-preview = Type a file's path to see how it will be read.
import-preview = Preview
import-updating = (updating…)
import-recognised = Recognised: { $what }
import-encoding-named = encoding { $encoding }
import-sheet-of = sheet { $i } "{ $name }" of { $n }
import-sheets = { $n } sheets
import-wording = text answers in the { $wording } wording
import-scale-mapped = Scale { $from }..{ $to } mapped onto −5..+5 (bottom box { $bottom }, top box { $top })
import-scale-as-is = Scale: the scores are read as they are, on −5..+5
import-na-empty = not applicable: empty cells
import-na-values = not applicable: { $values } and empty cells
import-touchpoints-count = { $n } touchpoints
import-cases-by-row = cases numbered by row
import-columns-not-read = { $n } columns not read
import-columns = Columns: { $parts }
import-more-columns = … and { $n } more columns
import-scope-first-rows = the first { $n } rows
import-scope-file = the file
import-no-problems = No problems in { $scope }: { $cases } read.
import-problems = Problems in { $scope }: { $n }
import-column-named = Column { $column } { $name }
import-column = Column { $column }
import-the-file = The file
import-problem-line = { $place }: { $n ->
    [one] { $n } problem
   *[other] { $n } problems
}; first at { $first }
import-header-rows-bad = Header rows { $text }: a number of rows, e.g. 1 or 3

## Other panels (gui-i18n)
export-copied-mermaid = Copied the { $view } view as a Mermaid diagram
export-wrong-extension = { $path } is not a name for a { $format }: end it with .{ $extension }
export-could-not-draw = Could not draw the chart: { $error }
export-could-not-write-report = Could not write the report: { $error }
export-could-not-write = Could not write { $path }: { $error }
dialog-ok = OK
file-not-saved = Not saved: { $first }. Fix it and save again.
file-not-saved-more = Not saved: { $first } (and { $more } more). Fix it and save again.
file-more-problems = … and { $n } more problems
file-imported = Imported { $cases ->
        [one] 1 case
       *[other] { $cases } cases
    } × { $touchpoints ->
        [one] 1 touchpoint
       *[other] { $touchpoints } touchpoints
    } from { $path }. Save it as a journey (.ron) to keep it.
file-could-not-open = Could not open { $name }
file-started-empty = emograph started on a new, empty journey instead. Fix the file (`emograph check` lists every problem) and open it again.
file-open-stays = The journey that was open stays open, unchanged.
file-nothing-saved = Nothing was saved
file-would-not-open = A file saved like this would not open again. Fix this first, then save:
file-still-open = Your journey is still open; nothing was lost.
live-cannot-read-journal = Cannot read the journal { $path }: { $error }
live-cannot-open-journal = Cannot open the journal { $path }: { $error }
live-cannot-start = Cannot start the live session: { $error }
live-arrived-one = arrived: { $who }
live-ended-journal-kept = Session ended; could not remove its journal { $path }: { $error }
live-show-average = Participants see the room's average after sending
entry-outside-scale = { $value } is outside the scale { $min }..{ $max }
dialog-open-filter = Journey, Mermaid diagram or CSV of cases
dialog-save-filter = Journey
dialog-recover-found = emograph found a recovery copy of a journey that was not saved when it last closed.
dialog-recover-counts = { $touchpoints } touchpoints, { $cases } cases, { $flags } flags
dialog-never-saved = never saved
dialog-minutes-ago = { $n } minutes ago

## The report's scenarios and waves (gui-i18n)
report-scenarios-none = The journey has no to-be scenarios yet: turn a flag's action into a change to see what the journey would look like after it.
report-scenarios-intro = What the journey would look like after the agreed changes, computed case by case from the data: <em>prevent</em> takes the fall at a touchpoint away (the curve carries on at the level before it, and the dip after it goes too); <em>shorten the response</em> keeps the stated share of the fall and brings the recovery one touchpoint forward; <em>amplify</em> raises the touchpoint by the stated points. <em>Remembered</em> is the peak-end rule, (worst + end) / 2; <em>ending angry</em> is the share of cases whose last score is −3 or below.
report-change-shorten = shorten the response (keep { $keep } % of the fall)
report-change-amplify = amplify by { $by }
report-change-drawn-pattern = drawn curve for pattern { $id }
report-change-drawn-all = drawn curve for every case
report-waves-too-few = The cases come from { $n } wave(s): a second round of measurement shows whether the journey changed.
report-test-mann-whitney = Mann–Whitney U (answers on a few-step scale)
report-test-welch = Welch's t-test
report-waves-intro = Each wave's mean curve, oldest first. Below, each wave against the one before it: the difference of the means with its 95 % interval (Welch), and a verdict by { $test } at 5 %, corrected for the number of touchpoints compared (Holm), so one lucky touchpoint among many is not called a change. Below { $min } cases in a wave a touchpoint gets no verdict.
report-did-it-work = Did it work?
report-did-it-work-intro = For each action that is done: its touchpoint in the wave before the action's date against the wave after it, as in the Waves section, next to the metrics that were to show it. The interval is this touchpoint's alone; the verdict is corrected for every touchpoint compared, so an interval just clear of zero can still show no change.
report-th-action = Action
report-th-done-by = Done by
report-th-waves = Waves
report-th-metrics = Metrics
report-no-answer = no answer: { $why }
report-no-value-yet = no value yet
report-target = target { $value }
report-owns = owns { $process }
report-owner-touchpoints = touchpoints: { $names }
report-no-metrics = No metrics yet.
report-th-metric = Metric
report-th-level = Level
report-th-current = Current
report-th-target = Target
report-th-gap = Gap
report-th-on-track = On track
report-th-history = History
report-th-sla = SLA
report-yes = yes
report-no = no
report-th-kind = Kind
report-th-agreed = What was agreed
report-th-due = Due
report-th-status = Status
report-prone = Touchpoints prone to trouble
report-th-angry = Angry
report-th-spread = Spread
report-th-why = Why
report-many-angry = many angry cases
report-all-owned = Every critical point and flag has an owner.
file-more-problems-like = … and { $n } more problems like these
file-could-not-save = Could not save { $path }: { $error }. Your journey is still open; nothing was lost.

## Branch i18n-rest: what the chart's markers say on hover, the names of edits, the layout the import
## recognised (the English is the core's own text, which the app reads back and says again)
chart-tip-critical = #{ $rank } { $touchpoint } · { $kind } ({ $turns }) · mean { $mean } · { $share }% of cases · score { $score }
chart-tip-critical-plain = #{ $rank } { $touchpoint } · { $kind } () · mean { $mean } · { $share }% of cases · score { $score }
chart-tip-in-pattern = Pattern { $pattern }: { $tip }
chart-tip-also = Also critical here for { $patterns }
chart-tip-also-pattern = pattern { $pattern } (#{ $rank })
chart-tip-turning = { $touchpoint }: { $turns } · mean { $mean }
chart-tip-turning-delta = { $touchpoint }: { $turns } · mean { $mean } · Δ { $delta } from the previous touchpoint
chart-tip-flag = Flag ({ $kind }, { $status }): { $action } · { $owner }
chart-tip-flag-text = Flag ({ $kind }, { $status }): { $action } · { $owner } · { $text }
chart-tip-owner = owner { $owner }
chart-tip-no-owner = owner no owner
edit-set-title = Edit title
edit-set-description = Edit description
edit-add-phase = Add phase { $name }
edit-rename-phase = Rename phase
edit-add-touchpoint = Add touchpoint { $name }
edit-rename-touchpoint = Rename touchpoint to { $name }
edit-touchpoint = Edit touchpoint { $name }
edit-move-touchpoint = Move { $name }
edit-delete-touchpoint = Delete touchpoint { $name }
edit-add-case = Add { $name }
edit-replace-case = Replace { $name }
edit-delete-case = Delete case { $name }
edit-case = Edit case { $name }
edit-score = Score { $case } at { $at }: { $score }
edit-clear-score = Clear score of { $case } at { $at }
edit-note = Note of { $case } at { $at }
edit-add-owner = Add owner { $name }
edit-owner = Edit owner { $name }
edit-delete-owner = Delete owner { $name }
edit-assign-touchpoint = Give { $at } to { $who }
edit-add-metric = Add metric { $name }
edit-metric = Edit metric { $name }
edit-delete-metric = Delete metric { $name }
edit-add-flag = Flag { $kind } at { $at }
edit-flag = Edit flag at { $at }
edit-delete-flag = Delete flag at { $at }
edit-unname-pattern = Remove a pattern's name
edit-name-pattern = Name pattern { $name }
edit-add-scenario = Add scenario { $name }
edit-scenario = Edit scenario { $name }
edit-delete-scenario = Delete scenario { $name }
edit-scenario-change = Scenario { $scenario }: { $action } at { $at }
edit-word-change = change

## A large journey opened in the background (app/opening.rs)
opening-heading = Opening { $file }
opening-reading = reading the file
opening-making-cases = making the cases
opening-stage = { $stage } · { $seconds } s
opening-percent = { $percent } %
opening-stop = Stop waiting
status-opening = Opening { $path }…
status-open-stopped = Stopped opening { $path }; the journey that was open stays.

## A refused command line (cli/argument_errors.rs; English itself prints clap's own words)
args-unknown = unknown argument { $arg }
args-unknown-command = unknown command { $name }
args-no-value = { $arg } needs a value
args-invalid-value = { $value } is not a value { $arg } takes
args-value-refused = { $value } is refused for { $arg }: { $reason }
args-missing = missing: { $args }
args-missing-command = a command is missing
args-conflict = { $arg } cannot be given with { $other }
args-unexpected-value = unexpected value { $value }
args-not-understood = the command line was not understood
args-valid-values = values that will do: { $values }
args-did-you-mean = did you mean { $suggestion }?
args-usage = Usage: { $usage }
args-more = For more, run emograph --help
