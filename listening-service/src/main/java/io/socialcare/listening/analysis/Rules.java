package io.socialcare.listening.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The hand-written reading of a mention from the word lists in {@link Lexicon}: language, tone, a first intent
 * and urgency. {@link Analyser} combines it with {@link IntentModel}, to which its signals are features.
 *
 * <p>Sentiment adds up word and phrase polarities with negation ("no funciona bien"), intensifiers, shouting,
 * exclamation marks and contrast ("..., pero ..." weighs the second clause more), and reads Spanish-style irony:
 * praise words next to a problem or a "once again" ("Qué maravilla, otra vez sin conexión") count as negative;
 * emoji count half a word each (🙃 and 🙄 mark irony).
 * Intent follows a fixed precedence: a stated problem makes a complaint (also when phrased as a question or a
 * wish), then suggestion markers, then negative tone (complaint), then questions (with or without '¿'/'?'),
 * then praise.</p>
 */
final class Rules {

    private static final String NUMBER = "(\\d+|un|una|unos|unas|dos|tres|cuatro|cinco|seis|siete|ocho|diez|varios"
            + "|varias|muchos|muchas|two|three|four|five|six|seven|ten|several|many|a|dois|duas|quatro|muitos|muitas"
            + "|diez|veinte|treinta|cuarenta|media|twenty|thirty|forty|dez|vinte|trinta|quarenta|meia|an)";
    private static final String UNIT = "(dias|dia|semanas|semana|meses|mes|horas|days|day|weeks|week|months|month"
            + "|hours|minutos|minutes)";
    private static final Pattern DURATION = Pattern.compile(
            " (llevo|llevamos|lleva|llevan|hace|van|son|for|been|faz|ha|mas de|more than|over|tras|after|durante) "
                    + NUMBER + " " + UNIT + " "
                    + "| " + NUMBER + " " + UNIT + " (sin|without|sem|esperando|waiting) "
                    + "| (for|durante|hace|faz|ha|llevo) (dias|semanas|meses|days|weeks|months) "
                    + "| (esperando|waiting|aguardando|parada|parado|stuck|espere|esperamos|waited|esperei)"
                    + " (ha |for |desde hace |hace |durante )?" + NUMBER
                    + " " + UNIT + " ");
    /** A pattern over {@link Text#joined} tried only when the text holds one of its gate words. */
    private record Shape(Set<String> gate, Pattern pattern) {
        boolean in(Text t) {
            for (String token : t.tokens) {
                if (gate.contains(token)) {
                    return pattern.matcher(t.joined).find();
                }
            }
            return false;
        }
    }

    /** Shapes of a stated problem beyond single words: repetition, "sin arreglar", "aunque pagué", "keeps ...ing". */
    private static final List<Shape> PROBLEM_SHAPES = List.of(
            new Shape(Set.of("vez", "time"), Pattern.compile(" (por|pela|pelo|for the) (segunda|tercera|cuarta"
                    + "|quinta|terceira|quarta|second|third|fourth|fifth|enesima) (vez|time) ")),
            new Shape(Set.of("veces", "vezes", "times"), Pattern.compile(" (dos|tres|cuatro|duas|tres|quatro|two"
                    + "|three|four) (veces|vezes|times) ")),
            new Shape(Set.of("van", "counting", "cada", "every"), Pattern.compile(" (ya van|y van|and counting"
                    + "|a cada|cada (diez|cinco|dos|media|\\d+) (minutos|horas)"
                    + "|every (ten|five|two|few|\\d+) (minutes|hours)) ")),
            new Shape(Set.of("sin", "sem", "without"), Pattern.compile(" (sin|sem|without) (arreglar|solucionar"
                    + "|resolver|saber|contestar|responder|consertar|fixing|solving|explaining|answering|hearing"
                    + "|knowing) ")),
            new Shape(Set.of("aunque", "though", "although", "mesmo"), Pattern.compile(" (aunque|even though"
                    + "|although|mesmo) (pague|pagamos|i paid|paguei|pagando|paid) ")),
            new Shape(Set.of("keeps", "kept"), Pattern.compile(" (keeps|kept) [a-z]+ing ")),
            new Shape(Set.of("cansado", "cansada", "cansados", "cansadas", "harto", "harta", "hartos", "hartas",
                    "tired", "up"), Pattern.compile(" (cansad[oa]s?|hart[oa]s?|tired|fed up|sick and tired)"
                    + " (de|of|with) ")),
            new Shape(Set.of("never", "nunca"), Pattern.compile(" (never got|nunca recibi|nunca recebi"
                    + "|never received|never heard back) ")));
    private static final Set<String> NOBODY = Set.of("nadie", "ninguem", "nobody", "noone");
    private static final Set<String> WHY = Set.of("por", "porque", "why", "xq", "pq");
    private static final Set<String> THANKS = Set.of("gracias", "thanks", "thank", "obrigado", "obrigada");
    private static final Set<String> WISH_COMPLEMENT = Set.of("que", "si", "if", "poder", "tener", "ter", "to",
            "having", "contar", "haber");
    private static final Set<String> MODAL = Set.of("podrian", "podriais", "poderiam", "podiam", "podian");
    private static final Set<String> INFO_VERBS = Set.of("decir", "indicar", "confirmar", "explicar", "informar",
            "ayudar", "ajudar", "dizer");
    private static final Set<String> IMPERATIVE = Set.of("add", "bring", "let", "make", "put", "include", "open",
            "offer");
    private static final Set<String> WISH_FRAME = Set.of("seria", "estaria", "would", "itd", "id", "encantaria",
            "gustaria", "adoraria", "vendria", "quedaria");
    private static final Set<String> HOW_VERBS = Set.of("se", "hay", "es", "funciona", "puede", "pueden", "posso",
            "faco", "me", "podemos", "hacer", "hace", "hacemos", "consigo");
    /** A sentiment phrase, its words, its weight and its rank (longest phrases are matched first). */
    private record Phrase(String key, String[] words, double weight, int rank) {
    }

