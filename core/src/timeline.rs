//! The timeline: a routine expanded into the ordered segments a session
//! plays, with exact integer start times.

use serde::Serialize;

use crate::phrases::Phrase;
use crate::routine::{Millis, Routine, Step, StepBody, DEFAULT_SWITCH};
use crate::vocab::{Side, Sides};

/// What happens during a segment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SegmentKind {
    /// Getting ready.
    Prepare,
    /// A pause.
    Rest,
    /// Untimed: waits until the user continues.
    Manual,
    /// Breathing in.
    Inhale,
    /// Holding after breathing in.
    HoldIn,
    /// Breathing out.
    Exhale,
    /// Holding after breathing out.
    HoldOut,
    /// Holding a stretch.
    Hold,
    /// Self-massage.
    Massage,
    /// Exercise repetitions (timed, or untimed at the user's pace).
    Work,
    /// Changing sides.
    Switch,
}

impl SegmentKind {
    /// The word used in JSON output.
    pub fn as_str(self) -> &'static str {
        match self {
            SegmentKind::Prepare => "prepare",
            SegmentKind::Rest => "rest",
            SegmentKind::Manual => "manual",
            SegmentKind::Inhale => "inhale",
            SegmentKind::HoldIn => "hold_in",
            SegmentKind::Exhale => "exhale",
            SegmentKind::HoldOut => "hold_out",
            SegmentKind::Hold => "hold",
            SegmentKind::Massage => "massage",
            SegmentKind::Work => "work",
            SegmentKind::Switch => "switch",
        }
    }

    /// True for the four breathing phases.
    pub fn is_breathing(self) -> bool {
        matches!(
            self,
            SegmentKind::Inhale | SegmentKind::HoldIn | SegmentKind::Exhale | SegmentKind::HoldOut
        )
    }
}

/// One segment of a timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Segment {
    /// Position in the timeline, from 0.
    pub index: usize,
    /// Index of the step it belongs to, from 0.
    pub step: usize,
    /// What happens.
    pub kind: SegmentKind,
    /// Which side, for sided steps.
    pub side: Option<Side>,
    /// 1-based rep (stretch holds and their rests) or set (exercise work and rests).
    pub rep: Option<u32>,
    /// 1-based breathing cycle.
    pub cycle: Option<u32>,
    /// Sum of the timed durations before this segment.
    pub start_ms: u64,
    /// Length; `None` for untimed segments.
    pub duration_ms: Option<u64>,
    /// Text to speak when the segment starts.
    pub say: String,
}

impl Segment {
    /// True when the segment waits for the user instead of running a timer.
    pub fn is_untimed(&self) -> bool {
        self.duration_ms.is_none()
    }

    /// End on the timed axis (equal to the start for untimed segments).
    pub fn end_ms(&self) -> u64 {
        self.start_ms + self.duration_ms.unwrap_or(0)
    }
}

/// Where a step's segments lie in the timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StepSpan {
    /// Index of the step's first segment.
    pub first_segment: usize,
    /// Number of segments the step expands to (at least one).
    pub segments: usize,
    /// Timed position where the step starts.
    pub start_ms: u64,
    /// Timed duration of the step.
    pub timed_ms: u64,
}

/// A routine expanded into segments.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Timeline {
    /// The routine's id.
    pub routine: String,
    /// The routine's title in the timeline's language.
    pub title: String,
    /// Sum of all timed segment durations.
    pub timed_ms: u64,
    /// Number of untimed segments.
    pub untimed: usize,
    /// The segments in order.
    pub segments: Vec<Segment>,
    /// Per step, where its segments lie.
    #[serde(skip)]
    pub steps: Vec<StepSpan>,
}

/// A segment before it is placed on the timeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RawSegment {
    /// What happens.
    pub kind: SegmentKind,
    /// Which side, for sided steps.
    pub side: Option<Side>,
    /// 1-based rep or set.
    pub rep: Option<u32>,
    /// 1-based breathing cycle.
    pub cycle: Option<u32>,
    /// Length; `None` when untimed.
    pub duration: Option<Millis>,
}

fn raw(kind: SegmentKind, duration: Option<Millis>) -> RawSegment {
    RawSegment {
        kind,
        side: None,
        rep: None,
        cycle: None,
        duration,
    }
}

