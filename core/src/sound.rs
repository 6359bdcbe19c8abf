//! Cue styles for closed eyes: what a shell plays for a cue, as speech, as
//! tones it synthesises itself (no recordings are bundled) or as a
//! vibration pattern.

use serde::Serialize;

use crate::engine::CueSound;

/// How cues are given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CueStyle {
    /// Spoken text, with the chimes at a new step or side and the closing
    /// sound (the default).
    #[default]
    Voice,
    /// Tones only: one for each sound, no speech.
    Tones,
    /// Vibration only: one pattern for each sound, no speech or tone.
    Vibration,
}

impl CueStyle {
    /// Every style, in settings order.
    pub const ALL: [CueStyle; 3] = [CueStyle::Voice, CueStyle::Tones, CueStyle::Vibration];

    /// The style's name in settings and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            CueStyle::Voice => "voice",
            CueStyle::Tones => "tones",
            CueStyle::Vibration => "vibration",
        }
    }

    /// The style of a name (`voice`, `tones`, `vibration`).
    pub fn from_name(name: &str) -> Option<CueStyle> {
        CueStyle::ALL.into_iter().find(|s| s.as_str() == name)
    }
}

/// One sine note. Its frequency glides in a straight line from `freq_hz`
/// to `end_freq_hz`; its loudness rises linearly from 0 to `gain` over
/// `attack_ms`, holds, and falls linearly to 0 over the last `release_ms`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Note {
    /// Start within the tone.
    pub start_ms: u32,
    /// Length.
    pub duration_ms: u32,
    /// Frequency at the start.
    pub freq_hz: f64,
    /// Frequency at the end (equal to `freq_hz` for a level note).
    pub end_freq_hz: f64,
    /// Rise time.
    pub attack_ms: u32,
    /// Fall time at the end.
    pub release_ms: u32,
    /// Peak amplitude, 0 to 1 (full scale).
    pub gain: f64,
}

/// A tone: notes that may overlap, summed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Tone {
    /// The notes, by start.
    pub notes: Vec<Note>,
}

impl Tone {
    /// Length: the end of the last note.
    pub fn duration_ms(&self) -> u32 {
        self.notes
            .iter()
            .map(|n| n.start_ms + n.duration_ms)
            .max()
            .unwrap_or(0)
    }
}

const fn note(
    start: u32,
    dur: u32,
    f0: f64,
    f1: f64,
    attack: u32,
    release: u32,
    gain: f64,
) -> Note {
    Note {
        start_ms: start,
        duration_ms: dur,
        freq_hz: f0,
        end_freq_hz: f1,
        attack_ms: attack,
        release_ms: release,
        gain,
    }
}

/// The notes of one sound.
fn notes_of(s: CueSound) -> &'static [Note] {
    const STEP: &[Note] = &[
        note(0, 900, 880.0, 880.0, 5, 820, 0.3),
        note(160, 900, 1318.5, 1318.5, 5, 820, 0.3),
    ];
    const SIDE: &[Note] = &[
        note(0, 450, 1046.5, 1046.5, 5, 400, 0.3),
        note(200, 450, 1046.5, 1046.5, 5, 400, 0.3),
    ];
    const IN: &[Note] = &[note(0, 450, 392.0, 587.3, 40, 120, 0.45)];
    const HOLD: &[Note] = &[note(0, 300, 493.9, 493.9, 30, 100, 0.4)];
    const OUT: &[Note] = &[note(0, 450, 587.3, 392.0, 40, 120, 0.45)];
    const CHANGE: &[Note] = &[note(0, 180, 659.3, 659.3, 10, 150, 0.35)];
    const HALFWAY: &[Note] = &[
        note(0, 80, 784.0, 784.0, 5, 60, 0.35),
        note(160, 80, 784.0, 784.0, 5, 60, 0.35),
    ];
    const COUNT: &[Note] = &[note(0, 70, 1046.5, 1046.5, 5, 50, 0.35)];
    const FINISH: &[Note] = &[
        note(0, 1200, 523.3, 523.3, 5, 1100, 0.22),
        note(200, 1200, 659.3, 659.3, 5, 1100, 0.22),
        note(400, 1200, 784.0, 784.0, 5, 1100, 0.22),
        note(600, 1400, 1046.5, 1046.5, 5, 1300, 0.22),
    ];
    match s {
        CueSound::Step => STEP,
        CueSound::Side => SIDE,
        CueSound::BreatheIn => IN,
        CueSound::Hold => HOLD,
        CueSound::BreatheOut => OUT,
        CueSound::Change => CHANGE,
        CueSound::Halfway => HALFWAY,
        CueSound::Countdown => COUNT,
        CueSound::Finish => FINISH,
    }
}

/// The vibration pattern of one sound: milliseconds on, off, on, …
/// (starting with on).
pub fn vibration_of(s: CueSound) -> &'static [u32] {
    match s {
        CueSound::Step => &[500, 150, 500],
        CueSound::Side => &[250, 150, 250],
        CueSound::BreatheIn => &[350],
        CueSound::Hold => &[60, 120, 60],
        CueSound::BreatheOut => &[100, 100, 100, 100, 100],
        CueSound::Change => &[150],
        CueSound::Halfway => &[200, 200, 60],
        CueSound::Countdown => &[40],
        CueSound::Finish => &[600, 200, 600, 200, 600],
    }
}

