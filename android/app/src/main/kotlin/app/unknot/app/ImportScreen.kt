package app.unknot.app

import android.Manifest
import android.content.ActivityNotFoundException
import android.content.Context
import android.content.Intent
import android.content.pm.PackageManager
import android.net.Uri
import android.provider.Settings
import androidx.activity.compose.BackHandler
import androidx.activity.compose.rememberLauncherForActivityResult
import androidx.activity.result.contract.ActivityResultContracts
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Box
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.PaddingValues
import androidx.compose.foundation.layout.displayCutoutPadding
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.heightIn
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.layout.systemBarsPadding
import androidx.compose.foundation.lazy.LazyColumn
import androidx.compose.foundation.lazy.items
import androidx.compose.foundation.rememberScrollState
import androidx.compose.foundation.verticalScroll
import androidx.compose.material3.Button
import androidx.compose.material3.Card
import androidx.compose.material3.CardDefaults
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.saveable.rememberSaveable
import androidx.compose.runtime.setValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.platform.LocalContext
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.semantics.LiveRegionMode
import androidx.compose.ui.semantics.heading
import androidx.compose.ui.semantics.liveRegion
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.unit.dp
import androidx.core.content.ContextCompat
import app.unknot.core.ProgramDetails
import app.unknot.core.UnknotException
import app.unknot.core.importProgram
import app.unknot.core.painRuleText
import app.unknot.core.parseProgram
import java.io.IOException
import app.unknot.core.durationText

/**
 * How much of an opened file is read: one byte more than the core's
 * import takes (1 MiB), so a larger file reaches `importProgram` too large
 * and the core refuses it with its own sentence, without the whole file
 * in memory.
 */
private const val READ_LIMIT_BYTES = (1 shl 20) + 1

/**
 * Reads a `.unknot` file (or a text file holding a share code) opened
 * from [uri], at most [READ_LIMIT_BYTES], for `importProgram`. Throws
 * [IOException] when it cannot be read.
 */
fun readProgramFile(context: Context, uri: Uri): String {
    val input = context.contentResolver.openInputStream(uri) ?: throw IOException(uri.toString())
    return input.use { it.readNBytesCompat(READ_LIMIT_BYTES) }.toString(Charsets.UTF_8)
}

// InputStream.readNBytes needs API 33; minSdk is 26.
private fun java.io.InputStream.readNBytesCompat(limit: Int): ByteArray {
    val out = java.io.ByteArrayOutputStream()
    val buffer = ByteArray(8192)
    while (out.size() < limit) {
        val n = read(buffer, 0, minOf(buffer.size, limit - out.size()))
        if (n < 0) break
        out.write(buffer, 0, n)
    }
    return out.toByteArray()
}

/**
 * Adding a home program: scan the therapist's QR code (where the phone has
 * a camera), paste the code or open a `.unknot` file ([onOpenFile]);
 * [onPreview] gets the program JSON to show before it is accepted. A
 * scanned code takes the same way as a pasted one. The camera permission
 * is asked for on the first scan; when it is refused the screen says why
 * it was wanted and the other two ways stay.
 */
