package app.unknot.app

import androidx.compose.foundation.clickable
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.PaddingValues
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.lazy.LazyColumn
import androidx.compose.foundation.lazy.LazyRow
import androidx.compose.foundation.lazy.items
import androidx.compose.material3.Card
import androidx.compose.material3.FilterChip
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.remember
import androidx.compose.runtime.saveable.rememberSaveable
import androidx.compose.runtime.setValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.ui.Modifier
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.semantics.heading
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.unit.dp
import app.unknot.core.RoutineSummary
import app.unknot.core.LibraryQuery
import app.unknot.core.WordKind
import app.unknot.core.WordName
import app.unknot.core.durationText
import app.unknot.core.libraryFilters
import app.unknot.core.searchRoutines
import app.unknot.core.wordName

/** The lengths the library's length filter offers, in minutes. */
/**
 * The built-in routines, searched by text in the person's language and
 * filtered by body area, tool and length: the core answers the list and
 * names the filters.
 */
@Composable
fun LibraryScreen(lang: String, onOpen: (String) -> Unit) {
    val filters = remember(lang) { libraryFilters(lang) }
    var query by rememberSaveable { mutableStateOf("") }
    var area by rememberSaveable { mutableStateOf<String?>(null) }
    var tool by rememberSaveable { mutableStateOf<String?>(null) }
    var minutes by rememberSaveable { mutableStateOf<Int?>(null) }
    val shown = remember(lang, query, area, tool, minutes) {
        searchRoutines(LibraryQuery(query, area, tool, minutes), lang)
    }

    LazyColumn(
        modifier = Modifier.fillMaxSize(),
        contentPadding = PaddingValues(16.dp),
        verticalArrangement = Arrangement.spacedBy(12.dp),
    ) {
        item {
            Text(
                stringResource(R.string.library_title),
                style = MaterialTheme.typography.headlineLarge,
                modifier = Modifier.semantics { heading() },
            )
        }
        item {
            OutlinedTextField(
                value = query,
                onValueChange = { query = it },
                label = { Text(stringResource(R.string.search_hint)) },
                singleLine = true,
                modifier = Modifier.fillMaxWidth(),
            )
        }
        item { Chips(stringResource(R.string.filter_area), filters.areas, area) { area = it } }
        item { Chips(stringResource(R.string.filter_tool), filters.tools, tool) { tool = it } }
        item {
            val lengths = filters.lengths.map { WordName(it.maxMinutes.toString(), it.name) }
            Chips(stringResource(R.string.filter_length), lengths, minutes?.toString()) { minutes = it?.toInt() }
        }
        if (shown.isEmpty()) {
            item { Text(stringResource(R.string.no_match), style = MaterialTheme.typography.bodyLarge) }
        }
        items(shown, key = { it.id }) { summary ->
            SummaryCard(summary, lang) { onOpen(summary.id) }
        }
    }
}

/** One row of filter chips: "any" and each of [values] by its name; [selected] is a value's word. */
@Composable
private fun Chips(label: String, values: List<WordName>, selected: String?, onSelect: (String?) -> Unit) {
    Column {
        Text(label, style = MaterialTheme.typography.titleMedium)
        LazyRow(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
            item {
                FilterChip(
                    selected = selected == null,
                    onClick = { onSelect(null) },
                    label = { Text(stringResource(R.string.filter_any)) },
                )
            }
            items(values) { value ->
                FilterChip(
                    selected = selected == value.word,
                    onClick = { onSelect(if (selected == value.word) null else value.word) },
                    label = { Text(value.name) },
                )
            }
        }
    }
}

@Composable
private fun SummaryCard(s: RoutineSummary, lang: String, onClick: () -> Unit) {
    Card(modifier = Modifier.fillMaxWidth().clickable(onClick = onClick)) {
        Column(Modifier.padding(16.dp), verticalArrangement = Arrangement.spacedBy(4.dp)) {
            Text(s.title, style = MaterialTheme.typography.titleLarge)
            if (s.summary.isNotEmpty()) Text(s.summary, style = MaterialTheme.typography.bodyLarge)
            Text(
                stringResource(R.string.routine_length, durationText(s.timedMs, lang), s.steps),
                style = MaterialTheme.typography.bodyMedium,
            )
            if (s.untimed > 0) {
                Text(stringResource(R.string.untimed_steps, s.untimed), style = MaterialTheme.typography.bodyMedium)
            }
            if (s.areas.isNotEmpty()) {
                Text(s.areas.joinToString(" · ") { wordName(WordKind.AREA, it, lang) ?: it }, style = MaterialTheme.typography.bodySmall)
            }
        }
    }
}
