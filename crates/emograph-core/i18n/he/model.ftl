# The core's messages: see crates/emograph-core/src/i18n/mod.rs.
# A journey's problems (prefix valid-) and an edit's refusals (prefix edit-).

## model/validate.rs: what a journey's checks find, each said after the place it is about

valid-why-control = תווי בקרה אסורים (קובץ SVG שמכיל תו כזה אינו XML תקין, ומסוף מציית להם)
valid-why-bidi = תווי כיווניות (bidi) אסורים (הם סמויים מהעין ומשנים את סדר הטקסט שמוצג אחריהם; emograph מסדר בעצמו טקסט מימין לשמאל)
# $what is one of the valid-field- words or valid-the-id: a phrase that reads after "של".
valid-forbidden-char = התו ה־{ $at } של { $what } הוא { $code }: { $why }; הסירו אותו
valid-the-id = מזהה { $kind }
valid-id-empty = מזהה { $kind } ריק
valid-id-too-long = מזהה { $kind } ארוך מ־{ $max } תווים
valid-id-duplicate = מזהה { $kind } כפול: { $id }
# $what is one of the valid-field- words: a phrase that reads after "אורך".
valid-text-too-long = אורך { $what } עולה על { $max } תווים
valid-unknown-owner = אחראי לא מוכר: { $id }
valid-unknown-touchpoint = נקודת מגע לא מוכרת: { $id }
valid-unknown-phase = שלב לא מוכר: { $id }
valid-unknown-metric = מדד לא מוכר: { $id }
valid-unknown-flag = סימון לא מוכר: { $id }
valid-too-many = { $n } { $what }: אפשר לכל היותר { $max }
valid-too-many-scores = { $cases } מקרים × { $touchpoints } נקודות מגע הם { $cells } ציונים: אפשר לכל היותר { $max }
valid-old-version = גרסת התבנית { $found } אינה { $version } (פתחו את הקובץ כדי להמיר אותו)
valid-title-empty = הכותרת ריקה
valid-scale-order = הסולם חייב לעלות ממספר סופי קטן יותר למספר סופי גדול יותר, ולא { $min } … { $max }
valid-scale-too-far = הסולם { $min } … { $max } חורג מ־±{ $limit }
valid-scale-too-wide = הטווח של הסולם { $min } … { $max } גדול מ־{ $span } (רגשות מקבלים ציון בין ‎−5 ל־‎+5)
valid-anchor-off-scale = העוגן { $value } נמצא מחוץ לסולם
valid-source-scale-order = סולם המקור חייב לעלות ממספר סופי קטן יותר למספר סופי גדול יותר
valid-touchpoint-name-empty = השם של נקודת המגע ריק
valid-time-offset-not-finite = היסט הזמן אינו מספר סופי
valid-owner-name-empty = השם של האחראי ריק
valid-metric-name-empty = השם של המדד ריק
valid-current-not-finite = הערך הנוכחי אינו מספר סופי
valid-target-not-finite = ערך היעד אינו מספר סופי
valid-not-a-date = התאריך { $date } אינו תאריך בצורה 2026-12-31
valid-due-not-a-date = תאריך היעד { $date } אינו תאריך בצורה 2026-12-31
valid-value-not-finite = הערך אינו מספר סופי
valid-score-unknown-touchpoint = ציון לנקודת מגע לא מוכרת: { $id }
valid-score-not-finite = הציון בנקודת המגע { $id } אינו מספר סופי
valid-score-off-scale = הציון { $score } בנקודת המגע { $id } נמצא מחוץ לסולם { $min } … { $max }
valid-outcome-not-finite = התוצאה { $outcome } אינה מספר סופי
valid-note-unknown-touchpoint = הערה לנקודת מגע לא מוכרת: { $id }
valid-wave-label-empty = התווית של הגל ריקה
valid-wave-twice = הגל { $label } מופיע פעמיים
valid-scenario-name-empty = השם של התרחיש ריק
valid-pattern-name-empty = השם של הדפוס ריק
valid-member-too-long = מזהה של מקרה ארוך מ־{ $max } תווים
valid-change-factor = המקדם { $factor } אינו בין 0 ל־1 (החלק של הירידה שנשאר)
valid-change-amplify = הגברה ב־{ $by }: הנקודות שמתווספות צריכות להיות יותר מ־0 ולכל היותר { $span }
valid-change-pattern-zero = מספור הדפוסים מתחיל ב־1
valid-change-curve-empty = בעקומה המצוירת אין נקודות
valid-change-curve-unknown = העקומה המצוירת מציינת נקודת מגע לא מוכרת: { $id }
valid-change-curve-off-scale = הציון המצויר { $score } בנקודת המגע { $id } נמצא מחוץ לסולם { $min } … { $max }
# Indefinite, as they read after "מזהה" and in "אין במסע הזה נקודת מגע …".
valid-thing-phase = שלב
valid-thing-touchpoint = נקודת מגע
valid-thing-case = מקרה
valid-thing-owner = אחראי
valid-thing-metric = מדד
valid-thing-flag = סימון
valid-thing-scenario = תרחיש
# Definite, as they read after "אורך" and "של".
valid-field-title = הכותרת
valid-field-description = התיאור
valid-field-time-unit = יחידת הזמן
valid-field-anchor-label = התווית של העוגן
valid-field-phase-name = השם של השלב
valid-field-name = השם
valid-field-channel = הערוץ
valid-field-process = התהליך
valid-field-crm-process = תהליך ה־CRM
valid-field-owner-name = השם של האחראי
valid-field-role = התפקיד
valid-field-metric-name = השם של המדד
valid-field-unit = היחידה
valid-field-sla = ה־SLA
valid-field-label = התווית
valid-field-case-name = השם של המקרה
valid-field-segment = הפלח
valid-field-wave = הגל
valid-field-source = המקור
valid-field-note = ההערה
valid-field-action = הפעולה
valid-field-agreed-action = הפעולה המוסכמת
valid-field-wave-label = התווית של הגל
valid-field-scenario-name = השם של התרחיש
valid-field-pattern-name = השם של הדפוס
valid-field-an-id = המזהה
# Plural, as they read after a number.
valid-many-touchpoints = נקודות מגע
valid-many-owners = אחראים
valid-many-metrics = מדדים
valid-many-dated-values = ערכים מתוארכים
valid-many-dated-values-of-a-metric = ערכים מתוארכים של מדד
valid-many-cases = מקרים
valid-many-scores = ציונים (מקרים × נקודות מגע)
valid-many-flags = סימונים
valid-many-waves = גלים
valid-many-scenarios = תרחישים
valid-many-changes = שינויים
valid-many-changes-in-a-scenario = שינויים בתרחיש
valid-many-pattern-names = שמות של דפוסים
valid-many-members = מקרים בדפוס

