//! `unknot play`: a live terminal player over the engine.
//!
//! The shell reads the monotonic clock (`Instant`), hands the time to the
//! engine, draws its frame and plays its cues. On a terminal it is a
//! full-screen player; otherwise it prints one line per spoken cue.

use std::io::{BufRead, IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use ratatui::crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers};
use ratatui::layout::{Constraint, Layout};
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Gauge, Paragraph, Wrap};
use ratatui::{DefaultTerminal, Frame as TuiFrame};
use unknot_core::caution::{check_pain_before, too_much_marked};
use unknot_core::record::{self, AfterSession, Now, Recording};
use unknot_core::safety::local_safety_screen;
use unknot_core::words::{
    countdown_text, cycle_text, extend_labels, rep_text, segment_kind_name, side_name,
    EXTEND_STEP_MS, PAIN_MAX, PAIN_MIN,
};
use unknot_core::{Command, Cue, Frame, SegmentKind, Session, Status};

use crate::cue_out::CueOut;
use crate::display::mmss;
use crate::load::{self, CliError};

/// Options of `unknot play`.
pub struct PlayOptions {
    /// Time runs this many times faster.
    pub speed: f64,
    /// How cues are given (`None`: the bell only).
    pub cues: Option<unknot_core::sound::CueStyle>,
    /// Language.
    pub lang: String,
}

/// The session clock: real monotonic time, scaled by `--speed`, and the
/// wall clock read once at its origin.
struct Clock {
    origin: Instant,
    origin_wall_ms: i64,
    speed: f64,
}

impl Clock {
    fn now_ms(&self) -> u64 {
        (self.origin.elapsed().as_secs_f64() * 1000.0 * self.speed) as u64
    }

    /// "Now" for the journal: the wall clock advanced with the session
    /// clock, so that with `--speed` a session's record spans the time the
    /// engine ran (at speed 1 it is the wall clock).
    fn now(&self) -> Now {
        let mono_ms = self.now_ms();
        Now {
            mono_ms,
            wall_ms: self.origin_wall_ms + mono_ms as i64,
            utc_offset_min: utc_offset_min(),
        }
    }

    /// Real time until the session clock reaches `at_ms`.
    fn until(&self, at_ms: u64) -> Duration {
        let now = self.now_ms();
        Duration::from_secs_f64(at_ms.saturating_sub(now) as f64 / 1000.0 / self.speed)
    }
}

