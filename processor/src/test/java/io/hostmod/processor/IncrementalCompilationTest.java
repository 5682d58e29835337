package io.hostmod.processor;

import static com.google.common.truth.Truth.assertThat;
import static io.hostmod.processor.HostmodTesting.SERVICE_FILE;
import static io.hostmod.processor.HostmodTesting.discoverModules;

import io.hostmod.processor.OutputDirectory.Tool;
import io.hostmod.runtime.ModuleManager;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Recompiling some sources against the earlier class output, as IDEs and incremental builds do
 * (the output is the output directory and on the class path), with javac and ECJ: the application
 * then sees exactly the modules of all current sources, the recompiled ones as they are now. Each
 * run loads the output in a class loader of its own and discovers its catalogs as an application
 * does, then loads every module on a host.
 */
class IncrementalCompilationTest {

  private static final String HOST = "chat.example";

  /**
   * A per-host module {@code <pkg>.<simpleName>} whose package-private {@code @Load} method
   * records {@code version} in its static field {@code loaded}.
   */
  private static String module(String qualifiedName, String version) {
    int dot = qualifiedName.lastIndexOf('.');
    return """
        package %s;

        import io.hostmod.Load;
        import io.hostmod.Module;
        import io.hostmod.runtime.ModuleContext;

        @Module
        public class %s {
          public static String loaded;

          @Load
          void load(ModuleContext context) {
            loaded = "%s";
          }
        }
        """.formatted(qualifiedName.substring(0, dot), qualifiedName.substring(dot + 1), version);
  }

  /** The shared module {@code p2.CModule}: a host proxy, and a host-proxy method. */
  private static final String SHARED_C = """
      package p2;

      import io.hostmod.AddHost;
      import io.hostmod.Module;
      import io.hostmod.runtime.HostContext;

      @Module(global = true)
      public class CModule {
        public static String loaded;

        @AddHost
        void addHost(HostContext host) {
          loaded = "c v1";
        }

        public String greet(HostContext host, String who) {
          return who + " on " + host.host();
        }
      }
      """;

  /** {@code p1.AModule}, {@code p1.BModule} and {@code p2.CModule}, all compiled. */
  private static OutputDirectory threeModules(Tool tool, Path directory) {
    OutputDirectory output = new OutputDirectory(tool, directory)
        .write("p1.AModule", module("p1.AModule", "a v1"))
        .write("p1.BModule", module("p1.BModule", "b v1"))
        .write("p2.CModule", SHARED_C);
    output.compile("p1.AModule", "p1.BModule", "p2.CModule");
    assertThat(run(output)).containsExactly("a", "a v1", "b", "b v1", "c", "c v1").inOrder();
    return output;
  }

