// A program's share code as a full-screen QR code, drawn as the package's
// `QRCodeLayout` places the core's modules; the package's `ScreenWake`
// keeps the screen bright and awake while it is shown.

import SwiftUI
import UnknotApp
import UnknotCore

/// The QR code of `code` on white, filling the screen, with a Done button.
struct QRCodeScreen: View {
    let qr: QRCodeModel
    @Environment(\.dismiss) private var dismiss
    @Environment(\.scenePhase) private var scenePhase
    @State private var wake = ScreenWake { SystemScreen.current() }

    init(code: String, title: String) { qr = QRCodeModel(code: code, title: title) }

    var body: some View {
        VStack(spacing: 20) {
            Text(qr.title)
                .font(.title2.bold())
                .multilineTextAlignment(.center)
                .accessibilityAddTraits(.isHeader)
            switch qr.matrix {
            case .success(let m):
                QRCodeView(matrix: m)
                    .accessibilityElement(children: .ignore)
                    .accessibilityLabel(Text("QR code of the program"))
                    .accessibilityAddTraits(.isImage)
            case .failure(let e):
                Text(e.text).foregroundStyle(.red)
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

/// The layout's rectangles on a Canvas: dark modules black on white.
struct QRCodeView: View {
    let matrix: QrMatrixRecord
    @Environment(\.displayScale) private var displayScale

    var body: some View {
        Canvas { context, size in
            guard let layout = QRCodeLayout(matrix: matrix, width: size.width, height: size.height,
                                            scale: displayScale) else { return }
            func rect(_ r: QRRect) -> CGRect { CGRect(x: r.x, y: r.y, width: r.width, height: r.height) }
            context.fill(Path(rect(layout.background)), with: .color(.white))
            var dark = Path()
            for r in layout.dark { dark.addRect(rect(r)) }
            context.fill(dark, with: .color(.black), style: FillStyle(antialiased: false))
        }
        .aspectRatio(1, contentMode: .fit)
    }
}
