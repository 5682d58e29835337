package io.hostmod.processor.validation;

import io.hostmod.processor.model.ModuleElements;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.TypeElement;

/**
 * Checks across the modules of one compilation: names are unique and dependencies form no cycle.
 * It remembers the modules of earlier rounds by name, not by element.
 */
public final class ModuleSetValidator {

  private final ModuleElements modules;
  /** Module name to the qualified name of its class, for every module seen so far. */
  private final Map<String, String> classByModuleName = new LinkedHashMap<>();

  public ModuleSetValidator(ModuleElements modules) {
    this.modules = modules;
  }

  /** Registers the round's modules and returns the problems they have together with all before them. */
  public List<Problem> validate(List<TypeElement> round) {
    List<Problem> problems = new ArrayList<>();
    for (TypeElement module : round) {
      String name = modules.name(module);
      String qualifiedName = module.getQualifiedName().toString();
      String other = classByModuleName.putIfAbsent(name, qualifiedName);
      if (other != null && !other.equals(qualifiedName)) {
        TypeElement otherModule = modules.elements().getTypeElement(other);
        Message message = Message.NAME_DUPLICATE;
        problems.add(new Problem(message, message.format(name, other, qualifiedName), module, ModuleElements.moduleAnnotation(module), null));
        if (otherModule != null) {
          problems.add(new Problem(message, message.format(name, qualifiedName, other), otherModule, ModuleElements.moduleAnnotation(otherModule), null));
        }
      }
    }
    for (TypeElement module : round) {
      Problem cycle = cycleFrom(module);
      if (cycle != null) {
        problems.add(cycle);
      }
    }
    return problems;
  }

  /**
   * A cycle through this module, reported on the module of the cycle whose qualified name sorts
   * first, so that each cycle is reported once.
   */
  private Problem cycleFrom(TypeElement start) {
    List<TypeElement> path = new ArrayList<>();
    List<AnnotationValue> edges = new ArrayList<>();
    if (!findPathBack(start, start, path, edges)) {
      return null;
    }
    for (TypeElement member : path) {
      if (member.getQualifiedName().toString().compareTo(start.getQualifiedName().toString()) < 0) {
        return null;
      }
    }
    StringBuilder cycle = new StringBuilder();
    for (TypeElement member : path) {
      cycle.append(member.getSimpleName()).append(" -> ");
    }
    cycle.append(start.getSimpleName());
    Message message = Message.DEPENDENCY_CYCLE;
    return new Problem(message, message.format(cycle), start, ModuleElements.moduleAnnotation(start), edges.get(0));
  }

  /** Depth-first search for a path of dependsOn edges from {@code from} back to {@code start}. */
  private boolean findPathBack(
      TypeElement start, TypeElement from, List<TypeElement> path, List<AnnotationValue> edges) {
    if (ModuleElements.moduleAnnotation(from) == null) {
      return false;
    }
    path.add(from);
    for (AnnotationValue value : modules.dependsOn(from)) {
      TypeElement next = ModuleElements.dependency(value);
      if (next == null || next.equals(from)) {
        continue; // unresolved, or depending on itself, which is reported on its own
      }
      edges.add(value);
      if (next.equals(start) || (!path.contains(next) && findPathBack(start, next, path, edges))) {
        return true;
      }
      edges.remove(edges.size() - 1);
    }
    path.remove(path.size() - 1);
    return false;
  }
}
