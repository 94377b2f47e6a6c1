package org.openmaces.core.module;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The modules this agent has: every {@link ModuleProvider} on the class path, by case-insensitive name. */
public final class ModuleRegistry {
    private final Map<String, ModuleProvider> providers = new TreeMap<>();

    private ModuleRegistry(Collection<ModuleProvider> found) {
        for (ModuleProvider provider : found) {
            ModuleKind implied = ModuleKind.forModuleName(provider.name());
            if (implied != provider.kind()) {
                throw new IllegalStateException("module " + provider.name() + " declares kind " + provider.kind()
                        + " but its name prefix implies " + implied);
            }
            ModuleProvider previous = providers.putIfAbsent(provider.name().toLowerCase(Locale.ROOT), provider);
            if (previous != null) {
                throw new IllegalStateException("two providers for module " + provider.name() + ": "
                        + previous.getClass().getName() + " and " + provider.getClass().getName());
            }
        }
    }

    /** Every provider that ServiceLoader finds through this class's class loader. */
    public static ModuleRegistry discover() {
        List<ModuleProvider> found = new ArrayList<>();
        ServiceLoader.load(ModuleProvider.class, ModuleRegistry.class.getClassLoader()).forEach(found::add);
        return new ModuleRegistry(found);
    }

    /** Exactly these providers (tests). */
    public static ModuleRegistry of(Collection<ModuleProvider> providers) {
        return new ModuleRegistry(providers);
    }

    /** A registry with everything discovered plus {@code extra} (tests adding fake modules). */
    public static ModuleRegistry discoverPlus(Collection<ModuleProvider> extra) {
        List<ModuleProvider> all = new ArrayList<>();
        ServiceLoader.load(ModuleProvider.class, ModuleRegistry.class.getClassLoader()).forEach(all::add);
        all.addAll(extra);
        return new ModuleRegistry(all);
    }

    /** The provider of that module name (case-insensitive), or null. */
    public ModuleProvider find(String moduleName) {
        return providers.get(moduleName.toLowerCase(Locale.ROOT));
    }

    /** Module names, sorted. */
    public List<String> names() {
        List<String> names = new ArrayList<>();
        providers.values().forEach(provider -> names.add(provider.name()));
        return Collections.unmodifiableList(names);
    }
}
