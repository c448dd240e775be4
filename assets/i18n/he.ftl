# ממשק emograph בעברית. לכל מפתח כאן יש מקבילה ב-en.ftl עם אותם משתנים
# (tests/i18n_catalogue.rs בודק זאת). בעברית צורות הרבים הן one / two / other.

## Counts
cases-count = { $n ->
    [one] מקרה אחד
    [two] שני מקרים
   *[other] { $n } מקרים
}
touchpoints-count = { $n ->
    [one] נקודת מגע אחת
    [two] שתי נקודות מגע
   *[other] { $n } נקודות מגע
}
critical-points-count = { $n ->
    [one] נקודה קריטית אחת
    [two] שתי נקודות קריטיות
   *[other] { $n } נקודות קריטיות
}

## The chart, for a screen reader
chart-summary = { $cases ->
    [one] מקרה אחד
    [two] שני מקרים
   *[other] { $cases } מקרים
}; הנקודה הנמוכה: { $touchpoint }, ממוצע { $mean }; { $critical ->
    [one] נקודה קריטית אחת
    [two] שתי נקודות קריטיות
   *[other] { $critical } נקודות קריטיות
}
chart-summary-empty = עדיין אין ציונים
chart-curve-point = { $curve } — { $touchpoint }: { $score }
chart-point-unscored = { $curve } — { $touchpoint }: ללא ציון
chart-critical = נקודה קריטית { $rank }: { $touchpoint } — { $badge }
chart-critical-plain = נקודה קריטית { $rank }: { $touchpoint }
chart-summary-unanalysed = { $cases ->
    [one] מקרה אחד
    [two] שני מקרים
   *[other] { $cases } מקרים
}; הנקודה הנמוכה: { $touchpoint }, ממוצע { $mean }
chart-name = תרשים: { $title }
chart-badge = תווית של נקודה קריטית { $rank }: { $text }
chart-score-changed = { $touchpoint }: { $score }
chart-time-axis = זמן ({ $unit })

## src/app/panels/bars.rs
menu-file = קובץ
menu-new-journey = מסע חדש
menu-open = פתיחה…
menu-import-csv = ייבוא CSV…
menu-import-csv-tip = ייצוא של סקר או של CRM (CSV או חוברת עבודה), עם תצוגה מקדימה לפני הייבוא
menu-open-recent = פתיחת קובץ אחרון
menu-no-recent = אין קבצים אחרונים
menu-save = שמירה
menu-save-as = שמירה בשם…
menu-export = ייצוא…
menu-copy-chart = העתקת התרשים
menu-copy-chart-tip = התרשים שעל המסך כתמונה, 1600×900
menu-copy-mermaid = העתקה כ-Mermaid
menu-copy-mermaid-tip = תרשים מסע של Mermaid לוויקי ול-Markdown
menu-quit = יציאה
menu-edit = עריכה
menu-undo = ביטול
menu-redo = ביצוע מחדש
menu-new-case = מקרה חדש…
menu-view = תצוגה
menu-theme = ערכת נושא
menu-zoom-in = הגדלה
menu-zoom-out = הקטנה
menu-actual-size = גודל אמיתי
menu-presenter = מצב מציג
menu-workshop = סדנה
menu-start-live = התחלת מפגש חי
menu-end-live = סיום מפגש חי
menu-help = עזרה
menu-shortcuts = קיצורי מקלדת
menu-presenter-f5 = מצב מציג (F5)
status-unsaved-journey = מסע שלא נשמר
status-unsaved-changes = (שינויים שלא נשמרו)
status-keys-hint = מקשים על הגרף: ←/→ נקודת מגע · ↑/↓ ±0.5 (Shift ±1) · הקלדת ציון · Enter הבא · Ctrl+Shift+N מקרה חדש · F1 כל המקשים
status-more-lines = { $first }  (+{ $more } שורות נוספות: רחפו כדי לקרוא)

## src/app/mod.rs
status-not-changed = לא שונה: { $error }
status-undid = בוטל: { $label }
status-redid = בוצע מחדש: { $label }
case-default-name = מקרה { $n }
status-new-case-ready = { $case }: הקלידו את הציון ב{ $touchpoint }, Enter לנקודת המגע הבאה
status-new-journey = מסע חדש
menu-language = שפה

## src/app/panels/view_bar.rs
view-label = תצוגה:
view-cases = מקרים
view-overall = כללי
view-patterns = דפוסים
view-segments = פלחים
view-segments-tip = עקומת הממוצע של כל פלח מעל הממוצע הכללי
view-waves = גלים
view-waves-tip = עקומה לכל גל של הסקר, ואילו נקודות מגע השתנו
view-owners = אחראים ופעולות
view-rtl = מימין לשמאל
view-rtl-tip = הצגת התהליך מימין לשמאל, כפי שקורא בשפה מימין לשמאל מצפה (גם הייצוא)
view-time-axis = ציר זמן
view-pattern-count = מספר הדפוסים:
view-segment = פלח:
view-analysing = מנתח…
view-time-axis-tip = מרווח בין נקודות המגע לפי הזמן שלהן ({ $unit }) ולא באופן שווה
view-auto = אוטומטי
view-all-cases = כל המקרים
view-analysed-in = נותח ב-{ $seconds } שנ׳

## src/app/panels/cases.rs
cases-heading = מקרים
cases-add = הוספת מקרה
cases-duplicate = שכפול מקרה
cases-delete = מחיקת מקרה
cases-show-all = הצגת הכול
cases-hide-all = הסתרת הכול
cases-select-hint = בחרו מקרה כדי לערוך את העקומה שלו.
cases-name = שם המקרה
cases-segment = פלח
cases-source = מקור
cases-note-hint = לחצו על נקודת מגע בגרף כדי להוסיף שם הערה.

## src/app/case_entry.rs
new-case-heading = מקרה חדש
new-case-name-hint = למשל דנה בקופה
new-case-start = התחלת דירוג
dialog-cancel = ביטול

## src/app/panels/patterns.rs
patterns-heading = דפוסים אופייניים
patterns-none = עדיין אין מקרים לקיבוץ.
patterns-edit-representative = עריכת המקרה המייצג
patterns-members = חברים:
patterns-open-case-tip = פתיחת המקרה בתצוגת המקרים

## src/app/panels/cases.rs (formats)
cases-graph-shows-band = הגרף מציג את { $n } המקרים כממוצע והחצי האמצעי שלהם
cases-show-on-graph = הצגת { $name } בגרף
cases-copy-name = { $name } (עותק)
cases-deleted = { $name } נמחק (Ctrl+Z מחזיר אותו)
cases-case-heading = מקרה: { $name }
cases-not-scored = ללא ציון
cases-score-at = ב{ $touchpoint }: { $score }
cases-note-at = הערה ב{ $touchpoint }

## src/app/case_entry.rs (formats)
new-case-optional = רשות
new-case-example = למשל { $example }
new-case-keys = Enter: התחלת דירוג בנקודת המגע הראשונה · Esc: ביטול
new-case-keys-segments = פלחים בשימוש: { $segments } (Tab משלים) · Enter: התחלת דירוג · Esc: ביטול

## src/app/panels/patterns.rs (formats)
patterns-fewer = פחות דפוסים: { $reason }.
patterns-entry = דפוס { $id } · { $share }% · { $n ->
    [one] מקרה אחד
    [two] שני מקרים
   *[other] { $n } מקרים
}
patterns-entry-named = דפוס { $id } · { $name } · { $share }% · { $n ->
    [one] מקרה אחד
    [two] שני מקרים
   *[other] { $n } מקרים
}
patterns-name = שם הדפוס
patterns-name-hint = למשל: משפחות מתוסכלות
patterns-no-segment = ללא פלח
patterns-representative = המקרה המייצג: { $name }
patterns-summary = { $cases ->
    [one] מקרה אחד
    [two] שני מקרים
   *[other] { $cases } מקרים
} { $k ->
    [one] בדפוס אחד
    [two] בשני דפוסים
   *[other] ב-{ $k } דפוסים
}
patterns-summary-auto = { patterns-summary } (נבחר אוטומטית)

