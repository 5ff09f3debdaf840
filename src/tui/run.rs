//! The TUI's entry point and loop: open the plan (argument, most recent, or the built-in
//! sample), then draw → read event → keymap → `App::update` → carry out the Effect
//! (saves go through `store::save_plan`, the same save as the CLI).

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use ratatui::crossterm::event::{self, Event, KeyEventKind};

use super::action::Action;
use super::app::App;
use super::autosave::RecoveryWriter;
use super::document::{Document, Origin};
use super::mode::Mode;
use super::prompt::AfterSave;
use super::recent;
use super::terminal;
use super::theme::ColorMode;
use super::update::{Effect, Overwrite, SaveRequest};
use crate::plan::{self, LoadError};
use crate::store::lock::PlanLock;
use crate::store::watch::{DiskEvent, PlanWatcher};
use crate::store::{self, Expect, Fingerprint};

/// What `gapdeck [PLAN]` asked for.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// The plan to open; `None` opens the most recent plan, or the built-in sample.
    pub plan: Option<PathBuf>,
}

/// Why the TUI could not run.
#[derive(Debug)]
pub enum TuiError {
    /// The plan file could not be read or parsed at all (validation problems do not
    /// count: such a plan opens with its problems listed).
    Load(LoadError),
    /// The terminal could not be set up or read.
    Terminal(io::Error),
}

impl fmt::Display for TuiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TuiError::Load(e) => write!(f, "{e}"),
            TuiError::Terminal(e) => write!(
                f,
                "error: cannot use the terminal: {e} — run gapdeck in an interactive terminal, \
                 or use `gapdeck check`/`gapdeck report` in scripts"
            ),
        }
    }
}

impl std::error::Error for TuiError {}

/// File-side state the pure app does not hold: what is on disk and where the recent list is.
struct Disk {
    /// The path and content fingerprint of what was loaded or last saved.
    known: Option<(PathBuf, Fingerprint)>,
    recent: Option<PathBuf>,
    /// Notices outside changes to the open plan file (none for the sample or when the
    /// system refuses a watch; the save-time check still protects the file then).
    watcher: Option<PlanWatcher>,
    /// Our lock on the open plan; dropping it releases the lock file.
    lock: Option<PlanLock>,
}

/// Opens the plan and runs the interactive UI until the user quits.
pub fn run(opts: Options) -> Result<(), TuiError> {
    let recent_file = recent::list_file();
    let (doc, known) = open(opts.plan, recent_file.as_deref())?;
    if let (Some(list), Origin::File(p)) = (&recent_file, &doc.origin) {
        let _ = recent::remember(list, p);
    }
    let config = super::config::load(
        super::config::Paths::default_location().as_ref(),
        ColorMode::from_env(),
    );
    // Bad config files are never silent: on stderr now (visible after quitting) and in
    // the message line once the screen is up.
    for p in &config.problems {
        eprintln!("gapdeck: {p}");
    }
    let mut app = App::new(doc, config.keymap, config.theme);
    if !config.problems.is_empty() {
        app.error(config.problems.join(" · "));
    }
    app.set_today(jiff::Zoned::now().date());
    // Held in `disk` for the whole session; released when `run` returns.
    let lock = app
        .doc
        .path()
        .cloned()
        .and_then(|p| super::session::lock_plan(&mut app, &p));
    let store = store::recovery::RecoveryStore::default_location();
    let watcher = match app.doc.path() {
        Some(p) => PlanWatcher::watch(p).map_err(|e| app.error(e)).ok(),
        None => None,
    };
    if let (Some(store), Some(p)) = (&store, app.doc.path().cloned()) {
        offer_recovery(&mut app, store, &p);
    }
    let mut disk = Disk {
        known,
        recent: recent_file,
        watcher,
        lock,
    };
    let mut guard = terminal::enter().map_err(TuiError::Terminal)?;
    let size = guard.term.size().map_err(TuiError::Terminal)?;
    app.update(Action::Resize(size.width, size.height));
    let mut autosave = RecoveryWriter::new(
        store.clone(),
        store::recovery::RecoveryTimer::default(),
        &app,
    );
    store::crash::run_protected(
        &mut app,
        super::autosave::key,
        store.as_ref(),
        |app| match app.doc.save_state() {
            super::document::SaveState::Unsaved => Some(plan::to_ron_string(&app.doc.plan)),
            super::document::SaveState::Saved => None,
        },
        |app| {
            event_loop(app, &mut guard.term, &mut disk, &mut autosave)?;
            // A clean quit: the user saved or chose to drop the edits.
            autosave.discard(app);
            Ok(())
        },
    )
    .map_err(TuiError::Terminal)
}

