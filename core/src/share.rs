//! Share codes: a whole program in one line of text that fits a QR code.
//!
//! A code is `UK1:` followed by base45 (RFC 9285) of a payload whose first
//! byte says how the rest is compressed:
//!
//! | byte | payload after it |
//! |---|---|
//! | `0` | zlib stream (RFC 1950) of the compact program JSON |
//! | `1` | zlib stream made with the preset dictionary v1 ([`dictionary::V1`]) |
//! | `3` | zlib stream made with the preset dictionary v2 ([`dictionary::V2`]) |
//! | `4` | the JSON's length (LEB128), its CRC-32 (4 bytes, big-endian), then the JSON coded by the context-mixing coder ([`mixing`]) after it has read the priming text ([`dictionary::PRIME_V4`]) and dictionary v2 |
//!
//! zlib streams end with the Adler-32 of the JSON and the mixing coder's
//! payload carries a CRC-32, so a damaged code is caught. Encoding tries
//! every method and keeps the shortest. (Brotli with
//! its built-in dictionary was measured too and never came out shorter
//! than zlib with dictionary v1, so it was left out of the format.)
//! Decoding is bounded: codes longer than [`MAX_CODE_CHARS`] are refused
//! before any work, and inflating stops past [`MAX_JSON_BYTES`].

use flate2::{Compress, Compression as Level, Decompress, FlushCompress, FlushDecompress, Status};
use serde::Serialize;

use crate::problem::DocumentError;
use crate::program::{validate_program, Program};

pub mod base45;
pub mod dictionary;
pub mod mixing;

/// What every share code starts with; the digit is the code version.
pub const CODE_PREFIX: &str = "UK1:";
/// Longest code accepted: what a version 40 QR code holds in alphanumeric
/// mode at the lowest error correction.
pub const MAX_CODE_CHARS: usize = 4296;
/// Largest program JSON a code may inflate to (256 KiB).
pub const MAX_JSON_BYTES: usize = 256 * 1024;

/// How a code's payload is compressed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Compression {
    /// zlib at the highest level, no dictionary.
    Zlib,
    /// zlib with the preset dictionary v1.
    ZlibDict1,
    /// zlib with the preset dictionary v2 (v1 and the built-in routine ids).
    ZlibDict2,
    /// The context-mixing coder, primed with the library's English texts and
    /// dictionary v2.
    MixDict2,
}

impl Compression {
    /// Every method, in the order encoding prefers on a tie.
    pub const ALL: [Compression; 4] = [
        Compression::MixDict2,
        Compression::ZlibDict2,
        Compression::ZlibDict1,
        Compression::Zlib,
    ];

    /// The payload's first byte.
    pub fn tag(self) -> u8 {
        match self {
            Compression::Zlib => 0,
            Compression::ZlibDict1 => 1,
            Compression::ZlibDict2 => 3,
            Compression::MixDict2 => 4,
        }
    }

    /// The method a payload's first byte names.
    pub fn from_tag(tag: u8) -> Option<Self> {
        Compression::ALL.into_iter().find(|c| c.tag() == tag)
    }

    /// A short name for reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Compression::Zlib => "zlib",
            Compression::ZlibDict1 => "zlib+dict-v1",
            Compression::ZlibDict2 => "zlib+dict-v2",
            Compression::MixDict2 => "mixing",
        }
    }
}

/// Why a share code could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ShareError {
    /// Nothing was given.
    #[error("the code is empty")]
    Empty,
    /// The text does not start with `UK1:`.
    #[error("this is not an Unknot program code (it should start with \"UK1:\")")]
    NotACode,
    /// A code of a later version.
    #[error("this code was made by a newer version of Unknot (it starts with \"{prefix}\"); update the app to read it")]
    NewerVersion {
        /// The code's prefix.
        prefix: String,
    },
    /// Longer than any QR code holds.
    #[error("the code is {chars} characters long; codes are at most {max}")]
    TooLong {
        /// Length in characters.
        chars: usize,
        /// The limit.
        max: usize,
    },
    /// The characters after the prefix are not base45.
    #[error("the code is damaged: {0}")]
    Base45(#[from] base45::Base45Error),
    /// The payload names no known compression.
    #[error("the code uses compression {0}, which this version does not know; update the app")]
    UnknownMethod(u8),
    /// The compressed data or its checksum is wrong.
    #[error("the code is damaged or incomplete ({0}); scan or copy it again")]
    Damaged(String),
    /// The program inflates beyond [`MAX_JSON_BYTES`].
    #[error("the code unpacks to more than {limit} bytes, more than any program needs")]
    TooLarge {
        /// The limit.
        limit: usize,
    },
    /// The inflated bytes are not UTF-8.
    #[error("the code is damaged: its content is not text")]
    NotText,
}

