//! Base45 (RFC 9285): bytes as characters of the QR code alphanumeric
//! alphabet, so a QR code can hold them in its compact alphanumeric mode.
//! Two bytes become three characters; a last odd byte becomes two.
//!
//! Written here rather than taken from a crate so that decoding errors say
//! which character at which position is wrong.

/// The 45 characters, in value order.
pub const ALPHABET: &[u8; 45] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";

/// Why a base45 text could not be decoded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Base45Error {
    /// A character outside the alphabet (position from 0, in characters).
    #[error("character {ch:?} at position {position} is not allowed in a code")]
    BadCharacter {
        /// Position, from 0.
        position: usize,
        /// The character.
        ch: char,
    },
    /// A length of the form 3n + 1, which no input encodes to.
    #[error("the code has a wrong length ({len} characters): a part is missing or extra")]
    BadLength {
        /// Length in characters.
        len: usize,
    },
    /// A group of characters whose value is too large for its bytes.
    #[error("the characters at position {position} do not form a valid group")]
    BadGroup {
        /// Position of the group's first character, from 0.
        position: usize,
    },
}

/// Encodes bytes as base45.
pub fn encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(2) * 3);
    let mut push = |v: usize| out.push(char::from(ALPHABET[v]));
    for pair in bytes.chunks(2) {
        match *pair {
            [a, b] => {
                let n = usize::from(a) * 256 + usize::from(b);
                push(n % 45);
                push(n / 45 % 45);
                push(n / 2025);
            }
            [a] => {
                let n = usize::from(a);
                push(n % 45);
                push(n / 45);
            }
            _ => {}
        }
    }
    out
}

fn value(ch: char) -> Option<u32> {
    let b = u8::try_from(ch).ok()?;
    ALPHABET.iter().position(|&c| c == b).map(|p| p as u32)
}

/// Decodes base45 text (upper case, as QR codes carry it).
pub fn decode(text: &str) -> Result<Vec<u8>, Base45Error> {
    let mut values = Vec::with_capacity(text.len());
    for (position, ch) in text.chars().enumerate() {
        match value(ch) {
            Some(v) => values.push(v),
            None => return Err(Base45Error::BadCharacter { position, ch }),
        }
    }
    if values.len() % 3 == 1 {
        return Err(Base45Error::BadLength { len: values.len() });
    }
    let mut out = Vec::with_capacity(values.len() / 3 * 2 + 1);
    for (i, group) in values.chunks(3).enumerate() {
        let position = i * 3;
        match *group {
            [c, d, e] => {
                let n = c + d * 45 + e * 2025;
                if n > 0xFFFF {
                    return Err(Base45Error::BadGroup { position });
                }
                out.push((n >> 8) as u8);
                out.push(n as u8);
            }
            [c, d] => {
                let n = c + d * 45;
                if n > 0xFF {
                    return Err(Base45Error::BadGroup { position });
                }
                out.push(n as u8);
            }
            _ => return Err(Base45Error::BadLength { len: values.len() }),
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc_9285_examples() {
        assert_eq!(encode(b"AB"), "BB8");
        assert_eq!(encode(b"Hello!!"), "%69 VD92EX0");
        assert_eq!(encode(b"base-45"), "UJCLQE7W581");
        assert_eq!(encode(b"ietf!"), "QED8WEX0");
        assert_eq!(decode("QED8WEX0").unwrap(), b"ietf!");
        assert_eq!(decode("%69 VD92EX0").unwrap(), b"Hello!!");
        assert_eq!(decode("UJCLQE7W581").unwrap(), b"base-45");
        // RFC 9285 section 4.4: "GGW" is 65535 + 1 and must be refused.
        assert_eq!(decode("GGW"), Err(Base45Error::BadGroup { position: 0 }));
    }

    #[test]
    fn edges_round_trip() {
        for bytes in [
            vec![],
            vec![0],
            vec![255],
            vec![255, 255],
            vec![0, 0, 0],
            (0..=255).collect::<Vec<u8>>(),
        ] {
            assert_eq!(decode(&encode(&bytes)).unwrap(), bytes);
        }
    }

    #[test]
    fn errors_say_where() {
        assert_eq!(
            decode("BB8a"),
            Err(Base45Error::BadCharacter {
                position: 3,
                ch: 'a'
            })
        );
        assert_eq!(decode("BB8B"), Err(Base45Error::BadLength { len: 4 }));
        assert_eq!(decode("B"), Err(Base45Error::BadLength { len: 1 }));
        assert_eq!(decode("BB8::"), Err(Base45Error::BadGroup { position: 3 }));
        assert!(decode("€").is_err());
    }
}
