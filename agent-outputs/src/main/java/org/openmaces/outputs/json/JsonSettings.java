package org.openmaces.outputs.json;

/**
 * An xm_json instance's directives (modules spec §3.1).
 *
 * @param dateFormat          how datetimes are written (a DateFormat value)
 * @param detectNestedJson    strings holding a JSON object or array are written as nested JSON
 * @param flatten             parse_json: nested objects become dotted field names
 * @param unflatten           to_json: dotted field names become nested objects
 * @param parseDate           parse_json: timestamp strings become datetimes
 * @param prettyPrint         indented output
 * @param includeHiddenFields write fields whose names start with {@code .} or {@code _}
 */
public record JsonSettings(String dateFormat, boolean detectNestedJson, boolean flatten, boolean unflatten,
                           boolean parseDate, boolean prettyPrint, boolean includeHiddenFields) {
    public static final String DEFAULT_DATE_FORMAT = "YYYY-MM-DDThh:mm:ss.sTZ";

    public static JsonSettings defaults() {
        return new JsonSettings(DEFAULT_DATE_FORMAT, true, false, false, true, false, false);
    }
}
