//! `program validate|show|share|import|handout` and `today`.

use std::fs;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use unknot_core::import::{contains_code, import_text, MAX_IMPORT_BYTES};
use unknot_core::limits::MAX_FILE_BYTES;
use unknot_core::program::Frequency;
use unknot_core::timeline::routine_timed_ms;
use unknot_core::{
    parse_program, qr_matrix, qr_svg, qr_terminal, share_code, CivilDate, ImportError, Problem,
    Program, QrMatrix, Weekday,
};

use crate::display::{mmss, step_detail};
use crate::load::{read_text, CliError};

/// The file the active program is kept in, inside the data directory.
pub const ACTIVE_PROGRAM: &str = "active-program.unknot";

/// Parses a program file.
pub fn program_file(file: &str) -> Result<Program, CliError> {
    let text = read_text(file, MAX_FILE_BYTES)?;
    parse_program(&text).map_err(|e| CliError::Invalid {
        file: file.to_string(),
        problems: e.problems(),
    })
}

/// A share code, a program file, or a file holding a code: whatever the
/// core's import reads (a code may have whitespace or a link around it).
pub fn program_source(arg: &str) -> Result<Program, CliError> {
    let (text, label) = if Path::new(arg).exists() {
        (read_text(arg, MAX_IMPORT_BYTES)?, arg.to_string())
    } else if contains_code(arg) || arg.trim_start().starts_with('{') {
        (arg.to_string(), "code".to_string())
    } else {
        // Neither a file nor a code: report the missing file.
        (read_text(arg, MAX_IMPORT_BYTES)?, arg.to_string())
    };
    import_text(&text).map(|(p, _)| p).map_err(|e| match e {
        ImportError::Code(e) => CliError::Invalid {
            file: label,
            problems: vec![Problem::new("(code)", e.to_string())],
        },
        ImportError::Program(e) => CliError::Invalid {
            file: label,
            problems: e.problems(),
        },
    })
}

/// `unknot program validate <file>...`: 0 all valid, 1 problems, 2 I/O errors.
pub fn validate(files: &[String]) -> Result<ExitCode, CliError> {
    crate::load::validate_files(files, |f| {
        program_file(f)
            .map(|p| format!("{}, {} routines, {} weeks", p.id, p.routines.len(), p.weeks))
    })
}

