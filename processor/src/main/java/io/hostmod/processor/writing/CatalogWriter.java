package io.hostmod.processor.writing;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import io.hostmod.processor.model.ModuleModel;
import java.util.Comparator;
import java.util.List;
import javax.lang.model.element.Modifier;

/** Writes the catalog of one compilation: every binding, sorted by module name. */
public final class CatalogWriter {

  private CatalogWriter() {}

  public static JavaFile write(ClassName catalog, List<ModuleModel> modules, boolean markGenerated) {
    TypeName bindingList =
        ParameterizedTypeName.get(
            ClassName.get(List.class),
            ParameterizedTypeName.get(RuntimeTypes.MODULE_BINDING, WildcardTypeName.subtypeOf(Object.class)));
    CodeBlock.Builder bindings = CodeBlock.builder().add("$T.of(", List.class).indent();
    List<ModuleModel> sorted =
        modules.stream().sorted(Comparator.comparing(ModuleModel::name)).toList();
    for (int i = 0; i < sorted.size(); i++) {
      bindings.add(i == 0 ? "\nnew $T()" : ",\nnew $T()", sorted.get(i).bindingType());
    }
    bindings.unindent().add(")");
    TypeSpec type =
        TypeSpec.classBuilder(catalog)
            .addJavadoc(
                "The hostmod modules of one compilation, found by {@code"
                    + " ModuleManager.builder().discoverCatalogs()} through"
                    + " {@code META-INF/services/$L}.\n",
                RuntimeTypes.MODULE_CATALOG.canonicalName())
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addSuperinterface(RuntimeTypes.MODULE_CATALOG)
            .addField(
                FieldSpec.builder(bindingList, "BINDINGS", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                    .initializer(bindings.build())
                    .build())
            .addMethod(
                MethodSpec.methodBuilder("bindings")
                    .addAnnotation(Override.class)
                    .addModifiers(Modifier.PUBLIC)
                    .returns(bindingList)
                    .addStatement("return BINDINGS")
                    .build())
            .build();
    return RuntimeTypes.file(catalog.packageName(), type, markGenerated);
  }
}