/// The longest the loop blocks on the terminal, so timers and the watcher are served.
const MAX_WAIT: Duration = Duration::from_millis(250);

fn event_loop(
    app: &mut App,
    term: &mut terminal::Term,
    disk: &mut Disk,
    autosave: &mut RecoveryWriter,
) -> io::Result<()> {
    let mut redraw = true;
    loop {
        if redraw {
            term.draw(|f| f.render_widget(&*app, f.area()))?;
        }
        let now = Instant::now();
        let wait = [
            autosave.next_wake(now),
            disk.watcher.as_ref().and_then(|w| w.next_wake(now)),
        ]
        .into_iter()
        .flatten()
        .fold(MAX_WAIT, Duration::min);
        let action = if event::poll(wait)? {
            redraw = true;
            match event::read()? {
                Event::Key(k) if k.kind != KeyEventKind::Release => {
                    app.keymap.resolve(app.mode(), k)
                }
                Event::Paste(text) if app.mode() == Mode::Input => Some(Action::Paste(text)),
                Event::Resize(w, h) => Some(Action::Resize(w, h)),
                Event::Mouse(m) => super::editor::mouse_action(m),
                _ => None,
            }
        } else {
            redraw = false;
            None
        };
        let before = app.ui.message.clone();
        let effect = match action {
            Some(action) => Some(app.update(action)),
            None => watch_disk(app, disk),
        };
        if let Some(effect) = effect {
            redraw = true;
            let saving = matches!(effect, Effect::Save(_));
            let key_before = super::autosave::key(app);
            if carry_out(app, term, disk, autosave, effect) == AfterSave::Quit {
                return Ok(());
            }
            if saving && app.doc.save_state() == super::document::SaveState::Saved {
                autosave.discard(app);
                // Saved under a new name: the old name's recovery file is stale too.
                autosave.discard_at(&key_before);
            }
            autosave.after_update(app, Instant::now());
        }
        autosave.tick(app, Instant::now());
        redraw = redraw || app.ui.message != before;
    }
}

/// Carries out one Effect; returns whether the session ends.
fn carry_out(
    app: &mut App,
    term: &mut terminal::Term,
    disk: &mut Disk,
    autosave: &mut RecoveryWriter,
    effect: Effect,
) -> AfterSave {
    match effect {
        Effect::None => AfterSave::Stay,
        Effect::Quit => AfterSave::Quit,
        Effect::EditNotes(req) => {
            match super::editor::edit_text(term, &req.id, &req.text) {
                Ok(text) => app.notes_edited(&req.id, text),
                Err(e) => app.notes_edit_failed(&e),
            }
            AfterSave::Stay
        }
        Effect::Save(req) => save(app, disk, req),
        Effect::Reload => {
            reload(app, disk);
            AfterSave::Stay
        }
        Effect::DiscardRecovery => {
            autosave.discard(app);
            AfterSave::Stay
        }
    }
}

/// Polls the watcher; an outside change becomes the app's decision (reload or ask).
fn watch_disk(app: &mut App, disk: &mut Disk) -> Option<Effect> {
    let known = disk.known.as_ref().map(|(_, fp)| *fp);
    match disk.watcher.as_mut()?.poll(Instant::now(), known)? {
        DiskEvent::Changed(_) => Some(app.outside_change()),
        DiskEvent::Removed => {
            app.outside_removed();
            None
        }
        DiskEvent::Failed(e) => {
            app.error(e);
            None
        }
    }
}