## src/app/panels/journey.rs
journey-heading = מסע
journey-title = כותרת
journey-title-needed = נדרשת כותרת: אי אפשר לשמור את המסע בלעדיה.
journey-description = תיאור
journey-phases = שלבים
journey-add-phase = הוספת שלב
journey-new-phase = שלב חדש
journey-touchpoints = נקודות מגע
journey-add-touchpoint = הוספת נקודת מגע
journey-insert-before = הוספה לפני
touchpoint-name = שם נקודת המגע
touchpoint-name-needed = נדרש שם לפני שאפשר לשמור את המסע.
touchpoint-phase = שלב
touchpoint-channel = ערוץ
touchpoint-office = משרד
touchpoint-front-office = חזית
touchpoint-back-office = עורף
touchpoint-time-offset = היסט זמן
touchpoint-offset-set = מוגדר
touchpoint-process = תהליך CRM
touchpoint-owner = אחראי
touchpoint-delete = מחיקת נקודת המגע

## src/app/panels/journey.rs (formats)
journey-phase-n = שלב { $n }
journey-drag-to-move = גררו כדי להזיז את { $name }
journey-grip = הזזת { $name }: גררו, או Alt+↑ / Alt+↓
journey-move-down = הזזת { $name } למטה
journey-move-up = הזזת { $name } למעלה
touchpoint-default-name = נקודת מגע { $n }
touchpoint-nobody = אף אחד

## src/app/critical_panel.rs
critical-no-notes = אף מקרה לא השאיר כאן הערה.
critical-flag-assign = סימון והקצאה
critical-flag-assign-tip = הפיכת הנקודה למשימה של הצוות, ואז הקצאת אחראי כאן
critical-action-owner = אחראי לפעולה
critical-success-shows-in = ההצלחה ניכרת ב
critical-no-metrics = עדיין אין מדדים (אחראים ופעולות ← הוספת מדד).
critical-action = פעולה
critical-amplify = הגברה
critical-prevent = מניעה
critical-shorten = קיצור התגובה
critical-due = תאריך יעד (YYYY-MM-DD)
critical-due-hint = למשל 2027-03-31

## src/app/critical_panel.rs (formats)
critical-score-made-of = ציון { $score }, המורכב מ
critical-cases-said = מה המקרים אמרו כאן ({ $n }):
critical-and-more = … ועוד { $n }
critical-flag-given = הסימון ב{ $at } הועבר אל { $who }: הוא מופיע בדף שלו באחראים ופעולות
critical-due-set = נקבע תאריך יעד לסימון ב{ $at }
critical-flag-updated = הסימון ב{ $at } עודכן

## src/app/export_dialog.rs
export-heading = ייצוא של תרשים, של הדוח או של דיאגרמה
export-intro = התרשים הוא התצוגה שעל המסך; הדוח מכסה את המסע כולו.
export-format = תבנית:
export-width = רוחב:
export-height = גובה:
export-scale = קנה מידה:
export-scale-tip = ‏2× או 3× להדפסה: 1600×900 ב-3× חד ב-300 dpi על עמוד ברוחב 16 ס״מ
export-file = קובץ:
export-export = ייצוא
export-type-path = הקלידו נתיב לקובץ.
export-copied-chart = התרשים הועתק ללוח (1600×900)

## src/app/export_dialog.rs (formats)
export-format-png = תמונת PNG
export-format-svg = ציור SVG
export-format-report = דוח HTML
export-format-mermaid = דיאגרמת Mermaid
export-copy-mermaid-failed = לא ניתן היה להעתיק כ-Mermaid: { $error }
export-copy-chart-failed = לא ניתן היה להעתיק את התרשים: { $error }
export-exported-chart = התרשים יוצא אל { $path }
export-wrote-report = הדוח נכתב אל { $path }
export-wrote-mermaid = דיאגרמת Mermaid נכתבה אל { $path }

## src/app/panels/history.rs (formats)
history-heading = היסטוריה
history-none = עדיין אין עריכות.
history-undone = (בוטל) { $label }

## src/app/file_dialogs.rs (formats)
status-opened = נפתח { $path }
status-saved = נשמר { $path }
status-restored = עותק השחזור שוחזר. שמרו אותו כדי לשמור עליו.
dialog-delete-touchpoint = למחוק את נקודת המגע “{ $name }”?

## src/app/file_dialogs.rs
dialog-file-changed = הקובץ השתנה בדיסק
dialog-overwrite = דריסה
dialog-import-csv = ייבוא CSV של מקרים
dialog-import-csv-intro = שורה לכל מקרה, עמודה לכל נקודת מגע; עמודות המקרה והפלח מזוהות לפי שמן.
dialog-not-applicable = לא רלוונטי:
dialog-touchpoints = נקודות מגע:
dialog-case-column = עמודת המקרה:
dialog-segment-column = עמודת הפלח:
dialog-import = ייבוא
dialog-type-csv-path = הקלידו את הנתיב לקובץ ה-CSV.
dialog-open-journey = פתיחת מסע
dialog-path = נתיב:
dialog-recent = אחרונים:
dialog-open = פתיחה
dialog-save-journey-as = שמירת המסע בשם
dialog-unsaved-body = במסע הזה יש שינויים שלא נשמרו.
dialog-save-before-closing = לשמור את השינויים לפני הסגירה?
dialog-save-and-close = שמירה וסגירה
dialog-close-without-saving = סגירה בלי לשמור
dialog-open-unsaved-body = במסע הפתוח יש שינויים שלא נשמרו.
dialog-discard-unsaved = לבטל את השינויים שלא נשמרו?
dialog-save-first = שמירה קודם
dialog-discard-changes = ביטול השינויים
dialog-delete-with-scores = מחיקתה יחד עם הציונים
dialog-recover = לשחזר עבודה שלא נשמרה?
dialog-recover-journey = מסע:
dialog-recover-holds = מכיל:
dialog-recover-original = הקובץ המקורי:
dialog-recover-written = נכתב:
dialog-restore = שחזור
dialog-discard-recovery = מחיקת עותק השחזור
dialog-decide-later = החלטה מאוחר יותר

## src/app/dialogs.rs
dialog-browse = עיון…

## src/export/report.rs
report-meta = { $cases ->
    [one] מקרה אחד
    [two] שני מקרים
   *[other] { $cases } מקרים
} · { $touchpoints } נקודות מגע · { $patterns } דפוסים אופייניים · סולם { $min } … { $max }
report-section-journey = המסע
report-section-overall = כללי
report-section-patterns = דפוסים אופייניים
report-section-segments = פלחים
report-section-critical = נקודות קריטיות
report-section-scenarios = תרחישים
report-section-waves = גלים
report-section-owners = אחראים
report-section-unowned = נקודות ללא אחראי
report-overall-intro = הממוצע של כל המקרים בכל נקודת מגע, הרצועה שמכילה את החצי האמצעי שלהם, והנקודות הקריטיות ביותר, ממוספרות לפי דירוג.
report-footer = נוצר ב-emograph { $version } מתוך { $cases } מקרים.
report-th-phase = שלב
report-th-touchpoint = נקודת מגע
report-th-channel = ערוץ
report-th-office = משרד
report-th-owner = אחראי
report-office-front = חזית
report-office-back = עורף
report-no-patterns = אין מקרים, ולכן אין דפוסים.
report-patterns-intro = המקרים מתחלקים ל-{ $n } דפוסים אופייניים: עקומות בצורה דומה, מקובצות יחד. הממוצע של כל דפוס מצויר מעל הממוצע הכללי (מקווקו).
report-representative = המקרה המייצג:
report-segment-of = פלח { $segment }
report-segments-label = פלחים:
report-no-segments = לאף מקרה אין פלח, ולכן אין מה להשוות.
report-segments-intro = עקומת הממוצע של כל פלח מעל הממוצע של כל המקרים (מקווקו), והיכן הלקוחות של כל פלח מרגישים הכי רע, הכי טוב, והכי הרבה מתחת לכולם.
report-th-segment = פלח
report-th-cases = מקרים
report-th-lowest = הנמוך ביותר
report-th-highest = הגבוה ביותר
report-th-furthest-below = הרחק ביותר מתחת לכל המקרים
report-critical-intro = נקודות מפנה מדורגות לפי חשיבותן: כמה עמוק הממוצע, כמה בחדות הגיע לשם, כמה מקרים מראים את המפנה בעצמם וכמה קרוב לסוף הוא מגיע (ציון 0 … 1).
report-no-critical = לא נמצאו נקודות קריטיות.
report-th-where = היכן
report-th-rank = מס׳
report-th-direction = כיוון
report-th-turn = מפנה
report-th-mean = ממוצע
report-th-change = שינוי
report-th-cases-showing = מקרים שמראים אותה
report-th-score = ציון
report-scope-overall = כללי
report-scope-pattern = דפוס { $id }
report-no-owners = במסע עדיין אין אחראים.
report-owner-critical = נקודות קריטיות בנקודות המגע שלהם
report-actions = פעולות
report-no-actions = עדיין לא סוכמו פעולות.
report-unowned-intro = נקודות קריטיות בנקודות מגע ללא אחראי, וסימונים שאיש לא לקח על עצמו: כל אחד מהם צריך מישהו שיחליט לגביו.
report-unowned-flags = סימונים ללא אחראי