@Composable
fun ImportScreen(onBack: () -> Unit, onOpenFile: () -> Unit, onPreview: (String) -> Unit) {
    val context = LocalContext.current
    var code by rememberSaveable { mutableStateOf("") }
    var error by rememberSaveable { mutableStateOf<String?>(null) }
    var scanning by rememberSaveable { mutableStateOf(false) }
    var cameraRefused by rememberSaveable { mutableStateOf(false) }
    val hasCamera = remember(context) { context.packageManager.hasSystemFeature(PackageManager.FEATURE_CAMERA_ANY) }
    val askCamera = rememberLauncherForActivityResult(ActivityResultContracts.RequestPermission()) { granted ->
        cameraRefused = !granted
        scanning = granted
    }

    // A pasted or scanned code: the program it carries, or why it cannot be read.
    fun readCode(text: String) {
        try {
            onPreview(importProgram(text, phoneLang()).programJson)
        } catch (e: UnknotException) {
            error = errorText(e)
        }
    }

    if (scanning) {
        BackHandler { scanning = false }
        ScanPanel(
            onCode = { text ->
                scanning = false
                // Kept in the field, so a code the core refuses can be seen and scanned again.
                code = text
                readCode(text)
            },
            onError = { message ->
                scanning = false
                error = message
            },
            onCancel = { scanning = false },
        )
        return
    }

    Column(
        modifier = Modifier.fillMaxSize().verticalScroll(rememberScrollState()).padding(16.dp),
        verticalArrangement = Arrangement.spacedBy(12.dp),
    ) {
        TextButton(onClick = onBack) { Text(stringResource(R.string.back)) }
        Text(
            stringResource(R.string.import_title),
            style = MaterialTheme.typography.headlineLarge,
            modifier = Modifier.semantics { heading() },
        )
        if (hasCamera) {
            Button(
                onClick = {
                    error = null
                    if (ContextCompat.checkSelfPermission(context, Manifest.permission.CAMERA) ==
                        PackageManager.PERMISSION_GRANTED
                    ) {
                        cameraRefused = false
                        scanning = true
                    } else {
                        askCamera.launch(Manifest.permission.CAMERA)
                    }
                },
                modifier = Modifier.fillMaxWidth().heightIn(min = 64.dp),
            ) { Text(stringResource(R.string.import_scan), style = MaterialTheme.typography.titleLarge) }
            if (cameraRefused) CameraRefused()
        }
        OutlinedTextField(
            value = code,
            onValueChange = {
                code = it
                error = null
            },
            label = { Text(stringResource(R.string.import_paste_hint)) },
            minLines = 3,
            modifier = Modifier.fillMaxWidth(),
        )
        error?.let {
            Text(
                it,
                color = MaterialTheme.colorScheme.error,
                modifier = Modifier.semantics { liveRegion = LiveRegionMode.Polite },
            )
        }
        Button(
            onClick = { readCode(code) },
            enabled = code.isNotBlank(),
            modifier = Modifier.fillMaxWidth().heightIn(min = 56.dp),
        ) { Text(stringResource(R.string.import_check)) }
        OutlinedButton(onClick = onOpenFile, modifier = Modifier.fillMaxWidth().heightIn(min = 56.dp)) {
            Text(stringResource(R.string.import_open_file))
        }
    }
}

/**
 * Why the camera was wanted, after the person said no: the code can be
 * pasted or the file opened instead, or the camera allowed in the app's
 * settings (the only place left once Android stops asking).
 */
@Composable
private fun CameraRefused() {
    val context = LocalContext.current
    Card(colors = CardDefaults.cardColors(containerColor = MaterialTheme.colorScheme.secondaryContainer)) {
        Column(Modifier.padding(16.dp), verticalArrangement = Arrangement.spacedBy(8.dp)) {
            Text(stringResource(R.string.scan_refused), style = MaterialTheme.typography.bodyLarge)
            TextButton(
                onClick = {
                    val settings = Intent(
                        Settings.ACTION_APPLICATION_DETAILS_SETTINGS,
                        Uri.fromParts("package", context.packageName, null),
                    )
                    try {
                        context.startActivity(settings)
                    } catch (e: ActivityNotFoundException) {
                        // No settings screen to open: the text above still says what to do.
                    }
                },
                modifier = Modifier.heightIn(min = 48.dp),
            ) { Text(stringResource(R.string.open_settings)) }
        }
    }
}

/**
 * The camera at work: what to do, the picture (as much of the screen as is
 * left) and a large cancel button. [onCode] gets the first share code seen.
 */
@Composable
private fun ScanPanel(onCode: (String) -> Unit, onError: (String) -> Unit, onCancel: () -> Unit) {
    Column(
        modifier = Modifier.fillMaxSize().systemBarsPadding().displayCutoutPadding().padding(16.dp),
        verticalArrangement = Arrangement.spacedBy(12.dp),
    ) {
        Text(
            stringResource(R.string.scan_title),
            style = MaterialTheme.typography.headlineLarge,
            modifier = Modifier.semantics { heading() },
        )
        Text(stringResource(R.string.scan_hint), style = MaterialTheme.typography.bodyLarge)
        Box(Modifier.weight(1f).fillMaxWidth()) {
            QrScanner(onCode = onCode, onError = onError, modifier = Modifier.fillMaxSize())
        }
        OutlinedButton(onClick = onCancel, modifier = Modifier.fillMaxWidth().heightIn(min = 64.dp)) {
            Text(stringResource(R.string.cancel), style = MaterialTheme.typography.titleLarge)
        }
    }
}

