package io.hostmod.processor;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.DirectiveTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.ModuleTree;
import com.sun.source.tree.ProvidesTree;
import com.sun.source.tree.RequiresTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.source.util.Trees;
import io.hostmod.processor.model.HostmodNames;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ModuleElement;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/**
 * What only the source trees tell, through javac's tree API: values as written, {@code provides}
 * in module-info.java (javac models them as elements only after processing), and {@code @Module}
 * on local classes (javac does not offer those to processors at all).
 *
 * <p>Where the processing environment is not javac's own, Gradle's incremental processing wraps
 * it, there is no tree API: every answer is "unknown", and callers fall back to what the element
 * API tells.
 */
final class SourceTrees {

  /** A {@code requires} directive of module-info.java. */
  record Requires(String module, boolean isStatic) {}

  /** A {@code @Module} local class, found in the source of a method body. */
  record LocalModule(String name, ClassTree tree, CompilationUnitTree unit) {}

  private final Trees trees;

  private SourceTrees(Trees trees) {
    this.trees = trees;
  }

  static SourceTrees of(ProcessingEnvironment environment) {
    try {
      return new SourceTrees(Trees.instance(environment));
    } catch (IllegalArgumentException | LinkageError notJavac) {
      return new SourceTrees(null);
    }
  }

  /** Whether the type is declared in a source file of this compilation; {@code false} if unknown. */
  boolean inCompilation(TypeElement type) {
    return trees != null && trees.getPath(type) != null;
  }

  /** The annotation value as written in source, or {@code null} if unknown. */
  String written(Element element, AnnotationMirror annotation, AnnotationValue value) {
    if (trees == null) {
      return null;
    }
    Tree tree = trees.getTree(element, annotation, value);
    return tree == null ? null : tree.toString();
  }

  /** The {@code requires} of the module's module-info.java; {@code null} if unknown. */
  List<Requires> requires(ModuleElement module) {
    TreePath path = declaration(module);
    if (path == null) {
      return null;
    }
    List<Requires> requires = new ArrayList<>();
    for (DirectiveTree directive : ((ModuleTree) path.getLeaf()).getDirectives()) {
      if (directive instanceof RequiresTree required) {
        requires.add(new Requires(required.getModuleName().toString(), required.isStatic()));
      }
    }
    return requires;
  }

  /**
   * Whether the module's module-info.java provides the service with the implementation, written
   * by qualified name or by a name it imports; {@code null} if unknown.
   */
  Boolean provides(ModuleElement module, String service, String implementation) {
    TreePath path = declaration(module);
    if (path == null) {
      return null;
    }
    ModuleTree declaration = (ModuleTree) path.getLeaf();
    List<String> imports = imports(path.getCompilationUnit());
    for (DirectiveTree directive : declaration.getDirectives()) {
      if (directive instanceof ProvidesTree provides
          && names(provides.getServiceName(), service, imports)) {
        for (ExpressionTree name : provides.getImplementationNames()) {
          if (names(name, implementation, imports)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /**
   * The module declaration in module-info.java, read as source: its directives as elements would
   * make javac resolve {@code provides} before the catalog is generated.
   */
  private TreePath declaration(ModuleElement module) {
    TreePath path = trees == null ? null : trees.getPath(module);
    return path != null && path.getLeaf() instanceof ModuleTree ? path : null;
  }

  /** The classes and packages the file imports (not static members), as written. */
  private static List<String> imports(CompilationUnitTree unit) {
    List<String> imports = new ArrayList<>();
    for (ImportTree importTree : unit.getImports()) {
      if (!importTree.isStatic()) {
        imports.add(importTree.getQualifiedIdentifier().toString());
      }
    }
    return imports;
  }

  /** Whether the name as written means the class of that qualified name, given the imports. */
  private static boolean names(Tree written, String qualifiedName, List<String> imports) {
    String text = written.toString();
    String packageName = qualifiedName.substring(0, Math.max(0, qualifiedName.lastIndexOf('.')));
    return text.equals(qualifiedName)
        || (qualifiedName.endsWith("." + text)
            && (imports.contains(qualifiedName) || imports.contains(packageName + ".*")));
  }

  /** The {@code @Module} local classes in the source files of these elements, each file once. */
  List<LocalModule> localModules(Collection<? extends Element> roots) {
    List<LocalModule> found = new ArrayList<>();
    if (trees == null) {
      return found;
    }
    Set<CompilationUnitTree> scanned = new HashSet<>();
    for (Element root : roots) {
      TreePath path = trees.getPath(root);
      if (path == null || !scanned.add(path.getCompilationUnit())) {
        continue;
      }
      CompilationUnitTree unit = path.getCompilationUnit();
      // It walks every method body of the compilation: a plain scanner, no path per node.
      new TreeScanner<Void, Boolean>() {
        @Override
        public Void visitBlock(BlockTree tree, Boolean inBlock) {
          return super.visitBlock(tree, true);
        }

        @Override
        public Void visitClass(ClassTree tree, Boolean inBlock) {
          if (inBlock
              && !tree.getModifiers().getAnnotations().isEmpty()
              && annotatedModule(tree, imports(unit))) {
            found.add(new LocalModule(tree.getSimpleName().toString(), tree, unit));
          }
          return super.visitClass(tree, false); // its members are not local, their bodies' classes are
        }
      }.scan(unit, false);
    }
    return found;
  }

  /** Reports on a local module class, which has no element to report on. */
  void report(LocalModule module, Diagnostic.Kind kind, String text) {
    trees.printMessage(kind, text, module.tree(), module.unit());
  }

  /** Whether the class is annotated {@code @io.hostmod.Module}. */
  private static boolean annotatedModule(ClassTree tree, List<String> imports) {
    for (AnnotationTree annotation : tree.getModifiers().getAnnotations()) {
      if (names(annotation.getAnnotationType(), HostmodNames.MODULE, imports)) {
        return true;
      }
    }
    return false;
  }
}
