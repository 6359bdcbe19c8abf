package app.unknot.audio

import app.unknot.core.CueStyle
import app.unknot.core.cueStyleFromName

/**
 * The cue style setting as it is saved: the core's names (`voice`,
 * `tones`, `vibration`), read back through the core; anything else, or
 * nothing saved, is the default, voice.
 */
object CueStyles {
    /** Every style, in the order the setting offers them. */
    val all: List<CueStyle> = listOf(CueStyle.VOICE, CueStyle.TONES, CueStyle.VIBRATION)

    /** The style a saved [name] stands for. */
    fun of(name: String?): CueStyle = name?.let { cueStyleFromName(it) } ?: CueStyle.VOICE

    /** The name to save for [style] (the one [of] and the core read back). */
    fun nameOf(style: CueStyle): String = when (style) {
        CueStyle.VOICE -> "voice"
        CueStyle.TONES -> "tones"
        CueStyle.VIBRATION -> "vibration"
    }
}
