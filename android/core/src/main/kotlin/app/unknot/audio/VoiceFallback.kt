package app.unknot.audio

/**
 * What `TextToSpeech.setLanguage` answered for the person's language, and
 * what follows from it: speak in that language, or fall back to the
 * engine's default voice and tell the person once.
 *
 * The codes are the framework's `TextToSpeech.LANG_*` values, repeated
 * here so the decision runs on a plain JVM.
 */
enum class VoiceOutcome {
    /** The person's language is spoken. */
    LANGUAGE,

    /** The language has no voice (missing data or unsupported): the default voice speaks. */
    DEFAULT_VOICE;

    companion object {
        /** `TextToSpeech.LANG_MISSING_DATA`. */
        const val LANG_MISSING_DATA = -1

        /** `TextToSpeech.LANG_NOT_SUPPORTED`. */
        const val LANG_NOT_SUPPORTED = -2

        /** The outcome of `setLanguage`'s [result]; any other code (available, country, variant) speaks the language. */
        fun of(result: Int): VoiceOutcome =
            if (result == LANG_MISSING_DATA || result == LANG_NOT_SUPPORTED) DEFAULT_VOICE else LANGUAGE
    }
}

/**
 * Says "no voice for your language" once per app run, however many
 * sessions find the voice missing: [report] returns true only the first
 * time a fallback is reported, and [fellBack] stays true for the UI.
 */
class VoiceNotice {
    /** Whether any session so far fell back to the default voice. */
    @Volatile
    var fellBack: Boolean = false
        private set

    private var told = false

    /** Records [outcome]; true when the person should be told now (the first fallback). */
    @Synchronized
    fun report(outcome: VoiceOutcome): Boolean {
        if (outcome != VoiceOutcome.DEFAULT_VOICE) return false
        fellBack = true
        if (told) return false
        told = true
        return true
    }
}