## src/export/report_redesign.rs
verdict-better = השתפר
verdict-worse = הורע
verdict-no-change = לא נמצא שינוי
verdict-none = אין הכרעה: { $why }
did-it-work = האם זה עבד? { $answer }
did-it-work-no-answer = עדיין אין תשובה: { $why }

## src/cli.rs
cli-check-ok = { $file }: תקין ({ $touchpoints ->
    [one] נקודת מגע אחת
    [two] שתי נקודות מגע
   *[other] { $touchpoints } נקודות מגע
}, { $cases ->
    [one] מקרה אחד
    [two] שני מקרים
   *[other] { $cases } מקרים
})
cli-check-upgraded = { $file }: תקין, נכתב מחדש כגרסה 2 ({ $touchpoints ->
    [one] נקודת מגע אחת
    [two] שתי נקודות מגע
   *[other] { $touchpoints } נקודות מגע
}, { $cases ->
    [one] מקרה אחד
    [two] שני מקרים
   *[other] { $cases } מקרים
})
cli-open-needs-gui = emograph: הפקודה `open` דורשת ממשק גרפי, ובבנייה הזו אין
cli-cannot-write = emograph: לא ניתן לכתוב את הפלט: { $error }

## src/app/critical_view.rs
critical-flag = סימון
critical-heading = נקודות קריטיות
critical-none = אין נקודות מעל הספים: אף רגע לא בולט.
critical-sort-by = מיון לפי:
critical-sort-rank = דירוג
critical-sort-score = ציון
critical-sort-share = שיעור המקרים
critical-sort-touchpoint = נקודת מגע
critical-none-in-scope = אין בתחום שעל המסך.
critical-flagged-by-team = סומנו על ידי הצוות (לא זוהו):
critical-prone = נוטות לבעיות:
critical-angry-inconsistent = רבים כועסים, שירות לא עקבי
critical-angry = רבים כועסים
critical-inconsistent = שירות לא עקבי

## src/app/update.rs
presenter-leave = יציאה ממצב מציג (F5)
graph-no-touchpoints = במסע הזה עדיין אין נקודות מגע.

## src/app/scenario_view.rs
scenario-to-be = מצב רצוי:
scenario-draw-tip = הממוצע הרצוי מקווקו מעל המצב הקיים, והשינוי מוצלל

## src/app/update.rs (formats)
presenter-editing = בעריכה: { $name }
graph-add-first-touchpoint = הוסיפו את הראשונה בחלונית המסע שמימין ("הוספת נקודת מגע").

## src/app/keys.rs (formats)
status-editing = בעריכה: { $name }

## src/app/critical_view.rs (formats)
critical-flagged = מסומן ({ $status })

## src/app/scenario_view.rs (formats)
scenario-draw = ציור המצב הרצוי: { $name }
scenario-add-flag-action = הוספת הפעולה של סימון אל { $name }
scenario-make-from-flag = יצירת תרחיש רצוי מסימון

## src/app/look.rs
theme-light = בהירה
theme-dark = כהה
theme-high-contrast = ניגודיות גבוהה

## src/app/critical_view.rs (more)
critical-prone-line = { $name }: { $why } ({ $angry }% ב-−3 ומטה, פיזור { $spread })
critical-flag-added = { $at } סומנה: זו עכשיו משימה של הצוות

## src/app/owners_view/flags.rs
owners-click-edit-action = לחצו כדי לערוך את הפעולה
owners-direction = כיוון
owners-positive = חיובי
owners-negative = שלילי
owners-flag-owner = אחראי לסימון
owners-metrics-success = מדדים שיראו הצלחה
owners-no-metrics-above = עדיין אין מדדים (“הוספת מדד” למעלה).
owners-amplify-tip = להגדיל רגע חיובי או לחזק את תדירותו
owners-prevent-tip = להסיר את הסיבה לרגע שלילי
owners-shorten-tip = כשאי אפשר למנוע: להגיב מהר יותר ולרכך את הירידה
owners-agreed-action = הפעולה שסוכמה
owners-agreed-hint = מה הצוות סיכם לעשות
owners-due-date = תאריך יעד (YYYY-MM-DD)
owners-status = מצב
owners-note = הערה
owners-delete-flag = מחיקת הסימון
owners-flag-by-hand = סימון רגע ידנית
owners-add-touchpoints-first = הוסיפו קודם נקודות מגע.
owners-flag-by-hand-at = סימון ידני ב
owners-flag-exists = כבר יש כאן סימון כזה

## src/app/owners_view/metrics.rs
owners-click-edit-metric = לחצו כדי לערוך את המדד
owners-metric-name = שם המדד
owners-unit = יחידה
owners-against-target = מול היעד
owners-better = טוב יותר
owners-level = רמה
owners-sla = SLA (אמנת שירות)
owners-sla-hint = למשל חזרה ללקוח בתוך 24 שעות
owners-metric-owner = אחראי למדד
owners-measures-label = מודד
owners-delete-metric = מחיקת המדד

## src/app/owners_view/owner_list.rs
owners-owner = אחראי:
owners-add-owner = הוספת אחראי
owners-delete-owner = מחיקת אחראי
owners-owner-name = שם האחראי
owners-role = תפקיד
owners-process = תהליך ה-CRM שבאחריותו
owners-delete-owner-refs = מחיקת האחראי וניקוי ההפניות אליו
owners-none-touchpoints = עדיין אין: הקצו נקודות מגע תחת "ללא אחראי" למטה, או בעורך של נקודת מגע.
owners-critical-there = נקודות קריטיות שם
owners-no-critical-there = אין נקודה קריטית בנקודות המגע שלו.
owners-metrics-against-target = מדדים מול היעד
owners-no-metric = עדיין אין מדד: איזה מספר יראה שהשינוי עבד?
owners-add-metric = הוספת מדד
owners-actions-open-first = פעולות (הפתוחות קודם)
owners-no-actions = עדיין אין פעולות: סמנו נקודה קריטית למעלה או רגע ידנית למטה.
owners-unowned = ללא אחראי
owners-everything-owned = לכל דבר יש אחראי.
owners-touchpoints-nobody = נקודות מגע ללא אחראי
owners-critical-nobody = נקודות קריטיות ללא אחראי
owners-actions-nobody = פעולות ללא אחראי
owners-metrics-nobody = מדדים ללא אחראי

## src/app/owners_view/mod.rs
owners-finding = מאתר את הנקודות הקריטיות…
owners-segment-note = הנקודות הקריטיות של הפלח „{ $segment }” (שינוי הפלח בסרגל התצוגה).
owners-no-owners = עדיין אין אחראים: הוסיפו את הראשון בעזרת “הוספת אחראי”.

## src/app/live_panel.rs
live-add-touchpoints-first = הוסיפו קודם נקודות מגע: המשתתפים מדרגים את נקודות המגע של המסע.
live-heading = מפגש חי
live-scan = סרקו את הקוד או פתחו את הכתובת בטלפון:
live-pause = השהיית ההגשות
live-resume = חידוש ההגשות
live-close = סגירת ההגשות