/// `unknot play <id|file>`.
pub fn play(arg: &str, opts: PlayOptions, data_dir: &Path) -> Result<ExitCode, CliError> {
    if !(opts.speed.is_finite() && opts.speed > 0.0 && opts.speed <= 10_000.0) {
        return Err(CliError::Io(
            "--speed must be above 0 and at most 10000".into(),
        ));
    }
    let routine = load::routine(arg)?;
    let interactive = std::io::stdout().is_terminal() && std::io::stdin().is_terminal();
    if !safety_screen(data_dir, &opts.lang, interactive)? {
        return Ok(ExitCode::SUCCESS);
    }
    let (mut voice, notices) = CueOut::new(opts.cues, &opts.lang);
    for n in notices {
        eprintln!("{n}");
    }
    for c in &routine.cautions {
        eprintln!("Caution: {}", c.get(&opts.lang));
    }
    let clock = Clock {
        origin: Instant::now(),
        origin_wall_ms: wall_clock_ms(),
        speed: opts.speed,
    };
    // A routine of the active program counts towards that program.
    let program_id = crate::program_cmds::active(data_dir)
        .ok()
        .filter(|p| p.routine(&routine.id).is_some())
        .map(|p| p.id);
    let mut session = Session::new(routine.clone(), &opts.lang);
    let mut rec = Recording {
        program_id,
        ..Recording::default()
    };
    let mut resumed = false;
    if interactive {
        if let Some((s, r)) = offer_resume(data_dir, &routine, &opts.lang) {
            (session, rec, resumed) = (s, r, true);
        }
    }
    let mut checkpoint = |s: &Session, rec: &Recording| {
        let saved = crate::journal_cmds::open(data_dir).and_then(|mut j| {
            match record::checkpoint(s, rec, clock.now()) {
                Some(c) => j.save_checkpoint(&c),
                None => j.clear_checkpoint(),
            }
            .map_err(|e| CliError::Io(e.to_string()))
        });
        if let Err(e) = saved {
            e.report();
        }
    };
    // A resumed session keeps the rating given before it.
    if !resumed {
        let pain_before = if interactive {
            ask_pain("Pain right now")
        } else {
            None
        };
        let now = clock.now();
        if let Err(e) = rec.begin(now.wall_ms, now.utc_offset_min, pain_before) {
            return Err(CliError::Io(e.to_string()));
        }
        // The core says whether to start with this pain, against the
        // program's limit (or the general one without a program).
        let stop_above = crate::program_cmds::active(data_dir)
            .ok()
            .filter(|p| p.routine(&routine.id).is_some())
            .map(|p| p.pain.stop_above);
        if let Ok(check) = check_pain_before(pain_before.map(i64::from), stop_above, &opts.lang) {
            if !check.go_on {
                eprintln!("{}\n{}", check.title, check.message);
                return Ok(ExitCode::from(1));
            }
        }
    }
    let last = if interactive {
        let terminal = ratatui::init();
        let result = run_tui(
            terminal,
            session,
            &mut rec,
            &clock,
            &mut voice,
            &mut checkpoint,
        );
        ratatui::restore();
        result
    } else {
        Ok(run_lines(session, &clock, &mut voice))
    };
    let last = last.map_err(|e| CliError::Io(format!("terminal: {e}")))?;
    // The session is over: its end is now, before the rating is asked.
    let ended = clock.now();
    let pain_after = if interactive {
        ask_pain("Pain now")
    } else {
        None
    };
    // The core decides what the session amounts to.
    let finished = last.status() == Status::Finished;
    let after = AfterSession {
        pain_after,
        ..AfterSession::default()
    };
    match record::journal_entry(&last, &rec, &after, ended) {
        Ok(entry) => match crate::journal_cmds::record_finished_session(data_dir, &entry) {
            Ok(id) => eprintln!("Recorded in the journal (session {id})."),
            Err(e) => e.report(),
        },
        // A session that never started has nothing to record.
        Err(e) => eprintln!("Not recorded: {e}."),
    }
    Ok(if finished {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(130)
    })
}

/// The phone's (here: the machine's) UTC offset now, in minutes.
fn utc_offset_min() -> i32 {
    chrono::Local::now().offset().local_minus_utc() / 60
}

/// Wall-clock time for the journal record (the shell's job, not the core's).
fn wall_clock_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as i64)
}

/// Asks for a pain rating on the core's scale; Enter (or anything else) skips.
fn ask_pain(question: &str) -> Option<u8> {
    eprint!("{question}, {PAIN_MIN}-{PAIN_MAX} (Enter to skip): ");
    let _ = std::io::stderr().flush();
    let mut line = String::new();
    std::io::stdin().lock().read_line(&mut line).ok()?;
    line.trim().parse::<u8>().ok().filter(|p| *p <= PAIN_MAX)
}

/// Shows the safety screen until it is accepted once. Returns false when
/// the user declines.
fn safety_screen(data_dir: &Path, lang: &str, interactive: bool) -> Result<bool, CliError> {
    let screen = local_safety_screen(lang);
    let marker = data_dir.join(format!("safety-accepted-v{}", screen.version));
    if marker.exists() {
        return Ok(true);
    }
    let mut text = format!("{}\n\n{}\n\n", screen.title, screen.intro);
    for d in &screen.do_not {
        text.push_str(&format!("  - {d}\n"));
    }
    text.push('\n');
    for s in &screen.stop_if {
        text.push_str(&format!("  ! {s}\n"));
    }
    text.push_str(&format!("\n{}\n", screen.see_someone));
    eprintln!("{text}");
    if !interactive {
        return Ok(true);
    }
    eprint!("{} [Enter], q: quit ", screen.accept);
    let _ = std::io::stderr().flush();
    let mut line = String::new();
    let _ = std::io::stdin().lock().read_line(&mut line);
    if line.trim().eq_ignore_ascii_case("q") {
        return Ok(false);
    }
    crate::data_dir::ensure(data_dir)?;
    std::fs::write(&marker, b"accepted\n")
        .map_err(|e| CliError::Io(format!("{}: {e}", marker.display())))?;
    Ok(true)
}

