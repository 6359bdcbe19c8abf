//! How `unknot play` gives cues: speech through `espeak-ng` or `say`, tones
//! through a sound player (`paplay`, `aplay`, `play` from sox or `afplay`)
//! from WAV files rendered from the core's tone descriptions, or nothing
//! but the bell (vibration has no effect on a terminal).

use std::collections::HashMap;
use std::path::PathBuf;
use std::process::{Command as Process, Stdio};

use unknot_core::sound::{cue_play, tone_wav, CueStyle, Tone};
use unknot_core::Cue;

/// Sample rate of the rendered tones.
const RATE: u32 = 22_050;

/// Speech programs, in order of preference.
const SPEAKERS: [&str; 2] = ["espeak-ng", "say"];
/// Sound players, in order of preference.
const PLAYERS: [&str; 4] = ["paplay", "aplay", "play", "afplay"];

/// The first of `names` found on `PATH`.
fn on_path(names: &[&'static str]) -> Option<&'static str> {
    let path = std::env::var_os("PATH")?;
    names.iter().copied().find(|n| {
        std::env::split_paths(&path).any(|dir| {
            let p = dir.join(n);
            p.is_file()
                && std::fs::metadata(&p).is_ok_and(|m| {
                    #[cfg(unix)]
                    {
                        use std::os::unix::fs::PermissionsExt;
                        m.permissions().mode() & 0o111 != 0
                    }
                    #[cfg(not(unix))]
                    {
                        m.is_file()
                    }
                })
        })
    })
}

/// Plays the cues of one session.
pub struct CueOut {
    style: Option<CueStyle>,
    speaker: Option<&'static str>,
    player: Option<&'static str>,
    lang: String,
    dir: PathBuf,
    files: HashMap<String, PathBuf>,
}

impl CueOut {
    /// Cue output for `style` (`None`: the bell only), with the notices to
    /// print when it cannot do everything asked.
    pub fn new(style: Option<CueStyle>, lang: &str) -> (CueOut, Vec<String>) {
        let mut notices = Vec::new();
        let speaker = (style == Some(CueStyle::Voice))
            .then(|| on_path(&SPEAKERS))
            .flatten();
        let player = matches!(style, Some(CueStyle::Voice | CueStyle::Tones))
            .then(|| on_path(&PLAYERS))
            .flatten();
        match style {
            Some(CueStyle::Voice) if speaker.is_none() => notices.push(
                "--cues voice: neither espeak-ng nor say is installed; cues ring the bell only"
                    .to_string(),
            ),
            Some(CueStyle::Voice) if player.is_none() => notices.push(
                "--cues voice: no sound player found (paplay, aplay, play or afplay); chimes are left out"
                    .to_string(),
            ),
            Some(CueStyle::Tones) if player.is_none() => notices.push(
                "--cues tones: this machine cannot play sound here: no sound player found (paplay, aplay, play or afplay); cues ring the bell only"
                    .to_string(),
            ),
            Some(CueStyle::Vibration) => notices.push(
                "--cues vibration: vibration has no effect on a terminal; cues ring the bell only"
                    .to_string(),
            ),
            _ => {}
        }
        let dir = std::env::temp_dir().join(format!("unknot-tones-{}", std::process::id()));
        (
            CueOut {
                style,
                speaker,
                player,
                lang: lang.to_string(),
                dir,
                files: HashMap::new(),
            },
            notices,
        )
    }

    /// Plays one cue as the style says, beside the player (never waited for).
    pub fn play(&mut self, cue: &Cue) {
        let Some(style) = self.style else { return };
        let what = cue_play(&cue.sounds, &cue.say, style);
        let wav = what.tone.as_ref().and_then(|t| self.wav(t));
        let tone = self.player.zip(wav);
        let speech = self.speaker.zip(what.speech);
        if tone.is_none() && speech.is_none() {
            return;
        }
        let lang = unknot_core::text::primary_subtag(&self.lang).to_string();
        // The tone first, then the speech: one thread per cue, so the
        // player's clock is never held up.
        std::thread::spawn(move || {
            if let Some((player, path)) = tone {
                let _ = quiet(Process::new(player).arg(path)).status();
            }
            if let Some((speaker, text)) = speech {
                let mut cmd = Process::new(speaker);
                if speaker == "espeak-ng" && !lang.is_empty() {
                    cmd.args(["-v", &lang]);
                }
                let _ = quiet(cmd.arg(text)).status();
            }
        });
    }

    /// The WAV file of a tone, written once.
    fn wav(&mut self, tone: &Tone) -> Option<PathBuf> {
        let key = format!("{tone:?}");
        if let Some(p) = self.files.get(&key) {
            return Some(p.clone());
        }
        std::fs::create_dir_all(&self.dir).ok()?;
        let path = self.dir.join(format!("tone-{}.wav", self.files.len()));
        std::fs::write(&path, tone_wav(tone, RATE)).ok()?;
        self.files.insert(key, path.clone());
        Some(path)
    }
}

impl Drop for CueOut {
    fn drop(&mut self) {
        if !self.files.is_empty() {
            let _ = std::fs::remove_dir_all(&self.dir);
        }
    }
}

fn quiet(cmd: &mut Process) -> &mut Process {
    cmd.stdout(Stdio::null()).stderr(Stdio::null())
}

/// True when `path` is a WAV file this module wrote (for tests).
#[cfg(test)]
fn is_wav(path: &std::path::Path) -> bool {
    std::fs::read(path).is_ok_and(|b| b.starts_with(b"RIFF") && &b[8..12] == b"WAVE")
}

#[cfg(test)]
mod tests {
    use super::*;
    use unknot_core::{Command, Session};

    #[test]
    fn tones_are_written_once_as_wav_files() {
        let r = unknot_core::builtin("box-breathing").unwrap().clone();
        let mut s = Session::new(r, "en");
        s.apply(Command::Start, 0);
        let cues = s.upcoming(0, 30_000);
        let (mut out, _) = CueOut::new(Some(CueStyle::Tones), "en");
        let mut paths = Vec::new();
        for c in &cues {
            let t = cue_play(&c.sounds, &c.say, CueStyle::Tones).tone.unwrap();
            paths.push(out.wav(&t).unwrap());
        }
        assert!(paths.iter().all(|p| is_wav(p)));
        // Countdown ticks share one file; the breathing phases differ.
        assert_eq!(paths[0], paths[1]);
        assert_ne!(paths[3], paths[4]);
        let dir = out.dir.clone();
        drop(out);
        assert!(!dir.exists(), "tone files are removed at the end");
    }
}