    /** The sentiment phrases indexed by their first word. */
    private static final Map<String, List<Phrase>> PHRASES_BY_FIRST_WORD = indexPhrases();
    private static final List<Map.Entry<String, Double>> STEMS = Lexicon.WORDS.entrySet().stream()
            .filter(e -> e.getKey().endsWith("*")).toList();
    private static final Terms FRUSTRATION = new Terms(Lexicon.PHRASES.entrySet().stream()
            .filter(e -> e.getValue() == -0.5).map(Map.Entry::getKey).toArray(String[]::new));
    private static final Set<String> DURATION_UNITS = Set.of("dias", "dia", "semanas", "semana", "meses", "mes",
            "horas", "days", "day", "weeks", "week", "months", "month", "hours", "minutos", "minutes");
    private static final Set<String> CONDITIONAL = Set.of("seria", "estaria", "would", "itd");
    private static final Set<String> HAVE_TO = Set.of("tengo", "tenho", "hay");
    private static final Set<String> NEED = Set.of("have", "need");
    private static final Set<String> FOR = Set.of("por", "for", "pelo", "pela");
    private static final Set<String> ABSENCE = Set.of("no", "not", "nao", "cant", "doesnt", "dont", "sin",
            "without", "sem");

    private Rules() {
    }

    // ---------------------------------------------------------------- language

    static String detect(Text t) {
        int es = 0;
        int pt = 0;
        int en = 0;
        for (String word : t.accented) {
            boolean inEs = Lexicon.ES.contains(word);
            boolean inPt = Lexicon.PT.contains(word);
            boolean inEn = Lexicon.EN.contains(word);
            int shared = (inEs ? 1 : 0) + (inPt ? 1 : 0) + (inEn ? 1 : 0);
            int weight = shared == 1 ? 2 : 1;
            es += inEs ? weight : 0;
            pt += inPt ? weight : 0;
            en += inEn ? weight : 0;
            if (word.endsWith("ción") || word.endsWith("ciones")) {
                es += 1;
            }
            if (word.endsWith("ção") || word.endsWith("ções") || word.endsWith("ão")) {
                pt += 1;
            }
        }
        String lower = t.raw.toLowerCase(Locale.ROOT);
        es += Math.min(6, 2 * count(lower, "ñ¿¡"));
        pt += Math.min(6, 2 * count(lower, "ãõç"));
        int best = Math.max(es, Math.max(pt, en));
        if (best < 2) {
            return Analyser.UNDETERMINED;
        }
        int winners = (es == best ? 1 : 0) + (pt == best ? 1 : 0) + (en == best ? 1 : 0);
        if (winners > 1) {
            return Analyser.UNDETERMINED;
        }
        return es == best ? "es" : pt == best ? "pt" : "en";
    }

