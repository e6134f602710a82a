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
            vuestra vuestros vuestras nuestro nuestra cosa cosas algo esto creo
            """;
    private static final String FILLER_ES = """
            deberian deberia debieran debiera podrian podria pudieran gustaria encantaria encantaria quisiera quiero
            queremos ojala sugiero sugerencia sugerencias propongo propuesta ofrecer ofrezcan ofrecieran agregar
            agreguen agregaran anadir anadan incluir incluyan incluyeran tener tengan tuvieran tuviesen poner pongan
            pusieran seria estaria mejor idea opcion opciones buena bueno buenas genial super estaria pensar pienso
            vendria haber hubiera disponible disponibles nueva nuevo nuevas nuevos vender vendan vendieran
            vendiesen traer traigan trajeran tuviera tuviese poder pueda puedan
            podamos bien sienta
            """;
    private static final String STOP_EN = """
            a about above after again all also am an and any are as at be because been before being below between
            both but by can could did do does doing down during each few for from further had has have having he her
            here hers him his how i if in into is it its itself just me more most my no nor not now of off on once
            only or other our ours out over own same she should so some such than that the their them then there
            these they this those through to too under until up very was we were what when where which while who
            whom why will with would you your yours yes hi hello thanks thank pls plz im it's dont lot
            """;
    private static final String FILLER_EN = """
            please add adding offer offering want wanted wish hope love like suggest suggestion suggestions idea
            option options consider bring get make great nice good better really maybe need needs kindly available
            think guys new start started having sell selling sold
            """;
    private static final String STOP_PT = """
            a ao aos as com como da das de do dos e ela elas ele eles em entre era essa esse esta este eu isso isto
            ja mais mas me meu minha muito muita na nas nem no nos o os ou para pela pelo por porque quando que quem
            se sem ser seu sua tambem te tem um uma umas uns voce voces ate foi sao so nao vcs vc obrigado obrigada
            """;
    private static final String FILLER_PT = """
            deveriam deveria poderiam poderia gostaria adoraria queria quero sugiro sugestao oferecer adicionar
            incluir ter tenham tivessem vender vendam trazer tragam seria otimo bom boa legal ideia opcao opcoes favor disponivel novo nova
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
        "order: pedido pedidos order ordering",
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
        "loyalty: fidelidad fidelidade loyalty fidelizacion",
        "reward: recompensa reward premio",
        "gift: regalo gift",
        "flavor: sabor flavor flavour",
        "seat: asiento silla cadeira assento seat chair",
        "parking: estacionamiento aparcamiento parking",
        "queue: fila cola queue",
        "wait: espera esperar wait waiting",
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
        "phone: telefono telefone phone",
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
        Set<String> terms = new LinkedHashSet<>();
        for (Token token : tokens(text)) {
            terms.add(token.term());
        }
        if (topics != null) {
            for (String topic : topics) {
                for (Token token : tokens(topic)) {
                    terms.add(token.term());
                }
            }
        }
        return new ArrayList<>(terms);
    }

    /**
     * A short title made of the words of {@code text} that carried a term, in the order written: "Leche
     * almendras tiendas" for "Deberían ofrecer leche de almendras en todas las tiendas".
     */
    public String title(String text, int maxWords) {
        List<String> words = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Token token : tokens(text)) {
            if (seen.add(token.term())) {
                words.add(token.word());
                if (words.size() == maxWords) {
                    break;
                }
            }
        }
        if (words.isEmpty()) {
            return "(untitled)";
        }
        String title = String.join(" ", words);
        return Character.toUpperCase(title.charAt(0)) + title.substring(1);
    }

    /** The lexicon's concept for a term, or the term itself. */
    public String canonical(String word) {
        String stem = stem(fold(word));
        return lexicon.getOrDefault(stem, stem);
    }

    private record Token(String word, String term) {
    }

    private List<Token> tokens(String text) {
        List<Token> tokens = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return tokens;
        }
        String cleaned = HANDLE.matcher(URL.matcher(text).replaceAll(" ")).replaceAll(" ");
        for (String raw : SPLIT.split(cleaned)) {
            if (raw.isEmpty()) {
                continue;
            }
            String word = raw.toLowerCase(Locale.ROOT);
            String folded = fold(word);
            if (folded.length() < 2 || stopWords.contains(folded) || folded.chars().allMatch(Character::isDigit)) {
                continue;
            }
            String term = canonical(folded);
            if (term.length() < 2 || stopWords.contains(term)) {
                continue;
            }
            tokens.add(new Token(word, term));
        }
        return tokens;
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
