//! `emograph serve FILE.ron`: the live workshop, headless. Prints the participants' URL, the
//! session code and a QR code; applies every curve that arrives to the document as an
//! `Edit::PutCase`, saves the journey atomically about a second after it changed, and ends on
//! Ctrl+C with a last save, the port freed and the journal removed.
//!
//! The journal (`.FILE.ron.live.jsonl` beside the journey) holds every acknowledged curve until
//! the journey holding it is saved for good; a session killed in between (`kill -9`, a power
//! cut) leaves it behind, and the next `serve` of the same file replays it first and says so.

use std::net::IpAddr;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use clap::Args;
use emograph_live::{Accepted, LiveConfig, LiveHandle, SessionCode};

use super::TableOrJson;
use crate::io;
use crate::model::show_controls;
use crate::session::{Document, Edit, Journal, journal_path_for, read_journal};

/// Options of `emograph serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The journey (.ron) whose touchpoints the participants score; their curves are saved
    /// into it as cases.
    pub file: PathBuf,
    /// The address to listen on: 0.0.0.0 (every interface) for a room, 127.0.0.1 to try it
    /// out on this computer alone.
    #[arg(long, default_value = "0.0.0.0")]
    pub bind: IpAddr,
    /// The port; 0 picks any free one.
    #[arg(long, default_value_t = emograph_live::DEFAULT_PORT)]
    pub port: u16,
    /// table: the URL, code and a QR code for people; json: one line {"url", "code"} first,
    /// then one JSON line per event (a curve arrived, the journey was saved).
    #[arg(long, value_enum, default_value_t = TableOrJson::Table)]
    pub format: TableOrJson,
    /// The segments participants pick from, comma-separated (default: those the journey's
    /// cases use).
    #[arg(long, value_delimiter = ',', value_name = "A,B,…")]
    pub segments: Option<Vec<String>>,
    /// Show participants the room's average after they sent (off by default: early results
    /// bias later answers).
    #[arg(long)]
    pub show_average: bool,
    /// At most this many participants' curves.
    #[arg(long, default_value_t = emograph_live::DEFAULT_MAX_PARTICIPANTS)]
    pub max_curves: usize,
}

/// Unsaved curves are saved this long after the first of them arrived.
const SAVE_AFTER: Duration = Duration::from_secs(1);

