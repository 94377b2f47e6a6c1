package org.openmaces.core.config;

import org.apache.commons.configuration2.convert.DefaultConversionHandler;
import org.apache.commons.configuration2.interpol.ConfigurationInterpolator;

/**
 * Teaches Commons Configuration NXLog's value forms, so {@code configuration.getLong("LogqueueSize")}
 * understands {@code 64K} and {@code getBoolean} understands {@code YES}. Delegates to
 * {@link ValueConversion}, the single conversion layer.
 */
final class NxlogConversionHandler extends DefaultConversionHandler {
    static final NxlogConversionHandler INSTANCE = new NxlogConversionHandler();

    @Override
    protected <T> T convertValue(Object source, Class<T> targetClass, ConfigurationInterpolator interpolator) {
        if (source instanceof String text) {
            String value = ValueConversion.stripInlineComment(text);
            if (targetClass == Long.class || targetClass == long.class) {
                return cast(targetClass, ValueConversion.parseInteger(value));
            }
            if (targetClass == Integer.class || targetClass == int.class) {
                return cast(targetClass, Math.toIntExact(ValueConversion.parseInteger(value)));
            }
            if (targetClass == Boolean.class || targetClass == boolean.class) {
                return cast(targetClass, ValueConversion.parseBoolean(value));
            }
            if (targetClass == String.class) {
                return cast(targetClass, ValueConversion.unquote(value));
            }
        }
        return super.convertValue(source, targetClass, interpolator);
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Class<T> targetClass, Object value) {
        return (T) value;
    }
}
