package io.socialcare.response.service;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Tone and risk check of an outgoing reply, in Spanish and English, before anyone else reads it: irony,
 * shouting, blame, promises of money or dates, and personal data. Written emotion is ambiguous and a public
 * answer cannot be taken back, so the check is deliberately cautious; a supervisor approves what it marks high.
 */
@ApplicationScoped
public class RiskCheck {

    public static final String IRONY = "irony";
    public static final String ALL_CAPS = "all_caps";
    public static final String BLAME = "blame";
    public static final String PROMISE_MONEY = "promise_money";
    public static final String PROMISE_DATE = "promise_date";
    public static final String PERSONAL_DATA = "personal_data";
    public static final String IMPERSONAL = "impersonal";

    public static final String LOW = "low";
    public static final String MEDIUM = "medium";
    public static final String HIGH = "high";

    /** Flags that alone make a reply high risk. */
    private static final Set<String> HIGH_FLAGS = Set.of(IRONY, BLAME, PROMISE_MONEY, PERSONAL_DATA);

    // Matched against the lower-cased text without accents.
    private static final List<String> IRONY_MARKERS = List.of(
            "claro que si,", "como no,", "que sorpresa", "gracias por nada", "enhorabuena por", "jaja", "ja ja",
            "que listo", "faltaria mas", "pues vaya", "menuda sorpresa", "si, claro", "yeah right", "sure, because",
            "thanks for nothing", "what a surprise", "good luck with that", "obviously you", "lol", "/s");
    private static final List<String> IRONY_EMOJI = List.of("\uD83D\uDE44", "\uD83D\uDE12", "\uD83D\uDE43", "\uD83D\uDE0F");
    private static final List<String> BLAME_MARKERS = List.of(
            "es su culpa", "es tu culpa", "es culpa suya", "es culpa tuya", "fue culpa suya", "fue su culpa",
            "por su culpa", "usted deberia haber", "deberia haber leido", "no es culpa nuestra", "no es nuestra culpa",
            "your fault", "you should have", "you failed to", "user error", "not our fault", "you didn't read");
    private static final List<String> MONEY_MARKERS = List.of(
            "le devolveremos", "te devolveremos", "le devolvemos", "te devolvemos", "devolucion del importe",
            "reembols", "le abonaremos", "te abonaremos", "compensacion", "indemniz", "le pagaremos",
            "refund", "reimburse", "money back", "compensate", "we will pay", "we'll pay");
    private static final List<String> DATE_MARKERS = List.of(
            "manana sin falta", "hoy mismo", "sin falta", "le garantizo", "te garantizo", "garantizado",
            "en 24 horas", "en 48 horas", "antes del lunes", "la semana que viene", "manana lo tendra",
            "tomorrow", "by monday", "by friday", "within 24 hours", "within 48 hours", "guaranteed", "i promise",
            "we promise", "le prometo", "te prometo");

    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+");
    private static final Pattern CARD = Pattern.compile("\\b(?:\\d[ -]?){12,18}\\d\\b");
    private static final Pattern PHONE = Pattern.compile("(?<![\\w])\\+?\\d(?:[ .-]?\\d){8,13}(?![\\w])");
    private static final Pattern SHOUTED_WORD = Pattern.compile("\\b\\p{Lu}{3,}\\b");
    private static final Pattern WORD = Pattern.compile("\\b\\p{L}{3,}\\b");
    /** Markers that only count as whole words ("lol", "/s"), compiled once. */
    private static final Map<String, Pattern> WHOLE_WORD = Map.of(
            "lol", Pattern.compile("(^|\\W)lol($|\\W)"),
            "/s", Pattern.compile("(^|\\W)/s($|\\W)"));

    /** The assessment: a level and the reasons for it. */
    public record Assessment(String level, List<String> flags) {
    }

    public Assessment assess(String text, boolean impersonal) {
        Set<String> flags = new LinkedHashSet<>();
        String plain = plain(text);
        if (containsAny(plain, IRONY_MARKERS) || containsAny(text, IRONY_EMOJI)) {
            flags.add(IRONY);
        }
        if (shouts(text)) {
            flags.add(ALL_CAPS);
        }
        if (containsAny(plain, BLAME_MARKERS)) {
            flags.add(BLAME);
        }
        if (containsAny(plain, MONEY_MARKERS)) {
            flags.add(PROMISE_MONEY);
        }
        if (containsAny(plain, DATE_MARKERS)) {
            flags.add(PROMISE_DATE);
        }
        if (personalData(text)) {
            flags.add(PERSONAL_DATA);
        }
        if (impersonal) {
            flags.add(IMPERSONAL);
        }
        return new Assessment(level(flags), new ArrayList<>(flags));
    }

    static String level(Set<String> flags) {
        if (flags.isEmpty()) {
            return LOW;
        }
        if (flags.stream().anyMatch(HIGH_FLAGS::contains) || flags.size() >= 2) {
            return HIGH;
        }
        return MEDIUM;
    }

    /** Most of the words (at least three) written in capitals. */
    static boolean shouts(String text) {
        int words = count(WORD.matcher(text));
        int shouted = count(SHOUTED_WORD.matcher(text));
        return shouted >= 3 && shouted * 2 > words;
    }

    static boolean personalData(String text) {
        if (EMAIL.matcher(text).find()) {
            return true;
        }
        Matcher card = CARD.matcher(text);
        while (card.find()) {
            if (luhn(card.group().replaceAll("[^0-9]", ""))) {
                return true;
            }
        }
        return PHONE.matcher(text).find();
    }

    static boolean luhn(String digits) {
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return digits.length() >= 13 && sum % 10 == 0;
    }

    private static int count(Matcher m) {
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static boolean containsAny(String text, List<String> markers) {
        for (String marker : markers) {
            Pattern wholeWord = WHOLE_WORD.get(marker);
            if (wholeWord != null) {
                if (wholeWord.matcher(text).find()) {
                    return true;
                }
            } else if (text.contains(marker)) {
                return true;
            }
        }
        return false;
    }

    /** Lower case without accents, so that "mañana" and "manana" match alike. */
    static String plain(String text) {
        String decomposed = Normalizer.normalize(text.toLowerCase(java.util.Locale.ROOT), Normalizer.Form.NFD);
        return decomposed.replaceAll("\\p{M}+", "");
    }
}
