package io.hostmod.processor.model;

/** Qualified names of the hostmod types the processor reads, which it knows by name only. */
public final class HostmodNames {

  public static final String ANNOTATION_PACKAGE = "io.hostmod";
  public static final String MODULE = ANNOTATION_PACKAGE + ".Module";
  public static final String RUNTIME_PACKAGE = "io.hostmod.runtime";
  public static final String MODULE_CONTEXT = RUNTIME_PACKAGE + ".ModuleContext";
  public static final String HOST_CONTEXT = RUNTIME_PACKAGE + ".HostContext";

  private HostmodNames() {}
}
