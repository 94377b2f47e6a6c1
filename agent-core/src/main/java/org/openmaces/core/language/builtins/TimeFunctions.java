package org.openmaces.core.language.builtins;

import static org.openmaces.core.record.ValueType.BOOLEAN;
import static org.openmaces.core.record.ValueType.DATETIME;
import static org.openmaces.core.record.ValueType.INTEGER;
import static org.openmaces.core.record.ValueType.STRING;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.function.ToIntFunction;
import org.openmaces.core.language.Conversions;
import org.openmaces.core.language.compiler.Builtin;
import org.openmaces.core.language.nodes.CallNode;
import org.openmaces.core.record.Datetime;

/**
 * now, datetime, parsedate, strftime, strptime, the broken-down parts (year .. microsecond, dayofweek,
 * dayofyear) and fix_year (language spec §8). Local time honours GenerateDateInUTC / ParseDateInUTC.
 */
final class TimeFunctions {
    private TimeFunctions() {
    }

    static void register(List<Builtin> library) {
        library.add(Builtin.function("now", DATETIME, false,
                context -> Datetime.ofMicroseconds(Arguments.now(context))));
        library.add(Builtin.function("datetime", DATETIME, INTEGER, true,
                (context, micros) -> micros == null ? null : Datetime.ofMicroseconds((Long) micros)));
        library.add(withConversions("parsedate", DATETIME, List.of(STRING), (conversions, location, arguments, checks) ->
                new CallNode.Call1(location, "parsedate", arguments, checks, DATETIME, false,
                        (context, text) -> text == null ? null
                                : conversions.parseDate((String) text, false, context.environment().clock()))));
        library.add(withConversions("parsedate", DATETIME, List.of(STRING, BOOLEAN),
                (conversions, location, arguments, checks) ->
                        new CallNode.Call2(location, "parsedate", arguments, checks, DATETIME, false,
                                (context, text, utc) -> text == null ? null : conversions.parseDate((String) text,
                                        utc == Boolean.TRUE, context.environment().clock()))));
        library.add(withConversions("strftime", STRING, List.of(DATETIME, STRING),
                (conversions, location, arguments, checks) ->
                        new CallNode.Call2(location, "strftime", arguments, checks, STRING, true,
                                (context, time, format) -> strftime(conversions, time, format, false))));
        library.add(withConversions("strftime", STRING, List.of(DATETIME, STRING, BOOLEAN),
                (conversions, location, arguments, checks) ->
                        new CallNode.Call3(location, "strftime", arguments, checks, STRING, true,
                                (context, time, format, utc) -> strftime(conversions, time, format,
                                        utc == Boolean.TRUE))));
        library.add(withConversions("strptime", DATETIME, List.of(STRING, STRING),
                (conversions, location, arguments, checks) ->
                        new CallNode.Call2(location, "strptime", arguments, checks, DATETIME, true,
                                (context, text, format) -> text == null || format == null ? null
                                        : conversions.strptime((String) text, (String) format))));
        part(library, "year", ZonedDateTime::getYear);
        part(library, "month", ZonedDateTime::getMonthValue);
        part(library, "day", ZonedDateTime::getDayOfMonth);
        part(library, "hour", ZonedDateTime::getHour);
        part(library, "minute", ZonedDateTime::getMinute);
        part(library, "second", ZonedDateTime::getSecond);
        part(library, "microsecond", time -> time.getNano() / 1000);
        part(library, "dayofweek", time -> time.getDayOfWeek().getValue() % 7);
        part(library, "dayofyear", ZonedDateTime::getDayOfYear);
        library.add(withConversions("fix_year", DATETIME, List.of(DATETIME),
                (conversions, location, arguments, checks) ->
                        new CallNode.Call1(location, "fix_year", arguments, checks, DATETIME, false,
                                (context, time) -> {
                                    if (time == null) {
                                        return null;
                                    }
                                    ZoneId zone = conversions.parseZone();
                                    ZonedDateTime local = ((Datetime) time).toInstant().atZone(zone);
                                    if (local.getYear() > 1970) {
                                        return time;
                                    }
                                    int year = context.environment().clock().instant().atZone(zone).getYear();
                                    return Datetime.ofInstant(local.withYear(year).toInstant());
                                })));
    }

    private static String strftime(Conversions conversions, Object time, Object format, boolean utc) {
        if (time == null) {
            return null;
        }
        if (format == null) {
            return conversions.formatDatetime((Datetime) time, "YYYY-MM-DD hh:mm:ss");
        }
        String text = (String) format;
        if (text.indexOf('%') < 0 && text.startsWith("YYYY")) {
            return utc ? Conversions.of(new org.openmaces.core.language.LanguageSettings(text, true, false,
                    ZoneOffset.UTC)).formatDatetime((Datetime) time) : conversions.formatDatetime((Datetime) time, text);
        }
        return conversions.strftime((Datetime) time, text, utc);
    }

    /** {@code name(datetime)} and {@code name(datetime, boolean utc)}: one broken-down part as an integer. */
    private static void part(List<Builtin> library, String name, ToIntFunction<ZonedDateTime> extract) {
        library.add(withConversions(name, INTEGER, List.of(DATETIME), (conversions, location, arguments, checks) -> {
            ZoneId zone = conversions.outputZone();
            return new CallNode.Call1(location, name, arguments, checks, INTEGER, true,
                    (context, time) -> time == null ? null
                            : Long.valueOf(extract.applyAsInt(((Datetime) time).toInstant().atZone(zone))));
        }));
        library.add(withConversions(name, INTEGER, List.of(DATETIME, BOOLEAN),
                (conversions, location, arguments, checks) -> {
                    ZoneId zone = conversions.outputZone();
                    return new CallNode.Call2(location, name, arguments, checks, INTEGER, true,
                            (context, time, utc) -> time == null ? null : Long.valueOf(extract.applyAsInt(
                                    ((Datetime) time).toInstant().atZone(utc == Boolean.TRUE ? ZoneOffset.UTC : zone))));
                }));
    }

    /** A factory that needs the conversion settings. */
    @FunctionalInterface
    interface ConversionsFactory {
        org.openmaces.core.language.nodes.ExpressionNode create(Conversions conversions,
                org.openmaces.core.language.runtime.SourceLocation location,
                org.openmaces.core.language.nodes.ExpressionNode[] arguments,
                org.openmaces.core.record.ValueType[] checks);
    }

    static Builtin withConversions(String name, org.openmaces.core.record.ValueType returnType,
                                   List<org.openmaces.core.record.ValueType> parameters, ConversionsFactory factory) {
        return new Builtin(name, returnType, parameters, false, false,
                (build, location, arguments, checks) -> factory.create(build.conversions(), location, arguments,
                        checks));
    }
}
