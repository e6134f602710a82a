package io.socialcare.listening.analysis;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import io.socialcare.contract.MentionEvent.Analysis;
import io.socialcare.contract.MentionEvent.Sentiment;

/**
 * Deterministic text analysis of a mention: language, sentiment, intent, urgency and topics, from the word lists
 * in {@link Lexicon}; nothing is downloaded or learnt at run time, so the same text always gets the same answer.
 *
 * <p>Sentiment adds up word and phrase polarities with negation ("no funciona bien"), intensifiers, shouting,
 * exclamation marks and contrast ("..., pero ..." weighs the second clause more), and reads Spanish-style irony:
 * praise words next to a problem or a "once again" ("Qué maravilla, otra vez sin conexión") count as negative.
 * Intent follows a fixed precedence: a stated problem makes a complaint (also when phrased as a question or a
 * wish), then suggestion markers, then negative tone (complaint), then questions (with or without '¿'/'?'),
 * then praise.</p>
 */
@ApplicationScoped
public class Analyser {

    public static final String UNDETERMINED = "und";
    private static final Pattern LANG_HINT = Pattern.compile("[a-zA-Z]{2}");
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
    /** Shapes of a stated problem beyond single words: repetition, "sin arreglar", "aunque pagué", "keeps ...ing". */
    private static final List<Pattern> PROBLEM_SHAPES = List.of(
            Pattern.compile(" (por|pela|pelo|for the) (segunda|tercera|cuarta|quinta|terceira|quarta|second|third"
                    + "|fourth|fifth|enesima) (vez|time) "),
            Pattern.compile(" (dos|tres|cuatro|duas|tres|quatro|two|three|four) (veces|vezes|times) "),
            Pattern.compile(" (ya van|y van|and counting|a cada|cada (diez|cinco|dos|media|\\d+) (minutos|horas)"
                    + "|every (ten|five|two|few|\\d+) (minutes|hours)) "),
            Pattern.compile(" (sin|sem|without) (arreglar|solucionar|resolver|saber|contestar|responder|consertar"
                    + "|fixing|solving|explaining|answering|hearing|knowing) "),
            Pattern.compile(" (aunque|even though|although|mesmo) (pague|pagamos|i paid|paguei|pagando|paid) "),
            Pattern.compile(" (keeps|kept) [a-z]+ing "),
            Pattern.compile(" (cansad[oa]s?|hart[oa]s?|tired|fed up|sick and tired) (de|of|with) "),
            Pattern.compile(" (never got|nunca recibi|nunca recebi|never received|never heard back) "));
    private static final Set<String> NOBODY = Set.of("nadie", "ninguem", "nobody", "noone");
    private static final Set<String> WHY = Set.of("por", "porque", "why", "xq", "pq");
    private static final Set<String> THANKS = Set.of("gracias", "thanks", "thank", "obrigado", "obrigada");
    private static final Pattern INTERJECTION = Pattern.compile("^\\W*([\\p{L} ]+?)\\s*[,.!…:]");
    private static final Set<String> WISH_COMPLEMENT = Set.of("que", "si", "if", "poder", "tener", "ter", "to",
            "having", "contar", "haber");
    private static final Set<String> MODAL = Set.of("podrian", "podriais", "poderiam", "podiam", "podian");
    private static final Set<String> INFO_VERBS = Set.of("decir", "indicar", "confirmar", "explicar", "informar",
            "ayudar", "ajudar", "dizer");
    private static final Set<String> IMPERATIVE = Set.of("add", "bring", "let", "make", "put", "include", "open",
            "offer");
    private static final Set<String> WISH_FRAME = Set.of("seria", "estaria", "would", "itd", "encantaria",
            "gustaria", "adoraria");
    private static final Set<String> HOW_VERBS = Set.of("se", "hay", "es", "funciona", "puede", "pueden", "posso",
            "faco", "me", "podemos", "hacer", "hace", "hacemos", "consigo");
    private static final List<Map.Entry<String, Double>> PHRASES_LONGEST_FIRST = Lexicon.PHRASES.entrySet().stream()
            .sorted(Comparator.comparingInt((Map.Entry<String, Double> e) -> e.getKey().split(" ").length).reversed())
            .toList();
    private static final List<Map.Entry<String, Double>> STEMS = Lexicon.WORDS.entrySet().stream()
            .filter(e -> e.getKey().endsWith("*")).toList();
    private static final List<String> FRUSTRATION = Lexicon.PHRASES.entrySet().stream()
            .filter(e -> e.getValue() == -0.5).map(Map.Entry::getKey).toList();

    /** Analysis of a text with an optional language hint and no brand keywords. */
    public Analysis analyse(String text, String langHint) {
        return analyse(text, langHint, List.of(), Set.of());
    }

