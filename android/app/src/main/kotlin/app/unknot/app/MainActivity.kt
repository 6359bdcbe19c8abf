package app.unknot.app

import android.Manifest
import android.content.ComponentName
import android.content.Context
import android.content.Intent
import android.content.ServiceConnection
import android.content.pm.PackageManager
import android.os.Build
import android.os.Bundle
import android.net.Uri
import android.os.IBinder
import android.widget.Toast
import androidx.activity.ComponentActivity
import androidx.activity.compose.BackHandler
import androidx.activity.compose.setContent
import androidx.activity.result.contract.ActivityResultContracts
import androidx.compose.foundation.horizontalScroll
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Box
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.rememberScrollState
import androidx.compose.material3.AlertDialog
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Surface
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.saveable.rememberSaveable
import androidx.compose.runtime.setValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.unit.dp
import androidx.core.content.ContextCompat
import app.unknot.session.SessionNavigation
import app.unknot.core.CheckpointRecord
import app.unknot.core.ProgramDraft
import app.unknot.core.UnknotException
import app.unknot.core.importProgram
import app.unknot.core.parseProgram
import app.unknot.core.programDraftFromProgram
import app.unknot.core.programDraftNew
import app.unknot.core.safetyScreen
import java.io.IOException
import java.util.Locale

/** Where the app is. */
sealed interface Screen {
    /** The routine list. */
    data object Library : Screen
    /** One routine's details. */
    data class Routine(val id: String) : Screen
    /** The running session. */
    data object Player : Screen
    /** What the active program asks for today (the start screen while there is one). */
    data object Today : Screen
    /** Streak, adherence, pain and flags from the journal. */
    data object Progress : Screen
    /** Pasting a code or opening a program file. */
    data object Import : Screen
    /** The program being imported, before it is accepted. */
    data object Preview : Screen
    /** Therapist mode: a program put together from built-in routines. */
    data object Therapist : Screen
}

/**
 * The one activity: binds to [SessionService] and shows the screens. The
 * back stack is a plain list, saved as strings across recreation; it
 * starts at Today while a program is active, else at the library. It
 * also receives `.unknot` files (ACTION_VIEW) for the import preview. When a
 * session was checkpointed in the journal and the service has none, it
 * offers it again ([SessionNavigation.launchOffer]); while a session is
 * held, the other screens show a "now playing" bar back to the player, and
 * starting another routine asks first. The therapist's program draft is held here, above the back
 * stack, so it outlives going to the preview and back (and is saved with
 * the instance state).
 */
class MainActivity : ComponentActivity() {
    private var service by mutableStateOf<SessionService?>(null)

    /** A session checkpointed by an earlier run of the app. */
    private var offer by mutableStateOf<CheckpointRecord?>(null)

    private val connection = object : ServiceConnection {
        override fun onServiceConnected(name: ComponentName?, binder: IBinder?) {
            service = (binder as? SessionService.LocalBinder)?.service
        }

        override fun onServiceDisconnected(name: ComponentName?) {
            service = null
        }
    }

    private val askNotifications =
        registerForActivityResult(ActivityResultContracts.RequestPermission()) { }

    /** The program JSON being imported, shown by the preview until accepted or dropped. */
    private var importing by mutableStateOf<String?>(null)

    /** Bumped when a program arrives from outside, so the preview is shown. */
    private var arrived by mutableStateOf(0)

    /** The active program's JSON, or null. */
    private var program by mutableStateOf<String?>(null)

    private val openProgramFile =
        registerForActivityResult(ActivityResultContracts.OpenDocument()) { uri -> uri?.let { receive(it) } }

