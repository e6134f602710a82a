package io.socialcare.listening.analysis;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The word lists behind the analyser, for Spanish, English and Portuguese. Written with accents for the reader;
 * folded (see {@link Text#fold}) when loaded, so that a text without accents matches. A term ending in '*' is a
 * stem that matches the start of a word.
 */
final class Lexicon {

    private Lexicon() {
    }

    // ---------------------------------------------------------------- language profiles (accented, lower case)

    static final Set<String> ES = set("el", "la", "los", "las", "de", "del", "que", "qué", "y", "en", "un", "una",
            "unos", "unas", "por", "con", "para", "es", "no", "se", "lo", "al", "mi", "me", "su", "sus", "pero", "muy",
            "ya", "yo", "tu", "te", "esta", "está", "este", "esto", "son", "hay", "como", "cómo", "cuándo", "dónde",
            "porque", "por qué", "también", "todo", "todos", "nada", "hola", "gracias", "otra", "vez", "sin", "desde",
            "hace", "llevo", "días", "cuando", "ni", "le", "les", "nos", "ha", "han", "he", "fue", "era", "tiene",
            "tienen", "pueden", "puedo", "usted", "ustedes", "vuestro", "vuestra", "bien", "mal", "aún", "todavía",
            "sigue", "sigo", "dos", "tres", "semana", "hoy", "ayer", "mañana", "estoy", "están", "favor", "quiero",
            "deberían", "ojalá", "sería", "pedido", "factura", "servicio", "buenas", "tardes", "noches", "días",
            "donde", "cuanto", "cuál", "así", "ahora", "siempre", "nunca", "también", "eso", "mis", "tengo", "hasta",
            "tarde", "tenéis", "vuestra", "vuestro", "queremos", "hacer", "cuenta", "tienda", "vuelo", "mejor",
            "después", "primer", "nuevo", "nueva", "viernes", "lunes", "domingo", "mes", "años", "año");
    static final Set<String> PT = set("o", "a", "os", "as", "de", "do", "da", "dos", "das", "que", "e", "em", "no",
            "na", "nos", "nas", "um", "uma", "por", "com", "para", "é", "não", "nao", "se", "ao", "meu", "minha",
            "seu", "sua", "mas", "muito", "já", "eu", "você", "vocês", "voce", "voces", "está", "este", "isso", "isto",
            "são", "tem", "têm", "como", "quando", "onde", "porque", "também", "tudo", "nada", "olá", "oi",
            "obrigado", "obrigada", "outra", "vez", "sem", "desde", "faz", "ainda", "estou", "ele", "ela", "foi",
            "era", "pelo", "pela", "aqui", "agora", "bem", "mal", "dias", "até", "três", "dois", "hoje", "ontem",
            "amanhã", "quero", "deveriam", "seria", "pedido", "fatura", "serviço", "boa", "tarde", "noite", "minhas",
            "meus", "sempre", "nunca", "isso", "tenho", "estão", "então", "há", "mais", "só", "vocês", "pra", "né",
            "nova", "novo", "ficou", "loja", "conta", "você", "vou", "vai", "foi", "ninguém", "fazer", "depois",
            "também", "agência", "voo", "praia", "sol", "jogo", "família", "semana", "mês", "muita", "pelo", "numa", "num", "tá", "ta", "kkk", "kkkk");
    static final Set<String> EN = set("the", "a", "an", "and", "or", "of", "to", "in", "on", "for", "with", "is",
            "are", "was", "were", "be", "been", "it", "this", "that", "my", "your", "you", "i", "me", "we", "they",
            "not", "no", "do", "does", "did", "have", "has", "had", "can", "could", "would", "should", "will", "why",
            "what", "when", "where", "how", "who", "please", "thanks", "thank", "again", "still", "just", "so", "very",
            "at", "from", "but", "if", "there", "here", "hi", "hello", "days", "since", "our", "yet", "get", "got",
            "its", "im", "dont", "doesnt", "isnt", "cant", "wont", "order", "service", "today", "yesterday", "wish",
            "add", "great", "love", "waiting", "hours", "week", "ive", "been", "any", "all", "about", "now", "after",
            "good", "morning", "everyone", "night", "just", "new", "best", "lol", "guys", "tonight", "tomorrow",
            "weekend", "store", "flight", "card", "account", "never", "nobody", "off", "out", "up", "down");

    // ---------------------------------------------------------------- sentiment

    /** Word (or stem*) → polarity weight. */
    static final Map<String, Double> WORDS = new HashMap<>();
    /** Phrase → polarity weight; a phrase's words are not scored again one by one. */
    static final Map<String, Double> PHRASES = new LinkedHashMap<>();

    static {
        words(-1.0, "malo", "mala", "malos", "malas", "mal", "problema", "problemas", "fallo", "fallos", "falla",
                "fallan", "falla", "avería", "averia", "caído", "caída", "lento", "lenta", "lentísimo", "roto", "rota",
                "dañado", "defectuoso", "error", "errores", "inútil", "inútiles", "penoso", "indignado", "indignada",
                "indignante", "indignación", "enfadado", "enfadada", "molesto", "molesta", "furioso", "furiosa",
                "cabreado", "cabreada", "triste", "harto", "harta", "hartos", "hartas", "cansado", "cansada",
                "decepcion*", "decepcionad*", "queja", "quejas", "reclamo", "reclamación", "timo", "robo",
                "retraso", "retrasos", "retrasado", "demora", "tarde", "ridículo", "absurdo", "insoportable",
                "engaño", "engañado", "engañada", "mentira", "mentiras", "mienten", "ignorado", "ignorada", "ignoran",
                "perdido", "perdida", "impresentable", "abuso", "abusivo", "incompetent*", "nefasto", "deficiente",
                "inaceptable", "cutre", "lamentable",
                "bad", "poor", "broken", "disappointed", "disappointing", "disappointment", "angry", "annoyed",
                "annoying", "frustrated", "frustrating", "ridiculous", "slow", "late", "delayed", "delay", "lost",
                "fail", "failed", "failing", "failure", "error", "errors", "problem", "problems", "issue", "issues",
                "complaint", "crash", "crashes", "crashed", "crashing", "outage", "joke", "shame", "shameful", "rude",
                "incompetent", "garbage", "trash", "unhappy", "upset", "wrong", "useless", "misleading", "overcharged",
                "ruim", "quebrado", "quebrada", "defeito", "absurdo", "atraso", "atrasado", "atrasada", "demora",
                "irritado", "irritada", "raiva", "enganado", "enganada", "problema", "reclamação", "lenta", "lento",
                "decepcionante", "chateado", "chateada", "travando", "trava", "caiu", "gotea", "manchado", "pena",
                "frío", "fría", "cold", "leaking", "desaparecido", "desaparecidos",
                "duro", "dura", "aguado", "aguada", "quemado", "stale", "soggy", "overpriced", "lukewarm",
                "perder", "perdieron", "perdí", "perdiendo", "cancelado", "cancelada", "remarcado", "remarcada",
                "cancelled", "canceled", "cancelaron", "extraviada", "extraviado", "caer", "cortes", "corte",
                "subida", "subido", "subió", "subiu", "cortado", "bloqueada", "bloqueado", "bloqueado",
                "tarda", "tardan", "tardando", "unusable", "declined", "frio", "morno", "equivocado", "equivocada",
                "errado", "errada", "erro", "broke", "swallowed", "imposible", "impossible", "impossível", "seco",
                "seca", "caducó", "caducada", "adoçado", "hair", "corta", "cortó", "se corta", "freezing",
                "freezes", "frozen", "destiñó", "desbotou", "estropeada", "estropeado", "colgaron", "colgó",
                "dropped", "runaround", "largas", "tirado", "tirada", "averiado", "averiada", "sucio", "sucia",
                "dirty", "estragado", "estragada", "quebrou", "damaged", "ruined", "borra", "borró", "deletes", "deleted",
                "apagou", "grosero", "grosera", "groseros", "grosería", "maleducado", "maleducada", "grosso", "grossa",
                "grosseiro", "grosseira", "rajada", "rajado", "cracked", "derretido",
                "derretida", "melted", "bug", "bugs", "aff", "ugh", "argh", "uf", "puf", "nojo", "nojento");
        words(-1.5, "fatal", "peor", "peores", "worse", "unacceptable", "pior", "piores", "descaso", "palhaçada");
        words(-2.0, "pésimo", "pésima", "pésimos", "terrible", "terribles", "horrible", "horribles", "desastre",
                "desastroso", "vergüenza", "vergonzoso", "asco", "asqueroso", "odio", "estafa", "estafadores",
                "ladrones", "fraude", "basura", "mierda", "awful", "worst", "hate", "scam", "fraud", "ripoff",
                "pathetic", "nightmare", "sucks", "disgrace", "disgusting", "péssimo", "péssima", "horrível",
                "terrível", "vergonha", "lixo", "odeio", "golpe", "vigaristas", "ladrões");
        words(0.5, "gracias", "thanks", "thank", "obrigado", "obrigada", "funciona", "funcionando", "works", "working",
                "ok", "vale", "like", "gusta", "resuelto", "solved", "resolved", "resolvido");
        words(1.0, "rápidos", "rápidas", "majo", "maja", "majos", "majas", "majísimo", "majísima", "educado",
                "educada", "educados", "gentil", "gentis", "smoothest", "easiest", "fastest", "friendliest", "nicest",
                "espectaculares", "gozada", "pasada", "atenciosos", "atenciosa", "atencioso", "atenciosas",
                "eficaces", "eficaz", "arrasam", "arrasou", "rock", "rocks", "lifesaver", "joy", "perfectamente",
                "perfectly", "perfeitamente");
        words(1.0, "bueno", "buena", "buenos", "buenas", "bien", "genial", "fantástico", "fantástica", "estupendo",
                "estupenda", "maravilla", "maravilloso", "maravillosa", "perfecto", "perfecta", "increíble",
                "encantado", "encantada", "agradecido", "agradecida", "agradezco", "feliz", "contento", "contenta",
                "rápido", "rápida", "rapidísimo", "eficiente", "recomendable", "mejor", "top", "crack", "cracks",
                "lujo", "olé", "bravo", "solucionado", "solucionada", "útil", "fácil", "cómodo", "sencillo",
                "good", "great", "lovely", "happy", "glad", "fast", "quick", "helpful", "friendly", "perfect", "nice",
                "recommend", "fixed", "easy", "smooth", "impressed", "brilliant", "superb", "kudos", "fantastic",
                "wonderful", "thrilled", "bom", "boa", "bons", "maravilhoso", "maravilhosa", "maravilha", "perfeito",
                "perfeita", "incrível", "feliz", "rápido", "eficiente", "melhor", "legal", "show", "gostei", "fácil",
                "satisfecho", "satisfecha", "satisfied", "satisfeito", "satisfeita", "enhorabuena", "felicidades",
                "recomiendo", "recomendo", "atento", "atenta", "amables", "buen", "favorito", "favorita");
        words(1.5, "amable", "pleased", "rapidísimos", "caprichado", "pontual", "impecable", "impecável",
                "impeccable", "delighted", "prestativa", "prestativo", "resolutivo", "resolutiva", "ricos", "ricas",
                "fenomenal", "ideal", "best", "parabéns", "mejorado", "loved", "encanto", "loving", "rico", "rica",
                "delicioso", "deliciosa", "delicious", "tasty", "gostoso", "gostosa", "lindo", "linda",
                "bonito", "bonita", "beautiful", "puntual", "flawless", "encantadora", "encantador");
        words(2.0, "excelente", "encanta", "encantan", "excellent", "amazing", "awesome", "love", "ótimo", "ótima",
                "adoro", "amei", "adorei", "buenísimo", "buenísima", "brutal", "espectacular", "outstanding");

        phrases(-1.5, "no funciona", "no va", "no anda", "no sirve", "no carga", "no llega", "no ha llegado",
                "no me ha llegado", "no me llega", "no llegó", "nunca llegó", "no responden", "no contestan",
                "nadie responde", "nadie contesta", "nadie me responde", "nadie me contesta", "sin conexión",
                "sin servicio", "sin internet", "sin señal", "sin luz", "sin línea", "sin respuesta", "sin cobertura",
                "sin wifi", "sin red", "sin agua", "sin gas", "sin solución", "sin fibra", "se cae", "se cayó",
                "not working", "doesnt work", "does not work", "didnt work", "stopped working", "no signal",
                "no internet", "no service", "no connection", "no response", "no answer", "without internet",
                "without service", "never arrived", "hasnt arrived", "has not arrived", "not arrived",
                "still waiting", "charged twice", "double charged", "nobody answers", "no one answers",
                "não funciona", "nao funciona", "parou de funcionar", "sem internet", "sem sinal", "sem serviço",
                "sem conexão", "sem resposta", "sem luz", "ninguém responde", "não chegou", "nunca chegou",
                "sigo esperando", "seguimos esperando", "ainda esperando", "me cobraron dos veces", "cobro doble",
                "cobrado dos veces", "cobrança indevida", "cobro indebido", "dejó de funcionar", "ha dejado de funcionar");
        phrases(-2.0, "gracias por nada", "thanks for nothing", "obrigado por nada", "tomadura de pelo",
                "servicio pésimo", "pésimo servicio", "atención pésima", "de vergüenza");
        phrases(-0.5, "otra vez", "una vez más", "como siempre", "cada dos por tres", "yet again", "as usual",
                "once again", "outra vez", "de novo", "como sempre", "de nuevo", "again");
        phrases(0.0, "gracias de antemano", "thanks in advance", "obrigado desde já", "desde ya gracias",
                "me gusta saber", "buenos días", "buenas tardes", "buenas noches", "bom dia", "boa tarde",
                "boa noite", "good morning", "good afternoon", "feliz domingo", "feliz lunes", "feliz viernes",
                "feliz fin de semana", "happy friday", "happy monday", "happy weekend", "happy holidays",
                "feliz navidad", "merry christmas", "feliz natal", "bom fim de semana", "feliz sábado", "a ver si", "lo antes posible", "por favor",
                "esta tarde", "la tarde", "por la tarde", "de la tarde", "mas tarde", "más tarde", "lo ideal");
        phrases(1.0, "vale la pena", "merece la pena", "worth it", "vale a pena");
        phrases(-1.0, "sin avisar", "sin previo aviso", "without notice", "without any notice", "sem avisar",
                "sem aviso", "ni una respuesta", "is down", "app is down", "está caída",
                "no deja", "no me deja", "não deixa", "cant log in", "cant login", "no me funciona", "no funcionan",
                "não me funciona");
        phrases(-1.0, "on hold", "en espera", "vuelto a mandar", "volvieron a", "vuelto a");
        phrases(1.5, "sin esperas", "without a hitch", "sem espera", "sem esperas", "de diez", "chapó", "chapeau", "nota 10", "un 10", "de 10");
        phrases(-1.0, "mal educado", "mal educada", "mal educados");
        phrases(1.5, "así sí", "assim sim", "made my day", "fez meu dia", "nota mil", "un sol", "um amor",
                "un amor", "that's how it's done");
        phrases(0.0, "cuánto tarda", "cuánto tardan", "cuánto dura", "cuándo dura", "cuánto tiempo tarda",
                "how long does", "how long do", "quanto tempo demora", "quanto tempo dura", "quanto demora",
                "sin azúcar", "sin gluten", "sin lactosa", "sem açúcar", "sem glúten", "sem lactose", "sugar free",
                "gluten free");
        phrases(1.5, "muchas gracias", "mil gracias", "thank you so much", "thanks a lot", "muito obrigado",
                "muito obrigada", "me encanta", "me encantó", "i love", "great job", "buen trabajo", "bom trabalho",
                "muy bien", "very good");
    }

    /** Emoji that praise or cheer. */
    static final Set<Integer> POSITIVE_EMOJI = codePoints("😍❤💕💖💗💙💚💛🧡💜🥰😊😀😃😄😁🙌👏👍👌🤩🥳⭐🌟💯🔝😋🤗☺💪🎉✨😎");
    /** Emoji of anger, disgust or sadness. */
    static final Set<Integer> NEGATIVE_EMOJI = codePoints("😡🤬😠😤👎😞😢😭😩😫💩🤮🤢😑☹🙁😕😔🤦😣😖");
    /** Emoji that mark what comes before as irony ("Qué maravilla 🙃"). */
    static final Set<Integer> IRONIC_EMOJI = codePoints("🙃🙄😒🤡");

    /** Words that turn the polarity of the next few words around. */
    static final Set<String> NEGATORS = folded("no", "nunca", "jamás", "ni", "tampoco", "sin", "not", "never",
            "dont", "doesnt", "didnt", "isnt", "wasnt", "arent", "cant", "cannot", "wont", "aint", "without",
            "não", "nem", "jamais", "sem", "nada", "nadie", "nobody", "ninguém");
    /** Words that make the next word stronger. */
    static final Set<String> INTENSIFIERS = folded("muy", "tan", "super", "súper", "realmente", "totalmente",
            "bastante", "demasiado", "very", "so", "really", "totally", "extremely", "too", "muito", "muita",
            "bem", "tão", "demais", "absolutamente", "absolutely");
    /** Words after which the clause that follows counts more than the one before ("..., pero ..."). */
    static final Set<String> CONTRAST = folded("pero", "but", "however", "aunque", "though", "porém", "contudo",
            "embargo");
    /** Courtesy that carries no opinion when the rest of the text is negative. */
    static final Set<String> POLITENESS = folded("gracias", "thanks", "thank", "obrigado", "obrigada", "ok", "vale");
    /**
     * Positive words typical of sarcasm: they count as negative when the text also carries negative evidence
     * ("Qué maravilla, otra vez sin conexión").
     */
    static final Set<String> IRONY = folded("maravilla", "maravilloso", "genial", "perfecto", "fantástico",
            "estupendo", "bravo", "olé", "bien", "bueno", "great", "perfect", "wonderful", "fantastic", "awesome",
            "brilliant", "nice", "lovely", "love", "maravilha", "perfeito", "ótimo", "legal", "gracias", "thanks",
            "obrigado", "encanta", "excelente", "increíble", "incrível", "amazing", "felicidades", "enhorabuena",
            "parabéns", "lujo", "top", "buenísimo", "fenomenal", "ideal", "glad",
            "nice", "cracks", "crack", "amo", "suerte");

    // ---------------------------------------------------------------- intent

    static final Terms SUGGESTION = terms("deberían", "deberíais", "deberías", "debería haber",
            "debería tener", "debería poder", "tendrían que", "tienen que añadir", "tienen que poner",
            "sería genial que", "sería genial si", "sería genial poder", "sería bueno que", "sería bueno si",
            "sería útil", "sería ideal", "sería increíble", "sería estupendo", "sería buena idea", "sería fantástico",
            "estaría bien que", "estaría bien poder", "estaría genial", "estaría bueno", "ojalá", "me encantaría que",
            "me encantaría poder", "me gustaría que", "me gustaría poder", "podrían añadir", "podrían agregar",
            "podrían poner", "podrían incluir", "podrían hacer", "podrían sacar", "podrían tener", "podrían permitir",
            "podríais añadir", "por qué no añaden", "por qué no ponen", "por qué no agregan", "por qué no sacan",
            "qué tal si", "propongo", "sugiero", "sugerencia", "sugerencias", "les sugiero", "os sugiero",
            "falta una opción", "falta la opción", "falta un modo", "echo de menos", "echo en falta", "añadan",
            "agreguen", "incluyan", "habría que", "convendría", "molaría", "quisiera que", "una idea",
            "i wish", "please add", "it would be great if", "would be great if", "would be great to",
            "would be nice", "would be awesome", "would be cool", "would love", "id love", "you should",
            "should add", "should have", "should allow", "should let", "could you add", "can you add",
            "could you please add", "suggestion", "i suggest", "feature request", "why not add",
            "why dont you add", "consider adding", "please consider", "hope you add", "please make", "id like to see",
            "would like to see", "please bring", "please allow", "itd be great", "it would be nice",
            "seria ótimo se", "seria ótimo que", "seria bom se", "seria legal se", "seria incrível se",
            "seria ótimo ter", "deveriam", "deviam", "deveria", "devia ter", "proposta", "propuesta", "idea para",
            "propondría", "proposal", "idea for", "poderiam adicionar", "poderiam colocar", "poderiam ter",
            "poderiam incluir", "podiam colocar", "podiam ter", "sugiro", "sugestão", "gostaria que",
            "adoraria que", "adicionem", "coloquem", "tomara que", "por que não adicionam", "falta uma opção",
            "queria que", "podríais hacer", "podríais poner", "podríais tener", "podríais sacar",
            "podríais incluir", "podríais vender", "estaría bien tener", "would be amazing", "would be awesome",
            "itd be awesome", "itd be nice", "would make life easier", "seria legal ter", "seria bom ter",
            "seria ótimo poder", "seria legal poder", "seria bom poder", "you need more", "you guys need",
            "you really need", "lo ideal sería", "lo ideal seria", "un puntazo");

    /** Problems that make a text a complaint even when it asks something or suggests something. */
    static final Terms COMPLAINT = terms("no funciona", "no va", "no anda", "no sirve", "no carga",
            "no llega", "no ha llegado", "no me ha llegado", "no me llega", "no llegó", "nunca llegó", "no responden",
            "no contestan", "nadie responde", "nadie contesta", "sin conexión", "sin servicio", "sin internet",
            "sin señal", "sin luz", "sin línea", "sin respuesta", "sin cobertura", "sin wifi", "sin red", "sin fibra",
            "me cobraron", "me han cobrado", "me cobran", "cobro indebido", "cobro doble", "cobrado de más",
            "devuelvan", "devolverme", "devolver el dinero", "devolvieran", "quiero mi dinero", "exijo", "estafa*", "fraude", "queja",
            "quejas", "reclamación", "reclamo", "sigo esperando", "seguimos esperando", "todavía no ha", "aún no ha",
            "se cae", "se cayó", "caída", "avería", "roto", "rota", "defectuoso", "arreglen", "arreglad",
            "solucionen", "dejó de funcionar", "ha dejado de funcionar", "gracias por nada", "otra vez sin",
            "pésimo", "pésima", "vergüenza",
            "not working", "doesnt work", "does not work", "stopped working", "charged twice", "double charged",
            "overcharged", "want my money back", "still no refund", "scam", "fraud", "complaint", "still waiting", "never arrived",
            "hasnt arrived", "has not arrived", "no signal", "no internet", "no service", "no response", "crash*",
            "broken", "outage", "please fix", "fix this", "thanks for nothing", "worst", "unacceptable",
            "não funciona", "nao funciona", "parou de funcionar", "sem internet", "sem sinal", "sem serviço",
            "sem conexão", "sem resposta", "não chegou", "nunca chegou", "cobrança indevida", "me cobraram",
            "reclamação", "consertem", "arrumem", "ainda esperando", "péssimo", "péssima",
            "travando", "vergonha", "obrigado por nada",
            "me cobr*", "me habéis cobrado", "me ha cobrado", "cobrasteis", "cobrado dos veces", "dos cargos",
            "cargo duplicado", "me aparece un cargo", "un cargo que no", "si cancelé", "devolváis", "no me hacen caso",
            "nadie me hace caso", "nadie me contesta", "no respeta*", "me han desaparecido", "han desaparecido",
            "nadie me da", "gotea", "me he manchado", "sigo sin", "seguimos sin", "llegó frío", "llegó tarde",
            "still nothing", "still no", "ainda sem", "leaking", "leaks", "cold food", "arrived cold",
            "sin avisar", "sin previo aviso", "without notice", "without any notice", "sem avisar", "sem aviso",
            "ni una respuesta", "is down", "app is down", "cobrarme", "charging me", "paying extra", "pagar extra",
            "cobram pela", "cobram por", "cobran por", "sai do ar", "out of service", "imposible contactar", "impossible to reach", "on hold",
            "en espera", "vuelto a mandar", "es normal que", "is it normal", "é normal", "cómo es posible",
            "how is it possible", "como é possível", "para qué pago", "whats the point", "cuánto más",
            "how much longer", "quanto tempo mais", "no me deja", "não deixa", "cant log in", "no me funciona",
            "no funcionan", "no vuelvo", "no volveré", "no pienso volver", "never again", "not coming back",
            "não volto", "nunca mais", "y encima", "e ainda por cima", "and on top of that");

    /** Words that open a question even without '¿' or '?'. */
    static final Set<String> QUESTION_OPENERS = folded("cómo", "cuándo", "dónde", "cuál", "cuáles", "cuánto",
            "cuánta", "cuántos", "cuántas", "quién", "quiénes", "puedo", "pueden", "podrías", "podéis", "tienen",
            "existe", "alguien", "sabéis", "saben", "how", "when", "where", "what", "why", "who", "which", "can",
            "could", "do", "does", "did", "is", "are", "will", "would", "anyone", "anybody", "quando", "onde", "qual",
            "quais", "quanto", "quem", "posso", "podem", "alguém", "vocês", "têm");
    /** Question phrases anywhere in the text. */
    static final Terms QUESTION_PHRASES = terms("alguien sabe", "me pueden decir", "me podéis decir",
            "me podrían decir", "quisiera saber", "me gustaría saber", "necesito saber", "me pueden ayudar",
            "me podrían ayudar", "cómo puedo", "cómo hago", "cómo se", "por qué", "se puede", "hay forma",
            "hay manera", "hay alguna", "what is", "how can i", "how do i", "does anyone know", "is there",
            "can i", "can you tell", "gostaria de saber", "alguém sabe", "como faço", "como posso", "é possível",
            "tem como", "por que", "se pueden", "se podría", "dá pra", "da para");
    /** Words after a leading "qué" / "que" that make it an exclamation, not a question ("Qué maravilla"). */
    static final Set<String> EXCLAMATIVE = folded("bien", "mal", "maravilla", "horror", "vergüenza", "asco",
            "genial", "rico", "bueno", "buena", "lindo", "linda", "pena", "desastre", "bonito", "bonita", "guay",
            "alegría", "ilusión", "gusto", "rápido", "rápida", "fuerte", "triste", "lástima", "barbaridad",
            "ótimo", "legal", "beleza", "raiva", "vergonha", "demais", "absurdo", "locura", "pasada", "crack", "ricos",
            "ricas", "suerte", "maravilha", "tela");
    static final Terms PRAISE = terms("gracias", "thank*", "obrigad*", "felicidades", "enhorabuena",
            "kudos", "parabéns", "bravo", "me encanta", "i love", "love your", "love the", "great job",
            "buen trabajo", "recomiendo", "recommend", "recomendo", "excelente", "excellent", "amazing", "adoro",
            "amei", "increíble", "genial", "great");

    /** Contests, giveaways and calls to share: marketing chatter, not a customer speaking. */
    static final Terms PROMOTION = terms("sorteo", "sorteamos", "concurso", "giveaway", "sorteio", "gana", "ganar",
            "win", "ganhe", "ganhar", "participa", "participe", "enter to", "rt", "retuitea", "retweet", "comparte",
            "share", "compartilhe", "hiring", "buscamos", "vaga", "oferta de empleo", "nuevo vídeo", "new video",
            "vídeo novo", "link in bio", "enlace en la bio");

    /** Openers of a rhetorical question, which usually voices a complaint ("¿cómo es posible que...?"). */
    static final Terms RHETORICAL = terms("por qué", "por que", "porque", "xq", "pq", "why", "how come",
            "cómo es posible", "como é possível", "how is it possible", "cómo es que", "como assim", "tan difícil",
            "tão difícil", "how hard", "en serio", "seriously", "sério", "de verdad", "es mucho pedir",
            "é pedir muito", "too much to ask", "qué pasa", "what's going on", "cuántas veces", "quantas vezes",
            "how many times", "hasta cuándo", "até quando", "algún día", "algum dia", "ever", "para qué",
            "pra que", "what's the point", "quién me", "quem vai", "who is going to");

    /** Words that speak to the brand (second person): a customer talking to it rather than chatting. */
    static final Terms ADDRESSED = terms("os", "vosotros", "vuestro", "vuestra", "vuestros", "vuestras", "habéis",
            "tenéis", "sois", "podéis", "podríais", "deberíais", "ustedes", "les", "you", "your", "youre", "yours",
            "you've", "vocês", "voces", "vcs", "seu", "sua", "seus", "suas");

    /** Waiting that is still going on ("sigo esperando", "still waiting"). */
    static final Terms WAITING = terms("sigo esperando", "seguimos esperando", "todavía espero",
            "todavía esperamos", "aún espero", "sigo a la espera", "still waiting", "still waiting for",
            "still waiting on", "ainda esperando", "ainda estou esperando", "continuo esperando", "sigo aguardando",
            "ainda aguardando");
    /** "When will it come?" asked about something expected. */
    static final Terms WHEN = terms("para cuándo", "cuándo", "when", "any news", "quando", "pra quando",
            "para quando");
    /** Words that make a waited-for thing the customer's own transaction rather than a product or feature. */
    static final Terms OWN = terms("mi", "mis", "my", "meu", "minha", "meus", "minhas", "nuestro",
            "nuestra", "our", "pedido*", "paquete*", "reembols*", "devoluci*", "técnico*", "order*", "package*",
            "parcel*", "refund*", "technician*", "encomenda*", "estorno*", "entrega*", "delivery", "llegue",
            "llegar", "arrive*", "chegar", "respuesta", "answer", "resposta", "factura*", "bill");
    /** Verbs that mean a problem got solved: the problem word next to them is not a complaint. */
    static final Terms SOLVED = terms("resolv*", "soluciona*", "arreglaron", "arreglasteis", "fixed",
            "solved", "sorted", "resolved", "nunca he tenido", "never had");

    // ---------------------------------------------------------------- urgency

    static final Terms SAFETY = terms("incendio", "fuego", "humo", "explot*", "explosión", "peligro",
            "peligroso", "herido", "herida", "quemadura", "intoxica*", "electrocut*", "descarga eléctrica",
            "fire", "smoke", "explod*", "explosion", "danger*", "injur*", "poison*", "burned", "electric shock",
            "fogo", "fumaça", "perigo", "perigoso", "ferido", "ferida", "choque elétrico", "incêndio");
    static final Terms SECURITY = terms("hackeado", "hackeada", "hackearon", "me han hackeado",
            "robaron mi cuenta", "robado la cuenta", "suplantación", "datos filtrados", "filtración de datos",
            "hacked", "data breach", "leaked", "account stolen", "identity theft", "stolen account", "vazamento",
            "invadiram", "clonaron mi tarjeta", "cargos que no reconozco", "unauthorized charge*");
    static final Terms LEGAL = terms("abogad*", "demanda*", "demandar", "denunci*", "juicio", "tribunal*",
            "juzgado", "omic", "facua", "hoja de reclamaciones", "profeco", "sernac", "indecopi", "consumidor",
            "acciones legales", "vía legal", "lawyer*", "attorney", "sue", "suing", "lawsuit", "legal action",
            "court", "advogad*", "processar", "procon", "reclame aqui", "justiça", "ação judicial");
    static final Terms URGENT = terms("urgente", "urgentemente", "urgencia", "urgent*", "asap",
            "emergencia", "emergency", "emergência", "cuanto antes", "lo antes posible", "inmediatamente",
            "immediately", "right now", "ya mismo", "imediatamente", "o quanto antes");
    static final Terms CANCEL = terms("cancelar", "cancelo", "cancelaré", "cancelación", "cancelacion",
            "dar de baja", "darme de baja", "me doy de baja", "me cambio a", "me cambio de", "me voy a la competencia",
            "me paso a", "portabilidad", "cambiarme de compañía", "cancel", "cancelling", "canceling",
            "cancellation", "switch to", "switching to", "unsubscribe", "cancelamento", "vou cancelar",
            "mudar de operadora", "portabilidade");
    static final Terms MEDIA = terms("viral", "prensa", "periodista", "televisión", "the press",
            "journalist", "imprensa", "jornalista", "todo el mundo se va a enterar");

    // ---------------------------------------------------------------- topics

    /** Topic → the words that reveal it. */
    static final Map<String, Terms> TOPICS = new LinkedHashMap<>();

    static {
        TOPICS.put("billing", terms("factura*", "facturación", "cobro*", "cobra*", "cobrar*", "cobraron", "cobrado", "cobran",
                "cargo", "cargos", "recibo", "recibos", "bill", "bills", "billing", "billed", "invoice*", "charge*",
                "fatura*", "cobrança", "cobraram", "boleto"));
        TOPICS.put("delivery", terms("envío", "envíos", "entrega*", "pedido*", "paquete*", "repartidor*",
                "mensajer*", "transportista", "delivery", "deliveries", "delivered", "shipping", "shipment", "package",
                "parcel", "courier", "order", "encomenda", "frete", "entregador", "correios", "domicilio", "reparto",
                "llegó", "llegar", "on its way"));
        TOPICS.put("app", terms("app", "apps", "aplicación", "aplicacion", "aplicativo", "application",
                "actualización", "update", "android", "ios", "iphone", "login", "atualização"));
        TOPICS.put("connection", terms("conexión", "internet", "wifi", "fibra", "red", "señal", "cobertura",
                "conexão", "sinal", "connection", "network", "signal", "outage", "router", "4g", "5g", "rede",
                "banda ancha", "broadband"));
        TOPICS.put("price", terms("precio*", "caro", "cara", "caros", "tarifa*", "subida", "price*", "pricing",
                "expensive", "preço*", "cuota", "fee", "fees", "mensualidad", "mensalidade"));
        TOPICS.put("support", terms("atención al cliente", "servicio al cliente", "atención", "soporte",
                "customer service", "support", "atendimento", "call center", "operador", "operadora", "agente"));
        TOPICS.put("refund", terms("reembols*", "devolu*", "refund*", "estorno"));
        TOPICS.put("account", terms("cuenta", "contraseña", "password", "account", "conta", "senha",
                "usuario", "perfil"));
    }

    // ---------------------------------------------------------------- helpers

    private static void words(double weight, String... words) {
        for (String word : words) {
            WORDS.put(Text.fold(word.replace("*", "")) + (word.endsWith("*") ? "*" : ""), weight);
        }
    }

    private static void phrases(double weight, String... phrases) {
        for (String phrase : phrases) {
            PHRASES.put(Text.foldPhrase(phrase), weight);
        }
    }

    private static Set<String> set(String... words) {
        return Set.copyOf(new HashSet<>(List.of(words)));
    }

    private static Set<Integer> codePoints(String symbols) {
        Set<Integer> result = new HashSet<>();
        symbols.codePoints().forEach(result::add);
        return Set.copyOf(result);
    }

    private static Set<String> folded(String... words) {
        Set<String> result = new HashSet<>();
        for (String word : words) {
            result.add(Text.fold(word));
        }
        return Set.copyOf(result);
    }

    private static Terms terms(String... terms) {
        return new Terms(terms);
    }
}
