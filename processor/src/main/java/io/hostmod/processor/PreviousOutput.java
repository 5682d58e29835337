package io.hostmod.processor;

import com.palantir.javapoet.ClassName;
import io.hostmod.processor.model.ModuleElements;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * What earlier compilations left in this compilation's class output, so that recompiling some
 * sources against it (as IDEs and incremental builds do) keeps the modules of the others.
 *
 * <p>Each compilation that writes a catalog also writes {@value #INDEX} in {@code CLASS_OUTPUT}:
 * the first catalog's name, then each module table it lists with its module classes. It is read
 * back through the {@link Filer} from {@code CLASS_OUTPUT} only, never from the class path, so a
 * test compilation never takes in the main compilation's modules. An indexed module class is
 * carried over when this compilation does not compile it, it still resolves to a {@code @Module}
 * class, and its class file is in the class output; the others are dropped (deleted, renamed or no
 * longer modules). A package with a module compiled now gets a new table with its carried modules
 * too; an indexed table none of whose modules is compiled now or dropped is listed again as it
 * is; another one is rewritten from the class files of its remaining modules.
 */
final class PreviousOutput {

  static final String INDEX = "META-INF/hostmod/modules.idx";
  private static final String HEADER =
      "# hostmod: the catalog and module tables of this class output, read by the next compilation";

  /** A module table of the index and its module classes (qualified names). */
  record Table(ClassName name, List<String> modules) {
    String packageName() {
      return name.packageName();
    }
  }

  /** What is left of the index once this compilation's tables are written. */
  record Remaining(List<Table> unchanged, Map<String, List<TypeElement>> rewritten) {}

  private final Filer filer;
  private final Elements elements;
  /** Whether the index was looked for: at the first round with hostmod's annotations. */
  private boolean lookedFor;
  /** Whether there was an index. */
  private boolean indexed;
  /** The first catalog's name in the index, or {@code null}. */
  private String catalog;
  private List<Table> tables = List.of();
  /** Module classes this compilation compiles (any state), or has listed from class files. */
  private final Set<String> compiled = new HashSet<>();
  private final Set<String> carried = new HashSet<>();
  /** Packages whose indexed modules were taken into a table of this compilation. */
  private final Set<String> takenPackages = new HashSet<>();

  PreviousOutput(Filer filer, Elements elements) {
    this.filer = filer;
    this.elements = elements;
  }

  /**
   * Reads the index of the class output, once, if there is one. Not before a round with hostmod's
   * annotations: asking an in-memory file manager (compile-testing's) for a resource creates it,
   * empty, and only such a compilation writes the index over it.
   */
  private void read() {
    if (lookedFor) {
      return;
    }
    lookedFor = true;
    String text;
    try {
      FileObject file = filer.getResource(StandardLocation.CLASS_OUTPUT, "", INDEX);
      try (InputStream in = file.openInputStream()) {
        text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    } catch (IOException | RuntimeException none) {
      // No index (a clean build, Gradle, which deletes it), or a file manager without one.
      return;
    }
    List<Table> tables = new ArrayList<>();
    for (String line : text.split("\n")) {
      String[] words = line.trim().split(" +");
      if (words.length >= 2 && words[0].equals("catalog")) {
        catalog = words[1];
      } else if (words.length >= 3 && words[0].equals("table")) {
        tables.add(new Table(className(words[1]), List.of(words).subList(2, words.length)));
      }
    }
    this.tables = List.copyOf(tables);
    indexed = true;
  }

  /** Whether the index was looked for, so that this compilation writes it. */
  boolean lookedFor() {
    return lookedFor;
  }

  /** Whether an earlier compilation indexed this class output. */
  boolean exists() {
    read();
    return indexed;
  }

  /** The first catalog's name in the index, or {@code null}: it keeps it. */
  String catalog() {
    read();
    return catalog;
  }

  /**
   * Marks the {@code @Module} classes among a round's annotated elements as compiled now, valid or
   * not: their class files, if any, are out of date.
   */
  void compiled(Collection<? extends Element> annotated) {
    read();
    for (Element element : annotated) {
      if (element instanceof TypeElement type && ModuleElements.moduleAnnotation(type) != null) {
        compiled.add(type.getQualifiedName().toString());
      }
    }
  }

  /**
   * The indexed module classes of the package to list with its modules compiled now, each once,
   * sorted: those that are carried over.
   */
  List<TypeElement> carriedInto(String packageName) {
    read();
    List<TypeElement> found = new ArrayList<>();
    if (!takenPackages.add(packageName)) {
      return found;
    }
    for (Table table : tables) {
      if (table.packageName().equals(packageName)) {
        for (String module : table.modules()) {
          TypeElement element = carriedOver(module);
          if (element != null && carried.add(module)) {
            found.add(element);
          }
        }
      }
    }
    found.sort((a, b) -> a.getQualifiedName().toString().compareTo(b.getQualifiedName().toString()));
    return found;
  }

  /**
   * The indexed tables of packages no table of this compilation took: listed again when all their
   * modules are carried over and the table's class file is still there, else rewritten, by
   * package, from their modules that are.
   */
  Remaining remaining() {
    read();
    List<Table> unchanged = new ArrayList<>();
    Map<String, List<TypeElement>> rewritten = new TreeMap<>();
    Map<String, List<Table>> byPackage = new LinkedHashMap<>();
    for (Table table : tables) {
      if (!takenPackages.contains(table.packageName())) {
        byPackage.computeIfAbsent(table.packageName(), name -> new ArrayList<>()).add(table);
      }
    }
    byPackage.forEach((packageName, packageTables) -> {
      takenPackages.add(packageName);
      for (Table table : packageTables) {
        List<TypeElement> modules = new ArrayList<>();
        for (String module : table.modules()) {
          TypeElement element = carriedOver(module);
          if (element != null && !carried.contains(module)) {
            modules.add(element);
          }
        }
        if (modules.size() == table.modules().size()
            && inClassOutput(table.name().canonicalName())) {
          unchanged.add(table);
        } else {
          rewritten.computeIfAbsent(packageName, name -> new ArrayList<>()).addAll(modules);
        }
        for (TypeElement module : modules) {
          carried.add(module.getQualifiedName().toString());
        }
      }
    });
    rewritten.values().removeIf(List::isEmpty);
    rewritten.values().forEach(modules ->
        modules.sort((a, b) -> a.getQualifiedName().toString().compareTo(b.getQualifiedName().toString())));
    return new Remaining(List.copyOf(unchanged), rewritten);
  }

  /** The indexed module class, if it is carried over; else {@code null}. */
  private TypeElement carriedOver(String module) {
    if (compiled.contains(module)) {
      return null;
    }
    TypeElement element = elements.getTypeElement(module);
    return element != null
            && ModuleElements.moduleAnnotation(element) != null
            && inClassOutput(module)
        ? element
        : null;
  }

  /**
   * Whether the class file of the class (qualified, top-level or nested) is in the class output,
   * not only somewhere on the class path: a module class moved to another compilation (from the
   * test sources to the main ones) belongs to that one's catalog.
   */
  boolean inClassOutput(String qualifiedName) {
    TypeElement type = elements.getTypeElement(qualifiedName);
    if (type == null) {
      return false;
    }
    String packageName = elements.getPackageOf(type).getQualifiedName().toString();
    String binaryName = elements.getBinaryName(type).toString();
    String simpleBinaryName =
        packageName.isEmpty() ? binaryName : binaryName.substring(packageName.length() + 1);
    try {
      FileObject file =
          filer.getResource(StandardLocation.CLASS_OUTPUT, packageName, simpleBinaryName + ".class");
      try (InputStream in = file.openInputStream()) {
        return in.read() >= 0;
      }
    } catch (IOException | RuntimeException missing) {
      return false;
    }
  }

  /** The index of what the catalogs of this compilation list, sorted. */
  static String text(String catalog, List<Table> tables) {
    StringBuilder text = new StringBuilder(HEADER).append('\n');
    if (catalog != null) {
      text.append("catalog ").append(catalog).append('\n');
    }
    Map<String, Table> sorted = new TreeMap<>();
    for (Table table : tables) {
      sorted.put(table.name().canonicalName(), table);
    }
    for (Table table : sorted.values()) {
      text.append("table ").append(table.name().canonicalName());
      for (String module : new TreeSet<>(table.modules())) {
        text.append(' ').append(module);
      }
      text.append('\n');
    }
    return text.toString();
  }

  static ClassName className(String qualifiedName) {
    int dot = qualifiedName.lastIndexOf('.');
    return ClassName.get(
        dot < 0 ? "" : qualifiedName.substring(0, dot), qualifiedName.substring(dot + 1));
  }
}