/// How often a schedule entry asks for its routine, in words.
fn frequency_text(f: &Frequency) -> String {
    match f {
        Frequency::Days { days, per_day } => {
            let when = if days.len() == 7 {
                "daily".to_string()
            } else {
                days.iter()
                    .map(|d| d.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            if *per_day > 1 {
                format!("{when}, {per_day}× a day")
            } else {
                when
            }
        }
        Frequency::PerWeek { times } => format!("{times}× a week, any days"),
    }
}

/// A readable outline of a program.
pub fn outline(p: &Program, lang: &str) -> String {
    let mut out = String::new();
    let last = p.last_day().map(|d| d.to_string()).unwrap_or_default();
    out.push_str(&format!(
        "{} ({}): {} weeks, {} to {last}\n",
        p.title.get(lang),
        p.id,
        p.weeks,
        p.start
    ));
    if let Some(name) = &p.for_name {
        out.push_str(&format!("For: {name}\n"));
    }
    if let Some(f) = &p.from {
        let parts: Vec<&str> = [&f.therapist, &f.clinic, &f.contact]
            .into_iter()
            .flatten()
            .map(String::as_str)
            .collect();
        out.push_str(&format!("From: {}\n", parts.join(", ")));
    }
    if let Some(n) = &p.notes {
        out.push_str(&format!("Notes: {}\n", n.get(lang)));
    }
    for c in &p.cautions {
        out.push_str(&format!("Caution: {}\n", c.get(lang)));
    }
    out.push_str(&format!(
        "Pain: stop above {}/10; a rise of {} is a flare\n\nSchedule:\n",
        p.pain.stop_above, p.pain.flare_rise
    ));
    for e in &p.schedule {
        out.push_str(&format!(
            "  {:<24} {}\n",
            e.routine,
            frequency_text(&e.frequency)
        ));
    }
    out.push_str("\nRoutines (timed length in week 1 and in the last week):\n");
    for r in &p.routines {
        let id = &r.routine.id;
        let first = p
            .routine_for_week(id, 1)
            .map(|r| routine_timed_ms(&r))
            .unwrap_or(0);
        let last = p
            .routine_for_week(id, p.weeks)
            .map(|r| routine_timed_ms(&r))
            .unwrap_or(0);
        let source = if r.builtin.is_some() {
            "built-in"
        } else {
            "embedded"
        };
        let when = if p.schedule_of(id).is_none() {
            ", as needed"
        } else {
            ""
        };
        out.push_str(&format!(
            "  {:<24} {:>6} → {:>6}  {} ({source}, {} steps{when})\n",
            id,
            mmss(first),
            mmss(last),
            r.routine.title.get(lang),
            r.routine.steps.len()
        ));
    }
    for g in &p.progress {
        let mut adds = Vec::new();
        if g.hold_add.0 > 0 {
            adds.push(format!("holds +{} s", g.hold_add.0 as f64 / 1000.0));
        }
        if g.seconds_add.0 > 0 {
            adds.push(format!("massage +{} s", g.seconds_add.0 as f64 / 1000.0));
        }
        if g.reps_add > 0 {
            adds.push(format!("reps +{}", g.reps_add));
        }
        out.push_str(&format!(
            "  progress {}: {} every {} week(s)\n",
            g.routine,
            adds.join(", "),
            g.every_weeks
        ));
    }
    out
}

/// `unknot program show <file|code>`.
pub fn show(arg: &str, lang: &str) -> Result<ExitCode, CliError> {
    let p = program_source(arg)?;
    print!("{}", outline(&p, lang));
    Ok(ExitCode::SUCCESS)
}

fn too_large(file: &str, e: unknot_core::QrError) -> CliError {
    CliError::Io(format!(
        "{file}: {e}. The program file itself can be shared: send {file} (it opens with `unknot program import`)."
    ))
}

/// `unknot program share <file> [--code] [--svg PATH] [--png PATH]`.
pub fn share(
    file: &str,
    code_only: bool,
    svg: Option<&Path>,
    png: Option<&Path>,
) -> Result<ExitCode, CliError> {
    let p = program_source(file)?;
    let code = share_code(&p);
    if code_only {
        println!("{code}");
    }
    let matrix = qr_matrix(&code).map_err(|e| too_large(file, e));
    let matrix = || match &matrix {
        Ok(m) => Ok(m),
        Err(CliError::Io(m)) => Err(CliError::Io(m.clone())),
        Err(_) => Err(CliError::Io("QR".into())),
    };
    if let Some(path) = svg {
        let svg = qr_svg(&code, 8).map_err(|e| too_large(file, e))?;
        write_atomic(path, svg.as_bytes())?;
    }
    if let Some(path) = png {
        write_atomic(path, &png_bytes(matrix()?, 8)?)?;
    }
    if !code_only {
        let m = matrix()?;
        print!("{}", qr_terminal(&code).map_err(|e| too_large(file, e))?);
        println!("{code}");
        eprintln!(
            "{}: {} characters, QR version {} ({}×{} modules, level M)",
            p.id,
            code.len(),
            m.version,
            m.size,
            m.size
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// A QR matrix as a grayscale PNG, `scale` pixels a module, 4-module quiet zone.
pub fn png_bytes(m: &QrMatrix, scale: u32) -> Result<Vec<u8>, CliError> {
    let quiet = 4;
    let side = (m.size + 2 * quiet) * scale;
    let mut pixels = Vec::with_capacity((side * side) as usize);
    for y in 0..side {
        for x in 0..side {
            let (mx, my) = (x / scale, y / scale);
            let dark = mx >= quiet && my >= quiet && m.dark(mx - quiet, my - quiet);
            pixels.push(if dark { 0 } else { 255 });
        }
    }
    let mut out = Vec::new();
    let mut enc = png::Encoder::new(&mut out, side, side);
    enc.set_color(png::ColorType::Grayscale);
    enc.set_depth(png::BitDepth::Eight);
    let io = |e: png::EncodingError| CliError::Io(format!("PNG: {e}"));
    let mut w = enc.write_header().map_err(io)?;
    w.write_image_data(&pixels).map_err(io)?;
    w.finish().map_err(io)?;
    Ok(out)
}

/// Writes a file safely: a temporary file in the same folder, flushed to
/// disk, then renamed over the target, so a crash never leaves half a file.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), CliError> {
    let shown = path.display();
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    fs::create_dir_all(dir).map_err(|e| CliError::Io(format!("{}: {e}", dir.display())))?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "file".into());
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut f = fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        fs::rename(&tmp, path)?;
        if let Ok(d) = fs::File::open(dir) {
            let _ = d.sync_all();
        }
        Ok::<_, std::io::Error>(())
    })();
    result.map_err(|e| {
        let _ = fs::remove_file(&tmp);
        CliError::Io(format!("{shown}: {e}"))
    })
}

/// `unknot program import <code|file>`.
pub fn import(arg: &str, data: &Path, lang: &str) -> Result<ExitCode, CliError> {
    let p = program_source(arg)?;
    let path = data.join(ACTIVE_PROGRAM);
    write_atomic(&path, format!("{}\n", p.to_pretty_json()).as_bytes())?;
    println!(
        "Imported \"{}\" ({}): {} weeks from {}, {} routines.",
        p.title.get(lang),
        p.id,
        p.weeks,
        p.start,
        p.routines.len()
    );
    Ok(ExitCode::SUCCESS)
}

/// The active program in the data directory.
pub fn active(data: &Path) -> Result<Program, CliError> {
    let path = data.join(ACTIVE_PROGRAM);
    if !path.exists() {
        return Err(CliError::Io(format!(
            "no active program in {} (import one with `unknot program import <code|file>`)",
            data.display()
        )));
    }
    program_file(&path.to_string_lossy())
}

/// The local date, read from the system clock (the shell's job, not the core's).
fn local_today() -> Result<CivilDate, CliError> {
    use chrono::Datelike;
    let now = chrono::Local::now().date_naive();
    CivilDate::new(now.year(), now.month() as u8, now.day() as u8)
        .ok_or_else(|| CliError::Io("the system date is out of range".into()))
}

/// `unknot today [--date YYYY-MM-DD] [--json]`.
pub fn today(
    data: &Path,
    date: Option<&str>,
    json: bool,
    lang: &str,
) -> Result<ExitCode, CliError> {
    let date = match date {
        Some(s) => CivilDate::parse(s).map_err(|e| CliError::Io(format!("--date: {e}")))?,
        None => local_today()?,
    };
    let p = active(data)?;
    // Sessions recorded in the journal under this program count as done.
    let done = crate::journal_cmds::open(data)
        .ok()
        .and_then(|j| j.sessions_done(&p).ok())
        .unwrap_or_default();
    // The core answers the Today screen; the terminal prints it.
    let t = unknot_core::today::today(&p, date, &done, lang);
    if json {
        println!("{}", serde_json::to_string(&t).unwrap_or_default());
        return Ok(ExitCode::SUCCESS);
    }
    println!(
        "{} · {}",
        unknot_core::today::date_words(date, lang),
        t.title
    );
    if let Some(h) = &t.heading {
        println!("{h}");
    }
    for r in t.routines.iter().filter(|r| r.shown) {
        let week = r
            .week_text
            .as_ref()
            .map(|w| format!(" · {w}"))
            .unwrap_or_default();
        let action = r
            .action_label
            .as_ref()
            .map(|a| format!("  [{a}]"))
            .unwrap_or_default();
        println!(
            "  {:<28} {}{week}  ({}){action}",
            r.title,
            r.today_text,
            mmss(r.timed_ms)
        );
    }
    if let Some(m) = &t.message {
        println!("{m}");
    }
    Ok(ExitCode::SUCCESS)
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The printable handout page of a program.
pub fn handout_html(p: &Program, lang: &str) -> String {
    let mut h = String::new();
    let title = esc(p.title.get(lang));
    h.push_str(&format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{title}</title>\n<style>\n{}\n</style>\n</head>\n<body>\n",
        esc(if lang.is_empty() { "en" } else { lang }),
        HANDOUT_CSS
    ));
    h.push_str(&format!("<h1>{title}</h1>\n<p class=\"meta\">"));
    if let Some(n) = &p.for_name {
        h.push_str(&format!("For <strong>{}</strong> · ", esc(n)));
    }
    let last = p.last_day().map(|d| d.to_string()).unwrap_or_default();
    h.push_str(&format!("{} weeks, {} to {last}", p.weeks, p.start));
    if let Some(f) = &p.from {
        let parts: Vec<String> = [&f.therapist, &f.clinic, &f.contact]
            .into_iter()
            .flatten()
            .map(|s| esc(s))
            .collect();
        h.push_str(&format!("<br>From {}", parts.join(" · ")));
    }
    h.push_str("</p>\n");
    if let Some(n) = &p.notes {
        h.push_str(&format!(
            "<section class=\"notes\"><h2>Notes</h2><p>{}</p></section>\n",
            esc(n.get(lang))
        ));
    }
    if !p.cautions.is_empty() {
        h.push_str("<section class=\"caution\"><h2>Take care</h2><ul>");
        for c in &p.cautions {
            h.push_str(&format!("<li>{}</li>", esc(c.get(lang))));
        }
        h.push_str("</ul></section>\n");
    }
    h.push_str(&format!(
        "<p class=\"pain\">Stop a session if pain goes above <strong>{}/10</strong>.</p>\n",
        p.pain.stop_above
    ));
    // Schedule by weekday.
    h.push_str("<h2>Week plan</h2>\n<table class=\"schedule\"><thead><tr><th>Routine</th>");
    for d in Weekday::ALL {
        h.push_str(&format!("<th>{}</th>", &d.name()[..3]));
    }
    h.push_str("</tr></thead><tbody>\n");
    for e in &p.schedule {
        let name = p
            .routine(&e.routine)
            .map(|r| esc(r.title.get(lang)))
            .unwrap_or_default();
        h.push_str(&format!("<tr><th scope=\"row\">{name}</th>"));
        match &e.frequency {
            Frequency::Days { .. } => {
                for d in Weekday::ALL {
                    let n = e.on_day(d);
                    let cell = match n {
                        0 => String::new(),
                        1 => "●".to_string(),
                        n => format!("●×{n}"),
                    };
                    h.push_str(&format!("<td>{cell}</td>"));
                }
            }
            Frequency::PerWeek { times } => h.push_str(&format!(
                "<td colspan=\"7\" class=\"any\">{times}× a week, on any days</td>"
            )),
        }
        h.push_str("</tr>\n");
    }
    h.push_str("</tbody></table>\n");
    // Routines.
    for r in &p.routines {
        let rt = &r.routine;
        let first = p.routine_for_week(&rt.id, 1).unwrap_or_else(|| rt.clone());
        let last_len = p
            .routine_for_week(&rt.id, p.weeks)
            .map(|r| routine_timed_ms(&r))
            .unwrap_or(0);
        let growth = if last_len != routine_timed_ms(&first) {
            format!(", growing to {} by week {}", mmss(last_len), p.weeks)
        } else {
            String::new()
        };
        h.push_str(&format!(
            "<section class=\"routine\"><h2>{}</h2><p class=\"meta\">{} timed{growth}</p>\n",
            esc(rt.title.get(lang)),
            mmss(routine_timed_ms(&first))
        ));
        if !rt.cautions.is_empty() {
            h.push_str("<ul class=\"caution\">");
            for c in &rt.cautions {
                h.push_str(&format!("<li>{}</li>", esc(c.get(lang))));
            }
            h.push_str("</ul>");
        }
        h.push_str("<ol>");
        for s in &first.steps {
            h.push_str(&format!(
                "<li><strong>{}</strong> <span class=\"detail\">{}</span>",
                esc(s.title.get(lang)),
                esc(&step_detail(&s.body))
            ));
            if let Some(i) = &s.instructions {
                h.push_str(&format!("<br>{}", esc(i.get(lang))));
            }
            h.push_str("</li>");
        }
        h.push_str("</ol></section>\n");
    }
    let code = share_code(p);
    match qr_svg(&code, 4) {
        Ok(svg) => {
            let svg = svg.find("<svg").map(|i| &svg[i..]).unwrap_or(&svg);
            h.push_str(&format!(
                "<section class=\"qr\"><h2>Open it in the app</h2><div class=\"code\">{svg}</div><p>Scan this code with Unknot to follow the program on your phone, offline.</p></section>\n"
            ));
        }
        Err(e) => h.push_str(&format!(
            "<section class=\"qr\"><p>{}</p></section>\n",
            esc(&e.to_string())
        )),
    }
    h.push_str("</body>\n</html>\n");
    h
}

const HANDOUT_CSS: &str = "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;max-width:48rem;margin:1rem auto;padding:0 1rem;line-height:1.45;color:#111;font-size:1.05rem}
h1{font-size:1.7rem;margin-bottom:.2rem}h2{font-size:1.25rem;margin:1.4rem 0 .4rem}
.meta{color:#444}.caution{border-left:4px solid #b45309;padding-left:.8rem}
table.schedule{border-collapse:collapse;width:100%}table.schedule th,table.schedule td{border:1px solid #888;padding:.35rem;text-align:center}
table.schedule th[scope=row]{text-align:left}td.any{font-style:italic}
ol li{margin:.35rem 0}.detail{color:#444;font-size:.92em}
.qr{text-align:center;break-inside:avoid}.qr svg{width:min(80vw,18rem);height:auto}
section.routine{break-inside:avoid-page}
@media print{body{max-width:none;font-size:11pt;margin:0}a{color:inherit}h2{break-after:avoid}}";

/// `unknot program handout <file> --html <path>`.
pub fn handout(arg: &str, html: &Path, lang: &str) -> Result<ExitCode, CliError> {
    let p = program_source(arg)?;
    write_atomic(html, handout_html(&p, lang).as_bytes())?;
    eprintln!("wrote {}", html.display());
    Ok(ExitCode::SUCCESS)
}
