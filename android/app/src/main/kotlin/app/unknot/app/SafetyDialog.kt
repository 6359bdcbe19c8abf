package app.unknot.app

import android.content.Context
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Spacer
import androidx.compose.foundation.layout.height
import androidx.compose.foundation.rememberScrollState
import androidx.compose.foundation.verticalScroll
import androidx.compose.material3.AlertDialog
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.ui.Modifier
import androidx.compose.ui.unit.dp
import app.unknot.core.SafetyScreen

/** Remembers which version of the core's safety screen the person accepted. */
object SafetyAcceptance {
    private const val PREFS = "unknot"
    private const val KEY = "safety_accepted_version"

    /** True once [version] (or a later one) was accepted. */
    fun isAccepted(context: Context, version: Int): Boolean =
        context.getSharedPreferences(PREFS, Context.MODE_PRIVATE).getInt(KEY, 0) >= version

    /** Records that [version] was accepted. */
    fun accept(context: Context, version: Int) {
        context.getSharedPreferences(PREFS, Context.MODE_PRIVATE).edit().putInt(KEY, version).apply()
    }
}

/**
 * The general safety screen, in the core's words, shown before the first
 * session and again whenever the core's screen gets a new version. It can
 * only be closed by accepting it.
 */
@Composable
fun SafetyDialog(screen: SafetyScreen, onAccept: () -> Unit) {
    AlertDialog(
        onDismissRequest = { },
        title = { Text(screen.title) },
        text = {
            Column(Modifier.verticalScroll(rememberScrollState())) {
                Text(screen.intro)
                Spacer(Modifier.height(12.dp))
                screen.doNot.forEach { Text("• $it") }
                Spacer(Modifier.height(12.dp))
                screen.stopIf.forEach { Text("• $it") }
                Spacer(Modifier.height(12.dp))
                Text(screen.seeSomeone)
            }
        },
        confirmButton = { TextButton(onClick = onAccept) { Text(screen.accept) } },
    )
}
