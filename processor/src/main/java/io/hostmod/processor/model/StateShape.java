package io.hostmod.processor.model;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The shape of a {@code @Save} type that holds records, for the codec the module table gets: how
 * to turn the state into its neutral form (JDK types only, each record a map of its components by
 * name) and back, so that it crosses to a version of the module whose records gained or lost
 * components. Only types the codec can rebuild without reflection have a shape.
 */
public sealed interface StateShape {

  /** The Java type of a value of this shape. */
  TypeName type();

  /** Whether a record is part of it (else the state crosses as it is, and needs no codec). */
  boolean holdsRecord();

  /** A type without components the codec looks into (boxed for a primitive). */
  record Leaf(ClassName type) implements StateShape {
    @Override
    public boolean holdsRecord() {
      return false;
    }
  }

  /** A record and its components, in declaration order. */
  record RecordOf(ClassName type, List<Component> components) implements StateShape {
    @Override
    public boolean holdsRecord() {
      return true;
    }
  }

  /** A record component: its name (also its accessor's) and its shape. */
  record Component(String name, StateShape shape) {}

  /** A list (or collection, read back as a list) or a set of one shape. */
  record CollectionOf(boolean set, StateShape element) implements StateShape {
    @Override
    public TypeName type() {
      return ParameterizedTypeName.get(ClassName.get(set ? Set.class : List.class), element.type());
    }

    @Override
    public boolean holdsRecord() {
      return element.holdsRecord();
    }
  }

  /** A map. */
  record MapOf(StateShape key, StateShape value) implements StateShape {
    @Override
    public TypeName type() {
      return ParameterizedTypeName.get(ClassName.get(Map.class), key.type(), value.type());
    }

    @Override
    public boolean holdsRecord() {
      return key.holdsRecord() || value.holdsRecord();
    }
  }
}
