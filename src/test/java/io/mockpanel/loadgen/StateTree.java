package io.mockpanel.loadgen;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The part of Vaadin's state tree a simulated person needs: for each node its attributes (to find
 * an element by {@code id}), its DOM event listeners (to know it can be clicked, and which event
 * synchronizes a property), its client-callable methods (the note composer's {@code autosave}),
 * its children and its {@code value} property (a radio group's or a select's options and choice).
 * Built from the {@code changes} of each message the way Vaadin's client builds its tree (feature
 * numbers from Flow's {@code NodeFeatures}); other properties, styles and texts are not kept, so
 * that a thousand tabs' trees stay small.
 */
final class StateTree {

    static final int ELEMENT_PROPERTIES = 1;
    static final int ELEMENT_CHILDREN = 2;
    static final int ELEMENT_ATTRIBUTES = 3;
    static final int ELEMENT_LISTENERS = 4;
    static final int TEXT_NODE = 7;
    static final int CLIENT_CALLABLES = 19;
    /** The one property kept: what a field holds, and what each option of a group or select stands for. */
    static final String VALUE = "value";
    /** Flow's prefix, in a listener's event data, of a property the event synchronizes. */
    private static final String SYNCHRONIZE = "}";

    private static final class Node {
        final Map<String, String> attributes = new HashMap<>();
        /** DOM event → the key of its settings in the constant pool. */
        final Map<String, String> listeners = new LinkedHashMap<>();
        final List<String> callables = new ArrayList<>();
        final List<Integer> children = new ArrayList<>();
        String value;
    }

    private final Map<Integer, Node> nodes = new HashMap<>();
    /** Per constant-pool key of a listener's settings, the properties that event synchronizes. */
    private final Map<String, Set<String>> synchronizedBy = new HashMap<>();

    /** Keeps, from a message's {@code constants}, which properties each listener setting synchronizes. */
    synchronized void constants(JsonNode constants) {
        constants.properties().forEach(constant -> {
            Set<String> properties = new HashSet<>();
            constant.getValue().propertyNames().forEach(expression -> {
                if (expression.startsWith(SYNCHRONIZE)) {
                    properties.add(expression.substring(SYNCHRONIZE.length()));
                }
            });
            synchronizedBy.put(constant.getKey(), properties);
        });
    }

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
        } else if (feature == ELEMENT_LISTENERS) {
            node.listeners.put(key, value.asString());
        } else if (feature == ELEMENT_PROPERTIES && VALUE.equals(key)) {
            node.value = value.isValueNode() && !value.isNull() ? value.asString() : null;
        }
    }

    private static void remove(Node node, int feature, String key) {
        if (feature == ELEMENT_ATTRIBUTES) {
            node.attributes.remove(key);
        } else if (feature == ELEMENT_LISTENERS) {
            node.listeners.remove(key);
        } else if (feature == ELEMENT_PROPERTIES && VALUE.equals(key)) {
            node.value = null;
        }
    }

    private static void clear(Node node, int feature) {
        switch (feature) {
            case CLIENT_CALLABLES -> node.callables.clear();
            case ELEMENT_ATTRIBUTES -> node.attributes.clear();
            case ELEMENT_CHILDREN -> node.children.clear();
            default -> {
                // not kept
            }
        }
    }

    private static void splice(Node node, int feature, JsonNode change) {
        if (feature == CLIENT_CALLABLES) {
            List<String> added = new ArrayList<>();
            change.path("add").forEach(value -> added.add(value.asString()));
            splice(node.callables, change, added);
        } else if (feature == ELEMENT_CHILDREN) {
            List<Integer> added = new ArrayList<>();
            change.path("addNodes").forEach(id -> added.add(id.asInt()));
            splice(node.children, change, added);
        }
    }

    private static <T> void splice(List<T> list, JsonNode change, List<T> added) {
        int index = Math.min(change.path("index").asInt(), list.size());
        int removed = change.path("remove").asInt(0);
        for (int i = 0; i < removed && index < list.size(); i++) {
            list.remove(index);
        }
        list.addAll(index, added);
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
        return found != null && found.listeners.containsKey(event);
    }

    /**
     * The DOM event after which the browser sends the node's {@code property} to the server (e.g.
     * "change" for a text area's value, "value-changed" for a radio group's); empty when the server
     * does not take the property from the browser.
     */
    synchronized Optional<String> eventSynchronizing(int node, String property) {
        Node found = nodes.get(node);
        if (found == null) {
            return Optional.empty();
        }
        return found.listeners.entrySet().stream()
                .filter(e -> synchronizedBy.getOrDefault(e.getValue(), Set.of()).contains(property))
                .map(Map.Entry::getKey).findFirst();
    }

    /** The {@code value} property of the element with this id. */
    synchronized Optional<String> value(String elementId) {
        return byElementId(elementId).map(nodes::get).map(node -> node.value);
    }

    /**
     * The values of the options under the element with this id, in document order: the keys a radio
     * group's buttons or a select's items stand for (the element's {@code value} is one of them).
     */
    synchronized List<String> options(String elementId) {
        List<String> options = new ArrayList<>();
        byElementId(elementId).map(nodes::get).ifPresent(element -> element.children
                .forEach(child -> collectValues(child, options)));
        return options;
    }

    private void collectValues(int id, List<String> into) {
        Node node = nodes.get(id);
        if (node == null) {
            return;
        }
        if (node.value != null) {
            into.add(node.value);
        }
        node.children.forEach(child -> collectValues(child, into));
    }

    /** The position of the element {@code childId} among the children of the element {@code parentId}. */
    synchronized Optional<Integer> childIndex(String parentId, String childId) {
        Optional<Integer> child = byElementId(childId);
        return byElementId(parentId).map(nodes::get).flatMap(parent -> child.map(parent.children::indexOf))
                .filter(index -> index >= 0);
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