## src/app/panels/segments.rs
segments-smaller = פלחים קטנים יותר מופיעים ברשימה אך לא בגרף.

## src/app/waves_view.rs
waves-none = עדיין אף מקרה אינו שייך לגל.
waves-holm = ההפרש עם רווח הסמך של 95%; ההכרעות מתוקנות לפי Holm על פני נקודות המגע.

## src/app/panels/segments.rs (formats)
segments-count = { $n } פלחים · לחצו על אחד כדי לראות אותו לבדו
segments-show-only = הצגת מקרי { $segment } בלבד בתצוגה הכללית
segments-lowest = הנמוך ביותר: { $touchpoint } ({ $score })
segments-highest = הגבוה ביותר: { $touchpoint } ({ $score })
segments-furthest-below = הרחק ביותר מתחת לכל המקרים: { $touchpoint } ({ $score })

## src/app/waves_view.rs (formats)
waves-one-wave = כל המקרים בגל אחד ({ $wave }): סבב מדידה שני יראה אם המסע השתנה.

## src/app/owners_view/metrics.rs (formats)
metric-no-target = עדיין אין יעד
metric-no-current = עדיין אין ערך נוכחי
metric-beats-target = במסלול: עובר את היעד ב-{ $by }
metric-target-met = במסלול: היעד הושג
metric-off-track = לא במסלול: נותרו { $to_go }
metric-higher-better = גבוה יותר עדיף
metric-lower-better = נמוך יותר עדיף

## src/app/owners_view/owner_list.rs (formats)
owners-deleted = האחראי { $name } נמחק (Ctrl+Z מחזיר אותו)
owners-none-yet = עדיין אין אחראים
owners-default-name = אחראי { $n }
owners-delete-question = למחוק את האחראי “{ $name }”?
owners-touchpoints-of = נקודות המגע שבאחריות { $name }
owners-in-patterns = בדפוסים האופייניים ({ $n })

## src/app/live_panel.rs (formats)
live-code = קוד { $code }
live-status-open = פתוחות
live-status-paused = מושהות
live-status-closed = סגורות
live-arrived = { $n } עקומות הגיעו · ההגשות { $status }
live-ended = המפגש החי הסתיים: { $n } עקומות הגיעו ונשמרו.

## src/app/graph/access.rs
chart-curve = עקומה: { $curve }

## src/i18n/chart_words.rs
chart-word-mean = ממוצע
chart-word-middle-half = החצי האמצעי של המקרים (רבעון 1–3)
chart-word-middle-half-all = החצי האמצעי של כל המקרים
chart-word-middle-half-pattern = החצי האמצעי של הדפוס (רבעון 1–3)
chart-word-member-cases = המקרים בדפוס
chart-word-critical-negative = נקודה קריטית (שלילית)
chart-word-critical-positive = נקודה קריטית (חיובית)
chart-word-critical = נקודה קריטית
chart-word-peak = שיא
chart-word-trough = שפל
chart-word-crosses-positive = חוצה לחיובי
chart-word-crosses-negative = חוצה לשלילי
chart-word-steep-drop = ירידה חדה
chart-word-steep-rise = עלייה חדה
chart-word-flag = סימון
chart-word-mean-band = ממוצע ורצועת רבעונים

## src/app/shortcuts.rs (the cheat sheet; keys are "shortcut-" and the English words)
shortcuts-heading = קיצורי מקלדת
shortcut-live-entry = הזנה חיה
shortcut-new-case-name-tab-segment-tab = מקרה חדש: שם, Tab, פלח (Tab משלים), Enter
shortcut-type-the-score-at-the-cursor = הקלדת הציון בסמן (‎−5 … +5)
shortcut-next-touchpoint-on-the-last-one = נקודת המגע הבאה; באחרונה, המקרה הבא
shortcut-previous-next-touchpoint = נקודת המגע הקודמת / הבאה
shortcut-score-0-5-with-shift-1 = ציון ±0.5 (עם Shift ‏±1)
shortcut-clear-the-score-at-the-cursor = מחיקת הציון בסמן
shortcut-previous-next-case = המקרה הקודם / הבא
shortcut-drop-what-is-typed-leave-the = ביטול מה שהוקלד; יציאה מחלון המקרה החדש
shortcut-file = קובץ
shortcut-new-journey = מסע חדש
shortcut-open = פתיחה
shortcut-save = שמירה
shortcut-save-as = שמירה בשם
shortcut-export-a-chart-the-report-or = ייצוא של תרשים, של הדוח או של דיאגרמה
shortcut-quit-asks-first-when-there-are = יציאה (שואלת קודם כשיש שינויים שלא נשמרו)
shortcut-edit = עריכה
shortcut-undo = ביטול
shortcut-redo = ביצוע מחדש
shortcut-view = תצוגה
shortcut-zoom-in-out-actual-size = הגדלה / הקטנה / גודל אמיתי
shortcut-presenter-mode-on-and-off-esc = הפעלה וכיבוי של מצב מציג (Esc יוצא ממנו)
shortcut-this-list = הרשימה הזו
shortcut-everywhere = בכל מקום
shortcut-next-previous-control-space-or-enter = הפקד הבא / הקודם; Space או Enter לוחצים עליו

## src/export/report_redesign.rs
report-th-from-action = מתוך הפעולה
report-th-cases-changed = מקרים שהיא משנה
report-th-critical-before = קריטית לפני
report-th-critical-after = קריטית אחרי
report-th-to-be = רצוי
report-th-remembered = נזכר
report-th-ending-angry = מסיימים בכעס
report-th-difference = הפרש
report-th-interval = רווח סמך 95%
report-th-p-corrected = p (מתוקן)
report-th-verdict = הכרעה
chart-word-overall-mean = הממוצע הכללי
chart-word-pattern = דפוס { $n }
chart-word-patterns-of = { $k ->
    [one] דפוס אופייני אחד
    [two] שני דפוסים אופייניים
   *[other] { $k } דפוסים אופייניים
} מתוך { $cases ->
    [one] מקרה אחד
    [two] שני מקרים
   *[other] { $cases } מקרים
}

