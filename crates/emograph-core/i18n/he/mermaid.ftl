# The core's messages: see crates/emograph-core/src/i18n/mod.rs.
# Reading Mermaid journey diagrams (prefix mermaid-). A Mermaid `section` is a מקטע here (it
# becomes a שלב), a task a משימה (it becomes a נקודת מגע), an actor a משתתף (a מקרה).

## io/mermaid/mod.rs: reading a diagram file

mermaid-too-big-refusal = emograph מסרב לתרשימי Mermaid גדולים כל כך

## io/mermaid/preprocess.rs: front matter

mermaid-front-matter-yaml = ה־front matter (בלוק ה־YAML שבראש הקובץ) אינו YAML תקין: { $reason }
mermaid-front-matter-title = ה־`title` שב־front matter חייב להיות טקסט

## io/mermaid/grammar.rs: Mermaid's grammar

mermaid-empty = התרשים ריק; ציפינו לתרשים מסע של Mermaid שמתחיל ב־`journey`
mermaid-not-journey = זה אינו תרשים מסע של Mermaid: ציפינו למילת המפתח `journey` (באותיות קטנות) בהתחלה, ונמצא `{ $found }`
mermaid-journey-not-alone = ציפינו למילת המפתח `journey` לבדה בהתחלה, ונמצא `{ $found }`
mermaid-accdescr-unclosed = ה־`accDescr {"{"}` אינו נסגר: סיימו את התיאור ב־`{"}"}`
mermaid-task-named-journey = שורה לא יכולה להתחיל במילה `journey` (Mermaid קורא אותה כמילת המפתח של התרשים); אם זו משימה, כתבו את האות הראשונה שלה כקוד ישות, למשל `#74;ourney to the airport: 4: Me`
mermaid-section-colon = שם של מקטע לא יכול להכיל `:`; כתבו אותו כ־`#58;`, למשל `section { $section }#58;{ $rest }`. (משימה ששמה מתחיל במילה "section" צריכה את האות הראשונה שלה כקוד ישות: `#{ $code };ection…`)
mermaid-colon-without-name = `:` בלי שם של משימה לפניו; ציפינו למשימה כמו `הכנת תה: 4: אני` (שם, נקודתיים, ציון מ־1 עד 5, ומשתתפים אם יש)
mermaid-expected-task = ציפינו ל־`{ $name }: 4` או ל־`{ $name }: 4: משתתף, משתתף` עם ציון מ־1 עד 5
mermaid-nothing-after-colon = למשימה "{ $name }" אין דבר אחרי הנקודתיים; { $expected }
mermaid-hash-comment = `#` פותח הערה ב־Mermaid, ולכן המשימה "{ $name }" נגמרת לפני הציון שלה (כתבו `#` כ־`#35;`); { $expected }
mermaid-no-score = למשימה "{ $name }" אין ציון; { $expected }
mermaid-semicolon = `;` לא יכול להופיע במסע של Mermaid (אין בו מפריד בין הוראות; כתבו כל הוראה בשורה משלה, או כתבו `;` כ־`#59;`)
mermaid-unexpected-char = תו לא צפוי { $char }

## io/mermaid/to_journey.rs: emograph's own checks of a diagram

mermaid-second-title = `title` שני (הראשון בשורה { $line }); Mermaid היה שומר רק את זה, בלי להודיע. אם השורה הזו היא משימה ששמה מתחיל ב־"title", כתבו את האות הראשונה שלה כקוד ישות, למשל `#84;itle check: 4: Me`
mermaid-title-too-long = הכותרת ארוכה מ־{ $max } תווים
mermaid-description-too-long = תיאור ה־accDescr ארוך מ־{ $max } תווים
mermaid-section-too-long = שם המקטע ארוך מ־{ $max } תווים
mermaid-task-too-long = שם המשימה ארוך מ־{ $max } תווים
mermaid-actor-too-long = שם של משתתף ארוך מ־{ $max } תווים
mermaid-too-many-sections = יותר מ־{ $max } מקטעים: emograph תומך לכל היותר במספר כזה של שלבים
mermaid-too-many-tasks = יותר מ־{ $max } משימות: emograph תומך לכל היותר במספר כזה של נקודות מגע
mermaid-too-many-actors = יותר מ־{ $max } משתתפים
mermaid-task-no-name = למשימה אין שם
mermaid-extra-field = למשימה "{ $name }" יש שדה `:` שלישי, ש־Mermaid מתעלם ממנו; ציפינו ל־`{ $name }: { $score }: משתתף, משתתף` (כתבו `:` בתוך שם של משתתף כ־`#58;`)
mermaid-glued-comment = המשתתף "{ $actor }": הערת `%%` חייבת לעמוד בשורה משלה; אחרי המשתתפים Mermaid מציג אותה כחלק משם המשתתף
mermaid-score-empty = למשימה "{ $name }" יש ציון ריק; ציפינו לציון מ־1 (הגרוע ביותר) עד 5 (הטוב ביותר) אחרי הנקודתיים, למשל `{ $name }: 4: אני`
mermaid-score-not-a-number = הציון "{ $score }" של המשימה "{ $name }" אינו מספר; ציפינו לציון מ־1 (הגרוע ביותר) עד 5 (הטוב ביותר), למשל `{ $name }: 4: אני`
mermaid-score-outside = הציון { $score } של המשימה "{ $name }" מחוץ לטווח 1 עד 5 של Mermaid; ציפינו לציון מ־1 (הגרוע ביותר) עד 5 (הטוב ביותר), למשל `{ $name }: 4: אני`

## io/mermaid/write.rs: a journey written as a diagram

mermaid-left-out = נקודת המגע "{ $name }" הושמטה: אין לה ציון להצגה
