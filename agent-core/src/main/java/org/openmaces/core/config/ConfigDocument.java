package org.openmaces.core.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A parsed config file with its includes: global directives, module blocks and routes, in file order. */
final class ConfigDocument {
    private final Path mainFile;
    private final List<ConfigDirective> globals = new ArrayList<>();
    private final List<ConfigBlock> modules = new ArrayList<>();
    private final List<ConfigBlock> routes = new ArrayList<>();
    private final List<Path> files = new ArrayList<>();

    ConfigDocument(Path mainFile) {
        this.mainFile = mainFile;
    }

    Path mainFile() {
        return mainFile;
    }

    List<ConfigDirective> globals() {
        return globals;
    }

    List<ConfigBlock> modules() {
        return modules;
    }

    List<ConfigBlock> routes() {
        return routes;
    }

    /** Every file read (main file first), for the ownership check and reload. */
    List<Path> files() {
        return files;
    }
}
