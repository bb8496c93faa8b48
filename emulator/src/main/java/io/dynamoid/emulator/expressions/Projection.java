package io.dynamoid.emulator.expressions;

import io.dynamoid.emulator.expressions.Ast.Index;
import io.dynamoid.emulator.expressions.Ast.Name;
import io.dynamoid.emulator.expressions.Ast.Path;
import io.dynamoid.emulator.expressions.Ast.PathElement;
import io.dynamoid.emulator.protocol.AttrValue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which parts of an item to return: a ProjectionExpression's document paths, or legacy AttributesToGet
 * (top-level names). Also used for ReturnValues UPDATED_OLD/UPDATED_NEW (the updated paths). Nested paths
 * keep their structure; selected list elements keep their order and close up.
 */
public final class Projection {
    private final List<Path> paths;

    Projection(List<Path> paths) {
        this.paths = List.copyOf(paths);
    }

    public static Projection of(List<Path> paths) {
        return new Projection(paths);
    }

    /** Top-level attributes selected through a nested path (a.b or a[0]); key attributes must not be. */
    public Set<String> nestedPathHeads() {
        Set<String> heads = new LinkedHashSet<>();
        for (Path path : paths) if (path.isNested()) heads.add(path.head());
        return heads;
    }

    /** Legacy AttributesToGet: top-level attribute names, taken literally. */
    public static Projection ofAttributes(List<String> attributes) {
        List<Path> paths = new ArrayList<>(attributes.size());
        for (String attribute : attributes) paths.add(Path.of(attribute));
        return new Projection(paths);
    }

    public List<Path> paths() {
        return paths;
    }

    /** The top-level attributes the projection reads (for index projections and capacity). */
    public Set<String> attributes() {
        Set<String> heads = new LinkedHashSet<>();
        for (Path path : paths) heads.add(path.head());
        return heads;
    }

    /** The projected part of {@code item}; paths that do not resolve are left out. */
    public Map<String, AttrValue> apply(Map<String, AttrValue> item) {
        Node root = new Node();
        for (Path path : paths) {
            AttrValue value = Evaluator.get(path, item);
            if (value == null) continue;
            Node node = root;
            for (PathElement element : path.elements()) {
                node = node.child(element);
            }
            node.leaf = value;
        }
        Map<String, AttrValue> result = new LinkedHashMap<>();
        if (root.map != null) root.map.forEach((name, child) -> result.put(name, child.value()));
        return result;
    }

    /** A partial copy under construction: a map node, a list node (by original index) or a selected value. */
    private static final class Node {
        Map<String, Node> map;
        TreeMap<Integer, Node> list;
        AttrValue leaf;

        Node child(PathElement element) {
            if (element instanceof Index index) {
                if (list == null) list = new TreeMap<>();
                return list.computeIfAbsent(index.index(), i -> new Node());
            }
            if (map == null) map = new LinkedHashMap<>();
            return map.computeIfAbsent(((Name) element).name(), n -> new Node());
        }

        AttrValue value() {
            if (leaf != null) return leaf;
            if (list != null) {
                List<AttrValue> values = new ArrayList<>();
                for (Node child : list.values()) values.add(child.value());
                return new AttrValue.L(values);
            }
            Map<String, AttrValue> values = new LinkedHashMap<>();
            map.forEach((name, child) -> values.put(name, child.value()));
            return new AttrValue.M(values);
        }
    }
}
