package org.openmaces.core.language.compiler;

import org.openmaces.core.language.CompilationScope;
import org.openmaces.core.language.Conversions;

/** What a built-in's node factory may use at compile time, and where it reports a misuse. */
public interface BuildContext {

    Conversions conversions();

    CompilationScope scope();

    /** Reports a compile error at the call. */
    void error(String message);

    /** Reports a compile warning at the call. */
    void warning(String message);

    /** A fresh slot number for a matcher cache entry (see {@link org.openmaces.core.language.Captures}). */
    int newMatcherSlot();
}