  /**
   * Discovers the modules of the outputs, loads each on a host, and returns each module's name
   * and the version its {@code @Load} or {@code @AddHost} recorded, by module name; also calls the
   * shared module {@code c} through its host proxy, when there is one.
   */
  private static List<String> run(OutputDirectory... outputs) {
    try (URLClassLoader loader = OutputDirectory.loader(outputs)) {
      ModuleManager manager = discoverModules(loader);
      manager.activateHost(HOST);
      Map<String, String> versions = new TreeMap<>();
      for (String name : manager.moduleNames()) {
        manager.load(HOST, name);
        assertThat(manager.isLoaded(HOST, name)).isTrue();
        Object instance = manager.instance(HOST, moduleClass(loader, manager, name));
        versions.put(name, (String) instance.getClass().getField("loaded").get(null));
      }
      if (versions.containsKey("c")) {
        Class<?> proxy = loader.loadClass("p2.CModule_HostProxy");
        assertThat(HostmodTesting.call(HostmodTesting.hostProxy(manager, HOST, proxy), "greet", "ann"))
            .isEqualTo("ann on " + HOST);
      }
      manager.shutdown();
      List<String> flat = new ArrayList<>();
      versions.forEach((name, version) -> {
        flat.add(name);
        flat.add(version);
      });
      return flat;
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** The class of the module of that name: in the outputs, named by the fixtures' convention. */
  private static Class<?> moduleClass(ClassLoader loader, ModuleManager manager, String name)
      throws ClassNotFoundException {
    for (String packageName : List.of("p1", "p2", "p3")) {
      String simpleName = Character.toUpperCase(name.charAt(0)) + name.substring(1) + "Module";
      try {
        return loader.loadClass(packageName + "." + simpleName);
      } catch (ClassNotFoundException notThere) {
        // the next package
      }
    }
    throw new ClassNotFoundException("the class of module " + name);
  }

  @ParameterizedTest
  @EnumSource(Tool.class)
  void touchingTheOnlyModuleOfAPackageKeepsTheOthers(Tool tool, @TempDir Path directory) {
    OutputDirectory output = threeModules(tool, directory);
    String catalogs = output.read(SERVICE_FILE);

    output.write("p2.CModule", SHARED_C.replace("c v1", "c v2")).compile("p2.CModule");

    assertThat(run(output)).containsExactly("a", "a v1", "b", "b v1", "c", "c v2").inOrder();
    if (tool == Tool.JAVAC) {
      assertThat(output.read(SERVICE_FILE)).isEqualTo(catalogs); // the same catalog, rewritten
    }
  }

  @ParameterizedTest
  @EnumSource(Tool.class)
  void touchingOneModuleOfAPackageOfTwoKeepsItsNeighbour(Tool tool, @TempDir Path directory) {
    OutputDirectory output = threeModules(tool, directory);

    output.write("p1.AModule", module("p1.AModule", "a v2")).compile("p1.AModule");
    assertThat(run(output)).containsExactly("a", "a v2", "b", "b v1", "c", "c v1").inOrder();

    // And again: what the first recompilation wrote is as good an earlier output.
    output.write("p1.BModule", module("p1.BModule", "b v2")).compile("p1.BModule");
    assertThat(run(output)).containsExactly("a", "a v2", "b", "b v2", "c", "c v1").inOrder();
  }

  @ParameterizedTest
  @EnumSource(Tool.class)
  void aNewModuleInANewPackageJoinsTheOthers(Tool tool, @TempDir Path directory) {
    OutputDirectory output = threeModules(tool, directory);

    output.write("p3.DModule", module("p3.DModule", "d v1")).compile("p3.DModule");

    assertThat(run(output))
        .containsExactly("a", "a v1", "b", "b v1", "c", "c v1", "d", "d v1")
        .inOrder();
  }

  @ParameterizedTest
  @EnumSource(Tool.class)
  void aDeletedModuleIsGone(Tool tool, @TempDir Path directory) {
    OutputDirectory output = threeModules(tool, directory);

    // B's package is not recompiled: its table is rewritten from A's class file.
    output.delete("p1.BModule");
    output.write("p2.CModule", SHARED_C).compile("p2.CModule");
    assertThat(run(output)).containsExactly("a", "a v1", "c", "c v1").inOrder();

    // C was the only module of its package.
    output.delete("p2.CModule");
    output.write("p1.AModule", module("p1.AModule", "a v2")).compile("p1.AModule");
    assertThat(run(output)).containsExactly("a", "a v2").inOrder();
  }

  @ParameterizedTest
  @EnumSource(Tool.class)
  void aRenamedModuleLeavesNoGhost(Tool tool, @TempDir Path directory) {
    OutputDirectory output = threeModules(tool, directory);

    output.delete("p1.AModule");
    output.write("p1.AlphaModule", module("p1.AlphaModule", "alpha v1")).compile("p1.AlphaModule");

    assertThat(run(output))
        .containsExactly("alpha", "alpha v1", "b", "b v1", "c", "c v1")
        .inOrder();
  }

  /**
   * Main and test sources are two compilations into two outputs, the main one on the test one's
   * class path: each catalog lists its own modules only, also when recompiled, and their classes
   * never clash, so the two together, as a test run's class path holds them, have each module once.
   */
  @ParameterizedTest
  @EnumSource(Tool.class)
  void mainAndTestCompilationsStayApart(Tool tool, @TempDir Path directory) {
    OutputDirectory main = threeModules(tool, directory.resolve("main"));
    OutputDirectory test = new OutputDirectory(tool, directory.resolve("test"), main.classes())
        .write("p1.TModule", module("p1.TModule", "t v1"));
    test.compile("p1.TModule");
    assertThat(run(test)).containsExactly("t", "t v1");

    test.write("p1.TModule", module("p1.TModule", "t v2")).compile("p1.TModule");
    main.write("p1.AModule", module("p1.AModule", "a v2")).compile("p1.AModule");

    assertThat(run(main)).containsExactly("a", "a v2", "b", "b v1", "c", "c v1").inOrder();
    assertThat(run(test)).containsExactly("t", "t v2");
    assertThat(run(main, test))
        .containsExactly("a", "a v2", "b", "b v1", "c", "c v1", "t", "t v2")
        .inOrder();
    assertThat(test.read(PreviousOutput.INDEX)).doesNotContain("p1.AModule");
    assertThat(main.read(SERVICE_FILE)).isNotEqualTo(test.read(SERVICE_FILE));
  }

  /**
   * A named JPMS module (javac): its catalog stays {@code HostmodCatalog}, the name module-info
   * provides, and lists the modules of all its sources after one is recompiled.
   */
  @org.junit.jupiter.api.Test
  void namedModuleRecompiledKeepsItsCatalog(@TempDir Path directory) throws Exception {
    Path modulePath = Jpms.modulePath(directory);
    OutputDirectory output = new OutputDirectory(Tool.JAVAC, directory.resolve("app"))
        .write("module-info", """
            module app {
              requires static io.hostmod;
              requires io.hostmod.runtime;
              provides io.hostmod.runtime.spi.ModuleCatalog with p1.HostmodCatalog;
            }
            """)
        .write("p1.AModule", module("p1.AModule", "a v1"))
        .write("p1.BModule", module("p1.BModule", "b v1"))
        .write("p2.CModule", SHARED_C);
    List<String> options = List.of("--module-path", modulePath.toString());
    output.compile(options, "module-info", "p1.AModule", "p1.BModule", "p2.CModule");
    assertThat(moduleNames(output, modulePath)).containsExactly("a", "b", "c").inOrder();

    output.write("p1.AModule", module("p1.AModule", "a v2"));
    output.compile(options, "module-info", "p1.AModule");

    assertThat(moduleNames(output, modulePath)).containsExactly("a", "b", "c").inOrder();
    assertThat(output.read(SERVICE_FILE)).isEqualTo("p1.HostmodCatalog\n");
  }

  /** The module names the catalogs provided by the JPMS module {@code app} list, in a layer. */
  private static List<String> moduleNames(OutputDirectory output, Path modulePath)
      throws Exception {
    java.lang.module.Configuration configuration =
        ModuleLayer.boot()
            .configuration()
            .resolveAndBind(
                java.lang.module.ModuleFinder.of(output.classes(), modulePath),
                java.lang.module.ModuleFinder.of(),
                java.util.Set.of("app"));
    ModuleLayer layer =
        ModuleLayer.boot().defineModulesWithOneLoader(configuration, ClassLoader.getSystemClassLoader());
    ClassLoader runtime = layer.findLoader(Jpms.RUNTIME);
    Class<?> catalogType = runtime.loadClass("io.hostmod.runtime.spi.ModuleCatalog");
    Class<?> bindingType = runtime.loadClass("io.hostmod.runtime.spi.ModuleBinding");
    List<String> names = new ArrayList<>();
    for (Object catalog : java.util.ServiceLoader.load(layer, catalogType)) {
      for (Object binding : (List<?>) catalogType.getMethod("bindings").invoke(catalog)) {
        names.add((String) bindingType.getMethod("name").invoke(binding));
      }
    }
    return names;
  }
}
