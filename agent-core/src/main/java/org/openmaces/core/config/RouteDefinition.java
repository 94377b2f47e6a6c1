package org.openmaces.core.config;

import java.util.List;

/**
 * A validated route: records of each input go through the processors in order, then to every output.
 *
 * @param name       route name ({@code default} for the implicit route)
 * @param inputs     input instance names, as declared
 * @param processors processor instance names in path order
 * @param outputs    output instance names, as declared
 * @param priority   1 (most urgent) to 100; 10 by default
 * @param location   where the route is defined; null for the implicit route
 */
public record RouteDefinition(String name, List<String> inputs, List<String> processors, List<String> outputs,
                              int priority, Location location) {
    public RouteDefinition {
        inputs = List.copyOf(inputs);
        processors = List.copyOf(processors);
        outputs = List.copyOf(outputs);
    }
}