pub fn serve(args: &ServeArgs) -> ExitCode {
    match run(args) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("emograph: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: &ServeArgs) -> Result<ExitCode, String> {
    let journey = io::load_journey(&args.file).map_err(|e| e.to_string())?;
    if journey.touchpoints.is_empty() {
        return Err(crate::tr!(
            "cli-serve-no-touchpoints",
            file = args.file.display().to_string()
        ));
    }
    let mut document = Document::new(journey, Some(args.file.clone()));
    let journal_path = journal_path_for(&args.file);
    let journal_name = journal_path.display().to_string();
    let replay = read_journal(&journal_path).map_err(|e| {
        crate::tr!(
            "cli-serve-cannot-read-journal",
            path = journal_name.as_str(),
            error = e.to_string()
        )
    })?;
    for (line, why) in &replay.unreadable {
        eprintln!(
            "{}",
            crate::tr!(
                "cli-serve-skipped-line",
                path = journal_name.as_str(),
                line = line.to_string(),
                why = why.to_string()
            )
        );
    }
    let json = args.format == TableOrJson::Json;
    if !replay.submissions.is_empty() {
        let mut replayed = 0;
        for (_, case) in &replay.submissions {
            match document.apply(Edit::PutCase { case: case.clone() }) {
                Ok(_) => replayed += 1,
                Err(e) => eprintln!(
                    "{}",
                    crate::tr!(
                        "cli-serve-not-replayed",
                        id = case.id.as_str(),
                        error = e.to_string()
                    )
                ),
            }
        }
        save(&mut document, &args.file)?;
        eprintln!(
            "{}",
            crate::tr!(
                "cli-serve-replayed",
                n = replayed,
                journal = journal_name.as_str(),
                file = args.file.display().to_string()
            )
        );
    }
    let code = replay.code.as_deref().and_then(SessionCode::parse);
    let journal = Journal::open(&journal_path, &replay).map_err(|e| {
        crate::tr!(
            "cli-serve-cannot-open-journal",
            path = journal_name.as_str(),
            error = e.to_string()
        )
    })?;
    let (sink, arrivals) = mpsc::channel();
    let config = LiveConfig {
        bind: args.bind,
        port: args.port,
        segments: args.segments.clone(),
        show_average: args.show_average,
        max_participants: args.max_curves,
        code,
        ..LiveConfig::default()
    };
    // Caught before the URL is printed: a Ctrl+C right after it still ends the session cleanly.
    let signal = emograph_live::ShutdownSignal::install()
        .map_err(|e| crate::tr!("cli-serve-cannot-catch", error = e.to_string()))?;
    let handle = LiveHandle::start(
        document.journey(),
        config,
        journal,
        replay.submissions,
        sink,
    )
    .map_err(|e| e.to_string())?;
    announce(&handle, document.journey().title.as_str(), &args.file, json);

    let stop = Arc::new(AtomicBool::new(false));
    {
        let stop = stop.clone();
        std::thread::spawn(move || {
            signal.wait();
            stop.store(true, Ordering::SeqCst);
        });
    }
    let mut session = Session {
        document,
        file: args.file.clone(),
        json,
        unsaved_since: None,
    };
    session.run_until(&arrivals, &stop);

    let journal = handle.stop();
    // Curves accepted in the last moments before the stop are still on the channel.
    while let Ok(accepted) = arrivals.try_recv() {
        session.receive(accepted);
    }
    let count = session.live_cases();
    // A session nobody sent to leaves the file as it was, byte for byte.
    let saved = if session.document.is_dirty() {
        save(&mut session.document, &args.file)
    } else {
        Ok(())
    };
    match saved {
        Ok(()) => {
            if let Some(journal) = journal
                && let Err(e) = journal.finish()
            {
                eprintln!(
                    "{}",
                    crate::tr!("cli-serve-journal-not-removed", error = e.to_string())
                );
            }
            if json {
                super::print_out(&format!(
                    "{}\n",
                    serde_json::json!({"event": "ended", "live_cases": count})
                ));
            } else {
                println!(
                    "{}",
                    crate::tr!(
                        "cli-serve-ended",
                        n = count,
                        file = args.file.display().to_string()
                    )
                );
            }
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => Err(format!(
            "{e}\n{}",
            crate::tr!("cli-serve-journal-keeps", path = journal_name.as_str())
        )),
    }
}

fn announce(handle: &LiveHandle, title: &str, file: &Path, json: bool) {
    if json {
        super::print_out(&format!(
            "{}\n",
            serde_json::json!({
                "url": handle.url(),
                "code": handle.code().as_str(),
                "listening": handle.local_addr().to_string(),
            })
        ));
        return;
    }
    let mut text = crate::tr!("cli-serve-title", title = show_controls(title).into_owned());
    text.push_str("\n\n");
    text.push_str(&super::table::aligned(
        &[
            vec![
                crate::tr!("cli-serve-participants-open"),
                handle.url().to_string(),
            ],
            vec![
                crate::tr!("cli-serve-session-code"),
                handle.code().to_string(),
            ],
        ],
        2,
        false,
    ));
    text.push('\n');
    if let Some(qr) = emograph_live::qr_terminal(handle.url()) {
        text.push_str(&qr);
    }
    text.push_str(&format!(
        "\n{}\n",
        crate::tr!("cli-serve-saved-into", path = file.display().to_string())
    ));
    super::print_out(&text);
}

/// The document while the session runs.
struct Session {
    document: Document,
    file: PathBuf,
    json: bool,
    unsaved_since: Option<Instant>,
}

impl Session {
    fn run_until(&mut self, arrivals: &Receiver<Accepted>, stop: &AtomicBool) {
        while !stop.load(Ordering::SeqCst) {
            match arrivals.recv_timeout(Duration::from_millis(100)) {
                Ok(accepted) => self.receive(accepted),
                Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => break,
            }
            if self
                .unsaved_since
                .is_some_and(|since| since.elapsed() >= SAVE_AFTER)
            {
                match save(&mut self.document, &self.file) {
                    Ok(()) => {
                        self.unsaved_since = None;
                        if self.json {
                            super::print_out(&format!(
                                "{}\n",
                                serde_json::json!({
                                    "event": "saved",
                                    "live_cases": self.live_cases(),
                                    "cases": self.document.journey().cases.len(),
                                })
                            ));
                        }
                    }
                    // The journal keeps the curves; the next save tries again.
                    Err(e) => {
                        eprintln!("emograph: {e}");
                        self.unsaved_since = Some(Instant::now());
                    }
                }
            }
        }
    }

    fn receive(&mut self, accepted: Accepted) {
        let case_id = accepted.case.id.clone();
        let label = accepted.case.label.clone();
        let replaced = self.document.journey().case(&case_id).is_some();
        match self.document.apply(Edit::PutCase {
            case: accepted.case,
        }) {
            Ok(_) => {
                self.unsaved_since.get_or_insert_with(Instant::now);
                let count = self.live_cases();
                if self.json {
                    super::print_out(&format!(
                        "{}\n",
                        serde_json::json!({
                            "event": "curve",
                            "case": case_id,
                            "replaced": replaced,
                            "live_cases": count,
                        })
                    ));
                } else {
                    let name = if label.is_empty() {
                        String::new()
                    } else {
                        format!(" “{}”", show_controls(&label))
                    };
                    super::print_out(&format!("  ✓ {count:>4}  {case_id}{name}\n"));
                }
            }
            Err(e) => eprintln!(
                "{}",
                crate::tr!(
                    "cli-serve-not-applied",
                    id = case_id.as_str(),
                    error = e.to_string()
                )
            ),
        }
    }

    fn live_cases(&self) -> usize {
        self.document
            .journey()
            .cases
            .iter()
            .filter(|c| c.source == emograph_live::SOURCE)
            .count()
    }
}

fn save(document: &mut Document, file: &Path) -> Result<(), String> {
    io::save_journey(file, document.journey()).map_err(|e| e.to_string())?;
    document.mark_saved(file.to_owned());
    Ok(())
}
