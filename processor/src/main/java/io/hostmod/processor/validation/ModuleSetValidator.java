package io.hostmod.processor.validation;

import com.palantir.javapoet.ClassName;
import io.hostmod.processor.model.GeneratedNames;
import io.hostmod.processor.model.Kind;
import io.hostmod.processor.model.ModuleElements;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.TypeElement;

/**
 * Checks across the modules of one compilation: module names and generated class names are
 * unique, and dependencies form no cycle. It remembers the modules of earlier rounds by name, not
 * by element, and reports a clash on both classes.
 */
public final class ModuleSetValidator {

  private final ModuleElements modules;
  /** Module name to the qualified name of its class, for every module seen so far. */
  private final Map<String, String> classByModuleName = new LinkedHashMap<>();
  /** Generated host proxy name to the qualified name of its shared module class. */
  private final Map<String, String> classByHostProxy = new LinkedHashMap<>();

  public ModuleSetValidator(ModuleElements modules) {
    this.modules = modules;
  }

  /**
   * Registers the round's module classes and returns the problems they have together with all
   * before them. Each problem is on a module class.
   */
  public List<Problem> validate(List<TypeElement> round) {
    List<Problem> problems = new ArrayList<>();
    for (TypeElement module : round) {
      String qualifiedName = module.getQualifiedName().toString();
      String name = modules.name(module);
      String sameName = classByModuleName.putIfAbsent(name, qualifiedName);
      if (sameName != null && !sameName.equals(qualifiedName)) {
        bothWays(problems, module, sameName, (one, other) ->
            Problem.onValue(
                one,
                ModuleElements.moduleAnnotation(one),
                null,
                Message.NAME_DUPLICATE,
                name,
                other,
                one.getQualifiedName()));
      }
      if (modules.kind(module) != Kind.SHARED) {
        continue;
      }
      String proxy = GeneratedNames.hostProxy(ClassName.get(module)).canonicalName();
      String sameProxy = classByHostProxy.putIfAbsent(proxy, qualifiedName);
      if (sameProxy != null && !sameProxy.equals(qualifiedName)) {
        bothWays(problems, module, sameProxy, (one, other) ->
            Problem.on(
                one,
                Message.GENERATED_NAME_CLASH,
                one.getQualifiedName(),
                GeneratedNames.hostProxy(ClassName.get(one)).simpleName(),
                other));
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

  /** A problem of one module class naming another, by qualified name. */
  private interface Clash {
    Problem on(TypeElement one, String other);
  }

  /** The clash on this module, and on the other one if it can still be found. */
  private void bothWays(List<Problem> problems, TypeElement module, String other, Clash clash) {
    problems.add(clash.on(module, other));
    TypeElement otherModule = modules.elements().getTypeElement(other);
    if (otherModule != null) {
      problems.add(clash.on(otherModule, module.getQualifiedName().toString()));
    }
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
      cycle.append(Texts.className(member)).append(" -> ");
    }
    cycle.append(Texts.className(start));
    return Problem.onValue(
        start, ModuleElements.moduleAnnotation(start), edges.get(0), Message.DEPENDENCY_CYCLE, cycle);
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
