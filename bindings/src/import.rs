//! Import of what the person pasted, scanned or opened, and the sentence
//! for the person that every exported error carries, in their language.

use unknot_core::import::{import_text, ImportKind as CoreKind};
use unknot_core::words::Lang;

use crate::error::{Problem, ShareProblem, UnknotError};
use crate::program::ProgramDetails;

/// What an imported text turned out to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum ImportKind {
    /// A share code (`UK1:`…).
    Code,
    /// Program JSON (a `.unknot` file).
    Json,
}

/// A program read from pasted, scanned or opened text.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ImportedProgram {
    /// Its details in the requested language, for the preview.
    pub details: ProgramDetails,
    /// The program as an indented `.unknot` file, to keep once accepted.
    pub program_json: String,
    /// What the text was.
    pub kind: ImportKind,
}

/// Reads a program from whatever the person pasted, scanned or opened: a
/// share code (with whitespace or a link around it, any case), a `.unknot`
/// file's text or program JSON. Text over 1 MiB is refused before any
/// parsing ([`UnknotError::InvalidProgram`] with one problem saying so); a
/// code that cannot be read is [`UnknotError::BadShareCode`].
#[uniffi::export]
pub fn import_program(text: String, lang: String) -> Result<ImportedProgram, UnknotError> {
    let (program, kind) = import_text(&text)?;
    Ok(ImportedProgram {
        details: ProgramDetails::of(&program, &lang),
        program_json: program.to_pretty_json(),
        kind: match kind {
            CoreKind::Code => ImportKind::Code,
            CoreKind::Json => ImportKind::Json,
        },
    })
}

/// The sentence for the person about a share code that cannot be read.
#[uniffi::export]
pub fn share_problem_message(problem: ShareProblem, lang: String) -> String {
    let l = Lang::of(&lang);
    l.pick(match problem {
        ShareProblem::Empty => (
            "Nothing was pasted. Paste or scan the code from your therapist.",
            "No se ha pegado nada. Pega o escanea el código de tu terapeuta.",
            "Es wurde nichts eingefügt. Füge den Code deiner Therapeutin oder deines Therapeuten ein oder scanne ihn.",
        ),
        ShareProblem::NotACode => (
            "This is not an Unknot program code. A code starts with “UK1:”.",
            "Esto no es un código de programa de Unknot. Un código empieza por «UK1:».",
            "Das ist kein Unknot-Programmcode. Ein Code beginnt mit „UK1:“.",
        ),
        ShareProblem::NewerVersion => (
            "This code was made by a newer version of Unknot. Update the app to read it.",
            "Este código se hizo con una versión más nueva de Unknot. Actualiza la app para leerlo.",
            "Dieser Code stammt aus einer neueren Unknot-Version. Aktualisiere die App, um ihn zu lesen.",
        ),
        ShareProblem::TooLong => (
            "This code is longer than any Unknot code. Copy it again, or open the .unknot file.",
            "Este código es más largo que cualquier código de Unknot. Cópialo de nuevo o abre el archivo .unknot.",
            "Dieser Code ist länger als jeder Unknot-Code. Kopiere ihn noch einmal oder öffne die .unknot-Datei.",
        ),
        ShareProblem::Damaged => (
            "This code is damaged or incomplete. Scan or copy it again.",
            "Este código está dañado o incompleto. Escanéalo o cópialo de nuevo.",
            "Dieser Code ist beschädigt oder unvollständig. Scanne oder kopiere ihn noch einmal.",
        ),
        ShareProblem::UnknownMethod => (
            "This code is packed in a way this version of Unknot does not know. Update the app.",
            "Este código está comprimido de una forma que esta versión de Unknot no conoce. Actualiza la app.",
            "Dieser Code ist auf eine Art gepackt, die diese Unknot-Version nicht kennt. Aktualisiere die App.",
        ),
        ShareProblem::TooLarge => (
            "This code unpacks to more than any program needs, so it is not read.",
            "Este código se descomprime en más de lo que necesita cualquier programa, así que no se lee.",
            "Dieser Code entpackt sich zu mehr, als ein Programm braucht, und wird darum nicht gelesen.",
        ),
    })
    .to_string()
}

