//! The exported lookahead and cue styles.

use unknot_ffi::{cue_play, cue_sound_tone, render_tone, CueSound, CueStyle, Player, Status};

#[test]
fn upcoming_is_what_ticks_hand_out_and_changes_nothing() {
    let p = Player::from_builtin("box-breathing".into(), "en".into()).unwrap();
    assert!(p.upcoming(0, 60_000).is_empty());
    p.start(1_000);
    let before = p.snapshot();
    let coming = p.upcoming(1_000, 20_000);
    assert_eq!(p.snapshot(), before, "upcoming changed the session");
    assert_eq!(coming.len(), 6);
    for c in &coming {
        let u = p.tick(c.due_ms);
        assert_eq!(u.cues.len(), 1);
        let mut want = c.clone();
        want.at_ms = c.due_ms;
        assert_eq!(u.cues[0], want);
    }
    assert_eq!(coming[3].sounds, [CueSound::Step, CueSound::BreatheIn]);
    let f = p.frame();
    assert_eq!(f.status, Status::Running);
    assert_eq!(f.breath_from, Some(1.0), "breathing out");
    assert_eq!(f.breath_to, Some(0.0));
    assert_eq!(f.segment_started_ms, Some(19_000));
}

#[test]
fn a_cue_plays_as_its_style_says() {
    let p = Player::from_builtin("box-breathing".into(), "en".into()).unwrap();
    p.start(0);
    let c = p.upcoming(0, 10_000).pop().unwrap();
    assert_eq!(c.say, "Begin. Breathe in");
    let voice = cue_play(&c, CueStyle::Voice);
    assert_eq!(voice.speech.as_deref(), Some("Begin. Breathe in"));
    assert_eq!(voice.tone, Some(cue_sound_tone(CueSound::Step)));
    let tones = cue_play(&c, CueStyle::Tones);
    assert_eq!(tones.speech, None);
    assert_eq!(tones.tone.as_ref().unwrap().notes.len(), 3);
    let buzz = cue_play(&c, CueStyle::Vibration);
    assert_eq!(buzz.vibration_ms, [500, 150, 500, 150, 350]);
    let hold = cue_sound_tone(CueSound::Hold);
    assert_eq!(render_tone(&hold, 8_000).len(), 300 * 8);
    assert_eq!(
        render_tone(&hold, -1).len(),
        300 * 8,
        "rate clamped to 8 kHz"
    );
}
