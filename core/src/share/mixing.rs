//! A small context-mixing coder for share codes.
//!
//! Deflate spends a good part of a short code on its Huffman tables and
//! cannot learn the statistics of a few hundred bytes of text. This coder
//! predicts the program JSON one bit at a time from what came before: the
//! last 1, 2, 3, 4 and 6 bytes, the word being written, that word with the
//! one before it, and the byte so far alone. Each context keeps counts of
//! the bits it saw in a hashed table; a mixer weighs the predictions with
//! weights it learns as it goes (one set per partial byte), and a binary
//! arithmetic coder codes each bit. Before the first byte the model has
//! read a dictionary, so it starts out knowing the format's words.
//!
//! Everything is integer arithmetic with fixed tables, so every platform
//! makes and reads exactly the same bits: a code made on one phone decodes
//! on any other. The model and its tables are part of the code format:
//! changing any constant here breaks every code made with it.

use std::sync::OnceLock;

/// Bits of a probability (`0..4096` stands for 0 to 1).
const PROB_BITS: u32 = 12;
/// Context lengths in bytes, besides the byte so far alone.
const ORDERS: [u32; 5] = [1, 2, 3, 4, 6];
/// Hashed contexts: one per order and the word so far.
const CONTEXTS: usize = ORDERS.len() + 2;
/// Inputs to the mixer: one per context, the byte so far, and a bias.
const INPUTS: usize = CONTEXTS + 2;
/// Slots per context table (2^16).
const SLOT_BITS: u32 = 17;
/// A slot halves its two counts when their sum passes this.
const COUNT_LIMIT: u32 = 60;
/// A slot keeps at most this many of the bit it did not just see, so it
/// follows a change quickly.
const KEEP_OTHER: u32 = 6;
/// Mixer learning rate, in 1/256.
const MIX_RATE: i32 = 3;
/// Largest weight either way (16.16 fixed point: 64).
const MAX_WEIGHT: i32 = 64 << 16;
/// Initial weight of each input (16.16 fixed point, about 0.3).
const INITIAL_WEIGHT: i32 = 20_000;

/// Samples of 4096 / (1 + e^(-x/256)) at x = -2048, -1920, …, 2048.
const SQUASH: [i32; 33] = [
    1, 2, 4, 6, 10, 17, 27, 45, 74, 120, 194, 311, 488, 747, 1102, 1546, 2048, 2550, 2994, 3349,
    3608, 3785, 3902, 3976, 4022, 4051, 4069, 4079, 4086, 4090, 4092, 4094, 4095,
];

/// The logistic function on a logit in 1/256 units, as a 12-bit probability.
fn squash(d: i32) -> i32 {
    if d >= 2047 {
        return 4095;
    }
    if d <= -2047 {
        return 1;
    }
    let w = d & 127;
    let i = ((d >> 7) + 16) as usize;
    (SQUASH[i] * (128 - w) + SQUASH[i + 1] * w + 64) >> 7
}

/// Tables computed once from the constants above (integers only).
struct Tables {
    /// The inverse of [`squash`]: a 12-bit probability to a logit.
    stretch: [i16; 4096],
}

fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(|| {
        let mut stretch = [0i16; 4096];
        let mut next = 0usize;
        for x in -2047..=2047 {
            let v = squash(x) as usize;
            while next <= v {
                stretch[next] = x as i16;
                next += 1;
            }
        }
        while next < 4096 {
            stretch[next] = 2047;
            next += 1;
        }
        Tables { stretch }
    })
}

/// Predicts the next bit from what came before. Make one with
/// [`Model::primed`] per dictionary and keep it: coding starts from a copy.
#[derive(Clone)]
pub struct Model {
    /// Per context order, 2^SLOT_BITS slots, each counting the zeros (low
    /// byte) and ones (high byte) seen in its context.
    counts: Vec<u16>,
    /// Per slot, 8 more bits of the hash of the context that last used it;
    /// a slot another context left behind counts as empty.
    checks: Vec<u8>,
    /// Per input, the check byte of its context.
    tags: [u8; CONTEXTS + 1],
    /// Mixer weights, one set per partial byte.
    weights: Vec<[i32; INPUTS]>,
    /// The last 8 bytes, newest lowest.
    history: u64,
    /// Hash of the letters of the word being written (0 between words).
    word: u32,
    /// Hash of the word before it.
    last_word: u32,
    /// Per order, the hash of its context for the current byte.
    hashes: [u32; CONTEXTS],
    /// The current byte so far, with a leading 1 bit.
    partial: u32,
    /// Per input, the slot it read (for the update).
    slots: [usize; CONTEXTS + 1],
    /// Per input, the logit it gave.
    inputs: [i32; INPUTS],
    /// The mixed prediction.
    p: i32,
}