/// A list of problems under a heading, one per line with its hint.
fn with_problems(heading: &str, problems: &[Problem]) -> String {
    let mut out = heading.to_string();
    for p in problems {
        out.push_str("\n• ");
        if p.path != "(document)" {
            out.push_str(&p.path);
            out.push_str(": ");
        }
        out.push_str(&p.message);
        if let Some(h) = &p.hint {
            out.push_str(" (");
            out.push_str(h);
            out.push(')');
        }
    }
    out
}

/// The sentence to show the person for `error`, in `lang` (English,
/// Spanish or German; others get English). Problem lists (an invalid
/// routine or program, a session the journal refuses) follow the sentence
/// one per line, in the validator's English.
#[uniffi::export]
pub fn error_message(error: UnknotError, lang: String) -> String {
    let l = Lang::of(&lang);
    match &error {
        UnknotError::InvalidRoutine { problems } => with_problems(
            l.pick(("This routine is not valid:", "Esta rutina no es válida:", "Diese Übung ist nicht gültig:")),
            problems,
        ),
        UnknotError::InvalidProgram { problems } => with_problems(
            l.pick(("This program is not valid:", "Este programa no es válido:", "Dieses Programm ist nicht gültig:")),
            problems,
        ),
        UnknotError::InvalidSession { problems } => {
            let heading = l.pick((
                "This session cannot be saved:",
                "Esta sesión no se puede guardar:",
                "Diese Einheit kann nicht gespeichert werden:",
            ));
            let mut out = heading.to_string();
            for p in problems {
                out.push_str("\n• ");
                out.push_str(p);
            }
            out
        }
        UnknotError::UnknownRoutine { id } => l.pick((
            format!("There is no built-in routine called “{id}”."),
            format!("No hay ninguna rutina incluida llamada «{id}»."),
            format!("Es gibt keine eingebaute Übung namens „{id}“."),
        )),
        UnknotError::NotInProgram { id } => l.pick((
            format!("The program has no routine called “{id}”."),
            format!("El programa no tiene ninguna rutina llamada «{id}»."),
            format!("Das Programm hat keine Übung namens „{id}“."),
        )),
        UnknotError::NotEditable { .. } => l
            .pick((
                "This program cannot be edited here: one of its routines is written out in full in its file. Edit the file instead.",
                "Este programa no se puede editar aquí: una de sus rutinas está escrita entera en su archivo. Edita el archivo.",
                "Dieses Programm kann hier nicht bearbeitet werden: Eine seiner Übungen steht vollständig in der Datei. Bearbeite stattdessen die Datei.",
            ))
            .to_string(),
        UnknotError::BadSnapshot { .. } => l
            .pick((
                "The unfinished session cannot be resumed. Start the routine again.",
                "La sesión sin terminar no se puede reanudar. Empieza la rutina de nuevo.",
                "Die unterbrochene Einheit kann nicht fortgesetzt werden. Starte die Übung neu.",
            ))
            .to_string(),
        UnknotError::BadDate { value, .. } => l.pick((
            format!("“{value}” is not a date (write it as YYYY-MM-DD)."),
            format!("«{value}» no es una fecha (escríbela como AAAA-MM-DD)."),
            format!("„{value}“ ist kein Datum (schreib es als JJJJ-MM-TT)."),
        )),
        UnknotError::BadShareCode { problem, .. } => share_problem_message(*problem, lang),
        UnknotError::QrTooLarge { .. } => l
            .pick((
                "This program is too large for one QR code: share it as a file.",
                "Este programa es demasiado grande para un código QR: compártelo como archivo.",
                "Dieses Programm ist zu groß für einen QR-Code: Teile es als Datei.",
            ))
            .to_string(),
        UnknotError::JournalTooNew { .. } => l
            .pick((
                "Your journal was written by a newer version of Unknot. Update the app; the journal was left as it is.",
                "Tu diario lo escribió una versión más nueva de Unknot. Actualiza la app; el diario no se ha tocado.",
                "Dein Tagebuch stammt aus einer neueren Unknot-Version. Aktualisiere die App; das Tagebuch bleibt unverändert.",
            ))
            .to_string(),
        UnknotError::NotAJournal { .. } => l
            .pick((
                "This file is not an Unknot journal; it was left as it is.",
                "Este archivo no es un diario de Unknot; no se ha tocado.",
                "Diese Datei ist kein Unknot-Tagebuch; sie bleibt unverändert.",
            ))
            .to_string(),
        UnknotError::JournalFailed { .. } => l
            .pick((
                "Your journal could not be read or written; nothing was changed. Check the free space and try again.",
                "No se pudo leer ni escribir tu diario; no se ha cambiado nada. Comprueba el espacio libre e inténtalo de nuevo.",
                "Dein Tagebuch konnte nicht gelesen oder geschrieben werden; nichts wurde geändert. Prüfe den freien Speicher und versuch es noch einmal.",
            ))
            .to_string(),
        UnknotError::BadPain { value, max } => l.pick((
            format!("Pain {value} is not on the scale; ratings go from 0 to {max}."),
            format!("El dolor {value} no está en la escala; va de 0 a {max}."),
            format!("Schmerz {value} liegt nicht auf der Skala; sie reicht von 0 bis {max}."),
        )),
        UnknotError::NoSuchItem { .. } => l
            .pick((
                "That routine is no longer in the program.",
                "Esa rutina ya no está en el programa.",
                "Diese Übung ist nicht mehr im Programm.",
            ))
            .to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const EXAMPLE: &str = include_str!("../../docs/examples/calm-breathing.unknot");

    #[test]
    fn imports_codes_and_json() {
        let code = crate::program::share_encode(EXAMPLE.into()).unwrap().code;
        let from_code = import_program(format!("  https://x.test/#{code}\n"), "en".into()).unwrap();
        assert_eq!(from_code.kind, ImportKind::Code);
        let from_json = import_program(EXAMPLE.into(), "en".into()).unwrap();
        assert_eq!(from_json.kind, ImportKind::Json);
        assert_eq!(from_code.details, from_json.details);
        assert_eq!(from_code.program_json, from_json.program_json);
    }

    #[test]
    fn every_error_has_a_sentence_in_three_languages() {
        let p = Problem {
            path: "weeks".into(),
            message: "must be at most 52".into(),
            hint: Some("use 52".into()),
        };
        let errors = [
            UnknotError::InvalidRoutine {
                problems: vec![p.clone()],
            },
            UnknotError::UnknownRoutine { id: "x".into() },
            UnknotError::NotEditable { reason: "r".into() },
            UnknotError::BadSnapshot { reason: "r".into() },
            UnknotError::InvalidProgram { problems: vec![p] },
            UnknotError::NotInProgram { id: "x".into() },
            UnknotError::BadDate {
                value: "2026-13-01".into(),
                reason: "r".into(),
            },
            UnknotError::BadShareCode {
                problem: ShareProblem::Damaged,
                reason: "r".into(),
            },
            UnknotError::QrTooLarge {
                chars: 5000,
                max: 4296,
            },
            UnknotError::JournalTooNew {
                found: 9,
                supported: 3,
            },
            UnknotError::NotAJournal { reason: "r".into() },
            UnknotError::InvalidSession {
                problems: vec!["p".into()],
            },
            UnknotError::JournalFailed { reason: "r".into() },
            UnknotError::BadPain { value: 11, max: 10 },
            UnknotError::NoSuchItem { index: 3, count: 1 },
        ];
        for e in &errors {
            let en = error_message(e.clone(), "en".into());
            assert!(!en.is_empty());
            assert!(!en.contains("UnknotError") && !en.contains('{'), "{en}");
            for lang in ["es", "de"] {
                let m = error_message(e.clone(), lang.into());
                assert!(!m.is_empty() && m != en, "{lang}: {m}");
            }
        }
        assert_eq!(
            error_message(errors[4].clone(), "en".into()),
            "This program is not valid:\n• weeks: must be at most 52 (use 52)"
        );
        for p in [
            ShareProblem::Empty,
            ShareProblem::NotACode,
            ShareProblem::NewerVersion,
            ShareProblem::TooLong,
            ShareProblem::Damaged,
            ShareProblem::UnknownMethod,
            ShareProblem::TooLarge,
        ] {
            for lang in ["en", "es", "de"] {
                assert!(share_problem_message(p, lang.into()).ends_with('.'));
            }
        }
    }
}