/// Plays cues: the bell for every call with cues, the cue style's sound
/// for the one marked.
fn play_cues(cues: &[Cue], voice: &mut CueOut, out: &mut impl Write) {
    if cues.is_empty() {
        return;
    }
    let _ = out.write_all(b"\x07");
    let _ = out.flush();
    if let Some(c) = cues.iter().find(|c| c.speak) {
        voice.play(c);
    }
}

/// Without a terminal: one line per spoken cue, no escape codes. Untimed
/// steps wait for a line on stdin (or go on at end of input).
fn run_lines(mut session: Session, clock: &Clock, voice: &mut CueOut) -> Session {
    let mut stdout = std::io::stdout().lock();
    let mut stdin = std::io::stdin().lock();
    let mut o = session.apply(Command::Start, clock.now_ms());
    loop {
        for c in o.cues.iter().filter(|c| c.speak) {
            // The clock starts at 0, so a due time is the session's elapsed time.
            if writeln!(stdout, "[{}] {}", mmss(c.due_ms), c.say).is_err() {
                session.apply(Command::Stop, clock.now_ms());
                return session;
            }
            voice.play(c);
        }
        let _ = stdout.flush();
        match o.frame.status {
            Status::Finished | Status::Stopped => return session,
            Status::Waiting => {
                let mut line = String::new();
                let _ = stdin.read_line(&mut line);
                o = session.apply(Command::Continue, clock.now_ms());
            }
            _ => {
                if let Some(wake) = o.frame.next_wake_ms {
                    std::thread::sleep(clock.until(wake));
                }
                o = session.apply(Command::Tick, clock.now_ms());
            }
        }
    }
}

fn key_command(code: KeyCode, modifiers: KeyModifiers, status: Status) -> Option<Command> {
    Some(match code {
        KeyCode::Char('c') if modifiers.contains(KeyModifiers::CONTROL) => Command::Stop,
        KeyCode::Char(' ') if status == Status::Paused => Command::Resume,
        KeyCode::Char(' ') => Command::Pause,
        KeyCode::Char('n') => Command::Next,
        KeyCode::Char('p') => Command::Previous,
        KeyCode::Char('e') => Command::Extend(EXTEND_STEP_MS),
        KeyCode::Char('r') => Command::RestartStep,
        KeyCode::Enter => Command::Continue,
        KeyCode::Char('q') | KeyCode::Esc => Command::Stop,
        _ => return None,
    })
}

