package app.unknot.app

import app.unknot.core.UnknotException
import app.unknot.core.errorMessage
import java.util.Locale

/** The phone's language (`en`, `es`, `de`, …), as the core's word calls take it. */
fun phoneLang(): String = Locale.getDefault().language

/**
 * The sentence to show for [e]: the core's own, in the phone's language,
 * for the core's errors; the platform's message for an I/O error.
 */
fun errorText(e: Throwable): String = when (e) {
    is UnknotException -> errorMessage(e, phoneLang())
    else -> e.message ?: e.toString()
}
