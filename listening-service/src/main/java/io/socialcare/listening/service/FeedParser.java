package io.socialcare.listening.service;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Reads the items of an RSS 2.0 or Atom document with the JDK's XML parser, DOCTYPEs refused (no external
 * entities).
 */
public final class FeedParser {

    private static final Pattern TAGS = Pattern.compile("<[^>]+>");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    /** One entry of a feed. */
    public record Item(String id, String title, String summary, String link, String author, Instant published) {
    }

    private FeedParser() {
    }

    public static List<Item> parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setExpandEntityReferences(false);
        DocumentBuilder builder = factory.newDocumentBuilder();
        Document doc = builder.parse(new ByteArrayInputStream(xml));
        Element root = doc.getDocumentElement();
        List<Item> items = new ArrayList<>();
        if ("feed".equals(root.getLocalName())) {
            for (Element entry : children(root, "entry")) {
                String link = null;
                for (Element l : children(entry, "link")) {
                    String rel = l.getAttribute("rel");
                    if (link == null || rel.isEmpty() || "alternate".equals(rel)) {
                        link = l.getAttribute("href");
                    }
                }
                Element author = first(entry, "author");
                String summary = text(entry, "summary");
                items.add(new Item(text(entry, "id"), text(entry, "title"),
                        clean(summary != null ? summary : text(entry, "content")), link,
                        author == null ? null : text(author, "name"),
                        date(text(entry, "published") != null ? text(entry, "published") : text(entry, "updated"))));
            }
        } else {
            Element channel = first(root, "channel");
            for (Element item : children(channel == null ? root : channel, "item")) {
                String author = text(item, "creator");
                items.add(new Item(text(item, "guid"), text(item, "title"), clean(text(item, "description")),
                        text(item, "link"), author != null ? author : text(item, "author"),
                        date(text(item, "pubDate") != null ? text(item, "pubDate") : text(item, "date"))));
            }
        }
        return items;
    }

    private static List<Element> children(Element parent, String localName) {
        List<Element> result = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node node = nodes.item(i);
            if (node instanceof Element e && localName.equals(e.getLocalName() != null ? e.getLocalName()
                    : e.getNodeName())) {
                result.add(e);
            }
        }
        return result;
    }

    private static Element first(Element parent, String localName) {
        List<Element> found = children(parent, localName);
        return found.isEmpty() ? null : found.get(0);
    }

    private static String text(Element parent, String localName) {
        Element e = first(parent, localName);
        if (e == null) {
            return null;
        }
        String value = e.getTextContent();
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static String clean(String html) {
        if (html == null) {
            return null;
        }
        return SPACES.matcher(TAGS.matcher(html).replaceAll(" ")).replaceAll(" ").trim();
    }

    private static Instant date(String value) {
        if (value == null) {
            return null;
        }
        try {
            return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (Exception e) {
            try {
                return OffsetDateTime.parse(value).toInstant();
            } catch (Exception ignored) {
                return null;
            }
        }
    }
}
