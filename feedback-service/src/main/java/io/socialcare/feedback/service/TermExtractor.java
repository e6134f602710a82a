package io.socialcare.feedback.service;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Turns a text into the terms that themes are compared on: lower case, accents stripped, URLs and @handles
 * dropped, stop words of Spanish, English and Portuguese (and the filler words of suggestions such as "please
 * add", "deberían ofrecer") removed, a light stemmer (plural "s", final "e"), then a small bilingual lexicon
 * that maps synonyms of the three languages onto one English concept, so that "leche de almendras", "leite de
 * amêndoa" and "almond milk" all give {@code almond, milk}.
 */
@ApplicationScoped
public class TermExtractor {

    private static final Pattern URL = Pattern.compile("https?://\\S+");
    private static final Pattern HANDLE = Pattern.compile("@\\w+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPLIT = Pattern.compile("[^\\p{L}\\p{N}]+");

    private static final String STOP_ES = """
            a al algo algun alguna algunas alguno algunos ante antes como con contra cual cuando de del desde donde
            durante e el ella ellas ellos en entre era es esa esas ese eso esos esta estaba estan estar este esto
            estos fue ha habia han hasta hay la las le les lo los mas me mi mis mucho mucha muchos muy nada ni no nos
            nosotros o os otra otro otras otros para pero poco por porque que quien se sea ser si sin sobre son su sus
            tambien tan te tiene tienen todo todos toda todas tu tus un una unas uno unos usted ustedes y ya yo ahora
            aqui alli asi cada hace hacer puede pueden siempre solo vez ver gracias hola favor porfa porfavor vuestro
            vuestra vuestros vuestras nuestro nuestra cosa cosas algo esto creo mismo misma mismos mismas menos
            sigo sigue seguir seguimos todavia aun dia dias cada propio propia propios propias mio mia
            """;
    private static final String FILLER_ES = """
            deberian deberia debieran debiera podrian podria pudieran gustaria encantaria encantaria quisiera quiero
            queremos ojala sugiero sugerencia sugerencias propongo propuesta ofrecer ofrezcan ofrecieran agregar
            agreguen agregaran anadir anadan incluir incluyan incluyeran tener tengan tuvieran tuviesen poner pongan
            pusieran seria estaria mejor idea opcion opciones buena bueno buenas genial super estaria pensar pienso
            vendria haber hubiera disponible disponibles nueva nuevo nuevas nuevos vender vendan vendieran
            vendiesen tenga traer traigan trajeran tuviera tuviese poder pueda puedan
            podamos bien sienta anadiera anadieran agregara agregaran incluyera hiciera hicieran hicieras hagan
            haga traes traer trae llevar llevas lleve permitiera permitieran permitir permita permitan dejara
            dejen podriais podeis deberiais tendrian tendriais habria convendria molaria echo falta
            """;
    private static final String STOP_EN = """
            a about above after again all also am an and any are as at be because been before being below between
            both but by can could did do does doing down during each few for from further had has have having he her
            here hers him his how i if in into is it its itself just me more most my no nor not now of off on once
            only or other our ours out over own same she should so some such than that the their them then there
            these they this those through to too under until up very was we were what when where which while who
            whom why will with would you your yours yes hi hello thanks thank pls plz im it's dont lot us let lets
            every single day days daily still any anyone own
            """;
    private static final String FILLER_EN = """
            please add adding offer offering want wanted wish hope love like suggest suggestion suggestions idea
            option options consider bring get make great nice good better really maybe need needs kindly available
            think guys new start started having sell selling sold gave give giving bring bringing brings allow
            allowing let able
            """;
    private static final String STOP_PT = """
            a ao aos as com como da das de do dos e ela elas ele eles em entre era essa esse esta este eu isso isto
            ja mais mas me meu minha muito muita na nas nem no nos o os ou para pela pelo por porque quando que quem
            se sem ser seu sua tambem te tem um uma umas uns voce voces ate foi sao so nao vcs vc obrigado obrigada
            """;
    private static final String FILLER_PT = """
            deveriam deveria poderiam poderia gostaria adoraria queria quero sugiro sugestao oferecer adicionar
            incluir ter tenham tivessem vender vendam trazer tragam seria otimo bom boa legal ideia opcao opcoes favor
            disponivel novo nova deviam podiam tomara adicionem coloquem colocar mesmo ainda dia dias proprio propria
            levar permitir permitisse
            """;

    /** Canonical English concept, then its synonyms in Spanish, Portuguese and English. */
    private static final String[] LEXICON = {
        "milk: leche leite milk",
        "almond: almendra amendoa almond",
        "oat: avena aveia oat",
        "soy: soja soya soy",
        "coconut: coco coconut",
        "vegan: vegano vegana vegan",
        "vegetarian: vegetariano vegetariana vegetarian veggie",
        "coffee: cafe coffee",
        "tea: tea infusion",
        "sugar: azucar acucar sugar",
        "sweetener: edulcorante adocante sweetener stevia",
        "decaf: descafeinado decaf decaffeinated",
        "cup: vaso taza copo xicara cup mug",
        "straw: pajita popote canudo pitillo straw",
        "plastic: plastico plastic",
        "recycle: reciclar reciclaje reciclable reciclagem reciclavel recycle recycling recyclable",
        "paper: papel paper",
        "store: tienda local loja store shop sucursal branch",
        "open: abrir abran abren abre abriera abrieran abra abierto abiertas abiertos abrieran abram aberto aberta open opening",
        "close: cerrar cierren cerrado fechar fechado close closing closed",
        "early: temprano cedo early earlier",
        "late: tarde late later",
        "sunday: domingo sunday",
        "saturday: sabado saturday",
        "weekend: finde weekend",
        "night: noche noite night",
        "morning: manana morning madrugada",
        "schedule: horario hora horas schedule hour opening-hours",
        "price: precio preco price cost costo custo",
        "expensive: caro cara caros caras expensive pricey",
        "cheap: barato barata cheap cheaper",
        "discount: descuento desconto discount promocion promocao promo promotion",
        "delivery: domicilio delivery entrega entregas envio reparto shipping deliver",
        "app: app aplicacion aplicativo application",
        "payment: pago pagar pagamento payment pay paying",
        "card: tarjeta cartao card",
        "order: pedido pedidos pedir pida pidan encomendar order ordering",
        "ahead: adelantado antelacion anticipado antecipado antecedencia ahead advance pre-order preorder",
        "pickup: recoger recogida retirar retirada recolher pickup pick collect click-and-collect",
        "waste: residuo residuos desperdicio lixo waste",
        "size: tamano tamanho size",
        "gluten: gluten celiaco celiac",
        "lactose: lactosa lactose",
        "breakfast: desayuno breakfast",
        "wifi: wifi wi-fi internet",
        "plug: enchufe tomada plug outlet socket",
        "battery: bateria battery",
        "screen: pantalla tela screen display",
        "dark: oscuro escuro dark",
        "mode: modo mode theme",
        "notification: notificacion notificaciones notificacao notification alert",
        "password: contrasena senha password",
        "account: cuenta conta account",
        "update: actualizacion atualizacao update actualizar atualizar",
        "points: puntos pontos points",
        "loyalty: fidelidad fidelidade loyalty fidelizacion fiel fieles loyal",
        "reward: recompensa reward premio",
        "gift: regalo gift",
        "flavor: sabor flavor flavour",
        "seat: asiento silla cadeira assento seat chair",
        "parking: estacionamiento aparcamiento parking",
        "queue: fila cola queue",
        "wait: espera esperar esperando esperamos esperando wait waiting",
        "music: musica music",
        "bag: bolsa sacola bag",
        "kids: nino ninos crianca criancas kid kids children",
        "pet: mascota mascotas perro perros cachorro pet pets dog dogs",
        "terrace: terraza terraco terrace patio",
        "reservation: reserva reservacion booking reservation",
        "receipt: factura recibo recibos receipt invoice",
        "language: idioma lingua language",
        "ticket: billete boleto bilhete ticket",
        "flight: vuelo voo flight",
        "luggage: equipaje maleta bagagem mala luggage baggage suitcase",
        "refund: reembolso devolucion refund",
        "recipe: receta receita recipe",
        "portion: porcion racion porcao portion",
        "salad: ensalada salada salad",
        "bread: pan pao bread",
        "meat: carne meat",
        "chicken: pollo frango chicken",
        "fruit: fruta fruit",
        "juice: zumo jugo suco juice",
        "water: agua water",
        "ice: hielo gelo ice",
        "cold: frio fria cold iced",
        "hot: caliente quente hot",
        "healthy: saludable sano saudavel healthy",
        "sustainable: sostenible sustentavel sustainable eco ecologico",
        "reusable: reutilizable reutilizavel reusable",
        "customer-service: atencion atendimento support",
        "phone: telefono telefone movil celular phone mobile cellphone",
        "table: mesa mesas table",
        "charge: cargar carregar recargar charge charging charger cargador carregador",
        "menu: menu carta cardapio",
        "program: programa program programme",
        "customer: cliente clientes customer customers client",
        "bean: grano granos grao graos bean beans",
        "home: casa home",
        "orange: naranja laranja orange",
        "chat: chat whatsapp",
        "website: web pagina site website",
        "login: login acceso acesso sign-in",
        "search: buscar busqueda buscador pesquisa search",
        "filter: filtro filtrar filter",
        "fast: rapido rapida fast quick quicker faster",
        "slow: lento lenta slow",
    };

    private final Set<String> stopWords = new HashSet<>();
    private final Map<String, String> lexicon = new HashMap<>();

    public TermExtractor() {
        for (String list : List.of(STOP_ES, FILLER_ES, STOP_EN, FILLER_EN, STOP_PT, FILLER_PT)) {
            for (String word : list.trim().split("\\s+")) {
                stopWords.add(word);
            }
        }
        for (String entry : LEXICON) {
            int colon = entry.indexOf(':');
            String concept = entry.substring(0, colon).trim();
            for (String synonym : entry.substring(colon + 1).trim().split("\\s+")) {
                if (!stopWords.contains(synonym)) {
                    lexicon.put(stem(synonym), concept);
                }
            }
        }
    }

    /** The distinct terms of {@code text} and of the analysed {@code topics}, in order of first appearance. */
    public List<String> terms(String text, List<String> topics) {
        return terms(text, topics, null);
    }

    /**
     * The distinct terms of {@code text} and of the analysed {@code topics}, in order of first appearance, without
     * the brand's own name: the words of the brand id ("aurora" for brand {@code aurora}), a capitalised word right
     * after it ("Aurora Café"), and @handles never become terms, since every mention of the brand carries them.
     */
    public List<String> terms(String text, List<String> topics, String brand) {
        Set<String> terms = new LinkedHashSet<>();
        Set<String> brandWords = brandWords(brand);
        for (Word word : words(text, brandWords)) {
            if (word.term() != null) {
                terms.add(word.term());
            }
        }
        if (topics != null) {
            for (String topic : topics) {
                for (Word word : words(topic, brandWords)) {
                    if (word.term() != null) {
                        terms.add(word.term());
                    }
                }
            }
        }
        return new ArrayList<>(terms);
    }

    /** {@link #title(String, int, String)} without a brand. */
    public String title(String text, int maxWords) {
        return title(text, maxWords, null);
    }

    /**
     * A short title in the words and language of {@code text}: its first (at most {@code maxWords}) words that carry
     * a term, in the order written, keeping a single connector between two of them ("de", "of", "da", "por", ...),
     * and ending at the first clause break (punctuation, or two skipped words) once two words were taken. "Aurora
     * Café debería tener leche de almendras, la de avena..." gives "Leche de almendras"; "please add almond milk,
     * I'd order every day" gives "Almond milk". The brand's name is never part of it.
     */
    public String title(String text, int maxWords, String brand) {
        List<Word> words = words(text, brandWords(brand));
        StringBuilder title = new StringBuilder();
        Set<String> seen = new HashSet<>();
        int taken = 0;
        int lastTaken = -1;
        for (int i = 0; i < words.size() && taken < maxWords; i++) {
            Word word = words.get(i);
            if (word.term() == null || !seen.add(word.term())) {
                continue;
            }
            if (lastTaken >= 0) {
                int skipped = i - lastTaken - 1;
                boolean breakBetween = false;
                for (int k = lastTaken + 1; k <= i; k++) {
                    breakBetween |= words.get(k).afterBreak();
                }
                if (taken >= 2 && (breakBetween || skipped >= 2)) {
                    break;
                }
                title.append(' ');
                if (skipped == 1 && !breakBetween && CONNECTORS.contains(fold(words.get(i - 1).word()))) {
                    title.append(words.get(i - 1).word()).append(' ');
                }
            }
            title.append(word.word());
            taken++;
            lastTaken = i;
        }
        if (title.isEmpty()) {
            return "(untitled)";
        }
        return Character.toUpperCase(title.charAt(0)) + title.substring(1);
    }

    /** The lexicon's concept for a term, or the term itself. */
    public String canonical(String word) {
        String stem = stem(fold(word));
        return lexicon.getOrDefault(stem, stem);
    }

    /** The folded words of a brand id: {@code aurora} gives [aurora]; {@code acme-bank} gives [acme, bank]. */
    static Set<String> brandWords(String brand) {
        Set<String> words = new HashSet<>();
        if (brand != null) {
            for (String part : SPLIT.split(fold(brand))) {
                if (part.length() >= 2) {
                    words.add(part);
                }
            }
        }
        return words;
    }

    /** Single words that may join two title words: "leche de almendras", "order ahead of time". */
    private static final Set<String> CONNECTORS = Set.of("de", "del", "da", "do", "das", "dos", "of", "para", "for",
            "por", "con", "com", "with", "sin", "sem", "without", "en", "in", "y", "and", "e");

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final Pattern BREAK = Pattern.compile("[.,;:!?¡¿…()\\[\\]\"“”«»/|-]|\\s-\\s");

    /**
     * A word of the text as written, its term (null for a stop word, a number or the brand's name), and whether
     * punctuation separates it from the word before.
     */
    private record Word(String word, String term, boolean afterBreak) {
    }

    private List<Word> words(String text, Set<String> brandWords) {
        List<Word> words = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return words;
        }
        String cleaned = HANDLE.matcher(URL.matcher(text).replaceAll(" . ")).replaceAll(" . ");
        Matcher m = WORD.matcher(cleaned);
        int previousEnd = 0;
        boolean previousWasBrand = false;
        while (m.find()) {
            String raw = m.group();
            boolean afterBreak = BREAK.matcher(cleaned.substring(previousEnd, m.start())).find();
            previousEnd = m.end();
            String word = raw.toLowerCase(Locale.ROOT);
            String folded = fold(word);
            boolean brandName = brandWords.contains(folded)
                    || (previousWasBrand && !afterBreak && Character.isUpperCase(raw.charAt(0)));
            previousWasBrand = brandName;
            String term = null;
            if (!brandName && folded.length() >= 2 && !stopWords.contains(folded)
                    && !folded.chars().allMatch(Character::isDigit)) {
                String canonical = canonical(folded);
                if (canonical.length() >= 2 && !stopWords.contains(canonical) && !brandWords.contains(canonical)) {
                    term = canonical;
                }
            }
            words.add(new Word(word, term, afterBreak));
        }
        return words;
    }

    /** Lower case without accents: "Almendras" becomes "almendras", "amêndoa" becomes "amendoa". */
    static String fold(String word) {
        return MARKS.matcher(Normalizer.normalize(word.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)).replaceAll("");
    }

    /** A light stemmer shared by the three languages: plural "s", then a final "e" ("stores", "store": "stor"). */
    static String stem(String word) {
        String w = word;
        if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
            w = w.substring(0, w.length() - 1);
        }
        if (w.length() > 4 && w.endsWith("e")) {
            w = w.substring(0, w.length() - 1);
        }
        return w;
    }
}
