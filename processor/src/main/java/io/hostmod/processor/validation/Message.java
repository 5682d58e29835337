package io.hostmod.processor.validation;

import javax.tools.Diagnostic;

/**
 * Every diagnostic the processor reports, with its stable id, text and kind. Each message names
 * the element, says what is wrong and how to fix it, writing types as in source (simple names).
 * {@code docs/diagnostics.md} lists them all with an example each; a test keeps the two in step.
 */
public enum Message {
  // ---- the class
  NOT_A_CLASS(
      "HostmodNotAClass",
      "@Module goes on a class, but %s is %s; declare the module as a public class"),
  LOCAL_CLASS(
      "HostmodLocalClass",
      "@Module class %s is declared inside a method, where generated code cannot name it; move it"
          + " to a top-level or static nested class"),
  INNER_CLASS(
      "HostmodInnerClass",
      "@Module class %s is an inner class, which needs an enclosing instance; make it static"),
  NOT_PUBLIC(
      "HostmodNotPublic",
      "@Module class %s is not public, so the generated catalog cannot reach it; make %s public"),
  ABSTRACT(
      "HostmodAbstract",
      "@Module class %s is abstract, but the runtime must create it; make it concrete"),
  GENERIC_CLASS(
      "HostmodGenericClass",
      "@Module class %s has type parameters, which the runtime cannot choose when it creates the"
          + " module; remove them"),
  NO_CONSTRUCTOR(
      "HostmodNoConstructor",
      "@Module class %s has no constructor the generated code can call; add a non-private"
          + " constructor that takes nothing, or a ModuleContext and modules it depends on"),
  TWO_CONSTRUCTORS(
      "HostmodTwoConstructors",
      "@Module class %s has two constructors the runtime could call, %s and %s; keep one"),
  CONSTRUCTOR_THROWS_THROWABLE(
      "HostmodConstructorThrows",
      "the constructor of @Module class %s throws %s, which is not an Exception; throw Exception"
          + " or a subclass"),

  // ---- the name
  NAME_INVALID(
      "HostmodNameInvalid",
      "module name '%s' of %s is not lower_snake_case (like 'muc' or 'server_contact_info');"
          + " change @Module(name)"),
  DERIVED_NAME_EMPTY(
      "HostmodDerivedNameEmpty",
      "the module name derived from class %s is empty, since a trailing 'Module' is dropped; set"
          + " @Module(name = \"...\")"),
  DERIVED_NAME_INVALID(
      "HostmodDerivedNameInvalid",
      "the module name derived from class %s is '%s', which is not lower_snake_case; set"
          + " @Module(name = \"...\")"),
  NAME_DUPLICATE(
      "HostmodNameDuplicate",
      "module name '%s' is used by both %s and %s; give one of them another @Module(name)"),
  GENERATED_NAME_CLASH(
      "HostmodGeneratedNameClash",
      "@Module class %s would generate %s, as @Module class %s does; rename one of the two"
          + " classes"),

  // ---- dependencies
  DEPENDS_ON_NON_MODULE(
      "HostmodDependsOnNonModule",
      "%s in dependsOn of %s is not a @Module class; depend on module classes only"),
  DEPENDS_ON_ITSELF("HostmodDependsOnItself", "%s depends on itself; remove it from dependsOn"),
  DEPENDS_ON_TWICE(
      "HostmodDependsOnTwice", "%s is named twice in dependsOn of %s; remove one of them"),
  DEPENDENCY_CYCLE(
      "HostmodDependencyCycle",
      "modules depend on each other in a cycle, %s; remove one of these dependencies"),
  GLOBAL_DEPENDS_ON_PER_HOST(
      "HostmodGlobalDependsOnPerHost",
      "global module %1$s depends on per-host module %2$s, so its one instance would hang on the"
          + " %2$s of a single host, and unloading %2$s there would unload %1$s everywhere; make"
          + " %2$s global, or drop the dependency",
      Diagnostic.Kind.WARNING),

  NOT_A_DEPENDENCY(
      "HostmodNotADependency",
      "%1$s takes %2$s, but %3$s does not depend on %4$s; add %4$s.class to dependsOn of %3$s"),
  HOST_PROXY_IN_GLOBAL(
      "HostmodHostProxyInGlobal",
      "%1$s takes the host proxy of %2$s, but %3$s is %4$s, whose instance lives on \"*\", where"
          + " there is no host proxy; take %2$s itself and pass it a HostContext, or make %3$s"
          + " per-host"),

