package org.openmaces.core.config;

import java.util.ArrayList;
import java.util.List;

/** The {@code Path} of a route: {@code in1, in2 => proc1 => proc2 => out1, out2} (config spec §5). */
record RoutePath(List<String> inputs, List<String> processors, List<String> outputs) {

    /** @throws IllegalArgumentException with a message naming the path and the problem */
    static RoutePath parse(String text) {
        String path = text.trim();
        if (!path.contains("=>")) {
            throw new IllegalArgumentException("invalid path '" + path + "': write INPUT[, INPUT] => [PROCESSOR =>] OUTPUT[, OUTPUT]");
        }
        String[] stages = path.split("=>", -1);
        List<List<String>> names = new ArrayList<>();
        for (String stage : stages) {
            String trimmed = stage.trim();
            if (trimmed.isEmpty()) {
                throw new IllegalArgumentException("invalid leading comma/arrow in path '" + path + "': a '=>' has nothing on one side");
            }
            List<String> members = new ArrayList<>();
            for (String member : trimmed.split(",", -1)) {
                String name = member.trim();
                if (name.isEmpty()) {
                    throw new IllegalArgumentException("invalid leading comma/arrow in path '" + path + "': empty name between commas");
                }
                if (!name.matches("[A-Za-z0-9_][A-Za-z0-9._]*")) {
                    throw new IllegalArgumentException("invalid path '" + path + "': '" + name + "' is not an instance name");
                }
                members.add(name);
            }
            names.add(members);
        }
        List<String> processors = new ArrayList<>();
        for (int i = 1; i < names.size() - 1; i++) {
            if (names.get(i).size() != 1) {
                throw new IllegalArgumentException("invalid path '" + path + "': processors are chained with '=>',"
                        + " one per stage, not listed with commas");
            }
            processors.add(names.get(i).get(0));
        }
        return new RoutePath(names.get(0), processors, names.get(names.size() - 1));
    }
}
