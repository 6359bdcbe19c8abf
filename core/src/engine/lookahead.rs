//! What is coming: the cues a running session will hand out next, read
//! from its state without changing it, so a shell can prepare them ahead
//! (synthesise speech into buffers, schedule tones) and play each at its
//! exact due time.

use super::{Cue, CueKind, Session, Status};

/// Most cues one lookahead returns, whatever the window.
pub const MAX_UPCOMING: usize = 1_000;

impl Session {
    /// The cues not yet handed out that fall due by `now_ms + within_ms`
    /// (`now_ms` counts as the last call's time when earlier), oldest
    /// first, at most [`MAX_UPCOMING`]. Only a running session has any: a
    /// paused, waiting, ready or ended one returns none. It stops at an
    /// untimed segment (after that segment's own cue, when due in the
    /// window): what follows waits for the person.
    ///
    /// Each cue is what ticking at its due time would hand out: the same
    /// kind, due time, segment, text and sounds, with `at_ms` equal to
    /// `due_ms` and `speak` set. A cue already due before `now_ms` (no
    /// call since) comes first; the next call hands it out. Any command
    /// other than a tick can change what is coming: ask again after it.
    /// The session is not changed.
    pub fn upcoming(&self, now_ms: u64, within_ms: u64) -> Vec<Cue> {
        let st = &self.state;
        let mut out = Vec::new();
        if st.status != Status::Running {
            return out;
        }
        let until = now_ms.max(st.last_now).saturating_add(within_ms);
        let (mut i, mut seg_start, mut emitted) = (st.seg, st.seg_start, st.emitted);
        loop {
            while let Some((off, kind, n)) = self.cue_after(i, emitted) {
                let due = self.due(seg_start + off);
                if due > until || out.len() >= MAX_UPCOMING {
                    return out;
                }
                out.push(self.upcoming_cue(kind, i, due, self.cue_text(kind, i, n)));
                emitted = Some(off);
            }
            // Untimed: the session waits here.
            let Some(len) = self.segment_len(i) else {
                return out;
            };
            let end = seg_start + len;
            if i + 1 == self.plan.segments.len() {
                let due = self.due(end);
                if due <= until && out.len() < MAX_UPCOMING {
                    let say = self.cue_text(CueKind::Finished, i, 0);
                    out.push(self.upcoming_cue(CueKind::Finished, i, due, say));
                }
                return out;
            }
            i += 1;
            seg_start = end;
            emitted = None;
        }
    }

    fn upcoming_cue(&self, kind: CueKind, i: usize, due: u64, say: String) -> Cue {
        let mut c = self.make_cue(kind, i, due, due, say);
        c.speak = true;
        c
    }
}
