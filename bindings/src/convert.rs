//! Number conversions at the boundary: the core counts in `usize`/`u64`,
//! the foreign side in `i32`/`i64`.

/// A count or index as `i32`, saturating (routine limits keep real values far below).
pub fn count(n: usize) -> i32 {
    i32::try_from(n).unwrap_or(i32::MAX)
}

/// A `u32` count as `i32`, saturating.
pub fn count32(n: u32) -> i32 {
    i32::try_from(n).unwrap_or(i32::MAX)
}

/// Core milliseconds as `i64`, saturating.
pub fn ms(n: u64) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// Foreign milliseconds as core milliseconds: negatives become 0.
pub fn from_ms(n: i64) -> u64 {
    u64::try_from(n).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clamps_at_both_ends() {
        assert_eq!(from_ms(-5), 0);
        assert_eq!(from_ms(1234), 1234);
        assert_eq!(ms(u64::MAX), i64::MAX);
        assert_eq!(count(usize::MAX), i32::MAX);
        assert_eq!(count32(7), 7);
    }
}
