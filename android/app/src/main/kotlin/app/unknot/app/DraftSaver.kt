package app.unknot.app

import androidx.compose.runtime.saveable.Saver
import app.unknot.core.ProgramDraft
import app.unknot.core.programDraftRestore
import app.unknot.core.programDraftSave

/**
 * Keeps the program draft being edited through activity recreation and
 * process death (`rememberSaveable`) as the core's own text for it
 * (`programDraftSave`). What does not read back as a draft, such as state
 * saved by an older version of the app, starts the screen afresh.
 */
val ProgramDraftSaver: Saver<ProgramDraft?, String> = Saver(
    save = { draft -> draft?.let(::programDraftSave) },
    restore = { saved -> programDraftRestore(saved) },
)