/// Calls `f` for every segment `body` expands to, in order.
pub fn expand_step(body: &StepBody, mut f: impl FnMut(RawSegment)) {
    match *body {
        StepBody::Prepare { seconds } => f(raw(SegmentKind::Prepare, Some(seconds))),
        StepBody::Rest { seconds } => f(raw(SegmentKind::Rest, Some(seconds))),
        StepBody::Manual => f(raw(SegmentKind::Manual, None)),
        StepBody::Breathing {
            inhale,
            hold_in,
            exhale,
            hold_out,
            cycles,
        } => {
            for c in 1..=cycles {
                for (kind, d) in [
                    (SegmentKind::Inhale, inhale),
                    (SegmentKind::HoldIn, hold_in),
                    (SegmentKind::Exhale, exhale),
                    (SegmentKind::HoldOut, hold_out),
                ] {
                    if d.0 > 0 {
                        f(RawSegment {
                            cycle: Some(c),
                            ..raw(kind, Some(d))
                        });
                    }
                }
            }
        }
        StepBody::Stretch {
            hold,
            reps,
            rest,
            sides,
            switch,
            ..
        } => per_side(sides, switch, &mut f, |side, f| {
            for r in 1..=reps {
                f(RawSegment {
                    side,
                    rep: Some(r),
                    ..raw(SegmentKind::Hold, Some(hold))
                });
                if r < reps && rest.0 > 0 {
                    f(RawSegment {
                        side,
                        rep: Some(r),
                        ..raw(SegmentKind::Rest, Some(rest))
                    });
                }
            }
        }),
        StepBody::Massage {
            seconds,
            sides,
            switch,
            ..
        } => per_side(sides, switch, &mut f, |side, f| {
            f(RawSegment {
                side,
                ..raw(SegmentKind::Massage, Some(seconds))
            })
        }),
        StepBody::Exercise {
            reps,
            rep_seconds,
            sets,
            rest,
            sides,
            switch,
            ..
        } => {
            let work = rep_seconds.map(|rs| Millis(rs.0 * reps));
            per_side(sides, switch, &mut f, |side, f| {
                for s in 1..=sets {
                    f(RawSegment {
                        side,
                        rep: Some(s),
                        ..raw(SegmentKind::Work, work)
                    });
                    if s < sets && rest.0 > 0 {
                        f(RawSegment {
                            side,
                            rep: Some(s),
                            ..raw(SegmentKind::Rest, Some(rest))
                        });
                    }
                }
            })
        }
    }
}

fn per_side<F: FnMut(RawSegment)>(
    sides: Sides,
    switch: Option<Millis>,
    f: &mut F,
    mut block: impl FnMut(Option<Side>, &mut F),
) {
    match sides {
        Sides::None => block(None, f),
        Sides::Left => block(Some(Side::Left), f),
        Sides::Right => block(Some(Side::Right), f),
        Sides::Both => {
            block(Some(Side::Left), f);
            f(raw(
                SegmentKind::Switch,
                Some(switch.unwrap_or(DEFAULT_SWITCH)),
            ));
            block(Some(Side::Right), f);
        }
    }
}

/// Timed duration of one step, in milliseconds.
pub fn step_timed_ms(step: &Step) -> u64 {
    let mut total = 0;
    expand_step(&step.body, |s| total += s.duration.map_or(0, Millis::ms));
    total
}

/// Timed duration of a routine, in milliseconds.
pub fn routine_timed_ms(routine: &Routine) -> u64 {
    routine.steps.iter().map(step_timed_ms).sum()
}

/// What to say when a segment starts. `first` marks the step's first
/// segment, `previous` is the segment before it within the step.
fn segment_say(
    step: &Step,
    seg: &RawSegment,
    first: bool,
    previous: Option<&RawSegment>,
    lang: &str,
) -> String {
    let phrase = |p: Phrase| p.text(lang, seg.rep.unwrap_or(0));
    let side_starts = seg.side.is_some() && previous.is_none_or(|p| p.side != seg.side);
    let own = match seg.kind {
        SegmentKind::Inhale => Some(phrase(Phrase::Inhale)),
        SegmentKind::HoldIn | SegmentKind::HoldOut => Some(phrase(Phrase::Hold)),
        SegmentKind::Exhale => Some(phrase(Phrase::Exhale)),
        SegmentKind::Switch => Some(phrase(Phrase::SwitchRight)),
        SegmentKind::Rest if !first => Some(phrase(Phrase::Rest)),
        SegmentKind::Hold if !first && !side_starts => Some(phrase(Phrase::StretchAgain)),
        SegmentKind::Work if !first && !side_starts => Some(phrase(Phrase::Set)),
        _ => None,
    };
    let side = if side_starts {
        seg.side.map(|s| match s {
            Side::Left => phrase(Phrase::LeftSide),
            Side::Right => phrase(Phrase::RightSide),
        })
    } else {
        None
    };
    let mut parts: Vec<String> = Vec::with_capacity(3);
    if first {
        parts.push(step.spoken().get(lang).to_string());
    }
    parts.extend(side);
    parts.extend(own);
    if parts.is_empty() {
        parts.push(step.title.get(lang).to_string());
    }
    let mut out = String::new();
    for p in parts {
        if !out.is_empty() {
            let ends = out.trim_end().ends_with(['.', '!', '?', ':', '…']);
            out.push_str(if ends { " " } else { ". " });
        }
        out.push_str(p.trim());
    }
    out
}