/**
 * A program before it is accepted: who it is from and for, its dates, the
 * therapist's notes and cautions, the pain limit and its routines, all as
 * the core parsed them. [onAccept] makes it the active program.
 */
@Composable
fun ProgramPreviewScreen(json: String, lang: String, onAccept: () -> Unit, onCancel: () -> Unit) {
    val context = LocalContext.current
    val loaded = remember(json, lang) {
        try {
            Result.success(parseProgram(json, lang))
        } catch (e: UnknotException) {
            Result.failure(e)
        }
    }
    val program = loaded.getOrNull()
    LazyColumn(
        modifier = Modifier.fillMaxSize(),
        contentPadding = PaddingValues(16.dp),
        verticalArrangement = Arrangement.spacedBy(12.dp),
    ) {
        item { TextButton(onClick = onCancel) { Text(stringResource(R.string.back)) } }
        if (program == null) {
            item {
                val why = loaded.exceptionOrNull()?.let { errorText(it) }.orEmpty()
                Text(why, color = MaterialTheme.colorScheme.error)
            }
            return@LazyColumn
        }
        item { Header(program) }
        if (program.notes.isNotBlank()) {
            item {
                Text(
                    stringResource(R.string.preview_notes),
                    style = MaterialTheme.typography.titleLarge,
                    modifier = Modifier.semantics { heading() },
                )
                Text(program.notes, style = MaterialTheme.typography.bodyLarge)
            }
        }
        item {
            Card(colors = CardDefaults.cardColors(containerColor = MaterialTheme.colorScheme.errorContainer)) {
                Column(Modifier.padding(16.dp), verticalArrangement = Arrangement.spacedBy(6.dp)) {
                    Text(
                        stringResource(R.string.cautions),
                        style = MaterialTheme.typography.titleLarge,
                        modifier = Modifier.semantics { heading() },
                    )
                    program.cautions.forEach { Text("• $it", style = MaterialTheme.typography.bodyLarge) }
                    Text(
                        painRuleText(program.painStopAbove, lang),
                        style = MaterialTheme.typography.bodyLarge,
                    )
                }
            }
        }
        item {
            Text(
                stringResource(R.string.preview_routines),
                style = MaterialTheme.typography.titleLarge,
                modifier = Modifier.semantics { heading() },
            )
        }
        items(program.routines, key = { it.id }) { r ->
            Text("${r.title} · ${durationText(r.timedMs, phoneLang())}", style = MaterialTheme.typography.bodyLarge)
        }
        item {
            Button(onClick = onAccept, modifier = Modifier.fillMaxWidth().heightIn(min = 64.dp)) {
                Text(stringResource(R.string.accept), style = MaterialTheme.typography.titleLarge)
            }
            OutlinedButton(onClick = onCancel, modifier = Modifier.fillMaxWidth().heightIn(min = 56.dp)) {
                Text(stringResource(R.string.cancel))
            }
        }
    }
}

@Composable
private fun Header(program: ProgramDetails) {
    Column(verticalArrangement = Arrangement.spacedBy(4.dp)) {
        Text(
            program.title,
            style = MaterialTheme.typography.headlineLarge,
            modifier = Modifier.semantics { heading() },
        )
        program.from?.let { from ->
            val who = listOfNotNull(from.therapist, from.clinic).joinToString(", ")
            if (who.isNotEmpty()) Text(stringResource(R.string.preview_from, who), style = MaterialTheme.typography.titleMedium)
            from.contact?.let { Text(it, style = MaterialTheme.typography.bodyMedium) }
        }
        program.forName?.let { Text(stringResource(R.string.preview_for, it), style = MaterialTheme.typography.titleMedium) }
        Text(
            stringResource(R.string.preview_dates, program.start, program.end, program.weeks),
            style = MaterialTheme.typography.bodyLarge,
        )
    }
}
