# The core's messages: see crates/emograph-core/src/i18n/mod.rs.
# Importing survey exports: CSV, TSV and workbooks (prefixes import-, workbook-, encoding-).

## io/csv_import/mod.rs: reading a survey export

import-too-big-refusal = emograph מסרב לקובצי CSV גדולים כל כך
import-cannot-read-csv = לא ניתן לקרוא את קובץ ה־CSV: { $error }
import-empty-file = הקובץ ריק; ציפינו לשורת כותרת כמו `case,segment,<touchpoints…>` ולשורה לכל מקרה
import-read-as = { $message } (נקרא כ{ $export } עם { $n ->
        [two] שתי שורות כותרת
       *[other] { $n } שורות כותרת
    })
import-untitled = מקרים שיובאו
import-not-an-answer = לא מספר וגם לא תשובה מהנוסח { $wording }
import-by-column-item = עמודה { $column } { $name }: { $n }

## io/csv_import/cells.rs: what a cell is not

import-cell-not-a-number = לא מספר (לתשובות מילוליות תנו --labels "TEXT=SCORE,…"; הנוסחים הנפוצים של 5 ו־7 דרגות מזוהים מעצמם)
import-cell-not-utf8 = לא בקידוד UTF-8
import-cell-not-finite = לא מספר סופי
import-cell-outside-scale = מחוץ לסולם { $min }..{ $max }
import-cell-outside = מחוץ לטווח { $min }..{ $max } (אם הנתונים בסולם אחר, תנו --scale MIN..MAX; אם ערך מסוים פירושו "לא רלוונטי", תנו --na VALUE)

## io/csv_import/wide.rs and long.rs: the rows

import-row-fields = בשורה הזו { $fields ->
        [one] שדה אחד
        [two] שני שדות
       *[other] { $fields } שדות
    }, אבל בשורת הכותרת { $header ->
        [one] שדה אחד
        [two] שני שדות
       *[other] { $header } שדות
    }
import-bad-score = נקודת המגע { $touchpoint }: { $reason }, הערך { $value }
import-bad-score-every-column = נקודת המגע { $touchpoint }: { $reason }, הערך { $value } (כל עמודה מלבד עמודות המקרה והפלח נקראת כנקודת מגע; בחרו אותן ב־--touchpoints)
import-case-id-empty = מזהה המקרה ריק
import-case-id-too-long = מזהה המקרה ארוך מ־{ $max } תווים
import-not-a-date = לא תאריך (שנה-חודש-יום או חודש/יום/שנה), הערך { $value }
import-reason-value = { $reason }, הערך { $value }
import-stopped = נעצרנו אחרי { $n } בעיות
import-stopped-by-column = נעצרנו אחרי { $n } בעיות; עד כה לפי עמודה: { $columns }
import-too-many-cases = יותר מדי מקרים: { $width } נקודות מגע × יותר מ־{ $cases } מקרים עוברים את { $max } הציונים ש־emograph יכול לנתח בבת אחת
import-more-cases = יותר מ־{ $max } מקרים
import-duplicate-id-long = מזהה מקרה כפול { $id } (אם כל שורה היא תשובה אחת — מקרה, נקודת מגע, ציון — קראו את הקובץ עם --long CASE,TOUCHPOINT,SCORE)
import-duplicate-id = מזהה מקרה כפול { $id }

## io/csv_import/long.rs: long rows, one answer per row

import-long-columns = עמודות התבנית הארוכה { $text }: תנו שלושה שמות עמודות CASE,TOUCHPOINT,SCORE, למשל case,touchpoint,score
import-long-no-column = אין עמודה בשם { $name } עבור { $what } (--long CASE,TOUCHPOINT,SCORE); העמודות הן: { $columns }
import-long-case-id = מזהה המקרה ריק או ארוך מ־{ $max } תווים
import-long-touchpoint-empty = נקודת המגע ריקה
import-more-touchpoints = יותר מ־{ $max } נקודות מגע
import-long-twice = למקרה { $case } יש את נקודת המגע { $touchpoint } פעמיים (בפעם הראשונה בשורה { $line })
import-more-scores = יותר מ־{ $max } ציונים: emograph לא יכול לנתח אותם בבת אחת
import-no-answers = אין תשובות: בקובץ יש רק שורת כותרת
import-long-too-many = { $cases } מקרים × { $width } נקודות מגע עוברים את { $max } הציונים ש־emograph יכול לנתח בבת אחת
import-long-unknown-touchpoint = ‏--touchpoints מזכיר את { $name }, שאין בשום שורה; נקודות המגע הן: { $touchpoints }
import-long-left-out = ‏--touchpoints משמיט את { $names }; פרטו את כל נקודות המגע
import-long-range = עם --long, ‏--touchpoints מקבל את שמות נקודות המגע לפי הסדר, לא מספרי עמודות

