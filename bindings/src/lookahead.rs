//! What is coming and how it sounds: the player's lookahead, the cue
//! styles for closed eyes and the tones the apps synthesise themselves.

use unknot_core::engine::CueSound as CoreSound;
use unknot_core::sound::{self, CueStyle as CoreStyle};

use crate::convert::from_ms;
use crate::player::Player;
use crate::session::Cue;

/// What a cue sounds like without speech (a cue carries one or two, in
/// playing order).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum CueSound {
    /// A new step begins (a chime).
    Step,
    /// A side begins within a step (the other chime).
    Side,
    /// Breathe in (a rising tone).
    BreatheIn,
    /// Hold the breath (a level tone).
    Hold,
    /// Breathe out (a falling tone).
    BreatheOut,
    /// Another segment of the same step and side begins.
    Change,
    /// Halfway through a long segment.
    Halfway,
    /// 3, 2 or 1 s before the end of a segment.
    Countdown,
    /// The routine is complete (the closing sound).
    Finish,
}

impl From<CoreSound> for CueSound {
    fn from(s: CoreSound) -> Self {
        match s {
            CoreSound::Step => CueSound::Step,
            CoreSound::Side => CueSound::Side,
            CoreSound::BreatheIn => CueSound::BreatheIn,
            CoreSound::Hold => CueSound::Hold,
            CoreSound::BreatheOut => CueSound::BreatheOut,
            CoreSound::Change => CueSound::Change,
            CoreSound::Halfway => CueSound::Halfway,
            CoreSound::Countdown => CueSound::Countdown,
            CoreSound::Finish => CueSound::Finish,
        }
    }
}

impl From<CueSound> for CoreSound {
    fn from(s: CueSound) -> Self {
        match s {
            CueSound::Step => CoreSound::Step,
            CueSound::Side => CoreSound::Side,
            CueSound::BreatheIn => CoreSound::BreatheIn,
            CueSound::Hold => CoreSound::Hold,
            CueSound::BreatheOut => CoreSound::BreatheOut,
            CueSound::Change => CoreSound::Change,
            CueSound::Halfway => CoreSound::Halfway,
            CueSound::Countdown => CoreSound::Countdown,
            CueSound::Finish => CoreSound::Finish,
        }
    }
}

/// How cues are given (a setting; voice is the default).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum CueStyle {
    /// Spoken text, with a chime at a new step or side and the closing sound.
    Voice,
    /// Tones only.
    Tones,
    /// Vibration only.
    Vibration,
}

impl From<CueStyle> for CoreStyle {
    fn from(s: CueStyle) -> Self {
        match s {
            CueStyle::Voice => CoreStyle::Voice,
            CueStyle::Tones => CoreStyle::Tones,
            CueStyle::Vibration => CoreStyle::Vibration,
        }
    }
}

/// One sine note: its frequency glides in a straight line from `freq_hz`
/// to `end_freq_hz`; its loudness rises linearly from 0 to `gain` over
/// `attack_ms`, holds, and falls linearly to 0 over the last `release_ms`.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct Note {
    /// Start within the tone, in milliseconds.
    pub start_ms: i32,
    /// Length in milliseconds.
    pub duration_ms: i32,
    /// Frequency at the start, in hertz.
    pub freq_hz: f64,
    /// Frequency at the end.
    pub end_freq_hz: f64,
    /// Rise time in milliseconds.
    pub attack_ms: i32,
    /// Fall time at the end, in milliseconds.
    pub release_ms: i32,
    /// Peak amplitude, 0 to 1 (full scale).
    pub gain: f64,
}

/// A tone to synthesise: its notes (which may overlap) summed.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct Tone {
    /// The notes, by start.
    pub notes: Vec<Note>,
    /// Length: the end of the last note, in milliseconds.
    pub duration_ms: i32,
}

fn i(n: u32) -> i32 {
    i32::try_from(n).unwrap_or(i32::MAX)
}