/// Why a code could not be imported as a program.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    /// The code itself could not be read.
    #[error("{0}")]
    Code(#[from] ShareError),
    /// The code held a program that is not valid (for example one made for a
    /// newer library).
    #[error("{0}")]
    Program(#[from] DocumentError),
}

/// Whether a string looks like a share code rather than a file name
/// (starts with `UK`, a digit and `:`, in either case).
pub fn looks_like_code(s: &str) -> bool {
    let b = s.trim_start().as_bytes();
    b.len() >= 4 && b[..2].eq_ignore_ascii_case(b"UK") && b[2].is_ascii_digit() && b[3] == b':'
}

/// The payload (method byte and compressed data) for `json` under `method`.
pub fn payload(json: &str, method: Compression) -> Vec<u8> {
    let mut out = vec![method.tag()];
    match method {
        Compression::Zlib => out.extend(deflate(json.as_bytes(), None)),
        Compression::ZlibDict1 => out.extend(deflate(json.as_bytes(), Some(dictionary::V1))),
        Compression::ZlibDict2 => out.extend(deflate(json.as_bytes(), Some(dictionary::V2))),
        Compression::MixDict2 => {
            let data = json.as_bytes();
            let mut len = data.len();
            loop {
                let low = (len & 0x7F) as u8;
                len >>= 7;
                if len == 0 {
                    out.push(low);
                    break;
                }
                out.push(low | 0x80);
            }
            out.extend(crc32(data).to_be_bytes());
            out.extend(mixing::encode(data, mixing_model()));
        }
    }
    out
}

/// Whether a mixing payload of `payload_len` bytes (after the method byte)
/// may stand for `json_len` bytes: at most 64 for each, plus 1 KiB. Decoding
/// refuses a longer claim before the work it would take, and encoding never
/// picks the coder for a program it would refuse (some other method then
/// makes its code).
fn mix_ratio_ok(json_len: usize, payload_len: usize) -> bool {
    json_len <= 64 * (payload_len + 16)
}

/// The mixing coder's model after reading the priming text and dictionary
/// v2, made on first use and copied for each code.
fn mixing_model() -> &'static mixing::Model {
    static MODEL: std::sync::OnceLock<mixing::Model> = std::sync::OnceLock::new();
    MODEL.get_or_init(|| {
        let mut m = mixing::Model::primed(dictionary::PRIME_V4);
        m.learn(dictionary::V2);
        m
    })
}

fn crc32(data: &[u8]) -> u32 {
    let mut crc = flate2::Crc::new();
    crc.update(data);
    crc.sum()
}

/// The JSON in a mixing coder's payload: length, checksum, coded bytes.
fn unmix(data: &[u8]) -> Result<Vec<u8>, ShareError> {
    let early = || ShareError::Damaged("it ends too early".into());
    let mut len = 0usize;
    let mut used = 0;
    loop {
        let &b = data.get(used).ok_or_else(early)?;
        len |= usize::from(b & 0x7F) << (7 * used);
        used += 1;
        if len > MAX_JSON_BYTES {
            return Err(ShareError::TooLarge {
                limit: MAX_JSON_BYTES,
            });
        }
        if b & 0x80 == 0 {
            break;
        }
        if used == 3 {
            // A fourth group of 7 bits would mean at least 2^21 bytes.
            return Err(ShareError::TooLarge {
                limit: MAX_JSON_BYTES,
            });
        }
    }
    let crc = data.get(used..used + 4).ok_or_else(early)?;
    let crc = u32::from_be_bytes([crc[0], crc[1], crc[2], crc[3]]);
    if !mix_ratio_ok(len, data.len()) {
        return Err(ShareError::Damaged("it claims more than it holds".into()));
    }
    let json = mixing::decode(&data[used + 4..], len, mixing_model());
    if crc32(&json) != crc {
        return Err(ShareError::Damaged("checksum mismatch".into()));
    }
    Ok(json)
}

/// The code for `json` under one method (for measuring; use [`encode_json`]).
pub fn encode_json_with(json: &str, method: Compression) -> String {
    format!("{CODE_PREFIX}{}", base45::encode(&payload(json, method)))
}

/// The shortest code for `json`, and the method that made it.
pub fn encode_json(json: &str) -> (String, Compression) {
    Compression::ALL
        .into_iter()
        .map(|m| (payload(json, m), m))
        .filter(|(p, m)| *m != Compression::MixDict2 || mix_ratio_ok(json.len(), p.len() - 1))
        .min_by_key(|(p, _)| p.len())
        .map(|(p, m)| (format!("{CODE_PREFIX}{}", base45::encode(&p)), m))
        .unwrap_or_else(|| (encode_json_with(json, Compression::Zlib), Compression::Zlib))
}