  // ---- lifecycle methods
  LIFECYCLE_OUTSIDE_MODULE(
      "HostmodLifecycleOutsideModule",
      "%s method %s is in %s, which has no @Module and is not an abstract base class of modules;"
          + " add @Module to %s, make it abstract, or remove %s"),
  TWO_ROLES(
      "HostmodTwoRoles",
      "method %s has both %s and %s; a method has one lifecycle role: split it in two methods"),
  PRIVATE(
      "HostmodPrivate",
      "%s method %s is private, but the generated binding calls it; make it package-private or"
          + " public"),
  STATIC(
      "HostmodStatic",
      "%s method %s is static, but the generated binding calls it on the module instance; remove"
          + " static"),
  ABSTRACT_METHOD(
      "HostmodAbstractMethod", "%s method %s is abstract; give it a body"),
  GENERIC_METHOD(
      "HostmodGenericMethod",
      "%s method %s has type parameters, which the runtime cannot choose; remove them"),
  THROWS_THROWABLE(
      "HostmodThrowsThrowable",
      "%s method %s throws %s, which is not an Exception; throw Exception or a subclass"),
  WRONG_PARAMETERS(
      "HostmodWrongParameters",
      "%s method %s must take %s, but takes (%s); change its parameters"),
  NOT_VOID("HostmodNotVoid", "%s method %s returns %s, which the runtime ignores; return void"),
  SAVE_RETURNS_VOID(
      "HostmodSaveReturnsVoid",
      "@Save method %s returns void; return the state to carry across a reload"),
  DUPLICATE_ROLE(
      "HostmodDuplicateRole",
      "%s is on both %s and %s; a module has one %s method: remove one of them"),
  INHERITED_UNCALLABLE(
      "HostmodInheritedUncallable",
      "%s method %s is inherited from %s in another package and is not public, so the generated"
          + " binding cannot call it; make it public"),
  LIFECYCLE_NOT_REPEATED(
      "HostmodLifecycleNotRepeated",
      "method %1$s overrides %2$s method %3$s of %4$s without being annotated %2$s itself, so the"
          + " module has no %2$s method (annotations are not inherited); add %2$s to %1$s",
      Diagnostic.Kind.WARNING),
  ADD_HOST_NOT_GLOBAL(
      "HostmodAddHostNotGlobal",
      "@AddHost method %s is in a module that is not global; add global = true to @Module on %s,"
          + " or remove @AddHost"),
  UNLOAD_HOST_NOT_SHARED(
      "HostmodUnloadHostNotShared",
      "@Unload(HostContext) method %s is in %s, which is not a shared module; add an @AddHost"
          + " method to a global module, or take no parameter"),
  RECONFIGURE_WITHOUT_OPTIONS(
      "HostmodReconfigureWithoutOptions",
      "@Reconfigure method %s is in %s, which has no @Option field, so no configuration change"
          + " ever calls it; add the @Option fields it applies, or remove @Reconfigure",
      Diagnostic.Kind.WARNING),

  // ---- hooks
  HOOK_EVENT_EMPTY(
      "HostmodHookEventEmpty",
      "@Hook method %s names no event; name the event it handles, like @Hook(\"message\")"),
  HOOK_ON_LIFECYCLE(
      "HostmodHookOnLifecycle",
      "method %s has both @Hook and %s; a lifecycle method does not handle events: move the hook"
          + " to a method of its own"),

  // ---- timers
  EVERY_PERIOD_INVALID(
      "HostmodEveryPeriodInvalid",
      "@Every method %s has period '%s', which is not an ISO-8601 duration; write one like"
          + " \"PT5M\" (5 minutes) or \"PT30S\" (30 seconds)"),
  EVERY_PERIOD_NOT_POSITIVE(
      "HostmodEveryPeriodNotPositive",
      "@Every method %s has period '%s', which is not positive, so the timer would never wait;"
          + " give a period longer than zero, like \"PT1S\""),
  EVERY_HOST_NOT_SHARED(
      "HostmodEveryHostNotShared",
      "@Every method %s takes a HostContext, but %s is not a shared module, so no host part runs"
          + " it; take a ModuleContext or no parameter, or make the module shared"),

