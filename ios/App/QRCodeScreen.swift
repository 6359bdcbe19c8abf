// A program's share code as a full-screen QR code for the patient's phone
// to scan: drawn from the core's module matrix (`qrMatrix`) with the quiet
// zone of four light modules the matrix asks for, each module a whole
// number of pixels so nothing is blurred. While it is shown the screen is
// at full brightness and does not lock; both are put back as they were
// when it closes or the app leaves the foreground.

import SwiftUI
import UIKit
import UnknotCore

/// The QR code of `code` on white, filling the screen, with a Done button.
struct QRCodeScreen: View {
    let code: String
    let title: String
    @Environment(\.dismiss) private var dismiss
    @Environment(\.scenePhase) private var scenePhase
    @State private var wake = ScreenWake()

    var body: some View {
        let matrix = Result { try qrMatrix(code: code) }
        VStack(spacing: 20) {
            Text(title)
                .font(.title2.bold())
                .multilineTextAlignment(.center)
                .accessibilityAddTraits(.isHeader)
            switch matrix {
            case .success(let m):
                QRCodeView(matrix: m)
                    .accessibilityElement(children: .ignore)
                    .accessibilityLabel(Text("QR code of the program"))
                    .accessibilityAddTraits(.isImage)
            case .failure(let e):
                Text(errorText(e)).foregroundStyle(.red)
            }
            Text("On the patient's phone: open Unknot, go to Program and choose Scan QR code.")
                .multilineTextAlignment(.center)
            Button { dismiss() } label: {
                Text("Done").font(.title2.bold()).frame(maxWidth: .infinity, minHeight: 56)
            }
            .buttonStyle(.borderedProminent)
        }
        .padding()
        .frame(maxWidth: .infinity, maxHeight: .infinity)
        .background { Color.white.ignoresSafeArea() }
        // Dark text on the white page in dark mode too.
        .environment(\.colorScheme, .light)
        .onAppear { wake.raise() }
        .onDisappear { wake.restore() }
        .onChange(of: scenePhase) { _, phase in
            if phase == .active { wake.raise() } else { wake.restore() }
        }
    }
}

/// A QR module matrix drawn on a Canvas: dark modules black, the code and
/// its quiet zone white, modules aligned to device pixels.
struct QRCodeView: View {
    let matrix: QrMatrixRecord
    @Environment(\.displayScale) private var displayScale

    /// Light modules around the code on every side.
    static let quietModules = 4

    var body: some View {
        Canvas { context, size in
            let n = Int(matrix.size)
            guard n > 0, matrix.modules.count == n * n else { return }
            let quiet = Self.quietModules
            let cells = CGFloat(n + 2 * quiet)
            let scale = max(displayScale, 1)
            // Whole pixels per module (at least one), and a pixel-aligned origin.
            let module = max((min(size.width, size.height) / cells * scale).rounded(.down), 1) / scale
            let side = module * cells
            let x0 = ((size.width - side) / 2 * scale).rounded(.down) / scale
            let y0 = ((size.height - side) / 2 * scale).rounded(.down) / scale
            context.fill(Path(CGRect(x: x0, y: y0, width: side, height: side)), with: .color(.white))
            var dark = Path()
            for row in 0..<n {
                for col in 0..<n where matrix.modules[row * n + col] {
                    dark.addRect(CGRect(x: x0 + CGFloat(col + quiet) * module,
                                        y: y0 + CGFloat(row + quiet) * module,
                                        width: module, height: module))
                }
            }
            context.fill(dark, with: .color(.black), style: FillStyle(antialiased: false))
        }
        .aspectRatio(1, contentMode: .fit)
    }
}

/// Full screen brightness and no auto-lock while raised; `restore` puts
/// back the brightness and idle timer found when it was raised.
@MainActor final class ScreenWake {
    private var screen: UIScreen?
    private var brightness: CGFloat = 1
    private var idleTimerWasDisabled = false
    private var raised = false

    nonisolated init() {}

    func raise() {
        guard !raised else { return }
        raised = true
        let app = UIApplication.shared
        idleTimerWasDisabled = app.isIdleTimerDisabled
        app.isIdleTimerDisabled = true
        let scene = app.connectedScenes
            .compactMap { $0 as? UIWindowScene }
            .first { $0.activationState == .foregroundActive }
        screen = scene?.screen
        if let screen {
            brightness = screen.brightness
            screen.brightness = 1
        }
    }

    func restore() {
        guard raised else { return }
        raised = false
        UIApplication.shared.isIdleTimerDisabled = idleTimerWasDisabled
        screen?.brightness = brightness
        screen = nil
    }
}