    /**
     * @param keywords the brand's keywords; those found become topics (product names)
     * @param ignored keywords that are not topics (the brand's own name)
     */
    public Analysis analyse(String text, String langHint, Collection<String> keywords, Set<String> ignored) {
        Text t = new Text(text);
        String language = language(t, langHint);
        double score = sentiment(t);
        String label = score >= 0.2 ? "positive" : score <= -0.2 ? "negative" : "neutral";
        String intent = intent(t, label);
        if (chasesSuggestion(t) && "negative".equals(label)) {
            // chasing a wish is a nudge: the "still waiting" carries no complaint about the customer's own affairs
            score = -0.1;
            label = "neutral";
        }
        if ("complaint".equals(intent) && !"negative".equals(label)) {
            // a complaint read from its form (a question about a long wait) is a negative mention
            score = Math.min(score, -0.3);
            label = "negative";
        }
        String urgency = urgency(t, intent, score);
        List<String> topics = topics(t, keywords, ignored);
        return new Analysis(language, new Sentiment(label, score), intent, urgency, topics);
    }

    /** True when the text names one of the brand's keywords or handles. */
    public boolean mentionsBrand(String text, Collection<String> keywords, Collection<String> handles) {
        String lower = text == null ? "" : text.toLowerCase(Locale.ROOT);
        for (String handle : handles) {
            String h = handle.toLowerCase(Locale.ROOT);
            if (!h.isBlank() && lower.contains(h.startsWith("@") ? h : "@" + h)) {
                return true;
            }
        }
        Text t = new Text(text);
        for (String keyword : keywords) {
            String folded = Text.foldPhrase(keyword);
            if (!folded.isEmpty() && t.contains(folded)) {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- language

    String language(Text t, String hint) {
        if (hint != null && LANG_HINT.matcher(hint).matches()) {
            return hint.toLowerCase(Locale.ROOT);
        }
        return detect(t);
    }

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
            return UNDETERMINED;
        }
        int winners = (es == best ? 1 : 0) + (pt == best ? 1 : 0) + (en == best ? 1 : 0);
        if (winners > 1) {
            return UNDETERMINED;
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

    private record Contribution(int index, String token, double weight, boolean irony, boolean politeness) {
        Contribution times(double factor) {
            return new Contribution(index, token, weight * factor, irony, politeness);
        }
    }

    double sentiment(Text t) {
        List<String> tokens = t.tokens;
        boolean[] consumed = new boolean[tokens.size()];
        List<Contribution> parts = new ArrayList<>();
        for (Map.Entry<String, Double> phrase : PHRASES_LONGEST_FIRST) {
            String[] words = phrase.getKey().split(" ");
            for (int i = 0; i + words.length <= tokens.size(); i++) {
                if (matchesAt(tokens, consumed, words, i)) {
                    for (int k = 0; k < words.length; k++) {
                        consumed[i + k] = true;
                    }
                    if (phrase.getValue() != 0.0) {
                        parts.add(new Contribution(i, phrase.getKey(), phrase.getValue(), false, false));
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
        boolean negative = parts.stream().anyMatch(c -> c.weight() < 0);
        boolean problem = complaint || t.matchesAny(FRUSTRATION) || sarcastic;
        boolean irony = negative && contrastAt < 0 && problem;
        double sum = 0;
        for (Contribution c : parts) {
            double w = c.weight();
            if (negative && c.politeness()) {
                w = 0;
            } else if (irony && c.irony()) {
                w = -Math.abs(w);
            }
            sum += w;
        }
        if (sum != 0.0) {
            sum *= 1 + 0.1 * Math.min(3, t.exclamations());
        }
        double score = sum / Math.sqrt(sum * sum + 4);
        return Math.round(Math.max(-1, Math.min(1, score)) * 100) / 100.0;
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

    String intent(Text t, String label) {
        if (chasesSuggestion(t)) {
            return "suggestion";
        }
        if (statedProblem(t)) {
            return "complaint";
        }
        if (t.matchesAny(Lexicon.SUGGESTION) || wish(t)) {
            return "suggestion";
        }
        if ("negative".equals(label)) {
            return "complaint";
        }
        boolean waited = DURATION.matcher(t.joined).find();
        if (isQuestion(t)) {
            // "... for 50 minutes. Where is it?" / "why does it take so long?": a question about a wait is a complaint
            return waited || whyNot(t) ? "complaint" : "question";
        }
        if (waited && !"positive".equals(label)) {
            return "complaint";
        }
        if ("positive".equals(label) || t.matchesAny(Lexicon.PRAISE)) {
            return "praise";
        }
        return "other";
    }

    /** A stated problem: the complaint lexicon, or "nadie/nobody" doing (or not doing) something. */
    static boolean statedProblem(Text t) {
        if (t.matchesAny(Lexicon.COMPLAINT)) {
            return true;
        }
        for (Pattern shape : PROBLEM_SHAPES) {
            if (shape.matcher(t.joined).find()) {
                return true;
            }
        }
        List<String> tokens = t.tokens;
        for (int i = 0; i + 1 < tokens.size(); i++) {
            if (NOBODY.contains(tokens.get(i)) || ("no".equals(tokens.get(i)) && "one".equals(tokens.get(i + 1)))) {
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
        return t.matchesAny(Lexicon.WAITING) && t.matchesAny(Lexicon.WHEN) && !t.matchesAny(Lexicon.OWN);
    }

    /** A "why" question that carries a negation or a "so long" ("¿por qué tardan tanto?", "why can't I ..."). */
    private static boolean whyNot(Text t) {
        List<String> tokens = t.tokens;
        boolean why = false;
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            if (WHY.contains(token) && (!"por".equals(token) || i + 1 < tokens.size()
                    && "que".equals(tokens.get(i + 1)))) {
                why = true;
            } else if (why && (Lexicon.NEGATORS.contains(token) || "tanto".equals(token) || "long".equals(token)
                    || ("que".equals(token) && i > 0 && Set.of("tengo", "tenho", "hay").contains(tokens.get(i - 1)))
                    || ("to".equals(token) && i > 0 && "have".equals(tokens.get(i - 1))))) {
                return true;
            }
        }
        return false;
    }

    /**
     * A wish in the conditional or a polite request: "sería / would be / seria ... que / if / poder / ter",
     * "podrían / poderiam / could you + verb" (not an information request), an English imperative "add / bring ...".
     */
    private static boolean wish(Text t) {
        List<String> tokens = t.tokens;
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            if (Set.of("seria", "estaria", "would", "itd").contains(token)) {
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
            String token = t.tokens.get(j);
            for (String term : Lexicon.SOLVED) {
                if (term.endsWith("*") ? token.startsWith(term.substring(0, term.length() - 1))
                        : term.indexOf(' ') < 0 && token.equals(term)) {
                    return true;
                }
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
    private static boolean sarcasticOpening(Text t, List<Contribution> parts) {
        List<String> tokens = t.tokens;
        int praiseAt = -1;
        // an interjection set off by punctuation ("Genial, ...", "Qué bien. ...") needs less evidence than a
        // praise word that opens a normal sentence ("Great coverage, no drops at all")
        List<String> first = t.sentences.isEmpty() ? List.of() : t.sentences.get(0);
        java.util.regex.Matcher opening = INTERJECTION.matcher(t.raw);
        boolean interjection = opening.find() && first.size() > 0
                && Text.foldPhrase(opening.group(1)).split(" ").length <= 3;
        for (int i = 0; i < Math.min(3, tokens.size()); i++) {
            if (Lexicon.IRONY.contains(tokens.get(i)) && !THANKS.contains(tokens.get(i))) {
                praiseAt = i;
                break;
            }
        }
        for (int i = 0; i + 1 < tokens.size(); i++) {
            if (THANKS.contains(tokens.get(i)) && Set.of("por", "for", "pelo", "pela").contains(tokens.get(i + 1))) {
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
        if (!interjection) {
            return parts.stream().anyMatch(c -> c.weight() < 0 && c.index() > after);
        }
        for (int i = praiseAt + 1; i < tokens.size(); i++) {
            if (Set.of("no", "not", "nao", "cant", "doesnt", "dont", "sin", "without", "sem").contains(tokens.get(i))) {
                return true;
            }
        }
        return parts.stream().anyMatch(c -> c.weight() < 0 && c.index() > after);
    }

    private static boolean isQuestion(Text t) {
        if (t.hasQuestionMark() || t.matchesAny(Lexicon.QUESTION_PHRASES)) {
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

    String urgency(Text t, String intent, double score) {
        if (t.matchesAny(Lexicon.SAFETY) || t.matchesAny(Lexicon.SECURITY)) {
            return "critical";
        }
        int signals = 0;
        signals += t.matchesAny(Lexicon.LEGAL) ? 1 : 0;
        signals += t.matchesAny(Lexicon.URGENT) ? 1 : 0;
        signals += t.matchesAny(Lexicon.CANCEL) ? 1 : 0;
        signals += t.matchesAny(Lexicon.MEDIA) ? 1 : 0;
        signals += !"praise".equals(intent) && DURATION.matcher(t.joined).find() ? 1 : 0;
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

    // ---------------------------------------------------------------- topics

    List<String> topics(Text t, Collection<String> keywords, Set<String> ignored) {
        Set<String> result = new LinkedHashSet<>();
        Set<String> skip = new LinkedHashSet<>();
        for (String name : ignored) {
            if (name != null) {
                skip.add(Text.foldPhrase(name));
            }
        }
        for (String keyword : keywords) {
            String folded = Text.foldPhrase(keyword);
            boolean brandName = skip.stream().anyMatch(name -> !name.isEmpty()
                    && (" " + folded + " ").contains(" " + name + " ") || folded.replace(" ", "").equals(
                            name.replace(" ", "")));
            if (!folded.isEmpty() && !brandName && t.contains(folded)) {
                result.add(keyword.toLowerCase(Locale.ROOT).trim());
            }
        }
        for (Map.Entry<String, List<String>> topic : Lexicon.TOPICS.entrySet()) {
            if (t.matchesAny(topic.getValue())) {
                result.add(topic.getKey());
            }
        }
        return List.copyOf(result);
    }
}
