package app.unknot.app

import androidx.compose.foundation.background
import androidx.compose.foundation.layout.Box
import androidx.compose.material3.MaterialTheme
import androidx.compose.runtime.Composable
import androidx.compose.ui.Modifier
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.semantics.contentDescription
import androidx.compose.ui.semantics.semantics

/**
 * Compiled by tests/android.sh in place of app/src/main/.../QrScanner.kt,
 * whose CameraX and ML Kit libraries no reachable registry serves. Same
 * signature, so the screens around it compile and render unchanged; it
 * shows an empty camera area and never reads a code. Not part of the app.
 */
@Composable
@Suppress("UNUSED_PARAMETER")
fun QrScanner(onCode: (String) -> Unit, onError: (String) -> Unit, modifier: Modifier = Modifier) {
    val description = stringResource(R.string.scan_preview_description)
    Box(modifier.background(MaterialTheme.colorScheme.surfaceVariant).semantics { contentDescription = description })
}
