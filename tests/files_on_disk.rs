// A test reports failure by panicking: unwrap and expect say where (the library may not).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Files on disk the way git and SQLite treat them: a verb never writes over its own input, a
//! read-only file is left alone, long names still save, and the temporary files of interrupted
//! writes are cleaned up (and named) at the next write, but never while their writer still runs.

mod cli_common;
use cli_common::*;

use std::io::{BufRead as _, BufReader, Write as _};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use emograph::io::{self as jio, SaveError};
use emograph::model::{Case, Journey, Touchpoint};

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn journey() -> Journey {
    let mut journey = Journey {
        title: "Cinema".to_owned(),
        touchpoints: vec![
            Touchpoint::new("ticket", "Ticket", "before"),
            Touchpoint::new("film", "Film", "during"),
        ],
        ..Journey::default()
    };
    for (id, ticket, film) in [("c1", -2.0, 4.5), ("c2", 1.0, -3.0)] {
        let mut case = Case::new(id, "");
        case.scores.insert("ticket".to_owned(), ticket);
        case.scores.insert("film".to_owned(), film);
        journey.cases.push(case);
    }
    journey
}

/// The hidden temporary files of `name` in `dir`, as our writer names them.
fn temps_of(dir: &Path, name: &str) -> Vec<PathBuf> {
    let prefix = format!(".{name}.");
    let mut temps: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| {
            let file = e.file_name().to_string_lossy().into_owned();
            file.starts_with(&prefix) && file.ends_with(".tmp")
        })
        .map(|e| e.path())
        .collect();
    temps.sort();
    temps
}

