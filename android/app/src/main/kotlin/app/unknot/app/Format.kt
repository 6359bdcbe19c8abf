package app.unknot.app

import android.content.Context
import androidx.annotation.StringRes
import app.unknot.core.SegmentKind
import app.unknot.core.Side
import app.unknot.core.UnknotException

/**
 * Milliseconds from the core as `m:ss` (or `h:mm:ss`). Rounds up, so a
 * countdown shows 0:01 until the core says the time is over.
 */
fun clockText(ms: Long): String {
    val totalSeconds = (ms.coerceAtLeast(0L) + 999L) / 1000L
    val h = totalSeconds / 3600
    val m = (totalSeconds % 3600) / 60
    val s = totalSeconds % 60
    return if (h > 0) "%d:%02d:%02d".format(h, m, s) else "%d:%02d".format(m, s)
}

/**
 * A vocabulary word from the core (`lower_back`) as display text
 * (`lower back`). The core has no localized labels for these words yet.
 */
fun vocabLabel(word: String): String = word.replace('_', ' ')

/** The label shown (and read by TalkBack) for a segment kind. */
@StringRes
fun kindLabel(kind: SegmentKind): Int = when (kind) {
    SegmentKind.PREPARE -> R.string.kind_prepare
    SegmentKind.REST -> R.string.kind_rest
    SegmentKind.MANUAL -> R.string.kind_manual
    SegmentKind.INHALE -> R.string.kind_inhale
    SegmentKind.HOLD_IN -> R.string.kind_hold_in
    SegmentKind.EXHALE -> R.string.kind_exhale
    SegmentKind.HOLD_OUT -> R.string.kind_hold_out
    SegmentKind.HOLD -> R.string.kind_hold
    SegmentKind.MASSAGE -> R.string.kind_massage
    SegmentKind.WORK -> R.string.kind_work
    SegmentKind.SWITCH -> R.string.kind_switch
}

/** The label for a side of the body. */
@StringRes
fun sideLabel(side: Side): Int = when (side) {
    Side.LEFT -> R.string.side_left
    Side.RIGHT -> R.string.side_right
}

/**
 * A readable message for an error from the core (the generated exception's
 * own message is a debug listing of its fields): every problem of an
 * invalid routine or program with its path and hint, the unknown id, why
 * a saved session cannot be restored, why a share code cannot be read, a
 * date that is not one, why a program cannot be edited as a draft.
 */
fun errorText(context: Context, e: Throwable): String = when (e) {
    is UnknotException.InvalidRoutine -> buildString {
        append(context.getString(R.string.error_invalid_routine))
        for (p in e.problems) {
            append("\n• ").append(p.path).append(": ").append(p.message)
            p.hint?.let { append(" (").append(it).append(')') }
        }
    }
    is UnknotException.InvalidProgram -> buildString {
        append(context.getString(R.string.error_invalid_program))
        for (p in e.problems) {
            append("\n• ").append(p.path).append(": ").append(p.message)
            p.hint?.let { append(" (").append(it).append(')') }
        }
    }
    is UnknotException.NotInProgram -> context.getString(R.string.error_not_in_program, e.id)
    // The core's sentences: what is wrong with the code, and the journal's refusals.
    is UnknotException.BadShareCode -> e.reason
    is UnknotException.InvalidSession -> e.problems.joinToString("\n")
    is UnknotException.UnknownRoutine -> context.getString(R.string.error_unknown_routine, e.id)
    is UnknotException.BadSnapshot -> context.getString(R.string.error_bad_snapshot, e.reason)
    // The core's sentence, which names the date.
    is UnknotException.BadDate -> e.reason
    // The core's sentence: which routine is written out in full, and what to do.
    is UnknotException.NotEditable -> e.reason
    else -> e.message ?: e.toString()
}
