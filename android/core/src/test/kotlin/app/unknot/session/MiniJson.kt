package app.unknot.session

/**
 * A small JSON reader for the test fixtures (the conformance vectors), so
 * the tests need nothing beyond the JDK, JNA and JUnit. Objects keep the raw
 * text of each member so an embedded routine can be handed to the core as is.
 */
sealed class Json {
    data class Obj(val members: LinkedHashMap<String, Json>, val raw: Map<String, String>) : Json() {
        operator fun get(key: String): Json? = members[key]
        fun str(key: String): String = (members[key] as? Str)?.value ?: error("missing text \"$key\"")
        fun long(key: String): Long = (members[key] as? Num)?.value?.toLong() ?: error("missing number \"$key\"")
        fun longOrNull(key: String): Long? = (members[key] as? Num)?.value?.toLong()
        fun bool(key: String): Boolean = (members[key] as? Bool)?.value ?: error("missing true/false \"$key\"")
        fun arr(key: String): List<Json> = (members[key] as? Arr)?.items ?: error("missing list \"$key\"")
        fun obj(key: String): Obj = members[key] as? Obj ?: error("missing object \"$key\"")
    }
    data class Arr(val items: List<Json>) : Json()
    data class Str(val value: String) : Json()
    data class Num(val value: Double) : Json()
    data class Bool(val value: Boolean) : Json()
    object Null : Json()

    companion object {
        fun parse(text: String): Json {
            val r = Reader(text)
            val v = r.value()
            r.ws()
            require(r.i == text.length) { "trailing text at ${r.i}" }
            return v
        }
    }

    private class Reader(val s: String) {
        var i = 0

        fun ws() {
            while (i < s.length && s[i].isWhitespace()) i++
        }

        fun value(): Json {
            ws()
            require(i < s.length) { "unexpected end" }
            return when (val c = s[i]) {
                '{' -> obj()
                '[' -> arr()
                '"' -> Str(string())
                't' -> lit("true", Bool(true))
                'f' -> lit("false", Bool(false))
                'n' -> lit("null", Null)
                else -> if (c == '-' || c.isDigit()) num() else error("unexpected '$c' at $i")
            }
        }

        fun lit(word: String, v: Json): Json {
            require(s.startsWith(word, i)) { "expected $word at $i" }
            i += word.length
            return v
        }

        fun num(): Json {
            val start = i
            while (i < s.length && (s[i].isDigit() || s[i] in "+-.eE")) i++
            return Num(s.substring(start, i).toDouble())
        }

        fun string(): String {
            i++ // opening quote
            val b = StringBuilder()
            while (true) {
                require(i < s.length) { "unterminated string" }
                val c = s[i++]
                when (c) {
                    '"' -> return b.toString()
                    '\\' -> {
                        when (val e = s[i++]) {
                            'n' -> b.append('\n')
                            't' -> b.append('\t')
                            'r' -> b.append('\r')
                            'b' -> b.append('\b')
                            'f' -> b.append('\u000C')
                            'u' -> {
                                b.append(s.substring(i, i + 4).toInt(16).toChar())
                                i += 4
                            }
                            else -> b.append(e)
                        }
                    }
                    else -> b.append(c)
                }
            }
        }

        fun arr(): Json {
            i++
            val items = ArrayList<Json>()
            ws()
            if (s[i] == ']') {
                i++
                return Arr(items)
            }
            while (true) {
                items.add(value())
                ws()
                when (s[i++]) {
                    ',' -> continue
                    ']' -> return Arr(items)
                    else -> error("expected , or ] at ${i - 1}")
                }
            }
        }

        fun obj(): Json {
            i++
            val members = LinkedHashMap<String, Json>()
            val raw = HashMap<String, String>()
            ws()
            if (s[i] == '}') {
                i++
                return Obj(members, raw)
            }
            while (true) {
                ws()
                require(s[i] == '"') { "expected a key at $i" }
                val key = string()
                ws()
                require(s[i++] == ':') { "expected : at ${i - 1}" }
                ws()
                val start = i
                members[key] = value()
                raw[key] = s.substring(start, i)
                ws()
                when (s[i++]) {
                    ',' -> continue
                    '}' -> return Obj(members, raw)
                    else -> error("expected , or } at ${i - 1}")
                }
            }
        }
    }
}