    // Reads a program file (or a code in a text file) for the preview.
    private fun receive(uri: Uri) {
        try {
            importing = importProgram(readProgramFile(this, uri), Locale.getDefault().language).programJson
            arrived += 1
        } catch (e: IOException) {
            Toast.makeText(this, getString(R.string.import_file_failed, e.message ?: uri.toString()), Toast.LENGTH_LONG).show()
        } catch (e: SecurityException) {
            Toast.makeText(this, getString(R.string.import_file_failed, e.message ?: uri.toString()), Toast.LENGTH_LONG).show()
        } catch (e: UnknotException) {
            Toast.makeText(this, errorText(e), Toast.LENGTH_LONG).show()
        }
    }

    // A .unknot file opened from elsewhere (ACTION_VIEW).
    private fun handleView(intent: Intent?) {
        if (intent?.action != Intent.ACTION_VIEW) return
        intent.data?.let { receive(it) }
    }

    override fun onNewIntent(intent: Intent) {
        super.onNewIntent(intent)
        handleView(intent)
    }

    override fun onSaveInstanceState(outState: Bundle) {
        super.onSaveInstanceState(outState)
        importing?.let { outState.putString(KEY_IMPORTING, it) }
    }

    override fun onCreate(savedInstanceState: Bundle?) {
        super.onCreate(savedInstanceState)
        val lang = Locale.getDefault().language
        offer = try {
            JournalStore.open(this).use { it.checkpoint() }
        } catch (e: UnknotException) {
            Toast.makeText(this, errorText(e), Toast.LENGTH_LONG).show()
            null
        }
        program = ProgramStore.load(this)
        importing = savedInstanceState?.getString(KEY_IMPORTING)
        // Only a fresh launch reads the intent: after recreation it was handled.
        if (savedInstanceState == null) handleView(intent)
        setContent {
            UnknotTheme {
                Surface {
                    App(service, lang)
                }
            }
        }
    }

    override fun onStart() {
        super.onStart()
        bindService(SessionService.intent(this), connection, Context.BIND_AUTO_CREATE)
    }

    override fun onStop() {
        // Going to the background: keep the session's snapshot in case the
        // process does not survive.
        service?.save()
        unbindService(connection)
        service = null
        super.onStop()
    }

    /** Asks for the notification permission (Android 13+) before a session starts. */
    fun ensureNotificationPermission() {
        if (Build.VERSION.SDK_INT >= Build.VERSION_CODES.TIRAMISU &&
            ContextCompat.checkSelfPermission(this, Manifest.permission.POST_NOTIFICATIONS) !=
            PackageManager.PERMISSION_GRANTED
        ) {
            askNotifications.launch(Manifest.permission.POST_NOTIFICATIONS)
        }
    }

    /**
     * A session asked for and waiting for the pain rating before it:
     * `builtin:<id>`, or `program:<week>:<routine id>` for a routine of
     * the active program.
     */
    private var pendingStart by mutableStateOf<String?>(null)

    // Starts what [request] names with the rating [pain], then calls [shown].
    private fun start(request: String, lang: String, pain: Int?, shown: () -> Unit) {
        val s = service ?: return
        ensureNotificationPermission()
        try {
            when {
                request.startsWith("builtin:") -> s.begin(request.removePrefix("builtin:"), lang, pain)
                request.startsWith("program:") -> {
                    val (week, routineId) = request.removePrefix("program:").split(':', limit = 2)
                    val json = program ?: return
                    s.beginProgram(json, routineId, week.toInt(), lang, pain)
                }
                else -> return
            }
            shown()
        } catch (e: UnknotException) {
            Toast.makeText(this, errorText(e), Toast.LENGTH_LONG).show()
        }
    }

    /** A start asked for while another session is going, waiting for the person's answer. */
    private var confirmStart by mutableStateOf<String?>(null)

    // Asks for the rating before [request], first asking whether to end a
    // session that is going (the core's status decides).
    private fun requestStart(request: String) {
        when (SessionNavigation.onStartRequest(service?.frames?.value?.status)) {
            SessionNavigation.StartChoice.ASK -> confirmStart = request
            SessionNavigation.StartChoice.START -> pendingStart = request
        }
    }

