package io.hostmod.processor.writing;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.hostmod.processor.model.Argument;
import io.hostmod.processor.model.HookCall;
import io.hostmod.processor.model.Kind;
import io.hostmod.processor.model.LifecycleCall;
import io.hostmod.processor.model.ModuleModel;
import io.hostmod.processor.model.OptionField;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code Foo_Binding}: the module's name, kind and dependencies, and a direct call for
 * each lifecycle method it has, passing the context or the dependencies its parameters ask for;
 * {@code create} also sets the {@code @Option} fields, and {@code hooks()} lists the {@code @Hook}
 * methods as direct calls. Methods it lacks keep the interface's do-nothing defaults.
 */
public final class BindingWriter {

  private BindingWriter() {}

  public static JavaFile write(ModuleModel module, boolean markGenerated) {
    ClassName type = module.type();
    TypeSpec.Builder binding =
        TypeSpec.classBuilder(module.bindingType())
            .addJavadoc(
                "The binding of {@link $T}, module {@code $L}: direct calls of its constructor and"
                    + " lifecycle methods.\n",
                type,
                module.name())
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addSuperinterface(ParameterizedTypeName.get(RuntimeTypes.MODULE_BINDING, type))
            .addMethod(returning("name", ClassName.get(String.class), CodeBlock.of("$S", module.name())))
            .addMethod(
                returning(
                    "moduleType",
                    ParameterizedTypeName.get(ClassName.get(Class.class), type),
                    CodeBlock.of("$T.class", type)))
            .addMethod(
                returning(
                    "kind",
                    RuntimeTypes.MODULE_KIND,
                    CodeBlock.of("$T.$L", RuntimeTypes.MODULE_KIND, module.kind().name())))
            .addMethod(
                returning(
                    "dependencies",
                    ParameterizedTypeName.get(List.class, String.class),
                    dependencies(module.dependencies())));

    if (!module.hooks().isEmpty()) {
      binding.addField(hooksField(module));
    }
    binding.addMethod(create(module));
    if (module.load() != null) {
      binding.addMethod(call("load", type, module.load(), RuntimeTypes.MODULE_CONTEXT, "context"));
    }
    if (module.addHost() != null) {
      binding.addMethod(call("addHost", type, module.addHost(), RuntimeTypes.HOST_CONTEXT, "host"));
    }
    if (module.unload() != null) {
      binding.addMethod(call("unload", type, module.unload(), null, null));
    }
    if (module.unloadHost() != null) {
      binding.addMethod(call("unloadHost", type, module.unloadHost(), RuntimeTypes.HOST_CONTEXT, "host"));
    }
    if (module.save() != null) {
      binding.addMethod(
          lifecycle("save", type, module.save(), null, null)
              .returns(Object.class)
              .addStatement("return module.$N()", module.save().method())
              .build());
    }
    if (module.restore() != null) {
      binding.addMethod(restore(module));
    }
    if (!module.hooks().isEmpty()) {
      binding.addMethod(
          returning(
              "hooks",
              ParameterizedTypeName.get(ClassName.get(List.class), hookType(type)),
              CodeBlock.of("HOOKS")));
    }
    if (!module.options().isEmpty()) {
      binding.addMethod(
          returning(
              "options",
              ParameterizedTypeName.get(List.class, String.class),
              dependencies(module.options().stream().map(OptionField::key).toList())));
    }
    if (module.kind() == Kind.SHARED) {
      ClassName proxy = module.hostProxyType();
      binding.addMethod(
          returning(
              "hostProxyType",
              ParameterizedTypeName.get(ClassName.get(Class.class), proxy),
              CodeBlock.of("$T.class", proxy)));
      binding.addMethod(
          MethodSpec.methodBuilder("newHostProxy")
              .addAnnotation(Override.class)
              .addModifiers(Modifier.PUBLIC)
              .returns(proxy)
              .addParameter(ParameterizedTypeName.get(RuntimeTypes.HOST_PROXY_TARGET, type), "target")
              .addStatement("return new $T(target)", proxy)
              .build());
    }
    return RuntimeTypes.file(type.packageName(), binding.build(), markGenerated);
  }

  /**
   * {@code create}: the constructor call with its arguments, then each {@code @Option} field set
   * from the configuration, its initial value the default.
   */
  private static MethodSpec create(ModuleModel module) {
    ClassName type = module.type();
    MethodSpec.Builder create =
        lifecycle("create", type, module.constructor(), RuntimeTypes.MODULE_CONTEXT, "context")
            .returns(type);
    CodeBlock arguments = arguments(module.constructor(), "context");
    if (module.options().isEmpty()) {
      return create.addStatement("return new $T($L)", type, arguments).build();
    }
    create.addStatement("$T module = new $T($L)", type, type, arguments);
    for (OptionField option : module.options()) {
      if (option.list()) {
        if (option.required()) {
          // There is no required list to read, so fail the load the runtime's way first.
          create.addStatement("context.requireOption($S, $T.class)", option.key(), Object.class);
        }
        create.addStatement(
            "module.$N = context.optionList($S, $T.class, module.$N)",
            option.field(), option.key(), option.type(), option.field());
      } else if (option.required()) {
        create.addStatement(
            "module.$N = context.requireOption($S, $T.class)",
            option.field(), option.key(), option.type());
      } else {
        create.addStatement(
            "module.$N = context.option($S, $T.class, module.$N)",
            option.field(), option.key(), option.type(), option.field());
      }
    }
    return create.addStatement("return module").build();
  }

