package app.unknot.app

import android.content.Context
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.horizontalScroll
import androidx.compose.foundation.rememberScrollState
import androidx.compose.material3.FilterChip
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.setValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.platform.LocalContext
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.unit.dp
import app.unknot.audio.CueStyles
import app.unknot.core.CueStyle

/** The cue style setting, kept in the app's preferences under the core's names. */
object CueSettings {
    private const val FILE = "settings"
    private const val KEY = "cue_style"

    /** The style cues are given in (voice until the person picks another). */
    fun style(context: Context): CueStyle =
        CueStyles.of(context.getSharedPreferences(FILE, Context.MODE_PRIVATE).getString(KEY, null))

    /** Keeps [style] for this and every later session. */
    fun save(context: Context, style: CueStyle) {
        context.getSharedPreferences(FILE, Context.MODE_PRIVATE).edit()
            .putString(KEY, CueStyles.nameOf(style))
            .apply()
    }
}

/**
 * The cue style setting: voice, tones or vibration only. A change applies
 * from the next cue of a running session on.
 */
@Composable
fun CueStyleChooser(modifier: Modifier = Modifier) {
    val context = LocalContext.current
    var chosen by remember { mutableStateOf(CueSettings.style(context)) }
    Column(modifier.fillMaxWidth()) {
        Text(stringResource(R.string.cue_style_title), style = MaterialTheme.typography.titleMedium)
        Row(
            Modifier.horizontalScroll(rememberScrollState()),
            horizontalArrangement = Arrangement.spacedBy(8.dp),
        ) {
            for (style in CueStyles.all) {
                FilterChip(
                    selected = style == chosen,
                    onClick = {
                        chosen = style
                        CueSettings.save(context, style)
                    },
                    label = { Text(stringResource(styleLabel(style))) },
                )
            }
        }
    }
}

private fun styleLabel(style: CueStyle): Int = when (style) {
    CueStyle.VOICE -> R.string.cue_style_voice
    CueStyle.TONES -> R.string.cue_style_tones
    CueStyle.VIBRATION -> R.string.cue_style_vibration
}
