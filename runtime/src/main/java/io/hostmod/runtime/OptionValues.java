package io.hostmod.runtime;

import java.util.ArrayList;
import java.util.List;

/** The value types options may have, and the typed reading of them that contexts offer. */
final class OptionValues {

  private OptionValues() {}

  /** Checks a configured value and stores whole numbers as Long, decimals as Double, lists as immutable lists. */
  static Object normalize(Object value, String key, String where) {
    if (value instanceof String || value instanceof Boolean || value instanceof Long || value instanceof Double) {
      return value;
    }
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof Float number) {
      return number.doubleValue();
    }
    if (value instanceof List<?> list) {
      List<Object> items = new ArrayList<>();
      for (Object item : list) {
        if (item instanceof List<?>) {
          throw new IllegalArgumentException("option '" + key + "' in " + where + " is a list of lists; use a flat list");
        }
        items.add(normalize(item, key, where));
      }
      return List.copyOf(items);
    }
    throw new IllegalArgumentException(
        "option '" + key + "' in " + where + " is "
            + (value == null ? "null" : value instanceof java.util.Map ? "a map" : "a " + value.getClass().getSimpleName())
            + "; use a string, boolean, number, or a list of these");
  }

  /**
   * Converts a configured value to the type a module reads it as, or returns {@code null} if it
   * cannot be: whole numbers widen to Long and Double and narrow to Integer when they fit.
   */
  static <T> T convert(Object value, Class<T> type) {
    Object converted = value;
    if (type == Integer.class && value instanceof Long number) {
      converted = number == number.intValue() ? (Object) number.intValue() : null;
    } else if (type == Double.class && value instanceof Long number) {
      converted = number.doubleValue();
    }
    return type.isInstance(converted) ? type.cast(converted) : null;
  }

  /** What a value is, for messages: {@code "abc" (a String)}. */
  static String describe(Object value) {
    String shown = value instanceof String ? "\"" + value + "\"" : String.valueOf(value);
    return shown + " (" + (value instanceof List ? "a list" : "a " + value.getClass().getSimpleName()) + ")";
  }
}
