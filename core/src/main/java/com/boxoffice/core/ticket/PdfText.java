package com.boxoffice.core.ticket;

import java.io.IOException;
import java.text.Normalizer;
import java.util.Map;

import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * Makes any text printable in a standard PDF font. The standard fonts (Helvetica) need no embedding and
 * keep tickets small, but they only have the WinAnsi characters: a name like "Łódź" would otherwise stop
 * the whole print run. Characters the font lacks become their base letter where there is one
 * ("ź" to "z"), a close letter for a few that do not decompose ("Ł" to "L"), else "?".
 */
final class PdfText {

    private static final Map<Integer, String> CLOSE_LETTERS = Map.ofEntries(
            Map.entry((int) 'Ł', "L"), Map.entry((int) 'ł', "l"),
            Map.entry((int) 'Đ', "D"), Map.entry((int) 'đ', "d"),
            Map.entry((int) 'Ħ', "H"), Map.entry((int) 'ħ', "h"),
            Map.entry((int) 'ı', "i"), Map.entry((int) 'Ŀ', "L"), Map.entry((int) 'ŀ', "l"),
            Map.entry((int) 'Ŧ', "T"), Map.entry((int) 'ŧ', "t"),
            Map.entry((int) 'ș', "s"), Map.entry((int) 'Ș', "S"),
            Map.entry((int) 'ț', "t"), Map.entry((int) 'Ț', "T"),
            Map.entry(0x2212, "-"), Map.entry(0x2010, "-"), Map.entry(0x2011, "-"));

    private PdfText() {
    }

    static String printable(String text, PDFont font) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> out.append(printable(cp, font)));
        return out.toString().strip();
    }

    private static String printable(int cp, PDFont font) {
        if (Character.isWhitespace(cp) || Character.isISOControl(cp) || Character.isSpaceChar(cp)) {
            return " ";
        }
        String single = Character.toString(cp);
        if (canShow(single, font)) {
            return single;
        }
        String close = CLOSE_LETTERS.get(cp);
        if (close != null) {
            return close;
        }
        String base = Normalizer.normalize(single, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
        if (!base.isEmpty() && !base.equals(single) && canShow(base, font)) {
            return base;
        }
        return "?";
    }

    private static boolean canShow(String text, PDFont font) {
        try {
            font.encode(text);
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }
}
