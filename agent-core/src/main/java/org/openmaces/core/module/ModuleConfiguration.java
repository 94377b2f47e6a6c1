package org.openmaces.core.module;

import java.util.List;
import org.apache.commons.configuration2.ImmutableHierarchicalConfiguration;
import org.openmaces.core.language.SourceText;

/**
 * A module block's directives, validated against the module's {@link DirectiveSpec}s and read with typed
 * accessors. Keys are the specs' canonical names (the user's spelling may differ in case). Absent optional
 * directives read as their spec's default, or null / empty list when there is none.
 *
 * <p>Backed by an Apache Commons Configuration hierarchical configuration ({@link #raw()}) whose values are
 * the directives' raw text; every typed read goes through one conversion layer, so {@code 64K}, {@code YES}
 * and {@code 0640} mean the same in every module.
 */
public interface ModuleConfiguration {

    String getString(String directive);

    /** Integer with optional K/M/G suffix; null when absent without default. */
    Long getInteger(String directive);

    /** As {@link #getInteger}, with a fallback for absent directives. */
    long getInteger(String directive, long fallback);

    Boolean getBoolean(String directive);

    boolean getBoolean(String directive, boolean fallback);

    /** SECONDS directives as nanoseconds; null when absent without default. */
    Long getDurationNanos(String directive);

    /** OCTAL directives as an int (e.g. 0640 → 416); null when absent. */
    Integer getOctal(String directive);

    /**
     * Every value of a directive: each occurrence of a repeatable directive in file order, or the items of
     * a LIST directive (all occurrences' items, in order). Empty when absent.
     */
    List<String> getList(String directive);

    /** An EXPRESSION directive's source (with file, line and column) for the language compiler; null when absent. */
    SourceText getExpressionSource(String directive);

    /** True when the block writes the directive (defaults do not count). */
    boolean isSet(String directive);

    /** {@code FILE:LINE} of the directive's first occurrence, else of the block's opening tag. */
    String location(String directive);

    /** The underlying Commons Configuration view: key = canonical directive name, value(s) = raw text. */
    ImmutableHierarchicalConfiguration raw();
}