impl From<sound::Tone> for Tone {
    fn from(t: sound::Tone) -> Self {
        Tone {
            duration_ms: i(t.duration_ms()),
            notes: t
                .notes
                .iter()
                .map(|n| Note {
                    start_ms: i(n.start_ms),
                    duration_ms: i(n.duration_ms),
                    freq_hz: n.freq_hz,
                    end_freq_hz: n.end_freq_hz,
                    attack_ms: i(n.attack_ms),
                    release_ms: i(n.release_ms),
                    gain: n.gain,
                })
                .collect(),
        }
    }
}

impl From<&Tone> for sound::Tone {
    fn from(t: &Tone) -> Self {
        let u = |n: i32| u32::try_from(n).unwrap_or(0).min(60_000);
        sound::Tone {
            notes: t
                .notes
                .iter()
                .map(|n| sound::Note {
                    start_ms: u(n.start_ms),
                    duration_ms: u(n.duration_ms),
                    freq_hz: n.freq_hz,
                    end_freq_hz: n.end_freq_hz,
                    attack_ms: u(n.attack_ms),
                    release_ms: u(n.release_ms),
                    gain: n.gain,
                })
                .collect(),
        }
    }
}

/// What to play for one cue in one style: speech, a tone, a vibration, or
/// several (a tone plays before the speech).
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct CuePlay {
    /// Text to speak.
    pub speech: Option<String>,
    /// Tone to synthesise and play.
    pub tone: Option<Tone>,
    /// Vibration: milliseconds on, off, on, … (starting with on); empty for none.
    pub vibration_ms: Vec<i64>,
}

/// What to play for `cue` in `style`.
#[uniffi::export]
pub fn cue_play(cue: &Cue, style: CueStyle) -> CuePlay {
    let sounds: Vec<CoreSound> = cue.sounds.iter().map(|s| (*s).into()).collect();
    let p = sound::cue_play(&sounds, &cue.say, style.into());
    CuePlay {
        speech: p.speech,
        tone: p.tone.map(Tone::from),
        vibration_ms: p.vibration.into_iter().map(i64::from).collect(),
    }
}

/// The tone of one sound.
#[uniffi::export]
pub fn cue_sound_tone(sound: CueSound) -> Tone {
    sound::tone_of(sound.into()).into()
}

/// The vibration pattern of one sound: milliseconds on, off, on, …
#[uniffi::export]
pub fn cue_sound_vibration(sound: CueSound) -> Vec<i64> {
    sound::vibration_of(sound.into())
        .iter()
        .map(|v| i64::from(*v))
        .collect()
}

/// The style named `voice`, `tones` or `vibration`; `None` for another name.
#[uniffi::export]
pub fn cue_style_from_name(name: String) -> Option<CueStyle> {
    CoreStyle::from_name(&name).map(|s| match s {
        CoreStyle::Voice => CueStyle::Voice,
        CoreStyle::Tones => CueStyle::Tones,
        CoreStyle::Vibration => CueStyle::Vibration,
    })
}

/// A tone as mono 16-bit samples at `sample_rate` (clamped to 8,000 to
/// 192,000 Hz), for a shell that would rather not synthesise it itself.
#[uniffi::export]
pub fn render_tone(tone: &Tone, sample_rate: i32) -> Vec<i16> {
    sound::render_tone(&tone.into(), u32::try_from(sample_rate).unwrap_or(0))
}

#[uniffi::export]
impl Player {
    /// The cues not yet handed out that fall due by `now_ms + within_ms`,
    /// oldest first, without changing the session: each as ticking at its
    /// due time would hand it out (`at_ms` = `due_ms`, `speak` set). Only a
    /// running session has any; the list stops at a "tap when done" wait.
    /// Ask again after any command other than a tick.
    pub fn upcoming(&self, now_ms: i64, within_ms: i64) -> Vec<Cue> {
        self.with_session(|s| {
            s.upcoming(from_ms(now_ms), from_ms(within_ms))
                .into_iter()
                .map(Cue::from)
                .collect()
        })
    }
}