impl Model {
    fn new() -> Self {
        let slots = 1usize << SLOT_BITS;
        let mut m = Model {
            counts: vec![0; slots * (CONTEXTS + 1)],
            checks: vec![0; slots * (CONTEXTS + 1)],
            tags: [0; CONTEXTS + 1],
            weights: vec![[INITIAL_WEIGHT; INPUTS]; 256],
            history: 0,
            word: 0,
            last_word: 0,
            hashes: [0; CONTEXTS],
            partial: 1,
            slots: [0; CONTEXTS + 1],
            inputs: [0; INPUTS],
            p: 2048,
        };
        m.start_byte();
        m.predict();
        m
    }

    /// Hashes each context for the byte about to come.
    fn start_byte(&mut self) {
        for (k, &order) in ORDERS.iter().enumerate() {
            let mask = if order >= 8 {
                u64::MAX
            } else {
                (1u64 << (8 * order)) - 1
            };
            let ctx = (self.history & mask).wrapping_add(u64::from(order) << 56);
            let h = ctx.wrapping_mul(0x9E37_79B9_7F4A_7C15);
            self.hashes[k] = (h >> 32) as u32;
        }
        let w = u64::from(self.word) | (0xFFu64 << 48);
        self.hashes[ORDERS.len()] = (w.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 32) as u32;
        let w2 = (u64::from(self.last_word) << 32 | u64::from(self.word)) ^ (0xFEu64 << 56);
        self.hashes[ORDERS.len() + 1] = (w2.wrapping_mul(0xD6E8_FEB8_6659_FD93) >> 32) as u32;
        self.partial = 1;
    }

    /// The probability (12 bits) that the next bit is 1.
    fn predict(&mut self) -> i32 {
        let t = tables();
        let slots = 1usize << SLOT_BITS;
        let c = self.partial;
        for k in 0..=CONTEXTS {
            let h = if k < CONTEXTS { self.hashes[k] } else { 0 };
            let mixed = (h ^ c.wrapping_mul(0x2545_F491)).wrapping_mul(0x9E37_79B1);
            let slot = k * slots + (mixed >> (32 - SLOT_BITS)) as usize;
            self.slots[k] = slot;
            let tag = (mixed >> 8) as u8;
            self.tags[k] = tag;
            let n = if self.checks[slot] == tag {
                u32::from(self.counts[slot])
            } else {
                0
            };
            let (n0, n1) = (n & 0xFF, n >> 8);
            // (n1 + 0.1) / (n0 + n1 + 0.2), in 12 bits.
            let p = (4096 * (10 * n1 + 1)) / (10 * (n0 + n1) + 2);
            self.inputs[k] = i32::from(t.stretch[p.clamp(1, 4095) as usize]);
        }
        self.inputs[INPUTS - 1] = 77;
        let w = &self.weights[c as usize];
        let dot: i64 = w
            .iter()
            .zip(self.inputs.iter())
            .map(|(&w, &x)| i64::from(w) * i64::from(x))
            .sum();
        let logit = (dot >> 16).clamp(-2047, 2047) as i32;
        self.p = squash(logit).clamp(1, 4095);
        self.p
    }

    /// Learns `bit` and gets ready for the next one.
    fn update(&mut self, bit: u32) {
        let err = ((bit as i32) << PROB_BITS) - self.p;
        let w = &mut self.weights[self.partial as usize];
        for (w, &x) in w.iter_mut().zip(self.inputs.iter()) {
            *w = (*w + ((x * err * MIX_RATE) >> 12)).clamp(-MAX_WEIGHT, MAX_WEIGHT);
        }
        for (&slot, &tag) in self.slots.iter().zip(self.tags.iter()) {
            let n = if self.checks[slot] == tag {
                u32::from(self.counts[slot])
            } else {
                self.checks[slot] = tag;
                0
            };
            let (mut n0, mut n1) = (n & 0xFF, n >> 8);
            if bit == 1 {
                n1 += 1;
                n0 = n0.min(KEEP_OTHER);
            } else {
                n0 += 1;
                n1 = n1.min(KEEP_OTHER);
            }
            if n0 + n1 > COUNT_LIMIT {
                n0 /= 2;
                n1 /= 2;
            }
            self.counts[slot] = (n0 | (n1 << 8)) as u16;
        }
        self.partial = (self.partial << 1) | bit;
        if self.partial >= 256 {
            let byte = u64::from(self.partial & 255);
            self.history = (self.history << 8) | byte;
            let b = (byte as u8).to_ascii_lowercase();
            if b.is_ascii_alphabetic() || b >= 0x80 {
                self.word = (self.word ^ u32::from(b)).wrapping_mul(0x0100_0193);
            } else if self.word != 0 {
                self.last_word = self.word;
                self.word = 0;
            }
            self.start_byte();
        }
        self.predict();
    }

    /// Reads `data` without coding it.
    pub fn learn(&mut self, data: &[u8]) {
        for &byte in data {
            for i in (0..8).rev() {
                self.update(u32::from(byte >> i) & 1);
            }
        }
    }
}

impl Model {
    /// A model that has read `dictionary`.
    pub fn primed(dictionary: &[u8]) -> Self {
        let mut m = Model::new();
        m.learn(dictionary);
        m
    }
}