/// The share code of a program (its compact JSON, shortest method).
pub fn share_code(program: &Program) -> String {
    encode_json(&program.to_compact_json()).0
}

/// The program JSON a code carries. Surrounding whitespace is ignored and
/// lower case is read as upper case (codes typed by hand).
pub fn decode_json(code: &str) -> Result<String, ShareError> {
    let code = code.trim();
    if code.is_empty() {
        return Err(ShareError::Empty);
    }
    let chars = code.chars().count();
    if chars > MAX_CODE_CHARS {
        return Err(ShareError::TooLong {
            chars,
            max: MAX_CODE_CHARS,
        });
    }
    let upper = code.to_ascii_uppercase();
    let Some(body) = upper.strip_prefix(CODE_PREFIX) else {
        if looks_like_code(&upper) {
            return Err(ShareError::NewerVersion {
                prefix: upper[..4].to_string(),
            });
        }
        return Err(ShareError::NotACode);
    };
    let bytes = base45::decode(body)?;
    let Some((&tag, data)) = bytes.split_first() else {
        return Err(ShareError::Damaged("it holds no data".into()));
    };
    let method = Compression::from_tag(tag).ok_or(ShareError::UnknownMethod(tag))?;
    let json = match method {
        Compression::Zlib => inflate(data, None)?,
        Compression::ZlibDict1 => inflate(data, Some(dictionary::V1))?,
        Compression::ZlibDict2 => inflate(data, Some(dictionary::V2))?,
        Compression::MixDict2 => unmix(data)?,
    };
    String::from_utf8(json).map_err(|_| ShareError::NotText)
}

/// The program a code carries, validated like any program file.
pub fn decode_program(code: &str) -> Result<Program, ImportError> {
    let json = decode_json(code)?;
    let value = crate::problem::parse_json(&json, MAX_JSON_BYTES)?;
    Ok(validate_program(&value).map_err(DocumentError::Invalid)?)
}

fn deflate(data: &[u8], dict: Option<&[u8]>) -> Vec<u8> {
    let mut c = Compress::new(Level::best(), true);
    if let Some(d) = dict {
        // Setting a dictionary on a fresh stream cannot fail.
        let _ = c.set_dictionary(d);
    }
    let mut out = Vec::with_capacity(data.len() / 2 + 64);
    loop {
        let consumed = c.total_in() as usize;
        if out.len() == out.capacity() {
            out.reserve(out.capacity().max(256));
        }
        match c.compress_vec(&data[consumed..], &mut out, FlushCompress::Finish) {
            Ok(Status::StreamEnd) => break,
            Ok(_) => {}
            Err(_) => break,
        }
    }
    out
}

fn inflate(data: &[u8], dict: Option<&[u8]>) -> Result<Vec<u8>, ShareError> {
    let mut d = Decompress::new(true);
    let mut out: Vec<u8> = Vec::with_capacity((data.len() * 6).min(MAX_JSON_BYTES + 1));
    let mut dictionary_set = false;
    loop {
        if out.len() > MAX_JSON_BYTES {
            return Err(ShareError::TooLarge {
                limit: MAX_JSON_BYTES,
            });
        }
        if out.len() == out.capacity() {
            let more = out.capacity().max(1024).min(MAX_JSON_BYTES + 1 - out.len());
            out.reserve_exact(more);
        }
        let (in_before, out_before) = (d.total_in(), out.len());
        let rest = data.get(d.total_in() as usize..).unwrap_or(&[]);
        match d.decompress_vec(rest, &mut out, FlushDecompress::Finish) {
            Ok(Status::StreamEnd) => break,
            Ok(_) => {
                if d.total_in() == in_before && out.len() == out_before {
                    return Err(ShareError::Damaged("it ends too early".into()));
                }
            }
            Err(e) => match (e.needs_dictionary(), dict) {
                (Some(id), Some(dict)) if !dictionary_set => {
                    if d.set_dictionary(dict).ok() != Some(id) {
                        return Err(ShareError::Damaged(
                            "it was made with an unknown dictionary".into(),
                        ));
                    }
                    dictionary_set = true;
                }
                (Some(_), _) => {
                    return Err(ShareError::Damaged(
                        "it was made with an unknown dictionary".into(),
                    ))
                }
                (None, _) => return Err(ShareError::Damaged(damage_reason(&e.to_string()))),
            },
        }
    }
    if out.len() > MAX_JSON_BYTES {
        return Err(ShareError::TooLarge {
            limit: MAX_JSON_BYTES,
        });
    }
    if (d.total_in() as usize) != data.len() {
        return Err(ShareError::Damaged("extra data after the end".into()));
    }
    Ok(out)
}

fn damage_reason(message: &str) -> String {
    if message.contains("check") {
        "checksum mismatch".into()
    } else {
        "invalid compressed data".into()
    }
}

#[cfg(test)]
mod tests;
