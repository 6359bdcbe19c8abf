package app.unknot.app

import android.content.ClipData
import android.content.ClipboardManager
import android.content.Context
import android.content.Intent
import android.os.Build
import android.widget.Toast
import androidx.core.content.FileProvider
import app.unknot.core.UnknotException
import app.unknot.core.parseProgram
import java.io.File
import java.io.IOException

/**
 * Writes [programJson] (the `.unknot` text the core made) into the
 * cache's `exports` folder as `<program id>.unknot` and opens the share
 * sheet with it through the app's FileProvider, for mail or a messenger.
 * Throws [IOException] when the file cannot be written.
 */
fun shareProgramFile(context: Context, programJson: String, lang: String) {
    val program = try {
        parseProgram(programJson, lang)
    } catch (e: UnknotException) {
        null
    }
    // Program ids are slugs (the core checks them), so safe as a file name.
    val name = (program?.id ?: "program") + ".unknot"
    val dir = File(context.cacheDir, "exports").apply { mkdirs() }
    val file = File(dir, name)
    file.writeText(programJson, Charsets.UTF_8)
    val uri = FileProvider.getUriForFile(context, context.packageName + ".exports", file)
    val send = Intent(Intent.ACTION_SEND).apply {
        // What the receiving phone's Unknot opens (see the manifest's filters).
        type = "application/json"
        putExtra(Intent.EXTRA_STREAM, uri)
        program?.let { putExtra(Intent.EXTRA_SUBJECT, it.title) }
        // The grant travels with the clip data to whichever app is chosen.
        clipData = ClipData.newRawUri(null, uri)
        addFlags(Intent.FLAG_GRANT_READ_URI_PERMISSION)
    }
    context.startActivity(Intent.createChooser(send, context.getString(R.string.share_file)))
}

/**
 * Puts a program's share code on the clipboard. Android 13 and later
 * confirm a copy themselves; earlier versions get a short toast.
 */
fun copyShareCode(context: Context, code: String) {
    val clipboard = context.getSystemService(ClipboardManager::class.java) ?: return
    clipboard.setPrimaryClip(ClipData.newPlainText(context.getString(R.string.code_label), code))
    if (Build.VERSION.SDK_INT < Build.VERSION_CODES.TIRAMISU) {
        Toast.makeText(context, R.string.code_copied, Toast.LENGTH_SHORT).show()
    }
}