  /** The arguments of a call, in parameter order: the context, or a dependency or its proxy. */
  private static CodeBlock arguments(LifecycleCall call, String context) {
    CodeBlock.Builder arguments = CodeBlock.builder();
    for (int i = 0; i < call.arguments().size(); i++) {
      arguments.add(i == 0 ? "" : ", ");
      Argument argument = call.arguments().get(i);
      if (argument instanceof Argument.ModuleOf dependency) {
        arguments.add("$N.module($T.class)", context, dependency.module());
      } else if (argument instanceof Argument.HostProxyOf proxy) {
        arguments.add("$N.hostProxy($T.class)", context, proxy.proxy());
      } else {
        arguments.add("$N", context);
      }
    }
    return arguments.build();
  }

  private static TypeName hookType(ClassName module) {
    return ParameterizedTypeName.get(RuntimeTypes.MODULE_HOOK, module);
  }

  /** {@code HOOKS}: each {@code @Hook} method as a direct call, in declaration order. */
  private static FieldSpec hooksField(ModuleModel module) {
    CodeBlock.Builder hooks = CodeBlock.builder().add("$T.of(", List.class).indent();
    List<HookCall> calls = module.hooks();
    for (int i = 0; i < calls.size(); i++) {
      HookCall hook = calls.get(i);
      hooks.add(
          "\nnew $T<>($S, $L, (module, context, event) -> module.$N($L))",
          RuntimeTypes.MODULE_HOOK,
          hook.event(),
          hook.priority(),
          hook.method(),
          hook.takesContext() ? "context, event" : "event");
      hooks.add(i + 1 < calls.size() ? "," : "");
    }
    return FieldSpec.builder(
            ParameterizedTypeName.get(ClassName.get(List.class), hookType(module.type())),
            "HOOKS",
            Modifier.PRIVATE,
            Modifier.STATIC,
            Modifier.FINAL)
        .initializer(hooks.unindent().add(")").build())
        .build();
  }

  private static CodeBlock dependencies(List<String> names) {
    CodeBlock.Builder list = CodeBlock.builder().add("$T.of(", List.class);
    for (int i = 0; i < names.size(); i++) {
      list.add(i == 0 ? "$S" : ", $S", names.get(i));
    }
    return list.add(")").build();
  }

  private static MethodSpec returning(String name, TypeName type, CodeBlock value) {
    return MethodSpec.methodBuilder(name)
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(type)
        .addStatement("return $L", value)
        .build();
  }

  /**
   * The frame of a lifecycle override: {@code (Foo module[, Context argument])}, declaring {@code
   * throws Exception} only when the module's method throws checked exceptions.
   */
  private static MethodSpec.Builder lifecycle(
      String name, ClassName type, LifecycleCall call, ClassName argumentType, String argument) {
    MethodSpec.Builder method =
        MethodSpec.methodBuilder(name).addAnnotation(Override.class).addModifiers(Modifier.PUBLIC);
    if (!name.equals("create")) {
      method.addParameter(type, "module");
    }
    if (argumentType != null) {
      method.addParameter(argumentType, argument);
    }
    if (call.throwsChecked()) {
      method.addException(Exception.class);
    }
    return method;
  }

  private static MethodSpec call(
      String name, ClassName type, LifecycleCall call, ClassName argumentType, String argument) {
    return lifecycle(name, type, call, argumentType, argument)
        .addStatement("module.$N($L)", call.method(), arguments(call, argument))
        .build();
  }

  private static MethodSpec restore(ModuleModel module) {
    TypeName stateType = module.restoreType();
    MethodSpec.Builder restore =
        lifecycle("restore", module.type(), module.restore(), ClassName.get(Object.class), "state");
    if (isGeneric(stateType)) {
      // The state comes back as the Object that @Save returned, which was checked to be this type.
      restore.addAnnotation(
          AnnotationSpec.builder(SuppressWarnings.class).addMember("value", "$S", "unchecked").build());
    }
    if (stateType.equals(ClassName.get(Object.class))) {
      return restore.addStatement("module.$N(state)", module.restore().method()).build();
    }
    return restore.addStatement("module.$N(($T) state)", module.restore().method(), stateType).build();
  }

  /** Whether a cast to the type is unchecked: it is parameterized, or an array of such a type. */
  private static boolean isGeneric(TypeName type) {
    return type instanceof ParameterizedTypeName
        || (type instanceof ArrayTypeName array && isGeneric(array.componentType()));
  }
}