/// Loads the open plan again through the same path as opening it.
fn reload(app: &mut App, disk: &mut Disk) {
    let Some(path) = app.doc.path().cloned() else {
        return;
    };
    match store::open_plan(&path) {
        Ok(opened) => {
            disk.known = Some((path.clone(), opened.fingerprint));
            let loaded = opened.loaded;
            app.reloaded(Document::new(
                loaded.plan,
                Origin::File(path),
                loaded.problems,
            ));
        }
        Err(e) => app.error(format!("could not reload: {e}")),
    }
}

/// Offers the recovery file a crashed or killed session left for `path`, if any.
fn offer_recovery(app: &mut App, store: &store::recovery::RecoveryStore, path: &Path) {
    match store
        .offer(path)
        .and_then(|f| f.map(|f| f.text().map(|t| (f.saved, t))).transpose())
    {
        Ok(Some((saved, text))) => app.offer_restore(saved, text),
        Ok(None) => {}
        Err(e) => app.error(format!(
            "could not read the recovery file in {}: {e}",
            store.dir().display()
        )),
    }
}

/// Carries out a save and reports back to the app; returns what to do next.
fn save(app: &mut App, disk: &mut Disk, req: SaveRequest) -> AfterSave {
    let expect = match (&disk.known, req.overwrite) {
        (_, Overwrite::Confirmed) => Expect::Overwrite,
        (Some((p, fp)), Overwrite::IfUnchanged) if same_file(p, &req.path) => Expect::Loaded(*fp),
        _ => Expect::NoFile,
    };
    match store::save_plan(&req.path, &app.doc.plan, expect) {
        Ok(saved) => {
            let moved = !disk
                .known
                .as_ref()
                .is_some_and(|(p, _)| same_file(p, &req.path));
            disk.known = Some((req.path.clone(), saved.fingerprint));
            if let Some(list) = &disk.recent {
                let _ = recent::remember(list, &req.path);
            }
            app.saved(req.path.clone());
            if moved {
                follow(app, disk, &req.path);
            }
            req.then
        }
        Err(e) if e.is_changed_on_disk() => {
            let reason = if matches!(expect, Expect::NoFile) {
                format!("{} already exists.", req.path.display())
            } else {
                format!(
                    "{} changed on disk since it was opened.",
                    req.path.display()
                )
            };
            app.save_conflict(req, reason);
            AfterSave::Stay
        }
        Err(e) => {
            app.save_failed(&req.path, &e.to_string());
            AfterSave::Stay
        }
    }
}

/// The plan now lives at `path` (first save, or save-as): release the old lock, lock
/// and watch the new file.
fn follow(app: &mut App, disk: &mut Disk, path: &Path) {
    disk.lock = None;
    disk.lock = super::session::lock_plan(app, path);
    disk.watcher = PlanWatcher::watch(path).map_err(|e| app.error(e)).ok();
}

fn same_file(a: &Path, b: &Path) -> bool {
    a == b || std::path::absolute(a).ok() == std::path::absolute(b).ok()
}

/// Loads the plan to show: the given path, else the most recent one, else the sample.
fn open(
    path: Option<PathBuf>,
    recent_file: Option<&Path>,
) -> Result<(Document, Option<(PathBuf, Fingerprint)>), TuiError> {
    let path = path.or_else(|| recent_file.and_then(recent::most_recent));
    let Some(path) = path else {
        let loaded = plan::parse(crate::sample::DEFAULT).map_err(TuiError::Load)?;
        return Ok((
            Document::new(loaded.plan, Origin::Sample, loaded.problems),
            None,
        ));
    };
    let opened = store::open_plan(&path).map_err(TuiError::Load)?;
    let known = Some((path.clone(), opened.fingerprint));
    let loaded = opened.loaded;
    Ok((
        Document::new(loaded.plan, Origin::File(path), loaded.problems),
        known,
    ))
}

#[cfg(test)]
#[path = "run_tests.rs"]
mod tests;
