package io.hostmod.processor.model;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/** The lifecycle annotations a module method can carry, by the annotation's qualified name. */
public enum Lifecycle {
  LOAD("Load"),
  ADD_HOST("AddHost"),
  UNLOAD("Unload"),
  SAVE("Save"),
  RESTORE("Restore"),
  RECONFIGURE("Reconfigure");

  private final String simpleName;
  private final String qualifiedName;

  Lifecycle(String simpleName) {
    this.simpleName = simpleName;
    this.qualifiedName = HostmodNames.ANNOTATION_PACKAGE + "." + simpleName;
  }

  /** The annotation as written in source: {@code @AddHost}. */
  public String annotation() {
    return "@" + simpleName;
  }

  public String qualifiedName() {
    return qualifiedName;
  }

  /**
   * The lifecycle annotations on an element, in declaration order of this enum. Asked of every
   * method of every module, and of the methods they override: each annotation's name is read once.
   */
  public static List<Lifecycle> on(Element element) {
    EnumSet<Lifecycle> found = EnumSet.noneOf(Lifecycle.class);
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      Lifecycle lifecycle =
          BY_NAME.get(((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().toString());
      if (lifecycle != null) {
        found.add(lifecycle);
      }
    }
    return List.copyOf(found);
  }

  private static final Map<String, Lifecycle> BY_NAME = new HashMap<>();

  static {
    for (Lifecycle lifecycle : values()) {
      BY_NAME.put(lifecycle.qualifiedName, lifecycle);
    }
  }

  /** This annotation's mirror on the element, or {@code null}. */
  public AnnotationMirror mirrorOn(Element element) {
    return Mirrors.find(element, qualifiedName());
  }
}