/// The full-screen player. Ctrl-C arrives as a key in raw mode and stops
/// the session; the caller restores the terminal whatever happens.
fn run_tui(
    mut terminal: DefaultTerminal,
    mut session: Session,
    rec: &mut Recording,
    clock: &Clock,
    voice: &mut CueOut,
    checkpoint: &mut dyn FnMut(&Session, &Recording),
) -> std::io::Result<Session> {
    // A restored session is already started (and comes back paused).
    let first = if session.status() == Status::Ready {
        Command::Start
    } else {
        Command::Tick
    };
    let mut o = session.apply(first, clock.now_ms());
    let mut said = String::new();
    let mut noted = String::new();
    loop {
        play_cues(&o.cues, voice, &mut std::io::stdout());
        if let Some(c) = o.cues.iter().find(|c| c.speak) {
            said.clone_from(&c.say);
        }
        let frame = o.frame.clone();
        terminal.draw(|f| draw(f, &session, &frame, &said, &noted))?;
        if frame.status.is_over() {
            // Leave the last frame up for a moment.
            std::thread::sleep(Duration::from_millis(800));
            return Ok(session);
        }
        // Redraw ten times a second for the bars; the engine itself only
        // needs a call at next_wake_ms.
        let wait = frame
            .next_wake_ms
            .map_or(Duration::from_millis(100), |w| clock.until(w))
            .min(Duration::from_millis(100));
        let mut cmd = Command::Tick;
        if event::poll(wait)? {
            if let Event::Key(k) = event::read()? {
                if k.kind == KeyEventKind::Press && k.code == KeyCode::Char('t') {
                    // "Too much": the core says whether the tap counts now.
                    if rec.mark_too_much(&session).is_ok() {
                        let marks = u32::try_from(rec.too_much.len()).unwrap_or(u32::MAX);
                        noted = too_much_marked(marks, session.lang()).1;
                        checkpoint(&session, rec);
                    }
                } else if k.kind == KeyEventKind::Press {
                    if let Some(c) = key_command(k.code, k.modifiers, frame.status) {
                        cmd = c;
                    }
                }
            }
        }
        o = session.apply(cmd, clock.now_ms());
        if cmd == Command::Pause && o.ignored.is_none() {
            // A killed terminal can resume from here next time.
            checkpoint(&session, rec);
        }
    }
}

/// Offers to resume a checkpointed session of this routine. Returns the
/// restored session and its record (start, program, pain before, marks).
/// This process's clock starts at 0, below the snapshot's, so the session
/// comes back paused.
fn offer_resume(
    data_dir: &Path,
    routine: &unknot_core::Routine,
    lang: &str,
) -> Option<(Session, Recording)> {
    let journal = crate::journal_cmds::open(data_dir).ok()?;
    let c = journal.checkpoint().ok()??;
    if c.routine_id != routine.id {
        return None;
    }
    let session = Session::restore(routine.clone(), lang, &c.snapshot, 0).ok()?;
    let f = session.frame();
    eprint!(
        "Resume where you left off (step {} of {}, {} left)? [Y/n] ",
        f.step + 1,
        f.step_count,
        countdown_text(f.remaining_ms)
    );
    let _ = std::io::stderr().flush();
    let mut line = String::new();
    std::io::stdin().lock().read_line(&mut line).ok()?;
    if line.trim().eq_ignore_ascii_case("n") {
        return None;
    }
    Some((session, Recording::resumed_from(&c)))
}

/// Fill of the breathing bar: the core's breath level at the segment's
/// progress (grows on inhale, full while holding in, shrinks on exhale).
pub fn breath_fill(f: &Frame) -> Option<f64> {
    f.breath
        .map(|(from, to)| from + (to - from) * f.segment_progress)
}

/// The segment's name in the session's language, with its side.
fn segment_label(f: &Frame, lang: &str) -> String {
    let mut label = segment_kind_name(f.kind, lang).to_string();
    if f.kind == SegmentKind::Manual {
        label.push_str(" · Enter");
    }
    if let Some(side) = f.side {
        label.push_str(&format!(" · {}", side_name(side, lang)));
    }
    if let Some(r) = f.rep {
        label.push_str(&format!(" · {}", rep_text(r, lang)));
    }
    if let Some(c) = f.cycle {
        label.push_str(&format!(" · {}", cycle_text(c, lang)));
    }
    label
}

