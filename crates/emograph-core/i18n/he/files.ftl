# The core's messages: see crates/emograph-core/src/i18n/mod.rs.
# Reading and writing journey files (prefix read-).

## io/journey_file.rs: reading a journey file, and what the RON parser found

read-too-big-refusal = emograph מסרב לקבצים גדולים כל כך (האם זה באמת מסע?)
read-save-as-utf8 = שמרו אותו בקידוד UTF-8
read-empty-file = הקובץ ריק; ציפינו למסע בצורה `(version: { $version }, title: "…", …)`
read-missing-version = חסר `version: { $version },` בראש המסע
read-newer-version = הקובץ הזה בגרסת תבנית { $found }, שנכתבה בגרסה חדשה יותר של emograph; הגרסה הזו קוראת גרסאות עד { $version }
read-unknown-version = גרסת תבנית לא מוכרת { $found }; הגרסה הזו של emograph קוראת גרסאות 1 עד { $version }
read-more-problems = … ועוד { $n ->
        [one] בעיה אחת כזו
        [two] שתי בעיות כאלה
       *[other] { $n } בעיות כאלה
    } (מוצגות רק { $shown } הראשונות)
read-duplicate-key = המפתח { $key } מופיע פעמיים בתוך { $map } (בפעם הראשונה ב־{ $line }:{ $column }); רק האחרון יישמר, לכן הסירו אחד מהם
read-this-map = המיפוי הזה
read-the-map = המיפוי `{ $name }`
read-truncated-open = הקובץ נגמר מוקדם מדי (האם הוא קטוע?): חסרה סגירה של { $open }
read-truncated = הקובץ נגמר מוקדם מדי (האם הוא קטוע?)
read-unclosed-string = המחרוזת הזו אינה נסגרת: חסר `"` (או שהקובץ קטוע)
read-not-closed-before-name = חסרה סגירה של { $open }: חסר `{ $close }` לפני `{ $name }:`
read-expected-comma = חסר פסיק `,` אחרי זה, לפני { $found }
read-expected-field-name-open = ציפינו לשם של שדה, ונמצא { $found }: האם חסר ה־`)` שסוגר את { $open }?
read-expected-field-name = ציפינו לשם של שדה, ונמצא { $found }
read-expected-close-open = ציפינו ל־`{ $close }` שסוגר את { $open }, ונמצא { $found }
read-expected-close = ציפינו ל־`{ $close }`, ונמצא { $found }
read-expected-number = ציפינו למספר (כמו 2.5 או ‎-3.0), ונמצא { $found }
read-quote-the-key = ציפינו לטקסט במירכאות כפולות: כתבו `"{ $name }"` ולא `{ $name }`
read-expected-string = ציפינו לטקסט במירכאות כפולות, ונמצא { $found }
read-expected-boolean = ציפינו ל־`true` או `false`, ונמצא { $found }
read-expected-option = ציפינו ל־`Some(…)` או `None`, ונמצא { $found }
read-expected-list = ציפינו לרשימה בתוך `[…]`, ונמצא { $found }
read-expected-map = ציפינו למיפוי בתוך `{"{"}…{"}"}`, ונמצא { $found }
read-expected-colon = ציפינו לנקודתיים `:` אחרי המפתח, ונמצא { $found }
read-expected-journey = ציפינו למסע בתוך סוגריים: `(version: { $version }, title: "…", …)`
read-expected-parens = ציפינו ל־`(…)`, ונמצא { $found }
read-unexpected-close-open = `{ $char }` לא צפוי: הסגירה של { $open } עדיין חסרה, והיא נכתבת `{ $close }`
read-unexpected-close = `{ $char }` לא צפוי: שום דבר אינו פתוח כאן
read-unexpected-char = תו לא צפוי `{ $char }`
read-trailing = { $found } לא צפוי אחרי סוף המסע (האם יש למעלה `)` אחד מיותר?)
read-unknown-value = ערך לא מוכר `{ $found }`; הערכים האפשריים: { $expected }
read-unknown-field = שדה לא מוכר `{ $found }`; השדות האפשריים: { $expected }
read-missing-field-at = חסר השדה `{ $field }` בתוך { $what } (ההתחלה ב־{ $line }:{ $column })
read-missing-field = חסר השדה `{ $field }` בתוך { $what }
read-duplicate-field = השדה `{ $field }` מופיע פעמיים
read-expected-found = ציפינו ל{ $expected }, ונמצא { $found }
read-unexpected-name = שם לא צפוי `{ $found }` לפני `(`: כתבו את הערך כ־`(…)`, בלי שם
read-expected-parens-name = ציפינו ל־`(…)`, ונמצא `{ $found }`
read-unclosed-comment = הערת `/*` אינה נסגרת
read-too-deep = הקובץ מקונן לעומק רב מכדי להיות מסע
read-found-end = סוף הקובץ
read-opened-at = { $what } שבמיקום { $line }:{ $column }
read-open-list = הרשימה `{ $field }`
read-open-a-list = רשימה
read-open-map = המיפוי `{ $field }`
read-open-a-map = מיפוי
read-open-value = הערך `{ $field }`
read-open-journey = ה־`(` של המסע
read-open-item-of = פריט של `{ $list }`
read-open-item = פריט
read-type-journey = המסע
read-type-source-scale = סולם המקור
read-type-scale = הסולם
read-type-anchor = עוגן
read-type-phase = שלב
read-type-touchpoint = נקודת מגע
read-type-office = המשרד של נקודת מגע
read-type-case = מקרה
read-type-owner = אחראי
read-type-metric = מדד
read-type-better = הכיוון של מדד
read-type-metric-level = הרמה של מדד
read-type-flag = סימון
read-type-flag-kind = הסוג של סימון
read-type-action = פעולה
read-type-status = סטטוס
read-type-other = הפריט הזה

