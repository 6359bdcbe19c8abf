package app.unknot.app

import android.Manifest
import android.content.ComponentName
import android.content.Context
import android.content.ServiceConnection
import android.content.pm.PackageManager
import android.os.Build
import android.os.Bundle
import android.os.IBinder
import androidx.activity.ComponentActivity
import androidx.activity.compose.BackHandler
import androidx.activity.compose.setContent
import androidx.activity.result.contract.ActivityResultContracts
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Surface
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.saveable.rememberSaveable
import androidx.compose.runtime.setValue
import androidx.core.content.ContextCompat
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
 * back stack is a plain list, saved as strings across recreation.
 */
class MainActivity : ComponentActivity() {
    private var service by mutableStateOf<SessionService?>(null)

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

    @Composable
    private fun App(service: SessionService?, lang: String) {
        var stack by rememberSaveable { mutableStateOf(listOf("library")) }
        val screen = decode(stack.last())
        BackHandler(enabled = stack.size > 1) { stack = stack.dropLast(1) }
        when (screen) {
            Screen.Library -> LibraryScreen(
                lang = lang,
                onOpen = { id -> stack = stack + "routine:$id" },
            )
            is Screen.Routine -> RoutineScreen(
                id = screen.id,
                lang = lang,
                onBack = { stack = stack.dropLast(1) },
                onStart = { id ->
                    ensureNotificationPermission()
                    service?.begin(id, lang)
                    if (service != null) stack = stack + "player"
                },
            )
            Screen.Player -> PlayerScreen(
                service = service,
                onClose = {
                    service?.close()
                    stack = stack.dropLast(1)
                },
            )
        }
    }

    private fun decode(entry: String): Screen = when {
        entry == "player" -> Screen.Player
        entry.startsWith("routine:") -> Screen.Routine(entry.removePrefix("routine:"))
        else -> Screen.Library
    }
}
