package app.unknot.app

import android.Manifest
import android.content.ComponentName
import android.content.Context
import android.content.ServiceConnection
import android.content.pm.PackageManager
import android.os.Build
import android.os.Bundle
import android.os.IBinder
import android.widget.Toast
import androidx.activity.ComponentActivity
import androidx.activity.compose.BackHandler
import androidx.activity.compose.setContent
import androidx.activity.result.contract.ActivityResultContracts
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
import androidx.compose.ui.res.stringResource
import androidx.core.content.ContextCompat
import app.unknot.core.UnknotException
import app.unknot.core.builtinRoutine
import app.unknot.core.parseProgram
import app.unknot.core.safetyScreen
import java.util.Locale

/** Where the app is: the library, one routine's details, or the player. */
sealed interface Screen {
    /** The routine list. */
    data object Library : Screen
    /** One routine's details. */
    data class Routine(val id: String) : Screen
    /** The running session. */
    data object Player : Screen
}

/**
 * The one activity: binds to [SessionService] and shows the screens. The
 * back stack is a plain list, saved as strings across recreation. When a
 * session was saved unfinished and the service has none, it offers to
 * resume it.
 */
class MainActivity : ComponentActivity() {
    private var service by mutableStateOf<SessionService?>(null)

    /** A session saved unfinished by an earlier run of the app. */
    private var offer by mutableStateOf<SavedSession?>(null)

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

    override fun onCreate(savedInstanceState: Bundle?) {
        super.onCreate(savedInstanceState)
        val lang = Locale.getDefault().language
        offer = SavedSession.load(this)
        setContent {
            MaterialTheme {
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
                    val json = ProgramStore.load(this) ?: return
                    val id = parseProgram(json, lang).id
                    s.beginProgram(json, id, routineId, week.toInt(), lang, pain)
                }
                else -> return
            }
            shown()
        } catch (e: UnknotException) {
            Toast.makeText(this, errorText(this, e), Toast.LENGTH_LONG).show()
        }
    }

    @Composable
    private fun App(service: SessionService?, lang: String) {
        var stack by rememberSaveable { mutableStateOf(listOf("library")) }
        val screen = decode(stack.last())
        BackHandler(enabled = stack.size > 1) { stack = stack.dropLast(1) }
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
        val saved = offer
        if (saved != null && service != null) {
            if (service.hasSession) {
                // The process survived: the session in the service wins.
                LaunchedEffect(service) { offer = null }
            } else {
                ResumeDialog(
                    saved = saved,
                    onResume = {
                        offer = null
                        ensureNotificationPermission()
                        try {
                            service.restore(saved)
                            stack = listOf("library", "player")
                        } catch (e: UnknotException) {
                            Toast.makeText(this, errorText(this, e), Toast.LENGTH_LONG).show()
                        }
                    },
                    onDiscard = {
                        offer = null
                        SavedSession.clear(this)
                    },
                )
            }
        }
        pendingStart?.let { request ->
            PainBeforeDialog(
                onStart = { pain ->
                    pendingStart = null
                    start(request, lang, pain) { stack = stack + "player" }
                },
                onCancel = { pendingStart = null },
            )
        }
        when (screen) {
            Screen.Library -> LibraryScreen(
                lang = lang,
                onOpen = { id -> stack = stack + "routine:$id" },
            )
            is Screen.Routine -> RoutineScreen(
                id = screen.id,
                lang = lang,
                onBack = { stack = stack.dropLast(1) },
                onStart = { id -> pendingStart = "builtin:$id" },
            )
            Screen.Player -> if (service != null && !service.hasSession) {
                // Recreated after the process was gone: nothing to play.
                LaunchedEffect(Unit) { stack = stack.dropLast(1) }
            } else {
                PlayerScreen(
                    service = service,
                    onClose = {
                        service?.close()
                        stack = stack.dropLast(1)
                    },
                )
            }
        }
    }

    /** Asks whether to resume [saved] or forget it. */
    @Composable
    private fun ResumeDialog(saved: SavedSession, onResume: () -> Unit, onDiscard: () -> Unit) {
        val title = remember(saved) {
            try {
                builtinRoutine(saved.routineId, saved.lang).title
            } catch (e: UnknotException) {
                saved.routineId
            }
        }
        AlertDialog(
            onDismissRequest = { },
            title = { Text(stringResource(R.string.resume_title)) },
            text = { Text(stringResource(R.string.resume_text, title)) },
            confirmButton = { TextButton(onClick = onResume) { Text(stringResource(R.string.resume_session)) } },
            dismissButton = { TextButton(onClick = onDiscard) { Text(stringResource(R.string.discard_session)) } },
        )
    }

    private fun decode(entry: String): Screen = when {
        entry == "player" -> Screen.Player
        entry.startsWith("routine:") -> Screen.Routine(entry.removePrefix("routine:"))
        else -> Screen.Library
    }
}