/// The tone of one sound.
pub fn tone_of(s: CueSound) -> Tone {
    Tone {
        notes: notes_of(s).to_vec(),
    }
}

/// Silence between two sounds of one cue, in tones and in vibration.
pub const SOUND_GAP_MS: u32 = 150;

/// What to play for one cue in one style.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CuePlay {
    /// Text to speak (after the tone, when both are given).
    pub speech: Option<String>,
    /// Tone to synthesise and play; `None` for none.
    pub tone: Option<Tone>,
    /// Vibration: milliseconds on, off, on, … (starting with on); empty
    /// for none.
    pub vibration: Vec<u32>,
}

/// What to play for a cue with `sounds` and text `say` in `style`. In the
/// voice style the text is spoken, after a chime at a new step or side and
/// the closing sound at the end; in the tones style every sound is a tone
/// (in order, [`SOUND_GAP_MS`] apart); in the vibration style every sound
/// is a vibration pattern.
pub fn cue_play(sounds: &[CueSound], say: &str, style: CueStyle) -> CuePlay {
    match style {
        CueStyle::Voice => {
            let marks: Vec<CueSound> = sounds
                .iter()
                .copied()
                .filter(|s| matches!(s, CueSound::Step | CueSound::Side | CueSound::Finish))
                .collect();
            CuePlay {
                speech: (!say.is_empty()).then(|| say.to_string()),
                tone: joined_tone(&marks),
                vibration: Vec::new(),
            }
        }
        CueStyle::Tones => CuePlay {
            speech: None,
            tone: joined_tone(sounds),
            vibration: Vec::new(),
        },
        CueStyle::Vibration => {
            let mut v: Vec<u32> = Vec::new();
            for s in sounds {
                if !v.is_empty() {
                    v.push(SOUND_GAP_MS);
                }
                v.extend_from_slice(vibration_of(*s));
            }
            CuePlay {
                speech: None,
                tone: None,
                vibration: v,
            }
        }
    }
}

fn joined_tone(sounds: &[CueSound]) -> Option<Tone> {
    let mut notes = Vec::new();
    let mut at = 0;
    for s in sounds {
        let t = tone_of(*s);
        notes.extend(t.notes.iter().map(|n| Note {
            start_ms: n.start_ms + at,
            ..*n
        }));
        at += t.duration_ms() + SOUND_GAP_MS;
    }
    (!notes.is_empty()).then_some(Tone { notes })
}

/// Renders a tone as mono 16-bit samples at `sample_rate` (clamped to
/// 8,000–192,000 Hz): every note by its glide and envelope, summed and
/// clipped to full scale.
pub fn render_tone(tone: &Tone, sample_rate: u32) -> Vec<i16> {
    let rate = f64::from(sample_rate.clamp(8_000, 192_000));
    let total = (f64::from(tone.duration_ms()) * rate / 1000.0).ceil() as usize;
    let mut mix = vec![0.0f64; total];
    for n in &tone.notes {
        let first = (f64::from(n.start_ms) * rate / 1000.0).round() as usize;
        let len = (f64::from(n.duration_ms) * rate / 1000.0).round() as usize;
        let attack = f64::from(n.attack_ms) * rate / 1000.0;
        let release = f64::from(n.release_ms) * rate / 1000.0;
        let gain = n.gain.clamp(0.0, 1.0);
        let mut phase = 0.0f64;
        for k in 0..len {
            let Some(slot) = mix.get_mut(first + k) else {
                break;
            };
            let x = k as f64;
            let f = n.freq_hz + (n.end_freq_hz - n.freq_hz) * (x / len as f64);
            let rise = if attack > 0.0 {
                (x / attack).min(1.0)
            } else {
                1.0
            };
            let fall = if release > 0.0 {
                ((len as f64 - x) / release).min(1.0)
            } else {
                1.0
            };
            *slot += gain * rise * fall * phase.sin();
            phase = (phase + std::f64::consts::TAU * f / rate) % std::f64::consts::TAU;
        }
    }
    mix.into_iter()
        .map(|v| (v.clamp(-1.0, 1.0) * f64::from(i16::MAX)).round() as i16)
        .collect()
}