## io/mod.rs: opening and reading a file, whatever it holds

read-cannot-open = לא ניתן לפתוח את הקובץ: { $reason }
read-cannot-read = לא ניתן לקרוא את הקובץ: { $reason }
read-too-big = הקובץ גדול מ־{ $mib } MiB; { $refusal }
read-stdin-too-big = הקלט גדול מ־{ $mib } MiB; emograph מסרב לקובצי CSV גדולים כל כך
read-not-utf8 = הקובץ אינו טקסט UTF-8 ({ $advice })

## io/save.rs: saving a journey (the file on disk is unchanged whenever one of these is said)

save-invalid = למסע יש { $n ->
        [one] בעיה אחת
        [two] שתי בעיות
       *[other] { $n } בעיות
    }, ואם יישמר כך הוא לא ייפתח שוב; תקנו { $n ->
        [one] אותה
       *[other] אותן
    } קודם: { $problems }
save-and-more = … ועוד { $n ->
        [one] אחת
        [two] שתיים
       *[other] { $n }
    }
save-too-large = המסע יהיה בגודל { $mib } MiB, יותר מ־{ $limit } MiB שקובץ מסע יכול להכיל; הסירו מקרים (או פצלו אותם לכמה מסעות) לפני השמירה
save-read-only = { $path } הוא לקריאה בלבד; הקובץ נשאר כפי שהיה (אפשרו כתיבה אליו, או שמרו בשם אחר)

## io/atomic.rs: writing a file so that a failed write leaves the old one as it was

atomic-read-only = { $path } הוא לקריאה בלבד; הקובץ נשאר כפי שהיה (אפשרו כתיבה אליו, או כתבו לקובץ אחר)
atomic-could-not-write = הכתיבה אל { $path } נכשלה: { $reason }
atomic-names-no-file = הנתיב אינו מציין קובץ
atomic-temp-taken = עותק אחר של emograph הסיר את הקובץ הזמני בזמן שנוצר
atomic-no-temp = לא ניתן ליצור קובץ זמני
atomic-no-folder = התיקייה { $folder } אינה קיימת
atomic-no-permission = אין הרשאה לכתוב בתיקייה { $folder }
atomic-not-a-folder = { $folder } אינו תיקייה
atomic-cannot-create = לא ניתן ליצור קובץ בתיקייה { $folder }: { $reason }

## io/journey_v2.rs: a version 2 journey's cases

v2-row-length = למקרה יש { $length ->
        [one] ציון אחד
        [two] שני ציונים
       *[other] { $length } ציונים
    }, אבל למסע יש { $touchpoints ->
        [one] נקודת מגע אחת
        [two] שתי נקודות מגע
       *[other] { $touchpoints } נקודות מגע
    }: כתבו ערך אחד לכל נקודת מגע, לפי הסדר של `touchpoints`, ו־`None` היכן שהמקרה לא עבר בה
v2-expect-cases = רשימת מקרים
v2-expect-case = מקרה `(id: …, scores: […])`
v2-expect-case-field = שדה של מקרה
v2-expect-score = מספר (כמו 2.5 או ‎-3) או None
v2-expect-scores = רשימת ציונים לפי סדר נקודות המגע, כמו [2.5, ‎-1, None]
