package io.socialcare.listening.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
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
            for (String token : t.distinct) {
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

    /** A candidate sentiment phrase for a text: the phrase and the index of its first word in {@link Text#distinct}. */
    private record Candidate(Phrase phrase, int firstWord) {
    }

    /** A sentiment stem ("decepcion*") without its '*', and its weight. */
    private record Stem(String prefix, double weight) {
    }

    /** The sentiment phrases indexed by their first word. */
    private static final Map<String, List<Phrase>> PHRASES_BY_FIRST_WORD = indexPhrases();
    private static final List<Stem> STEMS = Lexicon.WORDS.entrySet().stream()
            .filter(e -> e.getKey().endsWith("*"))
            .map(e -> new Stem(e.getKey().substring(0, e.getKey().length() - 1), e.getValue())).toList();
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

    /**
     * The word sets that the rules test at every word of a text, as bits. {@link Text} looks up the kinds of each
     * distinct word once ({@link #kindsOf}); the rules then test a word with {@link Text#is} rather than with a hash
     * look-up per word and set, which adds up on a long text.
     */
    static final class Kind {
        static final int CONTRAST = 1;
        static final int NEGATOR = 1 << 1;
        static final int INTENSIFIER = 1 << 2;
        static final int IRONY = 1 << 3;
        static final int POLITENESS = 1 << 4;
        static final int NOBODY = 1 << 5;
        static final int WHY = 1 << 6;
        static final int CONDITIONAL = 1 << 7;
        static final int MODAL = 1 << 8;
        static final int WISH_FRAME = 1 << 9;
        static final int THANKS = 1 << 10;
        static final int ABSENCE = 1 << 11;
        /** A word of {@link Lexicon#SOLVED} (which has stems, so it is not in {@link #BY_WORD}). */
        static final int SOLVED = 1 << 12;

        private static final Map<String, Integer> BY_WORD = new HashMap<>();

        static {
            add(CONTRAST, Lexicon.CONTRAST);
            add(NEGATOR, Lexicon.NEGATORS);
            add(INTENSIFIER, Lexicon.INTENSIFIERS);
            add(IRONY, Lexicon.IRONY);
            add(POLITENESS, Lexicon.POLITENESS);
            add(NOBODY, Rules.NOBODY);
            add(WHY, Rules.WHY);
            add(CONDITIONAL, Rules.CONDITIONAL);
            add(MODAL, Rules.MODAL);
            add(WISH_FRAME, Rules.WISH_FRAME);
            add(THANKS, Rules.THANKS);
            add(ABSENCE, Rules.ABSENCE);
        }

        private Kind() {
        }

        private static void add(int kind, Set<String> words) {
            for (String word : words) {
                BY_WORD.merge(word, kind, (a, b) -> a | b);
            }
        }
    }

    private Rules() {
    }

    /** The {@link Kind} bits of a folded word (0 for most words). */
    static int kindsOf(String folded) {
        int kinds = Kind.BY_WORD.getOrDefault(folded, 0);
        return Lexicon.SOLVED.isWord(folded) ? kinds | Kind.SOLVED : kinds;
    }

    // ---------------------------------------------------------------- language

    static String detect(Text t) {
        int es = 0;
        int pt = 0;
        int en = 0;
        // each distinct word once, times the number of times it occurs
        for (int a = 0; a < t.accentedDistinct.size(); a++) {
            String word = t.accentedDistinct.get(a);
            int times = t.accentedCounts[a];
            boolean inEs = Lexicon.ES.contains(word);
            boolean inPt = Lexicon.PT.contains(word);
            boolean inEn = Lexicon.EN.contains(word);
            int shared = (inEs ? 1 : 0) + (inPt ? 1 : 0) + (inEn ? 1 : 0);
            int weight = (shared == 1 ? 2 : 1) * times;
            es += inEs ? weight : 0;
            pt += inPt ? weight : 0;
            en += inEn ? weight : 0;
            if (word.endsWith("ción") || word.endsWith("ciones")) {
                es += times;
            }
            if (word.endsWith("ção") || word.endsWith("ções") || word.endsWith("ão")) {
                pt += times;
            }
        }
        es += Math.min(6, 2 * t.spanishMarks);
        pt += Math.min(6, 2 * t.portugueseMarks);
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
        for (Candidate candidate : candidatePhrases(t)) {
            Phrase phrase = candidate.phrase();
            String[] words = phrase.words();
            // the occurrences of the phrase's first word, in order
            for (int i = t.firstAt(candidate.firstWord()); i >= 0 && i + words.length <= tokens.size();
                    i = t.nextAt(i)) {
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
            if (!consumed[i] && t.is(i, Kind.CONTRAST)) {
                contrastAt = i;
            }
        }
        double[] weights = new double[t.distinct.size()];
        for (int id = 0; id < weights.length; id++) {
            weights[id] = weightOf(t.distinct.get(id));
        }
        for (int i = 0; i < tokens.size(); i++) {
            if (consumed[i]) {
                continue;
            }
            String token = tokens.get(i);
            double weight = weights[t.ids[i]];
            if (weight == 0.0) {
                continue;
            }
            boolean negated = false;
            for (int j = i - 1; j >= Math.max(0, i - 3); j--) {
                if (t.is(j, Kind.CONTRAST)) {
                    break;
                }
                if (!consumed[j] && t.is(j, Kind.NEGATOR)) {
                    negated = true;
                    break;
                }
            }
            if (weight < 0 && solvedBefore(t, i)) {
                weight = 0.5; // "resolvieron mi problema": the problem is gone
            }
            if (weight > 0 && wishFrame(t, i)) {
                continue; // "sería estupendo que ...", "would love ...": a wish, not an opinion
            }
            if (i > 0 && t.is(i - 1, Kind.INTENSIFIER)) {
                weight *= 1.4;
            }
            if (t.shouted.get(i)) {
                weight *= 1.3;
            }
            if (negated) {
                weight = -0.75 * weight;
            }
            parts.add(new Contribution(i, token, weight, !negated && weight > 0 && t.is(i, Kind.IRONY),
                    t.is(i, Kind.POLITENESS)));
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

    /** The phrases whose first word occurs in the text, in matching order (longest first). */
    private static List<Candidate> candidatePhrases(Text t) {
        List<Candidate> candidates = new ArrayList<>();
        for (int id = 0; id < t.distinct.size(); id++) {
            List<Phrase> starting = PHRASES_BY_FIRST_WORD.get(t.distinct.get(id));
            if (starting != null) {
                for (Phrase phrase : starting) {
                    candidates.add(new Candidate(phrase, id));
                }
            }
        }
        candidates.sort(Comparator.comparingInt(c -> c.phrase().rank()));
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
        for (Stem stem : STEMS) {
            if (token.startsWith(stem.prefix())) {
                return stem.weight();
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
        for (String token : t.distinct) {
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
            if (t.is(i, Kind.NOBODY)
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
            if (t.is(i, Kind.WHY) && (!"por".equals(token) || i + 1 < tokens.size()
                    && "que".equals(tokens.get(i + 1)))) {
                why = true;
            } else if (why && (t.is(i, Kind.NEGATOR) || "tanto".equals(token) || "long".equals(token)
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
            if (t.is(i, Kind.CONDITIONAL)) {
                for (int j = i + 1; j < Math.min(tokens.size(), i + 5); j++) {
                    if (WISH_COMPLEMENT.contains(tokens.get(j))) {
                        return true;
                    }
                }
            }
            if (t.is(i, Kind.MODAL) && i + 1 < tokens.size()) {
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
            if (t.is(j, Kind.SOLVED)) {
                return true;
            }
        }
        return false;
    }

    private static boolean wishFrame(Text t, int at) {
        for (int j = Math.max(0, at - 2); j < at; j++) {
            if (t.is(j, Kind.WISH_FRAME)) {
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
            if (t.is(i, Kind.THANKS) && FOR.contains(tokens.get(i + 1))) {
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
            if (t.is(i, Kind.ABSENCE)) {
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