    @Composable
    private fun App(service: SessionService?, lang: String) {
        val home = if (program != null) "today" else "library"
        var stack by rememberSaveable { mutableStateOf(listOf(home)) }
        val screen = decode(stack.last())
        // A program file opened from elsewhere: show it over where the app is.
        LaunchedEffect(arrived) {
            if (arrived > 0 && importing != null && stack.last() != "preview") stack = stack + "preview"
        }
        BackHandler(enabled = stack.size > 1) { stack = stack.dropLast(1) }
        // The program a therapist is putting together, or null before the first.
        var draft by rememberSaveable(stateSaver = ProgramDraftSaver) { mutableStateOf<ProgramDraft?>(null) }
        // An existing program opened for editing while another draft was in progress.
        var replaceWith by remember { mutableStateOf<ProgramDraft?>(null) }
        // Why the active program cannot be edited.
        var cannotEdit by remember { mutableStateOf<String?>(null) }

        // A new draft starting today (the phone's date), unless one is in progress.
        fun makeProgram() {
            if (draft == null) {
                draft = try {
                    programDraftNew(JournalStore.today())
                } catch (e: UnknotException) {
                    Toast.makeText(this, errorText(e), Toast.LENGTH_LONG).show()
                    return
                }
            }
            stack = stack + "therapist"
        }

        // The active program back into a draft, or why it cannot be.
        fun editProgram(json: String) {
            try {
                val edited = programDraftFromProgram(json)
                if (draft == null || draft == edited) {
                    draft = edited
                    stack = stack + "therapist"
                } else {
                    replaceWith = edited
                }
            } catch (e: UnknotException) {
                cannotEdit = errorText(e)
            }
        }

        val safety = remember(lang) { safetyScreen(lang) }
        var safetyAccepted by remember { mutableStateOf(SafetyAcceptance.isAccepted(this, safety.version)) }
        if (!safetyAccepted) {
            // Before anything else, and so before the first session.
            SafetyDialog(safety) {
                SafetyAcceptance.accept(this, safety.version)
                safetyAccepted = true
            }
            return
        }
        if (service != null) {
            val o = SessionNavigation.launchOffer(service.hasSession, offer)
            val saved = when (o) {
                is SessionNavigation.LaunchOffer.Resume -> o.checkpoint
                is SessionNavigation.LaunchOffer.Finish -> o.checkpoint
                SessionNavigation.LaunchOffer.None -> null
            }
            if (saved == null) {
                // The process survived (the session in the service wins), or nothing was left.
                if (offer != null) LaunchedEffect(service) { offer = null }
            } else {
                ResumeDialog(
                    saved = saved,
                    over = o is SessionNavigation.LaunchOffer.Finish,
                    onResume = {
                        offer = null
                        ensureNotificationPermission()
                        try {
                            service.resumeSaved(program)
                            stack = listOf(home, "player")
                        } catch (e: UnknotException) {
                            Toast.makeText(this, errorText(e), Toast.LENGTH_LONG).show()
                        }
                    },
                    onDiscard = {
                        offer = null
                        try {
                            JournalStore.open(this).use { it.clearCheckpoint() }
                        } catch (e: UnknotException) {
                            Toast.makeText(this, errorText(e), Toast.LENGTH_LONG).show()
                        }
                    },
                )
            }
        }
        confirmStart?.let { request ->
            AlertDialog(
                onDismissRequest = { confirmStart = null },
                title = { Text(stringResource(R.string.replace_session_title)) },
                text = { Text(stringResource(R.string.replace_session_text, service?.title.orEmpty())) },
                confirmButton = {
                    TextButton(onClick = {
                        confirmStart = null
                        pendingStart = request
                    }) { Text(stringResource(R.string.replace_session)) }
                },
                dismissButton = {
                    TextButton(onClick = {
                        confirmStart = null
                        stack = toPlayer(stack)
                    }) { Text(stringResource(R.string.keep_session)) }
                },
            )
        }
        replaceWith?.let { edited ->
            AlertDialog(
                onDismissRequest = { replaceWith = null },
                title = { Text(stringResource(R.string.replace_draft_title)) },
                text = { Text(stringResource(R.string.replace_draft_text)) },
                confirmButton = {
                    TextButton(onClick = {
                        replaceWith = null
                        draft = edited
                        stack = stack + "therapist"
                    }) { Text(stringResource(R.string.replace)) }
                },
                dismissButton = { TextButton(onClick = { replaceWith = null }) { Text(stringResource(R.string.cancel)) } },
            )
        }
        cannotEdit?.let { why ->
            AlertDialog(
                onDismissRequest = { cannotEdit = null },
                title = { Text(stringResource(R.string.edit_failed_title)) },
                text = { Text(why) },
                confirmButton = { TextButton(onClick = { cannotEdit = null }) { Text(stringResource(R.string.done)) } },
            )
        }
        pendingStart?.let { request ->
            // A program routine is checked against the program's limit, any other against the general one.
            val stopAbove = remember(request, program) {
                val json = program
                if (!request.startsWith("program:") || json == null) {
                    null
                } else {
                    try {
                        parseProgram(json, lang).painStopAbove
                    } catch (e: UnknotException) {
                        null
                    }
                }
            }
            PainBeforeDialog(
                stopAbove = stopAbove,
                onStart = { pain ->
                    pendingStart = null
                    start(request, lang, pain) { stack = toPlayer(stack) }
                },
                onCancel = { pendingStart = null },
            )
        }
        Column(Modifier.fillMaxSize()) {
            Box(Modifier.weight(1f)) {
                when (screen) {
                    Screen.Library -> Column {
                        Row(
                            horizontalArrangement = Arrangement.spacedBy(8.dp),
                            modifier = Modifier.horizontalScroll(rememberScrollState()).padding(horizontal = 8.dp),
                        ) {
                            if (program != null && stack.size > 1) {
                                TextButton(onClick = { stack = stack.dropLast(1) }) { Text(stringResource(R.string.back)) }
                            }
                            TextButton(onClick = { stack = stack + "progress" }) { Text(stringResource(R.string.progress)) }
                            TextButton(onClick = { stack = stack + "import" }) { Text(stringResource(R.string.import_program)) }
                            TextButton(onClick = { makeProgram() }) { Text(stringResource(R.string.make_program)) }
                        }
                        Box(Modifier.weight(1f)) {
                            LibraryScreen(
                                lang = lang,
                                onOpen = { id -> stack = stack + "routine:$id" },
                            )
                        }
                    }
                    Screen.Today -> {
                        val json = program
                        if (json == null) {
                            LaunchedEffect(Unit) { stack = listOf("library") }
                        } else {
                            TodayScreen(
                                programJson = json,
                                lang = lang,
                                onStart = { routineId, week -> requestStart("program:$week:$routineId") },
                                onProgress = { stack = stack + "progress" },
                                onLibrary = { stack = stack + "library" },
                                onImport = { stack = stack + "import" },
                                onMakeProgram = { makeProgram() },
                                onEdit = { editProgram(json) },
                            )
                        }
                    }
                    Screen.Progress -> ProgressScreen(
                        programJson = program,
                        lang = lang,
                        onBack = { stack = stack.dropLast(1) },
                    )
                    Screen.Import -> ImportScreen(
                        onBack = { stack = stack.dropLast(1) },
                        onOpenFile = {
                            // .unknot files come as JSON or with no known type.
                            openProgramFile.launch(arrayOf("application/json", "application/octet-stream", "text/plain", "*/*"))
                        },
                        onPreview = { json ->
                            importing = json
                            stack = stack + "preview"
                        },
                    )
                    Screen.Preview -> {
                        val json = importing
                        if (json == null) {
                            LaunchedEffect(Unit) { stack = stack.dropLast(1).ifEmpty { listOf(home) } }
                        } else {
                            ProgramPreviewScreen(
                                json = json,
                                lang = lang,
                                onAccept = {
                                    if (ProgramStore.save(this@MainActivity, json)) {
                                        program = json
                                        importing = null
                                        stack = listOf("today")
                                    } else {
                                        Toast.makeText(this@MainActivity, R.string.save_failed, Toast.LENGTH_LONG).show()
                                    }
                                },
                                onCancel = {
                                    importing = null
                                    stack = stack.dropLast(1).ifEmpty { listOf(home) }
                                },
                            )
                        }
                    }
                    Screen.Therapist -> {
                        val current = draft
                        if (current == null) {
                            LaunchedEffect(Unit) { stack = stack.dropLast(1).ifEmpty { listOf(home) } }
                        } else {
                            TherapistScreen(
                                draft = current,
                                lang = lang,
                                onChange = { draft = it },
                                onBack = { stack = stack.dropLast(1) },
                                onNew = {
                                    try {
                                        draft = programDraftNew(JournalStore.today())
                                    } catch (e: UnknotException) {
                                        Toast.makeText(this@MainActivity, errorText(e), Toast.LENGTH_LONG).show()
                                    }
                                },
                                // Through the same preview as an imported program.
                                onUse = { json ->
                                    importing = json
                                    stack = stack + "preview"
                                },
                            )
                        }
                    }
                    is Screen.Routine -> RoutineScreen(
                        id = screen.id,
                        lang = lang,
                        onBack = { stack = stack.dropLast(1) },
                        onStart = { id -> requestStart("builtin:$id") },
                    )
                    Screen.Player -> if (service != null && !service.hasSession) {
                        // Recreated after the process was gone: nothing to play.
                        LaunchedEffect(Unit) { stack = stack.dropLast(1) }
                    } else {
                        PlayerScreen(
                            service = service,
                            onClose = {
                                // A refused entry keeps its checkpoint; the next start offers it again.
                            service?.close()?.let { Toast.makeText(this@MainActivity, errorText(it), Toast.LENGTH_LONG).show() }
                                stack = stack.dropLast(1)
                            },
                        )
                    }
                }
            }
            // A session held while the person is elsewhere: the way back to it.
            val held = heldFrame(service)
            if (held != null && SessionNavigation.showsBar(held.status, onPlayer = screen == Screen.Player)) {
                NowPlayingBar(held, service?.title.orEmpty()) { stack = toPlayer(stack) }
            }
        }
    }