  // ---- options
  OPTION_OUTSIDE_MODULE(
      "HostmodOptionOutsideModule",
      "@Option field %1$s is in %2$s, which has no @Module; options are set on fields of a module"
          + " class: add @Module to %2$s, or move the field to one"),
  OPTION_MODIFIER(
      "HostmodOptionModifier",
      "@Option field %1$s of %2$s is %3$s, but the generated binding sets it on each new module"
          + " instance; remove %3$s"),
  OPTION_TYPE(
      "HostmodOptionType",
      "@Option field %s of %s is a %s, which an option cannot be read as; use String, boolean,"
          + " int, long, double, their boxes, or a List of String, Boolean, Integer, Long or"
          + " Double"),
  OPTION_KEY_INVALID(
      "HostmodOptionKeyInvalid",
      "option key '%s' of field %s is not lower_snake_case (like 'history_limit'); change"
          + " @Option"),
  OPTION_KEY_TWICE(
      "HostmodOptionKeyTwice",
      "option key '%s' is on both %s and %s of %s; a module reads an option into one field:"
          + " remove one of them"),

  // ---- state across a reload
  SAVE_WITHOUT_RESTORE(
      "HostmodSaveWithoutRestore",
      "@Save method %s has no @Restore method to receive its state; add @Restore void"
          + " restore(%s state)"),
  RESTORE_WITHOUT_SAVE(
      "HostmodRestoreWithoutSave",
      "@Restore method %s has no @Save method to give it state; add @Save %s save()"),
  STATE_TYPE_MISMATCH(
      "HostmodStateTypeMismatch",
      "@Restore method %s takes %s, but @Save method %s returns %s; make the types match"),
  STATE_CANNOT_CROSS(
      "HostmodStateCannotCross",
      "@Save method %s returns %s, which holds %s, a type of this compilation that is not a record;"
          + " a module jar's new code cannot read it (state-incompatible on reload); make %s a record"
          + " (of JDK types, records, lists, sets or maps of them), or save JDK types",
      Diagnostic.Kind.WARNING),

  // ---- host proxy
  PROXY_CLASH(
      "HostmodProxyClash",
      "methods %s and %s of %s would both be %s on the host proxy; rename one of them"),
  PROXY_RESERVED(
      "HostmodProxyReserved",
      "method %s of %s would be %s on the host proxy, where the name %s is taken by %s; rename"
          + " it"),
  NO_HOST_PROXY(
      "HostmodNoHostProxy",
      "public method %1$s of %2$s takes a HostContext first, like a host proxy method, but %2$s"
          + " is %3$s, which has no host proxy; make the module shared (global = true and an"
          + " @AddHost method), or drop the HostContext parameter",
      Diagnostic.Kind.WARNING),

  // ---- the compilation
  UNRESOLVED(
      "HostmodUnresolved",
      "@Module class %s was not processed because %s could not be resolved; fix that first"),
  CATALOG_OPTION_INVALID(
      "HostmodCatalogOptionInvalid",
      "-Ahostmod.catalog=%s is not a class name like org.example.ChatModules; fix the option"),
  RUNTIME_MISSING(
      "HostmodRuntimeMissing",
      "@Module class %s needs the hostmod runtime, but io.hostmod.runtime is not on the class"
          + " path; add the hostmod-runtime dependency"),
  RUNTIME_NOT_READ(
      "HostmodRuntimeNotRead",
      "module %s does not read io.hostmod.runtime, which the code generated for its @Module"
          + " classes uses; add this line to module-info.java: requires io.hostmod.runtime;"),
  PROVIDES_MISSING(
      "HostmodProvidesMissing",
      "module %s does not provide its module catalog, so ServiceLoader will not find its"
          + " modules; add this line to module-info.java: provides"
          + " io.hostmod.runtime.spi.ModuleCatalog with %s;"),

  // ---- the processor itself
  WRITE_FAILED(
      "HostmodWriteFailed",
      "could not write %s: %s; rename any class of that name, and check that the output"
          + " directory is writable"),
  INTERNAL_ERROR(
      "HostmodInternalError",
      "the hostmod processor failed on %s: %s; this is a bug in hostmod, please report it with"
          + " this message");

  private final String id;
  private final String template;
  private final Diagnostic.Kind kind;

  Message(String id, String template) {
    this(id, template, Diagnostic.Kind.ERROR);
  }

  Message(String id, String template, Diagnostic.Kind kind) {
    this.id = id;
    this.template = template;
    this.kind = kind;
  }

  /** The stable id every message starts with, in brackets. */
  public String id() {
    return id;
  }

  public String template() {
    return template;
  }

  public Diagnostic.Kind kind() {
    return kind;
  }

  /** The full text: {@code [Id] message}. */
  public String format(Object... args) {
    return "[" + id + "] " + String.format(template, args);
  }
}
