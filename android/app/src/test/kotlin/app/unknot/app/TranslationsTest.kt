package app.unknot.app

import java.io.File
import javax.xml.parsers.DocumentBuilderFactory
import org.junit.Assert.assertEquals
import org.junit.Assert.assertTrue
import org.junit.Test
import org.w3c.dom.Element

/**
 * The app's words in Spanish and German match the English ones key for key:
 * the same strings, plurals (with the same quantities) and string arrays
 * (with the same number of items), each with the same format placeholders,
 * and no apostrophe left unescaped. Reads the resource files of the
 * repository (the tests run from its root).
 */
class TranslationsTest {
    private val res = File("android/app/src/main/res")

    /** One resource's text, by key: `string/x`, `plurals/x/one`, `string-array/x/0`. */
    private fun entries(dir: String): Map<String, String> {
        val file = File(res, "$dir/strings.xml")
        assertTrue("missing ${file.path}", file.isFile)
        val doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file)
        val out = linkedMapOf<String, String>()
        val nodes = doc.documentElement.childNodes
        for (i in 0 until nodes.length) {
            val e = nodes.item(i) as? Element ?: continue
            if (e.getAttribute("translatable") == "false") continue
            val name = e.getAttribute("name")
            when (e.tagName) {
                "string" -> out["string/$name"] = e.textContent
                "plurals" -> children(e, "item").forEach {
                    out["plurals/$name/${it.getAttribute("quantity")}"] = it.textContent
                }
                "string-array" -> children(e, "item").forEachIndexed { n, it ->
                    out["string-array/$name/$n"] = it.textContent
                }
                else -> out["${e.tagName}/$name"] = e.textContent
            }
        }
        return out
    }

    private fun children(e: Element, tag: String): List<Element> {
        val list = e.getElementsByTagName(tag)
        return (0 until list.length).map { list.item(it) as Element }
    }

    /** The format placeholders of a text, sorted: `%1$s`, `%2$d`, `%%`. */
    private fun placeholders(text: String): List<String> =
        Regex("""%(\d+\$)?[-#+ 0,(]*\d*(\.\d+)?[a-zA-Z%]""").findAll(text).map { it.value }.sorted().toList()

    private fun check(lang: String) {
        val english = entries("values")
        val translated = entries("values-$lang")
        val missing = english.keys - translated.keys
        val extra = translated.keys - english.keys
        assertEquals("values-$lang lacks these keys of values/", emptySet<String>(), missing)
        assertEquals("values-$lang has keys values/ does not", emptySet<String>(), extra)
        val wrong = english.keys.filter { placeholders(english.getValue(it)) != placeholders(translated.getValue(it)) }
            .map { "$it: ${placeholders(english.getValue(it))} in English, ${placeholders(translated.getValue(it))} in $lang" }
        assertEquals("values-$lang placeholders differ from values/", emptyList<String>(), wrong)
        // aapt2 drops an apostrophe that is not escaped as \' (or quoted).
        val apostrophes = translated.filter { (_, text) -> Regex("""(^|[^\\])'""").containsMatchIn(text) }.keys
        assertEquals("values-$lang has unescaped apostrophes", emptySet<String>(), apostrophes)
    }

    @Test
    fun englishHasWords() {
        assertTrue(entries("values").size > 100)
    }

    @Test
    fun spanishMatchesEnglish() = check("es")

    @Test
    fun germanMatchesEnglish() = check("de")
}
