package org.openmaces.core.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openmaces.core.record.ValueType;

class FunctionRegistryTest {

    private static FunctionDefinition function(String name, Visibility visibility, String result) {
        return new FunctionDefinition(name, ValueType.STRING, List.of(), false, visibility, (context, args) -> result);
    }

    @Test
    void shouldResolveBareGlobalNamesToTheFirstInstance() {
        FunctionRegistry registry = new FunctionRegistry();
        registry.registrar("json1").register(function("to_json", Visibility.GLOBAL, "first"));
        registry.registrar("json2").register(function("to_json", Visibility.GLOBAL, "second"));
        List<FunctionDefinition> found = registry.functions("to_json", "in");
        assertEquals(1, found.size());
        assertEquals(1, registry.instanceFunctions("json2", "to_json", "in").size());
    }

    @Test
    void shouldHidePrivateFunctionsFromOtherInstances() {
        FunctionRegistry registry = new FunctionRegistry();
        registry.registrar("out").register(function("file_name", Visibility.PRIVATE, "f"));
        registry.registrar("in");
        assertEquals(1, registry.functions("file_name", "out").size());
        assertTrue(registry.functions("file_name", "in").isEmpty());
        assertTrue(registry.instanceFunctions("out", "file_name", "in").isEmpty());
        assertEquals(1, registry.instanceFunctions("out", "file_name", "out").size());
    }

    @Test
    void shouldRequireThePrefixForPublicFunctions() {
        FunctionRegistry registry = new FunctionRegistry();
        registry.registrar("kvp").register(function("to_kvp", Visibility.PUBLIC, "k"));
        assertTrue(registry.functions("to_kvp", "in").isEmpty());
        assertEquals(1, registry.instanceFunctions("kvp", "to_kvp", "in").size());
    }

    @Test
    void shouldKnowDeclaredInstancesOnly() {
        FunctionRegistry registry = new FunctionRegistry();
        registry.registrar("quiet");
        assertTrue(registry.hasInstance("quiet"));
        assertFalse(registry.hasInstance("nope"));
        assertNull(registry.instanceFunctions("nope", "f", "in"));
    }
}