## src/cli/ (the commands' tables and messages; the words for the core's labels are the labels)
cli-none = אין
cli-yes = כן
cli-no = לא
cli-scope-overall = כולל
cli-scope-pattern-id = דפוס { $id }
cli-pattern-n = דפוס { $id }
cli-kind-positive = חיובית
cli-kind-negative = שלילית
cli-turn-peak = שיא
cli-turn-trough = שפל
cli-turn-crossing-up = חצייה לחיובי
cli-turn-crossing-down = חצייה לשלילי
cli-turn-rise = עלייה חדה
cli-turn-drop = ירידה חדה
cli-turn-erosion = שחיקה
cli-turn-end = סיום שלילי
cli-th-touchpoint = נקודת מגע
cli-th-n = מקרים
cli-th-mean = ממוצע
cli-th-median = חציון
cli-th-q1 = רבעון 1
cli-th-q3 = רבעון 3
cli-th-min = מינימום
cli-th-max = מקסימום
cli-th-std = סטיית תקן
cli-th-negative = שליליים
cli-th-angry = כועסים
cli-th-pattern = דפוס
cli-th-cases = מקרים
cli-th-share = חלק
cli-th-representative = מקרה מייצג
cli-th-segments = פלחים
cli-th-scope = היקף
cli-th-rank = דירוג
cli-th-kind = סוג
cli-th-turning = מפנה
cli-th-change = שינוי
cli-th-score = ציון
cli-th-owner = אחראי
cli-th-flag = סימון
cli-th-spread = פיזור (סטיית תקן)
cli-th-why = סיבה
cli-th-metric = מדד
cli-th-level = רמה
cli-th-current = נוכחי
cli-th-target = יעד
cli-th-gap = פער
cli-th-on-track = בדרך ליעד
cli-th-sla = אמנת שירות
cli-th-status = מצב
cli-th-action = פעולה
cli-th-due = תאריך יעד
cli-th-agreed = מה סוכם
cli-th-n-from = מקרים בראשון
cli-th-n-to = מקרים בשני
cli-th-difference = הפרש
cli-th-interval = רווח סמך 95 %
cli-th-p = ערך p
cli-th-p-corrected = p מתוקן
cli-th-verdict = הכרעה
cli-th-change-kind = שינוי
cli-th-from-flag = מסימון
cli-th-cases-changed = מקרים שהשתנו
cli-th-critical-before = קריטי לפני
cli-th-critical-after = קריטי אחרי
cli-th-to-be = רצוי
cli-th-remembered = נזכר
cli-th-ending-angry = מסיימים בכעס
cli-th-auc = AUC
cli-th-mean-fav = ממוצע חיוביים
cli-th-mean-unfav = ממוצע שליליים
cli-th-bottom-box-unfav = תחתית הסולם בשליליים
cli-th-n-fav = חיוביים
cli-th-n-unfav = שליליים
cli-th-summary = סיכום
cli-th-correlation = מתאם
cli-stats-heading = { $cases ->
    [one] מקרה אחד
    [two] שני מקרים
   *[other] { $cases } מקרים
}, { $touchpoints ->
    [one] נקודת מגע אחת
    [two] שתי נקודות מגע
   *[other] { $touchpoints } נקודות מגע
} (ציונים בסולם -5..+5; שליליים = מתחת ל-0, כועסים = -3 ומטה)
cli-patterns-heading = { $cases ->
    [one] מקרה אחד
    [two] שני מקרים
   *[other] { $cases } מקרים
}, { $k ->
    [one] דפוס אחד
    [two] שני דפוסים
   *[other] { $k } דפוסים
}
cli-patterns-curves = ציון ממוצע בכל נקודת מגע
cli-segments-none = למקרים אין פלחים
cli-segments-are = הפלחים הם: { $list }
cli-segment-unknown = אין מקרה בפלח { $segment }; { $list }
cli-k-invalid = { $text }: יש לתת מספר דפוסים (1 ומעלה) או auto
cli-import-give-output = emograph: יש לציין -o OUT.ron (או --into JOURNEY.ron)
cli-import-mermaid-whole = emograph: האפשרות --segment בוחרת מקרים מתוך CSV; תרשים Mermaid מיובא בשלמותו
cli-import-wrote = נכתב { $path } ({ $cases ->
    [one] מקרה אחד
    [two] שני מקרים
   *[other] { $cases } מקרים
}, { $touchpoints ->
    [one] נקודת מגע אחת
    [two] שתי נקודות מגע
   *[other] { $touchpoints } נקודות מגע
})
cli-import-wrote-added = נכתב { $path } ({ $added ->
    [one] נוסף מקרה אחד
    [two] נוספו שני מקרים
   *[other] נוספו { $added } מקרים
}, { $cases ->
    [one] מקרה אחד
    [two] שני מקרים
   *[other] { $cases } מקרים
}, { $touchpoints ->
    [one] נקודת מגע אחת
    [two] שתי נקודות מגע
   *[other] { $touchpoints } נקודות מגע
})
cli-import-into-needs-wave = emograph: האפשרות --into מוסיפה גל: ציינו איזה עם --wave LABEL (או --wave-column NAME)
cli-import-cannot-add = { $file }: לא ניתן להוסיף: { $line }
cli-import-note = { $file }: לתשומת לב: { $line }
cli-import-not-changed = emograph: הקובץ { $path } לא שונה
cli-import-not-changed-allow-missing = emograph: הקובץ { $path } לא שונה (עם --allow-missing המקרים מתווספים בכל זאת)
cli-import-cannot = { $file }: לא ניתן לייבא: { $problem }
cli-import-too-large = emograph: { $file }: לא ניתן לייבא: המסע היה שוקל { $mib } MiB, יותר מ-{ $limit } MiB שקובץ מסע יכול להכיל; ייבאו פחות מקרים (--segment …) או השאירו את ה-CSV והריצו עליו את הפקודות ישירות ({ $output } לא נכתב)
cli-cannot-write-csv = emograph: לא ניתן לכתוב CSV: { $error }
cli-cannot-write-file = emograph: לא ניתן לכתוב את { $path }: { $error }
cli-check-not-rewritten = לא נכתב מחדש: { $error }
cli-output-is-input = emograph: הפלט { $output } הוא קובץ הקלט { $input }; בחרו קובץ פלט אחר (דבר לא נכתב, הקלט לא שונה)
cli-removed-temporary = emograph: נמחק { $path }, קובץ זמני שנשאר מכתיבה שנקטעה
cli-export-pixel-scale = emograph: הערך { $scale } של --pixel-scale מחוץ לטווח 0.25 … 8
cli-export-csv-views = emograph: קובץ CSV מכיל את הסטטיסטיקה (--view overall), את הדפוסים (--view patterns) או את הפלחים (--view segments), לא { $view }
cli-critical-heading = נקודות קריטיות (ציון = { $depth }·עומק + { $sharpness }·חדות + { $share }·חלק המקרים + { $end }·קרבה לסוף; קריטית מ-{ $from })
cli-prone-heading = נוטות לבעיות (מקרים רבים ב-−3 ומטה, או פיזור גדול)
cli-why-angry = כועסים רבים
cli-why-inconsistent = לא עקבי
cli-owners-unknown = emograph: { $file }: אין אחראי עם המזהה { $id } (האחראים: { $owners })
cli-owner-owns = אחראי על { $process }
cli-section-critical = נקודות קריטיות
cli-section-metrics = מדדים
cli-section-actions = פעולות
cli-section-flags = סימונים
cli-unowned = ללא אחראי
cli-touchpoints-line = נקודות מגע: { $list }
cli-compare-no-group = { $by ->
    [wave] לאף מקרה אין גל (המקרים במסע נושאים `wave: "…"`; ב-CSV השתמשו באפשרות --wave-column או --wave)
   *[segment] לאף מקרה אין פלח
}
cli-compare-groups-are = { $by ->
    [wave] הגלים הם: { $list }
   *[segment] הפלחים הם: { $list }
}
cli-compare-name-two = { $by ->
    [wave] emograph: ציינו את שני הגלים להשוואה עם --from ועם --to; { $listed }
   *[segment] emograph: ציינו את שני הפלחים להשוואה עם --from ועם --to; { $listed }
}
cli-compare-unknown-group = { $by ->
    [wave] emograph: אין מקרה בגל { $name }; { $listed }
   *[segment] emograph: אין מקרה בפלח { $name }; { $listed }
}
cli-compare-same-group = { $by ->
    [wave] emograph: גם --from וגם --to מציינות את אותו הגל
   *[segment] emograph: גם --from וגם --to מציינות את אותו הפלח
}
cli-compare-heading = { $from } ← { $to } ({ $by ->
    [wave] גלים
   *[segment] פלחים
}; { $from_cases } ו-{ $to_cases } מקרים). הפרש = { $to } − { $from }; הכרעות לפי { $test } ברמת 5 %, בתיקון Holm על פני { $tested ->
    [one] נקודת המגע שנבדקה
    [two] שתי נקודות המגע שנבדקו
   *[other] { $tested } נקודות המגע שנבדקו
}.
cli-test-welch = מבחן t של Welch
cli-test-mann-whitney = מבחן U של Mann–Whitney
cli-scenario-none = למסע אין תרחישים (הוסיפו `scenarios: [(id: "s1", name: "to-be", changes: [...])]`, או צרו תרחיש מסימון בתצוגת האחראים)
cli-scenario-unknown = אין תרחיש { $name }; התרחישים הם: { $list }
cli-change-prevent = מניעה
cli-change-shorten = קיצור התגובה ×{ $factor }
cli-change-amplify = הגברה +{ $by }
cli-change-drawn-pattern = עקומה מצוירת לדפוס { $id }
cli-change-drawn-all = עקומה מצוירת לכל המקרים
cli-scenario-heading = תרחיש { $name } ({ $id }): { $n ->
    [one] שינוי אחד
    [two] שני שינויים
   *[other] { $n } שינויים
}
cli-scenario-footnote = ממוצע: הממוצע של כל מקרה, בממוצע; נזכר: (הגרוע ביותר + הסוף) / 2 (כלל השיא והסוף); מסיימים בכעס: הציון האחרון -3 ומטה.
cli-drivers-no-outcome = { $file }: למקרים אין תוצאה; ציינו את עמודת התוצאה, למשל --outcome "Satisfaction=satisfied" או --outcome "Overall>=4" (בייבוא, או כאן עם CSV)
cli-drivers-no-values = { $file }: לאף מקרה אין ערך תוצאה בעמודה { $column }
cli-drivers-or = או
cli-drivers-is = { $name } הוא { $values }
cli-drivers-is-yes = { $name } הוא כן
cli-drivers-heading = מה מניע את { $name }: חיובי כאשר { $favourable }; { $good } מתוך { $n } המקרים שיש להם תוצאה ({ $percent } %)
cli-drivers-predicts = מה מנבא הכי טוב את התוצאה, מתוך עקומת המקרה:
cli-summary-mean = ממוצע
cli-summary-worst = הגרוע ביותר
cli-summary-last = האחרון
cli-summary-peak-end = שיא וסוף (הגרוע ביותר + האחרון) / 2
cli-summary-regression = רגרסיה על נקודות המגע (לוגיסטית, באימות צולב של 5 קיפולים)
cli-drivers-unordered = (סקר תכונות: האחרון ושיא וסוף דורשים סדר בזמן)
cli-drivers-rate-pattern = שיעור החיוביים לפי דפוס
cli-drivers-rate-segment = שיעור החיוביים לפי פלח
cli-drivers-group-n = { $n ->
    [one] מקרה אחד
    [two] שני מקרים
   *[other] { $n } מקרים
}
cli-serve-no-touchpoints = { $file }: במסע אין נקודות מגע שהמשתתפים יוכלו לדרג
cli-serve-cannot-read-journal = לא ניתן לקרוא את היומן { $path }: { $error }
cli-serve-skipped-line = { $path }:{ $line }: דולגה שורה לא קריאה ביומן: { $why }
cli-serve-not-replayed = emograph: עקומה מהיומן ({ $id }) לא שוחזרה: { $error }
cli-serve-replayed = emograph: { $n ->
    [one] שוחזרה עקומה אחת
    [two] שוחזרו שתי עקומות
   *[other] שוחזרו { $n } עקומות
} ממפגש שלא הסתיים כסדרו (היומן { $journal }); הן שמורות ב-{ $file }, והמפגש נמשך עם אותו הקוד
cli-serve-cannot-open-journal = לא ניתן לפתוח את היומן { $path }: { $error }
cli-serve-cannot-catch = לא ניתן ללכוד את Ctrl+C: { $error }
cli-serve-journal-not-removed = emograph: לא ניתן היה למחוק את היומן: { $error }
cli-serve-ended = המפגש הסתיים: { $n ->
    [one] עקומה חיה אחת
    [two] שתי עקומות חיות
   *[other] { $n } עקומות חיות
}, נשמרו ב-{ $file }.
cli-serve-journal-keeps = כל עקומה עדיין נמצאת ביומן { $path }: ההרצה הבאה של `emograph serve` על הקובץ הזה תשחזר אותו.
cli-serve-title = מפגש חי: “{ $title }”
cli-serve-participants-open = המשתתפים פותחים
cli-serve-session-code = קוד המפגש
cli-serve-saved-into = העקומות נשמרות ב-{ $path } עם הגעתן. Ctrl+C מסיים את המפגש.
cli-serve-not-applied = emograph: העקומה { $id } לא הוחלה: { $error }
## The core's words on screen and in the report (gui-i18n)
word-status-open = פתוח
word-status-in-progress = בטיפול
word-status-done = הושלם
word-level-firm = ארגון
word-level-customer-strategy = אסטרטגיית לקוח
word-level-operational = תפעולי
word-level-infrastructure = תשתית
word-turn-peak = שיא
word-turn-trough = שפל
word-turn-crossing-up = מעבר לחיובי
word-turn-crossing-down = מעבר לשלילי
word-turn-rise = עלייה
word-turn-drop = נפילה
word-turn-erosion = שחיקה
word-turn-end = סיום
word-turning-peak = שיא
word-turning-trough = שפל
word-turning-crossing-up = מצב הרוח הופך חיובי
word-turning-crossing-down = מצב הרוח הופך שלילי
word-turning-rise = עלייה חדה
word-turning-drop = נפילה חדה
word-turning-erosion = שחיקה איטית
word-turning-end = הסיום, שנזכר יותר מכול
patterns-distinct-one = דפוס אחד: המקרים אינם מתחלקים לקבוצות נבדלות
patterns-distinct-clearly = דפוסים נבדלים בבירור
patterns-distinct-fairly = דפוסים נבדלים במידה סבירה
patterns-distinct-weakly = דפוסים נבדלים מעט: יש לקרוא אותם כמגמות
patterns-distinct-silhouette = { $words } (מדד צללית { $s })
patterns-fewer-reason = { $k } דפוסים היו משאירים דפוס עם { $smallest ->
    [one] מקרה אחד בלבד
    [two] שני מקרים בלבד
   *[other] { $smallest } מקרים בלבד
}; דפוס צריך לפחות { $min }
chart-word-target = יעד
chart-word-no-owner = אין אחראי
critical-stands-out = רגע שבולט
critical-turns-and = { $rest } ו{ $last }
critical-part-depth = עומק { $v }: כמה רחוק מהניטרלי הממוצע
critical-part-sharpness = חדות { $v }: כמה פתאומי השינוי
critical-part-share = שיעור { $v }: כמה מקרים מראים אותו בעצמם
critical-part-end = סיום { $v }: כמה קרוב לסוף, שמשקלו בזיכרון רב
critical-mean-line = { $turn }: ממוצע { $mean }, { $delta } לעומת נקודת המגע הקודמת
critical-share-line = { $share }% מהמקרים מראים אותו בעקומה שלהם
critical-flag-tip = הפיכת הרגע ה{ $kind } ב{ $at } לסימון שהצוות אחראי עליו
critical-point-tip = { $turn }
    ממוצע { $mean }, { $delta } לעומת נקודת המגע הקודמת
    { $share }% מהמקרים מראים אותו בעצמם
    ציון { $score } = עומק { $depth } · חדות { $sharpness } · שיעור { $part_share } · סיום { $end }
    לחיצה לפרטים ולסימון והקצאה
