package app.unknot.app

import android.content.Context
import android.util.AtomicFile
import java.io.File
import java.io.IOException

/**
 * The accepted program's JSON, kept as the core returned it in the app's
 * private files. The app never reads it: every question about it goes to
 * the core.
 */
object ProgramStore {
    private const val FILE = "program.unknot"

    private fun file(context: Context) = AtomicFile(File(context.filesDir, FILE))

    /** The active program's JSON, or null when none was accepted (or it cannot be read). */
    fun load(context: Context): String? = try {
        file(context).readFully().toString(Charsets.UTF_8)
    } catch (e: IOException) {
        null
    }

    /** Makes [json] the active program (written whole or not at all). Returns whether it was written. */
    fun save(context: Context, json: String): Boolean {
        val f = file(context)
        val out = try {
            f.startWrite()
        } catch (e: IOException) {
            return false
        }
        return try {
            out.write(json.toByteArray(Charsets.UTF_8))
            f.finishWrite(out)
            true
        } catch (e: IOException) {
            f.failWrite(out)
            false
        }
    }
}
