package io.bikecast.training.forest;

import com.oracle.labs.mlrg.olcut.provenance.ProvenanceUtil;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tribuo.Model;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tribuo's provenance of a model as compact JSON. A forest's provenance repeats the same trainer and dataset record
 * for every tree (megabytes for 100 trees); every list of member records is cut to its first member plus a count, the
 * members differing only in their seeds, which follow from the forest's seed.
 */
public final class ProvenanceJson {

    private ProvenanceJson() {}

    public static String of(Model<?> model, JsonMapper json) {
        return json.writeValueAsString(compact(ProvenanceUtil.convertToMap(model.getProvenance())));
    }

    private static Object compact(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> result = new LinkedHashMap<>();
            map.forEach((key, inner) -> {
                if (inner instanceof List<?> list && list.size() > 1 && list.getFirst() instanceof Map<?, ?>) {
                    result.put(String.valueOf(key), List.of(compact(list.getFirst())));
                    result.put(key + "-count", list.size());
                } else {
                    result.put(String.valueOf(key), compact(inner));
                }
            });
            return result;
        }
        if (value instanceof List<?> list) {
            List<Object> result = new ArrayList<>(list.size());
            list.forEach(item -> result.add(compact(item)));
            return result;
        }
        return value;
    }
}
