package dev.switchboard.audit;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How the trail's text splits into the words of the word index ({@code audit_word}) and how a
 * search's words are looked up in it. A word is a run of letters and digits, lower-cased. Japanese
 * and other CJK text has no spaces, so each of its characters and each pair of neighbours is
 * indexed instead: any piece of such text can be found.
 *
 * <p>The index holds one BIGINT per word of an event: a 23-bit hash of the word above the event's
 * id (40 bits), so that it is H2's primary key alone (one compact tree, ids of a word in order). Two
 * words that share a hash only add candidates, which the search's full condition then drops.
 *
 * <p>A search for {@code q} finds the events whose text holds {@code q} (any case) as whole words:
 * starting at the beginning of a word and ending at the end of one (CJK text starts and ends
 * anywhere). Every such event holds each word of {@code q}, so any one of them finds a superset of
 * the matches.
 */
final class AuditWords {

    static final int ID_BITS = 40;
    static final long ID_MASK = (1L << ID_BITS) - 1;

    /** A letter or digit that continues a word; CJK text does not continue one. */
    private static final String WORD_CHAR =
            "[\\p{L}\\p{Nd}&&[^\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}\\p{IsHangul}ー]]";

    private AuditWords() {
    }

    /** The distinct words to index for these texts (nulls skipped). */
    static Set<String> of(String... texts) {
        Set<String> words = new LinkedHashSet<>();
        for (String text : texts) {
            if (text != null) {
                split(text, words::add, true);
            }
        }
        return words;
    }

    /** The distinct words of a search. */
    static Set<String> lookups(String q) {
        Set<String> words = new LinkedHashSet<>();
        split(q, words::add, false);
        return words;
    }

    /** The index's key of a word in an event. */
    static long key(String word, long eventId) {
        return hashBucket(word) << ID_BITS | eventId;
    }

    /** The keys of a word span [first, last]. */
    static long firstKey(String word) {
        return hashBucket(word) << ID_BITS;
    }

    static long lastKey(String word) {
        return firstKey(word) | ID_MASK;
    }

    /** The top 23 bits of the word's 64-bit FNV-1a hash (fixed: the index is kept on disk). */
    private static long hashBucket(String word) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < word.length(); i++) {
            hash ^= word.charAt(i);
            hash *= 0x100000001b3L;
        }
        return hash >>> (64 - (63 - ID_BITS));
    }

    /**
     * A regular expression (for H2's REGEXP) that holds where {@code q} stands as whole words, or null
     * when neither of its ends needs a boundary (both are CJK text or signs).
     */
    static String wholeWords(String q) {
        boolean start = continuesAWord(q.codePointAt(0));
        boolean end = continuesAWord(q.codePointBefore(q.length()));
        if (!start && !end) {
            return null;
        }
        return "(?iu)" + (start ? "(?<!" + WORD_CHAR + ")" : "") + Pattern.quote(q)
                + (end ? "(?!" + WORD_CHAR + ")" : "");
    }

    private static boolean continuesAWord(int cp) {
        return Character.isLetterOrDigit(cp) && !cjk(cp);
    }

    private interface Sink {
        void add(String word);
    }

    private static void split(String text, Sink sink, boolean index) {
        StringBuilder word = new StringBuilder();
        int previousCjk = -1;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cjk(cp)) {
                flush(word, sink);
                String one = lower(new String(Character.toChars(cp)));
                if (previousCjk >= 0) {
                    sink.add(lower(new String(Character.toChars(previousCjk))) + one);
                } else if (!index && (i >= text.length() || !cjk(text.codePointAt(i)))) {
                    sink.add(one); // a lone CJK character in a search
                }
                if (index) {
                    sink.add(one);
                }
                previousCjk = cp;
                continue;
            }
            previousCjk = -1;
            if (Character.isLetterOrDigit(cp)) {
                word.appendCodePoint(cp);
            } else {
                flush(word, sink);
            }
        }
        flush(word, sink);
    }

    private static void flush(StringBuilder word, Sink sink) {
        if (!word.isEmpty()) {
            sink.add(lower(word.toString()));
            word.setLength(0);
        }
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    static boolean cjk(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL
                || cp == 'ー';
    }
}
