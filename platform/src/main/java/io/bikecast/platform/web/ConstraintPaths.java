package io.bikecast.platform.web;

import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a Bean Validation path such as {@code hour.hr} (method, then parameter) into the name the client sent:
 * {@code hr}. The method name means nothing to a client, and a request body's parameter name is not part of its JSON.
 */
final class ConstraintPaths {

    private ConstraintPaths() {}

    static String field(Path path) {
        List<Path.Node> nodes = new ArrayList<>();
        path.forEach(nodes::add);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            Path.Node node = nodes.get(i);
            boolean method = node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR;
            boolean bodyParameter = node.getKind() == ElementKind.PARAMETER && i < nodes.size() - 1;
            if (!method && !bodyParameter) {
                names.add(node.getIndex() == null ? node.getName() : node.getName() + "[" + node.getIndex() + "]");
            }
        }
        return names.isEmpty() ? path.toString() : String.join(".", names);
    }
}