owners-no-due-date = ללא תאריך יעד
owners-due = עד { $date }
owners-flagged-by-hand = (סומן ידנית)
owners-why = למה: { $note }
owners-success-shows-in = ההצלחה תיראה ב: { $metrics }
owners-flag-moved = הסימון ב{ $at } עבר אל { $who }: יש לבחור ב{ $who } תחת אחראי: כדי לראות אותו (Ctrl+Z מבטל)
owners-flag-deleted = הסימון ב{ $at } נמחק (Ctrl+Z מחזיר אותו)
owners-add-positive-flag = הוספת סימון חיובי
owners-add-negative-flag = הוספת סימון שלילי
edit-move-flag = העברת הסימון אל { $to }
edit-flag-at = סימון ב{ $at }: { $what }
edit-give-flag = מסירת הסימון ב{ $at } אל { $who }
edit-flag-counts-on = הסימון ב{ $at } נשען על { $metric }
edit-flag-no-longer-counts-on = הסימון ב{ $at } כבר לא נשען על { $metric }
edit-action-at = פעולה ב{ $at }: { $action }
edit-agree-action = הסכמה על פעולה ב{ $at }
edit-due-date = תאריך יעד ב{ $at }
edit-flag-note = הערה על הסימון ב{ $at }
owners-sla-line = אמנת שירות (SLA): { $sla }
owners-default-metric-name = מדד { $n }
owners-metric-deleted = המדד { $name } נמחק (Ctrl+Z מחזיר אותו)
owners-current-value = ערך נוכחי
owners-target = יעד
owners-metric-used-by = { $n ->
    [one] סימון אחד נשען עליו; המדד יוסר ממנו (Ctrl+Z מבטל)
    [two] שני סימונים נשענים עליו; המדד יוסר מהם (Ctrl+Z מבטל)
   *[other] { $n } סימונים נשענים עליו; המדד יוסר מהם (Ctrl+Z מבטל)
}
owners-name-empty = יש להקליד שם; הוא אינו יכול להיות ריק
owners-type-a-number = יש להקליד מספר, למשל 12.5 (או להשאיר ריק)
owners-not-a-date = עדיין לא תאריך כמו 2026-12-31
edit-metric-direction = הכיוון של { $name }: { $direction }
edit-metric-level = הרמה של { $name }: { $level }
edit-give-metric = מסירת המדד { $name } אל { $who }
edit-metric-measures = { $name } מודד את { $at }
edit-metric-no-longer-measures = { $name } כבר לא מודד את { $at }
owners-n-touchpoints = { $n ->
    [one] נקודת מגע אחת
    [two] שתי נקודות מגע
   *[other] { $n } נקודות מגע
}
owners-n-metrics = { $n ->
    [one] מדד אחד
    [two] שני מדדים
   *[other] { $n } מדדים
}
owners-n-flags = { $n ->
    [one] סימון אחד
    [two] שני סימונים
   *[other] { $n } סימונים
}
owners-still-owns = { $name } עדיין אחראי/ת על { $owned }. הם יישארו ללא אחראי ויופיעו תחת ללא אחראי עד שמישהו ימונה. אפשר לבטל זאת.
owners-touchpoint-mean = ממוצע { $mean } ({ $n ->
    [one] מקרה אחד
    [two] שני מקרים
   *[other] { $n } מקרים
})
owners-critical-line = { $heading } · ממוצע { $mean } · Δ { $delta } · { $share }% מהמקרים · ציון { $score }
owners-critical-parts = עומק { $depth } · חדות { $sharpness } · שיעור { $share } · סיום { $end }
owners-assign-to = { $n }. { $name }: הקצאה אל
owners-now-owns = { $who } אחראי/ת עכשיו על { $name }

