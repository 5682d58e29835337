package io.hostmod.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.hostmod.processor.HostmodTesting.module;
import static io.hostmod.processor.HostmodTesting.moduleTableOf;

import com.google.testing.compile.Compilation;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Errors about lifecycle methods: how each must be declared, how many a module may have, and which
 * kinds of module may have them.
 */
class LifecycleErrorsTest extends BothCompilers {

  private static final String PER_HOST = "@Module";
  private static final String SHARED = "@Module(global = true)";

  /**
   * A module {@code MucModule} with {@code members}, whose only error is {@code message}, reported
   * on the method named {@code method}, in the line that holds {@code snippet}.
   */
  record Case(
      String name,
      String annotation,
      String members,
      String snippet,
      String method,
      String message) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> badlyDeclared() {
    return Stream.of(
        // private
        new Case("private @Load", PER_HOST, """
            @Load private void load() {}
            """, "void load()", "load",
            "[HostmodPrivate] @Load method load() is private, but the generated binding calls it;"
                + " make it package-private or public"),
        new Case("private @AddHost", SHARED, """
            @AddHost private void addHost(HostContext host) {}
            """, "void addHost(", "addHost",
            "[HostmodPrivate] @AddHost method addHost(HostContext) is private, but the generated"
                + " binding calls it; make it package-private or public"),
        new Case("private @Unload", PER_HOST, """
            @Unload private void unload() {}
            """, "void unload()", "unload",
            "[HostmodPrivate] @Unload method unload() is private, but the generated binding calls"
                + " it; make it package-private or public"),
        new Case("private @Unload(HostContext)", SHARED, """
            @AddHost void addHost(HostContext host) {}
            @Unload private void removeHost(HostContext host) {}
            """, "void removeHost(", "removeHost",
            "[HostmodPrivate] @Unload(HostContext) method removeHost(HostContext) is private, but"
                + " the generated binding calls it; make it package-private or public"),
        new Case("private @Save", PER_HOST, """
            @Save private String save() { return ""; }
            @Restore void restore(String state) {}
            """, "String save()", "save",
            "[HostmodPrivate] @Save method save() is private, but the generated binding calls it;"
                + " make it package-private or public"),
        new Case("private @Reconfigure", PER_HOST, """
            @Option("history_limit") int historyLimit = 50;
            @Reconfigure private void reconfigure() {}
            """, "void reconfigure()", "reconfigure",
            "[HostmodPrivate] @Reconfigure method reconfigure() is private, but the generated"
                + " binding calls it; make it package-private or public"),
        new Case("static @Reconfigure", PER_HOST, """
            @Option("history_limit") int historyLimit = 50;
            @Reconfigure static void reconfigure() {}
            """, "void reconfigure()", "reconfigure",
            "[HostmodStatic] @Reconfigure method reconfigure() is static, but the generated binding"
                + " calls it on the module instance; remove static"),
        new Case("@Reconfigure with a HostContext", PER_HOST, """
            @Option("history_limit") int historyLimit = 50;
            @Reconfigure void reconfigure(HostContext host) {}
            """, "void reconfigure(", "reconfigure",
            "[HostmodWrongParameters] @Reconfigure method reconfigure(HostContext) must take no"
                + " parameter, or one ModuleContext, but takes (HostContext); change its parameters"),
        new Case("@Reconfigure returning a value", PER_HOST, """
            @Option("history_limit") int historyLimit = 50;
            @Reconfigure boolean reconfigure() { return true; }
            """, "boolean reconfigure()", "reconfigure",
            "[HostmodNotVoid] @Reconfigure method reconfigure() returns boolean, which the runtime"
                + " ignores; return void"),
        new Case("@Reconfigure throwing Throwable", PER_HOST, """
            @Option("history_limit") int historyLimit = 50;
            @Reconfigure void reconfigure(ModuleContext context) throws Throwable {}
            """, "void reconfigure(", "reconfigure",
            "[HostmodThrowsThrowable] @Reconfigure method reconfigure(ModuleContext) throws"
                + " Throwable, which is not an Exception; throw Exception or a subclass"),
        new Case("@Reconfigure and @Load on one method", PER_HOST, """
            @Option("history_limit") int historyLimit = 50;
            @Load @Reconfigure void apply() {}
            """, "void apply()", "apply",
            "[HostmodTwoRoles] method apply() has both @Load and @Reconfigure; a method has one"
                + " lifecycle role: split it in two methods"),
        new Case("private @Restore", PER_HOST, """
            @Save String save() { return ""; }
            @Restore private void restore(String state) {}
            """, "void restore(", "restore",
            "[HostmodPrivate] @Restore method restore(String) is private, but the generated binding"
                + " calls it; make it package-private or public"),

        // static
        new Case("static @Load", PER_HOST, """
            @Load static void load() {}
            """, "void load()", "load",
            "[HostmodStatic] @Load method load() is static, but the generated binding calls it on"
                + " the module instance; remove static"),
        new Case("static @AddHost", SHARED, """
            @AddHost static void addHost(HostContext host) {}
            """, "void addHost(", "addHost",
            "[HostmodStatic] @AddHost method addHost(HostContext) is static, but the generated"
                + " binding calls it on the module instance; remove static"),
        new Case("static @Unload", PER_HOST, """
            @Unload static void unload() {}
            """, "void unload()", "unload",
            "[HostmodStatic] @Unload method unload() is static, but the generated binding calls it"
                + " on the module instance; remove static"),
        new Case("static @Save", PER_HOST, """
            @Save static String save() { return ""; }
            @Restore void restore(String state) {}
            """, "String save()", "save",
            "[HostmodStatic] @Save method save() is static, but the generated binding calls it on"
                + " the module instance; remove static"),
        new Case("static @Restore", PER_HOST, """
            @Save String save() { return ""; }
            @Restore static void restore(String state) {}
            """, "void restore(", "restore",
            "[HostmodStatic] @Restore method restore(String) is static, but the generated binding"
                + " calls it on the module instance; remove static"),

        // wrong parameters
        new Case("@Load with a String", PER_HOST, """
            @Load void load(String name) {}
            """, "void load(", "load",
            "[HostmodWrongParameters] @Load method load(String) must take no parameter, or a"
                + " ModuleContext and modules it depends on, but takes (String); change its"
                + " parameters"),
        new Case("@Load with a HostContext", PER_HOST, """
            @Load void load(HostContext host) {}
            """, "void load(", "load",
            "[HostmodWrongParameters] @Load method load(HostContext) must take no parameter, or a"
                + " ModuleContext and modules it depends on, but takes (HostContext); change its"
                + " parameters"),
        new Case("@AddHost without a HostContext", SHARED, """
            @AddHost void addHost() {}
            """, "void addHost(", "addHost",
            "[HostmodWrongParameters] @AddHost method addHost() must take one HostContext, but"
                + " takes (); change its parameters"),
        new Case("@AddHost with a ModuleContext", SHARED, """
            @AddHost void addHost(ModuleContext context) {}
            """, "void addHost(", "addHost",
            "[HostmodWrongParameters] @AddHost method addHost(ModuleContext) must take one"
                + " HostContext, but takes (ModuleContext); change its parameters"),
        new Case("@Unload with a ModuleContext", PER_HOST, """
            @Unload void unload(ModuleContext context) {}
            """, "void unload(", "unload",
            "[HostmodWrongParameters] @Unload method unload(ModuleContext) must take no parameter,"
                + " or one HostContext in a shared module, but takes (ModuleContext); change its"
                + " parameters"),
        new Case("@Unload with two parameters", SHARED, """
            @AddHost void addHost(HostContext host) {}
            @Unload void unload(HostContext host, boolean last) {}
            """, "void unload(", "unload",
            "[HostmodWrongParameters] @Unload method unload(HostContext, boolean) must take no"
                + " parameter, or one HostContext in a shared module, but takes (HostContext,"
                + " boolean); change its parameters"),
        new Case("@Save with a parameter", PER_HOST, """
            @Save String save(String previous) { return previous; }
            @Restore void restore(String state) {}
            """, "String save(", "save",
            "[HostmodWrongParameters] @Save method save(String) must take no parameter, but takes"
                + " (String); change its parameters"),
        new Case("@Restore with two parameters", PER_HOST, """
            @Save String save() { return ""; }
            @Restore void restore(String state, int version) {}
            """, "void restore(", "restore",
            "[HostmodWrongParameters] @Restore method restore(String, int) must take one parameter,"
                + " the state @Save returns, but takes (String, int); change its parameters"),
        new Case("@Restore without parameter", PER_HOST, """
            @Save String save() { return ""; }
            @Restore void restore() {}
            """, "void restore(", "restore",
            "[HostmodWrongParameters] @Restore method restore() must take one parameter, the state"
                + " @Save returns, but takes (); change its parameters"),

        // what they return, throw and declare
        new Case("@Load returning a value", PER_HOST, """
            @Load boolean load() { return true; }
            """, "boolean load()", "load",
            "[HostmodNotVoid] @Load method load() returns boolean, which the runtime ignores;"
                + " return void"),
        new Case("@Save returning void", PER_HOST, """
            @Save void save() {}
            @Restore void restore(String state) {}
            """, "void save()", "save",
            "[HostmodSaveReturnsVoid] @Save method save() returns void; return the state to carry"
                + " across a reload"),
        new Case("@Unload throwing Throwable", PER_HOST, """
            @Unload void unload() throws Throwable {}
            """, "void unload()", "unload",
            "[HostmodThrowsThrowable] @Unload method unload() throws Throwable, which is"
                + " not an Exception; throw Exception or a subclass"),
        new Case("generic @Load", PER_HOST, """
            @Load <T> void load() {}
            """, "void load()", "load",
            "[HostmodGenericMethod] @Load method load() has type parameters, which the runtime"
                + " cannot choose; remove them"),
        new Case("two roles on one method", PER_HOST, """
            @Load @Unload void cycle() {}
            """, "void cycle()", "cycle",
            "[HostmodTwoRoles] method cycle() has both @Load and @Unload; a method has one"
                + " lifecycle role: split it in two methods"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void badlyDeclared(Case bad) {
    Source source = module("MucModule", bad.annotation(), bad.members());

    assertOnlyError(compile(source), source.at(bad.snippet(), bad.method()), bad.message());
  }

  static Stream<Case> twice() {
    return Stream.of(
        new Case("@Load twice", PER_HOST, """
            @Load void load() {}
            @Load void start(ModuleContext context) {}
            """, "void start(", "start",
            "[HostmodDuplicateRole] @Load is on both load() and start(ModuleContext); a module has"
                + " one @Load method: remove one of them"),
        new Case("@AddHost twice", SHARED, """
            @AddHost void addHost(HostContext host) {}
            @AddHost void attach(HostContext host) {}
            """, "void attach(", "attach",
            "[HostmodDuplicateRole] @AddHost is on both addHost(HostContext) and"
                + " attach(HostContext); a module has one @AddHost method: remove one of them"),
        new Case("@Unload twice", PER_HOST, """
            @Unload void unload() {}
            @Unload void stop() {}
            """, "void stop(", "stop",
            "[HostmodDuplicateRole] @Unload is on both unload() and stop(); a module has one"
                + " @Unload method: remove one of them"),
        new Case("@Unload(HostContext) twice", SHARED, """
            @AddHost void addHost(HostContext host) {}
            @Unload void unload() {}
            @Unload void removeHost(HostContext host) {}
            @Unload void detach(HostContext host) {}
            """, "void detach(", "detach",
            "[HostmodDuplicateRole] @Unload(HostContext) is on both removeHost(HostContext) and"
                + " detach(HostContext); a module has one @Unload(HostContext) method: remove one"
                + " of them"),
        new Case("@Save twice", PER_HOST, """
            @Save String save() { return ""; }
            @Save String snapshot() { return ""; }
            @Restore void restore(String state) {}
            """, "String snapshot(", "snapshot",
            "[HostmodDuplicateRole] @Save is on both save() and snapshot(); a module has one @Save"
                + " method: remove one of them"),
        new Case("@Restore twice", PER_HOST, """
            @Save String save() { return ""; }
            @Restore void restore(String state) {}
            @Restore void resume(String state) {}
            """, "void resume(", "resume",
            "[HostmodDuplicateRole] @Restore is on both restore(String) and resume(String); a"
                + " module has one @Restore method: remove one of them"),
        new Case("@Reconfigure twice", PER_HOST, """
            @Option("history_limit") int historyLimit = 50;
            @Reconfigure void reconfigure() {}
            @Reconfigure void apply(ModuleContext context) {}
            """, "void apply(", "apply",
            "[HostmodDuplicateRole] @Reconfigure is on both reconfigure() and"
                + " apply(ModuleContext); a module has one @Reconfigure method: remove one of them"));
  }

  /** The second method of a role is the one reported, naming the first. */
  @ParameterizedTest(name = "{0}")
  @MethodSource
  void twice(Case twice) {
    Source source = module("MucModule", twice.annotation(), twice.members());

    assertOnlyError(compile(source), source.at(twice.snippet(), twice.method()), twice.message());
  }

  @Test
  void reconfigureWithoutOptions() {
    Source source = module("MucModule", "@Module", """
        @Reconfigure
        void reconfigure() {}
        """);

    assertOnlyWarning(
        compile(source),
        source.at("void reconfigure(", "reconfigure"),
        "[HostmodReconfigureWithoutOptions] @Reconfigure method reconfigure() is in MucModule,"
            + " which has no @Option field, so no configuration change ever calls it; add the"
            + " @Option fields it applies, or remove @Reconfigure");
  }

  @Test
  void reconfigureTakingNothingOrAModuleContextCompilesWithoutWarnings() {
    Source plain = module("MucModule", "@Module", """
        @Option("history_limit") int historyLimit = 50;
        @Reconfigure void reconfigure() {}
        """);
    Source shared = module("ChatModule", SHARED, """
        @Option("chat_rooms") List<String> rooms = List.of();
        @AddHost void addHost(HostContext host) {}
        @Reconfigure void reconfigure(ModuleContext context) {}
        """);

    assertSucceededWithoutWarnings(compile(plain, shared));
  }

  @Test
  void addHostInAPerHostModule() {
    Source source = module("MucModule", "@Module", """
        @AddHost
        void addHost(HostContext host) {}
        """);

    assertOnlyError(
        compile(source),
        source.at("void addHost(", "addHost"),
        "[HostmodAddHostNotGlobal] @AddHost method addHost(HostContext) is in a module that is not"
            + " global; add global = true to @Module on MucModule, or remove @AddHost");
  }

  @Test
  void unloadHostInAPerHostModule() {
    Source source = module("MucModule", "@Module", """
        @Unload
        void removeHost(HostContext host) {}
        """);

    assertOnlyError(
        compile(source),
        source.at("void removeHost(", "removeHost"),
        "[HostmodUnloadHostNotShared] @Unload(HostContext) method removeHost(HostContext) is in"
            + " MucModule, which is not a shared module; add an @AddHost method to a global module,"
            + " or take no parameter");
  }

  @Test
  void unloadHostInAPlainGlobalModule() {
    Source source = module("ContactModule", "@Module(global = true)", """
        @Unload
        void removeHost(HostContext host) {}
        """);

    assertOnlyError(
        compile(source),
        source.at("void removeHost(", "removeHost"),
        "[HostmodUnloadHostNotShared] @Unload(HostContext) method removeHost(HostContext) is in"
            + " ContactModule, which is not a shared module; add an @AddHost method to a global"
            + " module, or take no parameter");
  }

  @Test
  void inheritedPackagePrivateMethodFromAnotherPackage() {
    Source base = Source.of("test.base.BaseModule", """
        package test.base;

        import io.hostmod.Load;

        public abstract class BaseModule {
          @Load
          protected void load() {}
        }
        """);
    Source module = Source.of("test.MucModule", """
        package test;

        @io.hostmod.Module
        public class MucModule extends test.base.BaseModule {}
        """);

    assertOnlyError(
        compile(base, module),
        base.at("protected void load()", "load"),
        "[HostmodInheritedUncallable] @Load method load() is inherited from test.base.BaseModule"
            + " in another package and is not public, so the generated binding cannot call it; make"
            + " it public");
  }

  /** Only an abstract module class can have an abstract lifecycle method; both are reported. */
  @Test
  void abstractLifecycleMethod() {
    Source source = Source.of("test.MucModule", """
        package test;

        import io.hostmod.Load;
        import io.hostmod.Module;

        @Module
        public abstract class MucModule {
          @Load
          abstract void load();
        }
        """);

    Compilation compilation = compile(source);

    assertErrorCount(compilation, 2);
    assertErrorAt(compilation, source.at("class MucModule"), "[HostmodAbstract]");
    assertErrorAt(
        compilation,
        source.at("abstract void load()", "load"),
        "[HostmodAbstractMethod] @Load method load() is abstract; give it a body");
  }

  /**
   * Annotations on methods are not inherited: an override without the annotation takes the role
   * away, which the module compiles without, so it is a warning.
   */
  @Test
  void overrideWithoutTheLifecycleAnnotation() {
    Source base = Source.of("test.BaseModule", """
        package test;

        import io.hostmod.Load;
        import io.hostmod.runtime.ModuleContext;

        public abstract class BaseModule {
          @Load
          protected void load(ModuleContext context) {}
        }
        """);
    Source muc = Source.of("test.MucModule", """
        package test;

        import io.hostmod.runtime.ModuleContext;

        @io.hostmod.Module
        public class MucModule extends BaseModule {
          @Override
          protected void load(ModuleContext context) {}
        }
        """);

    Compilation compilation = compile(base, muc);

    assertOnlyWarning(
        compilation,
        muc.at("protected void load(", "load"),
        "[HostmodLifecycleNotRepeated] method load(ModuleContext) overrides @Load method"
            + " load(ModuleContext) of BaseModule without being annotated @Load itself, so the"
            + " module has no @Load method (annotations are not inherited); add @Load to"
            + " load(ModuleContext)");
    assertThat(moduleTableOf(compilation, "test.MucModule")).doesNotContain("load(");
  }

  @Test
  void lifecycleMethodInAnInterface() {
    Source source = Source.of("test.Startable", """
        package test;

        import io.hostmod.Load;

        public interface Startable {
          @Load
          default void start() {}
        }
        """);

    assertOnlyError(
        compile(source),
        source.at("@Load"),
        "[HostmodLifecycleOutsideModule] @Load method start() is in Startable, which has no"
            + " @Module and is not an abstract base class of modules; add @Module to Startable,"
            + " make it abstract, or remove @Load");
  }
}