## session/error.rs: why an edit was refused (the journey is unchanged)

edit-refused-unknown = אין במסע הזה { $what } “{ $id }” (אולי זה נמחק?)
edit-refused-duplicate-id = כבר יש { $what } עם המזהה “{ $id }”
edit-refused-empty-id = כדי להוסיף { $what } צריך מזהה
edit-refused-unnamed-phase = צריך לתת שם לשלב
edit-refused-unnamed-touchpoint = צריך לתת שם לנקודת המגע החדשה
edit-refused-unnamed-case = צריך לתת שם למקרה
edit-refused-unnamed-owner = צריך לתת שם לאחראי
edit-refused-unnamed-metric = צריך לתת שם למדד
edit-refused-unnamed-flag = צריך לתת שם לסימון
edit-refused-unnamed-scenario = צריך לתת שם לתרחיש
edit-refused-off-scale = הציון { $score } מחוץ לסולם: הציונים נעים בין { $min } ל־{ $max }
edit-refused-nan-time-offset = היסט הזמן חייב להיות מספר
edit-refused-nan-outcome = התוצאה חייבת להיות מספר
edit-refused-nan-current-value = הערך הנוכחי חייב להיות מספר
edit-refused-nan-target = היעד חייב להיות מספר
edit-refused-nan-dated-value = ערך מתוארך חייב להיות מספר
edit-refused-nan-score = ציון חייב להיות מספר
edit-refused-not-a-date = “{ $text }” אינו תאריך בצורה 2026-12-31
edit-refused-too-many = במסע הזה כבר יש { $max } { $what }, המספר המרבי ש־emograph תומך בו
edit-refused-move-before-itself = נקודת מגע לא יכולה לזוז אל לפני עצמה
edit-refused-no-members = אי אפשר לתת שם לדפוס שאין בו מקרים
edit-refused-already-in-scenario = בתרחיש כבר יש שינוי שנוצר מהסימון הזה

## session/words.rs: what stops a journey from being saved, named by what it is about

edit-save-touchpoint = נקודת מגע { $n } { $name }
edit-save-phase = שלב { $n } { $name }
edit-save-owner = אחראי { $name }
edit-save-metric = מדד { $name }
edit-save-case = מקרה { $name }
edit-save-flag = הסימון ב{ $at }
edit-save-scenario = תרחיש { $name }
edit-save-wave = גל { $name }
edit-save-journey = המסע
edit-save-no-name = (עדיין בלי שם)

## session/journal.rs: a live session's journal line that could not be read back

edit-journal-cut-short = השורה האחרונה קטועה (המפגש הסתיים בזמן שנכתבה); היא מעולם לא אושרה למשתתף ששלח אותה
edit-journal-too-long = השורה ארוכה מכדי להיות הגשה
