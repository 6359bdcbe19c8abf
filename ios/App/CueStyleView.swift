// How cues are given: voice (the default), tones or vibration only, kept by
// the package's `CueStyleSetting`; the next session plays in the style chosen.

import SwiftUI
import UnknotApp
import UnknotCore

struct CueStyleSection: View {
    @EnvironmentObject private var cueStyle: Observed<CueStyleSetting>

    var body: some View {
        Section {
            Picker("Cue style", selection: cueStyle.binding(\.style)) {
                Text("Voice").tag(CueStyle.voice)
                Text("Tones").tag(CueStyle.tones)
                Text("Vibration only").tag(CueStyle.vibration)
            }
        } header: {
            Text("Cues")
        } footer: {
            switch cueStyle.style {
            case .voice: Text("Each step is spoken, with a chime at a new step or side.")
            case .tones: Text("A rising tone to breathe in, a level tone to hold, a falling tone to breathe out, a chime at a new step or side.")
            case .vibration: Text("Vibration works while the player is on screen; it keeps the screen on.")
            }
        }
    }
}