#[test]
fn a_verb_refuses_an_output_that_is_its_input_and_leaves_the_input_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let ron = dir.path().join("j.ron");
    jio::save_journey(&ron, &journey()).unwrap();
    let csv = dir.path().join("s.csv");
    std::fs::write(&csv, "case,a,b\nc1,1,2\nc2,-3,4\n").unwrap();
    let linked = dir.path().join("linked.ron");
    std::fs::hard_link(&ron, &linked).unwrap();
    let ron_before = std::fs::read(&ron).unwrap();
    let csv_before = std::fs::read(&csv).unwrap();
    let dotted = dir.path().join(".").join("j.ron");
    let runs: Vec<Vec<&str>> = vec![
        vec!["report", ron.to_str().unwrap(), "-o", ron.to_str().unwrap()],
        vec![
            "report",
            ron.to_str().unwrap(),
            "-o",
            dotted.to_str().unwrap(),
        ],
        vec![
            "export",
            ron.to_str().unwrap(),
            "-o",
            linked.to_str().unwrap(),
        ],
        vec!["import", csv.to_str().unwrap(), "-o", csv.to_str().unwrap()],
    ];
    for args in &runs {
        let output = emograph(args);
        assert_eq!(
            output.status.code(),
            Some(1),
            "{args:?}: {}",
            stderr(&output)
        );
        let message = stderr(&output);
        assert!(message.contains("is the input file"), "{args:?}: {message}");
    }
    assert_eq!(std::fs::read(&ron).unwrap(), ron_before);
    assert_eq!(std::fs::read(&csv).unwrap(), csv_before);
    // A different output still works.
    let report = dir.path().join("report.html");
    let output = emograph(&[
        "report",
        ron.to_str().unwrap(),
        "-o",
        report.to_str().unwrap(),
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
}

#[cfg(unix)]
fn set_mode(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt as _;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

#[cfg(unix)]
#[test]
fn a_read_only_file_is_not_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("j.ron");
    jio::save_journey(&path, &journey()).unwrap();
    set_mode(&path, 0o444);
    let before = std::fs::read(&path).unwrap();
    let mut changed = journey();
    changed.title = "Changed".to_owned();

    let error = jio::save_journey(&path, &changed).unwrap_err();
    assert!(matches!(error, SaveError::ReadOnly { .. }), "{error:?}");
    assert!(error.to_string().contains("j.ron is read-only"), "{error}");
    assert_eq!(std::fs::read(&path).unwrap(), before);

    // The CLI too, for the journey it imports and the report it writes.
    let csv = dir.path().join("s.csv");
    std::fs::write(&csv, "case,a\nc1,1\n").unwrap();
    let import = emograph(&[
        "import",
        csv.to_str().unwrap(),
        "-o",
        path.to_str().unwrap(),
    ]);
    assert_eq!(import.status.code(), Some(1));
    assert!(
        stderr(&import).contains("is read-only"),
        "{}",
        stderr(&import)
    );
    let html = dir.path().join("r.html");
    std::fs::write(&html, "old").unwrap();
    set_mode(&html, 0o444);
    let report = emograph(&[
        "report",
        path.to_str().unwrap(),
        "-o",
        html.to_str().unwrap(),
    ]);
    assert_eq!(report.status.code(), Some(1));
    assert!(
        stderr(&report).contains("r.html is read-only"),
        "{}",
        stderr(&report)
    );
    assert_eq!(std::fs::read(&path).unwrap(), before);
    assert_eq!(std::fs::read(&html).unwrap(), b"old");
    assert!(temps_of(dir.path(), "j.ron").is_empty());
}

#[test]
fn a_file_name_of_249_characters_saves_and_loads() {
    let dir = tempfile::tempdir().unwrap();
    let name = format!("{}.ron", "a".repeat(245));
    assert_eq!(name.len(), 249);
    let path = dir.path().join(&name);
    jio::save_journey(&path, &journey()).unwrap();
    assert_eq!(jio::load_journey(&path).unwrap(), journey());
    // And again, over it.
    jio::save_journey(&path, &journey()).unwrap();
}

#[test]
fn a_stale_temporary_file_is_removed_at_the_next_save_and_named() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("j.ron");
    jio::save_journey(&path, &journey()).unwrap();
    // Exactly as the writer names them: `.NAME.` + six random letters or digits + `.tmp`.
    let stale = dir.path().join(".j.ron.Ab3dE9.tmp");
    std::fs::write(&stale, "half a journey").unwrap();
    // Look-alikes that are not ours, or of another file, stay.
    let others = [
        dir.path().join(".j.ron.b.Ab3dE9.tmp"),
        dir.path().join(".j.ron.notes.txt"),
        dir.path().join(".k.ron.Ab3dE9.tmp"),
    ];
    for other in &others {
        std::fs::write(other, "x").unwrap();
    }
    let saved = jio::save_journey(&path, &journey()).unwrap();
    assert_eq!(saved.removed_stale, std::slice::from_ref(&stale));
    assert!(!stale.exists());
    for other in &others {
        assert!(other.exists(), "{}", other.display());
    }
    // Nothing left to clean the next time.
    let saved = jio::save_journey(&path, &journey()).unwrap();
    assert!(saved.removed_stale.is_empty());

    // The CLI says what it removed.
    let csv = dir.path().join("s.csv");
    std::fs::write(&csv, "case,a\nc1,1\n").unwrap();
    std::fs::write(&stale, "half a journey").unwrap();
    let import = emograph(&[
        "import",
        csv.to_str().unwrap(),
        "-o",
        path.to_str().unwrap(),
    ]);
    assert!(import.status.success(), "{}", stderr(&import));
    let message = stderr(&import);
    assert!(
        message.contains(&format!("removed {}", stale.display()))
            && message.contains("interrupted write"),
        "{message}"
    );
    assert!(!stale.exists());
}

/// The environment variable that turns [`child_writer`] from a no-op into the writer.
const CHILD_TARGET: &str = "EMOGRAPH_TEST_CHILD_WRITER_TARGET";
/// What the child prints once it is in the middle of its write.
const CHILD_READY: &str = "child is writing";

/// Run only as a child process by [`a_writer_killed_mid_write_leaves_a_temp_the_next_save_removes`]:
/// starts a write of the target and stops in the middle of it, forever.
#[test]
#[ignore = "a helper: run as a child process by another test"]
fn child_writer() {
    let Some(target) = std::env::var_os(CHILD_TARGET) else {
        return;
    };
    let result = jio::replace_file(Path::new(&target), |w| {
        w.write_all(&[b'x'; 64 * 1024])?;
        w.flush()?;
        println!("{CHILD_READY}");
        std::io::stdout().flush()?;
        loop {
            std::thread::sleep(std::time::Duration::from_secs(60));
        }
    });
    panic!("the write was meant to hang: {result:?}");
}

