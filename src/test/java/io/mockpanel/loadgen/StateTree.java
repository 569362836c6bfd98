package io.mockpanel.loadgen;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The part of Vaadin's state tree a simulated person needs: for each node its attributes (to find
 * an element by {@code id}), its DOM event listeners (to know it can be clicked) and its
 * client-callable methods (the note composer's {@code autosave}). Built from the {@code changes}
 * of each message the way Vaadin's client builds its tree (feature numbers from Flow's
 * {@code NodeFeatures}); children, styles and properties are not needed and are not kept.
 */
final class StateTree {

    static final int ELEMENT_ATTRIBUTES = 3;
    static final int ELEMENT_LISTENERS = 4;
    static final int TEXT_NODE = 7;
    static final int CLIENT_CALLABLES = 19;

    private static final class Node {
        final Map<String, String> attributes = new HashMap<>();
        final List<String> listeners = new ArrayList<>();
        final List<String> callables = new ArrayList<>();
    }

    private final Map<Integer, Node> nodes = new HashMap<>();

    /** Applies one message's {@code changes} array. */
    synchronized void apply(JsonNode changes) {
        for (JsonNode change : changes) {
            int id = change.path("node").asInt();
            String type = change.path("type").asString();
            int feature = change.path("feat").asInt(-1);
            switch (type) {
                case "attach" -> nodes.put(id, new Node());
                case "detach" -> nodes.remove(id);
                case "put" -> put(node(id), feature, change.path("key").asString(), change.path("value"));
                case "remove" -> remove(node(id), feature, change.path("key").asString());
                case "clear" -> clear(node(id), feature);
                case "splice" -> splice(node(id), feature, change);
                default -> {
                    // other change kinds concern features this tree does not keep
                }
            }
        }
    }

    private Node node(int id) {
        return nodes.computeIfAbsent(id, ignored -> new Node());
    }

    private static void put(Node node, int feature, String key, JsonNode value) {
        if (feature == ELEMENT_ATTRIBUTES) {
            node.attributes.put(key, value.isValueNode() ? value.asString() : value.toString());
        } else if (feature == ELEMENT_LISTENERS && !node.listeners.contains(key)) {
            node.listeners.add(key);
        }
    }

    private static void remove(Node node, int feature, String key) {
        if (feature == ELEMENT_ATTRIBUTES) {
            node.attributes.remove(key);
        } else if (feature == ELEMENT_LISTENERS) {
            node.listeners.remove(key);
        }
    }

    private static void clear(Node node, int feature) {
        if (feature == CLIENT_CALLABLES) {
            node.callables.clear();
        } else if (feature == ELEMENT_ATTRIBUTES) {
            node.attributes.clear();
        }
    }

    private static void splice(Node node, int feature, JsonNode change) {
        if (feature != CLIENT_CALLABLES) {
            return;
        }
        int index = Math.min(change.path("index").asInt(), node.callables.size());
        int removed = change.path("remove").asInt(0);
        for (int i = 0; i < removed && index < node.callables.size(); i++) {
            node.callables.remove(index);
        }
        List<String> added = new ArrayList<>();
        change.path("add").forEach(value -> added.add(value.asString()));
        node.callables.addAll(index, added);
    }

    /** The node whose {@code id} attribute is {@code elementId} (a component's {@code setId}). */
    synchronized Optional<Integer> byElementId(String elementId) {
        return nodes.entrySet().stream().filter(e -> elementId.equals(e.getValue().attributes.get("id")))
                .map(Map.Entry::getKey).findFirst();
    }

    /** The node that offers the client-callable method {@code method}. */
    synchronized Optional<Integer> withCallable(String method) {
        return nodes.entrySet().stream().filter(e -> e.getValue().callables.contains(method))
                .map(Map.Entry::getKey).findFirst();
    }

    /** True when the node listens to the DOM event {@code event} (e.g. "click"). */
    synchronized boolean listens(int node, String event) {
        Node found = nodes.get(node);
        return found != null && found.listeners.contains(event);
    }

    synchronized int size() {
        return nodes.size();
    }

    /** The texts a message sets (text nodes: headings, paragraphs, list items) in document order. */
    static List<String> textsSetBy(JsonNode changes) {
        List<String> texts = new ArrayList<>();
        for (JsonNode change : changes) {
            if (change.path("feat").asInt(-1) == TEXT_NODE && "put".equals(change.path("type").asString())
                    && "text".equals(change.path("key").asString())) {
                texts.add(change.path("value").asString());
            }
        }
        return texts;
    }
}