/// `data` coded, starting from `model`. The length is not stored: [`decode`]
/// is told how many bytes to make.
pub fn encode(data: &[u8], model: &Model) -> Vec<u8> {
    let mut m = model.clone();
    let mut out = Vec::with_capacity(data.len() / 3 + 8);
    let (mut x1, mut x2) = (0u32, u32::MAX);
    for &byte in data {
        for i in (0..8).rev() {
            let bit = u32::from(byte >> i) & 1;
            let xmid = x1 + ((x2 - x1) >> PROB_BITS) * m.p as u32;
            if bit == 1 {
                x2 = xmid;
            } else {
                x1 = xmid + 1;
            }
            m.update(bit);
            while (x1 ^ x2) & 0xFF00_0000 == 0 {
                out.push((x2 >> 24) as u8);
                x1 <<= 8;
                x2 = (x2 << 8) | 255;
            }
        }
    }
    // Any value from x1 up to x2 ends the stream; the decoder reads 0xFF past
    // the end, so x1's top byte alone is enough, and trailing 0xFF can go.
    out.push((x1 >> 24) as u8);
    while out.last() == Some(&0xFF) {
        out.pop();
    }
    out
}

/// `len` bytes decoded from `coded`, starting from `model` (the one
/// [`encode`] started from). Never fails: damage shows as wrong bytes, which
/// the caller's checksum catches. The work is bounded by `len`, which the
/// caller bounds.
pub fn decode(coded: &[u8], len: usize, model: &Model) -> Vec<u8> {
    let mut m = model.clone();
    let mut input = coded.iter().copied().chain(std::iter::repeat(0xFF));
    let mut next = move || input.next().unwrap_or(0xFF);
    let (mut x1, mut x2) = (0u32, u32::MAX);
    let mut x = 0u32;
    for _ in 0..4 {
        x = (x << 8) | u32::from(next());
    }
    let mut out = Vec::with_capacity(len);
    for _ in 0..len {
        let mut byte = 0u8;
        for _ in 0..8 {
            let xmid = x1 + ((x2 - x1) >> PROB_BITS) * m.p as u32;
            let bit = u32::from(x <= xmid);
            if bit == 1 {
                x2 = xmid;
            } else {
                x1 = xmid + 1;
            }
            m.update(bit);
            byte = (byte << 1) | bit as u8;
            while (x1 ^ x2) & 0xFF00_0000 == 0 {
                x1 <<= 8;
                x2 = (x2 << 8) | 255;
                x = (x << 8) | u32::from(next());
            }
        }
        out.push(byte);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dict() -> &'static Model {
        static M: OnceLock<Model> = OnceLock::new();
        M.get_or_init(|| {
            Model::primed(
                b"\"kind\":\"stretch\",\"title\":\"Hold the stretch\",\"instructions\":\"",
            )
        })
    }

    #[test]
    fn squash_and_stretch_are_inverse_and_monotonic() {
        let t = tables();
        for p in 1..4095 {
            let back = squash(i32::from(t.stretch[p]));
            assert!((back - p as i32).abs() <= 40, "p {p} -> {back}");
            assert!(t.stretch[p] >= t.stretch[p - 1]);
        }
        assert!((-2047..2047).all(|d| squash(d) <= squash(d + 1)));
    }

    #[test]
    fn round_trips_any_bytes() {
        let cases: [&[u8]; 5] = [
            b"",
            b"a",
            b"\xff\xff\xff\xff",
            b"{\"kind\":\"stretch\",\"title\":\"Hold the stretch\",\"hold\":30}",
            &[0u8; 1000],
        ];
        for data in cases {
            let coded = encode(data, dict());
            assert_eq!(decode(&coded, data.len(), dict()), data);
        }
        let noise: Vec<u8> = (0u32..5000)
            .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
            .collect();
        let coded = encode(&noise, dict());
        assert_eq!(decode(&coded, noise.len(), dict()), noise);
    }

    #[test]
    fn the_dictionary_makes_its_own_words_cheap() {
        let text = b"\"kind\":\"stretch\",\"title\":\"Hold the stretch\"";
        let primed = encode(text, dict()).len();
        let cold = encode(text, &Model::primed(b"")).len();
        assert!(primed * 3 < cold, "{primed} vs {cold}");
    }

    #[test]
    fn damage_gives_other_bytes_and_never_panics() {
        let data = b"{\"kind\":\"massage\",\"seconds\":45,\"instructions\":\"Small circles.\"}";
        let coded = encode(data, dict());
        let mut changed = 0;
        for i in 0..coded.len() {
            let mut bad = coded.clone();
            bad[i] ^= 0x10;
            if decode(&bad, data.len(), dict()) != data {
                changed += 1;
            }
        }
        assert!(changed >= coded.len() - 1, "{changed} of {}", coded.len());
        assert_eq!(decode(&[], 50, dict()).len(), 50);
    }
}
