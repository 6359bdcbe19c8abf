package app.unknot.app

import android.content.Context
import android.util.AtomicFile
import org.json.JSONException
import org.json.JSONObject
import java.io.File
import java.io.IOException

/**
 * A session saved to resume on the next launch: the core's snapshot string
 * with the built-in routine id and the language it was played in (what
 * `SessionController.restore` needs). The snapshot is opaque here; the
 * core alone reads it.
 */
data class SavedSession(val routineId: String, val lang: String, val snapshot: String) {
    companion object {
        private const val FILE = "session.json"

        private fun file(context: Context) = AtomicFile(File(context.filesDir, FILE))

        /** The saved session, or null when there is none or the file is unreadable. */
        fun load(context: Context): SavedSession? = try {
            val json = JSONObject(file(context).readFully().toString(Charsets.UTF_8))
            SavedSession(json.getString("routine"), json.getString("lang"), json.getString("snapshot"))
        } catch (e: IOException) {
            null
        } catch (e: JSONException) {
            null
        }

        /** Replaces the saved session with [saved] (written whole or not at all). */
        fun save(context: Context, saved: SavedSession) {
            val text = JSONObject()
                .put("routine", saved.routineId)
                .put("lang", saved.lang)
                .put("snapshot", saved.snapshot)
                .toString()
            val f = file(context)
            val out = try {
                f.startWrite()
            } catch (e: IOException) {
                return
            }
            try {
                out.write(text.toByteArray(Charsets.UTF_8))
                f.finishWrite(out)
            } catch (e: IOException) {
                f.failWrite(out)
            }
        }

        /** Forgets the saved session. */
        fun clear(context: Context) {
            file(context).delete()
        }
    }
}
