//! What each cue sounds like without speech, and the breath level a
//! breathing screen draws.

use super::{CueKind, CueSound, Session};
use crate::timeline::SegmentKind;

impl Session {
    /// The sounds of a cue of `kind` in segment `i`, in playing order: a
    /// segment's start chimes at a new step or side, then gives its
    /// breathing tone; any other segment start is a change.
    pub(super) fn sounds_of(&self, kind: CueKind, i: usize) -> Vec<CueSound> {
        match kind {
            CueKind::Halfway => return vec![CueSound::Halfway],
            CueKind::Countdown => return vec![CueSound::Countdown],
            CueKind::Finished => return vec![CueSound::Finish],
            CueKind::Segment => {}
        }
        let segs = &self.plan.segments;
        let seg = &segs[i];
        let first_of_step = self.plan.first_segment(seg.step()) == Some(i);
        let side_begins = seg.side.is_some()
            && (first_of_step || i.checked_sub(1).is_none_or(|p| segs[p].side != seg.side));
        let mut out = Vec::with_capacity(2);
        if first_of_step {
            out.push(CueSound::Step);
        } else if side_begins {
            out.push(CueSound::Side);
        }
        match seg.kind {
            SegmentKind::Inhale => out.push(CueSound::BreatheIn),
            SegmentKind::HoldIn | SegmentKind::HoldOut => out.push(CueSound::Hold),
            SegmentKind::Exhale => out.push(CueSound::BreatheOut),
            _ if out.is_empty() => out.push(CueSound::Change),
            _ => {}
        }
        out
    }
}

/// The breath level (0 breathed out, 1 breathed in) at the start and end
/// of a breathing segment.
pub(super) fn breath_levels(kind: SegmentKind) -> Option<(f64, f64)> {
    match kind {
        SegmentKind::Inhale => Some((0.0, 1.0)),
        SegmentKind::HoldIn => Some((1.0, 1.0)),
        SegmentKind::Exhale => Some((1.0, 0.0)),
        SegmentKind::HoldOut => Some((0.0, 0.0)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::Command;
    use CueSound::*;

    fn sounds(id: &str) -> Vec<(usize, Vec<CueSound>)> {
        let r = crate::library::builtin(id).unwrap().clone();
        let mut s = Session::new(r, "en");
        s.apply(Command::Start, 0);
        let mut out = Vec::new();
        let mut now = 0;
        while !s.status().is_over() {
            now = s.frame().next_wake_ms.unwrap_or(now + 1);
            let cmd = if s.status() == crate::engine::Status::Waiting {
                Command::Continue
            } else {
                Command::Tick
            };
            for c in s.apply(cmd, now).cues {
                if c.kind == CueKind::Segment || c.kind == CueKind::Finished {
                    out.push((c.segment, c.sounds));
                }
            }
        }
        out
    }

    #[test]
    fn breathing_steps_chime_then_give_their_phase() {
        let got = sounds("box-breathing");
        // Step 1 starts with inhale: chime first, then the inhale tone.
        assert_eq!(got[0], (1, vec![Step, BreatheIn]));
        assert_eq!(got[1], (2, vec![Hold]));
        assert_eq!(got[2], (3, vec![BreatheOut]));
        assert_eq!(got[3], (4, vec![Hold]));
        assert_eq!(got.last().unwrap().1, vec![Finish]);
    }

    #[test]
    fn sided_steps_chime_at_each_side() {
        let r = crate::library::builtin("calf-release").unwrap();
        let t = crate::timeline::build_timeline(r, "en");
        let s = Session::new(r.clone(), "en");
        let mut seen_side = false;
        for seg in &t.segments {
            let got = s.sounds_of(CueKind::Segment, seg.index);
            let first = t.steps[seg.step].first_segment == seg.index;
            if first {
                assert_eq!(got, [Step], "#{}", seg.index);
            } else if seg.side.is_some() && seg.say.contains("side") {
                assert_eq!(got, [Side], "#{} {}", seg.index, seg.say);
                seen_side = true;
            } else {
                assert_eq!(got, [Change], "#{} {}", seg.index, seg.say);
            }
        }
        assert!(seen_side);
        assert_eq!(s.sounds_of(CueKind::Countdown, 0), [Countdown]);
        assert_eq!(s.sounds_of(CueKind::Halfway, 0), [Halfway]);
    }

    #[test]
    fn breath_levels_follow_the_phase() {
        assert_eq!(breath_levels(SegmentKind::Inhale), Some((0.0, 1.0)));
        assert_eq!(breath_levels(SegmentKind::HoldIn), Some((1.0, 1.0)));
        assert_eq!(breath_levels(SegmentKind::Exhale), Some((1.0, 0.0)));
        assert_eq!(breath_levels(SegmentKind::HoldOut), Some((0.0, 0.0)));
        assert_eq!(breath_levels(SegmentKind::Massage), None);
    }
}
