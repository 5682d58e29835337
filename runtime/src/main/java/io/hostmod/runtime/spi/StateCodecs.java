package io.hostmod.runtime.spi;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * What the codecs the processor writes for {@code @Save} types holding records call: they turn a
 * state into a neutral form made of JDK types only (each record a map of its components by name,
 * collections lists, maps maps), which another version of the module's code reads back into its
 * own types. Reading matches components by name: a component the neutral form lacks gets its
 * type's empty value ({@code ""}, {@code 0}, {@code false}, an empty list, set or map; {@code null}
 * for a record or any other type), one it has that the type lacks is dropped.
 */
public final class StateCodecs {

  private StateCodecs() {}

  /** A record's components by name, in order: name, value, name, value... */
  public static Map<String, Object> fields(Object... namesAndValues) {
    Map<String, Object> fields = new LinkedHashMap<>();
    for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
      fields.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return fields;
  }

  /** A collection's elements, each in neutral form, as a list; {@code null} stays {@code null}. */
  public static <T> List<Object> toList(Collection<T> values, Function<T, Object> element) {
    if (values == null) {
      return null;
    }
    List<Object> list = new ArrayList<>(values.size());
    for (T value : values) {
      list.add(element.apply(value));
    }
    return list;
  }

  /** A map's keys and values, each in neutral form; {@code null} stays {@code null}. */
  public static <K, V> Map<Object, Object> toMap(Map<K, V> values, Function<K, Object> key, Function<V, Object> value) {
    if (values == null) {
      return null;
    }
    Map<Object, Object> map = new LinkedHashMap<>();
    values.forEach((k, v) -> map.put(key.apply(k), value.apply(v)));
    return map;
  }

  /** A value of a type without components: itself if it is one, else {@code empty}. */
  public static <T> T value(Object neutral, Class<T> type, T empty) {
    return type.isInstance(neutral) ? type.cast(neutral) : empty;
  }

  /** A record read from its fields; {@code null} if the neutral form has none. */
  public static <T> T read(Object neutral, Function<Map<?, ?>, T> record) {
    return neutral instanceof Map<?, ?> fields ? record.apply(fields) : null;
  }

  /** A list read element by element; an empty list if the neutral form has none. */
  public static <T> List<T> list(Object neutral, Function<Object, T> element) {
    List<T> list = new ArrayList<>();
    if (neutral instanceof Collection<?> values) {
      for (Object value : values) {
        list.add(element.apply(value));
      }
    }
    return list;
  }

  /** A set read element by element, in order; an empty set if the neutral form has none. */
  public static <T> Set<T> set(Object neutral, Function<Object, T> element) {
    return new LinkedHashSet<>(list(neutral, element));
  }

  /** A map read key by key; an empty map if the neutral form has none. */
  public static <K, V> Map<K, V> map(Object neutral, Function<Object, K> key, Function<Object, V> value) {
    Map<K, V> map = new LinkedHashMap<>();
    if (neutral instanceof Map<?, ?> values) {
      values.forEach((k, v) -> map.put(key.apply(k), value.apply(v)));
    }
    return map;
  }
}
