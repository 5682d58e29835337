package io.hostmod.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import io.hostmod.processor.model.GeneratedNames;
import io.hostmod.processor.model.HostmodNames;
import io.hostmod.processor.model.ModuleElements;
import io.hostmod.processor.model.ModuleModel;
import io.hostmod.processor.validation.Message;
import io.hostmod.processor.writing.CatalogWriter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ModuleElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * The catalogs of one compilation: which module tables each lists, what it is called, and how the
 * runtime finds it: a {@code META-INF/services} entry on the class path, and in a named JPMS
 * module the {@code provides} line of module-info.java, which is checked.
 *
 * <p>A catalog is named, in this order: by {@code -Ahostmod.catalog} (the first catalog only);
 * in a named module {@code HostmodCatalog}, so that the {@code provides} line stays the same as
 * modules come and go; otherwise {@code HostmodCatalog_<hash>}, the hash taken over the module
 * classes it lists, so that two compilations (main and test sources, two jars) never write the
 * same class. It goes in the package of its modules that sorts first. Recompiled against an
 * earlier output, the first catalog keeps the name the index gives it ({@link PreviousOutput}),
 * unless the option or the named module names it.
 */
final class Catalogs {

  static final String OPTION = "hostmod.catalog";
  static final String SERVICE_FILE = "META-INF/services/" + HostmodNames.MODULE_CATALOG;

  private final ModuleElements modules;
  private final Elements elements;
  private final Output output;
  private final Reporter reporter;
  private final SourceTrees trees;
  private final PreviousOutput previous;
  /** The option's class name, or {@code null} when it is not given or not a class name. */
  private final String option;

  /** Module tables whose catalog is still to be written, with their module classes. */
  private final List<PreviousOutput.Table> pending = new ArrayList<>();
  /** Module tables listed by a written catalog, for the index. */
  private final List<PreviousOutput.Table> listed = new ArrayList<>();
  /** Written catalogs, for the service file. */
  private final Set<String> written = new TreeSet<>();
  private String firstCatalog;

  Catalogs(
      ModuleElements modules,
      Output output,
      Reporter reporter,
      SourceTrees trees,
      PreviousOutput previous,
      String option) {
    this.modules = modules;
    this.elements = modules.elements();
    this.output = output;
    this.reporter = reporter;
    this.trees = trees;
    this.previous = previous;
    boolean valid = option == null || SourceVersion.isName(option);
    if (!valid) {
      reporter.report(null, Message.CATALOG_OPTION_INVALID, option);
    }
    this.option = valid ? option : null;
  }

  void add(ClassName table, List<ModuleModel> modules) {
    add(new PreviousOutput.Table(
        table, modules.stream().map(module -> module.type().canonicalName()).toList()));
  }

  /** Adds a table, one written now or an earlier compilation's that is still current. */
  void add(PreviousOutput.Table table) {
    pending.add(table);
  }

  boolean hasPending() {
    return !pending.isEmpty();
  }

  /** Writes the catalog of the tables added since the last one, which are then its own. */
  void writePending() throws IOException {
    List<PreviousOutput.Table> own =
        pending.stream().sorted(Comparator.comparing(table -> table.name().canonicalName())).toList();
    pending.clear();
    List<ClassName> tables = own.stream().map(PreviousOutput.Table::name).toList();
    List<TypeElement> classes = new ArrayList<>();
    for (PreviousOutput.Table table : own) {
      for (String module : table.modules()) {
        classes.add(elements.getTypeElement(module));
      }
    }
    ModuleElement jpmsModule = modules.namedModule(classes.get(0));
    ClassName preferred = name(classes, jpmsModule != null);
    boolean markGenerated = modules.isVisible(classes.get(0), HostmodNames.GENERATED);
    // A name of its own (the option's, HostmodCatalog) is kept; another may give way (see Output).
    boolean fixed = (option != null || jpmsModule != null) && written.isEmpty();
    ClassName name =
        output.write(
            preferred,
            catalog -> CatalogWriter.write(catalog, tables, markGenerated),
            !fixed,
            classes.toArray(new Element[0]));
    if (written.isEmpty()) {
      firstCatalog = name.canonicalName();
    }
    written.add(name.canonicalName());
    listed.addAll(own);
    if (jpmsModule != null
        && Boolean.FALSE.equals(
            trees.provides(jpmsModule, HostmodNames.MODULE_CATALOG, name.canonicalName()))) {
      reporter.report(
          jpmsModule, Message.PROVIDES_MISSING, jpmsModule.getQualifiedName(), name.canonicalName());
    }
  }

  /**
   * Writes the {@code META-INF/services} entry naming every catalog written (an empty one when none
   * was and an earlier compilation's index is there: its modules are all gone), and the index of
   * what they list.
   */
  void finish() throws IOException {
    if (!written.isEmpty() || previous.exists()) {
      output.writeResource(SERVICE_FILE, written.isEmpty() ? "" : String.join("\n", written) + "\n");
    }
    if (previous.lookedFor()) {
      output.writeResource(PreviousOutput.INDEX, PreviousOutput.text(firstCatalog, listed));
    }
  }

  private ClassName name(List<TypeElement> classes, boolean inNamedModule) {
    boolean first = written.isEmpty();
    if (option != null && first) {
      int dot = option.lastIndexOf('.');
      return ClassName.get(dot < 0 ? "" : option.substring(0, dot), option.substring(dot + 1));
    }
    TreeSet<String> packages = new TreeSet<>();
    TreeSet<String> names = new TreeSet<>();
    for (TypeElement module : classes) {
      packages.add(elements.getPackageOf(module).getQualifiedName().toString());
      names.add(module.getQualifiedName().toString());
    }
    if (first && !inNamedModule && previous.catalog() != null) {
      return PreviousOutput.className(previous.catalog());
    }
    String simpleName =
        inNamedModule && first
            ? "HostmodCatalog"
            : "HostmodCatalog_" + GeneratedNames.hash(names);
    return ClassName.get(packages.first(), simpleName);
  }
}
