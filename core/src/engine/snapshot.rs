//! Saving a session to a small versioned string and bringing it back.

use serde::{Deserialize, Serialize};

use super::{Session, State, Status};
use crate::routine::Routine;

/// Prefix and version of the snapshot string.
const PREFIX: &str = "unknot.session.v1:";
/// Most held (paused or waiting) time a snapshot may carry: a hundred
/// years, far beyond any session and far from overflowing.
const MAX_HELD_MS: u64 = 100 * 365 * 24 * 3_600_000;
/// Longest snapshot accepted.
const MAX_SNAPSHOT_BYTES: usize = 64 * 1024;

/// Why a snapshot could not be restored.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SnapshotError {
    /// Not a snapshot string, or damaged.
    #[error("not a session snapshot: {0}")]
    Malformed(String),
    /// Written by another version of Unknot.
    #[error("unsupported snapshot version (this version reads {PREFIX})")]
    UnsupportedVersion,
    /// The routine given is not the one the snapshot was taken of.
    #[error("the snapshot belongs to a different routine or a changed version of it")]
    WrongRoutine,
}

#[derive(Serialize, Deserialize)]
struct Saved {
    routine: String,
    fingerprint: String,
    #[serde(flatten)]
    state: State,
}

/// A 64-bit FNV-1a hash of the routine's canonical JSON, as hex.
fn fingerprint(routine: &Routine) -> String {
    let json = serde_json::to_string(routine).unwrap_or_default();
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in json.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

impl Session {
    /// The session's state as a small versioned string.
    pub fn snapshot(&self) -> String {
        let saved = Saved {
            routine: self.routine.id.clone(),
            fingerprint: fingerprint(&self.routine),
            state: self.state.clone(),
        };
        format!(
            "{PREFIX}{}",
            serde_json::to_string(&saved).unwrap_or_default()
        )
    }

    /// Restores a session of `routine` from `snapshot` at the caller's time
    /// `now_ms`. A running session has kept running meanwhile and continues
    /// exactly (the next call hands out what fell due). If `now_ms` is
    /// earlier than the snapshot's last time, the caller's clock restarted
    /// (a reboot): the session comes back paused where it was.
    pub fn restore(
        routine: Routine,
        lang: &str,
        snapshot: &str,
        now_ms: u64,
    ) -> Result<Session, SnapshotError> {
        if snapshot.len() > MAX_SNAPSHOT_BYTES {
            return Err(SnapshotError::Malformed("too long".into()));
        }
        let Some(body) = snapshot.strip_prefix(PREFIX) else {
            return Err(if snapshot.starts_with("unknot.session.") {
                SnapshotError::UnsupportedVersion
            } else {
                SnapshotError::Malformed("missing prefix".into())
            });
        };
        let saved: Saved =
            serde_json::from_str(body).map_err(|e| SnapshotError::Malformed(e.to_string()))?;
        if saved.routine != routine.id || saved.fingerprint != fingerprint(&routine) {
            return Err(SnapshotError::WrongRoutine);
        }
        let mut session = Session::new(routine, lang);
        check(&saved.state, &session)?;
        session.state = saved.state;
        let st = &mut session.state;
        if now_ms < st.last_now {
            // Keep elapsed and held time across the clock restart.
            if let Some(h) = st.held_since.take() {
                st.paused_ms += st.last_now.saturating_sub(h);
            }
            let last = st.last_now;
            let shift = |t: u64| now_ms.saturating_sub(last.saturating_sub(t));
            st.started_at = st.started_at.map(shift);
            st.ended_at = st.ended_at.map(shift);
            match st.status {
                Status::Running => {
                    st.status = Status::Paused;
                    st.held_since = Some(now_ms);
                }
                Status::Paused | Status::Waiting => st.held_since = Some(now_ms),
                _ => {}
            }
            st.anchor_now = now_ms;
            st.anchor_pos = st.pos;
            st.last_now = now_ms;
        }
        Ok(session)
    }
}

/// Refuses states that no session could have reached, so a tampered
/// snapshot can never make the engine panic.
fn check(st: &State, s: &Session) -> Result<(), SnapshotError> {
    let bad = |m: &str| Err(SnapshotError::Malformed(m.to_string()));
    let n = s.plan.segments.len();
    if st.seg >= n {
        return bad("segment out of range");
    }
    let mut seen = Vec::new();
    let mut total_ext = 0u64;
    for &(i, ms) in &st.ext {
        if i >= n || seen.contains(&i) || s.plan.segments[i].is_untimed() {
            return bad("bad extension");
        }
        seen.push(i);
        total_ext = total_ext.saturating_add(ms);
    }
    if total_ext > super::MAX_TOTAL_EXTEND_MS {
        return bad("extensions too long");
    }
    let mut probe = s.clone();
    probe.state.ext = st.ext.clone();
    let start = probe.segment_start(st.seg);
    let len = probe.segment_len(st.seg).unwrap_or(0);
    let total = probe.timed_total();
    let ok = st.seg_start == start
        && st.pos >= start
        && st.pos <= start + len
        && st.pos <= total
        && st.emitted.is_none_or(|e| e <= len)
        && st.anchor_now <= st.last_now
        && st.held_since.is_none_or(|h| h <= st.last_now)
        && (st.status != Status::Running || st.anchor_pos <= st.pos)
        // Not bounded by `last_now`: time held before a clock restart
        // (a reboot) is kept, and the new clock starts again near zero.
        && st.paused_ms <= MAX_HELD_MS
        && st.step_marks.len() <= s.routine.steps.len()
        && st.step_marks.iter().all(|m| *m <= 2)
        && st.started_at.is_none_or(|t| t <= st.last_now)
        && st.ended_at.is_none_or(|t| t <= st.last_now);
    if ok {
        Ok(())
    } else {
        bad("inconsistent state")
    }
}