    private static int count(String text, String chars) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            if (chars.indexOf(text.charAt(i)) >= 0) {
                n++;
            }
        }
        return n;
    }

    // ---------------------------------------------------------------- sentiment

    /**
     * The lexicon's reading of the tone: the score in [-1, 1], the positive and negative weight that went into it
     * and whether praise words were read as irony.
     */
    record Tone(double score, double positive, double negative, boolean ironic) {
    }

    private record Contribution(int index, String token, double weight, boolean irony, boolean politeness) {
        Contribution times(double factor) {
            return new Contribution(index, token, weight * factor, irony, politeness);
        }
    }

    static Tone sentiment(Text t) {
        List<String> tokens = t.tokens;
        boolean[] consumed = new boolean[tokens.size()];
        List<Contribution> parts = new ArrayList<>();
        for (Phrase phrase : candidatePhrases(tokens)) {
            String[] words = phrase.words();
            for (int i = 0; i + words.length <= tokens.size(); i++) {
                if (matchesAt(tokens, consumed, words, i)) {
                    for (int k = 0; k < words.length; k++) {
                        consumed[i + k] = true;
                    }
                    if (phrase.weight() != 0.0) {
                        parts.add(new Contribution(i, phrase.key(), phrase.weight(), false, false));
                    }
                }
            }
        }
        int contrastAt = -1;
        for (int i = 0; i < tokens.size(); i++) {
            if (!consumed[i] && Lexicon.CONTRAST.contains(tokens.get(i))) {
                contrastAt = i;
            }
        }
        for (int i = 0; i < tokens.size(); i++) {
            if (consumed[i]) {
                continue;
            }
            String token = tokens.get(i);
            double weight = weightOf(token);
            if (weight == 0.0) {
                continue;
            }
            boolean negated = false;
            for (int j = i - 1; j >= Math.max(0, i - 3); j--) {
                if (Lexicon.CONTRAST.contains(tokens.get(j))) {
                    break;
                }
                if (!consumed[j] && Lexicon.NEGATORS.contains(tokens.get(j))) {
                    negated = true;
                    break;
                }
            }
            if (weight < 0 && solvedBefore(t, i)) {
                weight = 0.5; // "resolvieron mi problema": the problem is gone
            }
            if (weight > 0 && wishFrame(tokens, i)) {
                continue; // "sería estupendo que ...", "would love ...": a wish, not an opinion
            }
            if (i > 0 && Lexicon.INTENSIFIERS.contains(tokens.get(i - 1))) {
                weight *= 1.4;
            }
            if (t.shouted.get(i)) {
                weight *= 1.3;
            }
            if (negated) {
                weight = -0.75 * weight;
            }
            parts.add(new Contribution(i, token, weight, !negated && weight > 0 && Lexicon.IRONY.contains(token),
                    Lexicon.POLITENESS.contains(token)));
        }
        if (contrastAt >= 0) {
            int at = contrastAt;
            parts = parts.stream().map(c -> c.index() < at ? c.times(0.5) : c.times(1.5)).toList();
        }
        boolean complaint = statedProblem(t);
        if (complaint && parts.stream().noneMatch(c -> c.weight() < 0)) {
            // a stated problem ("me cobrasteis dos veces") is negative even without a negative word
            parts = new ArrayList<>(parts);
            parts.add(new Contribution(tokens.size(), "", -1.0, false, false));
        }
        boolean sarcastic = contrastAt < 0 && sarcasticOpening(t, parts);
        if (sarcastic && parts.stream().noneMatch(c -> c.weight() < 0)) {
            // "Maravilloso, el tren de las 8 y sin cafetería abierta": the praise opening is the complaint
            parts = new ArrayList<>(parts);
            parts.add(new Contribution(tokens.size(), "", -0.5, false, false));
        }
        int cheer = 0;
        int anger = 0;
        int irony = 0;
        for (int symbol : t.symbols) {
            cheer += Lexicon.POSITIVE_EMOJI.contains(symbol) ? 1 : 0;
            anger += Lexicon.NEGATIVE_EMOJI.contains(symbol) ? 1 : 0;
            irony += Lexicon.IRONIC_EMOJI.contains(symbol) ? 1 : 0;
        }
        if (cheer + anger + irony > 0) {
            // "espectaculares 😍", "otra vez 😡", "qué bien 🙃": up to two emoji count half a word each
            parts = new ArrayList<>(parts);
            parts.add(new Contribution(tokens.size(), "", 0.5 * Math.min(2, cheer) - 0.5 * Math.min(2, anger + irony),
                    false, false));
        }
        boolean negative = parts.stream().anyMatch(c -> c.weight() < 0);
        boolean problem = complaint || FRUSTRATION.in(t) || sarcastic || irony > 0;
        boolean ironic = negative && contrastAt < 0 && problem;
        double sum = 0;
        double positive = 0;
        double negativeSum = 0;
        for (Contribution c : parts) {
            double w = c.weight();
            if (negative && c.politeness()) {
                w = 0;
            } else if (ironic && c.irony()) {
                w = -Math.abs(w);
            }
            sum += w;
            positive += Math.max(0, w);
            negativeSum += Math.min(0, w);
        }
        if (sum != 0.0) {
            sum *= 1 + 0.1 * Math.min(3, t.exclamations());
        }
        double score = sum / Math.sqrt(sum * sum + 4);
        return new Tone(Math.round(Math.max(-1, Math.min(1, score)) * 100) / 100.0, positive, negativeSum,
                sarcastic || ironic);
    }

    private static Map<String, List<Phrase>> indexPhrases() {
        List<Map.Entry<String, Double>> longestFirst = Lexicon.PHRASES.entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<String, Double> e) -> e.getKey().split(" ").length)
                        .reversed())
                .toList();
        Map<String, List<Phrase>> index = new HashMap<>();
        for (int rank = 0; rank < longestFirst.size(); rank++) {
            Map.Entry<String, Double> e = longestFirst.get(rank);
            String[] words = e.getKey().split(" ");
            index.computeIfAbsent(words[0], k -> new ArrayList<>()).add(new Phrase(e.getKey(), words, e.getValue(),
                    rank));
        }
        return index;
    }

    /** The phrases whose first word occurs in the tokens, in matching order (longest first). */
    private static List<Phrase> candidatePhrases(List<String> tokens) {
        List<Phrase> candidates = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String token : tokens) {
            List<Phrase> starting = PHRASES_BY_FIRST_WORD.get(token);
            if (starting != null && seen.add(token)) {
                candidates.addAll(starting);
            }
        }
        candidates.sort(Comparator.comparingInt(Phrase::rank));
        return candidates;
    }

    private static boolean matchesAt(List<String> tokens, boolean[] consumed, String[] words, int at) {
        for (int k = 0; k < words.length; k++) {
            if (consumed[at + k] || !tokens.get(at + k).equals(words[k])) {
                return false;
            }
        }
        return true;
    }

    private static double weightOf(String token) {
        Double exact = Lexicon.WORDS.get(token);
        if (exact != null) {
            return exact;
        }
        for (Map.Entry<String, Double> stem : STEMS) {
            String prefix = stem.getKey().substring(0, stem.getKey().length() - 1);
            if (token.startsWith(prefix)) {
                return stem.getValue();
            }
        }
        return 0.0;
    }

    // ---------------------------------------------------------------- intent

    static String intent(Text t, String label) {
        if (chasesSuggestion(t)) {
            return "suggestion";
        }
        if (statedProblem(t)) {
            return "complaint";
        }
        if (Lexicon.SUGGESTION.in(t) || wish(t)) {
            return "suggestion";
        }
        if ("negative".equals(label)) {
            return "complaint";
        }
        boolean waited = waited(t);
        if (isQuestion(t)) {
            // "... for 50 minutes. Where is it?" / "why does it take so long?": a question about a wait is a complaint
            return waited || whyNot(t) ? "complaint" : "question";
        }
        if (waited && !"positive".equals(label)) {
            return "complaint";
        }
        if ("positive".equals(label) || Lexicon.PRAISE.in(t)) {
            return "praise";
        }
        return "other";
    }

    /** A wait of some length is stated ("llevo tres días", "for 2 weeks", "esperando 40 minutos"). */
    static boolean waited(Text t) {
        return t.memo(Text.WAITED, () -> readWaited(t));
    }

    private static boolean readWaited(Text t) {
        for (String token : t.tokens) {
            if (DURATION_UNITS.contains(token)) {
                return DURATION.matcher(t.joined).find();
            }
        }
        return false;
    }

    /** A stated problem: the complaint lexicon, or "nadie/nobody" doing (or not doing) something. */
    static boolean statedProblem(Text t) {
        return t.memo(Text.PROBLEM, () -> readStatedProblem(t));
    }

    private static boolean readStatedProblem(Text t) {
        if (Lexicon.COMPLAINT.in(t)) {
            return true;
        }
        for (Shape shape : PROBLEM_SHAPES) {
            if (shape.in(t)) {
                return true;
            }
        }
        List<String> tokens = t.tokens;
        for (int i = 0; i < tokens.size(); i++) {
            if (NOBODY.contains(tokens.get(i))
                    || ("no".equals(tokens.get(i)) && i + 1 < tokens.size() && "one".equals(tokens.get(i + 1)))) {
                return true;
            }
        }
        return false;
    }

    /**
     * A customer chasing something announced or asked for, not a transaction of their own: still waiting for it and
     * asking when ("Sigo esperando la leche de almendras… ¿para cuándo?"), with no possessive or order/refund word.
     */
    static boolean chasesSuggestion(Text t) {
        return t.memo(Text.CHASES, () -> readChasesSuggestion(t));
    }

    private static boolean readChasesSuggestion(Text t) {
        return Lexicon.WAITING.in(t) && Lexicon.WHEN.in(t) && !Lexicon.OWN.in(t);
    }

    /** A "why" question that carries a negation or a "so long" ("¿por qué tardan tanto?", "why can't I ..."). */
    static boolean whyNot(Text t) {
        List<String> tokens = t.tokens;
        boolean why = false;
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            if (WHY.contains(token) && (!"por".equals(token) || i + 1 < tokens.size()
                    && "que".equals(tokens.get(i + 1)))) {
                why = true;
            } else if (why && (Lexicon.NEGATORS.contains(token) || "tanto".equals(token) || "long".equals(token)
                    || ("que".equals(token) && i > 0 && HAVE_TO.contains(tokens.get(i - 1)))
                    || ("to".equals(token) && i > 0 && NEED.contains(tokens.get(i - 1))))) {
                return true;
            }
        }
        return false;
    }

    /**
     * A wish in the conditional or a polite request: "sería / would be / seria ... que / if / poder / ter",
     * "podrían / poderiam / could you + verb" (not an information request), an English imperative "add / bring ...".
     */
    static boolean wish(Text t) {
        return t.memo(Text.WISH, () -> readWish(t));
    }

    private static boolean readWish(Text t) {
        List<String> tokens = t.tokens;
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            if (CONDITIONAL.contains(token)) {
                for (int j = i + 1; j < Math.min(tokens.size(), i + 5); j++) {
                    if (WISH_COMPLEMENT.contains(tokens.get(j))) {
                        return true;
                    }
                }
            }
            if (MODAL.contains(token) && i + 1 < tokens.size()) {
                String verb = tokens.get(i + 1);
                if (verb.length() > 3 && (verb.endsWith("ar") || verb.endsWith("er") || verb.endsWith("ir"))
                        && !INFO_VERBS.contains(verb)) {
                    return true;
                }
            }
        }
        for (List<String> sentence : t.sentences) {
            if (IMPERATIVE.contains(sentence.get(0)) && sentence.size() > 2) {
                return true;
            }
        }
        return false;
    }

    private static boolean solvedBefore(Text t, int at) {
        for (int j = Math.max(0, at - 4); j < at; j++) {
            if (Lexicon.SOLVED.isWord(t.tokens.get(j))) {
                return true;
            }
        }
        return false;
    }

    private static boolean wishFrame(List<String> tokens, int at) {
        for (int j = Math.max(0, at - 2); j < at; j++) {
            if (WISH_FRAME.contains(tokens.get(j))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Irony at the start: a praise word opening the text (or "gracias por" / "thanks for") followed by something
     * negative ("Estupendo, se ha vuelto a caer la red", "Gracias por perder mi maleta").
     */
    /**
     * The number of words of an opening interjection set off by punctuation ("¡Qué bien!", "Genial, ..."): after
     * leading symbols, a run of letters and spaces followed by {@code , . ! … :}; 0 when the text opens otherwise.
     * One pass over the characters.
     */
    static int interjectionWords(String raw) {
        int n = raw.length();
        int i = 0;
        while (i < n && !Character.isLetterOrDigit(raw.charAt(i)) && raw.charAt(i) != '_') {
            i++;
        }
        int words = 0;
        boolean inWord = false;
        while (i < n && (Character.isLetter(raw.charAt(i)) || raw.charAt(i) == ' ')) {
            boolean letter = raw.charAt(i) != ' ';
            words += letter && !inWord ? 1 : 0;
            inWord = letter;
            i++;
        }
        while (i < n && Character.isWhitespace(raw.charAt(i))) {
            i++;
        }
        return words > 0 && i < n && ",.!…:".indexOf(raw.charAt(i)) >= 0 ? words : 0;
    }

    private static boolean sarcasticOpening(Text t, List<Contribution> parts) {
        List<String> tokens = t.tokens;
        int praiseAt = -1;
        // an interjection set off by punctuation ("Genial, ...", "Qué bien. ...") needs less evidence than a
        // praise word that opens a normal sentence ("Great coverage, no drops at all")
        for (int i = 0; i < Math.min(3, tokens.size()); i++) {
            if (Lexicon.IRONY.contains(tokens.get(i)) && !THANKS.contains(tokens.get(i))) {
                praiseAt = i;
                break;
            }
        }
        for (int i = 0; i + 1 < tokens.size(); i++) {
            if (THANKS.contains(tokens.get(i)) && FOR.contains(tokens.get(i + 1))) {
                int from = i + 2;
                if (parts.stream().anyMatch(c -> c.weight() < 0 && c.index() >= from && c.index() <= from + 2)) {
                    return true;
                }
            }
        }
        int after = praiseAt;
        if (praiseAt < 0) {
            return false;
        }
        int opening = interjectionWords(t.raw);
        boolean interjection = opening > 0 && opening <= 3 && !t.sentences.isEmpty();
        if (!interjection) {
            return parts.stream().anyMatch(c -> c.weight() < 0 && c.index() > after);
        }
        for (int i = praiseAt + 1; i < tokens.size(); i++) {
            if (ABSENCE.contains(tokens.get(i))) {
                return true;
            }
        }
        return parts.stream().anyMatch(c -> c.weight() < 0 && c.index() > after);
    }

    static boolean isQuestion(Text t) {
        return t.memo(Text.QUESTION, () -> readIsQuestion(t));
    }

    private static boolean readIsQuestion(Text t) {
        if (t.hasQuestionMark() || Lexicon.QUESTION_PHRASES.in(t)) {
            return true;
        }
        for (List<String> sentence : t.sentences) {
            String first = sentence.get(0);
            String next = sentence.size() > 1 ? sentence.get(1) : null;
            boolean opener = Lexicon.QUESTION_OPENERS.contains(first) || "que".equals(first);
            if (!opener || next == null) {
                continue;
            }
            if ("como".equals(first) && !(next.endsWith("o") || HOW_VERBS.contains(next))) {
                continue; // "Como cliente, ..." / "Como siempre, ..." are statements; "como cambio ..." asks
            }
            boolean exclamative = Lexicon.EXCLAMATIVE.contains(next) || "a".equals(next) || "an".equals(next)
                    || weightOf(next) != 0.0 || Lexicon.INTENSIFIERS.contains(next);
            if (!exclamative) {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- urgency

    static String urgency(Text t, String intent, double score) {
        if (Lexicon.SAFETY.in(t) || Lexicon.SECURITY.in(t)) {
            return "critical";
        }
        int signals = 0;
        signals += Lexicon.LEGAL.in(t) ? 1 : 0;
        signals += Lexicon.URGENT.in(t) ? 1 : 0;
        signals += Lexicon.CANCEL.in(t) ? 1 : 0;
        signals += Lexicon.MEDIA.in(t) ? 1 : 0;
        signals += !"praise".equals(intent) && waited(t) ? 1 : 0;
        if (signals >= 3) {
            return "critical";
        }
        if (signals >= 1) {
            return "high";
        }
        if ("complaint".equals(intent) && score <= -0.8) {
            return "high";
        }
        if ("complaint".equals(intent) || "question".equals(intent) || score <= -0.2) {
            return "normal";
        }
        return "low";
    }
}
