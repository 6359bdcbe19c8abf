package app.unknot.app

import android.app.Activity
import android.content.Context
import android.content.ContextWrapper
import android.view.WindowManager
import androidx.activity.compose.BackHandler
import androidx.compose.foundation.Canvas
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Box
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.displayCutoutPadding
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.heightIn
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.layout.systemBarsPadding
import androidx.compose.material3.Button
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Surface
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.DisposableEffect
import androidx.compose.runtime.remember
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.geometry.Offset
import androidx.compose.ui.geometry.Size
import androidx.compose.ui.graphics.Color
import androidx.compose.ui.platform.LocalContext
import androidx.compose.ui.platform.LocalView
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.semantics.contentDescription
import androidx.compose.ui.semantics.heading
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.text.style.TextAlign
import androidx.compose.ui.unit.dp
import app.unknot.core.QrMatrixRecord
import app.unknot.core.UnknotException
import app.unknot.core.qrMatrix
import kotlin.math.floor
import kotlin.math.min

/** Light modules around the code on every side, as `QrMatrixRecord` asks (the QR standard's quiet zone). */
private const val QUIET_ZONE = 4

/**
 * A program's share code as a QR code filling the screen, for the
 * patient's phone to scan across the desk: black on white whatever the
 * theme, the screen at full brightness and kept on while it shows. The
 * modules come from the core ([qrMatrix]); [onClose] (or Back) returns.
 */
@Composable
fun ProgramQrScreen(code: String, title: String, onClose: () -> Unit) {
    val context = LocalContext.current
    val matrix = remember(code) {
        try {
            Result.success(qrMatrix(code))
        } catch (e: UnknotException) {
            Result.failure(e)
        }
    }
    BackHandler(onBack = onClose)
    BrightAndAwake()
    Surface(color = Color.White, contentColor = Color.Black, modifier = Modifier.fillMaxSize()) {
        Column(
            modifier = Modifier.fillMaxSize().systemBarsPadding().displayCutoutPadding().padding(16.dp),
            horizontalAlignment = Alignment.CenterHorizontally,
            verticalArrangement = Arrangement.spacedBy(16.dp),
        ) {
            Text(
                title,
                style = MaterialTheme.typography.headlineSmall,
                textAlign = TextAlign.Center,
                modifier = Modifier.semantics { heading() },
            )
            Text(
                stringResource(R.string.qr_hint),
                style = MaterialTheme.typography.bodyLarge,
                textAlign = TextAlign.Center,
            )
            Box(Modifier.weight(1f).fillMaxWidth(), contentAlignment = Alignment.Center) {
                val m = matrix.getOrNull()
                if (m != null) {
                    QrCode(m, stringResource(R.string.qr_description, title), Modifier.fillMaxSize())
                } else {
                    val why = matrix.exceptionOrNull()?.let { errorText(it) }.orEmpty()
                    Text(stringResource(R.string.qr_failed, why), color = MaterialTheme.colorScheme.error)
                }
            }
            Button(onClick = onClose, modifier = Modifier.fillMaxWidth().heightIn(min = 64.dp)) {
                Text(stringResource(R.string.done), style = MaterialTheme.typography.titleLarge)
            }
        }
    }
}

/**
 * [matrix] drawn as the largest square that fits, with its quiet zone,
 * each module a whole number of pixels where the space allows (sharp
 * edges scan better than blended ones). Dark modules in a row are drawn
 * as one rectangle.
 */
@Composable
private fun QrCode(matrix: QrMatrixRecord, description: String, modifier: Modifier) {
    val n = matrix.size
    val dark = remember(matrix) { matrix.modules.toBooleanArray() }
    Canvas(modifier.semantics { contentDescription = description }) {
        val total = n + 2 * QUIET_ZONE
        val fit = min(size.width, size.height) / total
        val module = if (fit >= 1f) floor(fit) else fit
        val side = module * total
        val left = floor((size.width - side) / 2f)
        val top = floor((size.height - side) / 2f)
        drawRect(Color.White, topLeft = Offset(left, top), size = Size(side, side))
        for (y in 0 until n) {
            var x = 0
            while (x < n) {
                if (!dark[y * n + x]) {
                    x++
                    continue
                }
                val start = x
                while (x < n && dark[y * n + x]) x++
                drawRect(
                    Color.Black,
                    topLeft = Offset(left + (QUIET_ZONE + start) * module, top + (QUIET_ZONE + y) * module),
                    size = Size((x - start) * module, module),
                )
            }
        }
    }
}

/**
 * While in the composition: the window at full brightness (a dim screen
 * is hard for another phone's camera to read) and the screen kept on;
 * both are put back when it leaves.
 */
@Composable
private fun BrightAndAwake() {
    val context = LocalContext.current
    val view = LocalView.current
    DisposableEffect(context, view) {
        val window = context.findActivity()?.window
        // The window's own setting before (usually "follow the system").
        val brightness = window?.attributes?.screenBrightness
        if (window != null) {
            window.attributes = window.attributes.also {
                it.screenBrightness = WindowManager.LayoutParams.BRIGHTNESS_OVERRIDE_FULL
            }
        }
        val keptOn = view.keepScreenOn
        view.keepScreenOn = true
        onDispose {
            if (window != null && brightness != null) {
                window.attributes = window.attributes.also { it.screenBrightness = brightness }
            }
            view.keepScreenOn = keptOn
        }
    }
}

/** The activity behind a Compose context (which may be wrapped). */
private tailrec fun Context.findActivity(): Activity? = when (this) {
    is Activity -> this
    is ContextWrapper -> baseContext.findActivity()
    else -> null
}