#[test]
fn a_writer_killed_mid_write_leaves_a_temp_the_next_save_removes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("j.ron");
    jio::save_journey(&path, &journey()).unwrap();
    let before = std::fs::read(&path).unwrap();

    let mut child = Command::new(std::env::current_exe().unwrap())
        .args(["child_writer", "--exact", "--ignored", "--nocapture"])
        .env(CHILD_TARGET, &path)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let ready = BufReader::new(stdout)
        .lines()
        .map_while(Result::ok)
        .any(|line| line.contains(CHILD_READY));
    assert!(ready, "the child never started writing");
    let temps = temps_of(dir.path(), "j.ron");
    assert_eq!(temps.len(), 1, "{temps:?}");

    // While the child writes, its temporary file is not stale: a save leaves it alone.
    let saved = jio::save_journey(&path, &journey()).unwrap();
    assert!(saved.removed_stale.is_empty(), "{saved:?}");
    assert_eq!(temps_of(dir.path(), "j.ron"), temps);

    // SIGKILL: no destructor runs, the temporary file stays, and the journey is unharmed.
    child.kill().unwrap();
    child.wait().unwrap();
    assert_eq!(temps_of(dir.path(), "j.ron"), temps);
    assert_eq!(std::fs::read(&path).unwrap(), before);

    let saved = jio::save_journey(&path, &journey()).unwrap();
    assert_eq!(saved.removed_stale, temps);
    assert!(temps_of(dir.path(), "j.ron").is_empty());
    assert_eq!(jio::load_journey(&path).unwrap(), journey());
}

#[test]
fn a_scale_whose_span_overflows_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("s.csv");
    std::fs::write(&csv, "case,a\nc1,1e308\nc2,0\nc3,-1e308\n").unwrap();
    let output = emograph(&["stats", csv.to_str().unwrap(), "--scale=-1e308..1e308"]);
    assert!(!output.status.success());
    assert!(output.stdout.is_empty());
    let message = stderr(&output);
    assert!(message.contains("must lie within"), "{message}");
    // A wide but sound scale still works, and maps its middle to 0.
    let output = emograph(&[
        "stats",
        csv.to_str().unwrap(),
        "--scale=-1000000..1000000",
        "--format",
        "json",
    ]);
    assert!(!output.status.success(), "1e308 is off that scale");
    std::fs::write(&csv, "case,a\nc1,1000000\nc2,0\nc3,-1000000\n").unwrap();
    let output = emograph(&[
        "stats",
        csv.to_str().unwrap(),
        "--scale=-1000000..1000000",
        "--format",
        "json",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let stats: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(stats["touchpoints"][0]["mean"], 0.0);
    assert_eq!(stats["touchpoints"][0]["min"], -5.0);
    assert_eq!(stats["touchpoints"][0]["max"], 5.0);
}

#[test]
fn import_takes_one_segment_of_a_csv() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("s.csv");
    std::fs::write(&csv, "case,segment,a\nc1,gold,1\nc2,blue,2\nc3,Gold,-1\n").unwrap();
    let out = dir.path().join("gold.ron");
    let import = emograph(&[
        "import",
        csv.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--segment",
        "gold",
    ]);
    assert!(import.status.success(), "{}", stderr(&import));
    let ids: Vec<String> = jio::load_journey(&out)
        .unwrap()
        .cases
        .into_iter()
        .map(|c| c.id)
        .collect();
    assert_eq!(ids, ["c1", "c3"]);
    let none = emograph(&[
        "import",
        csv.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--segment",
        "red",
    ]);
    assert_eq!(none.status.code(), Some(1));
    assert!(
        stderr(&none).contains("no case is in segment"),
        "{}",
        stderr(&none)
    );
}
