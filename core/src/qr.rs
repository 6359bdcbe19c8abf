//! QR codes of share codes, at error correction level M.
//!
//! Share codes use only the QR alphanumeric alphabet, so the code is one
//! alphanumeric segment. The core returns the module matrix so that apps
//! draw the code natively, and renders SVG and terminal text; PNG lives in
//! the command-line tool.

use qrcode::render::{svg, unicode};
use qrcode::{EcLevel, QrCode, Version};
use serde::Serialize;

/// The largest QR version.
pub const MAX_VERSION: u32 = 40;
/// Most characters one QR code holds in alphanumeric mode at level M.
pub const MAX_CODE_CHARS_M: usize = 3391;

/// A QR code as a grid of modules.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct QrMatrix {
    /// QR version, 1 to 40.
    pub version: u32,
    /// Modules per side (17 + 4 × version), without the quiet zone.
    pub size: u32,
    /// `size × size` modules, row by row from the top; `true` is dark.
    pub modules: Vec<bool>,
}

impl QrMatrix {
    /// Whether the module at column `x`, row `y` is dark (outside: light).
    pub fn dark(&self, x: u32, y: u32) -> bool {
        x < self.size
            && y < self.size
            && self
                .modules
                .get((y * self.size + x) as usize)
                .copied()
                .unwrap_or(false)
    }
}

/// Why a code cannot be drawn as one QR code.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum QrError {
    /// The code is longer than a QR code holds.
    #[error("the program is too large for one QR code ({chars} characters; a code holds at most {max}); share the .unknot file instead")]
    TooLarge {
        /// Length of the code.
        chars: usize,
        /// What a version 40 code holds at level M.
        max: usize,
    },
}

fn too_large(code: &str) -> QrError {
    QrError::TooLarge {
        chars: code.chars().count(),
        max: MAX_CODE_CHARS_M,
    }
}

fn qr(code: &str) -> Result<QrCode, QrError> {
    QrCode::with_error_correction_level(code.as_bytes(), EcLevel::M).map_err(|_| too_large(code))
}

fn version_number(v: Version) -> u32 {
    match v {
        Version::Normal(n) | Version::Micro(n) => n.max(0) as u32,
    }
}

/// The QR version a code needs at level M.
///
/// Only encodes the data (the smallest version it fits), without laying
/// out the modules or choosing a mask: a fraction of drawing the code.
pub fn qr_version(code: &str) -> Result<u32, QrError> {
    qrcode::bits::encode_auto(code.as_bytes(), EcLevel::M)
        .map(|bits| version_number(bits.version()))
        .map_err(|_| too_large(code))
}

/// The module matrix of a code's QR code.
pub fn qr_matrix(code: &str) -> Result<QrMatrix, QrError> {
    let q = qr(code)?;
    let size = q.width() as u32;
    let modules = q
        .to_colors()
        .into_iter()
        .map(|c| c == qrcode::Color::Dark)
        .collect();
    Ok(QrMatrix {
        version: version_number(q.version()),
        size,
        modules,
    })
}

/// The QR code as a standalone SVG image, `module_px` pixels a module,
/// with the standard quiet zone.
pub fn qr_svg(code: &str, module_px: u32) -> Result<String, QrError> {
    let q = qr(code)?;
    let px = module_px.max(1);
    Ok(q.render::<svg::Color<'_>>()
        .module_dimensions(px, px)
        .dark_color(svg::Color("#000000"))
        .light_color(svg::Color("#ffffff"))
        .build())
}

/// The QR code as terminal text, two module rows per line with Unicode half
/// blocks, dark modules drawn dark on a light background.
pub fn qr_terminal(code: &str) -> Result<String, QrError> {
    let q = qr(code)?;
    Ok(q.render::<unicode::Dense1x2>()
        .dark_color(unicode::Dense1x2::Dark)
        .light_color(unicode::Dense1x2::Light)
        .build())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matrix_matches_version() {
        let m = qr_matrix("UK1:ABC").unwrap();
        assert_eq!(m.version, 1);
        assert_eq!(m.size, 21);
        assert_eq!(m.modules.len(), 21 * 21);
        // The finder pattern's corner modules are dark, the separator light.
        assert!(m.dark(0, 0) && m.dark(6, 6) && !m.dark(7, 7));
        assert!(!m.dark(21, 0));
    }

    #[test]
    fn the_version_alone_is_the_version_of_the_drawn_code() {
        // Around every version boundary and across the range.
        for len in (1..=MAX_CODE_CHARS_M).step_by(157).chain([311, 312, 3391]) {
            let code = format!("UK1:{}", "7".repeat(len.saturating_sub(4)));
            let drawn = qr_matrix(&code).map(|m| m.version);
            assert_eq!(qr_version(&code), drawn, "{len} characters");
        }
    }

    #[test]
    fn capacity_at_level_m() {
        let fits = "A".repeat(MAX_CODE_CHARS_M);
        assert_eq!(qr_version(&fits), Ok(40));
        let over = "A".repeat(MAX_CODE_CHARS_M + 1);
        assert!(matches!(qr_version(&over), Err(QrError::TooLarge { .. })));
    }

    #[test]
    fn renders_svg_and_terminal() {
        let svg = qr_svg("UK1:ABC", 4).unwrap();
        assert!(svg.starts_with("<?xml") && svg.contains("<svg"), "{svg}");
        let t = qr_terminal("UK1:ABC").unwrap();
        // 21 modules + 2 × 4 quiet zone = 29 rows, two per line.
        assert_eq!(t.lines().count(), 15);
        assert!(t.contains('█') || t.contains('▀') || t.contains('▄'));
    }
}
