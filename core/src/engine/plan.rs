//! The session's own copy of its timeline, packed: a session keeps it for
//! its whole life, so each segment is 16 bytes instead of a full
//! [`Segment`](crate::timeline::Segment), and spoken texts are made from the
//! routine when their cue falls due.

use crate::routine::Routine;
use crate::timeline::{spoken_for, RawSegment, SegmentKind, Timeline};
use crate::vocab::Side;

/// Duration of an untimed segment.
const UNTIMED: u32 = u32::MAX;

/// One segment. Routine limits keep every value far inside its type (at
/// most 200 steps, counts of 100, four hours of timed time).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Seg {
    start: u32,
    duration: u32,
    step: u16,
    rep: u16,
    cycle: u16,
    /// What happens.
    pub kind: SegmentKind,
    /// Which side, for sided steps.
    pub side: Option<Side>,
}

impl Seg {
    /// Sum of the timed durations before this segment.
    pub fn start_ms(&self) -> u64 {
        u64::from(self.start)
    }

    /// Length; `None` for untimed segments.
    pub fn duration_ms(&self) -> Option<u64> {
        (self.duration != UNTIMED).then_some(u64::from(self.duration))
    }

    /// True when the segment waits for the user.
    pub fn is_untimed(&self) -> bool {
        self.duration == UNTIMED
    }

    /// Index of its step.
    pub fn step(&self) -> usize {
        usize::from(self.step)
    }

    /// 1-based rep or set.
    pub fn rep(&self) -> Option<u32> {
        (self.rep != 0).then_some(u32::from(self.rep))
    }

    /// 1-based breathing cycle.
    pub fn cycle(&self) -> Option<u32> {
        (self.cycle != 0).then_some(u32::from(self.cycle))
    }

    fn raw(&self) -> RawSegment {
        RawSegment {
            kind: self.kind,
            side: self.side,
            rep: self.rep(),
            cycle: self.cycle(),
            duration: None,
        }
    }
}

/// The packed timeline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Plan {
    /// The segments in order.
    pub segments: Vec<Seg>,
    /// Per step, the index of its first segment.
    first: Vec<u32>,
    /// Sum of all timed segment durations.
    pub timed_ms: u64,
}

fn small<T: TryFrom<u64>>(v: u64, max: T) -> T {
    T::try_from(v).unwrap_or(max)
}

impl Plan {
    /// Packs a timeline.
    pub fn of(t: &Timeline) -> Plan {
        let segments = t
            .segments
            .iter()
            .map(|s| Seg {
                start: small(s.start_ms, u32::MAX),
                duration: s.duration_ms.map_or(UNTIMED, |d| small(d, UNTIMED - 1)),
                step: small(s.step as u64, u16::MAX),
                rep: s.rep.map_or(0, |r| small(u64::from(r), u16::MAX)),
                cycle: s.cycle.map_or(0, |c| small(u64::from(c), u16::MAX)),
                kind: s.kind,
                side: s.side,
            })
            .collect();
        let first = t
            .steps
            .iter()
            .map(|s| small(s.first_segment as u64, u32::MAX))
            .collect();
        Plan {
            segments,
            first,
            timed_ms: t.timed_ms,
        }
    }

    /// Index of the first segment of step `step`, if there is such a step.
    pub fn first_segment(&self, step: usize) -> Option<usize> {
        self.first.get(step).map(|&f| f as usize)
    }

    /// What is spoken when segment `i` starts.
    pub fn spoken(&self, routine: &Routine, i: usize, lang: &str) -> String {
        let Some(seg) = self.segments.get(i) else {
            return String::new();
        };
        let previous = i
            .checked_sub(1)
            .and_then(|p| self.segments.get(p))
            .filter(|p| p.step == seg.step)
            .map(Seg::raw);
        spoken_for(routine, seg.step(), &seg.raw(), previous.as_ref(), lang)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::timeline::build_timeline;

    #[test]
    fn packing_keeps_every_segment_and_its_spoken_text() {
        for r in crate::library::builtin_routines() {
            let t = build_timeline(r, "de");
            let p = Plan::of(&t);
            assert_eq!(p.segments.len(), t.segments.len());
            assert_eq!(p.timed_ms, t.timed_ms);
            for (i, (a, b)) in p.segments.iter().zip(&t.segments).enumerate() {
                assert_eq!(a.start_ms(), b.start_ms);
                assert_eq!(a.duration_ms(), b.duration_ms);
                assert_eq!(a.is_untimed(), b.is_untimed());
                assert_eq!((a.step(), a.kind, a.side), (b.step, b.kind, b.side));
                assert_eq!((a.rep(), a.cycle()), (b.rep, b.cycle));
                assert_eq!(p.spoken(r, i, "de"), b.say, "{} #{i}", r.id);
            }
            for (n, span) in t.steps.iter().enumerate() {
                assert_eq!(p.first_segment(n), Some(span.first_segment));
            }
            assert_eq!(p.first_segment(t.steps.len()), None);
        }
        assert_eq!(std::mem::size_of::<Seg>(), 16);
    }
}
