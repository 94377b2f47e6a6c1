package org.openmaces.core.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.configuration2.BaseHierarchicalConfiguration;
import org.apache.commons.configuration2.ImmutableHierarchicalConfiguration;
import org.openmaces.core.language.SourceText;
import org.openmaces.core.module.DirectiveSpec;
import org.openmaces.core.module.DirectiveType;
import org.openmaces.core.module.ModuleConfiguration;

/**
 * {@link ModuleConfiguration} over a Commons Configuration hierarchical configuration holding a validated
 * block's raw directive values under their canonical names. Typed reads go through
 * {@link NxlogConversionHandler} and {@link ValueConversion}; absent directives read as their spec's default.
 */
final class BlockConfiguration implements ModuleConfiguration {
    private final BaseHierarchicalConfiguration configuration = new BaseHierarchicalConfiguration();
    private final Map<String, DirectiveSpec> specs;
    private final Map<String, List<ConfigDirective>> directives;
    private final Location blockLocation;

    /**
     * @param specs      every directive the block may hold, by lower-case name
     * @param directives the block's checked directives by canonical name, in file order
     */
    BlockConfiguration(Map<String, DirectiveSpec> specs, Map<String, List<ConfigDirective>> directives,
                       Location blockLocation) {
        this.specs = specs;
        this.directives = directives;
        this.blockLocation = blockLocation;
        configuration.setConversionHandler(NxlogConversionHandler.INSTANCE);
        // Values are NXLog text: ${...} must reach the module as written, not be interpolated.
        configuration.setInterpolator(null);
        directives.forEach((name, occurrences) ->
                occurrences.forEach(directive -> configuration.addProperty(name, directive.value())));
    }

    private DirectiveSpec spec(String directive) {
        DirectiveSpec spec = specs.get(directive.toLowerCase(Locale.ROOT));
        if (spec == null) {
            throw new IllegalArgumentException("the module did not declare directive " + directive);
        }
        return spec;
    }

    /** The raw text of the first occurrence, or the spec's default, or null. */
    private String raw(String directive) {
        DirectiveSpec spec = spec(directive);
        List<ConfigDirective> occurrences = directives.get(spec.name());
        if (occurrences != null && !occurrences.isEmpty()) {
            return occurrences.get(0).value();
        }
        return spec.defaultValue();
    }

    @Override
    public String getString(String directive) {
        DirectiveSpec spec = spec(directive);
        String raw = raw(directive);
        if (raw == null) {
            return null;
        }
        if (spec.type() == DirectiveType.ENUMERATION) {
            return ValueConversion.parseEnumeration(ValueConversion.stripInlineComment(raw), spec.allowedValues());
        }
        if (spec.type() == DirectiveType.EXPRESSION) {
            return raw;
        }
        if (isSet(spec.name())) {
            return configuration.getString(spec.name());
        }
        return ValueConversion.unquote(ValueConversion.stripInlineComment(raw));
    }

    @Override
    public Long getInteger(String directive) {
        String raw = raw(directive);
        return raw == null ? null : ValueConversion.parseInteger(ValueConversion.stripInlineComment(raw));
    }

    @Override
    public long getInteger(String directive, long fallback) {
        Long value = getInteger(directive);
        return value == null ? fallback : value;
    }

    @Override
    public Boolean getBoolean(String directive) {
        String raw = raw(directive);
        return raw == null ? null : ValueConversion.parseBoolean(ValueConversion.stripInlineComment(raw));
    }

    @Override
    public boolean getBoolean(String directive, boolean fallback) {
        Boolean value = getBoolean(directive);
        return value == null ? fallback : value;
    }

    @Override
    public Long getDurationNanos(String directive) {
        String raw = raw(directive);
        return raw == null ? null : ValueConversion.parseSecondsAsNanos(ValueConversion.stripInlineComment(raw));
    }

    @Override
    public Integer getOctal(String directive) {
        String raw = raw(directive);
        return raw == null ? null : ValueConversion.parseOctal(ValueConversion.stripInlineComment(raw));
    }

    @Override
    public List<String> getList(String directive) {
        DirectiveSpec spec = spec(directive);
        List<String> values = new ArrayList<>();
        List<ConfigDirective> occurrences = directives.get(spec.name());
        if (occurrences == null || occurrences.isEmpty()) {
            if (spec.defaultValue() != null) {
                values.addAll(spec.type() == DirectiveType.LIST
                        ? ValueConversion.parseList(spec.defaultValue()) : List.of(spec.defaultValue()));
            }
            return values;
        }
        for (ConfigDirective occurrence : occurrences) {
            String value = ValueConversion.stripInlineComment(occurrence.value());
            if (spec.type() == DirectiveType.LIST) {
                values.addAll(ValueConversion.parseList(value));
            } else {
                values.add(ValueConversion.unquote(value));
            }
        }
        return values;
    }

    @Override
    public SourceText getExpressionSource(String directive) {
        DirectiveSpec spec = spec(directive);
        List<ConfigDirective> occurrences = directives.get(spec.name());
        if (occurrences == null || occurrences.isEmpty()) {
            return spec.defaultValue() == null ? null
                    : SourceText.ofLine(blockLocation.file(), blockLocation.line(), 1, spec.defaultValue());
        }
        return occurrences.get(0).valueSource();
    }

    @Override
    public boolean isSet(String directive) {
        List<ConfigDirective> occurrences = directives.get(spec(directive).name());
        return occurrences != null && !occurrences.isEmpty();
    }

    @Override
    public String location(String directive) {
        List<ConfigDirective> occurrences = directives.get(spec(directive).name());
        return occurrences != null && !occurrences.isEmpty()
                ? occurrences.get(0).location().toString() : blockLocation.toString();
    }

    /** {@link #isSet} for a directive the block may not have declared (a common one of another kind). */
    boolean isSetSafely(Map<String, DirectiveSpec> blockSpecs, String directive) {
        return blockSpecs.containsKey(directive.toLowerCase(Locale.ROOT)) && isSet(directive);
    }

    Location locationOf(String directive) {
        List<ConfigDirective> occurrences = directives.get(spec(directive).name());
        return occurrences != null && !occurrences.isEmpty() ? occurrences.get(0).location() : blockLocation;
    }

    @Override
    public ImmutableHierarchicalConfiguration raw() {
        return configuration;
    }
}