/// Expands a valid routine into its timeline, with spoken texts in `lang`
/// (the routine's first language when `lang` is missing).
pub fn build_timeline(routine: &Routine, lang: &str) -> Timeline {
    expand(routine, lang, true)
}

/// The timeline without its spoken texts (every `say` empty), for a holder
/// that keeps the routine and makes each text when it is needed with
/// [`spoken_at`]: a session, which would otherwise hold one string per
/// segment for its whole life.
pub fn build_timeline_unspoken(routine: &Routine, lang: &str) -> Timeline {
    expand(routine, lang, false)
}

/// What is spoken when segment `i` of `routine`'s timeline starts, in
/// `lang`: the `say` that [`build_timeline`] gives it. Empty when `i` is
/// out of range or the timeline is not the routine's.
pub fn spoken_at(routine: &Routine, timeline: &Timeline, i: usize, lang: &str) -> String {
    let Some(seg) = timeline.segments.get(i) else {
        return String::new();
    };
    let previous = i
        .checked_sub(1)
        .and_then(|p| timeline.segments.get(p))
        .filter(|p| p.step == seg.step)
        .map(Segment::raw);
    spoken_for(routine, seg.step, &seg.raw(), previous.as_ref(), lang)
}

/// What is spoken when segment `seg` of step `step` starts, given the
/// segment before it in the same step (`None` for the step's first): the
/// rule behind every `say`, for holders that keep segments in their own form.
pub fn spoken_for(
    routine: &Routine,
    step: usize,
    seg: &RawSegment,
    previous: Option<&RawSegment>,
    lang: &str,
) -> String {
    match routine.steps.get(step) {
        Some(s) => segment_say(s, seg, previous.is_none(), previous, lang),
        None => String::new(),
    }
}

impl Segment {
    /// The fields the spoken text depends on.
    fn raw(&self) -> RawSegment {
        RawSegment {
            kind: self.kind,
            side: self.side,
            rep: self.rep,
            cycle: self.cycle,
            duration: None,
        }
    }
}

fn expand(routine: &Routine, lang: &str, speak: bool) -> Timeline {
    // Count first so the segment list is allocated once, at its exact size
    // (a session keeps it for its whole life).
    let mut count = 0;
    for step in &routine.steps {
        expand_step(&step.body, |_| count += 1);
    }
    let mut segments = Vec::with_capacity(count);
    let mut steps = Vec::with_capacity(routine.steps.len());
    let mut at = 0u64;
    let mut untimed = 0;
    for (step_index, step) in routine.steps.iter().enumerate() {
        let first_segment = segments.len();
        let step_start = at;
        let mut previous: Option<RawSegment> = None;
        expand_step(&step.body, |seg| {
            let first = previous.is_none();
            let say = if speak {
                segment_say(step, &seg, first, previous.as_ref(), lang)
            } else {
                String::new()
            };
            let duration_ms = seg.duration.map(Millis::ms);
            segments.push(Segment {
                index: segments.len(),
                step: step_index,
                kind: seg.kind,
                side: seg.side,
                rep: seg.rep,
                cycle: seg.cycle,
                start_ms: at,
                duration_ms,
                say,
            });
            match duration_ms {
                Some(d) => at += d,
                None => untimed += 1,
            }
            previous = Some(seg);
        });
        steps.push(StepSpan {
            first_segment,
            segments: segments.len() - first_segment,
            start_ms: step_start,
            timed_ms: at - step_start,
        });
    }
    Timeline {
        routine: routine.id.clone(),
        title: routine.title.get(lang).to_string(),
        timed_ms: at,
        untimed,
        segments,
        steps,
    }
}

#[cfg(test)]
mod tests;
