package io.hostmod.processor.model;

/** Qualified names of the types the processor reads and generated code uses, known by name only. */
public final class HostmodNames {

  public static final String ANNOTATION_PACKAGE = "io.hostmod";
  public static final String MODULE = ANNOTATION_PACKAGE + ".Module";
  public static final String HOOK = ANNOTATION_PACKAGE + ".Hook";
  public static final String OPTION = ANNOTATION_PACKAGE + ".Option";
  public static final String EVERY = ANNOTATION_PACKAGE + ".Every";
  public static final String RUNTIME_PACKAGE = "io.hostmod.runtime";
  public static final String MODULE_CONTEXT = RUNTIME_PACKAGE + ".ModuleContext";
  public static final String HOST_CONTEXT = RUNTIME_PACKAGE + ".HostContext";
  public static final String HOST_PROXY = RUNTIME_PACKAGE + ".HostProxy";
  public static final String EVENT = RUNTIME_PACKAGE + ".Event";
  /** The contract between generated code and the runtime, which user code does not use. */
  public static final String SPI_PACKAGE = RUNTIME_PACKAGE + ".spi";
  public static final String MODULE_BINDING = SPI_PACKAGE + ".ModuleBinding";
  public static final String MODULE_CATALOG = SPI_PACKAGE + ".ModuleCatalog";
  /** The runtime as a JPMS module, as its module-info.java names it. */
  public static final String RUNTIME_MODULE = "io.hostmod.runtime";

  /** The processor, as generated code names it in {@code @Generated}. */
  public static final String PROCESSOR = "io.hostmod.processor.HostmodProcessor";
  public static final String GENERATED = "javax.annotation.processing.Generated";

  private HostmodNames() {}
}