    /** Asks whether to resume [saved] (or, when it is [over], to rate and save it) or forget it. */
    @Composable
    private fun ResumeDialog(saved: CheckpointRecord, over: Boolean, onResume: () -> Unit, onDiscard: () -> Unit) {
        AlertDialog(
            onDismissRequest = { },
            title = { Text(stringResource(R.string.resume_title)) },
            text = {
                Text(stringResource(if (over) R.string.resume_over_text else R.string.resume_text, saved.routineTitle))
            },
            confirmButton = { TextButton(onClick = onResume) { Text(stringResource(R.string.resume_session)) } },
            dismissButton = { TextButton(onClick = onDiscard) { Text(stringResource(R.string.discard_session)) } },
        )
    }

    // The back stack with the player on top, once.
    private fun toPlayer(stack: List<String>): List<String> = stack.filter { it != "player" } + "player"

    private fun decode(entry: String): Screen = when {
        entry == "player" -> Screen.Player
        entry == "today" -> Screen.Today
        entry == "progress" -> Screen.Progress
        entry == "import" -> Screen.Import
        entry == "preview" -> Screen.Preview
        entry == "therapist" -> Screen.Therapist
        entry.startsWith("routine:") -> Screen.Routine(entry.removePrefix("routine:"))
        else -> Screen.Library
    }

    private companion object {
        const val KEY_IMPORTING = "importing"
    }
}
