package app.unknot.app

import android.content.Context
import app.unknot.core.Journal
import java.io.File
import java.time.LocalDate
import java.util.TimeZone

/** The journal's database file in the app's private files. */
object JournalStore {
    private const val FILE = "journal.sqlite"

    /** Opens the journal; close it (`use {}`) after the call. Throws the core's errors. */
    fun open(context: Context): Journal = Journal.open(File(context.filesDir, FILE).path)

    /** The phone's local date today, `YYYY-MM-DD`, as the core's date calls take it. */
    fun today(): String = LocalDate.now().toString()
}

/** The phone's wall clock and UTC offset, which the core's recording calls take. */
object PhoneClock {
    /** The wall clock now, UTC milliseconds. */
    fun wallMs(): Long = System.currentTimeMillis()

    /** The phone's UTC offset at [wallMs], in minutes (UTC+2 is 120). */
    fun utcOffsetMin(wallMs: Long): Int = TimeZone.getDefault().getOffset(wallMs) / 60_000
}