fn draw(f: &mut TuiFrame, session: &Session, frame: &Frame, said: &str, noted: &str) {
    let area = f.area();
    let rows = Layout::vertical([
        Constraint::Length(3),
        Constraint::Min(4),
        Constraint::Length(3),
        Constraint::Length(3),
        Constraint::Length(3),
        Constraint::Length(2),
    ])
    .split(area);
    let status = match frame.status {
        Status::Paused => "  [paused]",
        Status::Waiting => "  [waiting]",
        Status::Finished => "  [finished]",
        Status::Stopped => "  [stopped]",
        _ => "",
    };
    let title = Paragraph::new(Line::from(format!(
        "Step {}/{}: {}{status}",
        frame.step + 1,
        frame.step_count,
        frame.step_title
    )))
    .style(Style::default().add_modifier(Modifier::BOLD))
    .block(
        Block::default()
            .borders(Borders::ALL)
            .title(session.title().to_string()),
    );
    f.render_widget(title, rows[0]);
    let mut text = frame.step_instructions.clone().unwrap_or_default() + "\n\n" + said;
    if !noted.is_empty() {
        text = text + "\n\n" + noted;
    }
    let instructions = Paragraph::new(text)
        .wrap(Wrap { trim: true })
        .block(Block::default().borders(Borders::ALL).title("Instructions"));
    f.render_widget(instructions, rows[1]);
    let seg_left = frame
        .segment_remaining_ms
        .map_or("--:--".to_string(), countdown_text);
    let gauge = Gauge::default()
        .block(
            Block::default()
                .borders(Borders::ALL)
                .title(segment_label(frame, session.lang())),
        )
        .ratio(frame.segment_progress.clamp(0.0, 1.0))
        .label(seg_left);
    f.render_widget(gauge, rows[2]);
    let breath = breath_fill(frame).unwrap_or(0.0);
    let breath_gauge = Gauge::default()
        .block(Block::default().borders(Borders::ALL).title("Breath"))
        .ratio(breath.clamp(0.0, 1.0))
        .label("");
    f.render_widget(breath_gauge, rows[3]);
    let total = if frame.timed_ms == 0 {
        1.0
    } else {
        frame.position_ms as f64 / frame.timed_ms as f64
    };
    let routine_gauge = Gauge::default()
        .block(Block::default().borders(Borders::ALL).title("Routine"))
        .ratio(total.clamp(0.0, 1.0))
        .label(format!("{} left", countdown_text(frame.remaining_ms)));
    f.render_widget(routine_gauge, rows[4]);
    let keys = Paragraph::new(format!(
        "space pause/resume · n next · p previous · e {} · r restart step · t {} · enter continue · q stop",
        extend_labels(session.lang()).0,
        unknot_core::caution::safety_words(session.lang()).too_much
    ));
    f.render_widget(keys, rows[5]);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn breathing_bar_follows_the_phase() {
        let r = unknot_core::builtin("box-breathing").unwrap().clone();
        let mut s = Session::new(r, "en");
        s.apply(Command::Start, 0);
        // 1 s into the 4 s inhale after the 10 s preparation.
        let f = s.apply(Command::Tick, 11_000).frame;
        assert_eq!(f.kind, SegmentKind::Inhale);
        assert_eq!(breath_fill(&f), Some(0.25));
        let f = s.apply(Command::Tick, 15_000).frame;
        assert_eq!((f.kind, breath_fill(&f)), (SegmentKind::HoldIn, Some(1.0)));
        let f = s.apply(Command::Tick, 19_000).frame;
        assert_eq!((f.kind, breath_fill(&f)), (SegmentKind::Exhale, Some(0.75)));
        let r = unknot_core::builtin("calf-release").unwrap().clone();
        let mut s = Session::new(r, "en");
        assert_eq!(breath_fill(&s.apply(Command::Start, 0).frame), None);
    }

    #[test]
    fn keys_map_to_commands() {
        let none = KeyModifiers::NONE;
        assert_eq!(
            key_command(KeyCode::Char(' '), none, Status::Running),
            Some(Command::Pause)
        );
        assert_eq!(
            key_command(KeyCode::Char(' '), none, Status::Paused),
            Some(Command::Resume)
        );
        assert_eq!(
            key_command(KeyCode::Char('c'), KeyModifiers::CONTROL, Status::Running),
            Some(Command::Stop)
        );
        assert_eq!(
            key_command(KeyCode::Char('e'), none, Status::Running),
            Some(Command::Extend(EXTEND_STEP_MS))
        );
        assert_eq!(key_command(KeyCode::Char('x'), none, Status::Running), None);
    }
}