## io/csv_import/layout.rs: which column plays which part

import-no-column = אין עמודה בשם { $name } עבור { $what }; העמודות הן: { $columns }
import-part-case-ids = מזהי המקרים
import-part-segments = הפלחים
import-part-waves = הגלים
import-part-wave-dates = תאריכי הגלים
import-part-outcome = התוצאה
import-part-a-touchpoint = נקודת מגע
import-part-touchpoints = נקודות המגע
import-part-scores = הציונים
import-range-beyond = עמודות נקודות המגע { $first }..{ $last }: בקובץ יש רק { $n ->
        [one] עמודה אחת
        [two] שתי עמודות
       *[other] { $n } עמודות
    }
import-touchpoint-and-special = עמודה { $column } ({ $name }) לא יכולה להיות גם נקודת מגע וגם עמודת המקרה, הפלח, הגל או התוצאה
import-no-touchpoint-columns = אין עמודות של נקודות מגע: בקובץ יש רק עמודות של מקרה, פלח וגל
import-too-many-touchpoints = { $n } עמודות של נקודות מגע: נתמכות לכל היותר { $max }
import-column-twice = עמודה { $column } צוינה פעמיים כנקודת מגע

## io/csv_import/headers.rs: the export a header was recognised as

import-export-qualtrics = ייצוא של Qualtrics
import-export-surveymonkey = ייצוא של SurveyMonkey
import-export-plain = קובץ CSV

## io/csv_import/labels.rs: text answers and their scores

import-labels-not-pair = תוויות: { $pair } אינו בצורה LABEL=SCORE (למשל "Very dissatisfied=1")
import-labels-score-nan = תוויות: הציון של { $label } אינו מספר
import-labels-empty = תוויות: ב־{ $pair } התווית ריקה
import-labels-twice = תוויות: { $label } ניתנה פעמיים
import-labels-two = תוויות: תנו לפחות שתי תוויות עם ציונים שונים
import-wording-satisfaction-5 = שביעות רצון ב־5 דרגות
import-wording-agreement-5 = הסכמה ב־5 דרגות
import-wording-quality-5 = איכות ב־5 דרגות
import-wording-satisfaction-7 = שביעות רצון ב־7 דרגות
import-wording-agreement-7 = הסכמה ב־7 דרגות
import-wording-satisfaction-5-hebrew = שביעות רצון ב־5 דרגות (בעברית)
import-wording-agreement-5-hebrew = הסכמה ב־5 דרגות (בעברית)

## io/csv_import/options.rs: the options' spellings

import-column-range = טווח העמודות { $text }: העמודות נספרות מ־1, והטווח לא יכול להיות ריק
import-no-touchpoints-named = לא צוינו עמודות של נקודות מגע
import-scale-form = הסולם { $text }: כתבו אותו בצורה MIN..MAX, למשל 1..5
import-scale-form-pixels = הסולם { $text }: כתבו אותו בצורה MIN..MAX, למשל 1..5 (לפיקסלים לנקודה של PNG, ‏`emograph export` מקבל --pixel-scale)
import-scale-numbers = הסולם { $text }: MIN ו־MAX חייבים להיות מספרים, למשל 1..5
import-scale-differ = הסולם { $text }: MIN ו־MAX חייבים להיות שונים
import-scale-bound = הסולם { $text }: MIN ו־MAX חייבים להיות בתוך ‎-{ $bound }..{ $bound }

## io/csv_import/outcome.rs: the outcome column

import-outcome-no-column = התוצאה { $text }: שם העמודה ריק
import-outcome-threshold = התוצאה { $text }: אחרי >= בא מספר, למשל Overall>=4
import-outcome-values = התוצאה { $text }: כתבו את הערכים החיוביים אחרי =, למשל Satisfaction=satisfied
import-outcome-not-a-number = התוצאה אינה מספר
import-outcome-not-yes-no = התוצאה אינה yes/no,‏ true/false או 1/0; ציינו את הערכים החיוביים (--outcome "{ $column }={ $cell }") או תנו סף (--outcome "{ $column }>=N")