## The import dialog (gui-i18n)
import-intro = קובץ CSV,‏ TSV או חוברת עבודה (.xlsx,‏ .xls,‏ .ods): שורה לכל מקרה, עמודה לכל נקודת מגע, או שורות ארוכות. התצוגה המקדימה מראה את השורות הראשונות כפי שייקראו.
import-filter = CSV או חוברת עבודה
import-type-path = יש להקליד את נתיב הקובץ.
import-scale = סולם:
import-scale-hint = למשל 1..5; ריק אם כבר −5..5
import-na-hint = למשל 0 או n/a, מופרדים בפסיקים
import-touchpoints-hint = שמות A,B,C או עמודות 10..23
import-header-rows = שורות כותרת:
import-header-rows-hint = ריק: זיהוי אוטומטי
import-case-column-hint = ריק: case, אחרת id
import-segment-column-hint = למשל Class
import-outcome = תוצאה:
import-outcome-hint = למשל Satisfaction=satisfied
import-long = תבנית ארוכה:
import-long-hint = למשל CASE,TOUCHPOINT,SCORE
import-encoding = קידוד:
import-encoding-hint = למשל windows-1252; ריק: UTF-8
import-sheet = גיליון:
import-sheet-hint = גיליון בחוברת העבודה; ריק: הראשון
import-unordered = סקר תכונות (העמודות אינן לפי סדר הזמן)
import-reading = קורא את השורות הראשונות…
import-type-path-to-preview = יש להקליד נתיב לקובץ כדי לראות איך ייקרא.
import-preview = תצוגה מקדימה
import-updating = (מתעדכן…)
import-recognised = זוהה: { $what }
import-encoding-named = קידוד { $encoding }
import-sheet-of = גיליון { $i } "{ $name }" מתוך { $n }
import-sheets = { $n } גיליונות
import-wording = תשובות מילוליות בנוסח { $wording }
import-scale-mapped = הסולם { $from }..{ $to } ממופה אל −5..+5 (התחתון { $bottom }, העליון { $top })
import-scale-as-is = סולם: הציונים נקראים כמו שהם, על −5..+5
import-na-empty = לא רלוונטי: תאים ריקים
import-na-values = לא רלוונטי: { $values } ותאים ריקים
import-touchpoints-count = { $n ->
    [one] נקודת מגע אחת
    [two] שתי נקודות מגע
   *[other] { $n } נקודות מגע
}
import-cases-by-row = המקרים ממוספרים לפי שורה
import-columns-not-read = { $n ->
    [one] עמודה אחת לא נקראת
   *[other] { $n } עמודות לא נקראות
}
import-columns = עמודות: { $parts }
import-more-columns = … ועוד { $n } עמודות
import-scope-first-rows = { $n } השורות הראשונות
import-scope-file = הקובץ
import-no-problems = אין בעיות ב{ $scope }: נקראו { $cases }.
import-problems = בעיות ב{ $scope }: { $n }
import-column-named = עמודה { $column } { $name }
import-column = עמודה { $column }
import-the-file = הקובץ
import-problem-line = { $place }: { $n ->
    [one] בעיה אחת
    [two] שתי בעיות
   *[other] { $n } בעיות
}; הראשונה ב{ $first }
import-header-rows-bad = שורות כותרת { $text }: מספר שורות, למשל 1 או 3

## Other panels (gui-i18n)
export-copied-mermaid = התצוגה { $view } הועתקה כתרשים Mermaid
export-wrong-extension = { $path } אינו שם של { $format }: יש לסיים אותו ב-.{ $extension }
export-could-not-draw = לא ניתן לצייר את התרשים: { $error }
export-could-not-write-report = לא ניתן לכתוב את הדוח: { $error }
export-could-not-write = לא ניתן לכתוב את { $path }: { $error }