/// The tone as a WAV file (RIFF, PCM, mono, 16-bit) at `sample_rate`.
pub fn tone_wav(tone: &Tone, sample_rate: u32) -> Vec<u8> {
    let rate = sample_rate.clamp(8_000, 192_000);
    let samples = render_tone(tone, rate);
    let data_len = (samples.len() * 2) as u32;
    let mut out = Vec::with_capacity(44 + samples.len() * 2);
    out.extend_from_slice(b"RIFF");
    out.extend_from_slice(&(36 + data_len).to_le_bytes());
    out.extend_from_slice(b"WAVEfmt ");
    out.extend_from_slice(&16u32.to_le_bytes());
    out.extend_from_slice(&1u16.to_le_bytes()); // PCM
    out.extend_from_slice(&1u16.to_le_bytes()); // mono
    out.extend_from_slice(&rate.to_le_bytes());
    out.extend_from_slice(&(rate * 2).to_le_bytes());
    out.extend_from_slice(&2u16.to_le_bytes());
    out.extend_from_slice(&16u16.to_le_bytes());
    out.extend_from_slice(b"data");
    out.extend_from_slice(&data_len.to_le_bytes());
    for s in samples {
        out.extend_from_slice(&s.to_le_bytes());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use CueSound::*;

    const ALL: [CueSound; 9] = [
        Step, Side, BreatheIn, Hold, BreatheOut, Change, Halfway, Countdown, Finish,
    ];

    #[test]
    fn every_sound_has_its_own_tone_and_pattern() {
        for (i, a) in ALL.iter().enumerate() {
            let t = tone_of(*a);
            assert!(t.duration_ms() > 0 && t.duration_ms() <= 2_000, "{a:?}");
            assert!(!vibration_of(*a).is_empty() && vibration_of(*a).len() % 2 == 1);
            for b in &ALL[i + 1..] {
                assert_ne!(t, tone_of(*b), "{a:?} and {b:?} sound alike");
                assert_ne!(
                    vibration_of(*a),
                    vibration_of(*b),
                    "{a:?} and {b:?} feel alike"
                );
            }
        }
        // Breathing in rises, breathing out falls, holding stays level.
        let n = |s| notes_of(s)[0];
        assert!(n(BreatheIn).end_freq_hz > n(BreatheIn).freq_hz);
        assert!(n(BreatheOut).end_freq_hz < n(BreatheOut).freq_hz);
        assert_eq!(n(Hold).end_freq_hz, n(Hold).freq_hz);
    }

    #[test]
    fn each_style_plays_what_it_says() {
        let voice = cue_play(&[Step, BreatheIn], "Begin. Breathe in", CueStyle::Voice);
        assert_eq!(voice.speech.as_deref(), Some("Begin. Breathe in"));
        assert_eq!(voice.tone, Some(tone_of(Step)));
        assert!(voice.vibration.is_empty());
        let plain = cue_play(&[BreatheOut], "Breathe out", CueStyle::Voice);
        assert_eq!(
            (plain.speech.as_deref(), plain.tone),
            (Some("Breathe out"), None)
        );

        let tones = cue_play(&[Step, BreatheIn], "Begin. Breathe in", CueStyle::Tones);
        assert_eq!(tones.speech, None);
        let t = tones.tone.unwrap();
        let step_len = tone_of(Step).duration_ms();
        assert_eq!(t.notes.len(), 3);
        assert_eq!(t.notes[2].start_ms, step_len + SOUND_GAP_MS);
        assert_eq!(t.duration_ms(), step_len + SOUND_GAP_MS + 450);

        let v = cue_play(&[Side, Hold], "Right side", CueStyle::Vibration);
        assert_eq!((v.speech, v.tone), (None, None));
        assert_eq!(v.vibration, [250, 150, 250, SOUND_GAP_MS, 60, 120, 60]);
        assert_eq!(CueStyle::from_name("tones"), Some(CueStyle::Tones));
        assert_eq!(CueStyle::from_name("beep"), None);
        assert_eq!(CueStyle::default(), CueStyle::Voice);
    }

    #[test]
    fn rendering_follows_the_description() {
        let rate = 16_000;
        let hold = render_tone(&tone_of(Hold), rate);
        assert_eq!(hold.len(), 300 * 16);
        // Silent at both ends (the envelope), loud in the middle.
        assert_eq!(hold[0], 0);
        assert!(hold.last().unwrap().abs() < 400);
        let peak = hold.iter().map(|s| s.unsigned_abs()).max().unwrap();
        let want = 0.4 * f64::from(i16::MAX);
        assert!((f64::from(peak) - want).abs() < want * 0.02, "{peak}");
        // About 494 Hz: count rising zero crossings in the held part.
        let mid = &hold[800..4000]; // 200 ms
        let ups = mid.windows(2).filter(|w| w[0] < 0 && w[1] >= 0).count();
        assert!((97..=101).contains(&ups), "{ups}");
        // The inhale glides up: more crossings in its second half.
        let inhale = render_tone(&tone_of(BreatheIn), rate);
        let ups = |s: &[i16]| s.windows(2).filter(|w| w[0] < 0 && w[1] >= 0).count();
        let half = inhale.len() / 2;
        assert!(ups(&inhale[half..]) > ups(&inhale[..half]));
        let wav = tone_wav(&tone_of(Countdown), 8_000);
        assert_eq!(&wav[..4], b"RIFF");
        assert_eq!(wav.len(), 44 + 70 * 8 * 2);
        assert_eq!(u32::from_le_bytes(wav[24..28].try_into().unwrap()), 8_000);
    }
}
