package io.hostmod.processor.model;

import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;

/** The lifecycle annotations a module method can carry, by the annotation's qualified name. */
public enum Lifecycle {
  LOAD("Load"),
  ADD_HOST("AddHost"),
  UNLOAD("Unload"),
  SAVE("Save"),
  RESTORE("Restore");

  private final String simpleName;

  Lifecycle(String simpleName) {
    this.simpleName = simpleName;
  }

  /** The annotation as written in source: {@code @AddHost}. */
  public String annotation() {
    return "@" + simpleName;
  }

  public String qualifiedName() {
    return HostmodNames.ANNOTATION_PACKAGE + "." + simpleName;
  }

  /** The lifecycle annotations on an element, in declaration order of this enum. */
  public static List<Lifecycle> on(Element element) {
    List<Lifecycle> found = new ArrayList<>();
    for (Lifecycle lifecycle : values()) {
      if (lifecycle.mirrorOn(element) != null) {
        found.add(lifecycle);
      }
    }
    return found;
  }

  /** This annotation's mirror on the element, or {@code null}. */
  public AnnotationMirror mirrorOn(Element element) {
    return Mirrors.find(element, qualifiedName());
  }
}
