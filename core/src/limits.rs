//! Limits every routine must stay within.

/// Largest routine file accepted, in bytes (1 MiB).
pub const MAX_FILE_BYTES: usize = 1024 * 1024;
/// Most steps in one routine.
pub const MAX_STEPS: usize = 200;
/// Longest single time in a file, in milliseconds (3600 s).
pub const MAX_TIME_MS: u32 = 3_600_000;
/// Largest count (`cycles`, `reps`, `sets`).
pub const MAX_COUNT: u32 = 100;
/// Longest timed total of one routine, in milliseconds (4 hours).
pub const MAX_TIMED_MS: u64 = 4 * 3_600_000;
/// Longest slug (`id`, tags).
pub const MAX_SLUG_LEN: usize = 64;
/// Longest single text, in characters.
pub const MAX_TEXT_CHARS: usize = 4000;
/// Highest massage pace, in strokes per minute.
pub const MAX_PACE: f64 = 300.0;