## io/csv_import/into.rs: a second wave into a journey

import-into-unknown-columns = { $n ->
        [one] עמודה אחת אינה תואמת
        [two] שתי עמודות אינן תואמות
       *[other] { $n } עמודות אינן תואמות
    } לאף נקודת מגע של המסע: { $names }
import-into-missing-touchpoints = { $n ->
        [one] לנקודת מגע אחת של המסע אין עמודה
        [two] לשתי נקודות מגע של המסע אין עמודה
       *[other] ל־{ $n } נקודות מגע של המסע אין עמודה
    }: { $names }
import-into-taken-ids = { $n ->
        [one] מזהה מקרה אחד כבר קיים
        [two] שני מזהי מקרים כבר קיימים
       *[other] { $n } מזהי מקרים כבר קיימים
    } במסע: { $names } (תנו --case-prefix TEXT כדי להפריד את המקרים החדשים)
import-into-scale = הסולם של הקובץ הוא { $file } אבל של המסע { $journey }; תנו --scale כמו של המסע

## io/csv_import/preview.rs: the import dialog's preview

import-layout = { $export }, { $rows }, { $shape }, שדות מופרדים ב{ $delimiter }
import-header-rows-n = { $n ->
    [one] שורת כותרת אחת
    [two] שתי שורות כותרת
   *[other] { $n } שורות כותרת
}
import-shape-wide = שורות רחבות (מקרה בכל שורה)
import-shape-long = שורות ארוכות (תשובה בכל שורה)
import-split-commas = פסיקים
import-split-semicolons = נקודה-פסיק
import-split-tabs = טאבים
import-split-bars = קווים אנכיים
import-role-case = מקרה
import-role-segment = פלח
import-role-wave = גל
import-role-wave-date = גל (תאריך)
import-role-outcome = תוצאה
import-role-touchpoint = נקודת מגע
import-role-touchpoint-name = שם נקודת מגע
import-role-score = ציון
import-role-ignored = לא נקרא
import-cannot-open = לא ניתן לפתוח: { $error }
import-cannot-read = לא ניתן לקרוא: { $error }
import-workbook-too-big-refusal = emograph מסרב לחוברות עבודה גדולות כל כך
import-located = שורה { $line }, עמודה { $column }: { $message }

## io/workbook.rs: workbooks (.xlsx, .xls, .ods)

workbook-part-beyond-4gb = חלק מחוברת העבודה מצהיר על גודל של יותר מ־4 GB
workbook-zip-bomb = חלקי חוברת העבודה נפרסים ליותר מ־{ $mib } MiB (ייתכן שזו פצצת zip)
workbook-refused = { $reason }; emograph מסרב לה עוד לפני הקריאה. ייצאו את הגיליון כ־CSV UTF-8 במקום זאת
workbook-cannot-read = לא ניתן לקרוא את חוברת העבודה ({ $error }); אם היא פגומה, פתחו אותה בגיליון אלקטרוני ושמרו אותה מחדש, או ייצאו את הגיליון כ־CSV UTF-8
workbook-no-such-sheet = אין גיליון { $wanted }; הגיליונות הם: { $sheets }
workbook-no-sheets = בחוברת העבודה אין גיליונות
workbook-cannot-read-sheet = לא ניתן לקרוא את הגיליון { $name }: { $error }
workbook-cannot-convert = לא ניתן להמיר את הגיליון { $name }: { $error }

## io/text_encoding.rs: text that is not UTF-8

encoding-unknown = קידוד לא מוכר { $label }; למשל utf-8,‏ windows-1252,‏ windows-1255,‏ iso-8859-8,‏ utf-16le,‏ utf-16be
encoding-utf16-without-mark = הקובץ נראה כמו טקסט { $encoding } בלי סימן סדר בתים (BOM): תנו --encoding { $encoding }, או שמרו אותו כ־CSV UTF-8
encoding-save-as-utf8 = שמרו אותו כ־CSV UTF-8
encoding-not-valid = הקובץ אינו טקסט { $encoding } תקין; { $advice }
encoding-looks-like = הוא נראה כמו { $encoding }: תנו --encoding { $encoding }, או שמרו אותו כ־CSV UTF-8
encoding-give-it = ציינו את הקידוד שלו ב־--encoding, או שמרו אותו כ־CSV UTF-8
