package org.openmaces.core.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A loaded, validated configuration: globals, the instances to create (faulty ones left out under
 * IgnoreErrors), and the routes between them (the implicit one when the file has none).
 */
public record AgentConfiguration(Path mainFile, List<Path> files, GlobalSettings globals,
                                 List<InstanceDefinition> instances, List<RouteDefinition> routes) {
    public AgentConfiguration {
        files = List.copyOf(files);
        instances = List.copyOf(instances);
        routes = List.copyOf(routes);
    }

    /** The instance of that name (case-insensitive), or null. */
    public InstanceDefinition instance(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return instances.stream().filter(instance -> instance.name().toLowerCase(Locale.ROOT).equals(lower))
                .findFirst().orElse(null);
    }
}
