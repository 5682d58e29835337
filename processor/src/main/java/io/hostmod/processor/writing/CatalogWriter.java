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
import java.util.List;
import javax.lang.model.element.Modifier;

/** Writes the catalog of one compilation: its module tables, whose bindings it lists by module name. */
public final class CatalogWriter {

  private CatalogWriter() {}

  /** The catalog listing {@code tables}, in the given order. */
  public static JavaFile write(ClassName catalog, List<ClassName> tables, boolean markGenerated) {
    TypeName bindingList =
        ParameterizedTypeName.get(
            ClassName.get(List.class),
            ParameterizedTypeName.get(RuntimeTypes.MODULE_BINDING, WildcardTypeName.subtypeOf(Object.class)));
    CodeBlock.Builder bindings = CodeBlock.builder().add("$T.sortedBindings($>", RuntimeTypes.MODULE_TABLE);
    for (int i = 0; i < tables.size(); i++) {
      bindings.add("\nnew $T()$L", tables.get(i), i + 1 < tables.size() ? "," : "");
    }
    bindings.add(")$<");
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