## The report's scenarios and waves (gui-i18n)
report-scenarios-none = למסע עדיין אין תרחישי רצוי: הפכו פעולה של סימון לשינוי כדי לראות איך ייראה המסע אחריו.
report-scenarios-intro = איך ייראה המסע אחרי השינויים שהוסכמו, מחושב מקרה אחר מקרה מהנתונים: <em>מניעה</em> מבטלת את הנפילה בנקודת מגע (העקומה ממשיכה ברמה שלפניה, וגם השקע שאחריה נעלם); <em>קיצור התגובה</em> משאיר את החלק שצוין מהנפילה ומקדים את ההתאוששות בנקודת מגע אחת; <em>הגברה</em> מעלה את נקודת המגע במספר הנקודות שצוין. <em>נזכר</em> הוא כלל השיא והסיום, (הגרוע ביותר + הסיום) / 2; <em>מסיימים בכעס</em> הוא שיעור המקרים שהציון האחרון שלהם −3 או פחות.
report-change-shorten = קיצור התגובה (נשאר { $keep }% מהנפילה)
report-change-amplify = הגברה ב-{ $by }
report-change-drawn-pattern = עקומה משורטטת לדפוס { $id }
report-change-drawn-all = עקומה משורטטת לכל המקרים
report-waves-too-few = המקרים באים מ-{ $n } גלי מדידה: סבב מדידה שני מראה אם המסע השתנה.
report-test-mann-whitney = מאן–ויטני U (תשובות על סולם של מעט דרגות)
report-test-welch = מבחן t של ולץ'
report-waves-intro = עקומת הממוצע של כל גל, מהישן לחדש. מתחת, כל גל מול הגל שלפניו: הפרש הממוצעים עם רווח סמך 95% (ולץ'), והכרעה לפי { $test } ברמה של 5%, מתוקנת למספר נקודות המגע שהושוו (הולם), כדי שנקודת מגע אחת שהתמזל מזלה לא תיקרא שינוי. מתחת ל-{ $min } מקרים בגל נקודת מגע אינה מקבלת הכרעה.
report-did-it-work = האם זה עבד?
report-did-it-work-intro = לכל פעולה שהושלמה: נקודת המגע שלה בגל שלפני תאריך הפעולה מול הגל שאחריה, כמו בפרק הגלים, לצד המדדים שאמורים היו להראות זאת. רווח הסמך הוא של נקודת המגע הזו בלבד; ההכרעה מתוקנת לכל נקודות המגע שהושוו, כך שרווח שרק בקושי אינו כולל אפס עדיין עשוי לא להראות שינוי.
report-th-action = פעולה
report-th-done-by = הושלם עד
report-th-waves = גלים
report-th-metrics = מדדים
report-no-answer = אין תשובה: { $why }
report-no-value-yet = עדיין אין ערך
report-target = יעד { $value }
dialog-ok = אישור
file-not-saved = לא נשמר: { $first }. יש לתקן ולשמור שוב.
file-not-saved-more = לא נשמר: { $first } (ועוד { $more }). יש לתקן ולשמור שוב.
file-more-problems = … ועוד { $n } בעיות
file-imported = יובאו { $cases ->
        [one] מקרה אחד
        [two] שני מקרים
       *[other] { $cases } מקרים
    } × { $touchpoints ->
        [one] נקודת מגע אחת
        [two] שתי נקודות מגע
       *[other] { $touchpoints } נקודות מגע
    } מתוך { $path }. שמרו אותו כמסע (‎.ron) כדי לשמור עליו.
file-could-not-open = לא ניתן לפתוח את { $name }
file-started-empty = emograph נפתח במקום זאת על מסע חדש וריק. יש לתקן את הקובץ (`emograph check` מפרט כל בעיה) ולפתוח אותו שוב.
file-open-stays = המסע שהיה פתוח נשאר פתוח, ללא שינוי.
file-nothing-saved = שום דבר לא נשמר
file-would-not-open = קובץ שיישמר כך לא ייפתח שוב. יש לתקן זאת קודם, ואז לשמור:
file-still-open = המסע עדיין פתוח; דבר לא אבד.
live-cannot-read-journal = לא ניתן לקרוא את היומן { $path }: { $error }
live-cannot-open-journal = לא ניתן לפתוח את היומן { $path }: { $error }
live-cannot-start = לא ניתן להתחיל את המפגש החי: { $error }
live-arrived-one = הגיע: { $who }
live-ended-journal-kept = המפגש הסתיים; לא ניתן להסיר את היומן שלו { $path }: { $error }
live-show-average = המשתתפים רואים את ממוצע החדר אחרי השליחה
entry-outside-scale = { $value } מחוץ לסולם { $min }..{ $max }
dialog-open-filter = מסע, תרשים Mermaid או CSV של מקרים
dialog-save-filter = מסע
dialog-recover-found = emograph מצא עותק שחזור של מסע שלא נשמר כשנסגר בפעם האחרונה.
dialog-recover-counts = { $touchpoints } נקודות מגע, { $cases } מקרים, { $flags } סימונים
dialog-never-saved = לא נשמר מעולם
dialog-minutes-ago = לפני { $n } דקות
report-owns = אחראי/ת על { $process }
report-owner-touchpoints = נקודות מגע: { $names }
report-no-metrics = עדיין אין מדדים.
report-th-metric = מדד
report-th-level = רמה
report-th-current = נוכחי
report-th-target = יעד
report-th-gap = פער
report-th-on-track = במסלול
report-th-history = היסטוריה
report-th-sla = אמנת שירות
report-yes = כן
report-no = לא
report-th-kind = סוג
report-th-agreed = מה הוסכם
report-th-due = תאריך יעד
report-th-status = מצב
report-prone = נקודות מגע נוטות לתקלות
report-th-angry = כועסים
report-th-spread = פיזור
report-th-why = למה
report-many-angry = מקרים כועסים רבים
report-all-owned = לכל נקודה קריטית ולכל סימון יש אחראי.
file-more-problems-like = … ועוד { $n } בעיות כאלה
file-could-not-save = לא ניתן לשמור את { $path }: { $error }. המסע עדיין פתוח; דבר לא אבד.

## Branch i18n-rest: what the chart's markers say on hover, the names of edits, the layout the import
## recognised (the English is the core's own text, which the app reads back and says again)
chart-tip-critical = #{ $rank } { $touchpoint } · { $kind } ({ $turns }) · ממוצע { $mean } · { $share }% מהמקרים · ציון { $score }
chart-tip-critical-plain = #{ $rank } { $touchpoint } · { $kind } · ממוצע { $mean } · { $share }% מהמקרים · ציון { $score }
chart-tip-in-pattern = דפוס { $pattern }: { $tip }
chart-tip-also = קריטית כאן גם עבור { $patterns }
chart-tip-also-pattern = דפוס { $pattern } (#{ $rank })
chart-tip-turning = { $touchpoint }: { $turns } · ממוצע { $mean }
chart-tip-turning-delta = { $touchpoint }: { $turns } · ממוצע { $mean } · Δ { $delta } לעומת נקודת המגע הקודמת
chart-tip-flag = סימון ({ $kind }, { $status }): { $action } · { $owner }
chart-tip-flag-text = סימון ({ $kind }, { $status }): { $action } · { $owner } · { $text }
chart-tip-owner = אחראי/ת: { $owner }
chart-tip-no-owner = אין אחראי
edit-set-title = עריכת הכותרת
edit-set-description = עריכת התיאור
edit-add-phase = הוספת השלב { $name }
edit-rename-phase = שינוי שם של שלב
edit-add-touchpoint = הוספת נקודת המגע { $name }
edit-rename-touchpoint = שינוי שם נקודת המגע ל{ $name }
edit-touchpoint = עריכת נקודת המגע { $name }
edit-move-touchpoint = הזזת { $name }
edit-delete-touchpoint = מחיקת נקודת המגע { $name }
edit-add-case = הוספת { $name }
edit-replace-case = החלפת { $name }
edit-delete-case = מחיקת המקרה { $name }
edit-case = עריכת המקרה { $name }
edit-score = ציון של { $case } ב{ $at }: { $score }
edit-clear-score = מחיקת הציון של { $case } ב{ $at }
edit-note = הערה של { $case } ב{ $at }
edit-add-owner = הוספת האחראי/ת { $name }
edit-owner = עריכת האחראי/ת { $name }
edit-delete-owner = מחיקת האחראי/ת { $name }
edit-assign-touchpoint = מסירת { $at } אל { $who }
edit-add-metric = הוספת המדד { $name }
edit-metric = עריכת המדד { $name }
edit-delete-metric = מחיקת המדד { $name }
edit-add-flag = סימון { $kind } ב{ $at }
edit-flag = עריכת הסימון ב{ $at }
edit-delete-flag = מחיקת הסימון ב{ $at }
edit-unname-pattern = הסרת השם של דפוס
edit-name-pattern = מתן השם { $name } לדפוס
edit-add-scenario = הוספת התרחיש { $name }
edit-scenario = עריכת התרחיש { $name }
edit-delete-scenario = מחיקת התרחיש { $name }
edit-scenario-change = תרחיש { $scenario }: { $action } ב{ $at }
edit-word-change = שינוי

## A large journey opened in the background (app/opening.rs)
opening-heading = פותחים את { $file }
opening-reading = קוראים את הקובץ
opening-making-cases = בונים את המקרים
opening-stage = { $stage } · { $seconds } שנ׳
opening-percent = { $percent }%
opening-stop = הפסקת ההמתנה
status-opening = פותחים את { $path }…
status-open-stopped = הפתיחה של { $path } הופסקה; המסע שהיה פתוח נשאר.

## A refused command line (cli/argument_errors.rs; English itself prints clap's own words)
args-unknown = ארגומנט לא מוכר: { $arg }
args-unknown-command = פקודה לא מוכרת: { $name }
args-no-value = ל-{ $arg } חסר ערך
args-invalid-value = { $value } אינו ערך ש-{ $arg } מקבל
args-value-refused = הערך { $value } נדחה עבור { $arg }: { $reason }
args-missing = חסר: { $args }
args-missing-command = חסרה פקודה
args-conflict = אי אפשר לתת את { $arg } יחד עם { $other }
args-unexpected-value = ערך לא צפוי: { $value }
args-not-understood = שורת הפקודה לא הובנה
args-valid-values = ערכים אפשריים: { $values }
args-did-you-mean = אולי התכוונת ל-{ $suggestion }?
args-usage = שימוש: { $usage }
args-more = לפרטים נוספים: emograph --help
