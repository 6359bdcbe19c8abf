// A program's share code as a QR code for the patient's phone to scan:
// where each module of the core's matrix (`qrMatrix`) goes on screen, with
// the quiet zone of four light modules the matrix asks for and each module
// a whole number of pixels so nothing is blurred; and the screen kept at
// full brightness and awake while it is shown.

import Foundation
import UnknotCore

/// A rectangle in points.
public struct QRRect: Equatable, Sendable {
    public let x: Double, y: Double, width: Double, height: Double
}

/// The layout of a QR matrix in a square of the view.
public struct QRCodeLayout: Equatable, Sendable {
    /// Light modules around the code on every side.
    public static let quietModules = 4

    /// The white square (code and quiet zone).
    public let background: QRRect
    /// One rectangle per dark module.
    public let dark: [QRRect]
    /// The side of one module, in points.
    public let module: Double

    /// Lays out `matrix` centred in `width` × `height` points at `scale`
    /// pixels a point; nil when the matrix is malformed.
    public init?(matrix: QrMatrixRecord, width: Double, height: Double, scale: Double) {
        let n = Int(matrix.size)
        guard n > 0, matrix.modules.count == n * n else { return nil }
        let quiet = Self.quietModules
        let cells = Double(n + 2 * quiet)
        let scale = max(scale, 1)
        // Whole pixels per module (at least one), and a pixel-aligned origin.
        let module = max((min(width, height) / cells * scale).rounded(.down), 1) / scale
        let side = module * cells
        let x0 = ((width - side) / 2 * scale).rounded(.down) / scale
        let y0 = ((height - side) / 2 * scale).rounded(.down) / scale
        self.module = module
        background = QRRect(x: x0, y: y0, width: side, height: side)
        var dark: [QRRect] = []
        for row in 0..<n {
            for col in 0..<n where matrix.modules[row * n + col] {
                dark.append(QRRect(x: x0 + Double(col + quiet) * module, y: y0 + Double(row + quiet) * module,
                                   width: module, height: module))
            }
        }
        self.dark = dark
    }
}

/// The QR screen: the core's matrix of the code, or why there is none.
@MainActor
public final class QRCodeModel {
    public let code: String
    public let title: String
    public let matrix: Result<QrMatrixRecord, ErrorReport>

    public init(code: String, title: String) {
        self.code = code
        self.title = title
        matrix = Result { try qrMatrix(code: code) }.mapError(ErrorReport.init)
    }
}

/// Full screen brightness and no auto-lock while raised; `restore` puts
/// back the brightness and idle timer found when it was raised.
@MainActor
public final class ScreenWake {
    private let screen: () -> ScreenControl?
    private var raisedOn: ScreenControl?
    private var brightness: Double = 1
    private var idleTimerWasDisabled = false
    public private(set) var raised = false

    /// `screen` finds the screen in use when raising (nil when there is none).
    public init(screen: @escaping () -> ScreenControl?) { self.screen = screen }

    public func raise() {
        guard !raised, let s = screen() else { return }
        raised = true
        raisedOn = s
        idleTimerWasDisabled = s.idleTimerDisabled
        brightness = s.brightness
        s.idleTimerDisabled = true
        s.brightness = 1
    }

    public func restore() {
        guard raised, let s = raisedOn else { return }
        raised = false
        s.idleTimerDisabled = idleTimerWasDisabled
        s.brightness = brightness
        raisedOn = nil
    }
}

/// What the QR scanner hands over: the first text the core takes for a
/// share code; everything after it, and anything that is not one, is ignored.
@MainActor
public final class ScannedCode {
    public private(set) var delivered: String?

    public init() {}

    /// The code to import from `text` just scanned, or nil to keep scanning.
    public func accept(_ text: String?) -> String? {
        guard delivered == nil, let text, looksLikeShareCode(text: text) else { return nil }
        delivered = text
        return text
    }
}
