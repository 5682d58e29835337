package io.hostmod.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.hostmod.processor.HostmodTesting.module;
import static io.hostmod.processor.HostmodTesting.moduleTableOf;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code @Save} and {@code @Restore} come in pairs, and the saved state must fit the restored. */
class SaveRestoreErrorsTest extends BothCompilers {

  @Test
  void saveWithoutRestore() {
    Source source = module("MucModule", "@Module", """
        @Save
        List<String> save() { return List.of(); }
        """);

    assertOnlyError(
        compile(source),
        source.at("List<String> save()", "save"),
        "[HostmodSaveWithoutRestore] @Save method save() has no @Restore method to receive its"
            + " state; add @Restore void restore(List<String> state)");
  }

  @Test
  void restoreWithoutSave() {
    Source source = module("MucModule", "@Module", """
        @Restore
        void restore(Map<String, Integer> rooms) {}
        """);

    assertOnlyError(
        compile(source),
        source.at("void restore(", "restore"),
        "[HostmodRestoreWithoutSave] @Restore method restore(Map<String, Integer>) has no @Save"
            + " method to give it state; add @Save Map<String, Integer> save()");
  }

  @Test
  void mismatchedTypesAreReportedOnTheRestoreParameter() {
    Source source = module("MucModule", "@Module", """
        @Save
        String save() { return ""; }

        @Restore
        void restore(Integer state) {}
        """);

    assertOnlyError(
        compile(source),
        source.at("Integer state", "state"),
        "[HostmodStateTypeMismatch] @Restore method restore(Integer) takes Integer, but @Save"
            + " method save() returns String; make the types match");
  }

  @Test
  @JavacOnly("whether a type is declared in this compilation is found through javac's tree API")
  void stateOfAClassOfThisCompilationThatIsNoRecordIsWarnedAbout() {
    Source source = module("MucModule", "@Module", """
        public static final class Rooms {}

        public record Occupant(String nick, List<Rooms> rooms) {}

        @Save
        Map<String, Occupant> save() { return Map.of(); }

        @Restore
        void restore(Map<String, Occupant> state) {}
        """);

    assertOnlyWarning(
        compile(source),
        source.at("Map<String, Occupant> save()", "save"),
        "[HostmodStateCannotCross] @Save method save() returns Map<String, MucModule.Occupant>, which holds"
            + " Rooms, a type of this compilation that is not a record; a module jar's new code cannot"
            + " read it (state-incompatible on reload); make Rooms a record (of JDK types, records,"
            + " lists, sets or maps of them), or save JDK types");
  }

  @Test
  void recordsOfThisCompilationCompileWithoutWarnings() {
    Source source = module("MucModule", "@Module", """
        public record Occupant(String nick, int joins, java.util.Set<String> rooms, Map<String, Occupant> peers) {}

        @Save
        List<Occupant> save() { return List.of(); }

        @Restore
        void restore(List<Occupant> state) {}
        """);

    assertSucceededWithoutWarnings(compile(source));
  }

  @Test
  void mismatchedTypeArguments() {
    Source source = module("MucModule", "@Module", """
        @Save
        List<String> save() { return List.of(); }

        @Restore
        void restore(List<Integer> state) {}
        """);

    assertOnlyError(
        compile(source),
        source.at("List<Integer> state", "state"),
        "[HostmodStateTypeMismatch] @Restore method restore(List<Integer>) takes List<Integer>,"
            + " but @Save method save() returns List<String>; make the types match");
  }

  /**
   * The state travels boxed, as an Object: an {@code int} saved arrives as an Integer, which the
   * binding cannot cast to Long, although javac would widen an int to a long.
   */
  @ParameterizedTest(name = "@Save {0} -> @Restore {1}")
  @CsvSource({"int, long", "Integer, long", "int, double", "float, Double", "long, Integer"})
  void primitiveStateMustMatchBoxed(String saved, String restored) {
    Source source = stateModule(saved, restored);

    assertOnlyError(
        compile(source),
        source.at(restored + " state)", "state"),
        "[HostmodStateTypeMismatch] @Restore method restore(" + restored + ") takes " + restored
            + ", but @Save method save() returns " + saved + "; make the types match");
  }

  @ParameterizedTest(name = "@Save {0} -> @Restore {1}")
  @CsvSource({
    "int, int",
    "int, Integer",
    "Integer, int",
    "int, Number",
    "long, Object",
    "'java.util.ArrayList<String>', 'List<? extends CharSequence>'",
    "'List<String>[]', 'List<String>[]'",
    "'List<?>', 'List<?>'",
  })
  void fittingStateCompilesWithoutWarnings(String saved, String restored) {
    assertSucceededWithoutWarnings(compile(stateModule(saved, restored)));
  }

  private static Source stateModule(String saved, String restored) {
    return module("MucModule", "@Module", """
        private %1$s state;

        @Save
        %1$s save() { return state; }

        @Restore
        void restore(%2$s state) {}
        """.formatted(saved, restored));
  }

  /**
   * State methods inherited from a generic base class are checked and called with the module's
   * type argument, not the type variable.
   */
  @Test
  void stateOfAGenericBaseClass() {
    Source base = Source.of("test.StatefulModule", """
        package test;

        import io.hostmod.Restore;
        import io.hostmod.Save;

        public abstract class StatefulModule<S> {
          protected S state;

          @Save
          public S save() { return state; }

          @Restore
          public void restore(S saved) { state = saved; }
        }
        """);
    Source muc = Source.of("test.MucModule", """
        package test;

        @io.hostmod.Module
        public class MucModule extends StatefulModule<String> {}
        """);

    Compilation compilation = compile(base, muc);

    assertSucceededWithoutWarnings(compilation);
    assertThat(moduleTableOf(compilation, "test.MucModule"))
        .contains("((MucModule) instance).restore((String) state);");
  }

  @Test
  void mismatchedStateOfAGenericBaseClass() {
    Source base = Source.of("test.StatefulModule", """
        package test;

        import io.hostmod.Save;

        public abstract class StatefulModule<S> {
          @Save
          public S save() { return null; }
        }
        """);
    Source muc = Source.of("test.MucModule", """
        package test;

        import io.hostmod.Restore;

        @io.hostmod.Module
        public class MucModule extends StatefulModule<String> {
          @Restore
          void restore(Integer count) {}
        }
        """);

    assertOnlyError(
        compile(base, muc),
        muc.at("Integer count", "count"),
        "[HostmodStateTypeMismatch] @Restore method restore(Integer) takes Integer, but @Save"
            + " method save() returns String; make the types match");
  }
}
